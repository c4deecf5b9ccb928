"""docs/DESIGN.md invariant 1: private text never touches the EHR page.

Each EHR-like page runs a hostile session-replay spy (tests/ehr_pages/spy.js). The test
writes a private note with distinctive words in the panel, saves it, reloads the EHR page,
sees the note again, edits it; then looks for the words everywhere the page could have
seen them: what the spy recorded and shipped, the whole DOM (frames and closed shadow
roots), the page's JavaScript heap (page scripts and content script), every message the
content script sent or received (checked against shared_schema/schemas/cs-*.json), the
extension's storage, and finally every file of the browser profile.

A control word typed into the EHR's own field must be seen by the spy and found in the
heap: proof that the spy and the searches work, so the test can fail.
"""

from __future__ import annotations

import json
import secrets
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from playwright.sync_api import Page, Playwright, expect
from referencing import Registry, Resource

from tests.conftest import RunningDaemon
from tests.extension.ehr_server import EhrServer
from tests.extension.harness import (
    SCHEMAS,
    ExtensionBrowser,
    content_script_messages,
    full_dom,
    page_heap_snapshot,
    paired_browser_with_vault,
    screenshot,
)

pytestmark = pytest.mark.browser


@dataclass
class Env:
    browser: ExtensionBrowser
    daemon: RunningDaemon
    profile: Path
    words: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def env(
    playwright_session: Playwright,
    test_extension: Path,
    ehr_server: EhrServer,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Env]:
    profile = tmp_path_factory.mktemp("invariant-profile") / "profile"
    with paired_browser_with_vault(
        playwright_session, profile, test_extension, ehr_server,
        tmp_path_factory.mktemp("invariant-home"),
    ) as (browser, daemon):
        yield Env(browser, daemon, profile)


def _validator() -> Callable[[str, Any], None]:
    resources = []
    for path in SCHEMAS.glob("*.json"):
        schema = json.loads(path.read_text())
        resources.append((schema["$id"], Resource.from_contents(schema)))
    registry: Registry = Registry().with_resources(resources)

    def validate(name: str, message: Any) -> None:
        schema = json.loads((SCHEMAS / f"{name}.json").read_text())
        Draft202012Validator(schema, registry=registry).validate(message)

    return validate


def _check_message_shapes(log: list[dict[str, Any]]) -> None:
    validate = _validator()
    assert log, "the test build logs the content script's messages"
    for entry in log:
        message = entry["message"]
        if isinstance(message, dict) and "type" in message:  # cs-context, cs-open-panel, cs-rescan
            validate(message["type"], message)
        else:
            validate("cs-reply", message)


# How to reach each page's note field, to type the control word the EHR itself receives.
PAGES: dict[str, tuple[str, str, Callable[[Page], None], Callable[[Page], None]]] = {
    "simplepractice-spa": (
        "simplepractice",
        "/",
        lambda p: p.click("#open-c-1001"),
        lambda p: p.click(".note-body"),
    ),
    "therapynotes-iframe": (
        "therapynotes",
        "/Patients/Note?patientId=p-77",
        lambda p: None,
        lambda p: p.frame_locator("#note-frame").locator("#ProgressNote").click(),
    ),
    "jane-closed-shadow": (
        "jane",
        "/patients/88/chart_entries/901",
        lambda p: None,
        lambda p: p.locator("chart-entry-editor").click(position={"x": 40, "y": 20}),
    ),
    "theranest-prosemirror": (
        "theranest",
        "/notes/edit/n-55",
        lambda p: None,
        lambda p: p.click(".ProseMirror"),
    ),
    "generic-soap": ("generic", "/soap.html", lambda p: None, lambda p: p.click("#s")),
}


def _inject_generic(env: Env, tab: int) -> None:
    """No site adapter: what the toolbar button does (activeTab), asked from an extension page."""
    helper = env.browser.panel(tab)
    helper.evaluate(
        "(tab) => chrome.runtime.sendMessage({type: 'find_field_here', tabId: tab})", tab
    )
    helper.close()


