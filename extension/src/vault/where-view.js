// "Show where" (issue 17): a page of a checked file holding a leak or a picture Margin could
// not read, as a thumbnail with the passage or the picture outlined, so the clinician sees at
// once what to fix in the EHR. The daemon renders the page (a small PNG of the export's own
// page, never of a private note) only for this page, which draws it here, in the extension's
// own page: onto a canvas (the page's CSP allows no data: images), with each box an outline
// placed by percentages over it.
import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';

/** The thumbnails of one file's report entry with its findings outlined, or null. */
export function whereShown(entry) {
  const thumbnails = entry.thumbnails ?? {};
  const marks = [
    ...entry.leaks.filter((leak) => leak.page).flatMap((leak) => leak.boxes.map((box) => ({ page: leak.page, box, kind: 'leak' }))),
    ...(entry.unread_pictures ?? []).map((picture) => ({ page: picture.page, box: picture.box, kind: 'unread' })),
  ];
  const pages = [...new Set([
    ...entry.leaks.map((leak) => leak.page), ...(entry.unread_pictures ?? []).map((picture) => picture.page),
  ])].filter((page) => thumbnails[page]).sort((a, b) => a - b);
  if (!pages.length) return null;
  return h('div', { className: 'report-where' },
    h('p', { className: 'where-legend' }, t('whereLegend')),
    pages.map((page) => pageShown(page, thumbnails[page], marks.filter((mark) => mark.page === page))));
}

function pageShown(page, url, marks) {
  const canvas = h('canvas', { className: 'where-page', width: 360, height: 466 });
  draw(canvas, url);
  const outlines = marks.map(({ box: [left, top, right, bottom], kind }) => {
    const outline = h('div', { className: 'where-box', dataset: { kind } });
    // Set through the style object (CSSOM), which the page's CSP allows, never as markup.
    Object.assign(outline.style, {
      left: `${left * 100}%`, top: `${top * 100}%`, width: `${(right - left) * 100}%`, height: `${(bottom - top) * 100}%`,
    });
    return outline;
  });
  const unread = marks.some((mark) => mark.kind === 'unread');
  return h('figure', { className: 'where', dataset: { page } },
    h('div', { className: 'where-frame' }, canvas, outlines),
    h('figcaption', {}, t(unread ? 'wherePageUnread' : 'wherePage', page)));
}

async function draw(canvas, url) {
  const bytes = Uint8Array.from(atob(url.slice(url.indexOf(',') + 1)), (c) => c.charCodeAt(0));
  const picture = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
  canvas.width = picture.width;
  canvas.height = picture.height;
  canvas.getContext('2d').drawImage(picture, 0, 0);
  canvas.dataset.drawn = 'true';
}
