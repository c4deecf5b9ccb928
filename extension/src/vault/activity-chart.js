// A small bar chart of audit activity per day, in plain SVG (no library): one bar a day over
// the span of the entries shown (at most the last 60 days), with a text summary for screen
// readers. Built with createElementNS and textContent only, like every other view.
import { replaceChildren } from '../shared/dom.js';
import { t, uiLanguage } from '../shared/i18n.js';

const SVG = 'http://www.w3.org/2000/svg';
const MAX_DAYS = 60;
const MIN_DAYS = 14; // a single busy day still reads as a day, not as the whole chart
const DAY_MS = 86400000;

function svg(tag, attributes, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  element.append(...children);
  return element;
}

const dayOf = (iso) => iso.slice(0, 10);

/** Counts per day, oldest first, every day of the span present (zero when nothing happened). */
export function perDay(entries) {
  if (!entries.length) return [];
  const counts = new Map();
  for (const entry of entries) counts.set(dayOf(entry.time), (counts.get(dayOf(entry.time)) ?? 0) + 1);
  const days = [...counts.keys()].sort();
  const last = Date.parse(`${days.at(-1)}T00:00:00Z`);
  const first = Math.min(Math.max(Date.parse(`${days[0]}T00:00:00Z`), last - (MAX_DAYS - 1) * DAY_MS), last - (MIN_DAYS - 1) * DAY_MS);
  const series = [];
  for (let time = first; time <= last; time += DAY_MS) {
    const day = new Date(time).toISOString().slice(0, 10);
    series.push({ day, count: counts.get(day) ?? 0 });
  }
  return series;
}

const shortDay = (day) => new Intl.DateTimeFormat(uiLanguage(), { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

/** Draw the chart of `entries` into `box`, and its one-sentence summary into `caption`. */
export function drawActivity(box, caption, entries) {
  const series = perDay(entries);
  if (!series.length) { replaceChildren(box); caption.textContent = ''; return; }
  const width = 600;
  const height = 90;
  const top = Math.max(...series.map((point) => point.count));
  const step = width / series.length;
  const bars = series.map((point, index) => {
    const barHeight = Math.max(point.count ? 2 : 0, Math.round((point.count / top) * (height - 22)));
    return svg('rect', { class: 'bar-rect', x: (index * step + 1).toFixed(1), y: height - 14 - barHeight,
      width: Math.max(1, step - 2).toFixed(1), height: barHeight }, svg('title', {}, t('chartBarTitle', shortDay(point.day), point.count)));
  });
  const summary = t('chartSummary', entries.length, shortDay(series[0].day), shortDay(series.at(-1).day), top);
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': summary },
    svg('line', { class: 'axis', x1: 0, y1: height - 13, x2: width, y2: height - 13 }), ...bars,
    svg('text', { x: 0, y: height - 2 }, shortDay(series[0].day)),
    svg('text', { x: width, y: height - 2, 'text-anchor': 'end' }, shortDay(series.at(-1).day)));
  replaceChildren(box, chart);
  caption.textContent = summary;
}
