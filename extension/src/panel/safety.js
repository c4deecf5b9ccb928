// Safety findings (suicidal or homicidal ideation, abuse, safety plans, denied or not) must be
// in the progress note. They are listed in a banner above the note until the clinician says
// "I have documented this in the progress note"; that acknowledgement is written to the
// audit trail (POST /v1/audit/events, action safety_acknowledged, no note text in it) and
// then quiets that finding for this note. Acknowledgements are kept in the panel's memory
// only, keyed by the note and the sentence as it stands: an edited sentence asks again.
// A safety sentence the leak guard saw copied into the progress note (record content, audited
// by the daemon as documented in the record) goes quiet the same way, without a click.
import { h, replaceChildren } from '../shared/dom.js';
import { t } from '../shared/i18n.js';

const EXCERPT_CHARS = 90;

export class SafetyBanner {
  /**
   * @param {HTMLElement} section the banner
   * @param {object} options
   * @param {(method: string, path: string, body?: object) => Promise<object>} options.call daemon call
   * @param {() => Promise<{id: string, version: string} | null>} options.savedNote saves the
   *   text first if needed; the note as acknowledged by the daemon, or null if it cannot be saved
   * @param {() => void} options.onChange an acknowledgement changed which findings are quiet
   */
  constructor(section, { call, savedNote, onChange }) {
    this.section = section;
    this.call = call;
    this.savedNote = savedNote;
    this.onChange = onChange;
    this.acknowledged = new Set(); // `${note id}\u0000${sentence}`: memory only
    this.noteId = null;
    this.text = '';
    this.findings = [];
  }

  key(noteId, finding, text = this.text) {
    return `${noteId}\u0000${text.slice(finding.start, finding.end)}`;
  }

  /** True for a safety finding the clinician has acknowledged for this note. */
  isQuiet = (finding) => finding.category === 'safety' && this.noteId !== null
    && this.acknowledged.has(this.key(this.noteId, finding));

  show(noteId, text, findings) {
    this.noteId = noteId;
    this.text = text;
    this.findings = findings.filter((finding) => finding.category === 'safety' && finding.end <= text.length);
    this.draw();
  }

  draw(failure = '') {
    const open = this.findings.filter((finding) => !this.isQuiet(finding));
    this.section.hidden = open.length === 0;
    if (!open.length) { replaceChildren(this.section); return; }
    replaceChildren(this.section,
      h('h2', {}, open.length === 1
        ? t('safetyOne')
        : t('safetyMany', open.length)),
      h('p', {}, t('safetyHelp')),
      h('ul', { className: 'safety-list' }, open.map((finding) => this.item(finding))),
      failure ? h('p', { className: 'form-error', id: 'safety-error', role: 'alert' }, failure) : null);
  }

  item(finding) {
    const sentence = this.text.slice(finding.start, finding.end).trim();
    const excerpt = sentence.length > EXCERPT_CHARS ? `${sentence.slice(0, EXCERPT_CHARS)}…` : sentence;
    const button = h('button', { type: 'button', className: 'acknowledge' }, t('safetyAcknowledge'));
    button.addEventListener('click', () => this.acknowledge(finding, button));
    return h('li', { className: 'safety-item' },
      h('q', { className: 'safety-sentence' }, excerpt),
      h('span', { className: 'safety-reason' }, finding.message), button);
  }

  async acknowledge(finding, button) {
    button.disabled = true;
    const text = this.text;
    const note = await this.savedNote(); // the audit entry names the note, so it must exist
    if (!note) {
      button.disabled = false;
      this.draw(t('safetyNotSavedYet'));
      return;
    }
    const result = await this.call('POST', '/v1/audit/events', {
      action: 'safety_acknowledged',
      note_id: note.id,
      detail: { category: finding.category, note_version: note.version },
    });
    if (!result.ok) {
      button.disabled = false;
      this.draw(t('safetyNotRecorded', result.error?.message ?? t('safetyAuditFailed')));
      return;
    }
    this.acknowledged.add(this.key(note.id, finding, text));
    this.noteId = note.id;
    this.draw();
    this.onChange();
  }

  /**
   * The leak guard found these passages of this note in the progress note (the EHR's text):
   * each safety sentence they hold is documented in the record, and quiet from now on.
   * @param {{note_id: string, text: string}[]} passages
   */
  async documented(passages) {
    if (!this.findings.length) return; // nothing to clear (and no empty note to save for it)
    // The findings may have come before the note's first save named it.
    const noteId = this.noteId ?? (await this.savedNote())?.id;
    const inRecord = passages.filter((passage) => passage.note_id === noteId).map((passage) => wordsOf(passage.text));
    const covered = this.findings.filter((finding) => {
      const sentence = wordsOf(this.text.slice(finding.start, finding.end));
      return sentence && inRecord.some((passage) => ` ${passage} `.includes(` ${sentence} `));
    });
    if (!covered.length) return;
    for (const finding of covered) this.acknowledged.add(this.key(noteId, finding));
    this.noteId = noteId;
    this.draw();
    this.onChange();
  }

  clear() {
    this.noteId = null;
    this.text = '';
    this.findings = [];
    this.draw();
  }
}

/** A sentence's words, lowercased, one space apart: the EHR may have changed spacing and case. */
const wordsOf = (text) => (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
