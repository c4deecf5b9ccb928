// ProseMirror (MIT) with prosemirror-example-setup: the basic schema, its menu bar and keymaps.
import { exampleSetup } from 'prosemirror-example-setup';
import { DOMParser, Schema } from 'prosemirror-model';
import { schema as basic } from 'prosemirror-schema-basic';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import menuCss from 'prosemirror-menu/style/menu.css';
import viewCss from 'prosemirror-view/style/prosemirror.css';
import { addStyle, register } from './register.js';

let styled = false;
register('prosemirror', async (element) => {
  if (!styled) { addStyle(viewCss + menuCss + '.ProseMirror{min-height:200px;padding:6px 8px;border:1px solid #bbb}'); styled = true; }
  const schema = new Schema({ nodes: basic.spec.nodes, marks: basic.spec.marks });
  const doc = DOMParser.fromSchema(schema).parse(document.createElement('div'));
  return new EditorView(element, { state: EditorState.create({ doc, plugins: exampleSetup({ schema }) }) });
});
