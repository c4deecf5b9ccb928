// Where the page shows the client and the date, learned from the clinician's corrections:
// per page shape (origin and path, record ids replaced), a CSS locator and which part of
// that element's text. Locators only, never the name or the date (a locator or an address
// that would spell part of the client's name is not kept); listed and removable in settings.
import { api } from '../shared/browser.js';
import { recall } from './contexts.js';

const KEY = 'learned_context';
const MAX_SHAPES = 100;
const ASPECTS = ['client', 'date'];

/** "https://ehr.example/clients/123/notes/9?x=1" -> "https://ehr.example/clients/*\/notes/*":
 * one shape for every record of the same screen (a hash route is shaped the same way). */
export function pageShape(url) {
  let parsed;
  try { parsed = new URL(url); } catch { return null; }
  const general = (path) => path.split('/').map((part) => (/\d|^[a-f0-9-]{16,}$/i.test(part) ? '*' : part)).join('/');
  const route = parsed.hash.startsWith('#/') ? `#${general(parsed.hash.slice(1).split('?')[0])}` : '';
  return `${parsed.origin}${general(parsed.pathname)}${route}`;
}

async function all() {
  return (await api.storage.local.get(KEY))[KEY] ?? {};
}

const spotOnly = (spot) => (spot ? { locator: spot.locator, part: spot.part } : undefined);

/** cs-learned-context from a content script (top frame): this page shape's places. */
export async function handleLearnedContextMessage(message, sender) {
  if (sender.frameId !== 0 || Object.keys(message).length !== 1) return { ok: false, error: 'refused' };
  const spots = (await all())[pageShape(sender.url)] ?? {};
  return { type: 'cs-learned-context', client: spotOnly(spots.client), date: spotOnly(spots.date) };
}

// "Doe, Jane" and "jane doe" are the same name.
const nameWords = (name) => (name ?? '').normalize('NFC').toLowerCase().replace(/[.,]/g, ' ').split(/\s+/).filter(Boolean).sort().join(' ');
const spells = (locator, name) => nameWords(name).split(' ').some((word) => word.length >= 3 && locator.toLowerCase().includes(word));

function validCandidates(reply) {
  if (!Array.isArray(reply?.candidates)) return [];
  return reply.candidates.filter((candidate) => candidate && typeof candidate.locator === 'string' && candidate.locator.length <= 500
    && Number.isInteger(candidate.part) && candidate.part >= 0 && candidate.part < 8);
}

/** The panel's correction (client and date as the clinician confirmed them) for a tab: the
 * place on the page showing each corrected value is kept for this page shape, and the
 * content script told. Only what was corrected is learned; returns which were. */
export async function learnContext({ tabId, client, date }) {
  const read = await recall(tabId);
  const shape = read?.shape;
  if (!shape) return { ok: true, learned: [] };
  const wanted = {
    client: client && nameWords(client) !== nameWords(read.client) ? client : null,
    date: date && date !== read.context?.appointment_date ? date : null,
  };
  if (!wanted.client && !wanted.date) return { ok: true, learned: [] };
  // An address that spells the client's name (/clients/jane-doe) would keep the name in the
  // stored shape: nothing is learned there.
  const address = shape.slice(new URL(shape).origin.length);
  if ([client, read.client].some((name) => name && spells(address, name))) return { ok: true, learned: [] };
  let reply;
  try {
    reply = await api.tabs.sendMessage(tabId, { type: 'cs-context-candidates' }, { frameId: 0 });
  } catch {
    return { ok: false, problem: 'no_content_script' };
  }
  const candidates = validCandidates(reply);
  const found = {
    client: wanted.client && candidates.find((c) => typeof c.client === 'string' && nameWords(c.client) === nameWords(wanted.client) && !spells(c.locator, wanted.client)),
    date: wanted.date && candidates.find((c) => c.date === wanted.date),
  };
  const learned = ASPECTS.filter((aspect) => found[aspect]);
  if (!learned.length) return { ok: true, learned };
  const everything = await all();
  const spots = { ...everything[shape] };
  for (const aspect of learned) spots[aspect] = spotOnly(found[aspect]);
  delete everything[shape];
  everything[shape] = spots; // the newest last; the oldest shapes go first when there are too many
  for (const old of Object.keys(everything).slice(0, -MAX_SHAPES)) delete everything[old];
  await api.storage.local.set({ [KEY]: everything });
  api.tabs.sendMessage(tabId, { type: 'cs-learned-context', client: spots.client, date: spots.date }, { frameId: 0 }).catch(() => {
    // The page went away meanwhile; its next visit loads the places anyway.
  });
  return { ok: true, learned };
}

/** For the settings page: [{shape, aspect, locator}]. */
export async function learnedContextList() {
  return Object.entries(await all()).flatMap(([shape, spots]) => ASPECTS.filter((aspect) => spots[aspect])
    .map((aspect) => ({ shape, aspect, locator: spots[aspect].locator })));
}

export async function forgetLearnedContext({ shape, aspect }) {
  const everything = await all();
  if (everything[shape]) {
    delete everything[shape][aspect];
    if (!ASPECTS.some((name) => everything[shape][name])) delete everything[shape];
    await api.storage.local.set({ [KEY]: everything });
  }
  return { ok: true };
}
