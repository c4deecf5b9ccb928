// The panel: shows where the clinician stands (not running, blocked, not paired, no vault,
// locked) and, once unlocked, the private note for the client and appointment of the EHR
// tab, with autosave, earlier notes, search, history and the conflict view.
import { api } from '../shared/browser.js';
import { localizePage, t } from '../shared/i18n.js';
import { $, h, replaceChildren } from '../shared/dom.js';
import { ask, daemon, newestOnly } from '../shared/messages.js';
import { describe } from '../shared/problems.js';
import { renderSetup } from '../shared/setup.js';
import { describeNote, renderConflict, renderHistory, renderNoteList, showReader, siteName } from '../shared/note-views.js';
import { NoteSaver } from './autosave.js';
import { saveLine } from './save-line.js';
import { PanelConflict } from './conflict-watch.js';
import { showConflict } from '../shared/conflict-standalone.js';
import { NoteLinter } from './lint.js';
import { LintMirror } from './lint-view.js';
import { SafetyBanner } from './safety.js';
import { ContextConfirm } from './context-confirm.js';

const POLL_READY_MS = 15000;
const POLL_PROBLEM_MS = 3000;
const pinnedTab = new URLSearchParams(location.search).get('tab');
const ui = {
  context: $('#context'), setup: $('#setup'), notes: $('#notes'), editor: $('#editor'), text: $('#note-text'),
  status: $('#save-status'), conflict: $('#conflict'), reader: $('#reader-box'), history: $('#history'),
  earlier: $('#earlier'), searchForm: $('#search-form'), search: $('#search'), results: $('#search-results'),
};
const view = { tabId: pinnedTab ? Number(pinnedTab) : null, report: null, loadedKey: null, state: null, shownConflict: null, pollTimer: null };
const saver = new NoteSaver({ call: daemon, onChange: renderSaver });
const mirror = new LintMirror(ui.text, { reason: $('#lint-reason'), list: $('#lint-list') });
const safety = new SafetyBanner($('#safety-banner'), { call: daemon, savedNote, onChange: () => mirror.show(linter.text, linter.findings, safety.isQuiet) });
const linter = new NoteLinter({ call: daemon, onFindings: showFindings });
const confirmer = new ContextConfirm({ onCorrect: corrected });
confirmer.refresh = () => renderContext();
const conflicts = new PanelConflict({ section: $('#sync-conflict'), saver, call: daemon, summaries: sessionSummaries, onSettled: conflictSettled });

/** Text typed here that no acknowledged save holds yet: the panel must keep this note. */
const holdingText = () => saver.dirty || saver.inFlight || saver.status === 'conflict' || conflicts.holdsText;
const askConnection = newestOnly(() => ask('connection'));
const contextKey = (report) => report && [report.site, report.client, report.context.client_ref, report.context.appointment_date].join('|');

// --- where the clinician stands -----------------------------------------------------------

async function refreshConnection() {
  clearTimeout(view.pollTimer);
  const connection = await askConnection();
  if (!connection) return; // a newer look is on its way: its answer is drawn, and it sets the next poll
  const state = connection.state ?? connection.problem ?? 'error';
  const changed = state !== view.state;
  view.state = state;
  // A save waiting out its back-off says why it failed; when the reason may have changed
  // (Margin came back, now locked), try now so the status line agrees with the form below
  // at once rather than seconds later, when the line rewrapping would move the form.
  if (changed && state !== 'ready' && saver.status === 'error') saver.flush();
  document.body.dataset.state = state;
  if (state === 'ready') {
    // A poll landing while the new vault's recovery passphrase is shown (once) must not hide it.
    if (!ui.setup.dataset.holding) {
      ui.setup.hidden = true;
      ui.setup.dataset.state = 'ready';
    }
    saver.retryNow();
    await ensureNoteLoaded();
  } else {
    if (state === 'locked' && !saver.dirty && !saver.inFlight && !conflicts.holdsText) forgetShownNote(); // locked means no text on screen
    if (!ui.setup.dataset.holding && (ui.setup.hidden || ui.setup.dataset.state !== state)) {
      renderSetup(ui.setup, { ...connection, state }, () => refreshConnection());
    }
  }
  renderVisibility();
  view.pollTimer = setTimeout(refreshConnection, state === 'ready' ? POLL_READY_MS : POLL_PROBLEM_MS);
}

function renderVisibility() {
  const keepEditor = holdingText();
  ui.notes.hidden = !(view.state === 'ready' || keepEditor || view.loadedKey);
  ui.editor.hidden = (!view.report && !view.loadedKey && !keepEditor) || saver.waitingForChoice;
}

