"""Notes: create, read, update with the version edited, list, delete/undo, history, locking."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from margin.errors import (
    NoteDeleted,
    NoteNotFound,
    NoVault,
    StaleVersion,
    VaultExists,
    VaultLocked,
    WrongPassphrase,
)
from margin.home import Home
from margin.vault import Vault

from .helpers import CHEAP_KDF, PASSPHRASE, no_keychain, object_files, reopen


def test_create_read_update_round_trip(vault: Vault, home: Home) -> None:
    note = vault.create_note(
        "He spoke about the lake house.",
        actor="cli",
        client="Dana Whitfield",
        context={
            "site": "ehr.example",
            "appointment_date": "2024-05-02",
            "appointment_ref": "A-77",
        },
        tags=["family"],
    )
    read = vault.get_note(note.id, actor="cli")
    assert (read.text, read.client, read.tags) == (note.text, "Dana Whitfield", ["family"])
    assert read.context["appointment_ref"] == "A-77"
    edited = vault.update_note(
        note.id, "He spoke about the boat.", base_version=note.version, actor="cli"
    )
    assert edited.parents == [note.version]
    assert edited.client == "Dana Whitfield"  # metadata carried over unless given
    vault.lock()
    again = reopen(home)
    assert again.get_note(note.id, actor="cli").text == "He spoke about the boat."
    assert again.get_note(note.id, actor="cli", version=note.version).text.endswith("lake house.")
    assert [v.id for v in again.history(note.id)] == [note.version, edited.version]
    assert note.to_json()["conflict"] is False


def test_stale_base_version_is_refused_and_nothing_is_overwritten(vault: Vault) -> None:
    note = vault.create_note("first", actor="cli", client="C")
    second = vault.update_note(note.id, "second", base_version=note.version, actor="cli")
    files_before = len(object_files(vault.home))
    with pytest.raises(StaleVersion) as refused:
        vault.update_note(note.id, "stale edit", base_version=note.version, actor="cli")
    assert refused.value.envelope()["current"]["version"] == second.version
    assert len(object_files(vault.home)) == files_before
    assert vault.get_note(note.id, actor="cli").text == "second"


def test_metadata_only_update_keeps_the_text(vault: Vault) -> None:
    note = vault.create_note("text stays", actor="cli", client="Old Name")
    renamed = vault.update_note(
        note.id, None, base_version=note.version, actor="cli", client="New Name"
    )
    assert renamed.text == "text stays"
    assert [n.id for n in vault.list_notes(client="new name")] == [note.id]
    assert vault.list_notes(client="Old Name") == []


def test_list_by_client_site_and_date(vault: Vault) -> None:
    made = {}
    for client, site, date in [
        ("Ann", "a.example", "2024-01-01"),
        ("Ann", "b.example", "2024-01-02"),
        ("Bob", "a.example", "2024-01-01"),
    ]:
        made[(client, site, date)] = vault.create_note(
            "x", actor="cli", client=client, context={"site": site, "appointment_date": date}
        ).id
    assert {n.id for n in vault.list_notes(client=" ann ")} == {
        made[("Ann", "a.example", "2024-01-01")],
        made[("Ann", "b.example", "2024-01-02")],
    }
    assert {n.id for n in vault.list_notes(site="a.example", date="2024-01-01")} == {
        made[("Ann", "a.example", "2024-01-01")],
        made[("Bob", "a.example", "2024-01-01")],
    }
    assert vault.list_notes(client="Nobody") == []
    assert len(vault.list_notes()) == 3
    assert "text" not in vault.list_notes()[0].to_json()


def test_delete_is_a_tombstone_that_can_be_undone(vault: Vault, home: Home) -> None:
    note = vault.create_note("keep me", actor="cli", client="Eve")
    gone = vault.delete_note(note.id, actor="cli")
    assert gone.deleted
    assert vault.list_notes() == []
    assert [n.id for n in vault.list_notes(include_deleted=True, client="Eve")] == [note.id]
    assert vault.get_note(note.id, actor="cli").deleted  # still visible to the clinician
    with pytest.raises(NoteDeleted):
        vault.update_note(note.id, "x", base_version=gone.version, actor="cli")
    vault.lock()
    again = reopen(home)
    back = again.undelete_note(note.id, actor="cli")
    assert (back.text, back.client, back.deleted) == ("keep me", "Eve", False)
    assert len(again.history(note.id)) == 3


def test_note_summary_without_text(vault: Vault) -> None:
    note = vault.create_note("t", actor="cli", client="C")
    assert vault.note_summary(note.id).version == note.version
    with pytest.raises(NoteNotFound):
        vault.note_summary("f" * 32)


def test_unknown_note(vault: Vault) -> None:
    with pytest.raises(NoteNotFound):
        vault.get_note("0" * 32, actor="cli")
    with pytest.raises(NoteNotFound):
        vault.get_note("../../etc/passwd", actor="cli")


def test_lock_wipes_the_key_and_refuses_work(vault: Vault) -> None:
    note = vault.create_note("secret", actor="cli", client="C")
    session = vault._session
    assert session is not None
    key = session.key
    assert any(key)
    vault.lock()
    assert not vault.is_unlocked
    assert key == bytearray(len(key))
    assert len(session.index.versions) == 0
    for call in (
        lambda: vault.get_note(note.id, actor="cli"),
        lambda: vault.list_notes(),
        lambda: vault.derive_key("x"),
    ):
        with pytest.raises(VaultLocked):
            call()


def test_vault_lifecycle_errors(home: Home, vault: Vault) -> None:
    with pytest.raises(VaultExists):
        Vault.create(home, "other", keystore=no_keychain(), kdf=CHEAP_KDF)
    with pytest.raises(NoVault):
        Vault.open(Home(home.root.parent / "elsewhere"))
    locked = Vault.open(home, keystore=no_keychain())
    with pytest.raises(WrongPassphrase):
        locked.unlock_with_passphrase("not it")
    assert not locked.is_unlocked
    assert "no keychain" in vault.keychain_status  # said plainly


def test_change_passphrase_rewraps_without_touching_notes(vault: Vault, home: Home) -> None:
    note = vault.create_note("unchanged", actor="cli", client="C")
    before = {p: p.read_bytes() for p in object_files(home)}
    with pytest.raises(WrongPassphrase):
        vault.change_passphrase("wrong", "new one", kdf=CHEAP_KDF)
    vault.change_passphrase(PASSPHRASE, "new one", kdf=CHEAP_KDF)
    assert all(p.read_bytes() == data for p, data in before.items())  # nothing re-encrypted
    vault.lock()
    with pytest.raises(WrongPassphrase):
        Vault.open(home, keystore=no_keychain()).unlock_with_passphrase(PASSPHRASE)
    fresh = Vault.open(home, keystore=no_keychain())
    fresh.unlock_with_passphrase("new one")
    assert fresh.get_note(note.id, actor="cli").text == "unchanged"


def test_derived_keys_are_stable_and_separate(vault: Vault, home: Home) -> None:
    first = vault.derive_key("fingerprint-index")
    assert len(first) == 32
    assert first != vault.derive_key("other")
    vault.lock()
    assert reopen(home).derive_key("fingerprint-index") == first


def test_iter_texts_yields_current_text_and_is_audited_once(vault: Vault) -> None:
    a = vault.create_note("alpha", actor="cli")
    b = vault.create_note("beta", actor="cli")
    vault.update_note(b.id, "beta two", base_version=b.version, actor="cli")
    c = vault.create_note("gamma", actor="cli")
    vault.delete_note(c.id, actor="cli")
    assert dict(vault.iter_texts(actor="fingerprints")) == {a.id: "alpha", b.id: "beta two"}
    assert [e.action for e in vault.audit_entries()].count("index") == 1


def test_json_shapes_for_http(vault: Vault) -> None:
    note = vault.create_note("t", actor="cli", client="C", tags=["x"])
    shaped = note.to_json()
    assert shaped["id"] == note.id
    assert shaped["heads"] == [note.version]
    assert shaped["tags"] == ["x"]
    assert vault.history(note.id)[0].to_json()["parents"] == []
    assert vault.audit_entries()[-1].to_json()["action"] == "create"


def test_worker_threads_share_one_vault_safely(vault: Vault, home: Home) -> None:
    def work(worker: int) -> list[str]:
        made = []
        for step in range(15):
            note = vault.create_note(f"w{worker} s{step}", actor=f"thread-{worker}", client="T")
            vault.get_note(note.id, actor=f"thread-{worker}")
            made.append(note.id)
        return made

    with ThreadPoolExecutor(max_workers=4) as pool:
        made = [note for batch in pool.map(work, range(4)) for note in batch]
    assert len(set(made)) == 60 and len(vault.list_notes(client="T")) == 60
    report = vault.verify_audit()
    assert report.ok and report.entries == 1 + 60 * 2
    vault.lock()
    assert len(reopen(home).list_notes(client="T")) == 60
