// Content script, part 6: "pick the field". When no note field was found, the clinician asks
// (the panel's "Pick the field" button): every editable field is outlined and the one they
// click becomes this site's learned field, kept by the worker as a CSS selector (never any
// text) and tried before the detection on the site's next pages.
(() => {
  const M = (globalThis.Margin ??= {});
  M.learnedSelectors = [];
  let picking = null;

  const set = (element, styles) => { for (const [name, value] of Object.entries(styles)) element.style.setProperty(name, value, 'important'); };

  /** The element's box in the top page's viewport, across same-origin frames. */
  function topRect(element) {
    const rect = element.getBoundingClientRect();
    let [x, y] = [rect.left, rect.top];
    for (let view = element.ownerDocument.defaultView; view && view !== window; view = view.parent) {
      const frame = view.frameElement;
      if (!frame) break;
      const box = frame.getBoundingClientRect();
      x += box.left + frame.clientLeft;
      y += box.top + frame.clientTop;
    }
    return { x, y, width: rect.width, height: rect.height };
  }

  const stableId = (id) => id && !/\d{3,}|[-_:][a-f0-9]{6,}/i.test(id);
  const stableClasses = (element) => [...element.classList].filter((name) => !/\d{3,}|^(?:is-|has-|ng-|ck-focused|ql-blank|focus)/.test(name)).slice(0, 2);

  /** A selector that finds the element again in its own root (document, frame or shadow). */
  M.selectorFor = function selectorFor(element, maxSteps = 5) {
    const steps = [];
    for (let node = element; node && node.nodeType === Node.ELEMENT_NODE && steps.length < maxSteps; node = node.parentElement) {
      if (stableId(node.id)) { steps.unshift(`#${CSS.escape(node.id)}`); break; }
      const name = node.getAttribute('name');
      let step = node.localName + (name ? `[name="${CSS.escape(name)}"]` : stableClasses(node).map((c) => `.${CSS.escape(c)}`).join(''));
      const same = node.parentElement ? [...node.parentElement.children].filter((child) => child.localName === node.localName) : [];
      if (same.length > 1) step += `:nth-of-type(${same.indexOf(node) + 1})`;
      steps.unshift(step);
    }
    return steps.join(' > ');
  };

  function stopPicking() {
    picking?.host.remove();
    picking?.stopKeys();
    picking = null;
  }

  /** Outline every editable field; the one clicked is sent to the worker as this site's. */
  M.startPicking = function startPicking() {
    stopPicking();
    const candidates = M.editableCandidates(M.collectRoots(document));
    const host = document.createElement('div');
    host.setAttribute(M.BUTTON_ATTRIBUTE, '');
    set(host, { position: 'fixed', inset: '0', 'z-index': '2147483647', 'pointer-events': 'none' });
    const shadow = host.attachShadow({ mode: 'closed' });
    const banner = document.createElement('div');
    banner.textContent = candidates.length
      ? 'Margin: click the progress-note field (Esc to cancel)'
      : 'Margin: no field to write in on this page (Esc to close)';
    set(banner, { position: 'fixed', top: '0', left: '0', right: '0', padding: '6px', background: '#4b3f72', color: '#fff', font: '600 13px system-ui, sans-serif', 'text-align': 'center', 'pointer-events': 'auto' });
    shadow.append(banner);
    for (const candidate of candidates) {
      const box = document.createElement('button');
      box.type = 'button';
      box.title = 'This is the progress note';
      const rect = topRect(candidate.anchor);
      set(box, { position: 'fixed', left: `${rect.x}px`, top: `${rect.y}px`, width: `${rect.width}px`, height: `${rect.height}px`,
        border: '3px dashed #4b3f72', background: 'rgba(75,63,114,.12)', cursor: 'pointer', 'pointer-events': 'auto', margin: '0', padding: '0' });
      box.addEventListener('click', (event) => {
        event.preventDefault();
        event.stopPropagation();
        stopPicking();
        picked(candidate);
      });
      shadow.append(box);
    }
    document.documentElement.append(host);
    const onKey = (event) => { if (event.key === 'Escape') stopPicking(); };
    addEventListener('keydown', onKey, true);
    picking = { host, stopKeys: () => removeEventListener('keydown', onKey, true) };
    return candidates.length;
  };

  async function picked(candidate) {
    // An iframe editor is found again by its frame; any other field by itself.
    const element = candidate.kind === 'iframe-body' ? candidate.anchor : candidate.element;
    const selector = M.selectorFor(element);
    M.learnedSelectors = [selector, ...M.learnedSelectors.filter((known) => known !== selector)];
    await M.send({ type: 'cs-field-picked', selector });
    M.scanSoon();
  }

  /** This site's learned fields, from the worker (asked once when the script starts). */
  M.loadLearned = async function loadLearned() {
    const reply = await M.send({ type: 'cs-learned-fields' });
    if (Array.isArray(reply?.selectors)) M.learnedSelectors = reply.selectors;
  };
})();