function forgetShownNote() {
  saver.reset();
  view.loadedKey = null;
  ui.text.value = '';
  linter.reset('');
  safety.clear();
  replaceChildren(ui.history);
  replaceChildren(ui.earlier);
  replaceChildren(ui.results);
  ui.reader.hidden = true;
  replaceChildren(ui.reader);
  renderSaver(saver);
}

// --- the EHR context ------------------------------------------------------------------------

/** The EHR tab's host name, for its site name; null when the browser does not say. */
async function hostOf(tabId) {
  try {
    const tab = await api.tabs.get(tabId); // Firefox throws at once for an id it refuses
    return tab.url ? new URL(tab.url).hostname : null;
  } catch {
    return null;
  }
}

async function followTab(tabId) {
  view.tabId = tabId;
  view.host = await hostOf(tabId);
  const answer = await ask('tab_context', { tabId });
  onReport(answer.report ?? null);
  ask('rescan', { tabId }); // the content script answers with a fresh cs-context
}

function onReport(raw) {
  view.raw = raw;
  const report = confirmer.apply(raw);
  view.report = report;
  saver.held = confirmer.needsAnswer(raw); // asked before the first save, never filed under a guess
  renderContext();
  if (!report || contextKey(report) === view.loadedKey) return;
  if (holdingText()) {
    ui.context.append(h('p', { className: 'form-error', id: 'switch-waiting' }, t('switchWaiting')));
    return;
  }
  view.loadedKey = null;
  if (view.state === 'ready') ensureNoteLoaded();
}

function renderContext() {
  const report = view.report;
  if (!report) {
    replaceChildren(ui.context, t('contextNone'));
  } else {
    const { client, context } = report;
    replaceChildren(ui.context,
      h('span', { id: 'context-site' }, siteName(report.site, view.host)), ' · ',
      h('strong', { id: 'context-client' }, client ?? t('contextNoClient')), ' · ',
      h('span', { id: 'context-date' }, context.appointment_date ?? t('contextNoDate')),
      report.field === null ? missedField() : null, confirmer.render(view.raw));
  }
  renderVisibility();
}

/** The clinician confirmed or changed the client and date: a note already saved moves to
 * them (a new version); a note not saved yet is created under them. */
async function corrected(report, before) {
  view.report = report;
  saver.held = false;
  // Where the page shows the corrected values is learned for pages of this shape (the
  // worker keeps locators only); the content script then reads them there.
  ask('learn_context', { tabId: view.tabId, client: report.client, date: report.context.appointment_date ?? null });
  if (saver.note && contextKey(report) !== contextKey(before)) {
    const moved = await daemon('PUT', `/v1/notes/${encodeURIComponent(saver.note.id)}`,
      { text: saver.text, base_version: saver.note.version, client: report.client, context: report.context });
    if (!moved.ok) { setStatus('error', describe(moved.problem, moved.error).title); return; }
    saver.load(moved.body);
    setStatus('info', t('noteMoved'));
  } else if (!saver.note) {
    saver.target = { client: report.client, context: report.context };
    if (saver.dirty) saver.schedule(0);
  }
  view.loadedKey = contextKey(report);
  renderContext();
  loadEarlier(report);
}

/** No field found: say so, and let the clinician show Margin which field is the note. */
function missedField() {
  const pick = h('button', { type: 'button', id: 'pick-field', className: 'secondary' }, t('pickField'));
  pick.addEventListener('click', () => { ask('pick_field', { tabId: view.tabId }); });
  return h('p', { className: 'snippet', id: 'field-missed' }, `${t('fieldMissedBefore')} `, pick,
    ` ${t('fieldMissedAfter')}`);
}

// --- the note for this context ------------------------------------------------------------------

function sameContext(summary, report) {
  const a = summary.context ?? {};
  const b = report.context;
  return !summary.deleted && (summary.client ?? null) === (report.client ?? null) && a.site === b.site
    && (a.appointment_date ?? null) === (b.appointment_date ?? null) && (a.client_ref ?? null) === (b.client_ref ?? null);
}

function searchFor(report, { sameSession }) {
  const body = {};
  if (report.client) body.client = report.client;
  if (sameSession) {
    body.site = report.site;
    if (report.context.appointment_date) body.date = report.context.appointment_date;
  }
  return daemon('POST', '/v1/notes/search', body);
}

