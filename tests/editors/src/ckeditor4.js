// CKEditor 4.22.1 (the last open-source release: GPL/LGPL/MPL; used in tests only), which
// replaces a <textarea> with an iframe editor (the "classic" creator).
import { loadScript, register } from './register.js';

register('ckeditor4', async (element) => {
  window.CKEDITOR_BASEPATH = '/_editors/ckeditor4/';
  await loadScript('/_editors/ckeditor4/ckeditor.js');
  return new Promise((resolve) => {
    const editor = window.CKEDITOR.replace(element, { versionCheck: false, height: 240 });
    editor.on('instanceReady', () => resolve(editor));
  });
});
