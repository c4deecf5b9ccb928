// Slate (MIT) under React 18: the editor EHRs built on React embed.
import { useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { createEditor } from 'slate';
import { withHistory } from 'slate-history';
import { Editable, Slate, withReact } from 'slate-react';
import { register } from './register.js';

function NoteEditor({ placeholder }) {
  const editor = useMemo(() => withHistory(withReact(createEditor())), []);
  const initial = [{ type: 'paragraph', children: [{ text: '' }] }];
  return (
    <Slate editor={editor} initialValue={initial}>
      <Editable placeholder={placeholder} style={{ minHeight: 200, padding: '6px 8px', border: '1px solid #bbb' }} />
    </Slate>
  );
}

register('slate', async (element) => {
  createRoot(element).render(<NoteEditor placeholder={element.dataset.placeholder ?? ''} />);
  await new Promise((resolve) => { setTimeout(resolve, 50); });
  return element;
});
