// Content scripts run only where the clinician enabled an EHR (optional host permissions
// granted at run time, then registered with chrome.scripting), or on the one tab where
// they pressed the toolbar button (activeTab: the generic adapter, on demand).
import { api } from '../shared/browser.js';
import '../generated/adapters-data.js';

export const CONTENT_SCRIPT_FILES = [
  'src/shared/build-flags.js',
  'src/generated/adapters-data.js',
  'src/content/dom-search.js',
  'src/content/field-labels.js',
  'src/content/text-items.js',
  'src/content/context-reading.js',
  'src/content/context-order.js',
  'src/content/context-learned.js',
  'src/content/adapters.js',
  'src/content/button.js',
  'src/content/field-text.js',
  'src/content/highlight.js',
  'src/content/guard-ui.js',
  'src/content/oversharing.js',
  'src/content/save-interceptor.js',
  'src/content/guard.js',
  'src/content/pick.js',
  'src/content/content.js',
];
const REGISTRATION_ID = 'margin-ehr-sites';

export function siteAdapters() {
  return globalThis.MarginAdapterData.filter((adapter) => adapter.matches.length > 0);
}

/** The adapters' sites, each with whether the clinician has enabled it. */
export async function siteList() {
  const sites = [];
  for (const adapter of siteAdapters()) {
    const enabled = await api.permissions.contains({ origins: adapter.matches });
    sites.push({ id: adapter.id, name: adapter.name, matches: adapter.matches, enabled });
  }
  return sites;
}

/** Make the registered content scripts match exactly the sites that are enabled. */
export async function syncRegistrations() {
  const matches = (await siteList()).filter((site) => site.enabled).flatMap((site) => site.matches);
  const registered = await api.scripting.getRegisteredContentScripts({ ids: [REGISTRATION_ID] });
  if (registered.length) await api.scripting.unregisterContentScripts({ ids: [REGISTRATION_ID] });
  if (!matches.length) return [];
  await api.scripting.registerContentScripts([{
    id: REGISTRATION_ID,
    matches,
    js: CONTENT_SCRIPT_FILES,
    runAt: 'document_idle',
    allFrames: false, // the top frame's script looks into same-origin iframes itself
    persistAcrossSessions: true,
  }]);
  return matches;
}

/** The generic adapter on demand, in the tab the clinician pointed at. */
export async function injectInto(tabId) {
  await api.scripting.executeScript({ target: { tabId }, files: CONTENT_SCRIPT_FILES });
}
