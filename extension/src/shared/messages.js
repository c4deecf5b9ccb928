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
