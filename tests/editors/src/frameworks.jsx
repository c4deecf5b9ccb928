// Plain fields under the frameworks EHRs are written in: a controlled textarea and a
// contenteditable under React 18, a bound textarea under Vue 3 (all MIT). Angular has its
// own bundle (angular.js): zone.js patches the page's globals.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createApp, h, ref } from 'vue';
import { register } from './register.js';

const BOX = { width: 600, minHeight: 200, padding: '6px 8px', border: '1px solid #bbb' };

function ReactTextarea({ id, placeholder }) {
  const [text, setText] = useState('');
  return <textarea id={id} rows={10} style={BOX} placeholder={placeholder} value={text} onChange={(event) => setText(event.target.value)} />;
}

function ReactEditable({ id }) {
  // The usual hand-rolled contenteditable: React renders it once and reads it on input.
  const [, setText] = useState('');
  return <div id={id} contentEditable suppressContentEditableWarning style={BOX} onInput={(event) => setText(event.currentTarget.textContent)} />;
}

export const settle = () => new Promise((resolve) => { setTimeout(resolve, 50); });
export const fieldId = (element) => element.dataset.fieldId || `${element.id || 'note'}-field`;

register('react-textarea', async (element) => {
  createRoot(element).render(<ReactTextarea id={fieldId(element)} placeholder={element.dataset.placeholder ?? ''} />);
  await settle();
  return element;
});

register('react-contenteditable', async (element) => {
  createRoot(element).render(<ReactEditable id={fieldId(element)} />);
  await settle();
  return element;
});

register('vue-textarea', async (element) => {
  const App = {
    setup() {
      const text = ref('');
      return () => h('textarea', {
        id: fieldId(element), rows: 10, style: 'width:600px;min-height:200px', placeholder: element.dataset.placeholder ?? '',
        value: text.value, onInput: (event) => { text.value = event.target.value; },
      });
    },
  };
  createApp(App).mount(element);
  await settle();
  return element;
});
