// Tiptap 2 (MIT) with StarterKit, on ProseMirror; the page brings its own toolbar.
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { addStyle, register } from './register.js';

let styled = false;
register('tiptap', async (element) => {
  if (!styled) { addStyle('.tiptap{min-height:200px;padding:6px 8px;border:1px solid #bbb;outline:none}'); styled = true; }
  return new Editor({ element, extensions: [StarterKit] });
});
