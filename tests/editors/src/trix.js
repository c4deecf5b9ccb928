// Trix 2 (MIT, Basecamp's editor): a <trix-editor> with its own <trix-toolbar>.
import 'trix';
import css from 'trix/dist/trix.css';
import { addStyle, register } from './register.js';

let styled = false;
register('trix', async (element) => {
  if (!styled) { addStyle(css + 'trix-editor{min-height:200px}'); styled = true; }
  const editor = document.createElement('trix-editor');
  if (element.dataset.placeholder) editor.setAttribute('placeholder', element.dataset.placeholder);
  element.append(editor);
  await new Promise((resolve) => { editor.addEventListener('trix-initialize', resolve, { once: true }); });
  return editor;
});
