// Content script, leak guard part 3: what the clinician sees of the guard. A small badge
// near the "Private notes" button (guard on, words found, guard off and why, only the first
// part checked) and the question asked before a save. Both live in closed shadow roots on
// hosts of their own, built with textContent only, and show only counts and dates: the
// content script never has private text to show.
(() => {
  const M = (globalThis.Margin ??= {});
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const FONT = '12px/1.3 system-ui, sans-serif';

  const setStyles = (element, styles) => {
    for (const [name, value] of Object.entries(styles)) element.style.setProperty(name, value, 'important');
  };

  function closedHost(doc, role, styles) {
    const host = doc.createElement('div');
    host.setAttribute(M.GUARD_ATTRIBUTE, role);
    setStyles(host, { position: 'fixed', margin: '0', padding: '0', border: '0', display: 'block', ...styles });
    const shadow = host.attachShadow({ mode: 'closed' });
    doc.documentElement.append(host);
    return { host, shadow };
  }

  /** "Jan 14" (this year) or "Jan 14, 2024"; null for a note without a date. */
  M.noteDay = function noteDay(isoDate) {
    const found = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate ?? '');
    if (!found) return null;
    const day = `${MONTHS[Number(found[2]) - 1]} ${Number(found[3])}`;
    return Number(found[1]) === new Date().getFullYear() ? day : `${day}, ${found[1]}`;
  };

  // What the badge says when the guard could not check, and what to do about it.
  const OFF = {
    locked: ['Margin is locked', 'Unlock Margin (its panel or "margin unlock") to check this note. Saving is not blocked.'],
    not_running: ['Margin is not running', 'Start Margin ("margin serve", or "make run" in a Margin folder) to check this note. Saving is not blocked.'],
    not_paired: ['this browser is not paired', 'Pair this browser with Margin in its panel. Saving is not blocked.'],
    no_vault: ['Margin has no vault yet', 'Create the vault in Margin\'s panel. Saving is not blocked.'],
    lna_blocked: ['the browser blocks Margin', 'Allow "local network access" for the Margin extension. Saving is not blocked.'],
    stopped: ['Margin could not finish indexing', 'Margin could not finish indexing your private notes. Lock Margin and unlock it again to retry. Saving is not blocked.'],
  };

  /** The badge's words for a guard result (see guard.js). */
  M.badgeText = function badgeText(result) {
    if (!result) return { text: 'Guard: checking…', tone: 'muted', title: '' };
    if (result.state === 'building') {
      return { text: 'Guard: indexing your private notes…', tone: 'warn', title: 'Margin is still indexing your private notes after the unlock, so it cannot check yet. It asks before the EHR saves this note.' };
    }
    if (result.state !== 'on') {
      const [why, fix] = OFF[result.state] ?? ['Margin could not check this note', 'Try again in a moment. Saving is not blocked.'];
      return { text: `Guard off: ${why}`, tone: 'off', title: fix };
    }
    const part = result.truncated ? ' (only the first part was checked)' : '';
    if (!result.matches.length) return { text: `Guard on${part}`, tone: result.truncated ? 'warn' : 'ok', title: 'Margin checks this note against your private notes.' };
    const words = M.countWords(result.matches);
    return { text: `${words} words from private notes${part}`, tone: 'warn', title: 'Marked in the note. Margin will ask before the EHR saves them.' };
  };

  const TONES = { ok: ['#1f5f3a', '#e7f4ec'], muted: ['#555', '#f1f1f1'], warn: ['#7a3b00', '#fff1c9'], off: ['#8a1c12', '#fde8e6'] };

  M.createBadge = function createBadge(doc) {
    const { host, shadow } = closedHost(doc, 'badge', { 'z-index': '2147483646', 'pointer-events': 'none' });
    const label = doc.createElement('span');
    setStyles(label, { font: FONT, padding: '3px 7px', 'border-radius': '4px', border: '1px solid currentColor', 'white-space': 'nowrap', display: 'inline-block' });
    shadow.append(label);
    return {
      host,
      show(result, notice = null) {
        const { text, tone, title } = notice ? { text: notice, tone: 'off', title: '' } : M.badgeText(result);
        label.textContent = text;
        label.title = title;
        const [color, background] = TONES[tone];
        setStyles(label, { color, background });
      },
      text: () => label.textContent,
      /** Beside the "Private notes" button (left, then right of it), else in the free space
       * around the field; never over a page control (the field's top right as a last resort). */
      place(anchor, button) {
        const rect = anchor.getBoundingClientRect();
        const buttonRect = button?.host.isConnected && button.host.ownerDocument === doc ? button.host.getBoundingClientRect() : null;
        const besideButton = buttonRect?.width
          ? [(width) => [buttonRect.left - 6 - width, buttonRect.top + 1], () => [buttonRect.right + 6, buttonRect.top + 1]] : [];
        const spot = M.freeSpot(anchor, host, besideButton);
        const right = buttonRect?.width ? buttonRect.left - 6 : rect.right;
        const top = spot?.[1] ?? (buttonRect?.width ? buttonRect.top + 1 : Math.max(0, rect.top >= 24 ? rect.top - 24 : rect.top + 2));
        const left = spot?.[0] ?? right - (host.offsetWidth || 160);
        setStyles(host, { top: `${Math.round(top)}px`, left: `${Math.max(0, Math.round(left))}px`,
          visibility: rect.width && rect.height ? 'visible' : 'hidden' });
      },
      remove: () => host.remove(),
    };
  };

  /** Words found, counting a passage two notes share once. */
  M.countWords = function countWords(matches) {
    const seen = new Map();
    for (const match of matches) {
      const key = `${match.start}:${match.end}`;
      seen.set(key, Math.max(seen.get(key) ?? 0, match.words));
    }
    return [...seen.values()].reduce((sum, words) => sum + words, 0);
  };

  /** "This progress note contains 23 words from your private note of Jan 14." */
  M.guardQuestion = function guardQuestion(result) {
    const notes = [...new Set(result.matches.map((match) => match.note_id))];
    const days = [...new Set(notes.map((id) => M.noteDay(result.matches.find((m) => m.note_id === id).note_date)).filter(Boolean))];
    const words = M.countWords(result.matches);
    let from;
    if (notes.length === 1) from = days.length ? `your private note of ${days[0]}` : 'one of your private notes';
    else from = `${notes.length} of your private notes${days.length ? ` (${days.join(', ')})` : ''}`;
    const lines = [`This progress note contains ${words} words from ${from}.`];
    if (result.truncated) lines.push('Only the first part of this progress note was checked.');
    return lines;
  };

  const LEAK_CHOICES = [['remove', 'Remove them', ['#fff', '#4b3f72']], ['save', 'Save anyway', ['#1d1d1f', '#eee']], ['back', 'Go back', ['#1d1d1f', 'transparent']]];
  const LEAK_FOOTER = 'They are marked in the note. The EHR has not saved anything yet; nothing is lost either way.';

  /** Ask before the save; resolves with the chosen choice ('remove', 'save' or 'back' unless
   *  other `choices` are given; Escape is 'back'). Only the clinician's own clicks and keys
   *  count: a page script's synthetic events are ignored. */
  M.askBeforeSave = function askBeforeSave(doc, lines, { choices = LEAK_CHOICES, footer = LEAK_FOOTER } = {}) {
    const { host, shadow } = closedHost(doc, 'dialog', { inset: '0', 'z-index': '2147483647', background: 'rgba(0, 0, 0, 0.35)' });
    const box = doc.createElement('div');
    box.setAttribute('role', 'alertdialog');
    box.setAttribute('aria-modal', 'true');
    setStyles(box, { font: '14px/1.45 system-ui, sans-serif', color: '#1d1d1f', background: '#fff', 'max-width': '440px',
      margin: '18vh auto 0', padding: '18px 20px', 'border-radius': '8px', 'box-shadow': '0 8px 30px rgba(0,0,0,.35)', 'border-top': '4px solid #b3261e' });
    const title = doc.createElement('p');
    setStyles(title, { margin: '0 0 8px', 'font-weight': '600' });
    title.textContent = lines[0];
    const detail = doc.createElement('p');
    setStyles(detail, { margin: '0 0 14px' });
    detail.textContent = [...lines.slice(1), footer].join(' ');
    box.append(title, detail);
    const buttons = {};
    return new Promise((resolve) => {
      const finish = (choice) => { doc.removeEventListener('keydown', onKey, true); host.remove(); resolve(choice); };
      const onKey = (event) => {
        if (event.isTrusted && event.key === 'Escape') { event.preventDefault(); event.stopImmediatePropagation(); finish('back'); }
      };
      for (const [choice, text, colors] of choices) {
        const button = doc.createElement('button');
        button.type = 'button';
        button.textContent = text;
        setStyles(button, { font: '600 13px/1.2 system-ui, sans-serif', color: colors[0], background: colors[1], border: '1px solid #999',
          'border-radius': '5px', padding: '6px 12px', 'margin-right': '8px', cursor: 'pointer' });
        button.addEventListener('click', (event) => {
          event.preventDefault();
          event.stopPropagation();
          if (event.isTrusted) finish(choice);
        });
        buttons[choice] = button;
        box.append(button);
      }
      shadow.append(box);
      doc.addEventListener('keydown', onKey, true);
      buttons[choices[0][0]].focus();
      M.openDialog = { lines, buttons, host, cancel: () => finish('back') };
    }).finally(() => { M.openDialog = null; });
  };
})();
