"""Keyboard only: the panel and the vault page can be walked with Tab in a sensible order,
Enter opens, Escape closes and gives focus back, and Tab never gets stuck (no trap)."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import start_daemon, stop_daemon
from tests.extension.harness import (
    EXTENSION_ORIGIN,
    ExtensionBrowser,
    pair_and_create_vault,
)

pytestmark = pytest.mark.browser

FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return 'body';
  const text = (el.textContent || '').trim().slice(0, 30);
  return el.id ? '#' + el.id : el.tagName.toLowerCase() + ':' + text;
}"""


def tab_walk(page: Page, presses: int) -> list[str]:
    """Where focus lands on each of `presses` Tab presses from the top of the page."""
    page.evaluate(
        "() => { document.activeElement?.blur(); window.getSelection()?.removeAllRanges(); }"
    )
    stops = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUSED))
    return stops


def assert_no_trap(stops: list[str], first: str) -> None:
    """Tab went through the page and came round to its first stop again."""
    assert stops.count(first) >= 2, f"focus never came back round to {first}: {stops}"


def test_panel_by_keyboard(browser: ExtensionBrowser, margin_home: Path) -> None:
    daemon = start_daemon(margin_home)
    try:
        pair_and_create_vault(browser, daemon)
        earlier = {"text": "An earlier session.", "client": "Ida Wells",
                   "context": {"site": "theranest", "appointment_date": "2025-03-01"}}
        assert daemon.cli("POST", "/v1/notes", earlier).status == 201
        page = browser.open_ehr("theranest", "/notes/edit/n-55")
        tab = browser.tab_id(page)
        browser.wait_report(tab, lambda r: r["field"] is not None, "the field")
        panel = browser.panel(tab)
        expect(panel.locator("#note-text")).to_be_editable()

        stops = tab_walk(panel, 14)
        order = [stop for stop in ["#note-text", "summary:Version history",
                                   "summary:Earlier notes for this client", "#search",
                                   "button:Search", "#open-vault"] if stop in stops]
        assert order == sorted(order, key=stops.index) and len(order) == 6, stops
        assert_no_trap(stops, "#note-text")

        # Typing then Tab: the note is saved on leaving the editor; the status says so.
        panel.focus("#note-text")
        panel.keyboard.type("Typed with the keyboard only.")
        panel.keyboard.press("Tab")
        expect(panel.locator("#save-status")).to_have_text("Saved", timeout=15000)
        expect(panel.locator("#save-status")).to_have_attribute("role", "status")
        expect(panel.locator("#save-time")).not_to_be_empty()

        # Enter opens the earlier notes, Enter reads one, Escape closes it, focus goes back.
        panel.focus("#earlier-box summary")
        panel.keyboard.press("Enter")
        expect(panel.locator("#earlier button").first).to_be_visible()
        panel.focus("#earlier button")
        panel.keyboard.press("Enter")
        expect(panel.locator("#reader-text")).to_have_text("An earlier session.")
        panel.focus("#reader-close")
        panel.keyboard.press("Escape")
        expect(panel.locator("#reader-box")).to_be_hidden()
        assert panel.evaluate(FOCUSED) == "#note-text"
    finally:
        stop_daemon(daemon)


def test_vault_page_by_keyboard(browser: ExtensionBrowser, margin_home: Path) -> None:
    daemon = start_daemon(margin_home)
    try:
        pair_and_create_vault(browser, daemon)
        for client, day in [("Ada Lovelace", "2025-01-02"), ("Ada Lovelace", "2025-01-09"),
                            ("Grace Hopper", "2025-01-03")]:
            body = {"text": f"Session of {day}.", "client": client,
                    "context": {"site": "generic", "appointment_date": day}}
            assert daemon.cli("POST", "/v1/notes", body).status == 201
        vault = browser.context.new_page()
        vault.goto(f"{EXTENSION_ORIGIN}/src/vault/vault.html")
        expect(vault.locator("#clients button")).to_have_count(2)

        stops = tab_walk(vault, 17)
        expected = ["button:All notes", "button:Search", "button:Check an export",
                    "button:Review my private notes", "button:Audit trail", "button:Settings",
                    "#client-filter",
                    "button:Ada Lovelace (2)", "button:Grace Hopper (1)"]
        assert [stop for stop in stops if stop in expected][: len(expected)] == expected, stops
        assert_no_trap(stops, "button:All notes")

        # Arrows move within the client list, Enter chooses; notes newest first.
        vault.focus("#clients button")
        vault.keyboard.press("ArrowDown")
        assert vault.evaluate(FOCUSED).startswith("button:Grace Hopper")
        vault.keyboard.press("ArrowUp")
        vault.keyboard.press("Enter")
        expect(vault.locator("#client-notes button").first).to_contain_text("2025-01-09")
        assert vault.evaluate(FOCUSED).startswith("button:2025-01-09")
        vault.keyboard.press("ArrowDown")
        vault.keyboard.press("Enter")
        expect(vault.locator("#reader-text")).to_have_text("Session of 2025-01-02.")
        assert vault.evaluate(FOCUSED) == "#reader-box"
        vault.keyboard.press("Escape")
        expect(vault.locator("#reader-box")).to_be_hidden()
        assert vault.evaluate(FOCUSED).startswith("button:2025-01-02")
    finally:
        stop_daemon(daemon)
