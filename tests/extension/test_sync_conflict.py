"""Issue 9, item 2, in the panel: a note changed on two computers before they synced.

Two real daemons ("Laptop", with the extension paired, and "Desktop"), each with its own home
and vault folder, joined to one vault; the sync simulator's carrier brings each one's files
to the other when the test says so, so the two edits really start from the same version. The
panel then shows both versions side by side with computer and time, autosave stays off, and
the clinician's choice (merge, pick one, keep the edit or the delete) is checked through the
daemon's API: the new version names both heads and the conflict is gone.
"""

from __future__ import annotations

import json
import random
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import RunningDaemon, run_margin, start_daemon, stop_daemon
from tests.extension.harness import (
    EXTENSION_ORIGIN,
    ExtensionBrowser,
    free_port,
    pair_through_panel,
    screenshot,
    wait_for,
)
from tests.sync.carrier import Carrier

pytestmark = pytest.mark.browser

PASSPHRASE = "correct horse battery staple"
WHEN = r"\d{1,2} [A-Z][a-z]{2}( \d{4})? \d{2}:\d{2}"  # "14 Jan 10:42"


@dataclass
class TwoComputers:
    laptop: RunningDaemon
    desktop: RunningDaemon
    carrier: Carrier

    def sync(self, note_id: str, timeout: float = 20) -> dict[str, Any]:
        """Carry every file both ways; wait until both daemons show the same heads."""
        def same() -> dict[str, Any] | None:
            self.carrier.settle()
            seen = [summary(d, note_id) for d in (self.laptop, self.desktop)]
            first, second = seen
            if first is None or second is None or first["waiting_for_sync"] or \
                    second["waiting_for_sync"]:
                return None
            return first if sorted(first["heads"]) == sorted(second["heads"]) else None
        return dict(wait_for(same, "both computers to show the same versions", timeout))


def summary(daemon: RunningDaemon, note_id: str) -> dict[str, Any] | None:
    listed = daemon.cli("POST", "/v1/notes/search", {"include_deleted": True}).json()["notes"]
    return next((n for n in listed if n["id"] == note_id), None)


def heads_on(daemon: RunningDaemon, note_id: str) -> list[str]:
    found = summary(daemon, note_id)
    assert found is not None, note_id
    return sorted(found["heads"])


@pytest.fixture(scope="module")
def computers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TwoComputers]:
    """The vault made on a first computer (no daemon), joined by "Laptop" and "Desktop"."""
    root = tmp_path_factory.mktemp("two-computers")
    (root / "passphrase").write_text(PASSPHRASE + "\n")
    made = run_margin(root / "first", "init", "--passphrase-file", str(root / "passphrase"))
    assert made.returncode == 0, made.stderr
    folders = {"first": root / "first" / "vault"}
    for name in ("Laptop", "Desktop"):
        folder = root / f"{name}-synced-vault"
        shutil.copytree(folders["first"] / "keys", folder / "keys")  # the sync engine's first job
        joined = run_margin(root / name, "join", str(folder), "--name", name,
                            "--passphrase-file", str(root / "passphrase"))
        assert joined.returncode == 0, joined.stderr
        folders[name] = folder
    for name, folder in folders.items():
        device = json.loads((root / name / "local" / "device.json").read_text())["device_id"]
        (folder / ".owner").write_text(device)  # whose originals the carrier copies from here
    daemons = {name: start_daemon(root / name) for name in ("Laptop", "Desktop")}
    try:
        for daemon in daemons.values():
            assert daemon.cli("POST", "/v1/unlock", {"passphrase": PASSPHRASE}).status == 200
        carrier = Carrier(folders, random.Random(3))
        yield TwoComputers(daemons["Laptop"], daemons["Desktop"], carrier)
    finally:
        for daemon in daemons.values():
            stderr = stop_daemon(daemon)
            assert "Traceback" not in stderr, stderr


def paired_panel_on(browser: ExtensionBrowser, computers: TwoComputers, client_ref: str) -> Page:
    """The EHR page of one client's session, and the panel for it, paired with Laptop."""
    browser.set_port(computers.laptop.port)
    ehr = browser.open_ehr("theranest", f"/clients/{client_ref}/notes/edit/n-1")
    tab = browser.tab_id(ehr)
    browser.wait_report(tab, lambda r: r["field"] is not None
                        and r["context"].get("client_ref") == client_ref, "the note field")
    panel = browser.panel(tab)
    pair_through_panel(panel, computers.laptop)
    expect(panel.locator("#setup")).to_be_hidden()
    expect(panel.locator("#context-client")).to_have_text("Ida Wells")
    return panel


