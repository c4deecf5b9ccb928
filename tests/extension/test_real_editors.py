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
    guard,
    guard_environment,
    page_saves,
    paste,
    wait_guard,
    words,
)

pytestmark = pytest.mark.browser

EDITORS = [
    "tinymce", "tinymce-inline", "ckeditor4", "ckeditor5-classic", "ckeditor5-inline",
    "ckeditor5-balloon", "ckeditor5-decoupled", "quill", "prosemirror", "tiptap", "lexical",
    "slate", "draftjs", "trix", "summernote", "react-textarea", "react-contenteditable",
    "vue-textarea", "angular-textarea",
]  # fmt: skip

# How each library's own model reads, through its API (or, for the React and Vue fields, the
# framework's own record of the state): what the EHR would save, whatever the DOM shows.
# React keeps two copies of each fiber and a DOM node may name the stale one, so the current
# one is found from the root the note was rendered into.
_CURRENT_FIBER = (
    "((el) => { const box = document.getElementById('note');"
    " const todo = [box[Object.keys(box).find((k) => k.startsWith('__reactContainer'))]"
    ".stateNode.current];"
    " while (todo.length) { const f = todo.pop(); if (f.stateNode === el) return f;"
    " if (f.child) todo.push(f.child); if (f.sibling) todo.push(f.sibling); } return null; })"
)
_REACT_PROP = (
    f"((el, name) => {{ let f = {_CURRENT_FIBER}(el);"
    " while (f && !(f.memoizedProps && name in f.memoizedProps)) f = f.return;"
    " return f && f.memoizedProps[name]; })"
)
_NOTE = "document.getElementById('note')"
EDITOR_STATE = {
    "tinymce": "window.__noteEditor.getContent({format: 'text'})",
    "tinymce-inline": "window.__noteEditor.getContent({format: 'text'})",
    "ckeditor4": "window.__noteEditor.getData()",
    "ckeditor5-classic": "window.__noteEditor.getData()",
    "ckeditor5-inline": "window.__noteEditor.getData()",
    "ckeditor5-balloon": "window.__noteEditor.getData()",
    "ckeditor5-decoupled": "window.__noteEditor.getData()",
    "quill": "window.__noteEditor.getText()",
    "prosemirror": "window.__noteEditor.state.doc.textContent",
    "tiptap": "window.__noteEditor.state.doc.textContent",
    "lexical": "JSON.stringify(window.__noteEditor.getEditorState().toJSON())",
    "slate": f"JSON.stringify({_REACT_PROP}({_NOTE}.querySelector('[data-slate-editor]'),"
    " 'editor').children)",
    "draftjs": f"{_REACT_PROP}({_NOTE}.querySelector('[contenteditable]'), 'editorState')"
    ".getCurrentContent().getPlainText()",
    "trix": "window.__noteEditor.editor.getDocument().toString()",
    "summernote": "window.jQuery('#note').summernote('code')",
    "react-textarea": f"{_REACT_PROP}({_NOTE}.querySelector('textarea'), 'value')",
    "react-contenteditable": f"{_CURRENT_FIBER}(document.getElementById('note-field'))"
    ".return.memoizedState.memoizedState",
    "vue-textarea": f"{_NOTE}._vnode.component.subTree.props.value",
    "angular-textarea": f"window.ng.getComponent({_NOTE}.firstElementChild).text",
}
assert sorted(EDITOR_STATE) == sorted(EDITORS)

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


@pytest.mark.parametrize("name", EDITORS)
def test_remove_them_through_the_editors_own_model(env: Env, name: str) -> None:
    """The "Remove them" answer deletes the pasted words as a key press would, so an editor
    that keeps its own model (CKEditor 5, Lexical, Slate, Draft.js...) drops them from that
    model too, does not put them back, and the next Sign goes through unasked."""
    page = open_screen(env, name)
    try:
        focus_note(page)
        page.keyboard.type(UNRELATED)
        wait_guard(page, lambda g: g["fresh"] and "hygiene" in g["text"], "typed text")
        page.keyboard.press("Control+End")
        paste(page, f" {PASTED}")
        wait_guard(page, lambda g: g["fresh"] and g["matches"] > 0, "the paste marked")
        assert "spoons" in page.evaluate(EDITOR_STATE[name]), f"{name}'s model holds the paste"
        saves = len(page_saves(page))
        page.click("#sign-note")
        wait_guard(page, lambda g: g["dialog"] is not None, "the question on Sign")
        answer(page, "remove")
        state = wait_guard(
            page,
            lambda g: g["fresh"] and g["dialog"] is None and "spoons" not in g["text"],
            "the words removed",
        )
        assert state["matches"] == 0 and words(state["text"]) == words(UNRELATED)
        assert state["removedBy"] and "direct" not in state["removedBy"], state["removedBy"]
        page.wait_for_timeout(700)  # long enough for an editor to put its model's text back
        model = page.evaluate(EDITOR_STATE[name])
        assert "spoons" not in model and "kitchen" not in model, f"{name}'s own model: {model}"
        assert "hygiene" in model, f"{name}'s own model lost the clinician's text: {model}"
        assert len(page_saves(page)) == saves, "Remove them does not sign"
        state = wait_guard(page, lambda g: g["fresh"], "the field checked again")
        assert state["matches"] == 0 and "spoons" not in state["text"], "nothing put back"
        page.click("#sign-note")
        expect(page.locator("#page-status")).to_have_text("Note signed")
        assert guard(page)["dialog"] is None, "nothing private left: the Sign is not held"
    finally:
        page.close()
