// Content script, part 2c: where a correction of the context was found. When the clinician
// corrects the client or the date in the panel, the worker asks this script for the places
// on the page that show a name or a date (cs-context-candidates), keeps the place that shows
// the corrected value (a CSS locator and which part of the element's text), and gives it
// back for pages of the same shape (cs-learned-context). The clinician's words never come
// here: this script offers what the page shows, and gets locators back.
(() => {
  const M = (globalThis.Margin ??= {});
  const MAX_CANDIDATES = 300;
  M.learnedContext = {}; // {client?: {locator, part}, date?: {locator, part}} for this page's shape

  // The parts of one element's text ("Jane Doe · DOB 01/02/1990 · Session: 03/04/2026").
  const PARTS = /\s[|·•—–]\s|\s-\s|:\s|;\s/;
  const partsOf = (element) => M.shownValue(element).split(PARTS).map(M.clean);

  /** A name or a date in one part of an element's text, the same way whether offered or read. */
  function valueOf(aspect, element, part) {
    const text = partsOf(element)[part];
    if (!text) return null;
    if (aspect === 'date') return M.parseDate(text);
    // An input or a select holds nothing but the value; a text may be any words.
    return /^(?:input|select)$/.test(element.localName) ? M.acceptName(text) : M.looksLikeName(text);
  }

  /** The client or the date at the learned place on this page, or null. */
  M.learnedContextValue = function learnedContextValue(aspect, roots) {
    const spot = M.learnedContext[aspect];
    if (!spot) return null;
    for (const { element } of M.queryAll(roots, spot.locator)) return valueOf(aspect, element, spot.part);
    return null;
  };

  /** A selector whose first match in the element's own root is the element. */
  function locatorFor(element) {
    const root = element.getRootNode();
    for (let steps = 3; steps <= 12; steps += 1) {
      const selector = M.selectorFor(element, steps);
      try { if (root.querySelector(selector) === element) return selector; } catch { return null; }
    }
    return null;
  }

  /** Every place the page shows a name or a date: [{locator, part, client} | {locator, part, date}]. */
  M.contextCandidates = function contextCandidates(roots) {
    const candidates = [];
    const seen = new Set();
    for (const { element } of M.textItems(roots)) {
      if (seen.has(element) || candidates.length >= MAX_CANDIDATES) continue;
      seen.add(element);
      const parts = partsOf(element);
      let locator;
      for (let part = 0; part < parts.length && part < 8; part += 1) {
        for (const aspect of ['client', 'date']) {
          const value = valueOf(aspect, element, part);
          if (!value) continue;
          locator ??= locatorFor(element);
          if (locator && locator.length <= 500) candidates.push({ locator, part, [aspect]: value.slice(0, 200) });
        }
      }
    }
    return candidates.slice(0, MAX_CANDIDATES);
  };

  /** This page's learned places, from the worker (asked again when the address changes). */
  let loadedFor = null;
  M.loadLearnedContext = async function loadLearnedContext() {
    const here = `${location.pathname}${location.hash}`;
    if (loadedFor === here) return false;
    loadedFor = here;
    const reply = await M.send({ type: 'cs-learned-context' });
    M.learnedContext = { client: reply?.client, date: reply?.date };
    return Boolean(reply?.client || reply?.date);
  };

  M.setLearnedContext = (message) => { M.learnedContext = { client: message.client, date: message.date }; };
})();
