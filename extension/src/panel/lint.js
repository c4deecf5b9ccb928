// The misplacement check while the clinician writes. It runs off the typing path: nothing
// here is awaited by an input handler. The text goes to the daemon's linter (through the
// worker, POST /v1/lint) 800 ms after the last keystroke; an answer for a text that is no
// longer the one in the editor is dropped. Between answers the findings already shown are
// carried through each edit, so the underlines stay on their sentences while typing.

const DEFAULT_DELAY_MS = 800;

/** Where `before` and `after` differ: the common prefix and suffix lengths. */
export function editBetween(before, after) {
  const shortest = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shortest && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix += 1;
  let suffix = 0;
  while (suffix < shortest - prefix
    && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix += 1;
  return { prefix, oldEnd: before.length - suffix, delta: after.length - before.length };
}

/** Findings of `before` moved onto `after` (offsets are UTF-16 indexes, as the daemon sends). */
export function carryFindings(findings, before, after) {
  if (before === after) return findings;
  const { prefix, oldEnd, delta } = editBetween(before, after);
  const carried = [];
  for (const finding of findings) {
    if (finding.end <= prefix) carried.push(finding); // wholly before the edit
    else if (finding.start >= oldEnd) carried.push({ ...finding, start: finding.start + delta, end: finding.end + delta });
    else if (finding.start >= prefix && finding.end <= oldEnd) continue; // its sentence was replaced
    else {
      // The edit is inside the sentence (typing into it): the underline grows or shrinks with it.
      const start = Math.min(finding.start, prefix);
      const end = Math.max(start, finding.end + delta);
      if (end > start) carried.push({ ...finding, start, end });
    }
  }
  return carried;
}

export class NoteLinter {
  /**
   * @param {object} options
   * @param {(method: string, path: string, body?: object) => Promise<object>} options.call daemon call
   * @param {(text: string, findings: object[], fresh: boolean) => void} options.onFindings
   */
  constructor({ call, onFindings, delayMs = DEFAULT_DELAY_MS }) {
    this.call = call;
    this.onFindings = onFindings;
    this.delayMs = delayMs;
    this.text = '';
    this.findings = [];
    this.inFlight = false;
    this.again = false;
    this.timer = null;
    this.generation = 0; // bumped by reset: answers for a note no longer shown are dropped
  }

  /** A note was (re)loaded or cleared: forget the old findings and check it at once. */
  reset(text) {
    clearTimeout(this.timer);
    this.generation += 1;
    this.text = text;
    this.findings = [];
    this.onFindings(text, [], false);
    if (text.trim()) this.schedule(0);
  }

  /** The editor's text changed (cheap: called on every input event). */
  textChanged(text) {
    if (text === this.text) return;
    this.findings = carryFindings(this.findings, this.text, text);
    this.text = text;
    this.onFindings(text, this.findings, false);
    this.schedule(this.delayMs);
  }

  schedule(ms) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(), ms);
  }

  async run() {
    if (this.inFlight) { this.again = true; return; } // one request at a time; the newest text next
    const sent = this.text;
    const generation = this.generation;
    if (!sent.trim()) { this.accept(sent, []); return; }
    this.inFlight = true;
    const result = await this.call('POST', '/v1/lint', { text: sent });
    this.inFlight = false;
    // Stale: the clinician kept typing, or another note is shown. The newer text has its
    // own check scheduled (or is sent now if it was waiting for this one).
    // Hints (long quotations, full names: a setting, off by default) come as findings of
    // severity "hint"; the views show them gently and apart from what belongs in the record.
    if (result.ok && generation === this.generation && sent === this.text) this.accept(sent, [...result.body.findings, ...(result.body.hints ?? [])]);
    if (this.again || (generation === this.generation && sent !== this.text)) {
      this.again = false;
      this.schedule(this.delayMs);
    }
  }

  accept(text, findings) {
    this.findings = findings;
    this.onFindings(text, findings, true);
  }
}
