// Content script, part 3: the adapters. Each has the interface {id, matches, findNoteField,
// readContext}. Site adapters are data (shared_schema/adapters/*.json, bundled as
// generated/adapters-data.js); when a site's selectors miss, its adapter falls back to the
// generic detection, so a redesign of the EHR degrades to "generic", not to "nothing".
(() => {
  const M = (globalThis.Margin ??= {});

  const STRONG = /\b(progress\s*notes?|session\s*notes?|clinical\s*notes?|therapy\s*notes?|soap|dap|birp|girp|pirp|narrative)\b/i;
  const MEDIUM = /\b(notes?|subjective|objective|assessment|plan|interventions?|response|documentation|session\s+summary|presenting\s+problem)\b/i;
  const NEGATIVE = /\b(search|comments?|chat|messages?|reply|feedback|address|e-?mail|subject\s+line|bio|tweet|review|instructions|to-?do|psychotherapy\s+notes?|private)\b/i;

  /** How much a candidate looks like the progress note; null when it does not at all. */
  M.scoreCandidate = function scoreCandidate(candidate, pageTitle) {
    const own = M.ownLabels(candidate);
    const near = M.nearbyText(candidate);
    let score = 0;
    let labeled = false;
    for (const [text, weight] of [[own, 2], [near, 1]]) {
      if (STRONG.test(text)) { score += 4 * weight; labeled = true; }
      if (MEDIUM.test(text)) { score += 2 * weight; labeled = true; }
      if (NEGATIVE.test(text)) score -= 5 * weight;
    }
    if (STRONG.test(pageTitle)) score += 2;
    const rect = candidate.anchor.getBoundingClientRect();
    if (rect.height >= 60) score += 1;
    if (rect.height >= 120) score += 2;
    if (rect.width >= 300) score += 1;
    if (candidate.element.localName === 'textarea') {
      if (candidate.element.rows >= 4) score += 1;
      if (candidate.element.readOnly) score -= 2;
    } else if (candidate.editor !== 'plain') {
      score += 1; // a rich-text editor is where long notes get written
    }
    if (rect.height < 40) score -= 3; // a one-line box is not a note
    return labeled ? score : null;
  };

  const MIN_SCORE = 5;

  /** The generic detection: the best-scoring labeled editable, or null. */
  M.findByHeuristics = function findByHeuristics(roots) {
    const pageTitle = `${document.title} ${M.clean(document.querySelector('h1')?.textContent).slice(0, 120)}`;
    let best = null;
    for (const candidate of M.editableCandidates(roots)) {
      const score = M.scoreCandidate(candidate, pageTitle);
      if (score !== null && score >= MIN_SCORE && (!best || score > best.score)) best = { ...candidate, score };
    }
    return best;
  };

  function findBySelectors(roots, selectors) {
    for (const selector of selectors) {
      for (const entry of M.queryAll(roots, selector)) {
        const kind = M.editableKind(entry.element, entry.inIframe);
        if (kind && M.isVisible(entry.element)) return M.describeCandidate(entry.element, kind, entry, 'adapter');
        // The selector may name the editor's wrapper (or its iframe): look inside it.
        const inner = innerEditable(entry);
        if (inner) return inner;
      }
    }
    return null;
  }

  function innerEditable(entry) {
    if (entry.element.localName === 'iframe') {
      const body = (() => { try { return entry.element.contentDocument?.body; } catch { return null; } })();
      const kind = body ? M.editableKind(body, true) : null;
      return kind ? M.describeCandidate(body, kind, { ...entry, inIframe: true }, 'adapter') : null;
    }
    for (const element of entry.element.querySelectorAll('textarea, [contenteditable]:not([contenteditable="false" i])')) {
      const kind = M.editableKind(element, entry.inIframe);
      if (kind && M.isVisible(element)) return M.describeCandidate(element, kind, entry, 'adapter');
    }
    return null;
  }

  function firstShown(roots, selectors, accept) {
    for (const selector of selectors) {
      for (const { element } of M.queryAll(roots, selector)) {
        const value = accept(M.shownValue(element));
        if (value) return value;
      }
    }
    return null;
  }

  function hostMatches(pattern, location) {
    const host = pattern.match(/^https:\/\/\*\.([^/]+)\/\*$/)?.[1];
    return Boolean(host) && (location.hostname === host || location.hostname.endsWith(`.${host}`));
  }

  /** An adapter from its data; the generic adapter is the one with no selectors. */
  M.makeAdapter = function makeAdapter(data) {
    return {
      id: data.id,
      saveButtons: data.save_buttons ?? [], // the leak guard holds a save started here
      matches: (location) => data.matches.some((pattern) => hostMatches(pattern, location)),
      findNoteField: (roots) => findBySelectors(roots, data.note_field) ?? M.findByHeuristics(roots),
      readContext(roots, location) {
        const client = firstShown(roots, data.client.name, M.acceptName) ?? M.readGenericClient(roots);
        const date = firstShown(roots, data.appointment.date, M.parseDate)
          ?? M.parseDate(M.fromUrl(data.appointment.date_in_url, location) ?? '')
          ?? M.readGenericDate(roots);
        const context = { site: data.id };
        const clientRef = M.fromUrl(data.client.ref_in_url, location);
        const appointmentRef = M.fromUrl(data.appointment.ref_in_url, location);
        if (date) context.appointment_date = date;
        if (clientRef) context.client_ref = clientRef;
        if (appointmentRef) context.appointment_ref = appointmentRef;
        return { client: client ? client.slice(0, 200) : null, context };
      },
    };
  };

  M.adapters = globalThis.MarginAdapterData.map(M.makeAdapter);
  M.adapterFor = (location) => M.adapters.find((adapter) => adapter.matches(location))
    ?? M.adapters.find((adapter) => adapter.id === 'generic');
})();
