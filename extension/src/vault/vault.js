// The vault page (a full tab): the workspace (clients, their notes, the note and its history),
// search, the export check, the review of the private notes, the audit trail and settings
// (auto-lock, EHR sites, paired browsers, the daemon's port).
import { api } from '../shared/browser.js';
import { $, h, replaceChildren } from '../shared/dom.js';
import { localizePage, t } from '../shared/i18n.js';
import { ask, daemon, newestOnly } from '../shared/messages.js';
import { renderSetup } from '../shared/setup.js';
import { describeNote, renderNoteList, showReader } from '../shared/note-views.js';
import { showConflict } from '../shared/conflict-standalone.js';
import { ExportsView } from './exports-view.js';
import { Workspace } from './workspace.js';
import { AuditView } from './audit-view.js';
import { PrivateReview } from './review-view.js';

localizePage();
const reader = $('#reader-box');
const noteSummaries = new Map(); // id -> summary (client, date; no text), to name notes in reports
const workspace = new Workspace({ call: daemon, openNote });
const audit = new AuditView({ call: daemon, summaries: () => noteSummaries });
const review = new PrivateReview({
  call: daemon, summaries: () => noteSummaries, open: (id) => openNote({ id }, $('#review-reader-slot')),
});
const exportsView = new ExportsView({
  section: $('#exports-view'), zone: $('#drop-zone'), picker: $('#export-file'), status: $('#scan-status'),
  reports: $('#scan-reports'), folders: $('#watch-folders'), waiting: $('#watch-waiting'),
  recent: $('#watch-recent'), dismiss: $('#watch-dismiss'),
  progress: $('#scan-progress'), progressBar: $('#scan-progress-bar'), progressText: $('#scan-progress-text'),
}, {
  label: (id) => (noteSummaries.has(id) ? describeNote(noteSummaries.get(id)) : t('noteById', id)),
  open: (id) => openNote({ id }, $('#exports-reader-slot')),
});

const askConnection = newestOnly(() => ask('connection'));

async function refresh() {
  const connection = await askConnection();
  if (!connection) return; // a newer look is on its way, and its answer is the one drawn
  const state = connection.state ?? connection.problem ?? 'error';
  document.body.dataset.state = state;
  $('#vault').hidden = state !== 'ready';
  $('#views').hidden = state !== 'ready';
  if (state !== 'ready') {
    if (!$('#setup').dataset.holding) renderSetup($('#setup'), { ...connection, state }, refresh);
    return;
  }
  if ($('#setup').dataset.holding) return; // the recovery passphrase stays until confirmed
  $('#setup').hidden = true;
  followGuard();
  await Promise.all([loadClients(), loadSettings()]);
}

const GUARD_REFRESH_MS = 1000;
let guardTimer = null;

/** While the leak guard's index is being made after an unlock (minutes for a large vault),
 *  say so with how far it is: saves it cannot check meanwhile are held, not passed. If the
 *  build stopped on a fault, say why and what to do: waiting would never end. If some notes
 *  could not be read (their files not yet synced), say how many are not compared against. */
async function followGuard() {
  clearTimeout(guardTimer);
  const result = await daemon('GET', '/v1/vault');
  const guard = result.ok ? result.body.guard : null;
  const shown = guard?.state === 'building' || guard?.state === 'stopped' || Boolean(guard?.unread);
  $('#guard-building').hidden = !shown;
  if (!shown) return;
  const bar = $('#guard-building-bar');
  bar.hidden = guard.state !== 'building';
  if (guard.state === 'stopped') {
    $('#guard-building-text').textContent = t('guardStopped', guard.reason);
    return; // it stays so until a lock and unlock, which reload this state anyway
  }
  if (guard.state === 'ready') { // ready, but some notes' files could not be read yet
    $('#guard-building-text').textContent = t('guardUnread', guard.unread.toLocaleString());
    return;
  }
  if (guard.total) {
    bar.max = guard.total;
    bar.value = Math.min(guard.done, guard.total);
    $('#guard-building-text').textContent = t('guardBuilding', guard.done.toLocaleString(), guard.total.toLocaleString());
  } else {
    bar.removeAttribute('value');
    $('#guard-building-text').textContent = t('guardBuildingReading');
  }
  guardTimer = setTimeout(followGuard, GUARD_REFRESH_MS);
}

/** Read a note into the reading pane, or under the list it was chosen from (`slot`). */
async function openNote(summary, slot = $('#reading-slot')) {
  if (reader.parentElement !== slot) slot.append(reader);
  // A note in conflict opens side by side (one audited read of every head), not as one text.
  if ((summary.conflict ?? noteSummaries.get(summary.id)?.conflict) && await openConflict(summary.id)) return;
  const result = await daemon('GET', `/v1/notes/${encodeURIComponent(summary.id)}`);
  if (!result.ok) return;
  if (result.body.conflict && await openConflict(summary.id)) return;
  await workspace.showNote(result.body);
}

async function openConflict(noteId) {
  const shown = await showConflict(reader, daemon, noteId, (note, message) => {
    loadClients();
    if (note) showReader(reader, message ?? t('readerSaved', describeNote(note)), note.text);
    else showReader(reader, message ?? t('deleted'), message ? '' : t('noteDeleted'));
  });
  return shown;
}