def type_and_save(panel: Page, text: str) -> None:
    # The editor is read-only until the note is open: keys typed before that go nowhere.
    expect(panel.locator("#note-text")).to_be_editable()
    panel.locator("#note-text").press_sequentially(text, delay=3)
    expect(panel.locator("#save-status")).to_have_text("Saved")


def only_note(daemon: RunningDaemon, client_ref: str) -> dict[str, Any]:
    listed = daemon.cli("POST", "/v1/notes/search", {"client_ref": client_ref}).json()["notes"]
    assert len(listed) == 1, listed
    return dict(listed[0])


def edit_on(daemon: RunningDaemon, note_id: str, text: str, base: str | list[str]) -> str:
    reply = daemon.cli("PUT", f"/v1/notes/{note_id}", {"text": text, "base_version": base})
    assert reply.status == 200, reply.body
    return str(reply.json()["version"])


def read(daemon: RunningDaemon, note_id: str) -> dict[str, Any]:
    return dict(daemon.cli("GET", f"/v1/notes/{note_id}").json())


def head_column(page: Page, computer: str) -> Any:
    return page.locator(".sync-head", has=page.locator(".sync-who", has_text=computer))


def assert_resolved(computers: TwoComputers, note_id: str, heads: set[str], text: str) -> None:
    """The new version names every head, and both computers see one version, this one."""
    note = read(computers.laptop, note_id)
    assert set(note["parents"]) == heads and not note["conflict"] and note["text"] == text
    assert note["heads"] == [note["version"]]
    settled = computers.sync(note_id)
    assert settled["heads"] == [note["version"]] and not settled["conflict"]
    assert read(computers.desktop, note_id)["text"] == text


def test_a_merge_of_two_computers_versions_names_both(
    browser: ExtensionBrowser, computers: TwoComputers
) -> None:
    panel = paired_panel_on(browser, computers, "k-merge")
    type_and_save(panel, "Talked about the harbour.")
    note = only_note(computers.laptop, "k-merge")
    computers.sync(note["id"])
    # Both computers edit the same version before they sync again.
    on_desktop = edit_on(computers.desktop, note["id"],
                         "Talked about the harbour. Desktop: the lantern memory.", note["version"])
    type_and_save(panel, " Laptop: the rowing boat.")
    on_laptop = only_note(computers.laptop, "k-merge")["version"]
    assert computers.sync(note["id"])["conflict"]

    # The open panel notices by itself, stops autosaving and shows both, named and timed.
    view = panel.locator("#sync-conflict")
    expect(view).to_be_visible(timeout=15000)
    expect(view).to_contain_text("changed on two computers before they synced")
    expect(view).to_contain_text("Both versions are kept. Choose one, or combine them.")
    expect(panel.locator("#note-text")).to_be_hidden()
    expect(panel.locator(".sync-head")).to_have_count(2)
    expect(head_column(panel, "Laptop").locator(".sync-who")).to_have_text(
        re.compile(rf"^Laptop \(this computer\), {WHEN}$"))
    expect(head_column(panel, "Desktop").locator(".sync-who")).to_have_text(
        re.compile(rf"^Desktop, {WHEN}$"))
    expect(head_column(panel, "Laptop").locator(".sync-text")).to_have_text(
        "Talked about the harbour. Laptop: the rowing boat.")
    expect(head_column(panel, "Desktop").locator(".sync-text")).to_have_text(
        "Talked about the harbour. Desktop: the lantern memory.")
    screenshot(panel, "panel-sync-conflict")
    assert heads_on(computers.laptop, note["id"]) == sorted([on_laptop, on_desktop])

    # The vault page marks it in its list.
    vault = browser.context.new_page()
    vault.goto(f"{EXTENSION_ORIGIN}/src/vault/vault.html")
    marked = vault.locator(f"li:has(button[data-note-id='{note['id']}'])")
    expect(marked.locator(".conflict-badge")).to_have_text("Changed on two computers: choose")
    expect(vault.locator("#clients button", has_text="Ida Wells")).to_contain_text(
        "changed on two computers")
    screenshot(vault, "vault-sync-conflict-listed")
    vault.close()

    # Combine: the merge box starts with both, each under a line naming it.
    panel.click("#sync-combine")
    merge = panel.locator("#sync-merge-text")
    prefilled = merge.input_value()
    assert re.search(rf"===== Version from Laptop \(this computer\), {WHEN} =====\n"
                     r"Talked about the harbour\. Laptop: the rowing boat\.", prefilled)
    assert re.search(rf"===== Version from Desktop, {WHEN} =====\n"
                     r"Talked about the harbour\. Desktop: the lantern memory\.", prefilled)
    screenshot(panel, "panel-sync-conflict-merge")
    merged = "Talked about the harbour. Desktop: the lantern memory. Laptop: the rowing boat."
    merge.fill(merged)
    panel.click("#sync-merge-save")
    expect(panel.locator("#save-status")).to_have_text("Saved")
    expect(view).to_be_hidden()
    expect(panel.locator("#note-text")).to_have_value(merged)
    assert_resolved(computers, note["id"], {on_laptop, on_desktop}, merged)

    # Autosave is back on, over the merged version.
    type_and_save(panel, " Later.")
    assert read(computers.laptop, note["id"])["text"] == merged + " Later."


