// What the extension keeps on disk (chrome.storage.local): the daemon's port and the
// pairing token. Never note text: unsaved text lives only in the panel's memory.
import { api } from '../shared/browser.js';

export const DEFAULT_PORT = 47311;

export async function connectionSettings() {
  const stored = await api.storage.local.get(['daemon_port', 'pairing_token']);
  return {
    port: Number.isInteger(stored.daemon_port) ? stored.daemon_port : DEFAULT_PORT,
    token: typeof stored.pairing_token === 'string' ? stored.pairing_token : null,
  };
}

export async function setPort(port) {
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new RangeError('port');
  await api.storage.local.set({ daemon_port: port });
}

export async function setToken(token) {
  if (token) await api.storage.local.set({ pairing_token: token });
  else await api.storage.local.remove('pairing_token');
}
