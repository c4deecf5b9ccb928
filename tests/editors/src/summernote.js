// Summernote 0.9 (MIT), the Lite build (no Bootstrap), on jQuery 3: replaces a <textarea>.
import jquery from 'jquery';
import css from 'summernote/dist/summernote-lite.min.css';
import { addStyle, register } from './register.js';

window.jQuery = jquery;
window.$ = jquery;
let styled = false;
register('summernote', async (element) => {
  if (!styled) { addStyle(css); styled = true; }
  await import('summernote/dist/summernote-lite.js');
  return new Promise((resolve) => {
    jquery(element).summernote({ height: 220, callbacks: { onInit: () => resolve(element) } });
  });
});
