// Builds editors.html's note screen for one real editor library (?editor=NAME). Each screen
// labels the progress note its own way (label for, aria-labelledby, heading, legend, table
// header, placeholder) and puts a decoy of the same library ("Message to client",
// "Psychotherapy Note") before or after it, as EHR screens do.
(() => {
  const TEXTAREA = new Set(['tinymce', 'ckeditor4', 'summernote']); // editors that replace a textarea
  const SCREENS = {
    tinymce: ['label-for', 'before'],
    'tinymce-inline': ['heading', 'after'],
    ckeditor4: ['label-for', 'after'],
    'ckeditor5-classic': ['heading', 'before'],
    'ckeditor5-inline': ['labelledby', 'after'],
    'ckeditor5-balloon': ['legend', 'before'],
    'ckeditor5-decoupled': ['table-header', 'after'],
    quill: ['placeholder', 'before'],
    prosemirror: ['heading', 'after'],
    tiptap: ['labelledby', 'before'],
    lexical: ['legend', 'after'],
    slate: ['placeholder', 'before'],
    draftjs: ['heading', 'after'],
    trix: ['table-header', 'before'],
    summernote: ['label-for', 'after'],
    'react-textarea': ['label-for', 'before'],
    'react-contenteditable': ['labelledby', 'after'],
    'vue-textarea': ['legend', 'before'],
    'angular-textarea': ['heading', 'after'],
  };
  const name = new URLSearchParams(location.search).get('editor');
  const [labelKind, decoyWhere] = SCREENS[name];
  const screen = document.getElementById('screen');
  document.title = `Clinic EHR (test): documentation (${name})`;

  const make = (tag, attributes = {}, text = '') => {
    const element = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
    if (text) element.textContent = text;
    return element;
  };

  /** The element the library mounts on, in its container, labelled `title` the `kind` way. */
  function block(id, title, kind) {
    const mount = make(TEXTAREA.has(name) ? 'textarea' : 'div', { id });
    if (name.endsWith('-textarea') || name === 'react-contenteditable') mount.dataset.fieldId = `${id}-field`;
    const area = make('div', { id: `${id}-area` });
    area.append(mount);
    const wrapper = make('section', { class: 'block' });
    const target = mount.dataset.fieldId ?? id;
    if (kind === 'label-for') wrapper.append(make('label', { for: target }, title), area);
    else if (kind === 'heading') wrapper.append(make('h3', {}, title), area);
    else if (kind === 'labelledby') {
      wrapper.setAttribute('role', 'region');
      wrapper.setAttribute('aria-labelledby', `${id}-title`);
      wrapper.append(make('div', { id: `${id}-title`, class: 'caption' }, title), area);
    } else if (kind === 'legend') {
      const fieldset = make('fieldset');
      fieldset.append(make('legend', {}, title), area);
      wrapper.append(fieldset);
    } else if (kind === 'table-header') {
      const table = make('table', { class: 'note-table' });
      table.innerHTML = `<thead><tr><th>${title}</th></tr></thead><tbody><tr><td></td></tr></tbody>`;
      table.querySelector('td').append(area);
      wrapper.append(table);
    } else if (kind === 'placeholder') {
      mount.dataset.placeholder = title;
      wrapper.append(area);
    }
    if (name === 'tiptap') { // Tiptap brings no toolbar: the page has its own
      const bar = make('div', { class: 'page-toolbar', role: 'toolbar', 'aria-label': 'Formatting' });
      for (const label of ['Undo', 'Redo', 'Bold', 'Italic', 'Bullet list']) bar.append(make('button', { type: 'button' }, label));
      area.before(bar);
    }
    return { wrapper, mount };
  }

  const note = block('note', labelKind === 'placeholder' ? 'Progress note: what happened in session' : 'Progress Note', labelKind);
  const decoy = block('decoy', decoyWhere === 'before' ? 'Message to client' : 'Psychotherapy Note (private)', labelKind === 'placeholder' ? 'placeholder' : 'heading');
  screen.append(...(decoyWhere === 'before' ? [decoy.wrapper, note.wrapper] : [note.wrapper, decoy.wrapper]));

  const status = document.getElementById('page-status');
  document.getElementById('sign-note').addEventListener('click', () => { status.textContent = 'Note signed'; });
  document.getElementById('save-draft').addEventListener('click', () => { status.textContent = 'Draft saved'; });

  const script = make('script', { src: `/_editors/${name}.js` });
  script.onload = async () => {
    const mount = window.MarginTestEditors[name];
    for (const part of decoyWhere === 'before' ? [decoy, note] : [note, decoy]) part.editor = await mount(part.mount);
    window.__noteEditor = note.editor; // the tests read the editor's own state through its API
    window.__editorsReady = true;
  };
  document.head.append(script);
})();
