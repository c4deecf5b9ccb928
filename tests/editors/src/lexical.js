// Lexical (MIT), rich text with history, mounted on a contenteditable root inside the div.
import { registerHistory, createEmptyHistoryState } from '@lexical/history';
import { registerRichText } from '@lexical/rich-text';
import { createEditor } from 'lexical';
import { register } from './register.js';

register('lexical', async (element) => {
  const root = document.createElement('div');
  root.contentEditable = 'true';
  root.style.cssText = 'min-height:200px;padding:6px 8px;border:1px solid #bbb;outline:none';
  element.append(root);
  const editor = createEditor({ namespace: element.id || 'note', onError: (error) => { throw error; } });
  editor.setRootElement(root);
  registerRichText(editor);
  registerHistory(editor, createEmptyHistoryState(), 300);
  return editor;
});
