// Content script, leak guard part 2: marking the matching spans without changing the
// field's text. Rich-text editors get the CSS Custom Highlight API (ranges over the
// editor's own text nodes, painted by the browser; nothing is added to the editor). A
// textarea cannot hold highlights, so a mirror with the textarea's font metrics is laid
// over it in a closed shadow root: its text is transparent, only the boxes show, and the
// page sees only that a box exists. Two kinds of marks: leaks (amber, the save is held) and
// over-sharing (a gentle dotted blue underline that never holds anything, issue 21).
(() => {
  const M = (globalThis.Margin ??= {});
  const NAME = 'margin-guard';
  M.OVERSHARING_HIGHLIGHT = 'margin-oversharing';
  const MARK = { 'background-color': 'rgba(255, 193, 7, 0.42)', 'box-shadow': 'inset 0 -2px 0 rgb(179, 38, 30)' };
  M.OVERSHARING_MARK = { 'background-color': 'rgba(66, 133, 244, 0.08)', 'box-shadow': 'inset 0 -2px 0 rgba(25, 103, 210, 0.75)' };
  const RULES = `::highlight(${NAME}) { background-color: ${MARK['background-color']}; text-decoration: underline wavy rgb(179, 38, 30); }
    ::highlight(${M.OVERSHARING_HIGHLIGHT}) { background-color: rgba(66, 133, 244, 0.08); text-decoration: underline dotted rgb(25, 103, 210); }`;
  const sheets = new WeakMap(); // document or shadow root -> our stylesheet
  const painted = new WeakMap(); // editor -> {highlight name: the ranges last given to CSS.highlights}

  const setStyles = (element, styles) => {
    for (const [name, value] of Object.entries(styles)) element.style.setProperty(name, value, 'important');
  };

  /** ::highlight() rules apply only in the tree that holds them: the document, and the
   *  editor's shadow root when it has one. Adopted sheets add no element to the page. */
  function ensureStyle(root, view) {
    let sheet = sheets.get(root);
    if (!sheet) {
      sheet = new view.CSSStyleSheet();
      sheet.replaceSync(RULES);
      sheets.set(root, sheet);
    }
    // A page can replace its adopted sheets at any time: put ours back when it did.
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  /** Highlight `spans` of an editor (what readField read). False when the browser has no
   *  Custom Highlight API (Firefox before 140): the badge and the save check still work. */
  M.highlightEditor = function highlightEditor(field, read, spans, name = NAME) {
    const view = field.ownerDocument.defaultView;
    if (!view?.CSS?.highlights || !view.Highlight) return false;
    const ranges = spans.map(([start, end]) => M.fieldRange(read, start, end)).filter(Boolean);
    if (!ranges.length) {
      view.CSS.highlights.delete(name);
      return true;
    }
    ensureStyle(field.ownerDocument, view);
    const root = field.getRootNode();
    if (root !== field.ownerDocument) ensureStyle(root, view);
    view.CSS.highlights.set(name, new view.Highlight(...ranges));
    painted.set(field, { ...painted.get(field), [name]: ranges });
    return true;
  };

  M.clearEditorHighlight = function clearEditorHighlight(field, name = NAME) {
    field.ownerDocument.defaultView?.CSS?.highlights?.delete(name);
  };

  // What makes a textarea's text wrap where it does: the mirror copies all of it.
  const METRICS = ['font-family', 'font-size', 'font-weight', 'font-style', 'font-variant', 'font-stretch',
    'font-kerning', 'font-feature-settings', 'line-height', 'letter-spacing', 'word-spacing', 'text-transform',
    'text-indent', 'text-align', 'tab-size', 'direction', 'white-space', 'overflow-wrap', 'word-break', 'hyphens',
    'padding-top', 'padding-left', 'padding-bottom', 'border-top-width', 'border-right-width',
    'border-bottom-width', 'border-left-width'];

  /** The mirror over one textarea. update(text, spans) redraws; place() follows the field. */
  M.createOverlay = function createOverlay(textarea, markStyle = MARK) {
    const doc = textarea.ownerDocument;
    const host = doc.createElement('div');
    host.setAttribute(M.GUARD_ATTRIBUTE, 'overlay');
    setStyles(host, { position: 'fixed', 'pointer-events': 'none', 'z-index': '2147483645', margin: '0', padding: '0',
      border: '0', display: 'block', overflow: 'hidden', background: 'transparent', width: '0', height: '0' });
    const shadow = host.attachShadow({ mode: 'closed' });
    const mirror = doc.createElement('div');
    shadow.append(mirror);
    doc.documentElement.append(host);
    let marks = [];

    function place() {
      const rect = textarea.getBoundingClientRect();
      const style = doc.defaultView.getComputedStyle(textarea);
      setStyles(host, { top: `${rect.top}px`, left: `${rect.left}px`, width: `${rect.width}px`, height: `${rect.height}px`,
        visibility: rect.width && rect.height && style.visibility !== 'hidden' ? 'visible' : 'hidden' });
      const copied = Object.fromEntries(METRICS.map((name) => [name, style.getPropertyValue(name)]));
      // A vertical scrollbar narrows the text: widen the right padding by its width.
      const borders = parseFloat(style.borderLeftWidth) + parseFloat(style.borderRightWidth);
      const scrollbar = Math.max(0, textarea.offsetWidth - textarea.clientWidth - borders);
      setStyles(mirror, { ...copied, position: 'absolute', top: '0', left: '0', margin: '0', 'box-sizing': 'border-box',
        width: `${rect.width}px`, height: `${rect.height}px`, 'padding-right': `${parseFloat(style.paddingRight) + scrollbar}px`,
        'border-style': 'solid', 'border-color': 'transparent', color: 'transparent', background: 'transparent',
        overflow: 'hidden', 'white-space': 'pre-wrap' });
      mirror.scrollTop = textarea.scrollTop;
      mirror.scrollLeft = textarea.scrollLeft;
    }

    function update(text, spans) {
      const pieces = [];
      marks = [];
      let at = 0;
      for (const [start, end] of spans) {
        if (start > at) pieces.push(doc.createTextNode(text.slice(at, start)));
        const mark = doc.createElement('span');
        mark.textContent = text.slice(start, end);
        setStyles(mark, { ...markStyle, color: 'transparent', 'border-radius': '2px' });
        pieces.push(mark);
        marks.push(mark);
        at = end;
      }
      // A trailing newline needs a character after it to make its line, as in the textarea.
      pieces.push(doc.createTextNode(`${text.slice(at)}\u200b`));
      mirror.replaceChildren(...pieces);
      place();
    }

    const follow = () => { mirror.scrollTop = textarea.scrollTop; mirror.scrollLeft = textarea.scrollLeft; };
    textarea.addEventListener('scroll', follow, { passive: true });
    const resized = new ResizeObserver(() => place());
    resized.observe(textarea);
    return {
      host,
      update,
      place,
      /** For tests and the badge: each mark's text and boxes (the textarea's own text). */
      marks: () => marks.map((mark) => ({ text: mark.textContent, rects: [...mark.getClientRects()].map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height })) })),
      remove() {
        textarea.removeEventListener('scroll', follow);
        resized.disconnect();
        host.remove();
      },
    };
  };

  /** What is marked now, as text and boxes, for tests (the page's own text, not private). */
  M.highlightedRanges = function highlightedRanges(field, name = NAME) {
    const registry = field.ownerDocument.defaultView?.CSS?.highlights;
    const highlight = registry?.get(name);
    if (!highlight) return [];
    // The ranges we handed over, as far as the browser still holds them: Firefox's Xray
    // wrappers (how a content script sees page objects) cannot iterate a page's Highlight.
    const held = (painted.get(field)?.[name] ?? []).filter((range) => highlight.has(range));
    const boxes = (list) => Array.from({ length: list.length }, (_, i) => list[i]);
    return held.map((range) => ({
      text: range.toString(),
      rects: boxes(range.getClientRects()).map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height })),
    }));
  };
})();
