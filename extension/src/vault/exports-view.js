// The vault page's export check: drop (or choose) a file exported from the EHR and see, for
// the file and every archive member, whether it is clean, leaks private notes (which notes,
// where) or cannot be verified (why); and the watched folders with their recent results.
// Reports name notes by id and places by page or member: they never hold private text. Pages
// holding a finding are shown as thumbnails with it outlined (where-view.js).
import { hasSidebar } from '../shared/browser.js';
import { h, replaceChildren } from '../shared/dom.js';
import { ask } from '../shared/messages.js';
import { describe } from '../shared/problems.js';
import { verdictName } from '../shared/findings.js';
import { t } from '../shared/i18n.js';
import { whereShown } from './where-view.js';

const WATCH_REFRESH_MS = 5000;
const PROGRESS_REFRESH_MS = 400; // while a dropped file is checked: a long PDF takes minutes

export class ExportsView {
  /**
   * @param {object} parts elements of the view (see vault.html, #exports-view)
   * @param {object} notes `label(id)` names a note for the clinician, `open(id)` shows it
   */
  constructor(parts, notes) {
    this.parts = parts;
    this.notes = notes;
    this.watchTimer = null;
    this.newestShown = 0;
    const { zone, picker } = parts;
    zone.addEventListener('dragover', (event) => { event.preventDefault(); zone.classList.add('over'); });
    zone.addEventListener('dragleave', () => zone.classList.remove('over'));
    zone.addEventListener('drop', (event) => {
      event.preventDefault();
      zone.classList.remove('over');
      this.check([...event.dataTransfer.files]);
    });
    // A file dropped beside the zone must not make the browser open it in place of this page.
    for (const type of ['dragover', 'drop']) window.addEventListener(type, (event) => event.preventDefault());
    picker.addEventListener('change', () => { this.check([...picker.files]); picker.value = ''; });
    parts.dismiss.addEventListener('click', () => this.dismiss());
  }

  /** Check the files one after the other; each report is shown as it arrives. */
  async check(files) {
    const { status, reports } = this.parts;
    replaceChildren(reports);
    for (const [index, file] of files.entries()) {
      status.dataset.kind = 'saving';
      status.textContent = t('checkingFile', file.name, index + 1, files.length);
      const url = URL.createObjectURL(file); // the worker reads the bytes from it, in this origin only
      const stopProgress = this.followProgress(file.name);
      const result = await ask('scan_upload', { url, name: file.name, ...(hasSidebar ? { file } : {}) }); // Firefox: see exports.js
      stopProgress();
      URL.revokeObjectURL(url);
      if (result.ok) reports.append(...result.body.files.map((entry) => this.fileReport(entry)));
      else reports.append(h('div', { className: 'report-file form-error' }, t('fileNotChecked', file.name, describeFailure(result))));
    }
    status.dataset.kind = 'info';
    status.textContent = files.length ? t('checkDone') : '';
    this.refreshWatch();
  }

  /**
   * Show how far the daemon's check of `name` has got (files and members, pages of pictures
   * read by OCR) until the returned function is called. The daemon says it in `watch_state`.
   */
  followProgress(name) {
    const { progress, progressBar, progressText } = this.parts;
    let timer = null;
    let stopped = false;
    const poll = async () => {
      const result = await ask('watch_state');
      if (stopped) return;
      const check = result.ok ? result.body.checking.find((entry) => entry.name === name) : null;
      if (check) this.showProgress(check);
      timer = setTimeout(poll, PROGRESS_REFRESH_MS);
    };
    timer = setTimeout(poll, PROGRESS_REFRESH_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
      progress.hidden = true;
      progressBar.removeAttribute('value');
      progressText.textContent = '';
    };
  }

