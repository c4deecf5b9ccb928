"""Rescans are incremental (issue 13): the page's texts are kept between scans and only the
subtrees a change touched are read again. After each kind of change a page makes (texts
added, edited, moved, reordered and removed; classes that hide an element or, through a sibling
selector, its neighbour; hidden and aria-hidden; display: contents; a new style sheet; a
value typed in), the kept list must equal a fresh walk of the whole page."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Playwright

from tests.extension.ehr_server import EhrServer
from tests.extension.harness import content_script_eval, launch, open_generic_with_field

pytestmark = pytest.mark.browser

CHANGES = r"""
(async () => {
  const M = globalThis.Margin;
  const roots = M.collectRoots(document);
  const show = (items) => items.map((item) => `${item.kind}|${item.text}`).join('\n');
  const make = (tag, props) => Object.assign(document.createElement(tag), props);
  const style = make('style', { textContent: '.gone{display:none} .pane{display:none}'
    + ' .tab.on + .pane{display:block} .rows{display:contents}' });
  document.head.append(style);
  const box = make('div', { innerHTML: '<p id="a">Client: Ada Lovelace</p>'
    + '<span class="tab">Tab</span><div class="pane">Session 03/04/2026</div>'
    + '<ul id="list"><li>One</li><li>Two</li></ul><div class="rows" id="rows"></div>'
    + '<input id="in" value="first"><table><tr><td id="cell">01/02/2025</td></tr></table>'
    + '<div id="deep"><div><span>Deep text</span></div></div>' });
  document.body.append(box);
  const $ = (selector) => box.querySelector(selector);
  const steps = {
    'a text added': () => $('#list').append(make('li', { textContent: 'Three' })),
    'a text edited': () => { $('#a').firstChild.data = 'Client: Grace Hopper'; },
    'a cell replaced': () => { $('#cell').textContent = '02/03/2025'; },
    'a class hides it': () => $('#a').classList.add('gone'),
    'a class shows it again': () => $('#a').classList.remove('gone'),
    'a sibling selector shows the pane': () => $('.tab').classList.add('on'),
    'and hides it again': () => $('.tab').classList.remove('on'),
    'hidden above': () => { $('#deep').hidden = true; },
    'shown again': () => { $('#deep').hidden = false; },
    'aria-hidden above': () => $('#deep').setAttribute('aria-hidden', 'true'),
    'a box-less wrapper filled': () => { $('#rows').innerHTML = '<p>Row 1</p><p>Row 2</p>'; },
    'a text moved': () => $('#rows').append($('#list').firstElementChild),
    'a list reordered': () => $('#list').prepend($('#list').lastElementChild),
    'a text removed': () => $('#list').lastElementChild.remove(),
    'a value typed in': () => { $('#in').value = 'typed, no attribute changed'; },
    'a style sheet': () => document.head.append(make('style', { textContent: 'ul{display:none}' })),
    'a region replaced': () => { box.innerHTML = '<h2>Jane Roe</h2><p>Date: 05/06/2026</p>'; },
  };
  const last = (text) => text.split('\n').slice(-8).join(' / ');
  const wrong = [];
  M.forgetTexts();
  M.textItems(roots);
  for (const [name, change] of Object.entries(steps)) {
    change();
    const kept = show(M.textItems(roots));
    M.forgetTexts();
    const fresh = show(M.textItems(roots));
    if (kept !== fresh) wrong.push(`${name}:\n  kept:  ${last(kept)}\n  fresh: ${last(fresh)}`);
  }
  return wrong;
})()
"""


def test_kept_texts_equal_a_fresh_walk_after_each_change(
    playwright_session: Playwright, test_extension: Path, ehr_server: EhrServer, tmp_path: Path
) -> None:
    browser = launch(playwright_session, tmp_path / "profile", test_extension, ehr_server)
    try:
        page, _tab = open_generic_with_field(browser, "/progress-note.html")
        wrong = content_script_eval(page, CHANGES)
        assert wrong == [], "\n".join(wrong)
    finally:
        browser.context.close()
