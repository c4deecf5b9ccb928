// Autosave that never drops typed text. The text the clinician typed lives here, in the
// panel's memory, and nowhere else (never chrome.storage, never a page) until the daemon
// acknowledges a save of exactly that text. A failed save keeps the text and retries; a
// stale save (409: the note changed elsewhere) stops and shows both versions. A note with
// more than one head (changed on two computers before they synced) is never autosaved: a
// save names one version, and only a save naming every head (resolveSync) may follow it.

const RETRY_MS = [1000, 2000, 4000, 8000, 10000];

export class NoteSaver {
  /**
   * @param {object} options
   * @param {(method: string, path: string, body?: object) => Promise<object>} options.call daemon call
   * @param {(saver: NoteSaver) => void} options.onChange called after every state change
   */
  constructor({ call, onChange, delayMs = 700 }) {
    this.call = call;
    this.onChange = onChange;
    this.delayMs = delayMs;
    this.held = false; // the panel is asking which client and date the note is for
    this.reset();
  }

  reset() {
    clearTimeout(this.timer);
    this.note = null; // {id, version, heads} of the acknowledged version this text is based on
    this.target = null; // {client, context} for a note not created yet
    this.acknowledgedText = '';
    this.text = '';
    this.status = 'idle'; // idle | pending | saving | saved | error | conflict | sync_conflict
    this.failure = null; // {problem, error} of the last failed save
    this.conflict = null; // {mine, current}
    this.inFlight = false;
    this.retries = 0;
    this.retryAtOnce = false; // the reason for the last failure has gone: skip the back-off once
  }

  /** Work on an existing note as the daemon returned it. */
  load(note) {
    this.reset();
    this.note = noteRef(note);
    this.acknowledgedText = note.text;
    this.text = note.text;
    this.status = this.diverged ? 'sync_conflict' : 'saved';
    this.emit();
  }

  /** A new note for this client and session, created on the first save. */
  startNew(target) {
    this.reset();
    this.target = target;
    this.emit();
  }

  get dirty() {
    return this.text !== this.acknowledgedText;
  }

  /** The note has several heads: no single version may be the base of a save. */
  get diverged() {
    return Boolean(this.note) && this.note.heads.length > 1;
  }

  get waitingForChoice() {
    return this.status === 'conflict' || this.status === 'sync_conflict';
  }

  edit(text) {
    this.text = text;
    if (this.waitingForChoice) return; // the conflict view decides what is saved
    if (this.dirty) {
      this.status = this.inFlight ? 'saving' : 'pending';
      this.schedule(this.delayMs);
    } else if (!this.inFlight) {
      this.status = this.note ? 'saved' : 'idle';
    }
    this.emit();
  }

  /**
   * Margin is ready again (it came back, or was unlocked): send the kept text now. A save on
   * its way was sent before, so it may still fail for the old reason; then retry at once
   * instead of waiting out a back-off of up to ten seconds with "Saved" not yet shown.
   */
  retryNow() {
    if (!this.failure) return; // nothing failed: nothing waits (while retrying, status is 'saving')
    if (this.inFlight) this.retryAtOnce = true;
    else this.flush();
  }

