// One name for the WebExtension API in both engines: Firefox's `browser` and Chromium's
// `chrome` both return promises in Manifest V3, so nothing else needs a polyfill.
export const api = globalThis.browser ?? globalThis.chrome;

// Firefox has a sidebar (sidebarAction) where Chromium has a side panel (sidePanel).
export const hasSidePanel = Boolean(api.sidePanel?.open);
export const hasSidebar = Boolean(api.sidebarAction?.open);

export const extensionRoot = api.runtime.getURL('');
