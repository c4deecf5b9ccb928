"""The content script and the leak guard on the real editor libraries EHRs embed (issue 13).

tests/editors/ bundles each library from npm (pinned by its lockfile) into
/_editors/NAME.js; tests/ehr_pages/generic/editors.html?editor=NAME builds a note screen
around it: a search box, the library's toolbars, a decoy of the same library ("Message to
client", "Psychotherapy Note (private)"), the progress note labelled a different way on
each screen, and a "Sign note" button whose own handler the guard must hold. For each
library: the note (not the decoy) gets the button, typed clinical text is not flagged, a
real clipboard paste of private text is marked and the Sign held, and the private rest of
the note never reaches the page. One browser serves every screen.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, Playwright, expect

from tests.extension.ehr_server import EhrServer
from tests.extension.harness import content_script_eval, screenshot
from tests.extension.test_guard import (
    PASTED,
    UNRELATED,
    Env,
    answer,
    assert_marked_exactly_the_paste,
    assert_private_rest_never_reached_the_page,
    guard_environment,
    page_saves,
    paste,
    wait_guard,
)

pytestmark = pytest.mark.browser

EDITORS = [
    "tinymce", "tinymce-inline", "ckeditor4", "ckeditor5-classic", "ckeditor5-inline",
    "ckeditor5-balloon", "ckeditor5-decoupled", "quill", "prosemirror", "tiptap", "lexical",
    "slate", "draftjs", "trix", "summernote", "react-textarea", "react-contenteditable",
    "vue-textarea", "angular-textarea",
]  # fmt: skip

WHICH_FIELD = """
(() => {
  const M = globalThis.Margin;
  const found = M.adapterFor(location).findNoteField(M.collectRoots(document));
  if (!found) return null;
  const inside = (id) => document.getElementById(id).contains(found.anchor);
  if (inside('note-area')) return 'note';
  return inside('decoy-area') ? 'decoy' : found.anchor.outerHTML.slice(0, 120);
})()
"""


@pytest.fixture(scope="module")
def env(
    playwright_session: Playwright,
    test_extension: Path,
    ehr_server: EhrServer,
    editor_bundles: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Env]:
    with guard_environment(
        playwright_session, test_extension, ehr_server, tmp_path_factory
    ) as environment:
        yield environment


def open_screen(env: Env, name: str) -> Page:
    page = env.browser.open_ehr("generic", f"/editors.html?editor={name}")
    page.wait_for_function("window.__editorsReady === true", timeout=30_000)
    tab = env.browser.tab_id(page)
    helper = env.browser.panel(tab)  # the toolbar button's on-demand detection (activeTab)
    helper.evaluate(
        "(tab) => chrome.runtime.sendMessage({type: 'find_field_here', tabId: tab})", tab
    )
    helper.close()
    env.browser.wait_report(tab, lambda r: r["field"] is not None, f"{name}'s field")
    return page


def focus_note(page: Page) -> None:
    """Click into the note as the clinician would: the iframe's body, or the editable."""
    if page.locator("#note-area iframe").count():
        page.frame_locator("#note-area iframe").first.locator("body").click()
    else:
        editable = "textarea:visible, [contenteditable]:not([contenteditable=false])"
        page.locator("#note-area").locator(editable).first.click()


@pytest.mark.parametrize("name", EDITORS)
def test_real_editor(env: Env, ehr_server: EhrServer, name: str) -> None:
    ehr_server.collected.clear()
    page = open_screen(env, name)
    try:
        assert content_script_eval(page, WHICH_FIELD) == "note", "the note, not the decoy"
        expect(page.locator("[data-margin-button]")).to_have_count(1)
        report = env.browser.stored_report(env.browser.tab_id(page))
        assert report["client"] == "Dana Whitfield"
        assert report["context"].get("appointment_date") == "2026-03-14"

        focus_note(page)
        page.keyboard.type(UNRELATED)
        state = wait_guard(page, lambda g: g["fresh"] and "hygiene" in g["text"], "typed text")
        assert state["matches"] == 0 and state["marked"] == [], "clinical text is not flagged"

        page.keyboard.press("Control+End")
        paste(page, f" {PASTED}")
        state = wait_guard(page, lambda g: g["fresh"] and g["matches"] > 0, "the paste marked")
        assert_marked_exactly_the_paste(page, state)
        screenshot(page, f"real-editor-{name}")

        saves = len(page_saves(page))
        page.click("#sign-note")
        wait_guard(page, lambda g: g["dialog"] is not None, "the question on Sign")
        assert len(page_saves(page)) == saves, "the Sign was held"
        expect(page.locator("#page-status")).to_have_text("")
        answer(page, "back")
        wait_guard(page, lambda g: g["dialog"] is None, "the question closed")
        page.wait_for_timeout(300)
        assert len(page_saves(page)) == saves, "Go back does not sign"
        expect(page.locator("#page-status")).to_have_text("")

        assert_private_rest_never_reached_the_page(env, ehr_server, page, disclosed=False)
    finally:
        page.close()
