"""The "Private notes" button beside the field: in a closed shadow root the page cannot open,
and it asks the worker to open the panel for that tab. Chromium's side panel itself cannot be
driven headless (microsoft/playwright#26693): the test checks that the worker opened it
(or, where the browser refused, fell back to the panel in a tab pinned to the EHR tab)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

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


def overlaps(a: dict[str, float], b: dict[str, float]) -> bool:
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


def test_button_takes_free_space_beside_the_field(browser: ExtensionBrowser) -> None:
    """Controls at every corner of the field and beside it: the button covers none of them,
    nor the field, and stays next to the field."""
    page = browser.open_ehr("generic", "/crowded.html")
    tab = browser.tab_id(page)
    helper = browser.panel(tab)
    helper.evaluate(
        "(tab) => chrome.runtime.sendMessage({type: 'find_field_here', tabId: tab})", tab
    )
    helper.close()
    browser.wait_report(tab, lambda r: r["field"] is not None, "the field")
    host = page.locator("[data-margin-button]")
    expect(host).to_have_count(1)
    page.wait_for_timeout(300)
    box = host.bounding_box()
    field = page.locator("#pn").bounding_box()
    assert box and field
    screenshot(page, "button-crowded")
    for control in page.locator(".wrap button, .wrap a, .wrap label").all():
        area = control.bounding_box()
        assert area and not overlaps(box, area), control.inner_text()
    assert not overlaps(box, field)
    badge = page.locator("[data-margin-guard]").first.bounding_box()
    assert badge and not overlaps(box, badge), "the leak guard's badge stays readable"
    for control in page.locator(".wrap button, .wrap a, .wrap label").all():
        area = control.bounding_box()
        assert area and not overlaps(badge, area), f"the badge covers {control.inner_text()}"
    near = {
        "x": field["x"] - 130,
        "y": field["y"] - 40,
        "width": field["width"] + 260,
        "height": field["height"] + 80,
    }
    assert overlaps(box, near) and box["width"] > 0, "beside the field"
