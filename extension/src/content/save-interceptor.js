// Content script, leak guard part 4: seeing the clinician save or sign the EHR note, and
// holding that save while the guard asks. Capture-phase listeners on the window (and on
// the editor's shadow root, whose clicks a closed root hides from the window) see a click
// on a save button, a form submit, or Ctrl/Cmd+S and Ctrl/Cmd+Enter before the EHR's own
// handlers do. A held save is replayed later, let through once.
(() => {
  const M = (globalThis.Margin ??= {});
  const BUTTONISH = 'button, input[type="submit" i], input[type="button" i], input[type="image" i], [role="button"]';
  // The generic adapter's save buttons: Save, Sign, Finalize, Submit, Lock note...
  const SAVE_LABEL = /^(?:save|sign|finali[sz]e|submit|complete)\b|\b(?:save|sign|finali[sz]e|lock)\s+(?:(?:and|&)\s+\w+\s+)?(?:the\s+)?(?:progress\s+)?(?:note|entry|chart|session|encounter)\b|\bsign\s+(?:and|&)\s+lock\b/i;
  const NOT_SAVE = /\bsign\s*(?:in|out|up|off)\b|\bsearch\b|\bcancel\b|\bdiscard\b/i;
  const installed = new WeakSet();
  const decided = new WeakSet();
  let bypass = false;

  function label(element) {
    const text = element.localName === 'input' ? element.value : element.textContent;
    return (element.getAttribute('aria-label') || text || element.getAttribute('title') || '').replace(/\s+/g, ' ').trim();
  }

  function holds(container, field) {
    for (let node = field; node; node = M.parentAcross(node)) if (node === container) return true;
    return false;
  }

  /** A save button by the adapter's selectors, its label, or as the note form's submit. */
  M.isSaveButton = function isSaveButton(element, watch) {
    if (!element?.matches?.(BUTTONISH) || element.hasAttribute(M.GUARD_ATTRIBUTE)) return false;
    for (const selector of watch.saveSelectors) {
      try { if (element.matches(selector)) return true; } catch { /* an invalid selector in adapter data */ }
    }
    const text = label(element);
    if (text.length <= 40 && SAVE_LABEL.test(text) && !NOT_SAVE.test(text)) return true;
    const type = (element.getAttribute('type') ?? (element.localName === 'button' ? 'submit' : '')).toLowerCase();
    return type === 'submit' && Boolean(element.form) && holds(element.form, watch.field);
  };

  const isShortcut = (event) => (event.ctrlKey || event.metaKey) && !event.altKey && (/^s$/i.test(event.key) || event.key === 'Enter');

  /** What this event does to the note, if it saves it: {kind, ...what it takes to replay}. */
  function saveAction(event, watch) {
    const path = event.composedPath();
    if (event.type === 'click') {
      if (event.button !== 0) return null;
      const element = path.find((node) => node.nodeType === Node.ELEMENT_NODE && node.matches(BUTTONISH));
      return element && M.isSaveButton(element, watch) ? { kind: 'click', element } : null;
    }
    if (event.type === 'submit') {
      const form = event.target;
      const byButton = event.submitter && M.isSaveButton(event.submitter, watch);
      return byButton || holds(form, watch.field) ? { kind: 'submit', form, submitter: event.submitter ?? null } : null;
    }
    if (event.type === 'keydown' && isShortcut(event)) {
      // Ctrl/Cmd+S saves from anywhere on the page; Ctrl/Cmd+Enter only from the note.
      if (event.key === 'Enter' && !path.includes(watch.field) && !holds(path[0], watch.field) && !path.includes(watch.field.getRootNode().host)) return null;
      const init = { key: event.key, code: event.code, ctrlKey: event.ctrlKey, metaKey: event.metaKey, shiftKey: event.shiftKey,
        bubbles: true, cancelable: true, composed: true };
      return { kind: 'key', target: path[0], init };
    }
    return null;
  }

  /** Listen on `targets` (windows, shadow roots). `watch()` gives {field, saveSelectors,
   *  hold(action)} or null; hold() returns true when it takes the save over. */
  M.interceptSaves = function interceptSaves(targets, watch) {
    const onEvent = (event) => {
      // Page scripts' own clicks count too (an EHR's shortcut may click its Save button).
      if (bypass || decided.has(event)) return;
      const current = watch();
      if (!current) return;
      const action = saveAction(event, current);
      if (!action) return;
      decided.add(event); // seen once, by whichever of our listeners saw it first
      if (!current.hold(action)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
    };
    for (const target of targets) {
      if (!target || installed.has(target)) continue;
      installed.add(target);
      for (const type of ['click', 'submit', 'keydown']) target.addEventListener(type, onEvent, true);
    }
  };

  /** Do the held save again, past our own listeners this once. */
  M.replaySave = function replaySave(action) {
    bypass = true;
    try {
      if (action.kind === 'click') {
        action.element.click();
      } else if (action.kind === 'submit') {
        try { action.form.requestSubmit(action.submitter ?? undefined); } catch { action.form.requestSubmit(); }
      } else if (action.kind === 'key' && action.target?.isConnected) {
        const view = action.target.ownerDocument?.defaultView ?? window;
        action.target.dispatchEvent(new view.KeyboardEvent('keydown', action.init));
      }
    } finally {
      bypass = false;
    }
  };
})();
