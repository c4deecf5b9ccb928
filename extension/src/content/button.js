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

  /** Just above the field's top right corner (inside it when there is no room above). */
  function place(anchor, host) {
    const rect = anchor.getBoundingClientRect();
    const width = host.offsetWidth || 100;
    const top = rect.top >= 26 ? rect.top - 26 : rect.top + 2;
    host.style.setProperty('top', `${Math.max(0, Math.round(top))}px`, 'important');
    host.style.setProperty('left', `${Math.max(0, Math.round(rect.right - width))}px`, 'important');
    host.style.setProperty('visibility', rect.width && rect.height ? 'visible' : 'hidden', 'important');
  }
})();
