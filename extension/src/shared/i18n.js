// Every word the extension pages show comes from _locales/<lang>/messages.json through the
// browsers' i18n API, so a translation is a new catalogue and never a code change.
import { api } from './browser.js';

/** The catalogue's message `key`, with $1, $2... filled from `subs`. */
export function t(key, ...subs) {
  const text = api.i18n.getMessage(key, subs.map((sub) => String(sub ?? '')));
  return text || key; // an unknown key shows itself (tests/extension/test_words.py fails on it first)
}

/** The browser's language, for dates and numbers. */
export const uiLanguage = () => api.i18n.getUILanguage?.() ?? 'en';

const ATTRIBUTES = { 'data-i18n-placeholder': 'placeholder', 'data-i18n-label': 'aria-label', 'data-i18n-title': 'title' };

/** Fills the static words of an extension page: data-i18n (text) and data-i18n-* (attributes). */
export function localizePage(root = document) {
  document.documentElement.lang = uiLanguage();
  for (const element of root.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  for (const [data, attribute] of Object.entries(ATTRIBUTES)) {
    for (const element of root.querySelectorAll(`[${data}]`)) element.setAttribute(attribute, t(element.getAttribute(data)));
  }
  const title = document.querySelector('title[data-i18n]');
  if (title) document.title = title.textContent;
}

/** The message `key` when the catalogue has it, else `fallback` (e.g. a new audit action). */
export function tOr(key, fallback, ...subs) {
  return api.i18n.getMessage(key, subs.map(String)) || fallback;
}
