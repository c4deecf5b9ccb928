// Content script, part 1b: what a field is called. Its own labels (aria, <label>,
// placeholder, the iframe's title), and the label-like texts before it: the visible label
// or heading of the editor's container. Toolbars and menu bars, the names editors give
// themselves ("Rich Text Editor", "Editor editing area: main") and visually hidden voice
// labels are never a field's label.
(() => {
  const M = (globalThis.Margin ??= {});
  const clean = (text) => (text ?? '').replace(/\s+/g, ' ').trim();
  const LABEL_MAX = 160;

  // The accessible names editor libraries give every instance: they say nothing about which
  // field it is (CKEditor 4 and 5, TinyMCE, Summernote, Trix...).
  const EDITOR_NAMES = /\b(?:rich[\s-]+text[\s-]+(?:editor|area)|(?:wysiwyg|text|html)\s+editor|(?:editor\s+)?editing\s+area(?::\s*main)?|press\s+alt\s*[-+]?\s*0\s+for\s+help|editor\s+toolbar)\b\s*[,.:]?/gi;
  M.withoutEditorNames = (text) => clean((text ?? '').replace(EDITOR_NAMES, ' ').replace(/^[\s,.:]+|[\s,.:]+$/g, ''));

  /** A label's words; '' for a field, Margin's own elements, or a long block of text. */
  function labelText(element) {
    if (!element || element.isContentEditable || element.localName === 'textarea') return '';
    if (element.hasAttribute?.(M.BUTTON_ATTRIBUTE) || element.hasAttribute?.(M.GUARD_ATTRIBUTE)) return '';
    const text = clean(element.textContent);
    return text.length <= LABEL_MAX ? text : '';
  }

  // Parts of the page that are not labels: controls, toolbars, menus, editors.
  const NOT_A_LABEL = 'button, select, input, textarea, script, style, template, svg, [role="toolbar"], [role="menubar"], [role="menu"], [role="button"], [class*="toolbar" i], [class*="menubar" i], [contenteditable]';
  const HIDDEN_CLASS = /\b(?:sr-only|visually-?hidden|screen-?reader|voice-label|offscreen|a11y-hidden|assistive)/i;

  /** Shown to a sighted reader? Voice labels are clipped to a pixel or moved off screen. */
  function seen(element) {
    if (element.hidden || element.getAttribute('aria-hidden') === 'true') return false;
    if (HIDDEN_CLASS.test(element.getAttribute('class') ?? '')) return false;
    if (element.checkVisibility && !element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    const style = element.ownerDocument.defaultView.getComputedStyle(element);
    if (style.position === 'absolute' || style.position === 'fixed') {
      const rect = element.getBoundingClientRect();
      if (rect.width <= 2 || rect.height <= 2 || rect.right < 0 || rect.bottom < 0) return false;
    }
    return !/^rect\(0(?:px)?,?\s*0(?:px)?/.test(style.clip) && style.clipPath !== 'inset(50%)';
  }

  const isToolbarTag = (element) => /toolbar|menubar/.test(element.localName);
  // A table of past notes or a list of links says "Progress note" many times: data, not a label.
  const isListing = (element) => (element.localName === 'table' && element.rows.length > 2)
    || (/^[uo]l$/.test(element.localName) && element.children.length > 2);

  /** The words of a neighbour a sighted clinician reads: its visible text, without toolbars,
   * controls and hidden voice labels; '' when that is long (a block of text, not a label). */
  function shownLabel(element) {
    if (element.matches(NOT_A_LABEL) || isToolbarTag(element) || isListing(element) || !seen(element)) return '';
    if (element.hasAttribute(M.BUTTON_ATTRIBUTE) || element.hasAttribute(M.GUARD_ATTRIBUTE)) return '';
    if ((element.textContent ?? '').length > LABEL_MAX * 8) return '';
    const parts = [];
    const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => {
        if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
        return node.matches(NOT_A_LABEL) || isToolbarTag(node) || isListing(node) || !seen(node) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
      },
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.data.trim()) parts.push(node.data.trim());
    // A label with a hint under it ("Data" / "What was observed"): kept apart, so the label
    // word still reads as a label on its own.
    const text = M.withoutEditorNames(parts.length > 1 && parts[0].length <= 24 ? `${parts[0]} — ${parts.slice(1).join(' ')}` : parts.join(' '));
    return text.length <= LABEL_MAX ? text : '';
  }

  function byIds(element, attribute) {
    const ids = (element.getAttribute(attribute) ?? '').split(/\s+/).filter(Boolean);
    const root = element.getRootNode();
    return ids.map((id) => labelText(root.getElementById?.(id) ?? element.ownerDocument.getElementById(id))).join(' ');
  }

  /** The field's own labels: `spoken` is what a person reads (aria, <label>, placeholder,
   * the iframe's title), `coded` the names a developer gave it (name, id, class), `hint`
   * its description (aria-describedby), which advises rather than names. */
  M.ownLabelParts = function ownLabelParts(candidate) {
    const spoken = [];
    const coded = [];
    const hint = [];
    for (const element of new Set([candidate.element, candidate.anchor])) {
      for (const name of ['aria-label', 'placeholder', 'data-placeholder', 'title']) spoken.push(element.getAttribute(name) ?? '');
      for (const name of ['name', 'id', 'class', 'data-testid', 'data-id']) coded.push(element.getAttribute(name) ?? '');
      spoken.push(byIds(element, 'aria-labelledby'));
      hint.push(byIds(element, 'aria-describedby'));
      if (element.labels) for (const label of element.labels) spoken.push(labelText(label));
      const root = element.getRootNode();
      if (element.id && root.querySelector) {
        try { spoken.push(labelText(root.querySelector(`label[for="${CSS.escape(element.id)}"]`))); } catch { /* odd id */ }
      }
      spoken.push(labelText(element.closest('label')));
      // An editor that replaced a textarea names it (TinyMCE's body data-id): its label is the editor's.
      const replaced = element.getAttribute('data-id');
      const frame = candidate.kind === 'iframe-body' ? candidate.anchor : null;
      if (replaced && frame && frame !== element) {
        try { spoken.push(labelText(frame.ownerDocument.querySelector(`label[for="${CSS.escape(replaced)}"]`))); } catch { /* odd id */ }
      }
      // An empty editor shows its placeholder inside itself: that is a label, not a note.
      const placeholder = element.querySelector?.('[data-placeholder], .ql-blank, .is-editor-empty, [data-slate-placeholder]');
      if (placeholder) spoken.push(placeholder.getAttribute('data-placeholder') ?? labelText(placeholder));
    }
    const words = (parts) => clean(parts.join(' ').replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' '));
    return { spoken: M.withoutEditorNames(spoken.join(' ')), coded: words(coded), hint: clean(hint.join(' ')) };
  };

  const FIELD = 'textarea, [contenteditable="true" i], [contenteditable=""], iframe';

  /** Label-like texts before the field, nearest first: previous siblings (text nodes too),
   * then the parent's, up a few levels, across shadow roots and iframes; legends and
   * aria-labels of enclosing groups on the way. */
  M.nearbyLabels = function nearbyLabels(candidate, limit = 4) {
    const found = [];
    const add = (text) => { if (text) found.push(text); };
    let node = candidate.anchor;
    for (let depth = 0; depth < 7 && node && found.length < limit; depth += 1) {
      let sibling = node.previousSibling;
      for (let count = 0; sibling && count < 4 && found.length < limit; count += 1, sibling = sibling.previousSibling) {
        if (sibling.nodeType === Node.TEXT_NODE) {
          const text = clean(sibling.data);
          if (text) add(text);
          else count -= 1; // whitespace between tags is not a neighbour
          continue;
        }
        if (sibling.nodeType !== Node.ELEMENT_NODE) continue;
        // Labels before another field are that field's (a field an editor hid and replaced
        // is not another field: TinyMCE's and CKEditor's label still names the editor).
        const field = sibling.matches(FIELD) ? sibling : sibling.querySelector(FIELD);
        if (field && M.isVisible(field)) break;
        const text = shownLabel(sibling);
        if (/\p{L}/u.test(text)) add(text);
        else if (!text) count -= 1; // a toolbar or a hidden voice label is not a neighbour either
      }
      if (node.localName === 'fieldset') add(labelText(node.querySelector('legend')));
      if (node.localName === 'td' || node.localName === 'th') add(columnHeader(node));
      // A group, region, dialog, frame or web component around the field may carry its name.
      if (depth > 0 && node.getAttribute) {
        add(M.withoutEditorNames(node.getAttribute('aria-label')));
        add(M.withoutEditorNames(byIds(node, 'aria-labelledby')));
        if (node.localName === 'iframe' || node.localName === 'frame') add(M.withoutEditorNames(node.getAttribute('title')));
        if (node.localName.includes('-')) add(node.getAttribute('label')); // <x-textarea label="…">
      }
      // A field slotted into a component sits, as shown, where its slot is: beside the
      // component's own label.
      node = node.assignedSlot ?? M.parentAcross(node);
    }
    return found;
  };

  /** A table cell's column header: the cell above it in the header row, or in the row above. */
  function columnHeader(cell) {
    const row = cell.parentElement;
    const table = cell.closest('table');
    const above = table?.tHead?.rows[0] ?? row?.previousElementSibling;
    if (!above || above === row) return '';
    const header = above.cells?.[cell.cellIndex];
    return header && !header.querySelector(FIELD) ? labelText(header) : '';
  }
})();
