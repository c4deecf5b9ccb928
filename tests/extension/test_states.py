"""Each way Margin can be out of reach gets its own explanation and fix in the panel, and a
save that lost a race shows both versions side by side instead of overwriting either."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.conftest import start_daemon, stop_daemon
from tests.extension.harness import (
    EXTENSION_ORIGIN,
    ExtensionBrowser,
    create_vault_through_panel,
    free_port,
    pair_through_panel,
    screenshot,
)

pytestmark = pytest.mark.browser


def test_blocked_by_local_network_access_is_told_apart_from_not_running(
    browser: ExtensionBrowser,
) -> None:
    browser.set_port(free_port())
    panel = browser.panel()
    expect(panel.locator("#setup")).to_have_attribute("data-state", "not_running")
    # Deny Chromium's local-network-access permission to the extension, as a clinician who
    # answered "Block" would have.
    cdp = browser.context.new_cdp_session(panel)
    for name in ("local-network-access", "loopback-network", "local-network"):
        cdp.send(
            "Browser.setPermission",
            {"permission": {"name": name}, "setting": "denied", "origin": EXTENSION_ORIGIN},
        )
    panel.reload()
    expect(panel.locator("#setup")).to_have_attribute("data-state", "lna_blocked")
    expect(panel.locator("#setup")).to_contain_text("local network access")
    expect(panel.locator("#open-site-settings")).to_be_visible()
    screenshot(panel, "panel-lna-blocked")


def test_wrong_code_then_pairing_then_locked_then_unlocked(
    browser: ExtensionBrowser, margin_home: Path
) -> None:
    daemon = start_daemon(margin_home)
    try:
        browser.set_port(daemon.port)
        panel = browser.panel()
        expect(panel.locator("#setup")).to_have_attribute("data-state", "not_paired")
        daemon.cli("POST", "/v1/pairing-code", {})
        panel.fill("#pair-code", "AAAA-AAAA")
        panel.click("#pair-submit")
        expect(panel.locator("#pair-error")).to_contain_text("tries left")
        pair_through_panel(panel, daemon)
        passphrase = create_vault_through_panel(panel)
        expect(panel.locator("#setup")).to_be_hidden()
        assert daemon.cli("POST", "/v1/lock", {}).status == 200
        panel.reload()
        expect(panel.locator("#setup")).to_have_attribute("data-state", "locked")
        panel.fill("#unlock-passphrase", "not the passphrase")
        panel.click("#unlock-submit")
        expect(panel.locator("#unlock-error")).not_to_be_empty()
        panel.fill("#unlock-passphrase", passphrase)
        panel.click("#unlock-submit")
        expect(panel.locator("#setup")).to_be_hidden()
        assert daemon.cli("GET", "/v1/vault").json()["unlocked"] is True
    finally:
        stop_daemon(daemon)


def test_stale_save_shows_both_versions_and_keeps_both(
    browser: ExtensionBrowser, margin_home: Path
) -> None:
    daemon = start_daemon(margin_home)
    try:
        browser.set_port(daemon.port)
        setup = browser.panel()
        pair_through_panel(setup, daemon)
        create_vault_through_panel(setup)
        page = browser.open_ehr("theranest", "/notes/edit/n-55")
        tab = browser.tab_id(page)
        browser.wait_report(tab, lambda r: r["field"] is not None, "the field")
        first = browser.panel(tab)
        expect(first.locator("#note-text")).to_be_editable()  # keys typed earlier are lost
        first.locator("#note-text").press_sequentially("Version one.", delay=3)
        expect(first.locator("#save-status")).to_have_text("Saved")
        second = browser.panel(tab)  # another window on the same note, at version one
        expect(second.locator("#note-text")).to_have_value("Version one.")
        expect(second.locator("#note-text")).to_be_editable()
        first.locator("#note-text").press_sequentially(" From the first window.", delay=3)
        expect(first.locator("#save-status")).to_have_text("Saved")
        second.locator("#note-text").press_sequentially(" From the second window.", delay=3)
        expect(second.locator("#conflict")).to_be_visible()
        expect(second.locator("#conflict-mine")).to_have_value(
            "Version one. From the second window."
        )
        expect(second.locator("#conflict-current")).to_have_value(
            "Version one. From the first window."
        )
        screenshot(second, "panel-conflict")
        second.click("#keep-both")
        expect(second.locator("#save-status")).to_have_text("Saved")
        notes = daemon.cli("POST", "/v1/notes/search", {"client": "Ida Wells"}).json()["notes"]
        assert len(notes) == 1
        text = daemon.cli("GET", f"/v1/notes/{notes[0]['id']}").json()["text"]
        assert (
            text
            == "Version one. From the first window.\n\n---\n\nVersion one. From the second window."
        )
    finally:
        stop_daemon(daemon)
