// Flags of this build. tools/build.mjs replaces this file in the test build only, where
// the content script keeps a log of its messages so a test can check their shapes.
// A classic script (content scripts are not modules) that modules import for its effect.
globalThis.MarginBuild = Object.freeze({ test: false });
