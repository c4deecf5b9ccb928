// Content script, leak guard part 1: the progress-note field's text as one string (what
// the daemon checks, the EHR's own content), and the way back from an offset in that
// string to the field's DOM. Offsets are JavaScript string indexes (UTF-16 code units),
// as the daemon's answers are.
(() => {
  const M = (globalThis.Margin ??= {});

  // Elements that start a new line in an editor: a newline keeps words in two paragraphs
  // apart, as the clinician sees them.
  const BLOCKS = new Set(['p', 'div', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote',
    'pre', 'tr', 'td', 'th', 'table', 'section', 'article', 'header', 'footer', 'dd', 'dt', 'figcaption', 'hr']);
  const SKIPPED = new Set(['script', 'style', 'template', 'noscript']);

  /**
   * {text, segments}: a textarea's value, or an editor's text nodes joined with a newline
   * between blocks and for each <br>. segments[i] = {node, start}: where each text node
   * starts in `text` (null for a textarea, whose offsets are its own).
   */
  M.readField = function readField(field) {
    if (field.localName === 'textarea') return { text: field.value, segments: null };
    const doc = field.ownerDocument;
    const walker = doc.createTreeWalker(field, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (SKIPPED.has(node.localName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    let text = '';
    const segments = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) {
        if (node.data) {
          segments.push({ node, start: text.length });
          text += node.data;
        }
      } else if (node.localName === 'br') {
        text += '\n';
      } else if (BLOCKS.has(node.localName) && text && !text.endsWith('\n')) {
        text += '\n';
      }
    }
    return { text, segments };
  };

  /** The index of the last segment starting at or before `offset` (-1 if none). */
  function segmentAt(segments, offset) {
    let low = 0;
    let high = segments.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (segments[middle].start <= offset) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found;
  }

  /** A DOM position for an offset: inside a text node; one in a separator moves to the
   *  next text node (a start) or back to the end of the previous one (an end). */
  function position(segments, offset, isEnd) {
    let index = segmentAt(segments, isEnd ? offset - 1 : offset);
    if (index < 0) index = 0;
    const segment = segments[index];
    const length = segment.node.data.length;
    const inside = offset - segment.start;
    if (inside >= 0 && inside <= length && !(inside === length && !isEnd)) return [segment.node, inside];
    if (isEnd) return [segment.node, Math.min(Math.max(inside, 0), length)];
    const next = segments[index + 1];
    return next ? [next.node, 0] : [segment.node, length];
  }

  /** A DOM Range over [start, end) of what readField read, or null. */
  M.fieldRange = function fieldRange(read, start, end) {
    if (!read.segments?.length || end <= start) return null;
    const [startNode, startOffset] = position(read.segments, start, false);
    const [endNode, endOffset] = position(read.segments, end, true);
    if (!startNode.isConnected || !endNode.isConnected) return null;
    const range = startNode.ownerDocument.createRange();
    try {
      range.setStart(startNode, startOffset);
      range.setEnd(endNode, endOffset);
    } catch {
      return null; // the editor changed under us; the next check brings fresh offsets
    }
    return range.collapsed ? null : range;
  };

  /** Spans [[start, end], ...] sorted, overlapping ones merged (two notes can share words). */
  M.mergeSpans = function mergeSpans(matches) {
    const spans = matches.map((match) => [match.start, match.end]).sort((a, b) => a[0] - b[0]);
    const merged = [];
    for (const [start, end] of spans) {
      const last = merged[merged.length - 1];
      if (last && start <= last[1]) last[1] = Math.max(last[1], end);
      else merged.push([start, end]);
    }
    return merged;
  };
})();
