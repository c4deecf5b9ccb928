// The leak guard's worker side. A content script sends the progress-note field's text (the
// EHR's own content) and gets back only offsets, note ids, dates and word counts: the reply
// is rebuilt here field by field from the daemon's answer, so nothing else can reach the
// page (shared_schema/schemas/cs-guard-*.json). When the clinician chooses "Save anyway"
// the content script asks for the disclosure to be audited; only notes this tab's last
// check named are accepted.
//
// A passage the daemon answers as record content (copied from a private note, safety
// above all: documentation, not a leak, audited there once) is told to the panel of that tab,
// with the passage's text (the progress note's, the EHR's own): the panel clears its safety
// flag for the private sentence, now documented in the record. Extension pages hear
// runtime messages; content scripts do not.
import { api } from '../shared/browser.js';
import { callDaemon } from './daemon.js';
import { broadcast } from './content-bridge.js';
import { cleanOversharing, oversharingOn } from './oversharing.js';
import { withoutKept } from './oversharing-kept.js';

const MAX_TEXT = 1000000; // cs-guard-check.json
const MAX_NOTES = 50;
const NOTE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const SITE = /^[a-z0-9_-]{1,64}$/;
const STATES = new Set(['locked', 'not_running', 'not_paired', 'no_vault', 'lna_blocked', 'building', 'stopped']);
const VIA = new Set(['click', 'submit', 'key']);

export const GUARD_MESSAGES = new Set(['cs-guard-check', 'cs-guard-disclose']);

// The notes each tab's last check named, in storage.session (memory only, out of content
// scripts' reach), so a disclosure can be checked even after the worker was stopped.
const namedKey = (tabId) => `guard_named_${tabId}`;

// The daemon answers a tab's checks side by side, not always in the order they were asked:
// a long text, or the first check while Margin loads its over-sharing model, is answered
// seconds after a newer one. The content script shows the answer to the check it asked last,
// so the notes kept are that check's too: a stale answer kept instead would refuse the
// disclosure of "Save anyway", and the save would go through unaudited. Checks are numbered
// as they arrive (a tab's messages arrive in the order sent); a worker that was stopped
// answers none of the checks it had, and starts again from one.
let checksAsked = 0;
const newestAnswered = new Map(); // tab id -> the number of its newest check answered

/** Whether this answer is the tab's newest so far, and if so, mark it: call it just before
 *  storing what it named, with no await between, so stores are made in the checks' order. */
function newestAnswer(tabId, asked) {
  if (asked < (newestAnswered.get(tabId) ?? 0)) return false;
  newestAnswered.set(tabId, asked);
  return true;
}

const isCount = (value) => Number.isInteger(value) && value >= 0;

export async function handleGuardMessage(message, sender) {
  const tabId = sender.tab?.id;
  if (tabId === undefined || sender.frameId !== 0) return { ok: false, error: 'not_top_frame' };
  if (message?.type === 'cs-guard-check' && validCheck(message)) return check(tabId, sender.url, message);
  if (message?.type === 'cs-guard-disclose' && validDisclose(message)) return disclose(tabId, message);
  return { ok: false, error: 'refused' };
}

function validCheck(message) {
  return Object.keys(message).every((key) => ['type', 'text', 'site'].includes(key))
    && typeof message.text === 'string' && message.text.length <= MAX_TEXT
    && (message.site === undefined || (typeof message.site === 'string' && SITE.test(message.site)));
}

function validDisclose(message) {
  const { notes } = message;
  return Object.keys(message).every((key) => ['type', 'site', 'via', 'notes'].includes(key))
    && typeof message.site === 'string' && SITE.test(message.site) && VIA.has(message.via)
    && Array.isArray(notes) && notes.length >= 1 && notes.length <= MAX_NOTES
    && notes.every((note) => note && typeof note === 'object' && Object.keys(note).length === 2
      && typeof note.note_id === 'string' && NOTE_ID.test(note.note_id) && isCount(note.words) && note.words > 0);
}

