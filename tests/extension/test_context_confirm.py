"""See, confirm, correct (issue 13): the panel says where the client and date came from and
lets the clinician change them; a saved note moves to the corrected client and date (a new
version); when the page shows no date the panel asks before the first save."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, Playwright, expect

from tests.conftest import RunningDaemon
from tests.extension.ehr_server import EhrServer
from tests.extension.harness import ExtensionBrowser, paired_browser_with_vault, screenshot

pytestmark = pytest.mark.browser


def open_with_panel(browser: ExtensionBrowser, path: str, client: str) -> tuple[Page, Page]:
    page = browser.open_ehr("generic", path)
    tab = browser.tab_id(page)
    panel = browser.panel(tab)
    panel.evaluate(
        "(tab) => chrome.runtime.sendMessage({type: 'find_field_here', tabId: tab})", tab
    )
    browser.wait_report(tab, lambda r: r["client"] == client, "the page's report")
    return page, panel


def notes(daemon: RunningDaemon) -> list[Any]:
    return list(daemon.cli("POST", "/v1/notes/search", {}).json()["notes"])


def test_see_change_and_move(
    playwright_session: Playwright, test_extension: Path, ehr_server: EhrServer, tmp_path: Path
) -> None:
    with paired_browser_with_vault(
        playwright_session, tmp_path / "profile", test_extension, ehr_server, tmp_path / "home"
    ) as (browser, daemon):
        _page, panel = open_with_panel(browser, "/progress-note.html", "Frida Kahlo")
        expect(panel.locator("#context-client")).to_have_text("Frida Kahlo")
        expect(panel.locator("#context-sources")).to_contain_text(
            "Client from the page; date from the page"
        )
        expect(panel.locator("#context-ask")).to_have_count(0)
        panel.locator("#note-text").press_sequentially("Spoke about the garden.", delay=5)
        expect(panel.locator("#save-status")).to_have_text("Saved")
        [saved] = notes(daemon)
        assert saved["client"] == "Frida Kahlo"
        assert saved["context"]["appointment_date"] == "2025-03-10"

        # The clinician corrects the date and the name: the saved note moves (a new version).
        panel.click("#context-change")
        panel.fill("#confirm-client", "Frida Kahlo Calderon")
        panel.fill("#confirm-date", "2025-03-11")
        panel.click("#context-confirm")
        expect(panel.locator("#context-client")).to_have_text("Frida Kahlo Calderon")
        expect(panel.locator("#context-sources")).to_contain_text("as you confirmed")
        screenshot(panel, "panel-context-corrected")
        [moved] = notes(daemon)
        assert moved["id"] == saved["id"]
        assert moved["client"] == "Frida Kahlo Calderon"
        assert moved["context"]["appointment_date"] == "2025-03-11"
        history = daemon.cli("GET", f"/v1/notes/{saved['id']}/history").json()["versions"]
        assert len(history) == 2


def test_unsure_context_is_asked_before_the_first_save(
    playwright_session: Playwright, test_extension: Path, ehr_server: EhrServer, tmp_path: Path
) -> None:
    with paired_browser_with_vault(
        playwright_session, tmp_path / "profile", test_extension, ehr_server, tmp_path / "home"
    ) as (browser, daemon):
        _page, panel = open_with_panel(browser, "/no-date.html", "Ines Moreau")
        expect(panel.locator("#context-ask")).to_be_visible()
        panel.locator("#note-text").press_sequentially("Talked about the move.", delay=5)
        panel.wait_for_timeout(2000)
        assert notes(daemon) == [], "nothing filed under a guess"
        expect(panel.locator("#note-text")).to_have_value("Talked about the move.")
        panel.fill("#confirm-date", "2026-03-02")
        panel.click("#context-confirm")
        expect(panel.locator("#save-status")).to_have_text("Saved")
        [saved] = notes(daemon)
        assert saved["client"] == "Ines Moreau"
        assert saved["context"]["appointment_date"] == "2026-03-02"
