// The background service worker (a background module script in Firefox). It is the only
// part of the extension that talks to the Margin daemon. Listeners are registered at the
// top level so they are in place whenever the browser wakes the worker.
import '../shared/build-flags.js';
import { api, extensionRoot, hasSidePanel, hasSidebar } from '../shared/browser.js';
import { forget } from './contexts.js';
import { broadcast, handleContentMessage, openPanel, openPanelFromContent } from './content-bridge.js';
import { GUARD_MESSAGES, handleGuardMessage } from './guard.js';
import { handlePageMessage } from './router.js';
import { injectInto, syncRegistrations } from './sites.js';
import { LEARNED_MESSAGES, handleLearnedMessage } from './learned-fields.js';
import { handleLearnedContextMessage } from './learned-context.js';
import { OVERSHARING_MESSAGES, handleOversharingMessage } from './oversharing.js';
import { t } from '../shared/i18n.js';

/** The extension's own pages: the panel and the vault page (never a web page). */
function isExtensionPage(sender) {
  return sender.id === api.runtime.id
    && typeof sender.url === 'string' && sender.url.startsWith(extensionRoot)
    && (sender.origin === undefined || `${sender.origin}/` === extensionRoot);
}

function isContentScript(sender) {
  return sender.id === api.runtime.id && sender.tab !== undefined && !isExtensionPage(sender);
}

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  let answer;
  if (isExtensionPage(sender)) answer = handlePageMessage(message, sender);
  else if (isContentScript(sender) && message?.type === 'cs-open-panel') answer = openPanelFromContent(message, sender);
  else if (isContentScript(sender) && GUARD_MESSAGES.has(message?.type)) answer = handleGuardMessage(message, sender);
  else if (isContentScript(sender) && LEARNED_MESSAGES.has(message?.type)) answer = handleLearnedMessage(message, sender);
  else if (isContentScript(sender) && message?.type === 'cs-learned-context') answer = handleLearnedContextMessage(message, sender);
  else if (isContentScript(sender) && OVERSHARING_MESSAGES.has(message?.type)) answer = handleOversharingMessage(message, sender);
  else if (isContentScript(sender)) answer = handleContentMessage(message, sender);
  else return false;
  answer.then(sendResponse, (error) => {
    console.error('Margin worker:', error?.name);
    sendResponse({ ok: false, problem: 'error', error: { error: 'internal', message: t('errorExtensionFailed') } });
  });
  return true; // answer asynchronously
});

// The toolbar button: open the panel, and look for a note field in this tab with the
// generic adapter (the click grants activeTab for this tab only).
api.action.onClicked.addListener((tab) => {
  openPanel(tab.id, tab.windowId);
  injectInto(tab.id).catch(() => {
    // A page the extension may not touch (the browser's own pages); the panel still opens.
  });
});

api.tabs.onRemoved.addListener((tabId) => { forget(tabId); });
// A new page in the tab: what the old one showed no longer holds. The content script, if
// the new page has one, reports afresh (asked again once the page has loaded).
api.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') {
    forget(tabId).then(() => broadcast({ type: 'context_changed', tabId, report: null }));
  } else if (change.status === 'complete') {
    api.tabs.sendMessage(tabId, { type: 'cs-rescan' }).catch(() => {
      // No content script in this page (not an enabled site): nothing to ask.
    });
  }
});
api.permissions.onAdded.addListener(() => { syncRegistrations(); });
api.permissions.onRemoved.addListener(() => { syncRegistrations(); });
api.runtime.onInstalled.addListener(() => { syncRegistrations(); });

if (hasSidePanel) api.sidePanel.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => {});
if (!hasSidePanel && !hasSidebar) console.warn('Margin: no side panel in this browser; the panel opens as a tab.');