def test_text_typed_while_the_other_version_arrives_is_kept_and_can_be_chosen(
    browser: ExtensionBrowser, computers: TwoComputers
) -> None:
    panel = paired_panel_on(browser, computers, "k-pick")
    type_and_save(panel, "First words.")
    note = only_note(computers.laptop, "k-pick")
    computers.sync(note["id"])
    # Margin cannot be reached while the clinician types: the text stays in the panel.
    browser.set_port(free_port())
    panel.locator("#note-text").press_sequentially(" Typed in this panel.", delay=3)
    expect(panel.locator("#save-status")).to_contain_text("kept", timeout=15000)
    # Meanwhile both computers change the version this panel started from.
    on_desktop = edit_on(computers.desktop, note["id"], "First words. From the desktop.",
                         note["version"])
    on_laptop = edit_on(computers.laptop, note["id"], "First words. Saved on the laptop.",
                        note["version"])  # e.g. another panel on this computer
    computers.sync(note["id"])
    # Back in reach: the kept text is not saved over one version; all three are shown.
    browser.set_port(computers.laptop.port)
    view = panel.locator("#sync-conflict")
    expect(view).to_be_visible(timeout=15000)
    expect(panel.locator(".sync-head")).to_have_count(3)
    unsaved = panel.locator(".sync-unsaved")
    expect(unsaved.locator(".sync-text")).to_have_text("First words. Typed in this panel.")
    expect(unsaved.locator(".sync-who")).to_have_text("Your text in this panel (not saved yet)")
    assert heads_on(computers.laptop, note["id"]) == sorted([on_laptop, on_desktop])
    screenshot(panel, "panel-sync-conflict-unsaved-text")

    # Picking a computer's version says the typed text would go; "Back" keeps everything.
    head_column(panel, "Desktop").locator(".sync-keep").click()
    expect(panel.locator("#sync-confirm")).to_contain_text("Keep the version from Desktop")
    expect(panel.locator("#sync-confirm")).to_contain_text("will be discarded")
    panel.click("#sync-confirm-no")
    expect(unsaved).to_be_visible()

    # Pick one: the text typed here.
    unsaved.locator(".sync-keep").click()
    panel.click("#sync-confirm-yes")
    expect(panel.locator("#save-status")).to_have_text("Saved")
    expect(panel.locator("#note-text")).to_have_value("First words. Typed in this panel.")
    assert_resolved(computers, note["id"], {on_laptop, on_desktop},
                    "First words. Typed in this panel.")


def test_pick_one_computers_version_from_a_freshly_opened_panel(
    browser: ExtensionBrowser, computers: TwoComputers
) -> None:
    panel = paired_panel_on(browser, computers, "k-one")
    type_and_save(panel, "Opening.")
    note = only_note(computers.laptop, "k-one")
    computers.sync(note["id"])
    on_desktop = edit_on(computers.desktop, note["id"], "Opening. Desktop wins.", note["version"])
    on_laptop = edit_on(computers.laptop, note["id"], "Opening. Laptop loses.", note["version"])
    computers.sync(note["id"])
    panel.reload()  # opened on a note already in conflict
    expect(panel.locator("#sync-conflict")).to_be_visible()
    head_column(panel, "Desktop").locator(".sync-keep").click()
    expect(panel.locator("#sync-confirm")).to_contain_text("stays in the note's history")
    expect(panel.locator("#sync-confirm")).not_to_contain_text("discarded")
    panel.click("#sync-confirm-yes")
    expect(panel.locator("#save-status")).to_have_text("Saved")
    expect(panel.locator("#note-text")).to_have_value("Opening. Desktop wins.")
    assert_resolved(computers, note["id"], {on_laptop, on_desktop}, "Opening. Desktop wins.")
    history = computers.laptop.cli("GET", f"/v1/notes/{note['id']}/history").json()["versions"]
    assert on_laptop in {v["id"] for v in history}  # the other version stays in the history


