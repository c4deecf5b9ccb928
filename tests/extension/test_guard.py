"""The leak guard in real Chromium (issue 6): a private paragraph pasted into the EHR's
progress note is marked, a save is held and the clinician asked; "Remove them" takes the
words out without saving, "Save anyway" saves and the disclosure is audited.

Each EHR-like page runs the hostile session-replay spy (tests/ehr_pages/spy.js), which also
counts the saves that reached the page's own handlers. The private note has a second part
that is never pasted, with distinctive words: they must never reach the page, the spy, the
content script's messages or the renderer's heap. Only the pasted paragraph (the page's own
text once pasted) and highlight geometry may show.
"""

from __future__ import annotations

import json
import os
import re
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, Playwright, expect

from tests.conftest import RunningDaemon, start_daemon, stop_daemon
from tests.extension.ehr_server import EhrServer
from tests.extension.harness import (
    EXTENSION_ORIGIN,
    ExtensionBrowser,
    content_script_eval,
    content_script_messages,
    create_vault_through_panel,
    full_dom,
    launch,
    page_heap_snapshot,
    pair_through_panel,
    screenshot,
    start_daemon_on,
    wait_for,
)
from tests.extension.test_invariant import _check_message_shapes

pytestmark = pytest.mark.browser

PASTED = (
    "She described the winter her brother left for the coast and how the kitchen felt "
    "hollow afterwards, the radio playing to nobody while she counted the spoons twice "
    "each evening before the lamps went out and the house settled into its long silence."
)
UNRELATED = (
    "Client attended the scheduled session on time. Mood was euthymic and affect "
    "congruent. We reviewed sleep hygiene and the coping plan; client agreed to continue "
    "weekly sessions."
)
QUESTION = re.compile(
    r"^This progress note contains (\d+) words from your private note of Jan 14, 2025\.$"
)


@dataclass
class Env:
    browser: ExtensionBrowser
    daemon: RunningDaemon
    passphrase: str
    note_id: str
    secret_words: list[str]


@contextmanager
def guard_environment(
    playwright: Playwright,
    extension: Path,
    server: EhrServer,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Env]:
    """A paired browser with a vault holding one private note: PASTED, then a rest with
    distinctive words that is never pasted anywhere."""
    home = tmp_path_factory.mktemp("guard-home")
    daemon = start_daemon(home)
    profile = tmp_path_factory.mktemp("guard-profile") / "profile"
    browser = launch(playwright, profile, extension, server)
    environment: Env | None = None
    try:
        browser.set_port(daemon.port)
        panel = browser.panel()
        pair_through_panel(panel, daemon)
        passphrase = create_vault_through_panel(panel)
        expect(panel.locator("#setup")).to_be_hidden()
        panel.close()
        tag = secrets.token_hex(3)
        secret_words = [f"wombat{tag}", f"lanternfish{tag}", f"gooseberry{tag}"]
        rest = (
            f"Later she spoke of the {secret_words[0]} under the stairs, the "
            f"{secret_words[1]} her father kept, and asked that the {secret_words[2]} "
            "never be written anywhere."
        )
        created = daemon.cli(
            "POST",
            "/v1/notes",
            {
                "text": f"{PASTED}\n\n{rest}",
                "client": "Guard Test",
                "context": {"site": "generic", "appointment_date": "2025-01-14"},
            },
        )
        assert created.status == 201, created.body
        environment = Env(browser, daemon, passphrase, created.json()["id"], secret_words)
        yield environment
    finally:
        try:
            browser.context.close()
        finally:
            stop_daemon(environment.daemon if environment else daemon)


@pytest.fixture(scope="module")
def env(
    playwright_session: Playwright,
    test_extension: Path,
    ehr_server: EhrServer,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Env]:
    with guard_environment(
        playwright_session, test_extension, ehr_server, tmp_path_factory
    ) as environment:
        yield environment


