// Pairing without a typed code, through Margin's native messaging host (`margin native-host`,
// registered by `margin setup`). The browser starts the host only for the extension ids its
// manifest allows and tells it which extension is calling; the host answers with a token
// bound to this extension's origin and the port Margin listens on, starting Margin first if
// it was not running. Where no host is registered (or the browser cannot start one) the
// panel keeps offering the typed code from `margin pair`.
//
// It pairs by itself only while the extension holds no token and the clinician has not
// unpaired it: a token Margin refuses (revoked with `margin pair --revoke`) or an unpairing
// from the vault page is respected, and pairing again without a code is then a click.
import { api } from '../shared/browser.js';
import { connectionSettings, setPort, setToken } from './settings.js';
import { t } from '../shared/i18n.js';

export const HOST_NAME = 'org.margin.host'; // shared_schema/extension-ids.json "host_name"
const RETRY_AFTER_MS = 60_000; // a missing host is not asked again at every panel refresh
const UNPAIRED_KEY = 'native_pairing_off';
let lastFailure = -Infinity;

async function askHost(message) {
  if (!api.runtime.sendNativeMessage) return null;
  try {
    const reply = await api.runtime.sendNativeMessage(HOST_NAME, message);
    if (reply?.ok && Number.isInteger(reply.port)) return reply;
    return reply ?? null;
  } catch {
    return null; // no host registered, or the browser may not start one (a sandboxed browser)
  }
}

async function pairThroughHost() {
  const reply = await askHost({
    type: 'pair',
    origin: api.runtime.getURL('').slice(0, -1),
    name: navigator.userAgent.includes('Firefox') ? 'Firefox' : 'Chrome',
  });
  if (!reply?.ok || typeof reply.token !== 'string') return { ok: false, error: reply };
  await setPort(reply.port);
  await setToken(reply.token);
  await api.storage.local.remove(UNPAIRED_KEY);
  return { ok: true, pairing: reply.pairing };
}

/** On its own, when a page asks: pair (no token yet) or start Margin (paired). True if done. */
export async function connectNatively(problem) {
  if (Date.now() - lastFailure < RETRY_AFTER_MS) return false;
  const { token } = await connectionSettings();
  const unpaired = (await api.storage.local.get(UNPAIRED_KEY))[UNPAIRED_KEY] === true;
  let done = false;
  if (problem === 'not_running' && token) {
    const reply = await askHost({ type: 'start' });
    if (reply?.ok) await setPort(reply.port);
    done = Boolean(reply?.ok);
  } else if (!token && !unpaired) {
    done = (await pairThroughHost()).ok;
  }
  if (!done) lastFailure = Date.now();
  return done;
}

/** The clinician asked for it (the panel's button): pair without a code now. */
export async function pairNativelyNow() {
  const result = await pairThroughHost();
  return result.ok ? result : { ok: false, problem: 'error', error: result.error ?? {
    message: t('nativeUnreachable'),
    hint: t('nativeUnreachableHint'),
  } };
}

/** Unpaired from the vault page: do not pair again by itself. */
export async function forgetPairing() {
  await setToken(null);
  await api.storage.local.set({ [UNPAIRED_KEY]: true });
}
