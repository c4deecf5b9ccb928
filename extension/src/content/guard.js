// Content script, leak guard part 5: the guard itself. It sends the progress-note field's
// text (the EHR's own content) through the worker to Margin (after a pause in typing, at
// once on paste), marks the spans the answer names, and holds a save while a match remains
// to ask the clinician. Answers carry offsets, note ids, dates and word counts, never
// private text (docs/DESIGN.md invariant 1). When Margin cannot check (locked, not running, not
// paired) the badge says the guard is off and saves go through: it never blocks blindly.
(() => {
  const M = (globalThis.Margin ??= {});
  const TYPING_PAUSE_MS = 600;
  const MAX_SENT = 250000; // the daemon checks 200,000 characters and says when there was more
  const ANSWER_WAIT_MS = 6000; // how long a held save waits for a check before going through
  const NOTICE_MS = 8000;
  let watched = null;
  let sequence = 0;

  const withTimeout = (promise, ms) => Promise.race([promise, new Promise((resolve) => { setTimeout(() => resolve(null), ms); })]);
  const signature = (result) => result.matches.map((m) => `${m.note_id}:${m.words}`).sort().join('|');

  /** Watch the field content.js found (or stop watching when it is gone). */
  function attach(found, adapter, button) {
    const field = found?.element ?? null;
    if (watched && watched.field === field && field?.isConnected) {
      Object.assign(watched, { button, site: adapter.id, saveSelectors: adapter.saveButtons ?? [] });
      place();
      return;
    }
    detach();
    if (!field) return;
    const w = {
      field, anchor: found.anchor, button, site: adapter.id, saveSelectors: adapter.saveButtons ?? [],
      result: null, resultSequence: 0, inflight: null, timer: null, accepted: null, asking: false, notice: null,
      badge: M.createBadge(found.anchor.ownerDocument),
      overlay: field.localName === 'textarea' ? M.createOverlay(field) : null,
    };
    w.unlisten = listen(w);
    M.oversharing.attach(w);
    watched = w;
    const root = field.getRootNode();
    M.interceptSaves([window, field.ownerDocument.defaultView, root.host ? root : null], currentWatch);
    render();
    checkNow();
  }

  function detach() {
    const w = watched;
    watched = null;
    if (!w) return;
    clearTimeout(w.timer);
    w.unlisten();
    w.badge.remove();
    w.overlay?.remove();
    if (!w.overlay) M.clearEditorHighlight(w.field);
    M.oversharing.detach(w);
  }

  function listen(w) {
    const onInput = (event) => {
      if (/^insertFrom(?:Paste|Drop)/.test(event.inputType ?? '')) checkNow();
      else checkSoon();
    };
    const onPaste = () => { setTimeout(checkNow, 0); };
    w.field.addEventListener('input', onInput, true);
    w.field.addEventListener('paste', onPaste, true);
    // Editors also change their DOM without input events (undo, the EHR's own scripts).
    const observer = w.overlay ? null : new MutationObserver(checkSoon);
    observer?.observe(w.field, { childList: true, characterData: true, subtree: true });
    return () => {
      w.field.removeEventListener('input', onInput, true);
      w.field.removeEventListener('paste', onPaste, true);
      observer?.disconnect();
    };
  }

  function checkSoon() {
    const w = watched;
    if (!w) return;
    clearTimeout(w.timer);
    w.timer = setTimeout(checkNow, TYPING_PAUSE_MS);
    // Boxes over a textarea would drift from the words being typed: drop them till the answer.
    if (w.overlay && w.result) {
      w.overlay.update(w.field.value, []);
      M.oversharing.stale(w);
    }
  }

  /** Check the field's current text; resolves with the result for it. `again`: even if the
   *  text is unchanged (the note's context changed, and with it the sentences kept on it). */
  function checkNow(again = false) {
    const w = watched;
    if (!w) return Promise.resolve(null);
    clearTimeout(w.timer);
    const { text } = M.readField(w.field);
    if (w.result?.text === text && !again) {
      render();
      return Promise.resolve(w.result);
    }
    if (w.inflight?.text === text && !again) return w.inflight.promise;
    const mine = (sequence += 1);
    const clipped = text.length > MAX_SENT;
    const promise = (M.send?.({ type: 'cs-guard-check', site: w.site, text: clipped ? text.slice(0, MAX_SENT) : text }) ?? Promise.resolve(null))
      .then((reply) => {
        const result = toResult(text, clipped, reply);
        if (watched === w && mine > w.resultSequence) {
          w.result = result;
          w.resultSequence = mine;
          render();
        }
        if (w.inflight?.promise === promise) w.inflight = null;
        return result;
      });
    w.inflight = { text, promise };
    return promise;
  }

  function toResult(text, clipped, reply) {
    if (reply?.type !== 'cs-guard-result') return { text, state: 'error', matches: [], truncated: false };
    if (!reply.ok) return { text, state: reply.state ?? 'error', matches: [], truncated: false };
    return { text, state: 'on', matches: reply.matches, oversharing: reply.oversharing ?? [], truncated: reply.truncated || clipped };
  }

  function render() {
    const w = watched;
    if (!w) return;
    const notice = w.notice && Date.now() < w.notice.until ? w.notice.text : null;
    w.badge.show(w.result, notice);
    place();
    const read = M.readField(w.field);
    if (!w.result || w.result.text !== read.text) return; // an answer for older text: the next one redraws
    const spans = w.result.state === 'on' ? M.mergeSpans(w.result.matches) : [];
    try {
      if (w.overlay) w.overlay.update(read.text, spans);
      else M.highlightEditor(w.field, read, spans);
    } catch {
      // Marking failed (an engine without some API): the badge and the save check still work.
    }
    M.oversharing.show(w, read, w.result.state === 'on' ? w.result.oversharing : []); // never holds a save
  }

  function place() {
    if (!watched) return;
    watched.badge.place(watched.anchor, watched.button);
    watched.overlay?.place();
  }

  function notify(w, text) {
    w.notice = { text, until: Date.now() + NOTICE_MS };
    render();
    setTimeout(render, NOTICE_MS + 50);
  }

  // --- saves -------------------------------------------------------------------------------

  function currentWatch() {
    const w = watched;
    if (!w || !w.field.isConnected) return null;
    return { field: w.field, saveSelectors: w.saveSelectors, hold: (action) => hold(w, action) };
  }

  /** Called as the save happens; true when the guard holds it (and asks, or checks first). */
  function hold(w, action) {
    // A page that re-rendered its whole document may have taken the question away: ask again.
    if (w.asking && M.openDialog && !M.openDialog.host.isConnected) {
      M.openDialog.cancel();
      w.asking = false;
    }
    if (w.asking) return true; // the question is on screen: this save waits for its answer
    const { text } = M.readField(w.field);
    if (w.result?.text === text) return decide(w, w.result, action);
    // The text changed since the last answer: hold the save, check now, then decide.
    w.asking = true;
    withTimeout(checkNow(), ANSWER_WAIT_MS).then((result) => {
      w.asking = false;
      if (!decide(w, result ?? { text, state: 'error', matches: [], truncated: false }, action)) M.replaySave(action);
    });
    return true;
  }

  function decide(w, result, action) {
    if (result.state === 'building') {
      askWhileBuilding(w, action);
      return true; // a check now could miss a leak: the save waits for the clinician's word
    }
    if (result.state !== 'on') {
      notify(w, 'Saved without a leak check: Margin could not check this note');
      return false; // never block a save the guard could not check; it says so instead
    }
    if (!result.matches.length || signature(result) === w.accepted) return false;
    ask(w, result, action);
    return true;
  }

  async function ask(w, result, action) {
    w.asking = true;
    let choice;
    try {
      choice = await M.askBeforeSave(document, M.guardQuestion(result));
    } finally {
      w.asking = false;
    }
    if (choice === 'remove') {
      removeSpans(w, result);
    } else if (choice === 'back') {
      w.field.focus();
    } else if (choice === 'save') {
      await disclose(w, result, action);
      w.accepted = signature(result);
      M.replaySave(action);
    }
  }

  const BUILDING_CHOICES = [['back', 'Go back and check again', ['#fff', '#4b3f72']], ['save', 'Save without the check', ['#1d1d1f', '#eee']]];

  /** Margin is still indexing the private notes after an unlock (a large vault takes
   *  minutes): the save is held and the clinician chooses, never passed unchecked in silence. */
  async function askWhileBuilding(w, action) {
    w.asking = true;
    let choice;
    try {
      choice = await M.askBeforeSave(document, [
        'Margin is still indexing your private notes, so it could not check this progress note for leaks yet.',
        'The vault page shows how far it is. Go back and save again in a moment to have it checked, or save now without the check.',
      ], { choices: BUILDING_CHOICES, footer: 'The EHR has not saved anything yet; nothing is lost either way.' });
    } finally {
      w.asking = false;
    }
    if (choice === 'save') M.replaySave(action);
    else {
      w.field.focus();
      checkNow();
    }
  }

  async function disclose(w, result, action) {
    const words = new Map();
    for (const match of result.matches) words.set(match.note_id, (words.get(match.note_id) ?? 0) + match.words);
    const notes = [...words].map(([note_id, count]) => ({ note_id, words: count }));
    const reply = await withTimeout(M.send({ type: 'cs-guard-disclose', site: w.site, via: action.kind, notes }), ANSWER_WAIT_MS);
    if (!reply?.ok) notify(w, 'Saved, but Margin could not record that choice in its audit trail');
  }

  // --- Remove them ---------------------------------------------------------------------------

  /** One span at a time, from the last, through the same path as over-sharing's "Move to my
   *  private notes": an editor with its own model (CKEditor 5, Lexical, Slate, Draft.js)
   *  would put back words a DOM-only delete took away, and the save would stay held. */
  async function removeSpans(w, result) {
    if (M.readField(w.field).text !== result.text) return; // changed meanwhile: offsets no longer hold
    const removedBy = [];
    for (const [start, end] of M.mergeSpans(result.matches).reverse()) removedBy.push(await deleteSpan(w.field, start, end));
    w.removedBy = removedBy;
    checkNow();
  }

  const pause = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

  /** Delete `start`..`end` of the field as a key press would reach the editor's model: the
   *  selection first, given a moment to reach the model (it follows selectionchange, which
   *  comes a task later); then a beforeinput "delete" naming the range, which editors with
   *  their own model (CKEditor 5, Lexical, Slate) take and carry out themselves. execCommand
   *  fires no beforeinput, and such an editor would put its model's text back over a
   *  DOM-only change. Editors that leave the event alone (ProseMirror, Quill, TinyMCE, plain
   *  fields) get the delete command, whose DOM change they read back into their state; the
   *  text is set directly only if that fails too. */
  async function deleteSpan(field, start, end) {
    const selected = selectSpan(field, start, end);
    if (!selected) return 'nothing';
    await pause(60);
    if (selected.range) {
      const { range } = selected;
      const view = field.ownerDocument.defaultView;
      const targetRanges = [new view.StaticRange({ startContainer: range.startContainer, startOffset: range.startOffset,
        endContainer: range.endContainer, endOffset: range.endOffset })];
      const event = new view.InputEvent('beforeinput', { inputType: 'deleteContentBackward', bubbles: true, cancelable: true, composed: true, targetRanges });
      const target = range.startContainer.parentElement?.closest('[contenteditable]') ?? field;
      if (!target.dispatchEvent(event)) {
        for (let waited = 0; waited < 1000 && !removed(field, selected); waited += 50) await pause(50);
        return removed(field, selected) ? 'beforeinput' : 'nothing';
      }
    }
    return finishDelete(field, selected);
  }

  const removed = (field, { before, length }) => before - M.readField(field).text.length >= length - 2;

  function selectSpan(field, start, end) {
    const doc = field.ownerDocument;
    const before = M.readField(field).text.length;
    if (field.localName === 'textarea') {
      field.focus();
      field.setSelectionRange(start, end);
      return { before, length: end - start, start, end, range: null };
    }
    const range = M.fieldRange(M.readField(field), start, end);
    if (!range) return null;
    if (field === doc.body) doc.defaultView.focus();
    else field.focus();
    const selection = doc.defaultView.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    return { before, length: end - start, start, end, range };
  }

  function finishDelete(field, { before, length, start, end, range }) {
    const doc = field.ownerDocument;
    const view = doc.defaultView;
    if (doc.execCommand('delete', false) && removed(field, { before, length })) return 'command';
    if (field.localName === 'textarea') field.setRangeText('', start, end, 'end');
    else range.deleteContents();
    field.dispatchEvent(new view.InputEvent('input', { bubbles: true, composed: true, inputType: 'deleteContent' }));
    return 'direct';
  }

  /** What the guard shows now, for tests: state, badge, marks and the open question. */
  function inspect() {
    const w = watched;
    if (!w) return null;
    const rect = (element) => { const r = element.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; };
    const dialog = M.openDialog;
    const { text } = M.readField(w.field);
    return {
      text,
      fresh: w.result?.text === text && !w.inflight,
      state: w.result?.state ?? null,
      matches: w.result?.matches.length ?? 0,
      truncated: w.result?.truncated ?? false,
      badge: w.badge.text(),
      kind: w.overlay ? 'overlay' : 'highlight',
      removedBy: w.removedBy ?? [],
      marked: w.overlay ? w.overlay.marks() : M.highlightedRanges(w.field),
      oversharing: M.oversharing.inspect(w),
      dialog: dialog ? { lines: dialog.lines, buttons: Object.fromEntries(Object.entries(dialog.buttons).map(([k, b]) => [k, rect(b)])) } : null,
    };
  }

  const fieldRect = () => watched?.field.getBoundingClientRect() ?? null;
  M.deleteFieldSpan = deleteSpan; // over-sharing's "Move to my private notes" takes sentences out the same way
  M.guard = { attach, detach, place, checkNow, recheck: () => checkNow(true), inspect, fieldRect, notify: (text) => { if (watched) notify(watched, text); } };
  addEventListener('resize', place);
  addEventListener('scroll', place, { capture: true, passive: true });
})();
