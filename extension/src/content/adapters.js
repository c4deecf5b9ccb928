// Content script, part 3: the adapters. Each has the interface {id, matches, findNoteField,
// readContext}. Site adapters are data (shared_schema/adapters/*.json, bundled as
// generated/adapters-data.js); when a site's selectors miss, its adapter falls back to the
// generic detection, so a redesign of the EHR degrades to "generic", not to "nothing".
(() => {
  const M = (globalThis.Margin ??= {});

  // What a label says about a field. NOTE: the progress note as a whole; SECTION: one
  // section of a structured note (SOAP, DAP, BIRP, GIRP); WEAK: "notes"; NEGATIVE: a field
  // that is something else (a search box, a message, a comment, the EHR's own private note).
  const NOTE = /\b(?:(?:progress|prog\.?|session|clinical|therapy|treatment|tx|visit|encounter|case|counsel+ing|chart|soap|dap|birp|girp|pirp|dar)[\s_-]*(?:notes?|entry|documentation)|narrative|soap|dap|birp|girp|pirp)\b|\bdocument(?:ing)?\s+(?:the\s+|this\s+|your\s+)?(?:session|visit|encounter|appointment)\b|\bnotas?\s+(?:de\s+)?(?:evoluci[oó]n|progreso|sesi[oó]n|cl[ií]nicas?)|\bnotes?\s+(?:de\s+)?(?:s[eé]ance|suivi|[eé]volution)|\b(?:verlaufs|sitzungs)(?:notiz|dokumentation)/i;
  const SECTION = /\b(?:subjective|objective|assessment|plan|behaviou?r|interventions?|response|goals?|presenting\s+problem|session\s+summary|progress)\b|^(?:data|d|s|o|a|p|b|i|r|g)\s*(?:[:.)]|\s—\s|$)|(?:^|\s)[SOAPDBIRG]\s?:(?:\s|$)/i;
  const WEAK = /\b(?:notes?|documentation|notas?|notiz)\b/i;
  const NEGATIVE = /\b(?:search|find|filter|comments?|chat|messages?|reply|feedback|address|e-?mail|subject|bio|tweet|review|instructions|to-?do|psychotherapy\s+notes?|private|billing|biller|invoice|payment|insurance|allerg(?:y|ies)|internal|team|portal|front\s+desk|administrativ[aeo]s?|administrative|personal|to\s+self|scratch|sticky|reminders?|scheduling)\b/i;

  /** The strongest thing a text says: 'note', 'section', 'weak', or null; negative apart. */
  function meaning(text) {
    return { kind: NOTE.test(text) ? 'note' : SECTION.test(text) ? 'section' : WEAK.test(text) ? 'weak' : null, negative: NEGATIVE.test(text) };
  }

  const POINTS = {
    spoken: { note: 8, section: 6, weak: 4, negative: -10 },
    coded: { note: 4, section: 2, weak: 2, negative: -4 },
    nearest: { note: 5, section: 4, weak: 3, negative: -6 },
    hint: { note: 3, section: 2, weak: 1, negative: 0 }, // aria-describedby: advice, not a name
    around: { note: 2, section: 1, weak: 0, negative: 0 }, // a legend or heading over a group
  };

  function labelPoints(texts) {
    let points = 0;
    let kind = null;
    let decoy = false; // its own or nearest label says it is something else
    let group = null; // what a group around it (a dialog, a region, a legend) calls it
    for (const [where, text] of texts) {
      if (!text) continue;
      // Section letters ("S:") only mean something in a label a person reads.
      const said = meaning(where === 'coded' ? text.replace(/\b[a-z]\b/gi, '') : text);
      if (said.kind) points += POINTS[where][said.kind];
      if (said.negative) points += POINTS[where].negative;
      if (said.negative && (where === 'spoken' || where === 'nearest') && said.kind !== 'note') decoy = true;
      if (where === 'around') { if (said.kind === 'note' && !said.negative) group ??= 'note'; continue; }
      if (said.kind === 'note') kind = 'note'; // "Progress note (not private)" is still the note
      else if (said.kind && !said.negative && !kind) kind = said.kind;
    }
    kind ??= group; // "New progress note" names the dialog the unlabelled editor is in
    return { points, kind: decoy && kind !== 'note' ? null : kind, decoy };
  }

  function sizePoints(candidate) {
    const rect = candidate.anchor.getBoundingClientRect();
    let points = 0;
    if (rect.height >= 60) points += 1;
    if (rect.height >= 120) points += 2;
    if (rect.height >= 200) points += 1;
    if (rect.width >= 300) points += 1;
    // A one-line textarea is not a note; an empty rich-text editor is one line tall until typed in.
    if (rect.height < 40) points -= candidate.element.localName === 'textarea' ? 4 : 1;
    return points;
  }

  function shapePoints(candidate) {
    const { element } = candidate;
    let points = 0;
    if (element.localName === 'textarea') {
      if (element.rows >= 4) points += 1;
      if (element.readOnly) points -= 6; // a signed or locked note is not where one writes
    } else {
      if (candidate.editor !== 'plain') points += 1; // a rich-text editor is where long notes get written
      if (element.getAttribute('aria-multiline') === 'true') points += 1;
      if (element.getAttribute('aria-readonly') === 'true') points -= 6;
    }
    if (M.isFloating(candidate.anchor)) points -= 3; // chat and help widgets float over the page
    return points;
  }

  /** How much a candidate looks like the progress note: {score, labelled}; labelled is
   * 'note', 'section' or 'weak' as its labels say, null when no label says any of those. */
  M.scoreCandidate = function scoreCandidate(candidate, pageTitle) {
    const { spoken, coded, hint } = M.ownLabelParts(candidate);
    const [nearest = '', ...around] = M.nearbyLabels(candidate);
    const labels = labelPoints([['spoken', spoken], ['coded', coded], ['hint', hint], ['nearest', nearest], ...around.map((text) => ['around', text])]);
    let score = labels.points + sizePoints(candidate) + shapePoints(candidate);
    if (NOTE.test(pageTitle)) score += 2;
    return { score, labelled: labels.kind, decoy: labels.decoy };
  };

  const MIN_SCORE = 5;

  /** The generic detection: the best-scoring labelled editable, or null. When the best is a
   * section of a structured note (SOAP's four boxes), the first section gets the button:
   * the top of the note, and the same field whichever section the clinician is in. */
  M.findByHeuristics = function findByHeuristics(roots) {
    const pageTitle = `${document.title} ${M.clean(document.querySelector('h1')?.textContent).slice(0, 120)}`;
    const scored = M.editableCandidates(roots).map((candidate) => ({ ...candidate, ...M.scoreCandidate(candidate, pageTitle) }));
    return choose(scored.filter((candidate) => candidate.labelled && candidate.score >= MIN_SCORE)) ?? loneLargeField(scored, pageTitle);
  };

  function choose(candidates) {
    let best = null;
    for (const candidate of candidates) if (!best || candidate.score > best.score) best = candidate;
    if (best?.labelled === 'section') {
      best = candidates.find((candidate) => candidate.labelled === 'section' && candidate.score >= best.score - 4) ?? best;
    }
    return best;
  }

  /** A page titled as a progress note with one large unlabelled editable: that one. */
  function loneLargeField(scored, pageTitle) {
    if (!NOTE.test(pageTitle)) return null;
    const large = scored.filter((candidate) => {
      const rect = candidate.anchor.getBoundingClientRect();
      return rect.height >= 100 && rect.width >= 200 && candidate.score >= 0;
    });
    return large.length === 1 ? large[0] : null;
  }

  /** The site's own selectors, in order. A selector can match more than the note (a form's
   * every textarea, every Quill editor on the page): its matches are scored like the generic
   * ones, and those labelled as something else (a comment, a message) are left out. */
  function findBySelectors(roots, selectors) {
    const pageTitle = document.title;
    for (const selector of selectors) {
      const matches = [];
      for (const entry of M.queryAll(roots, selector)) {
        const kind = M.editableKind(entry.element, entry.inIframe);
        // The selector may name the editor's wrapper (or its iframe): look inside it.
        const found = kind && M.isVisible(entry.element) ? M.describeCandidate(entry.element, kind, entry, 'adapter') : innerEditable(entry);
        if (found && !matches.some((match) => match.element === found.element)) matches.push(found);
      }
      const kept = matches.map((match) => ({ ...match, ...M.scoreCandidate(match, pageTitle) })).filter((match) => !match.decoy);
      const best = choose(kept.filter((match) => match.labelled)) ?? kept[0];
      if (best) return best;
    }
    return null;
  }

  /** The field the clinician picked on this site ("pick the field"), when it is on the page. */
  function findLearned(roots) {
    for (const selector of M.learnedSelectors ?? []) {
      for (const entry of M.queryAll(roots, selector)) {
        const kind = M.editableKind(entry.element, entry.inIframe);
        const found = kind && M.isVisible(entry.element) ? M.describeCandidate(entry.element, kind, entry, 'learned') : innerEditable(entry);
        if (found) return { ...found, foundBy: 'learned' };
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
      findNoteField: (roots) => findLearned(roots) ?? findBySelectors(roots, data.note_field) ?? M.findByHeuristics(roots),
      readContext(roots, location, field = null) {
        let generic = null; // the page's texts, read once, only if the selectors miss
        const fromPage = () => (generic ??= M.readGenericContext(roots, M.textItems(roots), field));
        const sources = {};
        const pick = (aspect, ...readers) => {
          for (const [source, read] of readers) {
            const value = read();
            if (value) { sources[aspect] = source === 'generic' ? fromPage().sources[aspect] : source; return value; }
          }
          return null;
        };
        // Where the clinician's correction was found on a page of this shape comes first.
        const client = pick('client', ['learned', () => M.learnedContextValue('client', roots)],
          ['site', () => firstShown(roots, data.client.name, M.acceptName)], ['generic', () => fromPage().client]);
        const date = pick('date', ['learned', () => M.learnedContextValue('date', roots)], ['site', () => firstShown(roots, data.appointment.date, M.parseDate)],
          ['address', () => M.parseDate(M.fromUrl(data.appointment.date_in_url, location) ?? '')], ['generic', () => fromPage().date]);
        const context = { site: data.id };
        const clientRef = M.fromUrl(data.client.ref_in_url, location) ?? fromPage().clientRef;
        const appointmentRef = M.fromUrl(data.appointment.ref_in_url, location);
        if (date) context.appointment_date = date;
        if (clientRef) context.client_ref = clientRef;
        if (appointmentRef) context.appointment_ref = appointmentRef;
        return { client: client ? client.slice(0, 200) : null, context, sources };
      },
    };
  };

  M.adapters = globalThis.MarginAdapterData.map(M.makeAdapter);
  M.adapterFor = (location) => M.adapters.find((adapter) => adapter.matches(location))
    ?? M.adapters.find((adapter) => adapter.id === 'generic');
})();
