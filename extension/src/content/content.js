// Content script, entry: find the progress-note field and the EHR context, tell the worker
// the context, put the "Private notes" button beside the field. It never receives, holds
// or writes private text (docs/DESIGN.md invariant 1): the panel gets notes from the daemon
// through the worker, and nothing from the worker to this script can carry text.
(() => {
  const M = globalThis.Margin;
  if (M.started) { M.scanSoon(); return; } // injected again on a tab that already has it
  M.started = true;
  const api = globalThis.browser ?? globalThis.chrome;

  // Test build only: every message this script sends or receives, for the invariant test.
  const messageLog = globalThis.MarginBuild?.test ? (M.messageLog = []) : null;
  const record = (direction, message) => { messageLog?.push({ direction, message: JSON.parse(JSON.stringify(message ?? null)) }); };

  M.send = send; // the leak guard's messages go the same way (and into the test log)
  async function send(message) {
    record('sent', message);
    try {
      const reply = await api.runtime.sendMessage(message);
      record('received', reply);
      return reply;
    } catch {
      return null; // the extension was reloaded or updated; this page's script is orphaned
    }
  }

  let button = null;
  let lastReport = '';
  let lastNote = null;
  let lastFound = null;
  let roots = null;
  M.rootsDirty = true;

  function describeField(found) {
    if (!found) return null;
    return { kind: found.kind, editor: found.editor, in_iframe: found.inIframe, in_shadow_root: found.inShadow, found_by: found.foundBy };
  }

  /** What a scan keeps from the last one is dropped: the next one looks at everything. */
  M.forgetScans = () => { M.rootsDirty = true; M.forgetTexts(); };
  // A drawer that finished sliding, or a new window size, may show or hide anything.
  function lookAfresh() { M.forgetTexts(); M.scanSoon(); }

  function scanNow() {
    M.duringScan(scan);
  }

  function scan() {
    const started = performance.now();
    const adapter = M.adapterFor(location);
    // A single-page app moved to another page: its shape may have learned places of its own.
    M.loadLearnedContext().then((any) => { if (any) M.scanSoon(); });
    // The places to look (document, shadow roots, frames) change only when elements come
    // or go: between such changes the last list holds.
    if (!M.rootsDirty && roots && childrenChanged) roots = M.updateRoots(roots, added);
    if (M.rootsDirty || !roots) roots = M.collectRoots(document);
    M.rootsDirty = false;
    added.clear();
    childrenChanged = false;
    for (const { root } of roots) watch(root);
    let found = adapter.findNoteField(roots);
    // A field known by its placeholder loses that label once the clinician types: it stays
    // the note while it is still on the page and open for typing.
    if (!found && M.stillOpen(lastFound)) found = lastFound;
    lastFound = found;
    const { client, context, sources } = keepWhatWasShown(adapter.readContext(roots, location, found?.element ?? null));
    const report = { type: 'cs-context', site: adapter.id, client, context, field: describeField(found), sources };
    const reportKey = JSON.stringify(report);
    if (reportKey !== lastReport) {
      lastReport = reportKey;
      const noteKey = JSON.stringify([report.site, client, context]);
      // Another note on the same page (a single-page app): the sentences kept on the last
      // one do not hold here. The worker hears of it before the guard asks again.
      const otherNote = lastNote !== null && noteKey !== lastNote;
      lastNote = noteKey;
      send(report).then(() => { if (otherNote) M.guard?.recheck(); });
    }
    updateButton(found, () => send({ type: 'cs-open-panel', site: report.site, client: report.client, context: report.context }));
    M.guard?.attach(found, adapter, button);
    lookAgainLater(Boolean(found));
    if (M.costs) M.costs.push(performance.now() - started);
  }

  // A shadow root attached late changes nothing a MutationObserver sees: while no field is
  // found, look again now and then, less and less often (1.5 s, growing to 12 s).
  let lookTimer = null;
  let lookDelay = 1500;
  function lookAgainLater(found) {
    clearTimeout(lookTimer);
    if (found) { lookDelay = 1500; return; }
    lookTimer = setTimeout(() => { M.rootsDirty = true; scanNow(); }, lookDelay);
    lookDelay = Math.min(lookDelay * 1.5, 12000);
  }

  // A tab switch or a wizard's next step can hide where the page showed the client or the
  // date; on the same address it is still the same session, so what was read stays.
  let shown = { href: '', client: null, date: null };
  function keepWhatWasShown({ client, context, sources }) {
    if (shown.href !== location.href) shown = { href: location.href, client: null, date: null };
    const kept = { ...sources };
    if (!client && shown.client) kept.client = 'earlier';
    if (!context.appointment_date && shown.date) kept.date = 'earlier';
    shown.client = client ?? shown.client;
    shown.date = context.appointment_date ?? shown.date;
    return { client: shown.client, context: shown.date ? { ...context, appointment_date: shown.date } : context, sources: kept };
  }

  function updateButton(found, onPress) {
    if (button && (!found || button.anchor !== found.anchor || !button.anchor.isConnected || !button.host.isConnected)) {
      button.remove();
      button = null;
    }
    if (found && !button) button = M.createButton(found.anchor, () => M.onPress());
    M.onPress = onPress; // the latest context, even if the client changed without a reload
    button?.place();
  }

  // Rescans follow the page's changes, not a clock: a change asks for a scan 200 ms later,
  // and a page that never stops changing (a clock, an animation) gets one a second at most.
  let timer = null;
  let firstAsked = 0;
  M.scanSoon = () => {
    const now = performance.now();
    if (!timer) firstAsked = now;
    clearTimeout(timer);
    timer = setTimeout(() => { timer = null; whenIdle(scanNow); }, Math.max(0, Math.min(200, firstAsked + 1000 - now)));
  };
  // The scan waits for a moment the page's own work leaves free (a quarter second at most).
  let idle = false;
  function whenIdle(work) {
    if (!globalThis.requestIdleCallback) { work(); return; }
    if (idle) return; // one is already waiting, and it will see this change too
    idle = true;
    requestIdleCallback(() => { idle = false; work(); }, { timeout: 250 });
  }

  // What can change the field or the context: nodes added or removed, text, and the
  // attributes that show, hide, open or lock things. Typing in the note itself and our own
  // button and badge moving are not changes of the page.
  const ATTRIBUTES = ['class', 'style', 'hidden', 'open', 'aria-hidden', 'aria-expanded', 'aria-selected', 'aria-modal', 'contenteditable', 'disabled', 'readonly', 'value', 'datetime'];
  const ours = `[${M.BUTTON_ATTRIBUTE}], [${M.GUARD_ATTRIBUTE}]`;
  const EDITABLE = 'textarea, iframe, [contenteditable]:not([contenteditable="false" i])';
  const elementsIn = (record) => [...record.addedNodes, ...record.removedNodes].some((node) => node.nodeType === Node.ELEMENT_NODE);
  // A clock ticking or a counter changing says nothing about the client or the date.
  const saysContext = (text) => Boolean(text) && (M.parseDate(text) || M.looksLikeName(text) || /\p{L}{3,}\s*[:：]/u.test(text));

  /** Whether a change can move the field, show or hide one, or change the context. */
  function pageChanged(record) {
    const target = record.target.nodeType === Node.ELEMENT_NODE ? record.target : record.target.parentElement;
    if (!target) return true;
    if (target.closest(ours)) return false;
    const field = lastFound?.element;
    if (field?.contains(target) && !(record.type === 'attributes' && target === field)) return false; // typing in the note
    if (record.type === 'childList' && elementsIn(record)) return true;
    if (target.isContentEditable) return false; // typing in another editor
    if (record.type === 'attributes') return target.matches(EDITABLE) || Boolean(target.querySelector(EDITABLE)) || target.matches('dialog, [role="dialog"]');
    const texts = record.type === 'characterData' ? [record.target.data] : [...record.addedNodes].map((node) => node.data);
    return texts.some(saysContext);
  }
  // Elements added since the last scan: only their subtrees are searched for new shadow
  // roots and frames (a long list of them is cheaper searched once, from the top).
  const added = new Set();
  let childrenChanged = false;
  function noteAdded(records) {
    for (const record of records) {
      if (record.type !== 'childList' || M.rootsDirty) continue;
      childrenChanged = true;
      for (const node of record.addedNodes) if (node.nodeType === Node.ELEMENT_NODE) added.add(node);
      if (added.size > 200) M.rootsDirty = true;
    }
  }
  const observer = new MutationObserver((records) => {
    const started = performance.now();
    noticeChanges(records);
    M.costs?.push(performance.now() - started); // the bench counts this too
  });
  function noticeChanges(records) {
    noteAdded(records);
    if (!records.some(pageChanged)) return;
    lookDelay = 1500;
    M.scanSoon();
  }
  const watched = new WeakSet();
  // The document, and every shadow root and same-origin frame a scan found (a MutationObserver
  // on the document does not see inside them).
  function watch(root) {
    if (watched.has(root)) return;
    watched.add(root);
    observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES });
    M.watchTexts(root);
    const view = root.defaultView ?? (root.nodeType === Node.DOCUMENT_NODE ? null : root.ownerDocument?.defaultView);
    if (root.nodeType === Node.DOCUMENT_NODE && view && view !== window) {
      for (const type of ['transitionend', 'animationend']) view.addEventListener(type, lookAfresh, true);
    }
  }

  api.runtime.onMessage.addListener((message, sender, sendResponse) => {
    record('received', message);
    if (message?.type === 'cs-pick') {
      M.startPicking();
    } else if (message?.type === 'cs-context-candidates') {
      // The clinician corrected the context: where the page shows names and dates, for the
      // worker to keep the place of the corrected one (the reply carries what the page shows).
      const reply = { type: 'cs-context-candidates', candidates: M.contextCandidates(roots ?? M.collectRoots(document)) };
      record('sent', reply);
      sendResponse(reply);
      return false;
    } else if (message?.type === 'cs-learned-context') {
      M.setLearnedContext(message);
      lastReport = '';
      M.scanSoon();
    } else if (message?.type === 'cs-rescan') {
      lastReport = '';
      M.forgetScans();
      M.scanSoon();
    } else {
      return false;
    }
    const reply = { ok: true };
    record('sent', reply);
    sendResponse(reply);
    return false;
  });

  // Single-page apps change the field and the client without a load: the DOM (watched from
  // each scan), the history, frames loading, and drawers and tabs that finish sliding open.
  if (globalThis.MarginBuild?.test) M.costs = []; // the bench reads how long each scan took
  addEventListener('popstate', M.scanSoon);
  addEventListener('hashchange', M.scanSoon);
  addEventListener('load', (event) => {
    // A frame loaded, or a style sheet (which may show or hide anything).
    if (!/^(?:i?frame|link|style)$/.test(event.target?.localName ?? '')) return;
    M.forgetScans();
    M.scanSoon();
  }, true);
  addEventListener('transitionend', lookAfresh, true);
  addEventListener('animationend', lookAfresh, true);
  addEventListener('resize', () => { button?.place(); lookAfresh(); });
  addEventListener('scroll', () => button?.place(), { capture: true, passive: true });
  M.scanNow = scanNow; // the bench times one scan
  scanNow();
  M.loadLearned().then(() => { if (M.learnedSelectors.length) scanNow(); });
})();
