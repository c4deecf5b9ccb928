// Firefox test build only (tools/build.mjs firefox-test), never shipped. WebDriver BiDi may
// not navigate to moz-extension:// pages, so once the temporary add-on is installed its
// background opens this driver page itself; the tests find it in the browsing-context tree
// and use it as their privileged window onto the extension (tabs, storage, scripting).
browser.runtime.onInstalled.addListener(() => {
  browser.tabs.create({ url: browser.runtime.getURL('test-driver/driver.html'), active: false });
});