  schedule(ms) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), ms);
  }

  /** Send the current text now (unless a save is already on its way). */
  async flush() {
    clearTimeout(this.timer);
    if (this.inFlight || !this.dirty || this.waitingForChoice || this.diverged || (this.held && !this.note)) return;
    const sending = this.text;
    this.inFlight = true;
    this.status = 'saving';
    this.emit();
    const result = this.note
      ? await this.call('PUT', `/v1/notes/${encodeURIComponent(this.note.id)}`, { text: sending, base_version: this.note.version })
      : await this.call('POST', '/v1/notes', { text: sending, ...this.newNoteFields() });
    this.inFlight = false;
    if (result.ok) this.acknowledged(sending, result.body);
    else if (result.status === 409 && result.error?.error === 'stale_version' && result.error.current) this.stale(result.error.current);
    else this.failed(result);
    this.emit();
  }

  newNoteFields() {
    const fields = { context: this.target?.context ?? {} };
    if (this.target?.client) fields.client = this.target.client;
    return fields;
  }

  acknowledged(sentText, note) {
    this.note = noteRef(note);
    this.acknowledgedText = sentText;
    this.failure = null;
    this.retries = 0;
    this.retryAtOnce = false;
    if (this.diverged) this.status = 'sync_conflict';
    else this.status = this.dirty ? 'pending' : 'saved';
    if (this.status === 'pending') this.schedule(0); // typed while the save was on its way
  }

  stale(current) {
    if (current.conflict) {
      // Changed on two computers: the text stays here, the sync-conflict view takes over.
      this.note = noteRef(current);
      this.status = 'sync_conflict';
      return;
    }
    this.conflict = { mine: this.text, current };
    this.status = 'conflict';
  }

  /**
   * The note changed on another computer while open here: take the new version, or, when
   * text typed here is not saved, show both (the 409 view) instead of dropping either.
   */
  rebase(current) {
    if (this.inFlight) return;
    clearTimeout(this.timer);
    if (current.conflict) {
      this.note = noteRef(current);
      this.status = 'sync_conflict';
    } else if (!this.dirty) {
      this.load(current);
      return;
    } else {
      this.conflict = { mine: this.text, current };
      this.status = 'conflict';
    }
    this.emit();
  }

  /** A conflict arrived from another computer while this note was open: stop autosaving. */
  diverge(heads) {
    if (this.inFlight || !this.note) return; // the save on its way will be refused and say so
    clearTimeout(this.timer);
    this.note = { ...this.note, heads: [...heads] };
    this.status = 'sync_conflict';
    this.emit();
  }

  /**
   * The clinician chose what the note says: save `text` naming every head in `heads`.
   * Answers {ok, note} or {ok:false, again} (new versions arrived: look again; the chosen
   * text is kept as this panel's text) or {ok:false, failure}.
   */
  async resolveSync(text, heads) {
    clearTimeout(this.timer);
    if (this.inFlight || !this.note) return { ok: false, failure: { problem: 'error', error: null } };
    this.inFlight = true;
    this.emit();
    const result = await this.call('PUT', `/v1/notes/${encodeURIComponent(this.note.id)}`, { text, base_version: heads });
    this.inFlight = false;
    if (result.ok) {
      this.text = text;
      this.acknowledged(text, result.body);
      this.emit();
      return { ok: true, note: result.body };
    }
    if (result.status === 409 && result.error?.error === 'stale_version' && result.error.current) {
      this.text = text;
      this.stale(result.error.current);
      this.emit();
      return { ok: false, again: true };
    }
    this.failure = { problem: result.problem, error: result.error ?? null };
    this.emit();
    return { ok: false, failure: this.failure };
  }

  failed(result) {
    this.failure = { problem: result.problem, error: result.error ?? null };
    this.status = 'error';
    const wait = this.retryAtOnce ? 0 : RETRY_MS[Math.min(this.retries, RETRY_MS.length - 1)];
    this.retryAtOnce = false;
    this.retries += 1;
    this.schedule(wait);
  }

  /** The clinician settled the conflict: save `text` on top of the current version. */
  resolve(text) {
    const current = this.conflict.current;
    this.conflict = null;
    this.note = noteRef(current);
    this.acknowledgedText = current.text;
    this.text = text;
    if (this.diverged) this.status = 'sync_conflict';
    else this.status = this.dirty ? 'pending' : 'saved';
    this.emit();
    return this.flush();
  }

  emit() {
    this.onChange?.(this);
  }
}

/** What a save needs to know of a note as the daemon returned it. */
function noteRef(note) {
  return { id: note.id, version: note.version, heads: [...(note.heads ?? [note.version])] };
}
