// Messages from the extension's own pages (panel, vault page): these may reach the daemon.
// Content scripts never get here (see worker.js); they have their own, smaller set.
import { api } from '../shared/browser.js';
import { callDaemon, connectionState } from './daemon.js';
import { recall } from './contexts.js';
import { connectNatively, forgetPairing, pairNativelyNow } from './native.js';
import { connectionSettings, setPort, setToken } from './settings.js';
import { exportHandlers } from './exports.js';
import { injectInto, siteList, syncRegistrations } from './sites.js';
import { forgetLearned, learnedList, pickField } from './learned-fields.js';
import { forgetLearnedContext, learnContext, learnedContextList } from './learned-context.js';
import { oversharingSites, setOversharing } from './oversharing.js';
import { t } from '../shared/i18n.js';

const handlers = {
  daemon: (message) => callDaemon(message),
  connection: () => connectionWithNativePairing(),
  pair: (message) => pair(message),
  forget_pairing: async () => { await forgetPairing(); return { ok: true }; },
  pair_native: () => pairNativelyNow(),
  settings: async () => ({ ok: true, ...(await connectionSettings()), token: undefined }),
  set_port: async (message) => { await setPort(message.port); return { ok: true }; },
  tab_context: async (message) => ({ ok: true, report: await recall(message.tabId) }),
  rescan: (message) => rescan(message.tabId),
  find_field_here: async (message) => { await injectInto(message.tabId); return { ok: true }; },
  sites: async () => ({ ok: true, sites: await siteList() }),
  sites_changed: async () => ({ ok: true, matches: await syncRegistrations() }),
  pick_field: (message) => pickField(message.tabId),
  learned_fields: async () => ({ ok: true, fields: await learnedList() }),
  forget_learned_field: (message) => forgetLearned(message),
  learn_context: (message) => learnContext(message),
  learned_context: async () => ({ ok: true, places: await learnedContextList() }),
  forget_learned_context: (message) => forgetLearnedContext(message),
  oversharing_sites: async () => ({ ok: true, sites: await oversharingSites() }),
  set_oversharing: (message) => setOversharing(message),
  ...exportHandlers,
};

export async function handlePageMessage(message) {
  const handler = handlers[message?.type];
  if (!handler) return { ok: false, problem: 'error', error: { message: t('errorUnknownRequest') } };
  return handler(message);
}

// A page asking where things stand is the moment to pair (or start Margin) with no code.
async function connectionWithNativePairing() {
  const connection = await connectionState();
  if (connection.state !== 'not_paired' && connection.state !== 'not_running') return connection;
  return (await connectNatively(connection.state)) ? connectionState() : connection;
}

async function pair({ code, name }) {
  const result = await callDaemon({ method: 'POST', path: '/v1/pair', body: { code, name } });
  if (result.ok) {
    await setToken(result.body.token);
    // The token is kept by the worker alone; pages only learn that pairing worked.
    return { ok: true, pairing: result.body.pairing };
  }
  return result;
}

async function rescan(tabId) {
  try {
    await api.tabs.sendMessage(tabId, { type: 'cs-rescan' });
    return { ok: true };
  } catch {
    return { ok: false, problem: 'no_content_script' };
  }
}
