// "Review my private notes": the other direction of the over-sharing check. A diagnosis or a
// safety plan written only in the private notes is not in the record, so every private note's
// sentences that belong in the progress note are listed (POST /v1/lint/vault, the linter's
// rules; one audited read of the notes), notes with safety content first, by client and
// since a date. Each note opens from its heading or from any of its sentences. Safety
// sentences carry the panel's acknowledgement ("I have documented this in the progress
// note", audited): the same SafetyBanner, one per note, so the flow is the panel's own.
import { $, h, replaceChildren } from '../shared/dom.js';
import { categoryName } from '../shared/findings.js';
import { t } from '../shared/i18n.js';
import { SafetyBanner } from '../panel/safety.js';

const EXCERPT_CHARS = 160;

export class PrivateReview {
  /**
   * @param {object} options
   * @param {(method: string, path: string, body?: object) => Promise<object>} options.call daemon call
   * @param {() => Map<string, object>} options.summaries the notes' summaries by id (for the clients)
   * @param {(noteId: string) => void} options.open reads a note under the list
   */
  constructor({ call, summaries, open }) {
    this.call = call;
    this.summaries = summaries;
    this.open = open;
    $('#review-form').addEventListener('submit', (event) => { event.preventDefault(); this.load(); });
  }

  /** The client filter's choices, kept when the list of notes changes. */
  fillClients() {
    const select = $('#review-client');
    const before = select.value;
    const clients = [...new Set([...this.summaries().values()].map((summary) => summary.client).filter(Boolean))].sort((a, b) => a.localeCompare(b));
    replaceChildren(select, h('option', { value: '' }, t('filterAll')), clients.map((client) => h('option', { value: client }, client)));
    select.value = clients.includes(before) ? before : '';
  }

  async load() {
    const body = { with_text: true };
    if ($('#review-client').value) body.client = $('#review-client').value;
    if ($('#review-since').value) body.since = $('#review-since').value;
    $('#review-status').textContent = t('reviewRunning');
    const result = await this.call('POST', '/v1/lint/vault', body);
    if (!result.ok) {
      $('#review-status').textContent = result.error?.message ?? t('problem_error');
      return;
    }
    const { notes } = result.body;
    const safety = notes.filter((note) => note.findings.some((finding) => finding.category === 'safety')).length;
    $('#review-status').textContent = notes.length ? t('reviewFound', notes.length, safety) : t('reviewNothing');
    replaceChildren($('#review-notes'), notes.map((note) => this.noteItem(note)));
  }

  noteItem(note) {
    const label = t('reviewNoteLabel', note.client ?? t('noClient'), note.date);
    const banner = h('section', { className: 'safety-banner', hidden: true });
    const others = note.findings.filter((finding) => finding.category !== 'safety');
    const item = h('li', { className: 'review-note', dataset: { noteId: note.note_id } },
      h('h3', {}, h('button', { type: 'button', className: 'link', onclick: () => this.open(note.note_id) }, label)),
      banner,
      others.length ? h('ul', { className: 'review-findings' }, others.map((finding) => this.findingItem(note, finding))) : null);
    // The note is saved (it is in the vault): the acknowledgement names its current version.
    const safety = new SafetyBanner(banner, {
      call: this.call,
      savedNote: async () => ({ id: note.note_id, version: note.version }),
      onChange: () => {},
    });
    safety.show(note.note_id, note.text, note.findings);
    return item;
  }

  findingItem(note, finding) {
    const sentence = note.text.slice(finding.start, finding.end).trim();
    const excerpt = sentence.length > EXCERPT_CHARS ? `${sentence.slice(0, EXCERPT_CHARS)}…` : sentence;
    return h('li', { dataset: { category: finding.category } },
      h('button', { type: 'button', className: 'link', onclick: () => this.open(note.note_id) }, categoryName(finding.category)),
      ' ', h('q', {}, excerpt), ` ${finding.message}`);
  }
}
