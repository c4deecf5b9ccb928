// TinyMCE 6 (MIT), iframe mode: replaces a <textarea> with an editor whose body is in an iframe.
import { loadScript, register } from './register.js';

export async function mountTinymce(element, options = {}) {
  await loadScript('/_editors/tinymce/tinymce.min.js');
  const [editor] = await window.tinymce.init({
    target: element,
    base_url: '/_editors/tinymce',
    suffix: '.min',
    menubar: 'edit insert format',
    toolbar: 'undo redo | bold italic underline | bullist numlist | removeformat',
    plugins: 'lists',
    promotion: false,
    branding: false,
    height: 280,
    ...options,
  });
  return editor;
}

