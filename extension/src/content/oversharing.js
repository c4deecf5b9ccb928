// Content script, over-sharing marks (issue 21). The leak guard's answer also names the
// sentences of the progress note that over-share (a hunch, the clinician's own feelings, a
// dream, a third party's secret...). They are marked gently, apart from leaks, and never
// hold a save. The reason shows on hover and when the caret is in the sentence, with two
// actions: "Move to my private notes" (the worker hands the sentence, the EHR's own text,
// to this tab's panel, which adds it to the session's private note and saves it; only then
// is it deleted from the field through the editor's own input path) and "Keep" (not flagged
// again on this note, even after a reload: the worker remembers a keyed hash of the
// sentence for the note and leaves it out of later answers; it audits a count, never the
// text). Nothing from the private note comes back here: the answers are ok or a reason
// code (docs/DESIGN.md invariant 1).
(() => {
  const M = (globalThis.Margin ??= {});
  const api = globalThis.browser ?? globalThis.chrome;
  const t = (key, ...subs) => api.i18n.getMessage(key, subs.map(String)) || key;
  const MOVE_WAIT_MS = 8000; // the panel answers once the daemon acknowledged the save

  const setStyles = (element, styles) => {
    for (const [name, value] of Object.entries(styles)) element.style.setProperty(name, value, 'important');
  };
  const within = (r, x, y) => x >= r.x && x <= r.x + r.width && y >= r.y && y <= r.y + r.height;
  const withTimeout = (promise, ms) => Promise.race([promise, new Promise((resolve) => { setTimeout(() => resolve(null), ms); })]);

  /** Where the field's document sits in the top page's viewport (an editor in an iframe). */
  function frameOffset(w) {
    let x = 0;
    let y = 0;
    for (let view = w.field.ownerDocument.defaultView; view && view !== window && view.frameElement; view = view.parent) {
      const frame = view.frameElement;
      const rect = frame.getBoundingClientRect();
      x += rect.x + frame.clientLeft;
      y += rect.y + frame.clientTop;
    }
    return { x, y };
  }

  /** Start watching one guarded field `w` (guard.js) for over-sharing marks. */
  function attach(w) {
    const doc = w.field.ownerDocument;
    const over = { spans: [], read: null, overlay: null, tip: null, hover: null, caret: null, onTip: false, busy: false, kept: 0 };
    if (w.field.localName === 'textarea') over.overlay = M.createOverlay(w.field, M.OVERSHARING_MARK);
    let frame = 0;
    let pointer = null;
    // The tip lives in the top page: pointer moves are heard there and in the editor's frame.
    // One look per frame, at the latest position: a move that comes while a frame is pending
    // replaces the older one (dropping it would leave the tip on where the pointer was).
    const onMove = (event) => {
      const shift = frameOffset(w);
      const inTop = event.view === window;
      pointer = {
        x: inTop ? event.clientX : event.clientX + shift.x,
        y: inTop ? event.clientY : event.clientY + shift.y,
        shift,
      };
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const { x, y, shift: at } = pointer;
        over.onTip = Boolean(over.tip) && within(over.tip.host.getBoundingClientRect(), x, y);
        if (!over.onTip) over.hover = spanAtPoint(w, x - at.x, y - at.y);
        showTip(w);
      });
    };
    // The caret's tip comes when the clinician puts the caret in a sentence (a click, an
    // arrow key), not while they type: the marks stay quiet under a moving caret.
    const onCaret = () => { over.caret = spanAtCaret(w); showTip(w); };
    const onKey = (event) => { if (/^(Arrow|Home$|End$|Page)/.test(event.key)) onCaret(); };
    const onTyping = () => { over.caret = null; showTip(w); };
    const onEscape = (event) => {
      if (event.key === 'Escape' && over.tip) { over.caret = null; over.hover = null; showTip(w); }
    };
    const docs = doc === document ? [doc] : [doc, document];
    for (const each of docs) each.addEventListener('mousemove', onMove, { capture: true, passive: true });
    w.field.addEventListener('keyup', onKey);
    w.field.addEventListener('mouseup', onCaret);
    w.field.addEventListener('input', onTyping);
    w.field.addEventListener('keydown', onEscape);
    over.stop = () => {
      for (const each of docs) each.removeEventListener('mousemove', onMove, { capture: true });
      w.field.removeEventListener('keyup', onKey);
      w.field.removeEventListener('mouseup', onCaret);
      w.field.removeEventListener('input', onTyping);
      w.field.removeEventListener('keydown', onEscape);
    };
    w.over = over;
  }

  function detach(w) {
    const over = w.over;
    if (!over) return;
    over.stop();
    over.tip?.host.remove();
    if (over.overlay) over.overlay.remove();
    else M.clearEditorHighlight(w.field, M.OVERSHARING_HIGHLIGHT);
    w.over = null;
  }

  /** Mark `findings` (the guard's answer for the text readField read; the worker has left
   *  out the sentences kept on this note). */
  function show(w, read, findings) {
    const over = w.over;
    if (!over) return;
    over.read = read;
    over.spans = findings ?? [];
    const spans = over.spans.map((f) => [f.start, f.end]);
    try {
      if (over.overlay) over.overlay.update(read.text, spans);
      else M.highlightEditor(w.field, read, spans, M.OVERSHARING_HIGHLIGHT);
    } catch {
      // No highlight API here: the reason and the actions still come at the caret and on hover.
    }
    if (over.caret !== null) over.caret = spanAtCaret(w);
    if (over.hover !== null && !over.spans[over.hover]) over.hover = null;
    showTip(w);
  }

  /** The text changed and the answer is on its way: boxes over a textarea would drift. */
  function stale(w) {
    if (!w.over) return;
    w.over.spans = [];
    w.over.overlay?.update(w.field.value, []);
    w.over.hover = null;
    w.over.caret = null;
    showTip(w);
  }

  function boxesOf(w, index) {
    const over = w.over;
    if (over.overlay) return over.overlay.marks()[index]?.rects ?? [];
    const finding = over.spans[index];
    const range = finding && M.fieldRange(over.read, finding.start, finding.end);
    return range ? [...range.getClientRects()] : [];
  }

  function spanAtPoint(w, x, y) {
    for (let i = 0; i < w.over.spans.length; i += 1) {
      if (boxesOf(w, i).some((r) => within(r, x, y))) return i;
    }
    return null;
  }

  /** The span holding the caret (or a collapsed selection) in the field, or null. */
  function spanAtCaret(w) {
    const over = w.over;
    if (!over?.spans.length || !over.read) return null;
    const doc = w.field.ownerDocument;
    let offset = null;
    if (w.field.localName === 'textarea') {
      if (doc.activeElement === w.field) offset = w.field.selectionStart;
    } else {
      const root = w.field.getRootNode();
      const selection = root.getSelection?.() ?? doc.defaultView.getSelection();
      const node = selection?.focusNode;
      const segment = node && over.read.segments?.find((s) => s.node === node);
      if (segment) offset = segment.start + selection.focusOffset;
    }
    if (offset === null) return null;
    const index = over.spans.findIndex((f) => offset >= f.start && offset <= f.end);
    return index < 0 ? null : index;
  }

  // --- the tip: reason and actions ----------------------------------------------------------

  function showTip(w) {
    const over = w.over;
    if (!over) return;
    let index = over.hover ?? over.caret;
    if (index === null && over.onTip) index = over.tip?.index ?? null;
    if (index === null || !over.spans[index]) {
      over.tip?.host.remove();
      over.tip = null;
      return;
    }
    if (over.tip?.index !== index) {
      over.tip?.host.remove();
      over.tip = buildTip(w, index);
    }
    placeTip(w, over.tip);
  }

  function buildTip(w, index) {
    const doc = document; // the top page: a tip inside an editor's frame would be cut off by it
    const finding = w.over.spans[index];
    const host = doc.createElement('div');
    host.setAttribute(M.GUARD_ATTRIBUTE, 'oversharing');
    // Only the two buttons take the pointer: a click on the reason reaches the note beneath,
    // and the tip never stands between the clinician and the EHR's own controls.
    setStyles(host, { position: 'fixed', 'z-index': '2147483646', margin: '0', padding: '0', border: '0', display: 'block',
      'pointer-events': 'none' });
    const shadow = host.attachShadow({ mode: 'closed' });
    const box = doc.createElement('div');
    box.setAttribute('role', 'tooltip');
    setStyles(box, { font: '13px/1.4 system-ui, sans-serif', color: '#1d1d1f', background: '#f4f8fe', 'max-width': '360px',
      padding: '8px 10px', 'border-radius': '6px', border: '1px solid #9bbbe8', 'box-shadow': '0 3px 12px rgba(0,0,0,.18)' });
    const title = doc.createElement('p');
    setStyles(title, { margin: '0 0 4px', 'font-weight': '600' });
    title.textContent = t('oversharingTitle');
    const reason = doc.createElement('p');
    setStyles(reason, { margin: '0 0 8px' });
    reason.textContent = `${finding.message} ${t('oversharingNeverBlocks')}`;
    box.append(title, reason);
    const buttons = {};
    for (const [action, key] of [['move', 'oversharingMove'], ['keep', 'oversharingKeep']]) {
      const button = doc.createElement('button');
      button.type = 'button';
      button.textContent = t(key);
      setStyles(button, { font: '600 12px/1.2 system-ui, sans-serif', color: action === 'move' ? '#fff' : '#1d1d1f',
        background: action === 'move' ? '#1967d2' : '#fff', border: '1px solid #7a9cc9', 'border-radius': '5px',
        padding: '5px 10px', 'margin-right': '6px', cursor: 'pointer', 'pointer-events': 'auto' });
      // Keep the focus and the caret in the note: a click here must not move them away.
      button.addEventListener('mousedown', (event) => { event.preventDefault(); });
      button.addEventListener('click', (event) => {
        event.preventDefault();
        event.stopPropagation();
        if (event.isTrusted) act(w, action, finding);
      });
      buttons[action] = button;
      box.append(button);
    }
    shadow.append(box);
    doc.documentElement.append(host);
    return { host, index, lines: [title.textContent, reason.textContent], buttons };
  }

  /** Below the sentence's last line, or above its first when there is no room below;
   *  never over the sentence itself. */
  function placeTip(w, tip) {
    const shift = frameOffset(w);
    const boxes = boxesOf(w, tip.index);
    const first = boxes[0] ?? w.field.getBoundingClientRect();
    const last = boxes[boxes.length - 1] ?? first;
    const height = tip.host.getBoundingClientRect().height || 120;
    let top = shift.y + last.y + last.height + 4;
    if (top + height > window.innerHeight) top = Math.max(0, shift.y + first.y - height - 4);
    const left = Math.max(0, Math.min(shift.x + first.x, window.innerWidth - 370));
    setStyles(tip.host, { top: `${top}px`, left: `${left}px` });
  }

  async function act(w, action, finding) {
    const over = w.over;
    if (!over || over.busy) return;
    const read = M.readField(w.field);
    const sentence = read.text.slice(finding.start, finding.end);
    if (read.text !== over.read?.text) return; // changed meanwhile: the next answer brings fresh offsets
    if (action === 'keep') {
      // Off the answer on screen at once; the worker leaves it out of every later answer.
      w.result.oversharing = w.result.oversharing.filter((f) => f !== finding);
      over.kept += 1;
      show(w, read, w.result.oversharing);
      M.send({ type: 'cs-oversharing-kept', site: w.site, category: finding.category, text: sentence });
      return;
    }
    over.busy = true;
    try {
      const reply = await withTimeout(M.send({ type: 'cs-oversharing-move', text: sentence }), MOVE_WAIT_MS);
      if (!reply?.ok) {
        M.guard.notify(t(reply?.error === 'not_saved' ? 'oversharingNotSaved' : 'oversharingNoPanel'));
        return;
      }
      const now = M.readField(w.field).text;
      if (now.slice(finding.start, finding.end) === sentence) {
        const [start, end] = withOneSpace(now, finding.start, finding.end);
        over.removedBy = await M.deleteFieldSpan(w.field, start, end);
      }
      M.guard.notify(t('oversharingMoved'));
      M.guard.checkNow();
    } finally {
      over.busy = false;
    }
  }

  /** The sentence and one space beside it, so the words around it do not run together. */
  function withOneSpace(text, start, end) {
    if (text[end] === ' ') return [start, end + 1];
    if (start > 0 && text[start - 1] === ' ') return [start - 1, end];
    return [start, end];
  }

  /** For tests: the marks, the spans' text (the page's own), and the tip on screen. */
  function inspect(w) {
    const over = w?.over;
    if (!over) return null;
    const rect = (element) => { const r = element.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; };
    return {
      spans: over.spans.map((f) => ({ text: over.read.text.slice(f.start, f.end), category: f.category, message: f.message })),
      marked: over.overlay ? over.overlay.marks() : M.highlightedRanges(w.field, M.OVERSHARING_HIGHLIGHT),
      boxes: over.spans.map((_, i) => boxesOf(w, i).map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height }))),
      tip: over.tip ? { index: over.tip.index, lines: over.tip.lines, buttons: Object.fromEntries(Object.entries(over.tip.buttons).map(([k, b]) => [k, rect(b)])) } : null,
      kept: over.kept,
      removedBy: over.removedBy ?? null,
    };
  }

  M.oversharing = { attach, detach, show, stale, inspect };
})();
