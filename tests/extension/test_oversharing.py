"""Over-sharing marks in the EHR page, in real Chromium on the real editors (issue 21).

On each editor screen (tests/ehr_pages/generic/editors.html, tests/editors/ bundles) the
clinician types a record sentence, a safety sentence with a hunch's wording, and a hunch.
Only the hunch is marked, in the over-sharing style, with its reason at the caret and on
hover; the save is not held. "Move to my private notes" puts it in this session's private
note (through the worker and the panel, saved) and takes it out of the field through the
editor's own input path: the editor's own API (getData, getContent, its state) shows it
gone. "Keep" stops the flag on this note and audits a count, never the text; the per-site
switch in the vault page's settings turns the check off. The private note's other words
never reach the page (the spy's invariant, as in test_guard.py).
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.extension import test_real_editors
from tests.extension.ehr_server import EhrServer
from tests.extension.harness import EXTENSION_ORIGIN, content_script_eval, screenshot, wait_for
from tests.extension.test_guard import (
    Env,
    assert_private_rest_never_reached_the_page,
    page_saves,
    wait_guard,
)
from tests.extension.test_real_editors import EDITOR_STATE, focus_note, open_screen

pytestmark = pytest.mark.browser
env = test_real_editors.env  # the same browser, daemon and vault fixture, for this module

RECORD = "Client attended the scheduled session on time. Mood was euthymic and affect congruent."
SAFETY = "I wonder if she is more suicidal than she admits and will ask about a plan next week."
HUNCH = "I wonder if her lateness is really anger at her mother that she cannot say."
TYPED = f"{RECORD} {SAFETY} {HUNCH}"  # the hunch last: the caret ends in it

# The editors the move is tested on; their own state is read through their own API
# (test_real_editors.EDITOR_STATE).
MOVE_EDITORS = [
    "react-textarea", "react-contenteditable", "tinymce", "ckeditor5-classic", "quill",
    "prosemirror", "lexical",
]  # fmt: skip


def over(state: Any) -> Any:
    return state["oversharing"]


def flagged(page: Page, what: str) -> Any:
    """The guard's state once an answer for the field's current text marks one sentence."""
    return wait_guard(page, lambda g: g["fresh"] and over(g) and len(over(g)["spans"]) == 1, what)


def click_tip(page: Page, state: Any, action: str) -> None:
    """A trusted click on the tip's button (in the top page), as the clinician would."""
    box = over(state)["tip"]["buttons"][action]
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def private_note_text(env: Env) -> str:
    found = env.daemon.cli("POST", "/v1/notes/search", {"client": "Dana Whitfield"}).json()
    texts = [env.daemon.cli("GET", f"/v1/notes/{n['id']}").json()["text"] for n in found["notes"]]
    return "\n".join(texts)


def forget_session_note(env: Env) -> None:
    """Delete the session's private note: a hunch moved there would be a leak when typed again."""
    found = env.daemon.cli("POST", "/v1/notes/search", {"client": "Dana Whitfield"}).json()
    for summary in found["notes"]:
        note = env.daemon.cli("GET", f"/v1/notes/{summary['id']}").json()
        deleted = env.daemon.cli(
            "POST", f"/v1/notes/{note['id']}/delete", {"base_version": note["version"]}
        )
        assert deleted.status == 200, deleted.body


def click_note_start(page: Page) -> None:
    """Back into the note by its first line (the tip may lie over the middle of the field)."""
    if page.locator("#note-area iframe").count():
        target = page.frame_locator("#note-area iframe").first.locator("body")
    else:
        editable = "textarea:visible, [contenteditable]:not([contenteditable=false])"
        target = page.locator("#note-area").locator(editable).first
    target.click(position={"x": 8, "y": 8})


def type_note(page: Page, text: str) -> None:
    focus_note(page)
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.type(text)


@pytest.mark.parametrize("name", MOVE_EDITORS)
def test_move_to_private_notes_on_real_editor(env: Env, ehr_server: EhrServer, name: str) -> None:
    ehr_server.collected.clear()
    page = open_screen(env, name)
    panel = env.browser.panel(env.browser.tab_id(page))
    try:
        expect(panel.locator("#note-text")).to_be_editable(timeout=15_000)
        type_note(page, TYPED)
        state = flagged(page, "the hunch marked")
        spans = over(state)["spans"]
        assert squash(spans[0]["text"]) == HUNCH and spans[0]["category"] == "hypothesis"
        marked = " ".join(squash(m["text"]) for m in over(state)["marked"])
        assert marked == HUNCH, "marked: the hunch, not the record, never the safety sentence"
        assert state["matches"] == 0 and state["marked"] == [], "no leak marks"
        boxes = over(state)["boxes"][0]
        assert boxes and all(b["width"] > 0 and b["height"] > 0 for b in boxes)
        assert over(state)["tip"] is None, "no tip while typing"
        # The caret put in the hunch (it ends there): its reason and the two actions come.
        page.keyboard.press("End")
        state = wait_guard(page, lambda g: over(g)["tip"] is not None, "the tip at the caret")
        assert "speculation" in over(state)["tip"]["lines"][1]
        screenshot(page, f"oversharing-{name}")

        # Over-sharing alone never holds a save.
        saves = len(page_saves(page))
        page.click("#sign-note")
        expect(page.locator("#page-status")).to_have_text("Note signed")
        assert guard_dialog(page) is None
        assert len(page_saves(page)) >= saves

        click_note_start(page)
        page.keyboard.press("Control+End")
        state = wait_guard(page, lambda g: over(g)["tip"] is not None, "the tip again")
        click_tip(page, state, "move")
        state = wait_guard(
            page, lambda g: g["fresh"] and "lateness" not in g["text"], "the hunch out of the field"
        )
        assert "euthymic" in state["text"] and "suicidal" in state["text"]
        assert over(state)["spans"] == []
        editor_text = page.evaluate(EDITOR_STATE[name])
        assert "lateness" not in editor_text, f"{name}'s own state still holds the hunch"
        assert "euthymic" in editor_text and "suicidal" in editor_text
        in_panel = panel.locator("#note-text")
        wait_for(lambda: HUNCH in in_panel.input_value(), "the hunch in the panel")
        wait_for(lambda: HUNCH in private_note_text(env), "the hunch saved in the private note")
        assert_private_rest_never_reached_the_page(
            env, ehr_server, page, disclosed=False, control="euthymic"
        )
    finally:
        panel.close()
        page.close()
        forget_session_note(env)


