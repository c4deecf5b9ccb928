// Draft.js (MIT) under React 18, controlled as its docs show.
import { Editor, EditorState } from 'draft-js';
import css from 'draft-js/dist/Draft.css';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { addStyle, register } from './register.js';

function NoteEditor({ placeholder }) {
  const [state, setState] = useState(() => EditorState.createEmpty());
  return (
    <div style={{ minHeight: 200, padding: '6px 8px', border: '1px solid #bbb' }}>
      <Editor editorState={state} onChange={setState} placeholder={placeholder} />
    </div>
  );
}

let styled = false;
register('draftjs', async (element) => {
  if (!styled) { addStyle(css); styled = true; }
  createRoot(element).render(<NoteEditor placeholder={element.dataset.placeholder ?? ''} />);
  await new Promise((resolve) => { setTimeout(resolve, 50); });
  return element;
});
