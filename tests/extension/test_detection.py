"""The content script finds the note field and the EHR context on each page shape."""

from __future__ import annotations

from typing import Any

import pytest

from tests.extension.harness import ExtensionBrowser, content_script_messages, wait_for

pytestmark = pytest.mark.browser

EXPECTED: list[tuple[str, str, dict[str, Any]]] = [
    (
        "therapynotes",
        "/Patients/Note?patientId=p-77&noteId=n-3",
        {
            "site": "therapynotes",
            "client": "Alan Turing",
            "context": {
                "site": "therapynotes",
                "appointment_date": "2025-03-06",
                "client_ref": "p-77",
                "appointment_ref": "n-3",
            },
            "field": {
                "kind": "textarea",
                "editor": "plain",
                "in_iframe": True,
                "in_shadow_root": False,
                "found_by": "adapter",
            },
        },
    ),
    (
        "jane",
        "/patients/88/chart_entries/901",
        {
            "site": "jane",
            "client": "Mary Shelley",
            "context": {
                "site": "jane",
                "appointment_date": "2025-03-07",
                "client_ref": "88",
                "appointment_ref": "901",
            },
            "field": {
                "kind": "contenteditable",
                "editor": "quill",
                "in_iframe": False,
                "in_shadow_root": True,
                "found_by": "adapter",
            },
        },
    ),
    (
        "theranest",
        "/notes/edit/n-55",
        {
            "site": "theranest",
            "client": "Ida Wells",
            "context": {
                "site": "theranest",
                "appointment_date": "2025-03-08",
                "appointment_ref": "n-55",
            },
            "field": {
                "kind": "contenteditable",
                "editor": "prosemirror",
                "in_iframe": False,
                "in_shadow_root": False,
                "found_by": "adapter",
            },
        },
    ),
]

GENERIC: list[tuple[str, dict[str, Any]]] = [
    (
        "/soap.html",
        {
            "client": "Frida Kahlo",
            "context": {"site": "generic", "appointment_date": "2025-03-10"},
            "field": {
                "kind": "textarea",
                "editor": "plain",
                "in_iframe": False,
                "in_shadow_root": False,
                "found_by": "generic",
            },
        },
    ),
    (
        "/tinymce.html",
        {
            "client": "Nikola Tesla",
            "context": {"site": "generic", "appointment_date": "2025-03-11"},
            "field": {
                "kind": "iframe-body",
                "editor": "tinymce",
                "in_iframe": True,
                "in_shadow_root": False,
                "found_by": "generic",
            },
        },
    ),
    (
        "/ckeditor-shadow.html",
        {
            "client": "Rosalind Franklin",
            "context": {"site": "generic", "appointment_date": "2025-03-12"},
            "field": {
                "kind": "contenteditable",
                "editor": "ckeditor",
                "in_iframe": False,
                "in_shadow_root": True,
                "found_by": "generic",
            },
        },
    ),
    ("/no-note.html", {"field": None}),
]


def _matches(report: dict[str, Any], expected: dict[str, Any]) -> bool:
    return all(report.get(key) == value for key, value in expected.items())


@pytest.mark.parametrize(("site", "path", "expected"), EXPECTED, ids=[e[0] for e in EXPECTED])
def test_site_adapters_find_field_and_context(
    browser: ExtensionBrowser, site: str, path: str, expected: dict[str, Any]
) -> None:
    page = browser.open_ehr(site, path)
    tab = browser.tab_id(page)
    report = wait_for(lambda: browser.stored_report(tab), "a context report")
    try:
        browser.wait_report(tab, lambda r: _matches(r, expected), f"{site}'s context")
    except AssertionError:
        pytest.fail(f"{site}: got {browser.stored_report(tab)}, expected {expected}")
    assert report is not None
    # The button sits beside the field, in the top document, on a host of its own.
    assert (
        page.locator("[data-margin-button]").count() >= 1
        or page.frame_locator("#note-frame").locator("[data-margin-button]").count() == 1
    )


def test_spa_editor_appears_later_and_client_changes_without_a_load(
    browser: ExtensionBrowser,
) -> None:
    page = browser.open_ehr("simplepractice")
    tab = browser.tab_id(page)
    first = browser.wait_report(
        tab, lambda r: r["client"] is None or r["field"] is None, "the client list's report"
    )
    assert first["field"] is None
    page.click("#open-c-1001")
    report = browser.wait_report(
        tab, lambda r: r["field"] is not None and r["client"] == "Ada Lovelace", "the editor"
    )
    assert report["context"] == {
        "site": "simplepractice",
        "appointment_date": "2025-03-04",
        "client_ref": "c-1001",
        "appointment_ref": "a-5001",
    }
    assert report["field"] == {
        "kind": "contenteditable",
        "editor": "plain",
        "in_iframe": False,
        "in_shadow_root": False,
        "found_by": "adapter",
    }
    page.click("#next-client")  # pushState: no page load
    report = browser.wait_report(
        tab, lambda r: r["client"] == "Grace Hopper" and r["field"] is not None, "the next client"
    )
    assert report["context"]["client_ref"] == "c-1002"
    assert report["context"]["appointment_date"] == "2025-03-05"
    sent = [m["message"] for m in content_script_messages(page) if m["direction"] == "sent"]
    assert [m["client"] for m in sent if m.get("type") == "cs-context"][-1] == "Grace Hopper"


@pytest.mark.parametrize(("path", "expected"), GENERIC, ids=[g[0] for g in GENERIC])
def test_generic_adapter_on_demand(
    browser: ExtensionBrowser, path: str, expected: dict[str, Any]
) -> None:
    page = browser.open_ehr("generic", path)
    tab = browser.tab_id(page)
    assert browser.stored_report(tab) is None  # not an enabled EHR site: no content script yet
    panel = browser.panel(tab)
    # What the toolbar button does (activeTab), asked from an extension page.
    assert panel.evaluate(
        "(tab) => chrome.runtime.sendMessage({type: 'find_field_here', tabId: tab})", tab
    )["ok"]
    try:
        browser.wait_report(tab, lambda r: _matches(r, expected), f"{path}'s context")
    except AssertionError:
        pytest.fail(f"{path}: got {browser.stored_report(tab)}, expected {expected}")
    buttons = page.locator("[data-margin-button]").count()
    assert buttons == (0 if expected["field"] is None else 1)