  showProgress(check) {
    const { progress, progressBar, progressText } = this.parts;
    // Pages of pictures are the slow part when there are any; otherwise files and members.
    const [done, total] = check.pages_total ? [check.pages_done, check.pages_total] : [check.files_done, check.files_total];
    progress.hidden = false;
    progressBar.max = Math.max(total, 1);
    progressBar.value = Math.min(done, total);
    progressText.textContent = check.pages_total
      ? t('checkProgressPages', check.files_done, check.files_total, check.pages_done, check.pages_total)
      : t('checkProgressFiles', check.files_done, check.files_total);
  }

  /** One file or archive member, with its members below it. */
  fileReport(entry) {
    return h('div', { className: 'report-file', dataset: { verdict: entry.verdict, path: entry.path } },
      h('strong', { className: 'report-path' }, entry.path), ' ',
      h('span', { className: 'verdict', dataset: { verdict: entry.verdict } }, verdictName(entry.verdict)),
      entry.reason ? h('span', { className: 'report-reason' }, entry.verdict === 'leak' ? t('alsoReason', entry.reason) : entry.reason) : null,
      entry.leaks.length ? h('ul', { className: 'list report-leaks' }, entry.leaks.map((leak) => h('li', {},
        t('leakWordsFrom'), this.noteLink(leak.note_id), t('leakWhere', leak.where, leak.words)))) : null,
      whereShown(entry),
      entry.members.length ? h('div', { className: 'members' }, entry.members.map((member) => this.fileReport(member))) : null);
  }

  noteLink(noteId) {
    return h('button', { type: 'button', className: 'link note-link', dataset: { noteId }, onclick: () => this.notes.open(noteId) },
      this.notes.label(noteId));
  }

  // --- watched folders --------------------------------------------------------------------------

  /** Poll while the view is shown: the worker badges and notifies, this shows the list. */
  startWatch() {
    this.stopWatch();
    this.refreshWatch();
  }

  stopWatch() {
    clearTimeout(this.watchTimer);
    this.watchTimer = null;
  }

  async refreshWatch() {
    clearTimeout(this.watchTimer);
    const result = await ask('watch_state');
    if (result.ok) this.renderWatch(result.body, result.attention ?? 0);
    else this.parts.recent.replaceChildren(h('tr', {}, h('td', { colSpan: 4 }, describeFailure(result))));
    if (!this.parts.section.hidden) this.watchTimer = setTimeout(() => this.refreshWatch(), WATCH_REFRESH_MS);
  }

  renderWatch(state, attention) {
    const { folders, waiting, recent, dismiss } = this.parts;
    replaceChildren(folders, state.folders.length
      ? state.folders.map((folder) => h('li', { className: 'watch-folder' }, folder))
      : h('li', { className: 'empty' }, t('noWatchedFolder')));
    waiting.textContent = state.waiting_for_unlock.length
      ? t('watchWaiting', state.waiting_for_unlock.length) : '';
    replaceChildren(recent, state.recent.length ? state.recent.map((result) => h('tr', { dataset: { verdict: result.verdict } },
      h('td', {}, new Date(result.time * 1000).toLocaleString()),
      h('td', { className: 'report-path' }, result.path, h('span', { className: 'snippet' }, t('fromOrigin', result.origin))),
      h('td', {}, h('span', { className: 'verdict', dataset: { verdict: result.verdict } }, verdictName(result.verdict))),
      h('td', {}, result.reason ?? '', result.leaking_notes.length
        ? h('span', {}, t('notesLabel'), result.leaking_notes.map((id, i) => [i ? ', ' : '', this.noteLink(id)])) : null)))
      : h('tr', {}, h('td', { colSpan: 4 }, t('noRecentChecks'))));
    this.newestShown = Math.max(0, ...state.recent.map((result) => result.time));
    dismiss.hidden = attention === 0;
  }

  /** "I have seen these": clears the toolbar badge until something new arrives. */
  async dismiss() {
    await ask('watch_dismiss', { until: this.newestShown });
    this.refreshWatch();
  }
}

function describeFailure(result) {
  const { title, fix } = describe(result.problem, result.error);
  return [title, ...fix].join(' ');
}
