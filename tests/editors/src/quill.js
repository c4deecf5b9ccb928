// Quill 2 (BSD-3-Clause), snow theme with its toolbar.
import Quill from 'quill';
import css from 'quill/dist/quill.snow.css';
import { addStyle, register } from './register.js';

let styled = false;
register('quill', async (element) => {
  if (!styled) { addStyle(css); styled = true; }
  return new Quill(element, {
    theme: 'snow',
    placeholder: element.dataset.placeholder ?? '',
    modules: { toolbar: [['bold', 'italic', 'underline'], [{ list: 'ordered' }, { list: 'bullet' }], ['clean']] },
  });
});
