// What every bundle shares: the MarginTestEditors registry (the convention the test pages
// and the held-out page writer use), a stylesheet injector and a cached script loader.
export function register(name, mount) {
  window.MarginTestEditors ??= {};
  window.MarginTestEditors[name] = mount;
}

/** A library's stylesheet, adopted rather than written into the DOM: the pages' session
 * replay spy snapshots the whole DOM every 700 ms, and these sheets are hundreds of KB. */
export function addStyle(css) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

const loading = new Map();

/** Loads a library's own distribution file once (TinyMCE and CKEditor 4 fetch their
 * themes, skins and plugins from beside it, as they do on an EHR's servers). */
export function loadScript(src) {
  if (!loading.has(src)) {
    loading.set(src, new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.onload = resolve;
      script.onerror = () => reject(new Error(`could not load ${src}`));
      document.head.append(script);
    }));
  }
  return loading.get(src);
}
