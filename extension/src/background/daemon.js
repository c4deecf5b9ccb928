// Every call to the Margin daemon goes through here, and every failure is sorted into one
// problem the panel knows how to explain: not_running, lna_blocked, not_paired, no_vault,
// locked, or error (with the daemon's own envelope).
import { connectionSettings } from './settings.js';
import { t } from '../shared/i18n.js';

const TIMEOUT_MS = 15000;
const PROBLEM_BY_CODE = {
  not_paired: 'not_paired',
  bad_token: 'not_paired',
  forbidden_origin: 'not_paired',
  no_vault: 'no_vault',
  vault_locked: 'locked',
  guard_building: 'building', // the leak guard's index is still being made after an unlock
  guard_stopped: 'stopped', // its build ended on a fault: until a lock and unlock, no checks
};
const METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE']);

/**
 * One call to the daemon. `query` (an object) is sent as URL parameters; `body` as JSON;
 * `file` (a Blob, with `filename`) as its bytes, for the export check of a file dropped on
 * the vault page.
 */
export async function callDaemon({ method, path, query, body, file, filename, timeoutMs = TIMEOUT_MS }) {
  if (!METHODS.has(method) || typeof path !== 'string' || !/^\/v1\/[A-Za-z0-9/_-]*$/.test(path)) {
    return { ok: false, problem: 'error', error: { error: 'bad_call', message: t('errorNotMarginCall') } };
  }
  const { port, token } = await connectionSettings();
  const headers = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  let sent;
  if (file !== undefined) {
    headers['Content-Type'] = 'application/octet-stream';
    headers['X-Margin-Filename'] = encodeURIComponent(String(filename ?? '').slice(0, 300));
    sent = file;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    sent = JSON.stringify(body);
  }
  let response;
  try {
    const search = query ? `?${new URLSearchParams(query)}` : '';
    response = await fetch(`http://127.0.0.1:${port}${path}${search}`, {
      method,
      headers,
      body: sent,
      cache: 'no-store',
      credentials: 'omit',
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (failure) {
    return { ok: false, problem: await whyUnreachable(failure), port };
  }
  const payload = await response.json().catch(() => null);
  if (response.ok) return { ok: true, status: response.status, body: payload };
  const code = payload?.error;
  return { ok: false, status: response.status, problem: PROBLEM_BY_CODE[code] ?? 'error', error: payload };
}

// A refused connection and a request the browser blocked look the same to fetch (a
// TypeError). Chromium 142+ gates loopback requests behind the "local network access"
// permission; when it is denied for us, the Permissions API says so.
async function whyUnreachable(failure) {
  if (failure?.name === 'TimeoutError') return 'not_running';
  for (const name of ['loopback-network', 'local-network-access', 'local-network']) {
    try {
      const status = await navigator.permissions.query({ name });
      if (status.state === 'denied') return 'lna_blocked';
    } catch {
      // This browser does not know the permission: it does not gate loopback requests.
    }
  }
  return 'not_running';
}

/** Where the clinician stands: one of the problems, or 'ready' (unlocked). */
export async function connectionState() {
  const status = await callDaemon({ method: 'GET', path: '/v1/status' });
  if (!status.ok) return { state: status.problem, error: status.error ?? null, port: status.port };
  const vault = status.body.vault;
  const state = !vault.exists ? 'no_vault' : vault.unlocked ? 'ready' : 'locked';
  return { state, version: status.body.version, caller: status.body.caller };
}
