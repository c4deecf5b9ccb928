// Pairing without a typed code, through Margin's native messaging host (`margin native-host`,
// registered by `margin setup`). The browser starts the host only for the extension ids its
// manifest allows and tells it which extension is calling; the host answers with a token
// bound to this extension's origin and the port Margin listens on, starting Margin first if
// it was not running. Where no host is registered (or the browser cannot start one) the
// panel keeps offering the typed code from `margin pair`.
import { api } from '../shared/browser.js';
import { connectionSettings, setPort, setToken } from './settings.js';

export const HOST_NAME = 'org.margin.host'; // shared_schema/extension-ids.json "host_name"
const RETRY_AFTER_MS = 60_000; // a missing host is not asked again at every panel refresh
let lastFailure = -Infinity;

async function askHost(message) {
  if (Date.now() - lastFailure < RETRY_AFTER_MS || !api.runtime.sendNativeMessage) return null;
  try {
    const reply = await api.runtime.sendNativeMessage(HOST_NAME, message);
    if (reply?.ok && Number.isInteger(reply.port)) return reply;
  } catch {
    // No host registered, or the browser may not start one (a sandboxed browser).
  }
  lastFailure = Date.now();
  return null;
}

/** Pair with no code (or, when a token is kept, only make sure Margin runs). True if done. */
export async function connectNatively(problem) {
  const { token } = await connectionSettings();
  const start = problem === 'not_running' && token;
  const reply = await askHost(start ? { type: 'start' } : {
    type: 'pair',
    origin: api.runtime.getURL('').slice(0, -1),
    name: navigator.userAgent.includes('Firefox') ? 'Firefox' : 'Chrome',
  });
  if (!reply) return false;
  await setPort(reply.port);
  if (!start) {
    if (typeof reply.token !== 'string') return false;
    await setToken(reply.token);
  }
  return true;
}
