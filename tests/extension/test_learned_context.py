"""A correction is remembered for that page shape (issue 13): the clinician corrects the client
and the date the page was misread for, once; the next record of the same screen is read right
without asking (the place learned, never the values stored), the learned places are listed
on the vault page's settings, and forgetting them brings back the page's own reading."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, Playwright, expect

from tests.extension.ehr_server import EhrServer
from tests.extension.harness import (
    EXTENSION_ORIGIN,
    ExtensionBrowser,
    content_script_messages,
    open_generic_with_field,
    paired_browser_with_vault,
    screenshot,
)
from tests.extension.test_invariant import _check_message_shapes

pytestmark = pytest.mark.browser


def open_record(browser: ExtensionBrowser, record: int) -> tuple[Page, int]:
    return open_generic_with_field(browser, f"/record.html?record={record}")


def read(report: dict[str, Any]) -> tuple[Any, Any]:
    return report["client"], report["context"].get("appointment_date")


def stored(browser: ExtensionBrowser) -> str:
    return json.dumps(browser.worker.evaluate("chrome.storage.local.get(null)"))


def test_a_correction_is_learned_for_the_page_shape(
    playwright_session: Playwright, test_extension: Path, ehr_server: EhrServer, tmp_path: Path
) -> None:
    with paired_browser_with_vault(
        playwright_session, tmp_path / "profile", test_extension, ehr_server, tmp_path / "home"
    ) as (browser, _daemon):
        page, tab = open_record(browser, 1)
        wrong = browser.wait_report(tab, lambda r: r["client"] is not None, "a first reading")
        assert read(wrong) == ("Oskar Berg", "2026-05-01"), "the page misleads the reading"

        panel = browser.panel(tab)
        expect(panel.locator("#context-client")).to_have_text("Oskar Berg")
        panel.click("#context-change")
        panel.fill("#confirm-client", "Jonah Price")
        panel.fill("#confirm-date", "2026-03-12")
        panel.click("#context-confirm")
        # The place was learned: this page itself is now read there.
        learned = browser.wait_report(
            tab, lambda r: r["sources"].get("client") == "learned", "the learned reading"
        )
        assert read(learned) == ("Jonah Price", "2026-03-12")
        assert learned["sources"] == {"client": "learned", "date": "learned"}
        _check_message_shapes(content_script_messages(page))
        everything = stored(browser)
        for secret in ("Jonah", "Price", "2026-03-12", "12 March"):
            assert secret not in everything, f"{secret!r} stored: locators only"
        panel.close()
        page.close()

        # Another record of the same screen: right at once, and the panel does not ask.
        page, tab = open_record(browser, 2)
        report = browser.wait_report(
            tab, lambda r: r["client"] == "Lena Vogel", "the next record, read where learned"
        )
        assert read(report) == ("Lena Vogel", "2026-03-13")
        panel = browser.panel(tab)
        expect(panel.locator("#context-client")).to_have_text("Lena Vogel")
        expect(panel.locator("#context-date")).to_have_text("2026-03-13")
        expect(panel.locator("#context-ask")).to_have_count(0)
        expect(panel.locator("#context-sources")).to_contain_text("earlier correction")
        screenshot(panel, "panel-context-learned")
        panel.close()
        page.close()

        # Listed in the settings, and forgotten there: the page's own reading comes back.
        vault = browser.context.new_page()
        vault.goto(f"{EXTENSION_ORIGIN}/src/vault/vault.html")
        vault.click("nav [data-show='settings-view']")
        places = vault.locator("#learned-context li")
        expect(places).to_have_count(2)
        expect(places.first).to_contain_text("ehr.clinic.test")
        expect(places.first).to_contain_text("/record.html")
        screenshot(vault, "settings-learned-context")
        places.first.locator("button").click()
        expect(places).to_have_count(1)
        vault.locator("#learned-context li button").click()
        expect(vault.locator("#learned-context")).to_contain_text("None")
        page, tab = open_record(browser, 2)
        report = browser.wait_report(tab, lambda r: r["client"] is not None, "the page's reading")
        page.wait_for_timeout(1000)
        assert read(browser.stored_report(tab)) == ("Oskar Berg", "2026-05-01")
