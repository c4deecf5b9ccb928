// Messages from content scripts in EHR pages. A content script may only report the context
// it read from the page and ask for the panel; it never gets anything from the daemon and
// no message to or from it has a field that could hold note text (shared_schema/schemas/
// cs-*.json). Anything else is refused.
import { api, hasSidePanel, hasSidebar } from '../shared/browser.js';
import { remember } from './contexts.js';
import { pageShape } from './learned-context.js';
import { t } from '../shared/i18n.js';

const CONTEXT_KEYS = new Set(['site', 'appointment_date', 'client_ref', 'appointment_ref']);
const FIELD_KINDS = new Set(['textarea', 'contenteditable', 'iframe-body']);
const EDITORS = new Set(['plain', 'prosemirror', 'quill', 'tinymce', 'ckeditor', 'other']);

const isShortString = (value, max) => typeof value === 'string' && value.length <= max;
const onlyKeys = (object, keys) => Object.keys(object).every((key) => keys.includes(key));

function validContext(context) {
  if (!context || typeof context !== 'object') return false;
  return Object.entries(context).every(([key, value]) => CONTEXT_KEYS.has(key) && isShortString(value, 200))
    && (context.appointment_date === undefined || /^\d{4}-\d{2}-\d{2}$/.test(context.appointment_date));
}

function validField(field) {
  if (field === null) return true;
  return typeof field === 'object'
    && onlyKeys(field, ['kind', 'editor', 'in_iframe', 'in_shadow_root', 'found_by'])
    && FIELD_KINDS.has(field.kind) && EDITORS.has(field.editor)
    && typeof field.in_iframe === 'boolean' && typeof field.in_shadow_root === 'boolean'
    && ['adapter', 'generic', 'learned'].includes(field.found_by);
}

const SOURCES = new Set(['learned', 'site', 'address', 'dialog', 'form', 'page', 'earlier']);
const validSources = (sources) => sources === undefined || (typeof sources === 'object' && sources !== null
  && onlyKeys(sources, ['client', 'date']) && Object.values(sources).every((value) => SOURCES.has(value)));

function validReport(message, withField) {
  const keys = withField ? ['type', 'site', 'client', 'context', 'field', 'sources'] : ['type', 'site', 'client', 'context'];
  return onlyKeys(message, keys) && validSources(message.sources)
    && typeof message.site === 'string' && /^[a-z0-9_-]{1,64}$/.test(message.site)
    && (message.client === null || isShortString(message.client, 200))
    && validContext(message.context)
    && (!withField || validField(message.field));
}

export async function handleContentMessage(message, sender) {
  const tabId = sender.tab?.id;
  if (tabId === undefined || sender.frameId !== 0) return { ok: false, error: 'not_top_frame' };
  if (message?.type === 'cs-context' && validReport(message, true)) {
    const entry = await remember(tabId, message, pageShape(sender.url));
    broadcast({ type: 'context_changed', tabId, report: entry });
    showMiss(tabId, message.field === null);
    return { ok: true };
  }
  return { ok: false, error: 'refused' };
}

/** cs-open-panel, handled synchronously: the side panel opens only within the click's gesture. */
export function openPanelFromContent(message, sender) {
  const tabId = sender.tab?.id;
  if (tabId === undefined || message?.type !== 'cs-open-panel' || !validReport(message, false)) {
    return Promise.resolve({ ok: false, error: 'refused' });
  }
  const opening = openPanel(tabId, sender.tab.windowId);
  return Promise.all([opening, remember(tabId, { ...message, field: undefined }, pageShape(sender.url))])
    .then(([how]) => { recordPanelOpen(tabId, how); return { ok: true }; });
}

/** Open the panel for a tab: side panel, Firefox sidebar, or (if both refuse) a tab. */
export function openPanel(tabId, windowId) {
  const pinned = api.runtime.getURL(`src/panel/panel.html?tab=${tabId}`);
  let attempt;
  if (hasSidePanel) attempt = api.sidePanel.open({ tabId }).then(() => 'side_panel');
  else if (hasSidebar) attempt = api.sidebarAction.open().then(() => 'sidebar');
  else attempt = Promise.reject(new Error('no side panel'));
  return attempt.catch(() => api.tabs.create({ url: pinned, windowId }).then(() => 'tab'));
}

function recordPanelOpen(tabId, how) {
  // The test build keeps the last way the panel was opened, for the button's test.
  if (globalThis.MarginBuild?.test) globalThis.MarginLastPanelOpen = { tabId, how };
}

/** A miss is never silent: on a page of an EHR the clinician enabled (or pointed the toolbar
 * button at) where no note field was found, the toolbar button says so. */
function showMiss(tabId, missed) {
  const title = missed
    ? t('badgeNoField')
    : t('actionTitle');
  Promise.all([api.action.setBadgeText({ tabId, text: missed ? '?' : '' }), api.action.setTitle({ tabId, title }),
    missed ? api.action.setBadgeBackgroundColor({ tabId, color: '#b3261e' }) : null]).catch(() => {
    // The tab closed meanwhile.
  });
}

export function broadcast(message) {
  api.runtime.sendMessage(message).catch(() => {
    // No extension page is open to hear it; nothing to do.
  });
}
