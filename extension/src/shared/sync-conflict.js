// A note changed on two computers before they synced has two heads (docs/DESIGN.md invariant 5:
// nothing is lost silently). This view, shared by the panel and the vault page, puts every
// head side by side with its computer and time, a delete as "deleted on ...", and lets the
// clinician keep one or combine them. Saving names every head as a parent, which is what
// resolves the conflict; nothing here saves on its own. Text only ever goes in as text.
import { h, replaceChildren } from './dom.js';
import { t, uiLanguage } from './i18n.js';

export const EXPLANATION = t('syncExplanation');
const two = (number) => String(number).padStart(2, '0');

/** "14 Jan 10:42" in this computer's time zone (the year only when it is not this year). */
export function shortTime(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const year = date.getFullYear() === new Date().getFullYear() ? '' : ` ${date.getFullYear()}`;
  const month = new Intl.DateTimeFormat(uiLanguage(), { month: 'short' }).format(date);
  return `${date.getDate()} ${month}${year} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** How to name a head's computer: its name ("Laptop"), and which one is this computer. */
export function computerName(head, device) {
  const name = head.device_name ?? device?.name ?? null;
  const here = device ? device.this_device : head.device_label === 'this computer';
  if (name) return here ? t('namedThisComputer', name) : name;
  return here ? t('thisComputer') : t('anotherComputer', head.device.slice(0, 8));
}

/** Every head with its text (one audited read), named and oldest first: {ok, id, heads}. */
export async function fetchConflict(call, noteId) {
  const id = encodeURIComponent(noteId);
  const [view, devices] = await Promise.all([call('GET', `/v1/notes/${id}/conflict`), call('GET', '/v1/devices')]);
  if (!view.ok) return view;
  const known = new Map((devices.ok ? devices.body.devices : []).map((device) => [device.id, device]));
  const heads = view.body.heads.map((head) => ({
    ...head, who: computerName(head, known.get(head.device)), when: shortTime(head.time),
  })).sort((a, b) => a.time.localeCompare(b.time));
  return { ok: true, id: view.body.id, conflict: view.body.conflict, heads };
}

export const liveHeads = (conflict) => conflict.heads.filter((head) => !head.deleted && typeof head.text === 'string');
export const headVersions = (conflict) => conflict.heads.map((head) => head.version);

/** The merge box's first text: every version in full, each under a line that names it. */
export function combinedText(conflict, unsaved) {
  const parts = liveHeads(conflict).map((head) => [t('syncVersionLine', head.who, head.when), head.text]);
  if (unsaved !== null) parts.push([t('syncUnsavedLine'), unsaved]);
  return parts.map(([line, text]) => `${line}\n${text}`).join('\n\n');
}

/** Save `text` as the note, naming every head: the conflict is resolved. */
export function saveOverAllHeads(call, noteId, text, heads) {
  return call('PUT', `/v1/notes/${encodeURIComponent(noteId)}`, { text, base_version: heads });
}

/**
 * The side-by-side view. `actions.keep({text, how, head})` saves a text over every head and
 * resolves with the daemon's answer; `actions.keepDeleted()` does the same for "keep the
 * delete"; `actions.refresh()` looks again (a version whose text has not arrived yet).
 */
export class SyncConflictView {
  constructor(section, actions) {
    this.section = section;
    this.actions = actions;
    this.conflict = null;
    this.mergeEdited = false;
  }

  /** True while the clinician has typed in the merge box: that text must not be dropped. */
  get holdsText() {
    return !this.section.hidden && this.mergeEdited;
  }

  hide() {
    this.section.hidden = true;
    this.section.classList.remove('sync-conflict');
    replaceChildren(this.section);
    this.conflict = null;
    this.mergeEdited = false;
  }

  /** Show `conflict`; `unsaved` is text typed in this panel that no version holds (or null). */
  show(conflict, unsaved) {
    this.conflict = conflict;
    this.unsaved = unsaved;
    this.mergeEdited = false;
    const waiting = conflict.heads.some((head) => head.waiting_for_sync);
    this.waiting = waiting;
    this.status = h('p', { className: 'status', id: 'sync-conflict-status', role: 'status' });
    this.confirmBox = h('div', { className: 'sync-confirm', id: 'sync-confirm', hidden: true, 'aria-live': 'assertive' }); // the question is read out
    this.mergeBox = this.mergeForm(conflict, unsaved);
    replaceChildren(this.section,
      h('h2', {}, t('syncHeading')),
      h('p', { id: 'sync-conflict-explanation' }, t('syncExplanationLong')),
      waiting ? this.waitingNotice() : null,
      h('div', { className: 'sync-columns' },
        conflict.heads.map((head) => this.headColumn(head, waiting)),
        unsaved === null ? null : this.unsavedColumn(unsaved, waiting)),
      this.confirmBox,
      h('p', {}, h('button', { type: 'button', id: 'sync-combine', disabled: waiting, onclick: () => this.openMerge() }, t('syncCombine'))),
      this.mergeBox,
      this.status);
    this.section.classList.add('sync-conflict');
    this.section.hidden = false;
  }

  headColumn(head, waiting) {
    const title = head.deleted ? t('syncDeletedOn', head.who, head.when) : `${head.who}, ${head.when}`;
    let body;
    if (head.deleted) body = h('p', { className: 'sync-deleted' }, t('syncDeletedBody', head.who));
    else if (head.waiting_for_sync) body = h('p', { className: 'sync-waiting' }, t('syncNotArrived', head.who));
    else body = h('div', { className: 'reader sync-text' }, head.text);
    const label = head.deleted ? t('syncKeepDeleted') : t('syncKeepVersion');
    return h('article', { className: 'sync-head', dataset: { version: head.version, deleted: String(head.deleted) } },
      h('h3', { className: 'sync-who' }, title), body,
      h('button', { type: 'button', className: 'sync-keep', disabled: waiting, onclick: () => this.askKeep(head) }, label));
  }

  unsavedColumn(unsaved, waiting) {
    return h('article', { className: 'sync-head sync-unsaved', dataset: { version: 'unsaved' } },
      h('h3', { className: 'sync-who' }, t('syncUnsavedTitle')),
      h('div', { className: 'reader sync-text' }, unsaved),
      h('button', { type: 'button', className: 'sync-keep', disabled: waiting, onclick: () => this.askKeep(null) }, t('syncKeepText')));
  }

  waitingNotice() {
    return h('p', { className: 'form-error', id: 'sync-waiting' },
      t('syncWaiting'),
      h('button', { type: 'button', className: 'secondary', id: 'sync-refresh', onclick: () => this.actions.refresh() }, t('syncLookAgain')));
  }

  mergeForm(conflict, unsaved) {
    const text = h('textarea', { id: 'sync-merge-text', autocomplete: 'off', spellcheck: true, value: combinedText(conflict, unsaved) });
    text.addEventListener('input', () => { this.mergeEdited = true; });
    this.mergeText = text;
    return h('div', { className: 'sync-merge', id: 'sync-merge', hidden: true },
      h('label', { htmlFor: 'sync-merge-text' }, t('syncMergeLabel')),
      text,
      h('button', { type: 'button', id: 'sync-merge-save', onclick: () => this.save({ text: text.value, how: 'merge' }) }, t('syncMergeSave')), ' ',
      h('button', { type: 'button', className: 'secondary', id: 'sync-merge-close', onclick: () => { this.mergeBox.hidden = true; } }, t('syncMergeHide')));
  }

  openMerge() {
    this.confirmBox.hidden = true;
    this.mergeBox.hidden = false;
    this.mergeText.focus();
  }

  /** A second, explicit click: what is kept, and that the other stays in the history. */
  askKeep(head) {
    const discards = this.unsaved !== null && head !== null ? t('syncDiscards') : '';
    let question;
    let run;
    if (head?.deleted) {
      question = t('syncAskDelete', head.who);
      run = () => this.save({ how: 'delete', head });
    } else if (head) {
      question = t('syncAskKeep', head.who, head.when);
      run = () => this.save({ text: head.text, how: 'keep', head });
    } else {
      question = t('syncAskKeepMine');
      run = () => this.save({ text: this.unsaved, how: 'keep', head: null });
    }
    replaceChildren(this.confirmBox, h('p', {}, question + discards),
      h('button', { type: 'button', id: 'sync-confirm-yes', onclick: run }, head?.deleted ? t('syncYesDelete') : t('syncYesKeep')), ' ',
      h('button', { type: 'button', className: 'secondary', id: 'sync-confirm-no', onclick: () => { this.confirmBox.hidden = true; } }, t('back')));
    this.confirmBox.hidden = false;
  }

  async save(choice) {
    this.confirmBox.hidden = true;
    this.setBusy(true);
    this.setStatus('saving', t('statusSaving'));
    const answer = choice.how === 'delete' ? await this.actions.keepDeleted(choice) : await this.actions.keep(choice);
    if (!this.section.hidden && this.conflict) this.setBusy(false);
    if (answer && !answer.ok && answer.message) this.setStatus('error', t('syncNotSaved', answer.message));
  }

  setBusy(busy) {
    for (const button of this.section.querySelectorAll('button')) {
      button.disabled = busy || (this.waiting && button.id !== 'sync-refresh' && button.id !== 'sync-confirm-no');
    }
  }

  setStatus(kind, text) {
    if (!this.status) return;
    this.status.dataset.kind = kind;
    this.status.textContent = text;
  }
}
