// Content script, part 2: reading what the page says about a field and about the session.
// Labels decide which editable is the progress note; labels and the URL give the client and
// the appointment date. Only label text and short header values are read, never a field's value.
(() => {
  const M = (globalThis.Margin ??= {});
  const SHORT = 160;

  const clean = (text) => (text ?? '').replace(/\s+/g, ' ').trim();

  /** Short visible text of an element (headings, labels), or '' for long blocks. */
  function shortText(element) {
    if (!element || element.isContentEditable || element.localName === 'textarea') return '';
    if (element.hasAttribute?.(M.BUTTON_ATTRIBUTE) || element.hasAttribute?.(M.GUARD_ATTRIBUTE)) return '';
    const text = clean(element.textContent);
    return text.length <= SHORT ? text : '';
  }

  function byIds(element, attribute) {
    const ids = (element.getAttribute(attribute) ?? '').split(/\s+/).filter(Boolean);
    const root = element.getRootNode();
    return ids.map((id) => shortText(root.getElementById?.(id) ?? element.ownerDocument.getElementById(id))).join(' ');
  }

  /** The field's own labels: aria, placeholder, name/id, <label>, the iframe's title. */
  M.ownLabels = function ownLabels(candidate) {
    const parts = [];
    for (const element of new Set([candidate.element, candidate.anchor])) {
      for (const name of ['aria-label', 'placeholder', 'data-placeholder', 'title', 'name', 'id', 'class']) {
        parts.push(element.getAttribute(name) ?? '');
      }
      parts.push(byIds(element, 'aria-labelledby'), byIds(element, 'aria-describedby'));
      if (element.labels) for (const label of element.labels) parts.push(shortText(label));
      const root = element.getRootNode();
      if (element.id && root.querySelector) {
        try { parts.push(shortText(root.querySelector(`label[for="${CSS.escape(element.id)}"]`))); } catch { /* odd id */ }
      }
      parts.push(shortText(element.closest('label')));
      // An empty editor shows its placeholder as a child: that is a label, not a note.
      const placeholder = element.querySelector?.('[data-placeholder], .ql-blank, .is-editor-empty');
      if (placeholder) parts.push(placeholder.getAttribute('data-placeholder') ?? '');
    }
    return clean(parts.join(' ').replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' '));
  };

  /** Headings and labels just before the field, walking up a few levels (across shadow roots). */
  M.nearbyText = function nearbyText(candidate) {
    const parts = [];
    let node = candidate.anchor;
    for (let depth = 0; depth < 6 && node; depth += 1) {
      let sibling = node.previousElementSibling;
      for (let count = 0; sibling && count < 3; count += 1) {
        parts.push(shortText(sibling));
        sibling = sibling.previousElementSibling;
      }
      if (node.localName === 'fieldset') parts.push(shortText(node.querySelector('legend')));
      const label = node.getAttribute?.('aria-label');
      if (label && depth > 0) parts.push(label);
      node = M.parentAcross(node);
    }
    return clean(parts.join(' '));
  };

  // --- dates -------------------------------------------------------------------------------
  const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
  const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
  const iso = (y, m, d) => {
    const date = new Date(Date.UTC(+y, +m - 1, +d));
    if (date.getUTCFullYear() !== +y || date.getUTCMonth() !== +m - 1 || date.getUTCDate() !== +d) return null;
    return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  };

  /** The first date in a string, as YYYY-MM-DD. US order (M/D/Y) for slashed dates. */
  M.parseDate = function parseDate(text) {
    const value = clean(text).toLowerCase();
    let match = value.match(/\b(\d{4})-(\d{1,2})-(\d{1,2})/);
    if (match) return iso(match[1], match[2], match[3]);
    match = value.match(/\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/);
    if (match) return iso(match[3], match[1], match[2]);
    match = value.match(new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})`));
    if (match) return iso(match[3], MONTHS.indexOf(match[1]) + 1, match[2]);
    match = value.match(new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})`));
    if (match) return iso(match[3], MONTHS.indexOf(match[2]) + 1, match[1]);
    return null;
  };

  /** The value an element shows: an input's value, a <time>'s datetime, or its text. */
  M.shownValue = function shownValue(element) {
    if (!element) return '';
    if (element.localName === 'input' || element.localName === 'select') return clean(element.value);
    if (element.localName === 'time' && element.getAttribute('datetime')) return element.getAttribute('datetime');
    return shortText(element);
  };

  M.fromUrl = function fromUrl(pattern, location) {
    if (!pattern) return undefined;
    try {
      const where = `${location.pathname}${location.search}${location.hash}`;
      return where.match(new RegExp(pattern, 'i'))?.[1]?.slice(0, 200);
    } catch {
      return undefined;
    }
  };

  // --- labeled values ("Client: Jane Doe", <dt>Date of service</dt><dd>…</dd>) --------------
  const CLIENT_LABEL = /^(?:client|patient)(?:\s+name)?\s*:?$/i;
  const CLIENT_INLINE = /^(?:client|patient)(?:\s+name)?\s*:\s*(.{2,80})$/i;
  const DATE_LABEL = /^(?:date\s+of\s+service|service\s+date|session\s+date|appointment(?:\s+date)?|visit\s+date|date|dos)\s*:?$/i;
  const DATE_INLINE = /(?:date\s+of\s+service|service\s+date|session\s+date|appointment(?:\s+date)?|visit\s+date|session|dos)\s*:?\s*(.{6,40})/i;
  const LABELISH = 'label, dt, th, strong, b, span, div, p, li, h1, h2, h3, h4, h5, h6, legend, td';

  function valueAfterLabel(label) {
    if (label.localName === 'label' && label.control) return M.shownValue(label.control);
    const next = label.nextElementSibling;
    if (next) return M.shownValue(next.matches('input, select, time') ? next : next.querySelector('input, select, time') ?? next);
    const parentNext = label.parentElement?.nextElementSibling;
    return parentNext ? M.shownValue(parentNext) : '';
  }

  /** The first value labeled by a label matching `labelRe`, or given inline. */
  M.labeledValue = function labeledValue(roots, labelRe, inlineRe, accept) {
    for (const { root } of roots) {
      for (const element of root.querySelectorAll(LABELISH)) {
        if (element.closest('textarea, [contenteditable="true"]') || element.children.length > 3) continue;
        const text = shortText(element);
        if (!text || text.length > 100) continue;
        let value = null;
        if (labelRe.test(text)) value = valueAfterLabel(element);
        else if (element.children.length === 0 || element.localName === 'p' || element.localName === 'div') {
          value = text.match(inlineRe)?.[1] ?? null;
        }
        const accepted = value ? accept(value) : null;
        if (accepted) return accepted;
      }
    }
    return null;
  };

  M.acceptName = (value) => {
    const name = clean(value).replace(/^(?:client|patient)(?:\s+name)?\s*:\s*/i, '');
    return name.length >= 2 && name.length <= 120 && /[a-z]/i.test(name) && !/\d{3,}/.test(name) ? name : null;
  };

  M.readGenericClient = (roots) => {
    const tagged = M.queryAll(roots, '[data-client-name], [data-patient-name]')[0]?.element;
    if (tagged) return M.acceptName(tagged.getAttribute('data-client-name') ?? tagged.getAttribute('data-patient-name') ?? tagged.textContent);
    return M.labeledValue(roots, CLIENT_LABEL, CLIENT_INLINE, M.acceptName);
  };

  M.readGenericDate = (roots) => {
    const labeled = M.labeledValue(roots, DATE_LABEL, DATE_INLINE, M.parseDate);
    if (labeled) return labeled;
    const dateInputs = M.queryAll(roots, 'input[type="date"]').filter(({ element }) => element.value);
    if (dateInputs.length === 1) return M.parseDate(dateInputs[0].element.value);
    const times = M.queryAll(roots, 'time[datetime]');
    return times.length ? M.parseDate(times[0].element.getAttribute('datetime')) : null;
  };

  M.clean = clean;
})();
