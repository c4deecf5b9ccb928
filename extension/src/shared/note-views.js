// Lists and read-only views of notes, shared by the panel and the vault page. Note text is
// only ever put into the DOM of these extension pages, and only as text (textContent).
import '../generated/adapters-data.js';
import { h, replaceChildren } from './dom.js';
import { t } from './i18n.js';

const siteNames = Object.fromEntries(globalThis.MarginAdapterData.map((adapter) => [adapter.id, adapter.name]));
/** The EHR's name; a page the generic adapter read is named by its host name when known. */
export const siteName = (id, host = null) => (id === 'generic' ? host ?? t('siteOther') : siteNames[id] ?? id ?? '');

export function describeNote(summary) {
  const parts = [summary.context?.appointment_date ?? summary.created?.slice(0, 10), siteName(summary.context?.site), summary.client];
  return parts.filter(Boolean).join(' · ') + (summary.deleted ? t('deletedSuffix') : '');
}

/** A list of note summaries; `open(summary)` when one is chosen. */
export function renderNoteList(list, notes, open, emptyText, label = describeNote) {
  if (!notes.length) {
    replaceChildren(list, h('li', { className: 'empty' }, emptyText));
    return;
  }
  replaceChildren(list, notes.map((summary) => h('li', { dataset: { conflict: String(Boolean(summary.conflict)) } },
    h('button', { type: 'button', dataset: { noteId: summary.id }, onclick: () => open(summary) }, label(summary)),
    summary.conflict ? conflictBadge() : null,
    summary.snippet ? h('span', { className: 'snippet' }, summary.snippet) : null)));
}

/** The mark of a note changed on two computers before they synced: both versions wait. */
export function conflictBadge() {
  return h('span', { className: 'conflict-badge', title: t('conflictBadgeTitle') }, t('conflictBadge'));
}

/** One note's (or version's) text, read-only, with optional action buttons. */
export function showReader(box, heading, text, actions = []) {
  replaceChildren(box,
    h('h2', {}, heading),
    h('div', { className: 'reader', id: 'reader-text' }, text),
    actions.map(([label, act]) => h('button', { type: 'button', className: 'secondary', onclick: act }, label)),
    h('button', { type: 'button', className: 'secondary', id: 'reader-close', onclick: () => { box.hidden = true; replaceChildren(box); } }, t('close')));
  box.hidden = false;
}

export function renderHistory(list, versions, open) {
  replaceChildren(list, [...versions].reverse().map((version, index) => h('li', {},
    h('button', { type: 'button', dataset: { versionId: version.id }, onclick: () => open(version) },
      `${version.time.replace('T', ' ').slice(0, 19)}${index === 0 ? t('currentSuffix') : ''}${version.deleted ? t('deletedSuffix') : ''}`))));
}

/** Two versions side by side after a 409: the clinician's unsaved text and the saved one. */
export function renderConflict(section, conflict, choose) {
  const mine = h('textarea', { id: 'conflict-mine', value: conflict.mine, autocomplete: 'off' });
  const saved = h('textarea', { id: 'conflict-current', readOnly: true, value: conflict.current.text, autocomplete: 'off' });
  replaceChildren(section,
    h('h2', {}, t('conflictHeading')),
    h('p', {}, t('conflictHelp')),
    h('div', { className: 'conflict-columns' },
      h('label', {}, t('conflictMine'), mine),
      h('label', {}, t('conflictSaved'), saved)),
    h('button', { type: 'button', id: 'keep-mine', onclick: () => choose(mine.value) }, t('keepMine')), ' ',
    h('button', { type: 'button', id: 'keep-both', onclick: () => choose(`${conflict.current.text}\n\n---\n\n${mine.value}`) }, t('keepBoth')), ' ',
    h('button', { type: 'button', id: 'keep-saved', className: 'secondary', onclick: () => {
      // eslint-disable-next-line no-alert -- the one place where typed text could be thrown away
      if (confirm(t('keepSavedConfirm'))) choose(conflict.current.text);
    } }, t('keepSaved')));
  section.hidden = false;
}
