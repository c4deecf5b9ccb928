"""The "Private notes" button beside the field: in a closed shadow root the page cannot open,
and it asks the worker to open the panel for that tab. Chromium's side panel itself cannot be
driven headless (microsoft/playwright#26693): the test checks that the worker opened it
(or, where the browser refused, fell back to the panel in a tab pinned to the EHR tab)."""

from __future__ import annotations

import pytest

from tests.extension.harness import EXTENSION_ORIGIN, ExtensionBrowser, screenshot, wait_for

pytestmark = pytest.mark.browser


def test_button_is_closed_to_the_page_and_opens_the_panel_for_its_tab(
    browser: ExtensionBrowser,
) -> None:
    page = browser.open_ehr("theranest", "/notes/edit/n-55")
    tab = browser.tab_id(page)
    browser.wait_report(tab, lambda r: r["field"] is not None, "the field")
    host = page.locator("[data-margin-button]")
    assert host.count() == 1
    assert page.evaluate("document.querySelector('[data-margin-button]').shadowRoot") is None
    # The page's own attachShadow hook (spy.js) never saw the button's shadow root.
    assert page.evaluate("(window.__spyShadowRoots ?? []).length") == 0
    field = page.locator(".ProseMirror").bounding_box()
    box = host.bounding_box()
    assert field and box
    assert (
        abs((box["x"] + box["width"]) - (field["x"] + field["width"])) < 3
    )  # at the field's right edge
    assert field["y"] - 30 <= box["y"] <= field["y"] + 5
    screenshot(page, "ehr-page-with-button")
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    opened = wait_for(
        lambda: browser.worker.evaluate("globalThis.MarginLastPanelOpen ?? null"),
        "the panel to open",
    )
    assert opened["tabId"] == tab
    assert opened["how"] in ("side_panel", "tab")
    if opened["how"] == "tab":
        wait_for(
            lambda: any(
                p.url == f"{EXTENSION_ORIGIN}/src/panel/panel.html?tab={tab}"
                for p in browser.context.pages
            ),
            "the panel tab",
        )
