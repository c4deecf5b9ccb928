// CKEditor 5 (GPL-2.0-or-later; bundled for these tests only, never shipped): the four
// ready-made editor types EHRs embed, with the usual toolbar.
import { BalloonEditor, Bold, ClassicEditor, DecoupledEditor, Essentials, Heading, InlineEditor, Italic, List, Paragraph, Undo } from 'ckeditor5';
import css from 'ckeditor5/ckeditor5.css';
import { addStyle, register } from './register.js';

let styled = false;
const config = {
  plugins: [Essentials, Paragraph, Heading, Bold, Italic, List, Undo],
  toolbar: ['undo', 'redo', '|', 'heading', '|', 'bold', 'italic', '|', 'bulletedList', 'numberedList'],
};

function mount(Editor) {
  return async (element) => {
    if (!styled) { addStyle(css); styled = true; }
    const editor = await Editor.create(element, config);
    // The decoupled editor leaves its toolbar to the page: put it above the editable.
    if (Editor === DecoupledEditor) element.before(editor.ui.view.toolbar.element);
    return editor;
  };
}

register('ckeditor5-classic', mount(ClassicEditor));
register('ckeditor5-inline', mount(InlineEditor));
register('ckeditor5-balloon', mount(BalloonEditor));
register('ckeditor5-decoupled', mount(DecoupledEditor));