def guard_dialog(page: Page) -> Any:
    return content_script_eval(page, "globalThis.Margin.guard.inspect().dialog")


def test_move_without_a_panel_changes_nothing(env: Env) -> None:
    page = open_screen(env, "prosemirror")
    try:
        type_note(page, HUNCH)
        flagged(page, "the hunch marked")
        page.keyboard.press("End")
        state = wait_guard(page, lambda g: over(g)["tip"] is not None, "the tip at the caret")
        click_tip(page, state, "move")
        state = wait_guard(page, lambda g: "Open your private notes" in g["badge"], "the notice")
        assert "lateness" in state["text"]
        assert "lateness" in page.evaluate(EDITOR_STATE["prosemirror"]), "nothing was removed"
    finally:
        page.close()


def test_keep_is_not_flagged_again_and_audited_as_a_count(env: Env) -> None:
    page = open_screen(env, "react-textarea")
    try:
        type_note(page, f"{RECORD} {HUNCH}")
        flagged(page, "the hunch marked")
        # Hover shows the reason too (the caret is moved out of the sentence first).
        click_note_start(page)
        page.keyboard.press("Control+Home")
        state = wait_guard(page, lambda g: over(g)["tip"] is None, "no tip away from the hunch")
        box = over(state)["boxes"][0][0]
        page.mouse.move(box["x"] + 5, box["y"] + box["height"] / 2)
        state = wait_guard(page, lambda g: over(g)["tip"] is not None, "the tip on hover")
        click_tip(page, state, "keep")
        state = wait_guard(page, lambda g: over(g)["spans"] == [] and over(g)["kept"] == 1, "kept")
        # A fresh check of changed text does not bring the kept sentence back.
        click_note_start(page)
        page.keyboard.press("Control+End")
        page.keyboard.type(" Plan: continue weekly sessions.")
        state = wait_guard(page, lambda g: g["fresh"] and "sessions." in g["text"], "rechecked")
        assert over(state)["spans"] == [] and over(state)["marked"] == []
        entries = env.daemon.cli("GET", "/v1/audit").json()["entries"]
        kept = [e for e in entries if e["action"] == "oversharing_kept"]
        assert kept and kept[0]["detail"] == {
            "source": "oversharing_check", "site": "generic", "category": "hypothesis", "count": 1,
        }  # fmt: skip
        assert "lateness" not in str(entries)
    finally:
        page.close()
        # Every screen here shows the same client and date, so the same note: the next
        # tests type the hunch again and expect it flagged.
        env.browser.worker.evaluate("chrome.storage.session.remove('oversharing_kept')")


def set_switch(env: Env, site: str, on: bool) -> None:
    """Turn the check on or off for a site as the clinician does: the vault page's settings."""
    vault = env.browser.context.new_page()
    try:
        vault.goto(f"{EXTENSION_ORIGIN}/src/vault/vault.html")
        vault.click("nav [data-show='settings-view']")
        box = vault.locator(f"#oversharing-{site}")
        expect(box).to_be_visible(timeout=15_000)
        if box.is_checked() != on:
            box.click()
        wait_for(
            lambda: env.browser.worker.evaluate(
                "async () => (await chrome.storage.local.get('oversharing_off_sites'))"
                ".oversharing_off_sites ?? []"
            ).count(site)
            == (0 if on else 1),
            "the switch stored",
        )
    finally:
        vault.close()


def test_per_site_switch_turns_the_check_off(env: Env) -> None:
    set_switch(env, "generic", False)
    page = open_screen(env, "quill")
    try:
        type_note(page, f"{RECORD} {HUNCH}")
        state = wait_guard(page, lambda g: g["fresh"] and "lateness" in g["text"], "checked")
        assert state["state"] == "on" and over(state)["spans"] == [] and over(state)["marked"] == []
    finally:
        page.close()
        set_switch(env, "generic", True)


def test_without_the_highlight_api_the_reason_and_actions_still_come(env: Env) -> None:
    """Browsers without the CSS Custom Highlight API (Firefox before 140): no marks in a rich
    editor (the leak guard's fallback), but the reason and the actions come at the caret.
    The content script's own view of the API is removed; the page's is untouched."""
    page = open_screen(env, "prosemirror")
    try:
        content_script_eval(
            page,
            "(Object.defineProperty(CSS, 'highlights', {value: undefined, configurable: true}),"
            " Object.defineProperty(window, 'Highlight', {value: undefined, configurable: true}),"
            " true)",
        )
        type_note(page, f"{RECORD} {HUNCH}")
        state = flagged(page, "the hunch found")
        assert over(state)["marked"] == [], "nothing to paint with"
        page.keyboard.press("End")
        state = wait_guard(page, lambda g: over(g)["tip"] is not None, "the tip at the caret")
        assert "speculation" in over(state)["tip"]["lines"][1]
    finally:
        page.close()