# name: (site, path, go to the note, focus the field, save the note)
PageAction = Callable[[Page], None]
PAGES: dict[str, tuple[str, str, PageAction, PageAction, PageAction]] = {
    "simplepractice-spa": (
        "simplepractice",
        "/",
        lambda p: p.click("#open-c-1001"),
        lambda p: p.click(".note-body"),
        lambda p: p.click("[data-testid='save-note']"),
    ),
    "therapynotes-iframe-textarea": (
        "therapynotes",
        "/Patients/Note?patientId=p-77",
        lambda p: None,
        lambda p: p.frame_locator("#note-frame").locator("#ProgressNote").click(),
        lambda p: p.frame_locator("#note-frame").locator("#SaveNote").click(),
    ),
    "jane-closed-shadow": (
        "jane",
        "/chart-entry.html",
        lambda p: None,
        lambda p: p.locator("chart-entry-editor").click(position={"x": 40, "y": 20}),
        lambda p: p.click("button.sign-and-lock"),
    ),
    "theranest-prosemirror": (
        "theranest",
        "/notes/edit/n-55",
        lambda p: None,
        lambda p: p.click(".ProseMirror"),
        lambda p: p.click("#btnSaveNote"),
    ),
    "generic-textarea": (
        "generic",
        "/progress-note.html",
        lambda p: None,
        lambda p: p.click("#progress"),
        lambda p: p.click("#finalize"),
    ),
}


@pytest.fixture
def opened(env: Env) -> Iterator[list[Page]]:
    """Pages a test opened, closed after it even when it fails (tabs are found by URL)."""
    pages: list[Page] = []
    yield pages
    for page in pages:
        page.close()


def _open(env: Env, name: str, opened: list[Page]) -> Page:
    site, path, navigate, _, _ = PAGES[name]
    page = env.browser.open_ehr(site, path)
    opened.append(page)
    tab = env.browser.tab_id(page)
    if site == "generic":  # no site adapter: what the toolbar button does (activeTab)
        helper = env.browser.panel(tab)
        helper.evaluate(
            "(tab) => chrome.runtime.sendMessage({type: 'find_field_here', tabId: tab})", tab
        )
        helper.close()
    navigate(page)
    env.browser.wait_report(tab, lambda r: r["field"] is not None, f"{name}'s field")
    return page


def guard(page: Page) -> Any:
    return content_script_eval(page, "globalThis.Margin.guard.inspect()")


def wait_guard(page: Page, check: Callable[[Any], bool], what: str) -> Any:
    last: list[Any] = []

    def probe() -> Any:
        state = guard(page)
        last[:] = [state]
        return state if state and check(state) else None

    try:
        return wait_for(probe, what, timeout=15)
    except AssertionError:
        pytest.fail(f"timed out waiting for {what}; the guard shows {last}")


def page_saves(page: Page) -> list[Any]:
    """The saves that reached the page's own handlers, in every frame (spy.js)."""
    saves: list[Any] = []
    for frame in page.frames:
        saves += frame.evaluate("window.__pageSaves ?? []")
    return saves


def checks_sent(page: Page) -> int:
    return sum(
        1
        for entry in content_script_messages(page)
        if entry["direction"] == "sent" and entry["message"].get("type") == "cs-guard-check"
    )


def paste(page: Page, text: str) -> None:
    page.evaluate("(text) => navigator.clipboard.writeText(text)", text)
    page.keyboard.press("Control+V")


def answer(page: Page, choice: str) -> None:
    """Click a button of the guard's question as the clinician would (a trusted click)."""
    box = guard(page)["dialog"]["buttons"][choice]
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def words(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower())


def field_rect(page: Page, name: str) -> Any:
    """The field's box in its own document's viewport (as the marks' boxes are)."""
    return content_script_eval(
        page,
        "(() => { const r = globalThis.Margin.guard.fieldRect(); return r && "
        "{x: r.x, y: r.y, width: r.width, height: r.height}; })()",
    )


