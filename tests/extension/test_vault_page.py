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
    pair_and_create_vault,
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
        # Hints for the private notes themselves: off by default, one click turns them on.
        hints = vault.locator("#private-note-hints")
        expect(hints).not_to_be_checked()
        hints.check()
        expect(vault.locator("#hints-status")).to_have_text("Saved")
        assert daemon.cli("GET", "/v1/settings").json()["private_note_hints"] is True
        expect(vault.locator("#pairings")).to_contain_text("this browser")
        # The test build holds the EHR sites' permissions: they show as enabled.
        expect(vault.locator("#site-simplepractice")).to_be_checked()
        screenshot(vault, "vault-settings")
        vault.click("#lock-now")
        expect(vault.locator("#setup")).to_have_attribute("data-state", "locked")
    finally:
        stop_daemon(daemon)


REVIEW_NOTES = [
    ("Ada Lovelace", "2026-10-01", "She loved the orchard as a child. Started sertraline 50 mg."),
    ("Ada Lovelace", "2026-11-05", "I wonder about her mother. Denies SI/HI.\nPHQ-9 today 12."),
    ("Grace Hopper", "2026-11-06", "He talked about his garden and the tomatoes."),
    ("Grace Hopper", "2026-11-07", "Reports passive SI, no plan; safety plan reviewed."),
]


def test_review_my_private_notes_safety_first_filters_opens_and_acknowledges(
    browser: ExtensionBrowser, margin_home: Path
) -> None:
    """Item 4 of issue 21: the private notes' sentences that belong in the record, notes with
    safety content first; by client and since a date; each opens its note; a safety sentence
    is acknowledged with the panel's flow (audited, no text) and goes quiet; by keyboard."""
    daemon = start_daemon(margin_home)
    try:
        pair_and_create_vault(browser, daemon)
        ids = {}
        for client, day, text in REVIEW_NOTES:
            body = {"text": text, "client": client,
                    "context": {"site": "generic", "appointment_date": day}}
            reply = daemon.cli("POST", "/v1/notes", body)
            assert reply.status == 201
            ids[day] = reply.json()["id"]
        vault = browser.context.new_page()
        vault.goto(f"{EXTENSION_ORIGIN}/src/vault/vault.html")
        expect(vault.locator("#clients button")).to_have_count(2)
        # By keyboard: Tab reaches the view's button, Enter shows the review.
        vault.focus("nav [data-show='exports-view']")
        vault.keyboard.press("Tab")
        vault.keyboard.press("Enter")
        notes = vault.locator("#review-notes > li")
        expect(notes).to_have_count(3)
        # Safety first (the two notes with risk, newest first), then the sertraline note.
        assert [notes.nth(i).get_attribute("data-note-id") for i in range(3)] == [
            ids["2026-11-07"], ids["2026-11-05"], ids["2026-10-01"]]
        expect(notes.nth(0).locator("h3")).to_have_text("Grace Hopper, note of 2026-11-07")
        expect(vault.locator("#review-status")).to_contain_text("3 (2 with safety content)")
        ada = notes.nth(1)
        expect(ada.locator(".safety-sentence")).to_have_text("Denies SI/HI.")
        expect(ada.locator(".review-findings li")).to_have_count(1)
        expect(ada.locator(".review-findings")).to_contain_text("PHQ-9 today 12.")
        expect(notes.nth(2).locator(".safety-banner")).to_be_hidden()
        expect(notes.nth(2).locator(".review-findings")).to_contain_text("Started sertraline")
        screenshot(vault, "vault-review")

        # A sentence opens its note under the list (an audited read).
        notes.nth(2).locator(".review-findings button").first.click()
        expect(vault.locator("#review-reader-slot #reader-text")).to_have_text(REVIEW_NOTES[0][2])

        # The panel's acknowledgement: audited with the note and its version, never the text.
        ada.locator("button.acknowledge").focus()
        vault.keyboard.press("Enter")
        expect(ada.locator(".safety-banner")).to_be_hidden()
        entries = daemon.cli("GET", "/v1/audit").json()["entries"]
        acknowledged = [e for e in entries if e["action"] == "safety_acknowledged"]
        assert len(acknowledged) == 1 and acknowledged[0]["note"] == ids["2026-11-05"]
        assert "SI/HI" not in str(acknowledged)
        expect(notes.nth(0).locator(".safety-banner")).to_be_visible()  # the other note's

        # Filters: one client; since a date.
        vault.select_option("#review-client", "Ada Lovelace")
        vault.click("#review-form button")
        expect(notes).to_have_count(2)
        expect(notes.locator("h3").filter(has_text="Grace Hopper")).to_have_count(0)
        vault.select_option("#review-client", "")
        vault.fill("#review-since", "2026-11-06")
        vault.click("#review-form button")
        expect(notes).to_have_count(1)
        expect(notes.first).to_have_attribute("data-note-id", ids["2026-11-07"])
        vault.fill("#review-since", "2026-12-01")
        vault.click("#review-form button")
        expect(notes).to_have_count(0)
        expect(vault.locator("#review-status")).to_contain_text("Nothing here belongs")
    finally:
        stop_daemon(daemon)
