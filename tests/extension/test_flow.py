"""The whole path a new user takes, in real Chromium against a real daemon: first run,
pairing with a code, creating the vault, writing with autosave, finding the note again
after a reload, and keeping typed text while the daemon is down or the vault locked."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import start_daemon, stop_daemon
from tests.extension.harness import (
    ExtensionBrowser,
    free_port,
    pair_through_panel,
    screenshot,
    start_daemon_on,
)

pytestmark = pytest.mark.browser


def _note_text_in_daemon(daemon, client: str) -> list[str]:  # type: ignore[no-untyped-def]
    listing = daemon.cli("POST", "/v1/notes/search", {"client": client}).json()["notes"]
    return [daemon.cli("GET", f"/v1/notes/{n['id']}").json()["text"] for n in listing]


def _open_client(browser: ExtensionBrowser) -> tuple[Page, int]:
    page = browser.open_ehr("simplepractice")
    page.click("#open-c-1001")
    tab = browser.tab_id(page)
    browser.wait_report(
        tab, lambda r: r["client"] == "Ada Lovelace" and r["field"] is not None, "the editor"
    )
    return page, tab


def test_first_run_pair_create_write_reload_and_survive_a_daemon_restart(
    browser: ExtensionBrowser, margin_home: Path
) -> None:
    # First run: Margin is not running where the extension looks.
    browser.set_port(free_port())
    ehr, tab = _open_client(browser)
    panel = browser.panel(tab)
    expect(panel.locator("#setup")).to_have_attribute("data-state", "not_running")
    expect(panel.locator("#setup")).to_contain_text("make run")
    screenshot(panel, "panel-1-not-running")

    daemon = start_daemon(margin_home)
    try:
        panel.fill("#daemon-port", str(daemon.port))
        panel.click("#save-port")
        expect(panel.locator("#setup")).to_have_attribute("data-state", "not_paired")
        screenshot(panel, "panel-2-not-paired")
        pair_through_panel(panel, daemon)
        expect(panel.locator("#setup")).to_have_attribute("data-state", "no_vault")
        screenshot(panel, "panel-3-no-vault")
        panel.click("#create-vault")
        expect(panel.locator("#recovery-passphrase")).not_to_be_empty()
        screenshot(panel, "panel-4-recovery-passphrase")
        passphrase = panel.locator("#recovery-passphrase").inner_text()
        panel.check("#wrote-it-down")
        panel.click("#recovery-done")
        expect(panel.locator("#setup")).to_be_hidden()

        # Unlocked: the context of the EHR tab, and autosave.
        expect(panel.locator("#context-client")).to_have_text("Ada Lovelace")
        expect(panel.locator("#context-date")).to_have_text("2025-03-04")
        panel.locator("#note-text").press_sequentially(
            "Client spoke about the lighthouse dream.", delay=5
        )
        expect(panel.locator("#save-status")).to_have_text("Saved")
        screenshot(panel, "panel-5-saved")
        assert _note_text_in_daemon(daemon, "Ada Lovelace") == [
            "Client spoke about the lighthouse dream."
        ]

        # Reload the EHR page: the same client and date bring the same note back.
        ehr.reload()
        browser.wait_report(
            tab,
            lambda r: r["client"] == "Ada Lovelace" and r["field"] is not None,
            "the editor again",
        )
        second = browser.panel(tab)
        expect(second.locator("#note-text")).to_have_value(
            "Client spoke about the lighthouse dream."
        )
        second.close()

        # Stop the daemon while typing: the text stays, the error says so.
        panel.locator("#note-text").press_sequentially(" Then silence.", delay=5)
        stop_daemon(daemon)
    finally:
        if daemon.alive():
            stop_daemon(daemon)
    expect(panel.locator("#save-status")).to_contain_text("Margin is not running", timeout=15000)
    expect(panel.locator("#save-status")).to_contain_text("kept")
    expect(panel.locator("#note-text")).to_have_value(
        "Client spoke about the lighthouse dream. Then silence."
    )
    screenshot(panel, "panel-6-daemon-down-text-kept")
    panel.locator("#note-text").press_sequentially(" More while down.", delay=5)

    # Restart on the same port: the vault comes back locked; unlocking saves the kept text.
    restarted = start_daemon_on(margin_home, daemon.port)
    try:
        expect(panel.locator("#setup")).to_have_attribute("data-state", "locked", timeout=15000)
        expect(panel.locator("#note-text")).to_have_value(
            "Client spoke about the lighthouse dream. Then silence. More while down."
        )
        screenshot(panel, "panel-7-locked-text-kept")
        panel.fill("#unlock-passphrase", passphrase)
        panel.click("#unlock-submit")
        expect(panel.locator("#save-status")).to_have_text("Saved", timeout=15000)
        assert _note_text_in_daemon(restarted, "Ada Lovelace") == [
            "Client spoke about the lighthouse dream. Then silence. More while down."
        ]
    finally:
        stop_daemon(restarted)