def assert_marked_exactly_the_paste(page: Page, state: Any) -> None:
    marked = " ".join(mark["text"] for mark in state["marked"])
    assert words(marked) == words(PASTED), marked
    for unrelated in ("euthymic", "hygiene", "weekly"):
        assert unrelated not in marked
    rect = field_rect(page, "")
    boxes = [box for mark in state["marked"] for box in mark["rects"]]
    assert boxes, "the marks have boxes on screen"
    for box in boxes:
        assert box["width"] > 0 and box["height"] > 0
        assert (
            rect["x"] - 1 <= box["x"] and box["x"] + box["width"] <= rect["x"] + rect["width"] + 1
        )
        assert (
            rect["y"] - 1 <= box["y"] and box["y"] + box["height"] <= rect["y"] + rect["height"] + 1
        )


def disclosures(env: Env) -> list[Any]:
    entries = env.daemon.cli("GET", "/v1/audit").json()["entries"]
    return [e for e in entries if e["action"] == "disclosure"]


@pytest.mark.parametrize("name", list(PAGES))
def test_paste_is_marked_and_the_save_asks(
    env: Env, ehr_server: EhrServer, opened: list[Page], name: str
) -> None:
    site, _, _, focus, save = PAGES[name]
    ehr_server.collected.clear()
    page = _open(env, name, opened)
    focus(page)
    checks_before = checks_sent(page)
    page.keyboard.type(UNRELATED)
    state = wait_guard(page, lambda g: g["fresh"] and g["state"] == "on", "the typed text checked")
    # Checked after pauses in typing, not at every one of ~170 key presses.
    assert 1 <= checks_sent(page) - checks_before <= 4
    assert state["matches"] == 0 and state["marked"] == [], "unrelated clinical text is not marked"
    assert state["badge"] == "Guard on"
    kind = "overlay" if "textarea" in name else "highlight"
    assert state["kind"] == kind

    # Paste the private paragraph: checked at once, marked without changing the text.
    paste(page, f" {PASTED}")
    state = wait_guard(page, lambda g: g["fresh"] and g["matches"] > 0, "the paste marked")
    assert_marked_exactly_the_paste(page, state)
    assert state["text"] == f"{UNRELATED} {PASTED}", "marking never changes the field's text"
    screenshot(page, f"guard-marked-{name}")

    # Save: held, and the clinician asked. "Remove them" removes, and nothing is saved.
    saves = len(page_saves(page))
    save(page)
    state = wait_guard(page, lambda g: g["dialog"] is not None, "the question")
    found = QUESTION.match(state["dialog"]["lines"][0])
    assert found, state["dialog"]["lines"]
    assert int(found.group(1)) == len(PASTED.split())
    screenshot(page, f"guard-question-{name}")
    assert len(page_saves(page)) == saves, "the save was held"
    answer(page, "remove")
    # The words go one passage at a time, each given to the editor as a key press is.
    state = wait_guard(
        page, lambda g: g["removedBy"] and g["fresh"] and g["dialog"] is None, "the words removed"
    )
    assert state["matches"] == 0
    assert words(state["text"]) == words(UNRELATED)
    assert state["removedBy"] == ["command"], "removed through the editor's own input path"
    page.wait_for_timeout(300)
    assert len(page_saves(page)) == saves, "Remove them does not save"
    save(page)  # nothing private left: the save goes through untouched
    wait_for(lambda: len(page_saves(page)) > saves, "the clean save")
    assert guard(page)["dialog"] is None
    saves = len(page_saves(page))

    # Paste again and "Save anyway": the save goes through once and is audited.
    focus(page)
    page.keyboard.press("Control+End")
    paste(page, f" {PASTED}")
    wait_guard(page, lambda g: g["fresh"] and g["matches"] > 0, "the second paste marked")
    before = len(disclosures(env))
    save(page)
    wait_guard(page, lambda g: g["dialog"] is not None, "the question again")
    answer(page, "save")
    wait_for(lambda: len(page_saves(page)) > saves, "the save let through")
    audited = disclosures(env)
    assert len(audited) == before + 1
    assert audited[0]["note"] == env.note_id
    assert audited[0]["detail"]["site"] == site
    assert audited[0]["detail"]["words"] == len(PASTED.split())
    # The same words, already disclosed: a second save is not asked about again.
    saved = len(page_saves(page))
    save(page)
    wait_for(lambda: len(page_saves(page)) > saved, "the second save")
    assert guard(page)["dialog"] is None

    assert_private_rest_never_reached_the_page(env, ehr_server, page)


