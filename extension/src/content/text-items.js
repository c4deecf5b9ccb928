// Content script, part 2a: the page's short texts in page order, for reading the context.
// Walking a 10,000-element page and asking the browser whether each element is shown costs
// more than the rest of a scan, and a page changes a little at a time: each place's list is
// kept, and a change redoes only the subtrees the MutationObserver records name: a changed
// text, the parent whose children changed, the parent of an element whose attributes
// changed (a class may show or hide the element's siblings too: `.tab.on + .pane`). What
// records cannot show (style sheets, the window's size, transitions) drops the lists.
// The result is what one full walk would give.
(() => {
  const M = (globalThis.Margin ??= {});
  const MAX_ITEMS = 1500; // a long chart page: the header is near the top anyway
  const KEPT = MAX_ITEMS + 300; // kept per place, so that removals seldom need a new walk
  const MAX_CHANGES = 300; // more changed subtrees than this: one walk is cheaper
  const SHORT = 160;
  const SKIP = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'svg', 'canvas', 'iframe', 'frame', 'object', 'button', 'option']);
  const VALUE_INPUTS = new Set(['', 'text', 'date', 'datetime-local']);
  const STYLING = new Set(['style', 'link']);

  const lists = new WeakMap(); // root -> {slots, truncated, generation}
  const changed = new Map(); // root -> Set of changed nodes, or 'all'
  let generation = 0; // lists of an older generation were dropped

  const isContents = (element) => element.ownerDocument.defaultView?.getComputedStyle(element).display === 'contents';

  /** The walk's verdict on an element: rejected (with its subtree), skipped (a box-less
   * wrapper, display: contents, whose children have boxes of their own) or accepted. */
  function verdict(node) {
    if (SKIP.has(node.localName) || node.isContentEditable || node.hidden || node.getAttribute('aria-hidden') === 'true') return NodeFilter.FILTER_REJECT;
    if (node.hasAttribute(M.BUTTON_ATTRIBUTE) || node.hasAttribute(M.GUARD_ATTRIBUTE)) return NodeFilter.FILTER_REJECT;
    if (node.checkVisibility && !node.checkVisibility()) return isContents(node) ? NodeFilter.FILTER_SKIP : NodeFilter.FILTER_REJECT;
    return NodeFilter.FILTER_ACCEPT;
  }
  const accept = (node) => (node.nodeType === Node.TEXT_NODE ? NodeFilter.FILTER_ACCEPT : verdict(node));

  /** A place in the list: a text node's words, or an input, select or <time> read when asked
   * (a value typed in changes no attribute). */
  function slotFor(node, root) {
    if (node.nodeType === Node.TEXT_NODE) {
      // Non-breaking spaces (&nbsp;&nbsp;) that lay out separate values: keep a break.
      const text = M.clean(node.data.trim().replace(/(?:\u00a0\s*){2,}/g, ' | '));
      return text ? { text, element: node.parentElement ?? root.host, kind: 'text', node } : null;
    }
    if ((node.localName === 'input' && VALUE_INPUTS.has(node.type)) || node.localName === 'select') return { element: node, kind: 'value', node };
    if (node.localName === 'time' && node.getAttribute('datetime')) return { element: node, kind: 'value', node };
    return null;
  }

  /** Slots for `start`'s subtree (or the whole place), in order, at most `limit`. */
  function walk(root, start, limit) {
    const slots = [];
    const add = (node) => { const slot = slotFor(node, root); if (slot) slots.push(slot); };
    if (start !== root) {
      const first = accept(start);
      if (first === NodeFilter.FILTER_REJECT) return slots;
      if (first === NodeFilter.FILTER_ACCEPT) add(start);
      if (start.nodeType === Node.TEXT_NODE) return slots;
    }
    const doc = root.ownerDocument ?? root;
    const walker = doc.createTreeWalker(start, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, { acceptNode: accept });
    for (let node = walker.nextNode(); node && slots.length < limit; node = walker.nextNode()) add(node);
    return slots;
  }

  /** Whether every element above `node` in its place is shown (else nothing under it is). */
  function shownAbove(node) {
    for (let element = node.parentElement; element; element = element.parentElement) {
      if (verdict(element) === NodeFilter.FILTER_REJECT) return false;
    }
    return true;
  }

  /** The first slot at or after `node` in page order (binary search over the kept list). */
  function firstAtOrAfter(slots, node) {
    let [low, high] = [0, slots.length];
    while (low < high) {
      const middle = (low + high) >> 1;
      const at = slots[middle].node;
      const before = at !== node && (at.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) && !node.contains(at);
      if (before) low = middle + 1; else high = middle;
    }
    return low;
  }

  /** Brings a place's list up to date for the changed subtrees; false if a new walk is needed. */
  function redo(root, list, nodes) {
    // Slots of nodes gone from the page first (their positions can no longer be compared).
    const before = list.slots.length;
    // A node removed and put back elsewhere (moved) is connected still: its old slots go too.
    const moved = (nodes.removed ?? []).filter((node) => node.isConnected);
    const gone = (node) => !node.isConnected || node.getRootNode() !== root || moved.some((top) => top.contains(node));
    if (nodes.removed) list.slots = list.slots.filter(({ node }) => !gone(node));
    let removed = list.slots.length < before;
    // Outermost changed subtrees only, still in this place.
    const tops = [...nodes].filter((node) => node.isConnected && node.getRootNode() === root);
    const outer = tops.filter((node) => !tops.some((other) => other !== node && other.contains(node)));
    for (const node of outer) {
      const start = firstAtOrAfter(list.slots, node);
      let end = start;
      while (end < list.slots.length && node.contains(list.slots[end].node)) end += 1;
      if (end > start) removed = true;
      if (list.truncated && start === list.slots.length) continue; // past the kept part
      const fresh = shownAbove(node) ? walk(root, node, KEPT) : [];
      list.slots.splice(start, end - start, ...fresh);
    }
    if (list.slots.length > KEPT) { list.slots.length = KEPT; list.truncated = true; }
    return !(removed && list.truncated && list.slots.length < MAX_ITEMS);
  }

  /** The place's kept list, brought up to date (or walked anew). */
  function listFor(root) {
    let list = lists.get(root);
    const nodes = changed.get(root);
    changed.delete(root);
    if (list && (list.generation !== generation || (nodes && (nodes === 'all' || !redo(root, list, nodes))))) list = null;
    return list ?? walkAnew(root);
  }

  function walkAnew(root) {
    const slots = walk(root, root, KEPT);
    const list = { slots, truncated: slots.length >= KEPT, generation };
    lists.set(root, list);
    return list;
  }

  /** Adds the list's items to `items`, up to the cap. */
  function read(list, items) {
    for (const slot of list.slots) {
      if (items.length >= MAX_ITEMS) return;
      if (slot.kind === 'text') { items.push(slot); continue; }
      const text = slot.node.localName === 'time' ? slot.node.getAttribute('datetime') : M.shownValue(slot.node);
      if (text && (slot.node.localName === 'time' || text.length <= SHORT)) items.push({ text, element: slot.element, kind: 'value' });
    }
  }

  /** [{text, element, kind}]: each visible text node ('text'), labeled inputs' values and
   * <time datetime> ('value'), skipping editors, scripts and Margin's own elements. */
  M.textItems = function textItems(roots) {
    noteTextChanges(observer.takeRecords());
    const items = [];
    for (const { root } of roots) {
      const start = items.length;
      const list = listFor(root);
      read(list, items);
      // Kept too short to give what a full walk would (removals from a cut list): walk anew.
      if (items.length < MAX_ITEMS && list.truncated) {
        items.length = start;
        read(walkAnew(root), items);
      }
    }
    return items;
  };

  function mark(root, node, removed) {
    let set = changed.get(root);
    if (set === 'all') return;
    if (!set) changed.set(root, set = new Set());
    if (set.size >= MAX_CHANGES || (set.removed?.length ?? 0) >= MAX_CHANGES) { changed.set(root, 'all'); return; }
    set.add(node);
    if (removed.length) set.removed = [...(set.removed ?? []), ...removed]; // their slots go first
  }

  const styling = (node) => STYLING.has(node.localName ?? node.parentNode?.localName);
  const OURS = `[${'data-margin-button'}], [${'data-margin-guard'}]`;
  // Margin's own button and badge moving, coming or going change nothing of the page's texts.
  const ours = (node) => Boolean((node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement)?.closest(OURS));
  const onlyOurs = (record) => ours(record.target)
    || (record.type === 'childList' && [...record.addedNodes, ...record.removedNodes].every(ours));

  /** What the records say changed, per place. */
  function noteTextChanges(records) {
    for (const record of records) {
      const root = record.target.getRootNode();
      if (!lists.has(root) || onlyOurs(record)) continue;
      if (styling(record.target) || [...record.addedNodes, ...record.removedNodes].some(styling)) { changed.set(root, 'all'); continue; }
      const { target } = record;
      // A text's own words; the parent whose children changed; the parent of an element
      // whose attributes changed.
      const parent = target.parentNode?.nodeType === Node.ELEMENT_NODE ? target.parentNode : target;
      mark(root, record.type === 'attributes' ? parent : target, record.removedNodes);
    }
  }

  // One observer for every place (every attribute: a class or a data-state may hide a subtree).
  const observer = new MutationObserver((records) => {
    const started = performance.now();
    noteTextChanges(records);
    M.costs?.push(performance.now() - started); // the bench counts this too
  });
  const watched = new WeakSet();
  M.watchTexts = function watchTexts(root) {
    if (watched.has(root)) return;
    watched.add(root);
    observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
  };

  /** Style sheets, the window's size or a transition may show or hide anything: walk anew. */
  M.forgetTexts = function forgetTexts() {
    generation += 1;
    changed.clear();
  };
})();
