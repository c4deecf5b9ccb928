"""The audit log: every opening of a note is recorded; verify catches a doctored log."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from margin.home import Home
from margin.vault import Vault, audit
from margin.vault.objfile import Kind, SealedObject

from .helpers import audit_files, reopen, reseal


def _edit_entry(change: dict[str, object]):
    def rewrite(objects: list[SealedObject]) -> list[SealedObject]:
        out = []
        for item in objects:
            if item.kind is Kind.AUDIT:
                entry = {**json.loads(item.plaintext), **change}
                item = replace(item, plaintext=audit.canonical(entry))
            out.append(item)
        return out

    return rewrite


@pytest.fixture
def busy(vault: Vault) -> Vault:
    note = vault.create_note("words", actor="cli", client="C")
    vault.get_note(note.id, actor="extension:abc")
    vault.update_note(note.id, "more words", base_version=note.version, actor="cli")
    vault.record("disclosure", note.id, actor="export-checker", detail={"file": "export.pdf"})
    vault.delete_note(note.id, actor="cli")
    vault.get_note(note.id, actor="cli")
    return vault


def test_every_action_is_recorded_with_who_what_when(busy: Vault, home: Home) -> None:
    entries = busy.audit_entries()
    assert [(e.action, e.actor) for e in entries] == [
        ("create", "cli"),
        ("create", "cli"),
        ("read", "extension:abc"),
        ("update", "cli"),
        ("disclosure", "export-checker"),
        ("delete", "cli"),
        ("read", "cli"),
    ]
    assert all(e.device == busy.device_id and e.time.endswith("Z") for e in entries)
    assert entries[2].note == entries[1].note and entries[4].detail == {"file": "export.pdf"}
    assert busy.verify_audit().ok
    busy.lock()
    again = reopen(home)
    actions = [e.action for e in again.audit_entries()]
    assert actions[-3:] == ["read", "lock", "unlock"]
    assert again.verify_audit().ok


def test_record_refuses_a_malformed_action(vault: Vault) -> None:
    with pytest.raises(ValueError, match="lowercase"):
        vault.record("Not An Action!", None, actor="cli")


def test_removed_entry_is_detected(busy: Vault) -> None:
    files = audit_files(busy)
    # The read by the extension (3) waited in the journal and went out with the update (4).
    assert files[3] == files[4]
    files[3].unlink()
    report = busy.verify_audit()
    assert not report.ok and any("entries 3 to 4 are missing" in p for p in report.problems)


def test_edited_entry_is_detected_even_when_resealed_with_the_key(busy: Vault) -> None:
    reseal(busy, audit_files(busy)[3], _edit_entry({"actor": "someone-else"}))
    report = busy.verify_audit()
    assert not report.ok and any("entry 4 does not follow entry 3" in p for p in report.problems)


def test_reordered_entries_are_detected(busy: Vault) -> None:
    files = audit_files(busy)
    reseal(busy, files[3], _edit_entry({"seq": 5}))
    reseal(busy, files[5], _edit_entry({"seq": 3}))
    report = busy.verify_audit()
    assert not report.ok and any("does not follow" in p for p in report.problems)


def test_removed_tail_is_detected_across_a_reopen(busy: Vault, home: Home) -> None:
    busy.lock()  # the local index now remembers entry 9 (the lock)
    # Cut the log back: drop every file holding the newest entries (reads, lock, unlock).
    vault = reopen(home)
    vault.flush_index()  # the unlock entry leaves the local journal for the vault folder
    files = audit_files(vault)
    for seq in range(7, max(files) + 1):
        if seq in files:
            files[seq].unlink(missing_ok=True)  # a file may hold several entries
    report = vault.verify_audit()
    assert not report.ok
    assert any("which this computer saw" in p or "not the one" in p for p in report.problems)
    # Writing new entries over the cut must not hide it.
    vault.record("scan", None, actor="cli")
    assert not vault.verify_audit().ok


def test_a_second_device_has_its_own_chain(busy: Vault, tmp_path) -> None:
    other = Home(tmp_path / "laptop")
    other.root.mkdir()
    (other.root / "vault").symlink_to(busy.home.vault_dir)
    laptop = reopen(other)
    laptop.record("export", None, actor="cli")
    devices = {e.device for e in laptop.audit_entries()}
    assert devices == {busy.device_id, laptop.device_id}
    assert [e.seq for e in laptop.audit_entries(device=laptop.device_id)] == [1, 2]
    assert laptop.verify_audit().ok and busy.verify_audit().ok