async function loadClients() {
  const result = await daemon('POST', '/v1/notes/search', {});
  if (!result.ok) return;
  noteSummaries.clear();
  for (const summary of result.body.notes) noteSummaries.set(summary.id, summary);
  workspace.show(result.body.notes);
  review.fillClients();
}

async function loadSettings() {
  const [settings, local, pairings, sites, learned, oversharing] = await Promise.all([
    daemon('GET', '/v1/settings'), ask('settings'), daemon('GET', '/v1/pairings'), ask('sites'), ask('learned_fields'),
    ask('oversharing_sites')]);
  const places = await ask('learned_context');
  if (settings.ok && settings.body.auto_lock_minutes) $('#auto-lock').value = settings.body.auto_lock_minutes;
  if (settings.ok) $('#private-note-hints').checked = settings.body.private_note_hints === true;
  if (local.ok) $('#port').value = local.port;
  if (pairings.ok) {
    replaceChildren($('#pairings'), pairings.body.pairings.map((pairing) => h('li', { className: 'row' },
      t('pairingLine', pairing.name, pairing.origin === location.origin ? t('thisBrowser') : pairing.origin),
      h('button', { type: 'button', className: 'secondary', onclick: () => unpair(pairing) }, t('unpair')))));
  }
  if (sites.ok) replaceChildren($('#sites'), sites.sites.map(siteRow));
  if (oversharing.ok) replaceChildren($('#oversharing-sites'), oversharing.sites.map(oversharingRow));
  if (learned.ok) {
    replaceChildren($('#learned-fields'), learned.fields.length ? learned.fields.map(learnedRow) : h('li', {}, t('learnedFieldsNone')));
  }
  if (places.ok) {
    replaceChildren($('#learned-context'), places.places.length ? places.places.map(learnedPlaceRow) : h('li', {}, t('learnedContextNone')));
  }
}

function learnedRow(field) {
  const remove = h('button', { type: 'button', className: 'secondary' }, 'Forget');
  remove.addEventListener('click', async () => { await ask('forget_learned_field', field); refresh(); });
  return h('li', {}, `${new URL(field.origin).host}: `, h('code', {}, field.selector), ' ', remove);
}

/** A place learned from a correction: the page shape, client or date, and the locator. */
function learnedPlaceRow(place) {
  const remove = h('button', { type: 'button', className: 'secondary' }, t('forget'));
  remove.addEventListener('click', async () => { await ask('forget_learned_context', place); refresh(); });
  const aspect = place.aspect === 'client' ? t('aspectClient') : t('aspectDate');
  return h('li', {}, t('learnedContextLine', place.shape, aspect), h('code', {}, place.locator), ' ', remove);
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

/** The per-site switch of the over-sharing marks (issue 21): on unless turned off here. */
function oversharingRow(site) {
  const box = h('input', { type: 'checkbox', checked: site.on, id: `oversharing-${site.id}` });
  box.addEventListener('change', async () => {
    const done = await ask('set_oversharing', { site: site.id, on: box.checked });
    if (!done.ok) box.checked = !box.checked;
  });
  return h('li', {}, h('label', {}, box, ` ${site.name}`));
}

async function unpair(pairing) {
  const result = await daemon('DELETE', `/v1/pairings/${encodeURIComponent(pairing.id)}`);
  if (result.ok && pairing.origin === location.origin) await ask('forget_pairing');
  refresh();
}

function showView(id) {
  for (const section of document.querySelectorAll('[data-view]')) section.hidden = section.id !== id;
  for (const button of document.querySelectorAll('nav [data-show]')) {
    if (button.dataset.show === id) button.setAttribute('aria-current', 'page'); else button.removeAttribute('aria-current');
  }
  if (id === 'audit-view') audit.load();
  if (id === 'review-view') review.load();
  if (id === 'exports-view') exportsView.startWatch(); else exportsView.stopWatch();
}

for (const button of document.querySelectorAll('nav [data-show]')) {
  button.addEventListener('click', () => showView(button.dataset.show));
}
showView(location.hash === '#exports' ? 'exports-view' : 'all-notes'); // #exports: opened from a notification
$('#search-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const result = await daemon('POST', '/v1/notes/search', { query: $('#search').value.trim() });
  if (result.ok) renderNoteList($('#search-results'), result.body.notes, (summary) => openNote(summary, $('#search-reader-slot')), t('searchNone'));
});
$('#autolock-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const result = await daemon('PUT', '/v1/settings', { auto_lock_minutes: Number($('#auto-lock').value) });
  $('#autolock-status').textContent = result.ok ? t('statusSaved') : (result.error?.message ?? t('notSaved'));
});
$('#private-note-hints').addEventListener('change', async (event) => {
  const result = await daemon('PUT', '/v1/settings', { private_note_hints: event.target.checked });
  if (!result.ok) event.target.checked = !event.target.checked;
  $('#hints-status').textContent = result.ok ? t('statusSaved') : (result.error?.message ?? t('notSaved'));
});
$('#port-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  await ask('set_port', { port: Number($('#port').value) });
  refresh();
});
$('#lock-now').addEventListener('click', async () => { await daemon('POST', '/v1/lock', {}); refresh(); });

refresh();
