// See, confirm, correct: the client and date the panel files the note under, with where the
// page showed them ("from the dialog"), and the clinician's say over them. When the page
// showed neither (or one is missing) the panel asks before the note's first save instead of
// filing it under a guess; a correction of a note already saved moves it (a new version
// through PUT /v1/notes/{id} with client and context, audited by the daemon like any save).
import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';

const FROM = {
  learned: t('sourceLearned'),
  site: 'from the EHR\'s own fields',
  address: t('sourceAddress'),
  dialog: t('sourceDialog'),
  form: t('sourceForm'),
  page: t('sourcePage'),
  earlier: t('sourceEarlier'),
};

/** The same page and session, as the content script read it (before any correction). */
const readKey = (report) => [report.site, report.client, report.context.appointment_date, report.context.client_ref].join('|');

export class ContextConfirm {
  /** @param {{onCorrect: (report: object, before: object) => void}} options */
  constructor({ onCorrect }) {
    this.onCorrect = onCorrect;
    this.answers = new Map(); // readKey -> {client, date}: what the clinician confirmed or typed
    this.open = false;
    this.draft = null; // what the clinician has typed in the form so far: a fresh reading redraws the form, keeping it
  }

  /** The report with the clinician's correction, if they made one for this reading. */
  apply(report) {
    const answer = report && this.answers.get(readKey(report));
    if (!answer) return report;
    const context = { ...report.context };
    if (answer.date) context.appointment_date = answer.date; else delete context.appointment_date;
    return { ...report, client: answer.client || null, context, confirmed: true };
  }

  /** Nothing read for the client or the date, and the clinician has not said. */
  needsAnswer(report) {
    return Boolean(report) && !this.answers.has(readKey(report)) && (!report.client || !report.context.appointment_date);
  }

  /** What the panel shows under the context line: sources, and the form to confirm or change. */
  render(report) {
    if (!report) return null;
    const shown = this.apply(report);
    const asking = this.needsAnswer(report);
    const sources = report.sources ?? {};
    const said = shown.confirmed ? t('sourceConfirmed') : null;
    const where = h('span', { className: 'snippet', id: 'context-sources' },
      t('contextSourcesClient', said ?? (report.client ? FROM[sources.client] ?? t('sourcePage') : t('sourceNotFound'))),
      t('contextSourcesDate', said ?? (report.context.appointment_date ? FROM[sources.date] ?? t('sourcePage') : t('sourceNotFound'))),
      asking || this.open ? null : h('button', { type: 'button', className: 'link', id: 'context-change', onclick: () => { this.open = true; this.draft = null; this.refresh(); } }, t('contextChange')));
    return [where, asking || this.open ? this.form(report, shown, asking) : null];
  }

  form(report, shown, asking) {
    const client = h('input', { id: 'confirm-client', value: this.draft?.client ?? shown.client ?? '', maxLength: 200, placeholder: t('confirmClientPlaceholder') });
    const date = h('input', { id: 'confirm-date', type: 'date', value: this.draft?.date ?? shown.context.appointment_date ?? '' });
    const form = h('form', { id: 'context-form', className: 'context-form' },
      asking ? h('p', { id: 'context-ask' }, t('contextAsk')) : null,
      h('label', {}, 'Client ', client), ' ', h('label', {}, 'Date ', date), ' ',
      h('button', { type: 'submit', id: 'context-confirm' }, t('contextUseThese')));
    form.addEventListener('input', () => { this.draft = { client: client.value, date: date.value }; });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.draft = null;
      const before = this.apply(report);
      this.answers.set(readKey(report), { client: client.value.trim(), date: date.value });
      this.open = false;
      this.onCorrect(this.apply(report), before);
    });
    return form;
  }
}
