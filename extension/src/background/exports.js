// The export checker, in the worker: files dropped on the vault page go to the daemon
// (POST /v1/scan/upload, asking for thumbnails of the pages holding a finding), and watched folders are polled (GET /v1/watch) every 30 seconds
// with chrome.alarms and whenever the vault page asks. A new "leak" or "cannot verify" from
// a watched folder sets the toolbar badge and shows a notification until the clinician
// dismisses it on the vault page.
//
// What is kept: two times (the newest result already notified, the newest dismissed) in
// storage.local. Never a file name: export names often carry the client's name, and the
// notification says none either (the system keeps a history of notifications on disk).
import { api } from '../shared/browser.js';
import { callDaemon } from './daemon.js';
import { t } from '../shared/i18n.js';

const ALARM = 'margin-watch';
const POLL_MINUTES = 0.5;
const UPLOAD_TIMEOUT_MS = 10 * 60 * 1000;
const WATCHED = 'watched folder'; // the daemon's origin for results from watched folders
const DEFAULT_TITLE = t('actionTitle');

export const exportHandlers = {
  scan_upload: (message) => scanUpload(message),
  watch_state: () => pollWatch(),
  watch_dismiss: (message) => dismiss(message.until),
};

// --- a file dropped on the vault page -------------------------------------------------------

/**
 * Chromium: the vault page hands over a blob: URL of the file it was given (same extension
 * origin), so the bytes are never copied through a message (JSON-only there). Firefox keeps
 * blob: URLs to the document that made them, but its messages are structured clones: the
 * page sends the File itself.
 */
async function scanUpload({ url, name, file: sent }) {
  if (typeof name !== 'string' || !(sent instanceof Blob || (typeof url === 'string' && url.startsWith(`blob:${self.location.origin}/`)))) {
    return { ok: false, problem: 'error', error: { error: 'bad_call', message: t('errorNotVaultFile') } };
  }
  const file = sent instanceof Blob ? sent : await fetch(url).then((response) => response.blob()).catch(() => null);
  if (!file) {
    return { ok: false, problem: 'error', error: { error: 'file_gone', message: t('errorFileGone'), hint: t('errorFileGoneHint') } };
  }
  return callDaemon({
    method: 'POST', path: '/v1/scan/upload', query: { thumbnails: 'true' }, file, filename: name, timeoutMs: UPLOAD_TIMEOUT_MS,
  });
}

// --- watched folders ----------------------------------------------------------------------------

let polling = Promise.resolve();

/** Ask the daemon for the watched folders' results; badge and notify what is new. */
export function pollWatch() {
  // One poll at a time, so two wake-ups never notify the same result twice.
  const next = polling.then(async () => {
    const result = await callDaemon({ method: 'GET', path: '/v1/watch' });
    if (result.ok) result.attention = await notice(result.body.recent);
    return result;
  });
  polling = next.catch(() => {});
  return next;
}

async function notice(recent) {
  const seen = await api.storage.local.get(['watch_notified_until', 'watch_dismissed_until']);
  const notifiedUntil = Number(seen.watch_notified_until) || 0;
  const dismissedUntil = Number(seen.watch_dismissed_until) || 0;
  const alerts = recent.filter((result) => result.origin === WATCHED && result.verdict !== 'clean');
  const attention = alerts.filter((result) => result.time > dismissedUntil);
  await setBadge(attention);
  const fresh = alerts.filter((result) => result.time > notifiedUntil);
  if (fresh.length) {
    await api.storage.local.set({ watch_notified_until: Math.max(...fresh.map((result) => result.time)) });
    await notify(fresh);
  }
  return attention.length;
}

async function setBadge(attention) {
  const leaks = attention.filter((result) => result.verdict === 'leak').length;
  await api.action.setBadgeText({ text: attention.length ? String(attention.length) : '' });
  if (attention.length) await api.action.setBadgeBackgroundColor({ color: leaks ? '#b3261e' : '#8a5a00' });
  await api.action.setTitle({
    title: attention.length
      ? (attention.length === 1 ? t('badgeAttentionOne') : t('badgeAttentionMany', attention.length))
      : DEFAULT_TITLE,
  });
}

async function notify(fresh) {
  const leaks = fresh.filter((result) => result.verdict === 'leak').length;
  const options = leaks
    ? {
      title: t('notifyLeakTitle'),
      message: leaks === 1 ? t('notifyLeakOne') : t('notifyLeakMany', leaks),
    }
    : {
      title: t('notifyCannotTitle'),
      message: fresh.length === 1 ? t('notifyCannotOne') : t('notifyCannotMany', fresh.length),
    };
  const base = {
    type: 'basic', iconUrl: api.runtime.getURL('src/shared/icons/margin-128.png'), priority: 2, ...options,
  };
  // Stays until the clinician acts: a leak alert must not fade while they are away.
  // Firefox does not know requireInteraction and refuses it, so it gets the plain one.
  for (const extra of [{ requireInteraction: true }, {}]) {
    try {
      await api.notifications.create(`margin-watch-${Date.now()}`, { ...base, ...extra });
      return;
    } catch {
      // Try the next shape; notifications turned off entirely: the badge still says it.
    }
  }
}

async function dismiss(until) {
  if (typeof until !== 'number' || !Number.isFinite(until)) return { ok: false, problem: 'error', error: { message: t('errorNotTime') } };
  await api.storage.local.set({ watch_dismissed_until: until });
  return pollWatch();
}

// Registered when the worker starts (this module is loaded with it), so the browser can wake
// the worker for the alarm. The alarm is kept across restarts; create it only once.
api.alarms.onAlarm.addListener((alarm) => { if (alarm.name === ALARM) pollWatch(); });
api.alarms.get(ALARM).then((alarm) => {
  if (!alarm) api.alarms.create(ALARM, { periodInMinutes: POLL_MINUTES, delayInMinutes: POLL_MINUTES });
});
api.notifications.onClicked.addListener((id) => {
  if (!id.startsWith('margin-watch-')) return;
  api.notifications.clear(id);
  api.tabs.create({ url: api.runtime.getURL('src/vault/vault.html#exports') });
});