/** Only the fields the content script may see, each checked. Null if the answer is odd. */
function cleanMatches(matches) {
  if (!Array.isArray(matches)) return null;
  const clean = [];
  for (const m of matches) {
    if (!m || !isCount(m.start) || !isCount(m.end) || m.end < m.start || !isCount(m.words)
      || typeof m.note_id !== 'string' || !NOTE_ID.test(m.note_id)) return null;
    const noteDate = typeof m.note_date === 'string' && ISO_DATE.test(m.note_date) ? m.note_date : null;
    clean.push({ start: m.start, end: m.end, note_id: m.note_id, note_date: noteDate, words: m.words });
  }
  return clean;
}

async function check(tabId, pageUrl, { text, site }) {
  const asked = (checksAsked += 1); // before any await: in the order the checks arrive
  // Over-sharing costs the daemon time: asked for only where the clinician left it on.
  const oversharing = site !== undefined && await oversharingOn(site);
  const body = oversharing ? { text, oversharing } : { text };
  const answer = await callDaemon({ method: 'POST', path: '/v1/guard/check', body });
  const off = (state) => ({ type: 'cs-guard-result', ok: false, state });
  if (!answer.ok) return off(STATES.has(answer.problem) ? answer.problem : 'error');
  const matches = cleanMatches(answer.body?.matches);
  const findings = oversharing ? cleanOversharing(answer.body.oversharing) : [];
  if (!matches || !findings || !isCount(answer.body.checked_chars)) return off('error');
  // The sentences the clinician chose to keep on this note are not flagged again.
  const sentences = await withoutKept({ tabId, site, pageUrl, text, findings });
  if (newestAnswer(tabId, asked)) {
    await api.storage.session.set({ [namedKey(tabId)]: [...new Set(matches.map((m) => m.note_id))] });
  }
  tellPanel(tabId, text, answer.body.record_content);
  return {
    type: 'cs-guard-result',
    ok: true,
    state: 'on',
    matches,
    ...(oversharing ? { oversharing: sentences } : {}),
    checked_chars: answer.body.checked_chars,
    truncated: answer.body.truncated === true,
  };
}

/** Record content found in the progress note: its passages, for the panel's safety flags. */
function tellPanel(tabId, text, recordContent) {
  const passages = (cleanMatches(recordContent) ?? [])
    .map((match, index) => ({ note_id: match.note_id, category: recordContent[index].category, text: text.slice(match.start, match.end) }))
    .filter((passage) => passage.category === 'safety');
  if (passages.length) broadcast({ type: 'record_documented', tabId, passages });
}

/** "Save anyway": one audited disclosure per note, with the words count and the site; no text. */
async function disclose(tabId, { site, via, notes }) {
  const stored = await api.storage.session.get(namedKey(tabId));
  const named = new Set(stored[namedKey(tabId)] ?? []);
  const reply = (ok, recorded, error) => ({ type: 'cs-guard-disclosed', ok, recorded, ...(error ? { error } : {}) });
  if (!notes.every((note) => named.has(note.note_id))) return reply(false, 0, 'unknown_note');
  let recorded = 0;
  for (const { note_id: noteId, words } of notes) {
    const answer = await callDaemon({
      method: 'POST',
      path: '/v1/audit/events',
      body: { action: 'disclosure', note_id: noteId, detail: { source: 'leak_guard', words, site, via } },
    });
    if (!answer.ok) return reply(false, recorded, STATES.has(answer.problem) ? answer.problem : 'error');
    recorded += 1;
  }
  return reply(true, recorded);
}

api.tabs.onRemoved.addListener((tabId) => {
  newestAnswered.delete(tabId);
  api.storage.session.remove(namedKey(tabId)).catch(() => {
    // The browser is closing: session storage goes with it.
  });
});
