// A note in conflict opened from a list (the vault page, or earlier notes in the panel):
// the side-by-side view in a box of its own, with nothing typed elsewhere to keep. The
// choice is saved naming every head; a refusal because yet another version arrived shows
// the view again, with the chosen text kept as a column of its own.
import { describe } from './problems.js';
import { fetchConflict, headVersions, liveHeads, saveOverAllHeads, SyncConflictView } from './sync-conflict.js';
import { t } from './i18n.js';

/**
 * Show the conflict of `noteId` in `box`. `done(note)` runs once it is settled (`note` is the
 * note as saved, or null when it was deleted). Resolves false when the note is not (or no
 * longer) in conflict, so the caller shows it as usual.
 */
export async function showConflict(box, call, noteId, done) {
  let conflict = await fetchConflict(call, noteId);
  if (!conflict.ok || !conflict.conflict) return false;
  let unsaved = null;
  const failure = (result) => ({ ok: false, message: describe(result.problem, result.error).title });

  async function again(text) {
    const next = await fetchConflict(call, noteId);
    if (!next.ok) return failure(next);
    if (!next.conflict) { // settled elsewhere meanwhile: nothing chosen here was saved
      view.hide();
      done(null, t('settledElsewhere'));
      return { ok: false };
    }
    conflict = next;
    unsaved = liveHeads(conflict).some((head) => head.text === text) ? null : text;
    view.show(conflict, unsaved);
    return { ok: false };
  }

  async function save(text) {
    const result = await saveOverAllHeads(call, noteId, text, headVersions(conflict));
    if (result.ok) {
      view.hide();
      return { ok: true, note: result.body };
    }
    if (result.status === 409 && result.error?.error === 'stale_version') return again(text);
    return failure(result);
  }

  const view = new SyncConflictView(box, {
    keep: async ({ text }) => {
      const saved = await save(text);
      if (saved.ok) done(saved.note);
      return saved;
    },
    keepDeleted: async () => {
      const saved = await save(liveHeads(conflict)[0].text);
      if (!saved.ok) return saved;
      const deleted = await call('POST', `/v1/notes/${encodeURIComponent(noteId)}/delete`, { base_version: saved.note.version });
      if (deleted.ok) done(null);
      else done(saved.note, t('joinedNotDeleted', describe(deleted.problem, deleted.error).title));
      return { ok: true };
    },
    refresh: () => again(unsaved),
  });
  view.show(conflict, null);
  return true;
}
