// The vault page (a full tab): every client and note, search, the audit trail, settings
// (auto-lock, EHR sites, paired browsers, the daemon's port).
import { api } from '../shared/browser.js';
import { $, h, replaceChildren } from '../shared/dom.js';
import { ask, daemon } from '../shared/messages.js';
import { renderSetup } from '../shared/setup.js';
import { describeNote, renderNoteList, showReader } from '../shared/note-views.js';
import { showConflict } from '../shared/conflict-standalone.js';
import { ExportsView } from './exports-view.js';

const reader = $('#reader-box');
const noteSummaries = new Map(); // id -> summary (client, date; no text), to name notes in reports
const exportsView = new ExportsView({
  section: $('#exports-view'), zone: $('#drop-zone'), picker: $('#export-file'), status: $('#scan-status'),
  reports: $('#scan-reports'), folders: $('#watch-folders'), waiting: $('#watch-waiting'),
  recent: $('#watch-recent'), dismiss: $('#watch-dismiss'),
}, {
  label: (id) => (noteSummaries.has(id) ? describeNote(noteSummaries.get(id)) : `note ${id}`),
  open: (id) => openNote({ id }),
});

async function refresh() {
  const connection = await ask('connection');
  const state = connection.state ?? connection.problem ?? 'error';
  document.body.dataset.state = state;
  $('#vault').hidden = state !== 'ready';
  if (state !== 'ready') {
    if (!$('#setup').dataset.holding) renderSetup($('#setup'), { ...connection, state }, refresh);
    return;
  }
  if (!$('#setup').dataset.holding) $('#setup').hidden = true; // the recovery passphrase stays
  await Promise.all([loadClients(), loadSettings()]);
}

async function openNote(summary) {
  // A note in conflict opens side by side (one audited read of every head), not as one text.
  if ((summary.conflict ?? noteSummaries.get(summary.id)?.conflict) && await openConflict(summary.id)) return;
  const result = await daemon('GET', `/v1/notes/${encodeURIComponent(summary.id)}`);
  if (!result.ok) return;
  if (result.body.conflict && await openConflict(summary.id)) return;
  showReader(reader, describeNote(result.body), result.body.text);
}

function openConflict(noteId) {
  return showConflict(reader, daemon, noteId, (note, message) => {
    loadClients();
    if (note) showReader(reader, message ?? `Saved: ${describeNote(note)}`, note.text);
    else showReader(reader, message ?? 'Deleted', message ? '' : 'The note was deleted. Its versions stay in its history.');
  });
}

async function loadClients() {
  const result = await daemon('POST', '/v1/notes/search', {});
  if (!result.ok) return;
  const byClient = new Map();
  for (const summary of result.body.notes) {
    noteSummaries.set(summary.id, summary);
    const client = summary.client ?? 'No client';
    if (!byClient.has(client)) byClient.set(client, []);
    byClient.get(client).push(summary);
  }
  const sections = [...byClient.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([client, notes]) => {
    const list = h('ul', { className: 'list' });
    renderNoteList(list, notes, openNote, '');
    const inConflict = notes.filter((summary) => summary.conflict).length;
    const marked = inConflict ? `, ${inConflict} changed on two computers` : '';
    return h('details', { open: true }, h('summary', {}, `${client} (${notes.length}${marked})`), list);
  });
  replaceChildren($('#clients'), sections.length ? sections : h('p', {}, 'No notes yet.'));
}

async function loadAudit() {
  const result = await daemon('GET', '/v1/audit');
  if (!result.ok) return;
  const { entries, verification } = result.body;
  $('#audit-verification').textContent = verification.ok
    ? `The audit trail checks out (${verification.entries} entries).`
    : `The audit trail has problems: ${verification.problems.join('; ')}`;
  replaceChildren($('#audit-rows'), entries.map((entry) => h('tr', {},
    h('td', {}, entry.time.replace('T', ' ').slice(0, 19)), h('td', {}, entry.action),
    h('td', {}, entry.actor), h('td', {}, entry.note ?? ''))));
}

async function loadSettings() {
  const [settings, local, pairings, sites, learned] = await Promise.all([
    daemon('GET', '/v1/settings'), ask('settings'), daemon('GET', '/v1/pairings'), ask('sites'), ask('learned_fields')]);
  if (settings.ok && settings.body.auto_lock_minutes) $('#auto-lock').value = settings.body.auto_lock_minutes;
  if (local.ok) $('#port').value = local.port;
  if (pairings.ok) {
    replaceChildren($('#pairings'), pairings.body.pairings.map((pairing) => h('li', {},
      `${pairing.name} (${pairing.origin === location.origin ? 'this browser' : pairing.origin}) `,
      h('button', { type: 'button', className: 'secondary', onclick: () => unpair(pairing) }, 'Unpair'))));
  }
  if (sites.ok) replaceChildren($('#sites'), sites.sites.map(siteRow));
  if (learned.ok) {
    replaceChildren($('#learned-fields'), learned.fields.length ? learned.fields.map(learnedRow) : h('li', {}, 'None: Margin found the note field itself everywhere so far.'));
  }
}

function learnedRow(field) {
  const remove = h('button', { type: 'button', className: 'secondary' }, 'Forget');
  remove.addEventListener('click', async () => { await ask('forget_learned_field', field); refresh(); });
  return h('li', {}, `${new URL(field.origin).host}: `, h('code', {}, field.selector), ' ', remove);
}

function siteRow(site) {
  const box = h('input', { type: 'checkbox', checked: site.enabled, id: `site-${site.id}` });
  box.addEventListener('change', async () => {
    // Asked here, in the click, because the browser only shows its prompt for a user action.
    const changed = box.checked
      ? await api.permissions.request({ origins: site.matches })
      : await api.permissions.remove({ origins: site.matches });
    if (!changed) box.checked = !box.checked;
    await ask('sites_changed');
  });
  return h('li', {}, h('label', {}, box, ` ${site.name}`));
}

async function unpair(pairing) {
  const result = await daemon('DELETE', `/v1/pairings/${encodeURIComponent(pairing.id)}`);
  if (result.ok && pairing.origin === location.origin) await ask('forget_pairing');
  refresh();
}

for (const button of document.querySelectorAll('nav [data-show]')) {
  button.addEventListener('click', () => showView(button.dataset.show));
}

function showView(id) {
  for (const section of document.querySelectorAll('[data-view]')) section.hidden = section.id !== id;
  if (id === 'audit-view') loadAudit();
  if (id === 'exports-view') exportsView.startWatch(); else exportsView.stopWatch();
}
if (location.hash === '#exports') showView('exports-view'); // opened from a notification
$('#search-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const result = await daemon('POST', '/v1/notes/search', { query: $('#search').value.trim() });
  if (result.ok) renderNoteList($('#search-results'), result.body.notes, openNote, 'No note has all these words.');
});
$('#autolock-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const result = await daemon('PUT', '/v1/settings', { auto_lock_minutes: Number($('#auto-lock').value) });
  $('#autolock-status').textContent = result.ok ? 'Saved' : (result.error?.message ?? 'Not saved');
});
$('#port-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  await ask('set_port', { port: Number($('#port').value) });
  refresh();
});
$('#lock-now').addEventListener('click', async () => { await daemon('POST', '/v1/lock', {}); refresh(); });

refresh();
