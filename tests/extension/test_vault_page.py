"""The vault page (a full tab): every client and note, search, the audit trail, settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.conftest import start_daemon, stop_daemon
from tests.extension.harness import (
    EXTENSION_ORIGIN,
    ExtensionBrowser,
    create_vault_through_panel,
    pair_through_panel,
    screenshot,
)

pytestmark = pytest.mark.browser


def test_vault_page_lists_searches_audits_and_sets(
    browser: ExtensionBrowser, margin_home: Path
) -> None:
    daemon = start_daemon(margin_home)
    try:
        browser.set_port(daemon.port)
        panel = browser.panel()
        pair_through_panel(panel, daemon)
        create_vault_through_panel(panel)
        for client, text in [
            ("Ada Lovelace", "About the orchard."),
            ("Grace Hopper", "About the compass."),
        ]:
            body = {"text": text, "client": client, "context": {"site": "generic"}}
            assert daemon.cli("POST", "/v1/notes", body).status == 201
        vault = browser.context.new_page()
        vault.goto(f"{EXTENSION_ORIGIN}/src/vault/vault.html")
        expect(vault.locator("#clients")).to_contain_text("Ada Lovelace (1)")
        expect(vault.locator("#clients")).to_contain_text("Grace Hopper (1)")
        # Clients on one side, the chosen client's notes beside them, the note in a pane.
        vault.fill("#client-filter", "grace")
        expect(vault.locator("#clients button")).to_have_count(1)
        vault.fill("#client-filter", "")
        vault.locator("#clients button", has_text="Ada Lovelace").click()
        expect(vault.locator("#client-notes-title")).to_have_text("Notes of Ada Lovelace")
        vault.locator("#client-notes button").first.click()
        expect(vault.locator("#reader-text")).to_have_text("About the orchard.")
        expect(vault.locator("#reader-box .reader-facts")).to_contain_text("3 words")
        expect(vault.locator("#reader-history li")).to_have_count(1)
        screenshot(vault, "vault-notes")

        vault.click("nav [data-show='search-view']")
        vault.fill("#search", "compass")
        vault.click("#search-form button")
        expect(vault.locator("#search-results li")).to_have_count(1)
        expect(vault.locator("#search-results")).to_contain_text("Grace Hopper")

        vault.click("nav [data-show='audit-view']")
        expect(vault.locator("#audit-rows li").first).to_be_visible()
        expect(vault.locator("#audit-verification")).to_contain_text("checks out")
        # Plain sentences: the action, the client and note date, the browser and computer.
        read = vault.locator("#audit-rows li[data-action='read']")
        expect(read.first).to_contain_text("Read · Ada Lovelace, note of")
        expect(read.first).to_contain_text("· Chrome on this computer")
        expect(vault.locator("#audit-chart svg rect")).not_to_have_count(0)
        vault.select_option("#filter-client", "Grace Hopper")
        expect(vault.locator("#audit-rows li")).not_to_have_count(0)
        expect(vault.locator("#audit-rows li").filter(has_not_text="Grace Hopper")).to_have_count(0)
        vault.select_option("#filter-client", "")
        screenshot(vault, "vault-audit")

        vault.click("nav [data-show='settings-view']")
        vault.fill("#auto-lock", "42")
        vault.click("#autolock-form button")
        expect(vault.locator("#autolock-status")).to_have_text("Saved")
        assert daemon.cli("GET", "/v1/settings").json()["auto_lock_minutes"] == 42
        expect(vault.locator("#pairings")).to_contain_text("this browser")
        # The test build holds the EHR sites' permissions: they show as enabled.
        expect(vault.locator("#site-simplepractice")).to_be_checked()
        screenshot(vault, "vault-settings")
        vault.click("#lock-now")
        expect(vault.locator("#setup")).to_have_attribute("data-state", "locked")
    finally:
        stop_daemon(daemon)
