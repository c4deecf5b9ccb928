"""A miss is never silent (issue 13): on a page where no note field is found, the toolbar
button says so, the panel offers "Pick the field", the page's fields are outlined and the one
the clinician clicks becomes the site's learned field: found on the next visit, listed on
the vault page's settings and removable there."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, Playwright, expect

from tests.extension.ehr_server import EhrServer
from tests.extension.harness import (
    EXTENSION_ORIGIN,
    ExtensionBrowser,
    content_script_eval,
    content_script_messages,
    paired_browser_with_vault,
    screenshot,
)
from tests.extension.test_invariant import _check_message_shapes

pytestmark = pytest.mark.browser

WHICH = """
(() => {
  const M = globalThis.Margin;
  const found = M.adapterFor(location).findNoteField(M.collectRoots(document));
  return found ? `${found.element.id} ${found.foundBy}` : null;
})()
"""


def open_generic(browser: ExtensionBrowser, path: str) -> tuple[Page, int]:
    page = browser.open_ehr("generic", path)
    tab = browser.tab_id(page)
    helper = browser.panel(tab)  # what the toolbar button does (activeTab)
    helper.evaluate(
        "(tab) => chrome.runtime.sendMessage({type: 'find_field_here', tabId: tab})", tab
    )
    helper.close()
    browser.wait_report(tab, lambda r: r["client"] == "Ines Moreau", "the page's report")
    return page, tab


def badge(browser: ExtensionBrowser, tab: int) -> str:
    return str(browser.worker.evaluate("(tab) => chrome.action.getBadgeText({tabId: tab})", tab))


def test_pick_the_field_when_none_is_found(
    playwright_session: Playwright,
    test_extension: Path,
    ehr_server: EhrServer,
    tmp_path: Path,
) -> None:
    with paired_browser_with_vault(
        playwright_session, tmp_path / "profile", test_extension, ehr_server, tmp_path / "home"
    ) as (browser, _daemon):
        page, tab = open_generic(browser, "/unlabelled.html")
        page.wait_for_timeout(1000)
        assert browser.stored_report(tab)["field"] is None, "two unlabelled boxes: no guess"
        assert content_script_eval(page, WHICH) is None
        assert badge(browser, tab) == "?"

        panel = browser.panel(tab)
        expect(panel.locator("#field-missed")).to_be_visible()
        panel.click("#pick-field")
        box = page.locator("#box-b").bounding_box()
        assert box is not None
        page.wait_for_timeout(500)  # the outlines are drawn over the fields
        screenshot(page, "pick-the-field")
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        browser.wait_report(tab, lambda r: r["field"] is not None, "the picked field")
        assert content_script_eval(page, WHICH) == "box-b learned"
        assert badge(browser, tab) == ""
        expect(page.locator("[data-margin-button]")).to_have_count(1)
        expect(panel.locator("#field-missed")).to_have_count(0)
        _check_message_shapes(content_script_messages(page))
        page.close()

        # The next visit finds it at once, by the learned selector.
        page, tab = open_generic(browser, "/unlabelled.html")
        browser.wait_report(tab, lambda r: r["field"] is not None, "the learned field")
        assert content_script_eval(page, WHICH) == "box-b learned"

        vault = browser.context.new_page()
        vault.goto(f"{EXTENSION_ORIGIN}/src/vault/vault.html")
        vault.click("nav [data-show='settings-view']")
        learned = vault.locator("#learned-fields li")
        expect(learned).to_have_count(1)
        expect(learned).to_contain_text("ehr.clinic.test")
        expect(learned).to_contain_text("#box-b")
        learned.locator("button").click()
        expect(vault.locator("#learned-fields")).to_contain_text("None")
        page.close()
        page, tab = open_generic(browser, "/unlabelled.html")
        page.wait_for_timeout(1500)
        assert browser.stored_report(tab)["field"] is None, "forgotten: no field again"
