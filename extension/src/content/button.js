// Content script, part 4: the small "Private notes" button beside the note field. It lives
// in a closed shadow root on a host element of its own (never inside the editor, whose
// content the EHR would save), styled through the CSSOM so page CSP and CSS leave it alone.
(() => {
  const M = (globalThis.Margin ??= {});

  const set = (element, styles) => { for (const [name, value] of Object.entries(styles)) element.style.setProperty(name, value, 'important'); };

  M.createButton = function createButton(anchor, onPress) {
    const doc = anchor.ownerDocument;
    const host = doc.createElement('div');
    host.setAttribute(M.BUTTON_ATTRIBUTE, '');
    set(host, { position: 'fixed', 'z-index': '2147483646', margin: '0', padding: '0', border: '0', width: 'auto', height: 'auto', display: 'block' });
    const shadow = host.attachShadow({ mode: 'closed' });
    const button = doc.createElement('button');
    button.type = 'button';
    button.textContent = 'Private notes';
    button.title = 'Open Margin: private notes for this session, kept outside the EHR';
    set(button, {
      font: '600 12px/1.2 system-ui, sans-serif', color: '#fff', background: '#4b3f72',
      border: '0', 'border-radius': '4px', padding: '4px 8px', cursor: 'pointer',
      'box-shadow': '0 1px 3px rgba(0,0,0,.3)', 'white-space': 'nowrap',
    });
    button.addEventListener('click', (event) => {
      event.preventDefault();
      event.stopPropagation();
      onPress();
    });
    shadow.append(button);
    doc.documentElement.append(host);
    const placed = { anchor, host, remove: () => host.remove(), place: () => place(anchor, host) };
    placed.place();
    return placed;
  };

  const CONTROL = 'a[href], button, input, select, textarea, label, summary, iframe, [contenteditable]:not([contenteditable="false" i]), [role="button"], [role="link"], [role="tab"], [role="menuitem"], [role="checkbox"], [role="combobox"], [tabindex]:not([tabindex="-1"])';
  const GAP = 4;

  /** Where the button may go, nearest the field's top right first: above it, beside it,
   * below it; inside its top right corner only when none of those is free. */
  function spots(rect, width, height) {
    const middle = (rect.left + rect.right - width) / 2;
    const [above, below] = [rect.top - height - GAP, rect.bottom + GAP];
    return [
      [rect.right - width, above], [rect.left, above], [middle, above], [rect.right + GAP, rect.top],
      [rect.right - width, below], [rect.left, below], [middle, below], [rect.left - width - GAP, rect.top],
      [rect.right + GAP, rect.bottom - height],
    ];
  }

  /** Nothing the clinician clicks or types in is under this box (our own button aside). */
  function free(doc, host, anchor, x, y, width, height) {
    const view = doc.defaultView;
    if (x < 0 || y < 0 || x + width > view.innerWidth || y + height > view.innerHeight) return false;
    const points = [[x + 1, y + 1], [x + width - 1, y + 1], [x + 1, y + height - 1], [x + width - 1, y + height - 1], [x + width / 2, y + height / 2]];
    for (const [px, py] of points) {
      const under = doc.elementsFromPoint(px, py).find((element) => element !== host && !host.contains(element));
      if (!under) continue;
      // Our own button and the leak guard's badge must stay readable too.
      if (under === anchor || anchor.contains(under) || under.closest(`${CONTROL}, [${M.GUARD_ATTRIBUTE}], [${M.BUTTON_ATTRIBUTE}]`)) return false;
    }
    return true;
  }

  /** The first free [left, top] for `host` beside the field (after `preferred` spots), or null. */
  M.freeSpot = function freeSpot(anchor, host, preferred = []) {
    const rect = anchor.getBoundingClientRect();
    const width = host.offsetWidth || 100;
    const height = host.offsetHeight || 22;
    if (!rect.width || !rect.height) return null;
    const candidates = [...preferred.map((make) => make(width, height)), ...spots(rect, width, height)];
    return candidates.find(([x, y]) => free(anchor.ownerDocument, host, anchor, x, y, width, height)) ?? null;
  };

  /** Beside the field, in free space: never over a page control or the field itself. */
  function place(anchor, host) {
    const rect = anchor.getBoundingClientRect();
    const shown = rect.width && rect.height;
    // Inside the field's top right corner only when there is no free space around it.
    const [left, top] = M.freeSpot(anchor, host) ?? [rect.right - (host.offsetWidth || 100) - 2, rect.top + 2];
    host.style.setProperty('top', `${Math.max(0, Math.round(top))}px`, 'important');
    host.style.setProperty('left', `${Math.max(0, Math.round(left))}px`, 'important');
    host.style.setProperty('visibility', shown ? 'visible' : 'hidden', 'important');
  }
})();