def assert_private_rest_never_reached_the_page(
    env: Env, ehr_server: EhrServer, page: Page, disclosed: bool = True, control: str = "spoons"
) -> None:
    """The part of the note never pasted is nowhere the page or its scripts could look.
    `control`: a word of the page's own text that the spy must have seen."""
    page.wait_for_timeout(1100)  # the spy ships its recordings every second
    spy_log = "".join(
        frame.evaluate("JSON.stringify(window.__spyLog ?? [])") for frame in page.frames
    ).lower()
    shipped = b"\n".join(ehr_server.collected).decode(errors="replace").lower()
    messages = content_script_messages(page)
    places = {
        "the spy's log": spy_log,
        "what the spy shipped": shipped,
        "the page's DOM": full_dom(page).lower(),
        "the content script's messages": json.dumps(messages).lower(),
        "the page's JavaScript heap": page_heap_snapshot(page).lower(),
    }
    # The control: the pasted paragraph is the page's own text now, and the spy saw it.
    assert control in spy_log and control in shipped
    for word in env.secret_words:
        for where, seen in places.items():
            assert word not in seen, f"{word} reached {where}"
    _check_message_shapes(messages)
    kinds = {m["message"].get("type") for m in messages if isinstance(m["message"], dict)}
    assert {"cs-guard-check", "cs-guard-result"} <= kinds
    assert not disclosed or "cs-guard-disclose" in kinds


def test_shortcut_and_form_submit_are_held_too(env: Env, opened: list[Page]) -> None:
    page = _open(env, "generic-textarea", opened)
    page.click("#progress")
    paste(page, PASTED)
    wait_guard(page, lambda g: g["fresh"] and g["matches"] > 0, "the paste marked")
    # The EHR's own script submits the note's form: held, and "Go back" keeps everything.
    page.evaluate("document.getElementById('note-form').requestSubmit()")
    wait_guard(page, lambda g: g["dialog"] is not None, "the question on submit")
    answer(page, "back")
    wait_guard(page, lambda g: g["dialog"] is None, "the question closed")
    expect(page.locator("#page-status")).to_have_text("")
    assert words(guard(page)["text"]) == words(PASTED), "Go back changes nothing"
    # Ctrl+S (the page's own save shortcut): held, then "Save anyway" replays it.
    before = len(disclosures(env))
    page.click("#progress")
    page.keyboard.press("Control+s")
    wait_guard(page, lambda g: g["dialog"] is not None, "the question on Ctrl+S")
    expect(page.locator("#page-status")).to_have_text("")
    answer(page, "save")
    expect(page.locator("#page-status")).to_have_text("Note saved")
    audited = wait_for(lambda: disclosures(env)[: len(disclosures(env)) - before], "the audit")
    assert audited[0]["detail"] == {
        "source": "leak_guard",
        "words": len(PASTED.split()),
        "site": "generic",
        "via": "key",
    }


def test_long_note_says_only_the_first_part_was_checked(env: Env, opened: list[Page]) -> None:
    page = _open(env, "generic-textarea", opened)
    filler = "The session focused on routine scheduling matters. " * 4200  # ~214,000 characters
    page.evaluate(
        "(text) => { const t = document.getElementById('progress'); t.value = text;"
        " t.dispatchEvent(new Event('input', {bubbles: true})); }",
        f"{PASTED}\n{filler}",
    )
    state = wait_guard(page, lambda g: g["fresh"] and g["state"] == "on", "the long note checked")
    assert state["truncated"] is True
    assert state["badge"].endswith("(only the first part was checked)"), state["badge"]
    assert words(" ".join(m["text"] for m in state["marked"])) == words(PASTED)
    page.click("#finalize")
    state = wait_guard(page, lambda g: g["dialog"] is not None, "the question")
    assert state["dialog"]["lines"][1] == "Only the first part of this progress note was checked."
    answer(page, "back")
    wait_guard(page, lambda g: g["dialog"] is None, "the question closed")
    expect(page.locator("#page-status")).to_have_text("")


