// Autosave that never drops typed text. The text the clinician typed lives here, in the
// panel's memory, and nowhere else (never chrome.storage, never a page) until the daemon
// acknowledges a save of exactly that text. A failed save keeps the text and retries; a
// stale save (409: the note changed elsewhere) stops and shows both versions.

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
    this.reset();
  }

  reset() {
    clearTimeout(this.timer);
    this.note = null; // {id, version} of the acknowledged version this text is based on
    this.target = null; // {client, context} for a note not created yet
    this.acknowledgedText = '';
    this.text = '';
    this.status = 'idle'; // idle | pending | saving | saved | error | conflict
    this.failure = null; // {problem, error} of the last failed save
    this.conflict = null; // {mine, current}
    this.inFlight = false;
    this.retries = 0;
  }

  /** Work on an existing note as the daemon returned it. */
  load(note) {
    this.reset();
    this.note = { id: note.id, version: note.version };
    this.acknowledgedText = note.text;
    this.text = note.text;
    this.status = 'saved';
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

  edit(text) {
    this.text = text;
    if (this.status === 'conflict') return; // the conflict view decides what is saved
    if (this.dirty) {
      this.status = this.inFlight ? 'saving' : 'pending';
      this.schedule(this.delayMs);
    } else if (!this.inFlight) {
      this.status = this.note ? 'saved' : 'idle';
    }
    this.emit();
  }

  schedule(ms) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), ms);
  }

  /** Send the current text now (unless a save is already on its way). */
  async flush() {
    clearTimeout(this.timer);
    if (this.inFlight || !this.dirty || this.status === 'conflict') return;
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
    this.note = { id: note.id, version: note.version };
    this.acknowledgedText = sentText;
    this.failure = null;
    this.retries = 0;
    this.status = this.dirty ? 'pending' : 'saved';
    if (this.dirty) this.schedule(0); // typed while the save was on its way
  }

  stale(current) {
    this.conflict = { mine: this.text, current };
    this.status = 'conflict';
  }

  failed(result) {
    this.failure = { problem: result.problem, error: result.error ?? null };
    this.status = 'error';
    const wait = RETRY_MS[Math.min(this.retries, RETRY_MS.length - 1)];
    this.retries += 1;
    this.schedule(wait);
  }

  /** The clinician settled the conflict: save `text` on top of the current version. */
  resolve(text) {
    const current = this.conflict.current;
    this.conflict = null;
    this.note = { id: current.id, version: current.version };
    this.acknowledgedText = current.text;
    this.text = text;
    this.status = this.dirty ? 'pending' : 'saved';
    this.emit();
    return this.flush();
  }

  emit() {
    this.onChange?.(this);
  }
}
