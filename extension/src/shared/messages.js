// Extension pages (panel, vault page) talk to the daemon only through the worker.
import { api } from './browser.js';

/** Ask the worker; resolves with its answer ({ok, ...}). */
export async function ask(type, fields = {}) {
  try {
    return await api.runtime.sendMessage({ type, ...fields });
  } catch (error) {
    // The worker is restarting (Chromium stops idle workers); the caller retries later.
    return { ok: false, problem: 'worker_unavailable', error: { message: String(error) } };
  }
}

/** A daemon call: {ok, status, body} or {ok:false, problem, status?, error?}. */
export function daemon(method, path, body) {
  return ask('daemon', { method, path, body });
}

/**
 * Wrap an asker so that only the newest question's answer counts: an answer that arrives
 * after a newer question was asked resolves to null. Where the clinician stands is asked by a
 * poll, after a failed save and after each form; an answer to a question asked while Margin
 * was down can arrive after the answer "locked" to a later one (a native-messaging attempt
 * makes it slow), and drawing it would replace the unlock form being typed in.
 */
export function newestOnly(asker) {
  let asked = 0;
  return async (...args) => {
    const mine = ++asked;
    const answer = await asker(...args);
    return mine === asked ? answer : null;
  };
}