def test_locked_vault_turns_the_guard_off_visibly_and_never_blocks(
    env: Env, opened: list[Page]
) -> None:
    assert env.daemon.cli("POST", "/v1/lock", {}).status == 200
    try:
        page = _open(env, "generic-textarea", opened)
        page.click("#progress")
        page.keyboard.type(UNRELATED)
        state = wait_guard(page, lambda g: g["fresh"] and g["state"] == "locked", "guard off")
        assert state["badge"] == "Guard off: Margin is locked"
        paste(page, f" {PASTED}")
        wait_guard(page, lambda g: g["fresh"] and "spoons" in g["text"], "the paste checked")
        screenshot(page, "guard-off-locked")
        page.click("#finalize")  # not blocked: the guard could not check, and says so
        expect(page.locator("#page-status")).to_have_text("Note finalized")
        state = guard(page)
        assert state["dialog"] is None
        assert state["badge"].startswith("Saved without a leak check"), state["badge"]
    finally:
        unlocked = env.daemon.cli("POST", "/v1/unlock", {"passphrase": env.passphrase})
        assert unlocked.status == 200, unlocked.body


def _guard_ready(env: Env) -> None:
    wait_for(lambda: env.daemon.cli("GET", "/v1/vault").json().get("guard", {}).get("state")
             == "ready", "the leak guard's index ready", timeout=60)


def test_guard_still_indexing_holds_the_save_and_asks(env: Env, opened: list[Page]) -> None:
    """After an unlock the leak guard's index may take minutes (a large vault): a check then
    could miss a leak, so the save is held and the clinician asked, never passed in
    silence. The saved index is made a FIFO, so reading it waits until this test writes to
    it, as a very slow disk would; then it reads as damaged and is made from the notes."""
    assert env.daemon.cli("POST", "/v1/lock", {}).status == 200
    (saved,) = (env.daemon.home / "local").glob("fingerprints-*.bin")
    saved.unlink()
    os.mkfifo(saved, 0o600)
    released = False
    try:
        unlocked = env.daemon.cli("POST", "/v1/unlock", {"passphrase": env.passphrase})
        assert unlocked.status == 200 and unlocked.json()["guard"]["state"] == "building"
        vault = env.browser.context.new_page()  # the vault page says so, and how far
        opened.append(vault)
        vault.goto(f"{EXTENSION_ORIGIN}/src/vault/vault.html")
        expect(vault.locator("#guard-building")).to_be_visible(timeout=15_000)
        expect(vault.locator("#guard-building-text")).to_contain_text(
            "The leak guard is reading its index of your private notes")
        page = _open(env, "generic-textarea", opened)
        page.click("#progress")
        paste(page, PASTED)
        state = wait_guard(page, lambda g: g["fresh"] and g["state"] == "building", "building")
        assert state["badge"] == "Guard: indexing your private notes…"
        page.click("#finalize")
        state = wait_guard(page, lambda g: g["dialog"] is not None, "the question")
        assert "still indexing your private notes" in state["dialog"]["lines"][0]
        assert set(state["dialog"]["buttons"]) == {"back", "save"}
        expect(page.locator("#page-status")).to_have_text("")  # held
        answer(page, "back")
        wait_guard(page, lambda g: g["dialog"] is None, "the question closed")
        expect(page.locator("#page-status")).to_have_text("")
        page.click("#finalize")
        wait_guard(page, lambda g: g["dialog"] is not None, "the question again")
        answer(page, "save")  # the clinician's choice: saved without the check
        expect(page.locator("#page-status")).to_have_text("Note finalized")
        with saved.open("wb"):  # the slow read ends: the index is made from the notes
            released = True
        _guard_ready(env)
        expect(vault.locator("#guard-building")).to_be_hidden(timeout=15_000)
        page.click("#progress")
        page.keyboard.type(" ")
        state = wait_guard(page, lambda g: g["fresh"] and g["state"] == "on" and g["matches"],
                           "checked once ready")
        assert_marked_exactly_the_paste(page, state)
    finally:
        if not released:
            with saved.open("wb"):
                pass
        _guard_ready(env)


