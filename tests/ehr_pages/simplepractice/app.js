// A React-style single-page app: every route change re-renders #root; the note editor
// arrives after a (simulated) fetch, and the next client opens without a page load.
const CLIENTS = {
  'c-1001': { name: 'Ada Lovelace', date: 'March 4, 2025', appointment: 'a-5001' },
  'c-1002': { name: 'Grace Hopper', date: 'March 5, 2025', appointment: 'a-5002' },
};
const root = document.getElementById('root');
const el = (tag, props = {}, ...children) => { const e = Object.assign(document.createElement(tag), props); for (const [k, v] of Object.entries(props.attrs ?? {})) e.setAttribute(k, v); e.append(...children); return e; };

function go(path) { history.pushState({}, '', path); render(); }
window.addEventListener('popstate', render);

function render() {
  const match = location.pathname.match(/^\/clients\/([^/]+)\/appointments\/([^/]+)/);
  root.replaceChildren();
  if (!match) {
    root.append(el('h1', {}, 'Clients'), ...Object.entries(CLIENTS).map(([id, c]) =>
      el('button', { id: `open-${id}`, onclick: () => go(`/clients/${id}/appointments/${c.appointment}`) }, `Open ${c.name}'s appointment`)));
    return;
  }
  const [, clientId] = match;
  const client = CLIENTS[clientId];
  root.append(el('p', {}, 'Loading…'));
  setTimeout(() => {
    root.replaceChildren(
      el('header', { className: 'client-header' }, el('h1', { attrs: { 'data-testid': 'client-name' } }, client.name),
        el('span', { attrs: { 'data-testid': 'appointment-date' } }, client.date)),
      el('nav', {}, el('button', { id: 'next-client', onclick: () => go('/clients/c-1002/appointments/a-5002') }, 'Next client')));
    setTimeout(() => {
      const editor = el('div', { className: 'note-body', attrs: { contenteditable: 'true', role: 'textbox', 'aria-label': 'Progress note', 'aria-multiline': 'true' } });
      editor.style.minHeight = '240px';
      editor.style.border = '1px solid #999';
      root.append(el('section', { attrs: { 'data-testid': 'progress-note-editor' } }, el('h2', {}, 'Progress Note'), editor),
        el('button', { attrs: { 'data-testid': 'save-note' } }, 'Save'));
    }, 500);
  }, 300);
}
render();
