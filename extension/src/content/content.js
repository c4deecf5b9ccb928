// Content script, entry: find the progress-note field and the EHR context, tell the worker
// the context, put the "Private notes" button beside the field. It never receives, holds
// or writes private text (DESIGN.md invariant 1): the panel gets notes from the daemon
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
  let lastFound = null;

  function describeField(found) {
    if (!found) return null;
    return { kind: found.kind, editor: found.editor, in_iframe: found.inIframe, in_shadow_root: found.inShadow, found_by: found.foundBy };
  }

  function scanNow() {
    const adapter = M.adapterFor(location);
    const roots = M.collectRoots(document);
    let found = adapter.findNoteField(roots);
    // A field known by its placeholder loses that label once the clinician types: it stays
    // the note while it is still on the page.
    if (!found && lastFound?.element.isConnected && M.isVisible(lastFound.element)) found = lastFound;
    lastFound = found;
    const { client, context, sources } = keepWhatWasShown(adapter.readContext(roots, location, found?.element ?? null));
    const report = { type: 'cs-context', site: adapter.id, client, context, field: describeField(found), sources };
    const reportKey = JSON.stringify(report);
    if (reportKey !== lastReport) {
      lastReport = reportKey;
      send(report);
    }
    updateButton(found, () => send({ type: 'cs-open-panel', site: report.site, client: report.client, context: report.context }));
    M.guard?.attach(found, adapter, button);
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

  let timer = null;
  M.scanSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(scanNow, 200);
  };

  api.runtime.onMessage.addListener((message, sender, sendResponse) => {
    record('received', message);
    if (message?.type === 'cs-pick') {
      M.startPicking();
    } else if (message?.type === 'cs-rescan') {
      lastReport = '';
      M.scanSoon();
    } else {
      return false;
    }
    const reply = { ok: true };
    record('sent', reply);
    sendResponse(reply);
    return false;
  });

  // Single-page apps change the field and the client without a load: watch the DOM (the
  // records themselves are never read), the history, and poll for iframes and shadow roots.
  new MutationObserver(M.scanSoon).observe(document.documentElement, { childList: true, subtree: true });
  addEventListener('popstate', M.scanSoon);
  addEventListener('hashchange', M.scanSoon);
  addEventListener('resize', () => button?.place());
  addEventListener('scroll', () => button?.place(), { capture: true, passive: true });
  setInterval(scanNow, 1500);
  scanNow();
  M.loadLearned().then(() => { if (M.learnedSelectors.length) scanNow(); });
})();