def test_worker_accepts_only_the_guard_messages_it_expects(env: Env, opened: list[Page]) -> None:
    page = _open(env, "theranest-prosemirror", opened)
    wait_guard(page, lambda g: g["fresh"] and g["state"] == "on", "the empty note checked")

    def send(message: dict[str, Any]) -> Any:
        return content_script_eval(page, f"chrome.runtime.sendMessage({json.dumps(message)})")

    # A disclosure for a note this tab's last check did not name is not written to the audit.
    before = len(disclosures(env))
    notes = [{"note_id": env.note_id, "words": 9}]
    disclose = {"type": "cs-guard-disclose", "site": "theranest", "via": "click", "notes": notes}
    assert send(disclose) == {
        "type": "cs-guard-disclosed",
        "ok": False,
        "recorded": 0,
        "error": "unknown_note",
    }
    assert len(disclosures(env)) == before
    # A field the schema does not have, or a text too long, is refused outright.
    assert send({"type": "cs-guard-check", "text": "x", "extra": 1}) == {
        "ok": False,
        "error": "refused",
    }
    too_long = content_script_eval(
        page, "chrome.runtime.sendMessage({type: 'cs-guard-check', text: 'a'.repeat(1000001)})"
    )
    assert too_long == {"ok": False, "error": "refused"}


def test_daemon_not_running_turns_the_guard_off_and_never_blocks(
    env: Env, opened: list[Page]
) -> None:
    page = _open(env, "generic-textarea", opened)
    page.click("#progress")
    wait_guard(page, lambda g: g["fresh"] and g["state"] == "on", "the guard on")
    port = env.daemon.port
    stop_daemon(env.daemon)
    try:
        paste(page, PASTED)
        state = wait_guard(
            page, lambda g: g["fresh"] and g["state"] == "not_running", "the guard off"
        )
        assert state["badge"] == "Guard off: Margin is not running"
        page.click("#finalize")
        expect(page.locator("#page-status")).to_have_text("Note finalized")
        assert guard(page)["dialog"] is None
    finally:
        env.daemon = start_daemon_on(env.daemon.home, port)
        unlocked = env.daemon.cli("POST", "/v1/unlock", {"passphrase": env.passphrase})
        assert unlocked.status == 200, unlocked.body


def test_editor_inside_an_iframe_is_marked_in_that_frame(env: Env, opened: list[Page]) -> None:
    """TinyMCE's shape: the editor is an about:blank iframe's body; its highlights live in
    the frame's own registry and the frame's stylesheet."""
    page = env.browser.open_ehr("generic", "/tinymce.html")
    opened.append(page)
    tab = env.browser.tab_id(page)
    helper = env.browser.panel(tab)
    helper.evaluate(
        "(tab) => chrome.runtime.sendMessage({type: 'find_field_here', tabId: tab})", tab
    )
    helper.close()
    env.browser.wait_report(tab, lambda r: r["field"] is not None, "the iframe editor")
    page.frame_locator("#note_ifr").locator("body").click()
    page.keyboard.type(UNRELATED)
    paste(page, f" {PASTED}")
    state = wait_guard(page, lambda g: g["fresh"] and g["matches"] > 0, "the paste marked")
    assert state["kind"] == "highlight"
    assert_marked_exactly_the_paste(page, state)
    frame = page.frame_locator("#note_ifr").locator("body")
    painted = frame.evaluate(
        "(body) => [...(body.ownerDocument.defaultView.CSS.highlights.get('margin-guard') ?? [])]"
        ".map((range) => range.toString()).join(' ')"
    )
    assert words(painted) == words(PASTED), "the frame's own page sees only the ranges"
