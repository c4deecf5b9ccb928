"""The leak guard and the spy invariant, written once and run in Chromium and Firefox.

A private paragraph typed into the EHR's progress note is marked (an overlay over a
textarea; the CSS Custom Highlight API in a rich editor), the save is held and the
clinician asked, "Save anyway" lets it through and is audited (even when an older check is
answered after a newer one), "Remove them" takes the words out through the editor without
saving. The note's other part, never typed, must reach nothing the page can see: the
hostile spy's log and what it shipped, the DOM, the content script's messages. (The
renderer's heap snapshot is a Chromium-only check, in tests/extension/test_guard.py.)
"""

from __future__ import annotations

import http.client
import json
import re
import secrets
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import RunningDaemon
from tests.extension.engines.driver import Engine, EnginePage, eventually, js
from tests.extension.engines.steps import content_messages, find_field_here, paired_with_vault
from tests.extension.test_invariant import _check_message_shapes
from tests.extension.test_real_editors import EDITOR_STATE

pytestmark = pytest.mark.browser

PASTED = (
    "She described the winter her brother left for the coast and how the kitchen felt "
    "hollow afterwards, the radio playing to nobody while she counted the spoons twice."
)
UNRELATED = "Client attended the scheduled session on time. Mood was euthymic."
# name: (site, path, the field, the save button, how the marks are drawn)
PAGES = {
    "generic-textarea": ("generic", "/progress-note.html", "#progress", "#finalize", "overlay"),
    "theranest-prosemirror": (
        "theranest", "/notes/edit/n-55", ".ProseMirror", "#btnSaveNote", "highlight"
    ),
    # Quill in a closed shadow root: clicked inside its host, typed where the focus lands.
    "jane-closed-shadow": (
        "jane", "/chart-entry.html", "chart-entry-editor", "button.sign-and-lock", "highlight"
    ),
}


def words(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower())


def guard(page: EnginePage) -> Any:
    return page.content_script("globalThis.Margin.guard.inspect()")


def wait_guard(page: EnginePage, check: Any, what: str) -> Any:
    seen: list[Any] = [None]

    def probe() -> Any:
        seen[0] = guard(page)
        return seen[0] if seen[0] and check(seen[0]) else None

    try:
        return eventually(probe, what)
    except AssertionError as error:
        raise AssertionError(f"{error}; the guard shows {seen[0]}") from None


def page_saves(page: EnginePage) -> int:
    return len(page.evaluate("window.__pageSaves ?? []"))


