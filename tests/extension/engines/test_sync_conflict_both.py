"""The sync-conflict view, written once and run in Chromium and Firefox: a note changed on
two computers ("Laptop", paired with the extension, and "Desktop") before they synced; a
freshly opened panel shows both versions, and keeping Desktop's settles the conflict on
both computers. (The two-daemon setup is test_sync_conflict.py's; the other choices,
merge and delete, are covered there in Chromium.)"""

from __future__ import annotations

import pytest

from tests.extension.engines.driver import Engine, EnginePage
from tests.extension.engines.steps import pair
from tests.extension.test_sync_conflict import (  # noqa: F401 - computers is a fixture
    TwoComputers,
    assert_resolved,
    computers,
    edit_on,
    only_note,
)

pytestmark = pytest.mark.browser


def click_keep(panel: EnginePage, computer: str) -> None:
    """Click "Keep this version" in the column of ``computer``, where it shows."""
    box = panel.evaluate(
        "(() => { const head = [...document.querySelectorAll('.sync-head')].find((h) =>"
        f" h.querySelector('.sync-who')?.textContent.includes({computer!r}));"
        " const r = head.querySelector('.sync-keep').getBoundingClientRect();"
        " return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()"
    )
    panel.click_at(box["x"], box["y"])


def test_keep_one_computers_version_in_a_freshly_opened_panel(
    engine: Engine, computers: TwoComputers  # noqa: F811 - the fixture
) -> None:
    client_ref = f"k-{engine.name}"
    engine.set_port(computers.laptop.port)
    ehr = engine.open_ehr("theranest", f"/clients/{client_ref}/notes/edit/n-1")
    tab = engine.tab_id(ehr)
    engine.wait_report(tab, lambda r: r["field"] is not None
                       and r["context"].get("client_ref") == client_ref, "the note field")
    panel = engine.panel(tab)
    pair(panel, computers.laptop)
    panel.wait_hidden("#setup")
    panel.wait_text("#context-client", "Ida Wells")
    panel.wait_editable("#note-text")  # read-only until the note is open
    panel.type("#note-text", "Opening.")
    panel.wait_text("#save-status", "Saved")
    note = only_note(computers.laptop, client_ref)
    computers.sync(note["id"])
    on_desktop = edit_on(computers.desktop, note["id"], "Opening. Desktop wins.", note["version"])
    on_laptop = edit_on(computers.laptop, note["id"], "Opening. Laptop loses.", note["version"])
    computers.sync(note["id"])
    panel.close()

    fresh = engine.panel(tab)  # opened on a note already in conflict
    fresh.wait_visible("#sync-conflict")
    fresh.screenshot("sync-conflict")
    click_keep(fresh, "Desktop")
    fresh.wait_text("#sync-confirm", "stays in the note's history", contains=True)
    fresh.click("#sync-confirm-yes")
    fresh.wait_text("#save-status", "Saved")
    fresh.wait_value("#note-text", "Opening. Desktop wins.")
    assert_resolved(computers, note["id"], {on_laptop, on_desktop}, "Opening. Desktop wins.")

