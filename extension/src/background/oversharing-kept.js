// "Keep" on an over-sharing mark, remembered for the note across reloads (issue 21). The
// worker keeps no sentence: only a keyed hash (HMAC-SHA-256) of the sentence, its words
// folded to lower case and single spaces, bound to the site and the note's context as the
// content script read it (client, client id, appointment date and id; the page's address
// when the page shows none of them). The key is random, made by the worker once per browser
// session; key and hashes live in storage.session: in memory only, out of content scripts'
// reach (its default access level), kept while the worker sleeps and across reloads, gone
// when the browser closes. Without the key a hash cannot be checked against guessed
// sentences; the same sentence on another client's or another day's note is flagged again.
import { api } from '../shared/browser.js';
import { recall } from './contexts.js';

const KEY_NAME = 'oversharing_kept_key';
const KEPT_NAME = 'oversharing_kept';
const MAX_KEPT = 2000; // the oldest go first: a day's notes keep a few each

let madeKey = null; // made synchronously: two messages at once get the same key

async function hmacKey() {
  let encoded = (await api.storage.session.get(KEY_NAME))[KEY_NAME];
  if (typeof encoded !== 'string') {
    madeKey ??= btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
    encoded = madeKey;
    await api.storage.session.set({ [KEY_NAME]: encoded });
  }
  const raw = Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0));
  return crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

/** The note a kept flag holds for: the site and what the page said about the session. */
async function noteScope(tabId, site, pageUrl) {
  const report = await recall(tabId);
  const context = report?.site === site ? report.context ?? {} : {};
  const said = [report?.site === site ? report.client : null, context.client_ref, context.appointment_date, context.appointment_ref]
    .map((value) => value ?? '');
  if (said.some(Boolean)) return [site, ...said];
  return [site, typeof pageUrl === 'string' ? pageUrl.split('#')[0] : ''];
}

const sameSentence = (text) => text.replace(/\s+/g, ' ').trim().toLowerCase();

async function hashesOf(scope, sentences) {
  const key = await hmacKey();
  const encoder = new TextEncoder();
  return Promise.all(sentences.map(async (sentence) => {
    const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(JSON.stringify([...scope, sameSentence(sentence)])));
    return btoa(String.fromCharCode(...new Uint8Array(mac)));
  }));
}

async function keptHashes() {
  const stored = (await api.storage.session.get(KEPT_NAME))[KEPT_NAME];
  return Array.isArray(stored) ? stored : [];
}

/** The clinician chose Keep on `sentence` (the EHR's own text) in this tab's note. */
export async function rememberKept({ tabId, site, pageUrl, sentence }) {
  const [hash] = await hashesOf(await noteScope(tabId, site, pageUrl), [sentence]);
  const kept = (await keptHashes()).filter((each) => each !== hash);
  await api.storage.session.set({ [KEPT_NAME]: [...kept, hash].slice(-MAX_KEPT) });
}

/** `findings` (offsets into `text`) but the sentences kept on this tab's note. */
export async function withoutKept({ tabId, site, pageUrl, text, findings }) {
  if (!findings.length) return findings;
  const kept = new Set(await keptHashes());
  if (!kept.size) return findings;
  const hashes = await hashesOf(await noteScope(tabId, site, pageUrl), findings.map((f) => text.slice(f.start, f.end)));
  return findings.filter((_, index) => !kept.has(hashes[index]));
}