def answer(page: EnginePage, choice: str) -> None:
    """Click a button of the guard's question where it shows, as the clinician would."""
    box = guard(page)["dialog"]["buttons"][choice]
    page.click_at(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def disclosures(daemon: RunningDaemon) -> list[Any]:
    entries = daemon.cli("GET", "/v1/audit").json()["entries"]
    return [e for e in entries if e["action"] == "disclosure"]


def focus_field(page: EnginePage, field: str) -> None:
    page.click_within(field, 40, 20)  # near the top left, where the editor is in every page


def open_page(engine: Engine, name: str) -> EnginePage:
    site, path, *_ = PAGES[name]
    page = engine.open_ehr(site, path)
    tab = engine.tab_id(page)
    if site == "generic":
        find_field_here(engine, tab)
    engine.wait_report(tab, lambda r: r["field"] is not None, f"{name}'s field")
    return page


def write_private_note(daemon: RunningDaemon) -> list[str]:
    """A note whose first paragraph will be typed into the EHR; returns the rest's words."""
    tag = secrets.token_hex(3)
    secret = [f"wombat{tag}", f"lanternfish{tag}", f"gooseberry{tag}"]
    rest = f"Later the {secret[0]} under the stairs, the {secret[1]}, the {secret[2]}."
    created = daemon.cli("POST", "/v1/notes", {
        "text": f"{PASTED}\n\n{rest}", "client": "Guard Test",
        "context": {"site": "generic", "appointment_date": "2025-01-14"},
    })
    assert created.status == 201, created.body
    return secret


@pytest.mark.parametrize("name", list(PAGES))
def test_private_paragraph_is_marked_the_save_held_and_nothing_else_leaks(
    engine: Engine, margin_home: Path, name: str
) -> None:
    _, _, field, save, kind = PAGES[name]
    with paired_with_vault(engine, margin_home) as daemon:
        secret = write_private_note(daemon)
        engine.ehr.collected.clear()
        page = open_page(engine, name)
        focus_field(page, field)
        page.type(None, f"{UNRELATED} {PASTED}")
        state = wait_guard(page, lambda g: g["fresh"] and g["matches"] > 0, "the paragraph marked")
        assert state["kind"] == kind
        assert state["text"] == f"{UNRELATED} {PASTED}", "marking never changes the text"
        marked = " ".join(mark["text"] for mark in state["marked"])
        assert words(marked) == words(PASTED), marked
        assert all(box["width"] > 0 for mark in state["marked"] for box in mark["rects"])
        page.screenshot(f"guard-marked-{name}")

        # The save is held and the clinician asked; "Save anyway" lets it through, audited.
        saves = page_saves(page)
        page.click(save)
        state = wait_guard(page, lambda g: g["dialog"] is not None, "the question")
        assert f"contains {len(PASTED.split())} words" in state["dialog"]["lines"][0]
        assert page_saves(page) == saves, "the save was held"
        answer(page, "save")
        eventually(lambda: page_saves(page) > saves, "the save let through")
        audited = eventually(lambda: disclosures(daemon), "the disclosure audited")
        assert audited[0]["detail"]["words"] == len(PASTED.split())

        assert_rest_never_reached_the_page(engine, page, secret)


LONG_CHECK = 100_000  # characters: the check of a longer text is answered when the test says


class HeldLongAnswers:
    """Between the extension and the daemon, forwarding every call; the answer to the leak
    guard's check of a long text is held until ``release()``. The daemon answers a tab's checks
    side by side, in whatever order they finish: this makes one such order certain."""

    def __init__(self, daemon_port: int) -> None:
        self.daemon_port = daemon_port
        self.released = threading.Event()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.port = int(self.server.server_address[1])
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def release(self) -> None:
        self.released.set()

    def close(self) -> None:
        self.released.set()
        self.server.shutdown()
        self.server.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        proxy = self

        class Forward(BaseHTTPRequestHandler):
            def forward(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                status, headers, answer = proxy.ask_daemon(self.command, self.path, self.headers,
                                                           body)
                check = self.command == "POST" and self.path == "/v1/guard/check"
                if check and len(json.loads(body)["text"]) > LONG_CHECK:
                    proxy.released.wait(timeout=60)
                self.send_response(status)
                for name, value in headers:
                    if name.lower() not in {"content-length", "connection", "date", "server",
                                            "transfer-encoding"}:
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def do_GET(self) -> None:
                self.forward()

            def do_POST(self) -> None:
                self.forward()

            def do_OPTIONS(self) -> None:  # a CORS preflight, if the browser makes one
                self.forward()

            def log_message(self, *_: Any) -> None:
                pass

        return Forward

    def ask_daemon(self, method: str, path: str, headers: Any, body: bytes
                   ) -> tuple[int, list[tuple[str, str]], bytes]:
        sent = {name: value for name, value in headers.items()
                if name.lower() not in {"host", "connection"}}
        sent["Host"] = f"127.0.0.1:{self.daemon_port}"
        connection = http.client.HTTPConnection("127.0.0.1", self.daemon_port, timeout=30)
        try:
            connection.request(method, path, body=body or None, headers=sent)
            response = connection.getresponse()
            return response.status, response.getheaders(), response.read()
        finally:
            connection.close()


def paste_over(page: EnginePage, text: str) -> None:
    """Replace the textarea's text as a paste does (checked at once, no pause in typing)."""
    page.query(
        "#progress",
        f"(el.focus(), el.value = {js(text)}, el.dispatchEvent(new InputEvent('input',"
        " {bubbles: true, inputType: 'insertFromPaste'})), true)",
    )


def guard_exchanges(page: EnginePage) -> list[tuple[str, int]]:
    """The leak guard's checks sent ("sent", the text's length) and answers received
    ("received", the checked length), in the order the content script saw them."""
    seen = []
    for entry in content_messages(page):
        message: Any = entry["message"] or {}
        if message.get("type") == "cs-guard-check":
            seen.append(("sent", len(message["text"])))
        elif message.get("type") == "cs-guard-result" and message.get("ok"):
            seen.append(("received", message["checked_chars"]))
    return seen


def test_save_anyway_is_audited_when_an_older_check_answers_last(
    engine: Engine, margin_home: Path
) -> None:
    """A tab's checks may be answered out of order: a long text's after a newer, shorter
    one's, or (in Firefox, whose typing is quick) the first check's, slow while Margin loads
    its over-sharing model, after the whole typed note's. The worker records a disclosure only
    for notes the tab's check named: a stale answer must not take the newer check's notes
    away, or "Save anyway" would let the save through without its audit entry."""
    _, _, _, save, _ = PAGES["generic-textarea"]
    with paired_with_vault(engine, margin_home) as daemon:
        write_private_note(daemon)
        proxy = HeldLongAnswers(daemon.port)
        try:
            engine.set_port(proxy.port)
            page = open_page(engine, "generic-textarea")
            wait_guard(page, lambda g: g["fresh"] and g["state"] == "on", "the empty note checked")
            long_text = "The session focused on routine scheduling matters. " * 3000
            paste_over(page, long_text)
            eventually(lambda: ("sent", len(long_text)) in guard_exchanges(page), "the long check")
            typed = f"{UNRELATED} {PASTED}"
            paste_over(page, typed)
            wait_guard(page, lambda g: g["fresh"] and g["matches"] > 0, "the paragraph marked")
            proxy.release()
            eventually(lambda: guard_exchanges(page)[-1] == ("received", len(long_text)),
                       "the long text's answer")
            assert guard_exchanges(page)[-4:] == [("sent", len(long_text)), ("sent", len(typed)),
                                                  ("received", len(typed)),
                                                  ("received", len(long_text))]
            assert guard(page)["matches"] > 0, "the stale answer is not shown"
            saves = page_saves(page)
            page.click(save)
            wait_guard(page, lambda g: g["dialog"] is not None, "the question")
            answer(page, "save")
            eventually(lambda: page_saves(page) > saves, "the save let through")
            replies = [entry["message"] for entry in content_messages(page)
                       if (entry["message"] or {}).get("type") == "cs-guard-disclosed"]
            assert replies == [{"type": "cs-guard-disclosed", "ok": True, "recorded": 1}]
            audited = eventually(lambda: disclosures(daemon), "the disclosure audited")
            assert audited[0]["detail"]["words"] == len(PASTED.split())
            assert "could not record" not in guard(page)["badge"]
        finally:
            proxy.close()


def assert_rest_never_reached_the_page(engine: Engine, page: EnginePage, secret: list[str]) -> None:
    eventually(lambda: engine.ehr.collected, "the spy to ship what it saw")
    page.evaluate("new Promise((done) => setTimeout(done, 1100))")  # the spy ships each second
    spy_log = str(page.evaluate("JSON.stringify(window.__spyLog ?? [])")).lower()
    shipped = b"\n".join(engine.ehr.collected).decode(errors="replace").lower()
    messages = content_messages(page)
    places = {
        "the spy's log": spy_log,
        "what the spy shipped": shipped,
        "the page's DOM": page.dom().lower(),
        "the content script's messages": repr(messages).lower(),
    }
    # Whatever the engine's content-script world is, the page cannot reach into it.
    assert page.evaluate("typeof window.Margin") == "undefined"
    # The control: the typed paragraph is the page's own text, and the spy saw it.
    assert "spoons" in spy_log and "spoons" in shipped
    for word in secret:
        for where, seen in places.items():
            assert word not in seen, f"{word} reached {where}"
    _check_message_shapes(messages)


def test_without_the_highlight_api_the_save_is_still_held(
    engine: Engine, margin_home: Path
) -> None:
    """Browsers without the CSS Custom Highlight API (Firefox before 140): no marks in a rich
    editor, but the badge counts the words and the save is still held. Neither engine can
    switch the API off any more, so the content script's own view of it is removed (its
    world's wrappers of ``CSS`` and ``window``; the page's are untouched)."""
    _, _, field, save, _ = PAGES["theranest-prosemirror"]
    with paired_with_vault(engine, margin_home) as daemon:
        write_private_note(daemon)
        page = open_page(engine, "theranest-prosemirror")
        page.content_script(
            "(Object.defineProperty(CSS, 'highlights', {value: undefined, configurable: true}),"
            " Object.defineProperty(window, 'Highlight', {value: undefined, configurable: true}),"
            " true)"
        )
        assert page.evaluate("!!CSS.highlights && typeof Highlight === 'function'")
        page.click(field)
        page.type(field, PASTED)
        state = wait_guard(page, lambda g: g["fresh"] and g["matches"] > 0, "the paragraph found")
        assert state["marked"] == [], "nothing to paint with"
        assert state["badge"] == f"{len(PASTED.split())} words from private notes"
        saves = page_saves(page)
        page.click(save)
        state = wait_guard(page, lambda g: g["dialog"] is not None, "the question")
        assert page_saves(page) == saves, "the save was held"
        answer(page, "back")
        wait_guard(page, lambda g: g["dialog"] is None, "the question closed")
        assert page_saves(page) == saves


@pytest.mark.parametrize("name", list(PAGES))
def test_remove_them_takes_the_words_out_through_the_editor_without_saving(
    engine: Engine, margin_home: Path, name: str
) -> None:
    _, _, field, save, _ = PAGES[name]
    with paired_with_vault(engine, margin_home) as daemon:
        write_private_note(daemon)
        page = open_page(engine, name)
        focus_field(page, field)
        page.type(None, f"{UNRELATED} {PASTED}")
        wait_guard(page, lambda g: g["fresh"] and g["matches"] > 0, "the paragraph marked")
        saves = page_saves(page)
        page.click(save)
        wait_guard(page, lambda g: g["dialog"] is not None, "the question")
        answer(page, "remove")
        # The words go one passage at a time, each given to the editor as a key press is.
        state = wait_guard(
            page, lambda g: g["removedBy"] and g["fresh"] and g["dialog"] is None, "words removed"
        )
        assert state["matches"] == 0
        assert words(state["text"]) == words(UNRELATED)
        assert state["removedBy"] == ["command"], "removed through the editor's own input path"
        page.evaluate("new Promise((done) => setTimeout(done, 300))")
        assert page_saves(page) == saves, "Remove them does not save"


# Editors that keep their own model of the text and redraw the page from it.
MODEL_EDITORS = ["ckeditor5-classic", "lexical", "slate"]


@pytest.mark.parametrize("name", MODEL_EDITORS)
def test_remove_them_takes_the_words_out_of_the_editors_own_model(
    engine: Engine, margin_home: Path, editor_bundles: Path, name: str
) -> None:
    """A DOM-only delete would be undone by these editors' next redraw and the save would
    stay held: the words must leave the editor's own model, and the next Sign go through."""
    with paired_with_vault(engine, margin_home) as daemon:
        write_private_note(daemon)
        page = engine.open_ehr("generic", f"/editors.html?editor={name}")
        eventually(lambda: page.evaluate("window.__editorsReady === true"), f"{name} mounted")
        tab = engine.tab_id(page)
        find_field_here(engine, tab)
        engine.wait_report(tab, lambda r: r["field"] is not None, f"{name}'s note")
        focus_field(page, "#note-area [contenteditable='true']")
        page.type(None, f"{UNRELATED} {PASTED}")
        wait_guard(page, lambda g: g["fresh"] and g["matches"] > 0, "the paragraph marked")
        assert "spoons" in page.evaluate(EDITOR_STATE[name])
        saves = page_saves(page)
        page.click("#sign-note")
        wait_guard(page, lambda g: g["dialog"] is not None, "the question")
        answer(page, "remove")
        state = wait_guard(
            page,
            lambda g: g["fresh"] and g["dialog"] is None and "spoons" not in g["text"],
            "words removed",
        )
        assert state["matches"] == 0 and words(state["text"]) == words(UNRELATED)
        page.evaluate("new Promise((done) => setTimeout(done, 700))")  # an editor's redraw
        model = page.evaluate(EDITOR_STATE[name])
        assert "spoons" not in model and "kitchen" not in model, f"{name}'s own model: {model}"
        assert "euthymic" in model, f"{name}'s own model lost the clinician's text: {model}"
        state = wait_guard(page, lambda g: g["fresh"], "checked again")
        assert state["matches"] == 0 and "spoons" not in state["text"], "nothing put back"
        assert page_saves(page) == saves, "Remove them does not sign"
        page.click("#sign-note")
        page.wait_text("#page-status", "Note signed")
        assert guard(page)["dialog"] is None