async function ensureNoteLoaded() {
  const report = view.report;
  const key = contextKey(report);
  if (!report || view.loadedKey === key || view.loading === key) return;
  if (holdingText()) return; // finish this note first
  view.loading = key;
  ui.text.readOnly = true;
  setStatus('info', t('statusOpening'));
  const found = await searchFor(report, { sameSession: true });
  const match = found.ok ? found.body.notes.find((summary) => sameContext(summary, report)) : null;
  const note = match ? await daemon('GET', `/v1/notes/${encodeURIComponent(match.id)}`) : null;
  view.loading = null;
  if (!found.ok || (note && !note.ok)) {
    setStatus('error', describe((note ?? found).problem, (note ?? found).error).title);
    return;
  }
  if (note) saver.load(note.body);
  else saver.startNew({ client: report.client, context: report.context });
  ui.text.value = saver.text;
  linter.reset(saver.text);
  ui.text.readOnly = false;
  view.loadedKey = key;
  document.getElementById('switch-waiting')?.remove();
  renderVisibility();
  loadEarlier(report);
  loadHistory();
}

async function loadEarlier(report) {
  if (!report.client) { renderNoteList(ui.earlier, [], null, t('earlierNoClient')); return; }
  const result = await searchFor(report, { sameSession: false });
  if (!result.ok) return;
  const others = result.body.notes.filter((summary) => summary.id !== saver.note?.id && !summary.deleted);
  renderNoteList(ui.earlier, others, openInReader, t('earlierNone'));
}

async function loadHistory() {
  if (!saver.note) { renderHistory(ui.history, [], null); return; }
  const result = await daemon('GET', `/v1/notes/${encodeURIComponent(saver.note.id)}/history`);
  if (result.ok) renderHistory(ui.history, result.body.versions, openVersion);
}

async function openInReader(summary) {
  if (summary.conflict && summary.id !== saver.note?.id) {
    const shown = await showConflict(ui.reader, daemon, summary.id, (note, message) => {
      if (note) showReader(ui.reader, message ?? t('readerSaved', describeNote(note)), note.text);
      else { ui.reader.hidden = true; setStatus('info', message ?? t('noteDeleted')); }
      if (view.report) loadEarlier(view.report);
    });
    if (shown) return;
  }
  const result = await daemon('GET', `/v1/notes/${encodeURIComponent(summary.id)}`);
  if (result.ok) showReader(ui.reader, describeNote(result.body), result.body.text);
  else setStatus('error', describe(result.problem, result.error).title);
}

async function openVersion(version) {
  const result = await daemon('GET', `/v1/notes/${encodeURIComponent(version.note)}/versions/${encodeURIComponent(version.id)}`);
  if (!result.ok) return;
  showReader(ui.reader, t('versionOf', version.time.replace('T', ' ').slice(0, 19)), result.body.text, [
    [t('useThisText'), () => { ui.text.value = result.body.text; saver.edit(result.body.text); linter.textChanged(result.body.text); }],
  ]);
}

// --- versions from two computers ----------------------------------------------------------------

/** The summaries (no text, not audited) of this session's notes, to watch for new versions. */
async function sessionSummaries() {
  if (!view.report || !view.loadedKey) return null;
  const found = await searchFor(view.report, { sameSession: true });
  if (found.ok && view.state !== 'ready') refreshConnection(); // reachable again: say so now
  return found.ok ? found.body.notes : null;
}

async function conflictSettled(outcome, message) {
  if (outcome === 'deleted') {
    forgetShownNote();
    await ensureNoteLoaded();
    setStatus('info', t('noteDeletedElsewhere'));
    return;
  }
  if (outcome === 'reload' && saver.note) {
    const result = await daemon('GET', `/v1/notes/${encodeURIComponent(saver.note.id)}`);
    if (!result.ok) return;
    saver.rebase(result.body);
  }
  if (saver.status !== 'sync_conflict' && saver.status !== 'conflict' && !saver.dirty) {
    ui.text.value = saver.text;
    linter.textChanged(saver.text);
  }
  renderVisibility();
  loadHistory();
  if (message) setStatus('error', message);
}

// --- the misplacement check -----------------------------------------------------------------------

function showFindings(text, findings) {
  safety.show(saver.note?.id ?? null, text, findings);
  mirror.show(text, findings, safety.isQuiet);
}

/** The note as the daemon last acknowledged it, saving the typed text first if there is none. */
async function savedNote() {
  if (!saver.note || saver.dirty) saver.flush();
  const deadline = Date.now() + 15000;
  while ((saver.inFlight || (!saver.note && saver.status === 'saving')) && Date.now() < deadline) {
    await new Promise((resolve) => { setTimeout(resolve, 100); });
  }
  return saver.note ? { ...saver.note } : null;
}

// --- saving ---------------------------------------------------------------------------------------

