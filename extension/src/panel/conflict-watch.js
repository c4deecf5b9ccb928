// The panel's side of a sync conflict. When the note open here has more than one head (it
// was changed on two computers before they synced) the editor gives way to the side-by-side
// view, autosave stops (NoteSaver never saves with one head of several as its base), and the
// clinician's choice is saved naming every head. Text typed here is never dropped: unsaved
// text shows as its own column, and a choice refused because yet another version arrived
// comes back as this panel's text.
import { describe } from '../shared/problems.js';
import { fetchConflict, headVersions, liveHeads, SyncConflictView } from '../shared/sync-conflict.js';
import { t } from '../shared/i18n.js';

const WATCH_MS = 5000;
const sameHeads = (a, b) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

export class PanelConflict {
  /**
   * @param {object} options
   * @param {HTMLElement} options.section where the side-by-side view goes
   * @param {import('./autosave.js').NoteSaver} options.saver
   * @param {Function} options.call daemon call
   * @param {() => Promise<object[]|null>} options.summaries note summaries (no text) to watch
   * @param {(outcome: string, message?: string) => void} options.onSettled saved | deleted | reload
   */
  constructor({ section, saver, call, summaries, onSettled }) {
    this.saver = saver;
    this.call = call;
    this.summaries = summaries;
    this.onSettled = onSettled;
    this.shownFor = null; // the heads the view on screen is about
    this.view = new SyncConflictView(section, {
      keep: (choice) => this.keep(choice),
      keepDeleted: () => this.keepDeleted(),
      refresh: () => this.show(),
    });
    this.watchTimer = setInterval(() => this.watch(), WATCH_MS);
  }

  get holdsText() {
    return this.view.holdsText;
  }

  get showing() {
    return this.shownFor !== null;
  }

  /** Called after every change of the saver: open or close the view. */
  follow() {
    const { saver } = this;
    if (saver.status !== 'sync_conflict') {
      if (this.shownFor !== null && !saver.inFlight) this.hide();
      return;
    }
    if (this.shownFor !== saver.note.heads.join()) this.show();
  }

  hide() {
    this.shownFor = null;
    this.conflict = null;
    this.view.hide();
  }

  async show() {
    const { saver } = this;
    const noteId = saver.note.id;
    this.shownFor = saver.note.heads.join();
    const conflict = await fetchConflict(this.call, noteId);
    if (saver.note?.id !== noteId || saver.status !== 'sync_conflict') { // moved on meanwhile
      this.shownFor = null;
      return;
    }
    if (!conflict.ok) {
      this.shownFor = null;
      this.view.setStatus('error', describe(conflict.problem, conflict.error).title);
      return;
    }
    if (!conflict.conflict) {
      // Settled on another computer meanwhile. Unsaved text here stays: the next save of it
      // meets the classic "changed elsewhere" view.
      this.hide();
      this.onSettled('reload');
      return;
    }
    this.conflict = conflict;
    this.shownFor = headVersions(conflict).join();
    saver.note = { ...saver.note, heads: headVersions(conflict) };
    const texts = liveHeads(conflict).map((head) => head.text);
    const unsaved = saver.text && !texts.includes(saver.text) ? saver.text : null;
    this.view.show(conflict, unsaved);
  }

  async keep({ text }) {
    const answer = await this.saver.resolveSync(text, headVersions(this.conflict));
    return this.after(answer, 'saved');
  }

  /** Keep the delete: the versions are joined (naming every head), then the note deleted. */
  async keepDeleted() {
    const kept = liveHeads(this.conflict)[0];
    const answer = await this.saver.resolveSync(kept.text, headVersions(this.conflict));
    if (!answer.ok) return this.after(answer, 'saved');
    const id = encodeURIComponent(answer.note.id);
    const deleted = await this.call('POST', `/v1/notes/${id}/delete`, { base_version: answer.note.version });
    this.hide();
    if (deleted.ok) this.onSettled('deleted');
    else this.onSettled('saved', t('joinedNotDeleted', describe(deleted.problem, deleted.error).title));
    return { ok: deleted.ok };
  }

  after(answer, outcome) {
    if (answer.ok) {
      this.hide();
      this.onSettled(outcome);
      return answer;
    }
    if (answer.again) {
      // Yet another version arrived: look again, with the chosen text kept as this panel's.
      this.shownFor = null;
      if (this.saver.status === 'sync_conflict') this.show(); else this.hide();
      return answer;
    }
    return { ok: false, message: describe(answer.failure.problem, answer.failure.error).title };
  }

  /** Look for versions that came from another computer while this note is open. */
  async watch() {
    const { saver } = this;
    if (!saver.note || saver.inFlight || document.hidden) return;
    const listed = await this.summaries();
    const summary = listed?.find((candidate) => candidate.id === saver.note?.id);
    if (!summary || !saver.note || saver.inFlight || sameHeads(summary.heads, saver.note.heads)) return;
    if (saver.status === 'sync_conflict') {
      if (!this.holdsText) this.show(); // new heads, or settled elsewhere: show what is true now
    } else if (summary.conflict) {
      saver.diverge(summary.heads);
    } else if (!saver.dirty && saver.status === 'saved') {
      this.onSettled('reload'); // a newer version from another computer, nothing typed here
    }
  }
}
