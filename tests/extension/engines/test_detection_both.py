"""Field detection and context reading, written once and run in Chromium and Firefox: the
site adapters on their EHR shapes (an iframe, a closed shadow root, ProseMirror), the
generic adapter after the toolbar button (a textarea, TinyMCE's iframe, a CKEditor in a
shadow root), the context the panel then shows, and the "Private notes" button."""

from __future__ import annotations

import pytest

from tests.extension.engines.driver import Engine
from tests.extension.engines.steps import find_field_here

pytestmark = pytest.mark.browser

# (site, path, client, appointment date, field kind, editor, in an iframe, in a shadow root)
PAGES = [
    ("therapynotes", "/Patients/Note?patientId=p-77&noteId=n-3", "Alan Turing", "2025-03-06",
     "textarea", "plain", True, False),
    ("jane", "/patients/88/chart_entries/901", "Mary Shelley", "2025-03-07",
     "contenteditable", "quill", False, True),
    ("theranest", "/notes/edit/n-55", "Ida Wells", "2025-03-08",
     "contenteditable", "prosemirror", False, False),
    ("generic", "/soap.html", "Frida Kahlo", "2025-03-10", "textarea", "plain", False, False),
    ("generic", "/tinymce.html", "Nikola Tesla", "2025-03-11",
     "iframe-body", "tinymce", True, False),
    ("generic", "/ckeditor-shadow.html", "Rosalind Franklin", "2025-03-12",
     "contenteditable", "ckeditor", False, True),
]

BUTTONS = (
    "[...document.querySelectorAll('[data-margin-button]'), ...[...document.querySelectorAll("
    "'iframe')].flatMap((f) => { try { return [...f.contentDocument.querySelectorAll("
    "'[data-margin-button]')]; } catch { return []; } })].length"
)


@pytest.mark.parametrize("shape", PAGES, ids=[f"{p[0]}{p[1].split('?')[0]}" for p in PAGES])
def test_field_and_context_found_and_shown(engine: Engine, shape: tuple[object, ...]) -> None:
    site, path, client, date, kind, editor, in_iframe, in_shadow = shape
    page = engine.open_ehr(str(site), str(path))
    tab = engine.tab_id(page)
    if site == "generic":
        find_field_here(engine, tab)
    report = engine.wait_report(
        tab, lambda r: r["field"] is not None and r["client"] == client, f"{site}{path}"
    )
    assert report["context"]["appointment_date"] == date
    found_by = "generic" if site == "generic" else "adapter"
    assert report["field"] == {"kind": kind, "editor": editor, "in_iframe": in_iframe,
                               "in_shadow_root": in_shadow, "found_by": found_by}
    assert page.evaluate(BUTTONS) == 1, "one Private notes button beside the field"
    # The panel shows that tab's context (Margin is not running: it says so, and still reads).
    panel = engine.panel(tab)
    panel.wait_text("#context-client", str(client))
    panel.wait_text("#context-date", str(date))