/** The one save-status line, always at the top right: what happened, and when it was saved. */
function setStatus(kind, text) {
  ui.status.dataset.kind = kind;
  if (ui.status.textContent !== text) ui.status.textContent = text; // the live region says it once
  const time = $('#save-time');
  time.textContent = kind === 'saved' ? new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : '';
  time.dateTime = kind === 'saved' ? new Date().toISOString() : '';
}

function renderSaver(current) {
  setStatus(...saveLine(current));
  if (current.status === 'error'
    && ['not_running', 'locked', 'not_paired', 'lna_blocked', 'no_vault'].includes(current.failure.problem)) {
    const now = Date.now();
    if ((view.state === 'ready' || view.state === null) && now - (view.lastCheck ?? 0) > 2000) {
      view.lastCheck = now; // the save failed though the daemon seemed fine: look again, once
      refreshConnection();
    }
  }
  if (current.status === 'conflict' && view.shownConflict !== current.conflict) {
    view.shownConflict = current.conflict;
    renderConflict(ui.conflict, current.conflict, (text) => {
      ui.conflict.hidden = true;
      view.shownConflict = null;
      ui.text.value = text;
      linter.textChanged(text);
      saver.resolve(text).then(loadHistory);
    });
  } else if (current.status !== 'conflict') {
    ui.conflict.hidden = true;
  }
  conflicts.follow();
  if (current.status === 'saved' && view.report && contextKey(view.report) !== view.loadedKey && view.loadedKey) {
    view.loadedKey = null;
    ensureNoteLoaded(); // the page moved to another session while this note was being saved
  }
  renderVisibility();
}

const MOVE_SAVE_WAIT_MS = 6000;

/** "Move to my private notes" from the EHR page (issue 21): the sentence joins this session's
 *  note as a line of its own, and the answer is ok only once the daemon acknowledged a save
 *  holding it, so the page deletes it from the progress note only when it is safe here. */
async function takeMovedSentence(sentence) {
  if (view.state !== 'ready' || !view.loadedKey || ui.text.readOnly || saver.waitingForChoice) return { ok: false, error: 'no_note' };
  const before = ui.text.value.replace(/\s+$/, '');
  const text = before ? `${before}\n${sentence.trim()}` : sentence.trim();
  ui.text.value = text;
  saver.edit(text);
  linter.textChanged(text);
  const until = Date.now() + MOVE_SAVE_WAIT_MS;
  while (!saver.acknowledgedText.includes(sentence.trim()) && Date.now() < until) {
    await saver.flush();
    await new Promise((resolve) => { setTimeout(resolve, 100); });
  }
  return saver.acknowledgedText.includes(sentence.trim()) ? { ok: true } : { ok: false, error: 'not_saved' };
}

ui.text.addEventListener('input', () => {
  saver.edit(ui.text.value); // first: typed text is in the saver's hands before anything else
  linter.textChanged(ui.text.value);
});
ui.text.addEventListener('blur', () => saver.flush());
ui.reader.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return; // Escape closes what was opened to read, back to the note
  ui.reader.hidden = true;
  replaceChildren(ui.reader);
  ui.text.focus();
});
ui.searchForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const query = ui.search.value.trim();
  if (!query) return;
  const result = await daemon('POST', '/v1/notes/search', { query });
  if (result.ok) renderNoteList(ui.results, result.body.notes, openInReader, t('searchNone'));
  else setStatus('error', describe(result.problem, result.error).title);
});
addEventListener('beforeunload', (event) => {
  if (saver.dirty || saver.inFlight || conflicts.holdsText) event.preventDefault(); // unsaved text: ask before closing
});
api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (message?.type === 'context_changed' && message.tabId === view.tabId) onReport(message.report);
  if (message?.type === 'record_documented' && message.tabId === view.tabId) safety.documented(message.passages);
  // Only the worker (no tab) may hand a sentence over, and only for the tab this panel follows.
  if (message?.type === 'oversharing_move' && message.tabId === view.tabId && !sender.tab && typeof message.text === 'string') {
    takeMovedSentence(message.text).then(sendResponse);
    return true; // answered once the daemon acknowledged the save
  }
  return false;
});
if (!pinnedTab) {
  api.tabs.onActivated.addListener(({ tabId }) => followTab(tabId));
}

async function start() {
  localizePage();
  if (view.tabId === null) {
    const [tab] = await api.tabs.query({ active: true, currentWindow: true });
    if (tab) view.tabId = tab.id;
  }
  if (view.tabId !== null) await followTab(view.tabId);
  else renderContext();
  await refreshConnection();
}

start();
