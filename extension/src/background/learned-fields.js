// The fields the clinician picked where the detection found none ("pick the field"): per
// site (the page's origin), up to five CSS selectors in storage.local. Selectors only, never
// any text; listed and removable on the vault page's settings.
import { api } from '../shared/browser.js';

const KEY = 'learned_fields';
const MAX_PER_SITE = 5;

async function all() {
  return (await api.storage.local.get(KEY))[KEY] ?? {};
}

const originOf = (sender) => { try { return new URL(sender.url).origin; } catch { return null; } };
const validSelector = (value) => typeof value === 'string' && value.length >= 1 && value.length <= 500;

/** cs-learned-fields and cs-field-picked from a content script (top frame only). */
export async function handleLearnedMessage(message, sender) {
  const origin = originOf(sender);
  if (!origin || sender.frameId !== 0) return { ok: false, error: 'not_top_frame' };
  const learned = await all();
  if (message.type === 'cs-learned-fields' && Object.keys(message).length === 1) {
    return { type: 'cs-learned-fields', selectors: learned[origin] ?? [] };
  }
  if (message.type === 'cs-field-picked' && validSelector(message.selector) && Object.keys(message).length === 2) {
    learned[origin] = [message.selector, ...(learned[origin] ?? []).filter((s) => s !== message.selector)].slice(0, MAX_PER_SITE);
    await api.storage.local.set({ [KEY]: learned });
    return { ok: true };
  }
  return { ok: false, error: 'refused' };
}

export const LEARNED_MESSAGES = new Set(['cs-learned-fields', 'cs-field-picked']);

/** For the vault page: [{origin, selector}]. */
export async function learnedList() {
  return Object.entries(await all()).flatMap(([origin, selectors]) => selectors.map((selector) => ({ origin, selector })));
}

export async function forgetLearned({ origin, selector }) {
  const learned = await all();
  learned[origin] = (learned[origin] ?? []).filter((known) => known !== selector);
  if (!learned[origin].length) delete learned[origin];
  await api.storage.local.set({ [KEY]: learned });
  return { ok: true };
}

/** The panel's "Pick the field": the content script in that tab outlines the fields. */
export async function pickField(tabId) {
  try {
    await api.tabs.sendMessage(tabId, { type: 'cs-pick' });
    return { ok: true };
  } catch {
    return { ok: false, problem: 'no_content_script' };
  }
}
