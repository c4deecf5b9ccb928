// Underlines for the misplacement check. A textarea cannot style a range of its text, so a
// mirror layer sits behind a transparent textarea: the same text, laid out the same way, with
// each flagged sentence in a <mark> whose text is invisible and whose underline shows through.
// The textarea stays the editor (typing, selection, undo, autosave are untouched); the mirror
// is redrawn at most once a frame. Note text only ever enters this extension page's DOM as
// text nodes, never as markup.
import { h, replaceChildren } from '../shared/dom.js';
import { categoryName } from '../shared/findings.js';
import { t } from '../shared/i18n.js';

export class LintMirror {
  /**
   * @param {HTMLTextAreaElement} textarea the note editor
   * @param {object} parts `reason` (the line that explains the sentence at the caret) and
   *   `list` (a <details> listing every flagged sentence)
   */
  constructor(textarea, { reason, list }) {
    this.textarea = textarea;
    this.reasonLine = reason;
    this.list = list;
    this.findings = [];
    this.text = '';
    this.isQuiet = () => false;
    this.frame = 0;
    this.mirror = h('div', { className: 'lint-mirror', id: 'lint-mirror', 'aria-hidden': 'true' });
    this.tip = h('div', { className: 'lint-tip', id: 'lint-tip', role: 'tooltip', hidden: true });
    const field = h('div', { className: 'lint-field' });
    textarea.replaceWith(field);
    field.append(this.mirror, textarea, this.tip);
    textarea.classList.add('lint-editor');
    textarea.addEventListener('scroll', () => this.syncScroll());
    textarea.addEventListener('mousemove', (event) => this.hover(event));
    textarea.addEventListener('mouseleave', () => { this.tip.hidden = true; });
    for (const type of ['keyup', 'click', 'focus', 'select']) textarea.addEventListener(type, () => this.explainCaret());
    textarea.addEventListener('blur', () => { this.tip.hidden = true; });
  }

  /** Show `findings` for `text`; `isQuiet(finding)` marks an acknowledged safety finding. */
  show(text, findings, isQuiet = this.isQuiet) {
    this.text = text;
    this.findings = [...findings].sort((a, b) => a.start - b.start);
    this.isQuiet = isQuiet;
    if (!this.frame) this.frame = requestAnimationFrame(() => this.draw());
  }

  draw() {
    this.frame = 0;
    const { text } = this;
    const pieces = [];
    let at = 0;
    this.findings.forEach((finding, index) => {
      const start = Math.max(finding.start, at);
      const end = Math.min(finding.end, text.length);
      if (end <= start) return;
      if (start > at) pieces.push(text.slice(at, start));
      pieces.push(h('mark', {
        className: `lint-mark${this.isQuiet(finding) ? ' quiet' : ''}`,
        dataset: { category: finding.category, severity: finding.severity, index: String(index) },
      }, text.slice(start, end)));
      at = end;
    });
    pieces.push(text.slice(at));
    pieces.push('\u200b'); // a final line break in a textarea still takes a line; so must it here
    replaceChildren(this.mirror, pieces);
    this.syncScroll();
    this.drawList();
    this.explainCaret();
  }

  syncScroll() {
    this.mirror.scrollTop = this.textarea.scrollTop;
    this.mirror.scrollLeft = this.textarea.scrollLeft;
  }

  describe(finding) {
    const quiet = this.isQuiet(finding) ? t('lintQuietSuffix') : '';
    return `${categoryName(finding.category)}: ${finding.message}${quiet}`;
  }

  /** The reason for the sentence under the pointer (the marks are behind the textarea). */
  hover(event) {
    const marks = this.mirror.querySelectorAll('mark');
    const hit = [...marks].find((mark) => [...mark.getClientRects()].some((rect) =>
      event.clientX >= rect.left && event.clientX <= rect.right && event.clientY >= rect.top && event.clientY <= rect.bottom));
    if (!hit) { this.tip.hidden = true; return; }
    const finding = this.findings[Number(hit.dataset.index)];
    this.tip.textContent = this.describe(finding);
    this.tip.dataset.severity = finding.severity;
    const box = this.textarea.getBoundingClientRect();
    this.tip.hidden = false;
    const room = box.width - this.tip.offsetWidth; // keep the whole tip inside the editor
    this.tip.style.left = `${Math.max(0, Math.min(event.clientX - box.left - 20, room))}px`;
    this.tip.style.top = `${event.clientY - box.top + 18}px`;
  }

  /** The reason for the sentence the caret is in, for keyboard and screen-reader users. */
  explainCaret() {
    const caret = this.textarea.selectionStart;
    const finding = document.activeElement === this.textarea
      ? this.findings.find((f) => caret >= f.start && caret <= f.end) : null;
    let said = '';
    if (finding) said = t(finding.severity === 'hint' ? 'lintHintCaret' : 'lintCaret', this.describe(finding));
    if (this.reasonLine.textContent !== said) this.reasonLine.textContent = said;
    this.reasonLine.dataset.severity = finding?.severity ?? '';
  }

  drawList() {
    const summary = this.list.querySelector('summary');
    // Hints are not record content: marked gently and explained at the caret, not counted here.
    const items = this.findings.filter((finding) => finding.end <= this.text.length && finding.severity !== 'hint');
    summary.textContent = items.length === 1 ? t('lintOne') : t('lintMany', items.length);
    this.list.hidden = items.length === 0;
    replaceChildren(this.list.querySelector('ol'), items.map((finding) => h('li', { dataset: { category: finding.category } },
      h('button', { type: 'button', className: 'link', onclick: () => this.select(finding) }, categoryName(finding.category)),
      ` ${finding.message}`)));
  }

  /** Select a flagged sentence in the editor (from the list). */
  select(finding) {
    this.textarea.focus();
    this.textarea.setSelectionRange(finding.start, finding.end);
    this.explainCaret();
  }
}
