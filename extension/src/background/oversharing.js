// Over-sharing in the progress note, the worker's side (issue 21). The per-site switch (on
// unless the clinician turned it off for that EHR in the vault page's settings), the check of
// the daemon's over-sharing sentences before they reach a content script, and the two
// actions of a mark: "Move to my private notes" hands the sentence (the EHR's own text) to
// this tab's panel, which adds it to the session's private note and answers once the daemon
// acknowledged the save; "Keep" is remembered for the note as a keyed hash, never the text
// (oversharing-kept.js), and audited as a count. Content scripts get back only ok or a
// reason code (cs-reply.json).
import { api } from '../shared/browser.js';
import { callDaemon } from './daemon.js';
import { rememberKept } from './oversharing-kept.js';
import '../generated/adapters-data.js';

const OFF_KEY = 'oversharing_off_sites';
const SITE = /^[a-z0-9_-]{1,64}$/;
const MAX_SENTENCE = 5000;
const MAX_MESSAGE = 500;
const CATEGORIES = new Set(['supervision', 'transference', 'hypothesis', 'dream_fantasy', 'third_party',
  'sexual_or_identifying_detail', 'verbatim_quote', 'diary_narrative']);
const SEVERITIES = new Set(['notice', 'warning']);

export const OVERSHARING_MESSAGES = new Set(['cs-oversharing-move', 'cs-oversharing-kept']);

async function sitesOff() {
  const stored = await api.storage.local.get(OFF_KEY);
  return Array.isArray(stored[OFF_KEY]) ? stored[OFF_KEY] : [];
}

export async function oversharingOn(site) {
  return !(await sitesOff()).includes(site);
}

/** Every EHR the extension knows (the generic adapter too), each with its switch. */
export async function oversharingSites() {
  const off = await sitesOff();
  return globalThis.MarginAdapterData.map((adapter) => ({ id: adapter.id, name: adapter.name, on: !off.includes(adapter.id) }));
}

export async function setOversharing({ site, on }) {
  if (typeof site !== 'string' || !SITE.test(site) || typeof on !== 'boolean') return { ok: false, problem: 'error' };
  const off = (await sitesOff()).filter((id) => id !== site);
  await api.storage.local.set({ [OFF_KEY]: on ? off : [...off, site] });
  return { ok: true };
}

const isCount = (value) => Number.isInteger(value) && value >= 0;

/** Only the fields a content script may see, each checked; null if the answer is odd. */
export function cleanOversharing(findings) {
  if (!Array.isArray(findings)) return null;
  const clean = [];
  for (const f of findings) {
    if (!f || !isCount(f.start) || !isCount(f.end) || f.end <= f.start || !CATEGORIES.has(f.category)
      || !SEVERITIES.has(f.severity) || typeof f.message !== 'string' || !f.message || f.message.length > MAX_MESSAGE) return null;
    clean.push({ start: f.start, end: f.end, category: f.category, severity: f.severity, message: f.message });
  }
  return clean;
}

const isSentence = (text) => typeof text === 'string' && Boolean(text.trim()) && text.length <= MAX_SENTENCE;
const onlyKeys = (message, keys) => Object.keys(message).every((key) => keys.includes(key));

export async function handleOversharingMessage(message, sender) {
  const tabId = sender.tab?.id;
  if (tabId === undefined || sender.frameId !== 0) return { ok: false, error: 'not_top_frame' };
  if (message.type === 'cs-oversharing-move' && onlyKeys(message, ['type', 'text']) && isSentence(message.text)) {
    return moveToPanel(tabId, message.text);
  }
  if (message.type === 'cs-oversharing-kept' && onlyKeys(message, ['type', 'site', 'category', 'text'])
    && typeof message.site === 'string' && SITE.test(message.site) && CATEGORIES.has(message.category)
    && isSentence(message.text)) {
    await rememberKept({ tabId, site: message.site, pageUrl: sender.url, sentence: message.text });
    return auditKept(message);
  }
  return { ok: false, error: 'refused' };
}

/** The panel following this tab adds the sentence and answers after the save; none open: say so. */
async function moveToPanel(tabId, text) {
  let answer;
  try {
    answer = await api.runtime.sendMessage({ type: 'oversharing_move', tabId, text });
  } catch {
    answer = null; // no panel follows this tab: nothing was changed
  }
  if (answer?.ok === true) return { ok: true };
  return { ok: false, error: answer?.error === 'not_saved' ? 'not_saved' : 'no_panel' };
}

async function auditKept({ site, category }) {
  const answer = await callDaemon({
    method: 'POST',
    path: '/v1/audit/events',
    body: { action: 'oversharing_kept', note_id: null, detail: { source: 'oversharing_check', site, category, count: 1 } },
  });
  return answer.ok ? { ok: true } : { ok: false, error: 'not_recorded' };
}