def _open(env: Env, name: str) -> tuple[Page, int]:
    site, path, navigate, _ = PAGES[name]
    page = env.browser.open_ehr(site, path)
    tab = env.browser.tab_id(page)
    if site == "generic":
        _inject_generic(env, tab)
    navigate(page)
    env.browser.wait_report(
        tab, lambda r: r["field"] is not None and r["client"], f"{name}'s field"
    )
    return page, tab


@pytest.mark.parametrize("name", list(PAGES))
def test_private_words_never_reach_the_page(env: Env, ehr_server: EhrServer, name: str) -> None:
    tag = secrets.token_hex(3)
    words = [f"quokka{tag}", f"marmalade{tag}", f"harpsichord{tag}"]
    control = f"ehrvisible{tag}"
    env.words.extend(words)
    ehr_server.collected.clear()
    page, tab = _open(env, name)
    PAGES[name][3](page)
    page.keyboard.type(f"Progress note {control}")

    # Press the button beside the field (how it opens the side panel: test_button.py).
    button = page.locator("[data-margin-button]")
    if name == "therapynotes-iframe":
        button = page.frame_locator("#note-frame").locator("[data-margin-button]")
    box = button.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + 5, box["y"] + 5)

    panel = env.browser.panel(tab)
    editor = panel.locator("#note-text")
    expect(editor).to_be_editable()
    editor.press_sequentially(f"Dream of the {words[0]} and the {words[1]}.", delay=3)
    expect(panel.locator("#save-status")).to_have_text("Saved")
    screenshot(panel, f"invariant-{name}")

    page.reload()  # (the single-page app reloads straight into the client's route)
    if PAGES[name][0] == "generic":
        page.wait_for_load_state()
        _inject_generic(env, tab)
    env.browser.wait_report(tab, lambda r: r["field"] is not None, "the field after the reload")
    PAGES[name][3](page)
    page.keyboard.type(f" and again {control}")
    again = env.browser.panel(tab)
    expect(again.locator("#note-text")).to_have_value(
        f"Dream of the {words[0]} and the {words[1]}."
    )
    again.locator("#note-text").press_sequentially(f" Later: {words[2]}.", delay=3)
    expect(again.locator("#save-status")).to_have_text("Saved")
    panel.close()
    again.close()
    page.wait_for_timeout(1600)  # the spy ships its recordings every second

    spy_log = "".join(
        frame.evaluate("JSON.stringify(window.__spyLog ?? [])") for frame in page.frames
    ).lower()
    shipped = b"\n".join(ehr_server.collected).decode(errors="replace").lower()
    heap = page_heap_snapshot(page).lower()
    dom = full_dom(page).lower()
    messages = content_script_messages(page)
    extension_storage = json.dumps(
        env.browser.worker.evaluate(
            "async () => [await chrome.storage.local.get(null),"
            " await chrome.storage.session.get(null)]"
        )
    ).lower()

    # The control: the EHR's own text is visible to the spy and in the heap.
    assert control in spy_log and control in shipped and control in heap
    for word in words:
        assert word not in spy_log, f"{word} reached the spy's log"
        assert word not in shipped, f"{word} was shipped by the spy"
        assert word not in dom, f"{word} is in the page's DOM"
        assert word not in heap, f"{word} is in the page's JavaScript heap"
        assert word not in json.dumps(messages).lower(), f"{word} in a content-script message"
        assert word not in extension_storage, f"{word} in chrome.storage"
    _check_message_shapes(messages)
    page.close()


def test_no_private_word_in_any_file_of_the_browser_profile(env: Env) -> None:
    assert env.words, "runs after the page tests"
    env.browser.context.close()
    found = []
    for path in env.profile.rglob("*"):
        if path.is_file():
            data = path.read_bytes().lower()
            found += [
                f"{word} in {path.relative_to(env.profile)}"
                for word in env.words
                if word.encode() in data
            ]
    assert not found
    shutil.rmtree(env.profile, ignore_errors=True)
