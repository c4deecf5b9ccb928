// The EHR context each tab's content script reported (site, client, appointment).
// Kept in storage.session: memory only, gone when the browser closes, out of reach of
// content scripts (its default access level), and it survives the worker being stopped.
import { api } from '../shared/browser.js';

const key = (tabId) => `tab_context_${tabId}`;

/** `shape` is the page's shape (learned-context.js), where a correction is learned for. */
export async function remember(tabId, report, shape = null) {
  const entry = { site: report.site, client: report.client, context: report.context, field: report.field, sources: report.sources, shape };
  await api.storage.session.set({ [key(tabId)]: entry });
  return entry;
}

export async function recall(tabId) {
  const stored = await api.storage.session.get(key(tabId));
  return stored[key(tabId)] ?? null;
}

export async function forget(tabId) {
  await api.storage.session.remove(key(tabId));
}