def test_an_edit_here_and_a_delete_there_keeps_the_edit_and_shows_the_delete(
    browser: ExtensionBrowser, computers: TwoComputers
) -> None:
    panel = paired_panel_on(browser, computers, "k-del")
    type_and_save(panel, "Before.")
    note = only_note(computers.laptop, "k-del")
    computers.sync(note["id"])
    deleted = computers.desktop.cli("POST", f"/v1/notes/{note['id']}/delete",
                                    {"base_version": note["version"]})
    assert deleted.status == 200, deleted.body
    type_and_save(panel, " After, on the laptop.")
    edited = only_note(computers.laptop, "k-del")["version"]
    settled = computers.sync(note["id"])
    assert settled["conflict"] and not settled["deleted"]
    tombstone = next(h for h in settled["heads"] if h != edited)

    view = panel.locator("#sync-conflict")
    expect(view).to_be_visible(timeout=15000)
    expect(head_column(panel, "Laptop").locator(".sync-text")).to_have_text(
        "Before. After, on the laptop.")
    gone = panel.locator(".sync-head[data-deleted='true'] .sync-who")
    expect(gone).to_have_text(re.compile(rf"^Deleted on Desktop at {WHEN}$"))
    screenshot(panel, "panel-sync-conflict-deleted")

    # Keep the edit (pick one): the note lives on, naming the delete as a parent.
    head_column(panel, "Laptop").locator(".sync-keep").click()
    panel.click("#sync-confirm-yes")
    expect(panel.locator("#save-status")).to_have_text("Saved")
    assert_resolved(computers, note["id"], {edited, tombstone}, "Before. After, on the laptop.")
    assert not read(computers.laptop, note["id"])["deleted"]


def test_keep_the_delete_from_the_vault_page(
    browser: ExtensionBrowser, computers: TwoComputers
) -> None:
    browser.set_port(computers.laptop.port)
    vault = browser.context.new_page()
    vault.goto(f"{EXTENSION_ORIGIN}/src/vault/vault.html")
    pair_through_panel(vault, computers.laptop)
    created = computers.laptop.cli("POST", "/v1/notes", {
        "text": "A note for the vault page.", "client": "Vera Page",
        "context": {"site": "generic", "appointment_date": "2025-04-01"}}).json()
    computers.sync(created["id"])
    edited = edit_on(computers.laptop, created["id"], "Edited on the laptop.", created["version"])
    assert computers.desktop.cli("POST", f"/v1/notes/{created['id']}/delete",
                                 {"base_version": created["version"]}).status == 200
    computers.sync(created["id"])
    vault.reload()
    entry = vault.locator(f"li:has(button[data-note-id='{created['id']}'])")
    expect(entry.locator(".conflict-badge")).to_be_visible()
    entry.locator("button").click()
    expect(vault.locator(".sync-head")).to_have_count(2)
    expect(vault.locator(".sync-head[data-deleted='true'] .sync-who")).to_have_text(
        re.compile(rf"^Deleted on Desktop at {WHEN}$"))
    screenshot(vault, "vault-sync-conflict-open")
    vault.locator(".sync-head[data-deleted='true'] .sync-keep").click()
    expect(vault.locator("#sync-confirm")).to_contain_text(
        "Delete this note, as was done on Desktop?")
    vault.click("#sync-confirm-yes")
    expect(vault.locator("#reader-box")).to_contain_text("The note was deleted")
    expect(vault.locator(f"button[data-note-id='{created['id']}']")).to_have_count(0)
    settled = computers.sync(created["id"])
    assert settled["deleted"] and not settled["conflict"]
    history = computers.laptop.cli("GET", f"/v1/notes/{created['id']}/history").json()["versions"]
    joined = [v for v in history if set(v["parents"]) >= {edited}]
    assert joined and len(joined[0]["parents"]) == 2  # the edit and the delete, both named
