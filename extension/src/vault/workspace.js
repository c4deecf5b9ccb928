// The vault page's workspace: clients on one side (searchable), the chosen client's notes by
// date with their site, and the note in a reading pane with its history. Lists of summaries
// (no text, not audited) fill the first two panes; only opening a note reads it (audited).
// Arrow keys move within a list, Enter opens, Escape closes the reading pane.
import { $, h, replaceChildren } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { describeNote, renderHistory, renderNoteList, showReader, siteName } from '../shared/note-views.js';

const byDateDesc = (a, b) => noteDate(b).localeCompare(noteDate(a));
export const noteDate = (summary) => summary.context?.appointment_date ?? summary.created?.slice(0, 10) ?? '';
/** In a client's list the client goes without saying: the date and the site. */
const noteLabel = (summary) => [noteDate(summary), siteName(summary.context?.site)].filter(Boolean).join(' · ') + (summary.deleted ? t('deletedSuffix') : '');

export class Workspace {
  /** `call` is the daemon call; `openNote(summary)` reads a note into the reading pane. */
  constructor({ call, openNote }) {
    this.call = call;
    this.openNote = openNote;
    this.byClient = new Map();
    this.chosen = null;
    this.filter = $('#client-filter');
    this.filter.addEventListener('input', () => this.drawClients());
    for (const list of [$('#clients'), $('#client-notes')]) list.addEventListener('keydown', arrowKeys);
    $('#reader-box').addEventListener('keydown', (event) => { if (event.key === 'Escape') this.closeReader(); });
    $('#reader-box').addEventListener('click', (event) => { if (event.target.id === 'reader-close') this.closeReader(); });
  }

  /** Fill the panes from every note's summary; keeps the chosen client when it is still there. */
  show(summaries) {
    this.byClient = new Map();
    for (const summary of summaries) {
      const client = summary.client ?? t('noClient');
      if (!this.byClient.has(client)) this.byClient.set(client, []);
      this.byClient.get(client).push(summary);
    }
    // First the client with a note that waits for a choice (changed on two computers).
    if (!this.byClient.has(this.chosen)) this.chosen = this.clients().find((client) => this.byClient.get(client).some((note) => note.conflict)) ?? this.clients()[0] ?? null;
    this.drawClients();
    this.drawNotes();
  }

  clients() {
    return [...this.byClient.keys()].sort((a, b) => a.localeCompare(b));
  }

  drawClients() {
    const words = this.filter.value.trim().toLocaleLowerCase();
    const shown = this.clients().filter((client) => client.toLocaleLowerCase().includes(words));
    replaceChildren($('#clients'), shown.length ? shown.map((client) => {
      const notes = this.byClient.get(client);
      const inConflict = notes.filter((summary) => summary.conflict).length;
      const label = inConflict ? t('clientCountConflict', client, notes.length, inConflict) : t('clientCount', client, notes.length);
      return h('li', {}, h('button', {
        type: 'button', dataset: { client }, 'aria-pressed': String(client === this.chosen), onclick: () => this.choose(client),
      }, label));
    }) : h('li', { className: 'empty' }, this.byClient.size ? t('noClientMatches') : t('noNotesYet')));
  }

  choose(client) {
    this.chosen = client;
    this.drawClients();
    this.drawNotes();
    $('#client-notes button')?.focus();
  }

  drawNotes() {
    const notes = [...(this.byClient.get(this.chosen) ?? [])].sort(byDateDesc);
    $('#client-notes-title').textContent = this.chosen ? t('notesOf', this.chosen) : t('notesHeading');
    renderNoteList($('#client-notes'), notes, (summary) => this.open(summary), t('noNotesYet'), noteLabel);
    for (const button of $('#client-notes').querySelectorAll('button[data-note-id]')) {
      const summary = notes.find((note) => note.id === button.dataset.noteId);
      button.append(h('span', { className: 'note-meta' }, t('updatedAt', summary.updated?.replace('T', ' ').slice(0, 16) ?? '')));
    }
  }

  async open(summary) {
    for (const button of $('#client-notes').querySelectorAll('button[data-note-id]')) {
      button.setAttribute('aria-current', String(button.dataset.noteId === summary.id));
    }
    await this.openNote(summary);
  }

  /** A note read into the pane: its facts, its text and its versions. */
  async showNote(note) {
    const box = $('#reader-box');
    showReader(box, describeNote(note), note.text);
    const words = note.text.trim() ? note.text.trim().split(/\s+/).length : 0;
    box.querySelector('h2').after(h('p', { className: 'reader-facts' }, t('noteFacts', words, note.updated?.replace('T', ' ').slice(0, 16) ?? '')));
    box.focus();
    const history = await this.call('GET', `/v1/notes/${encodeURIComponent(note.id)}/history`);
    if (!history.ok || box.hidden) return;
    const list = h('ol', { className: 'list', id: 'reader-history' });
    renderHistory(list, history.body.versions, (version) => this.showVersion(note, version));
    box.append(h('details', {}, h('summary', {}, t('historyHeading')), list));
  }

  async showVersion(note, version) {
    const result = await this.call('GET', `/v1/notes/${encodeURIComponent(note.id)}/versions/${encodeURIComponent(version.id)}`);
    if (!result.ok) return;
    showReader($('#reader-box'), t('versionOf', version.time.replace('T', ' ').slice(0, 19)), result.body.text,
      [[t('backToNote'), () => this.showNote(note)]]);
    $('#reader-box').focus();
  }

  closeReader() {
    const box = $('#reader-box');
    box.hidden = true;
    replaceChildren(box);
    ($('#client-notes button[aria-current="true"]') ?? $('#client-notes button'))?.focus();
  }
}

/** Up and down arrows (Home, End) move between a list's buttons; Tab leaves the list. */
function arrowKeys(event) {
  const buttons = [...event.currentTarget.querySelectorAll('li > button:first-child')];
  const index = buttons.indexOf(document.activeElement);
  if (index < 0) return;
  const next = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: buttons.length - 1 }[event.key];
  if (next === undefined) return;
  event.preventDefault();
  buttons[Math.max(0, Math.min(buttons.length - 1, next))].focus();
}
