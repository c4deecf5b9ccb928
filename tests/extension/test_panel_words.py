"""The panel's words at run time: read from the message catalogue through chrome.i18n, and an
EHR that only the generic adapter knows is named by its own host name."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from tests.extension.harness import EXTENSION_DIR, ExtensionBrowser, free_port

pytestmark = pytest.mark.browser
CATALOGUE = json.loads((EXTENSION_DIR / "_locales" / "en" / "messages.json").read_text("utf-8"))


def test_a_generic_ehr_is_named_by_its_host_and_the_words_come_from_the_catalogue(
    browser: ExtensionBrowser,
) -> None:
    browser.set_port(free_port())  # nothing listens: the context line shows all the same
    page = browser.open_ehr("generic", "/soap.html")
    tab = browser.tab_id(page)
    panel = browser.panel(tab)
    # Not an enabled EHR: what the toolbar button does (activeTab), asked from the panel.
    panel.evaluate(
        "(tab) => chrome.runtime.sendMessage({type: 'find_field_here', tabId: tab})", tab
    )
    browser.wait_report(tab, lambda r: r["field"] is not None, "the field")
    expect(panel.locator("#context-site")).to_have_text("ehr.clinic.test")
    expect(panel.locator("#context-client")).to_have_text("Frida Kahlo")
    expect(panel.locator("h1")).to_have_text(CATALOGUE["panelHeading"]["message"])
    expect(panel).to_have_title(CATALOGUE["panelTitle"]["message"])
    expect(panel.locator("#setup h2")).to_have_text(CATALOGUE["problem_not_running"]["message"])
