// The audit trail as a readable timeline: "Read · Ada Lovelace, note of 2 Dec · Chrome on
// this computer" instead of ids. Note ids are named from the notes' summaries (client, date),
// actors from the pairings (browser names) and devices from /v1/devices. Filters by client,
// note, action and device; a small chart of activity per day above.
import { $, h, replaceChildren } from '../shared/dom.js';
import { t, tOr, uiLanguage } from '../shared/i18n.js';
import { drawActivity } from './activity-chart.js';
import { noteDate } from './workspace.js';

const FILTERS = ['client', 'note', 'action', 'device'];
const dateWords = (day) => (day ? new Intl.DateTimeFormat(uiLanguage(), { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`)) : '');

export class AuditView {
  /** `call` is the daemon call; `summaries()` the notes' summaries by id (a Map). */
  constructor({ call, summaries }) {
    this.call = call;
    this.summaries = summaries;
    this.rows = [];
    for (const name of FILTERS) $(`#filter-${name}`).addEventListener('change', () => this.draw());
  }

  async load() {
    const [audit, devices, pairings] = await Promise.all([
      this.call('GET', '/v1/audit'), this.call('GET', '/v1/devices'), this.call('GET', '/v1/pairings')]);
    if (!audit.ok) { $('#audit-verification').textContent = audit.error?.message ?? t('problem_error'); return; }
    const { entries, verification } = audit.body;
    $('#audit-verification').textContent = verification.ok
      ? t('auditChecksOut', verification.entries) : t('auditProblems', verification.problems.join('; '));
    this.devices = new Map((devices.ok ? devices.body.devices : []).map((device) => [device.id, device]));
    this.pairings = pairings.ok ? pairings.body.pairings : [];
    this.rows = entries.map((entry) => this.describe(entry));
    this.fillFilters();
    this.draw();
  }

  /** One entry in words, with the keys the filters match on. */
  describe(entry) {
    const summary = entry.note ? this.summaries().get(entry.note) : null;
    const client = summary ? summary.client ?? t('noClient') : null;
    let note = '';
    if (summary) note = t('auditNote', client, dateWords(noteDate(summary)));
    else if (entry.note) note = t('auditUnknownNote');
    return {
      entry, client, note, noteId: entry.note,
      action: entry.action === 'create' && !entry.note ? t('audit_create_vault') : tOr(`audit_${entry.action}`, entry.action),
      device: this.deviceName(entry.device),
      who: t('auditWhoOn', this.actorName(entry.actor), this.deviceName(entry.device)),
    };
  }

  deviceName(id) {
    const device = this.devices.get(id);
    if (device?.this_device) return t('thisComputerLower');
    return device?.name ?? t('anotherComputer', String(id).slice(0, 8));
  }

  /** "extension:<pairing id>" is a paired browser; the rest are Margin itself or its command. */
  actorName(actor) {
    const [kind, rest] = String(actor).split(/:(.*)/s);
    if (kind === 'extension') {
      const pairing = this.pairings.find((item) => item.id === rest || item.id.startsWith(rest));
      return pairing?.name ?? t('actorUnpairedBrowser');
    }
    return tOr(`actor_${kind.replace(/-/g, '_')}`, actor);
  }

  fillFilters() {
    const options = {
      client: this.rows.map((row) => row.client),
      note: this.rows.map((row) => row.noteId && [row.noteId, row.note]),
      action: this.rows.map((row) => row.action),
      device: this.rows.map((row) => row.device),
    };
    for (const name of FILTERS) {
      const select = $(`#filter-${name}`);
      const before = select.value;
      const values = new Map(options[name].filter(Boolean).map((value) => (Array.isArray(value) ? value : [value, value])));
      replaceChildren(select, h('option', { value: '' }, t('filterAll')),
        [...values.entries()].sort((a, b) => a[1].localeCompare(b[1])).map(([value, label]) => h('option', { value }, label)));
      select.value = values.has(before) ? before : '';
    }
  }

  draw() {
    const wanted = Object.fromEntries(FILTERS.map((name) => [name, $(`#filter-${name}`).value]));
    const shown = this.rows.filter((row) => (!wanted.client || row.client === wanted.client)
      && (!wanted.note || row.noteId === wanted.note) && (!wanted.action || row.action === wanted.action)
      && (!wanted.device || row.device === wanted.device));
    drawActivity($('#audit-chart'), $('#audit-chart-caption'), shown.map((row) => row.entry));
    $('#audit-count').textContent = t('auditCount', shown.length, this.rows.length);
    replaceChildren($('#audit-rows'), shown.map((row) => h('li', { dataset: { action: row.entry.action } },
      h('time', { dateTime: row.entry.time }, new Date(row.entry.time).toLocaleString(uiLanguage())),
      h('span', { className: 'what' }, row.action), row.note ? ` · ${row.note}` : '', ` · ${row.who}`)));
  }
}
