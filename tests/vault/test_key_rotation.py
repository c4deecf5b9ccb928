"""A passphrase change starts a new vault key; an old key file with the old passphrase opens
only what was sealed before; re-encryption after a leak leaves nothing it can open."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from margin.errors import WrongPassphrase
from margin.home import Home
from margin.sync import checker
from margin.vault import Vault, keyfile, objfile
from margin.vault.objfile import UnknownKey

from .helpers import CHEAP_KDF, PASSPHRASE, no_keychain, object_files

NEW = "a brand new recovery passphrase"


def old_key_file_opens(home: Home, old_key: tuple[str, bytes], passphrase: str) -> set[Path]:
    """What a thief holding a copy of the old key file and the old passphrase can decrypt,
    with the format alone (no Margin code path that could refuse)."""
    name, data = old_key
    ring = keyfile.unwrap(keyfile.parse(data), bytes.fromhex(name), passphrase)
    assert ring is not None
    opened = set()
    for path in object_files(home):
        identity = objfile.FileIdentity(ring.vault_id, bytes.fromhex(path.parent.name),
                                        bytes.fromhex(path.name))
        try:
            objfile.decode(ring, identity, path.read_bytes())
            opened.add(path)
        except UnknownKey:
            continue
    return opened


def rotated(vault: Vault, home: Home) -> tuple[tuple[str, bytes], set[Path], str]:
    note = vault.create_note("written before the change", actor="cli")
    vault.flush_index()
    (key_path,) = (home.vault_dir / "keys").iterdir()
    old_key = (key_path.name, key_path.read_bytes())
    before = set(object_files(home))
    vault.change_passphrase(PASSPHRASE, NEW, kdf=CHEAP_KDF)
    return old_key, before, note.id


def test_a_passphrase_change_starts_a_new_key_for_what_follows(vault: Vault, home: Home) -> None:
    old_key, before, note_id = rotated(vault, home)
    after = vault.create_note("written after the change", actor="cli")
    vault.lock()
    assert old_key_file_opens(home, old_key, PASSPHRASE) == before  # only the older files
    (new_key,) = (home.vault_dir / "keys").iterdir()
    assert new_key.name != old_key[0]
    fresh = Vault.open(home, keystore=no_keychain())
    fresh.unlock_with_passphrase(NEW)
    assert fresh.get_note(note_id, actor="cli").text == "written before the change"
    assert fresh.get_note(after.id, actor="cli").text == "written after the change"
    assert fresh.verify_audit().ok and fresh.problems() == []


def test_a_replayed_old_key_file_is_refused_and_reported(vault: Vault, home: Home,
                                                         tmp_path: Path) -> None:
    old_key, _, _ = rotated(vault, home)
    vault.lock()
    (home.vault_dir / "keys" / old_key[0]).write_bytes(old_key[1])  # the provider puts it back
    with pytest.raises(WrongPassphrase, match="old recovery passphrase"):
        Vault.open(home, keystore=no_keychain()).unlock_with_passphrase(PASSPHRASE)
    fresh = Vault.open(home, keystore=no_keychain())
    fresh.unlock_with_passphrase(NEW)
    report = fresh.check_copy(home.vault_dir, read_data=True)
    assert [(f.kind, f.path) for f in report.findings if f.severity == "problem"] == [
        ("old_key_file", f"keys/{old_key[0]}")]
    assert report.exit_code == checker.EXIT_PROBLEMS
    without_key = checker.check(home.vault_dir)  # even without a key: it holds fewer keys
    assert [f.kind for f in without_key.findings] == ["old_key_file"]


def test_unlocking_an_unlocked_vault_checks_the_passphrase(vault: Vault) -> None:
    with pytest.raises(WrongPassphrase):
        vault.unlock_with_passphrase("not the passphrase")
    assert vault.is_unlocked
    vault.unlock_with_passphrase(PASSPHRASE)  # the right one: still fine, nothing changes


def test_reencryption_leaves_nothing_the_old_key_opens(vault: Vault, home: Home) -> None:
    old_key, _, note_id = rotated(vault, home)
    texts = {n.id: vault.get_note(n.id, actor="cli").text for n in vault.list_notes()}
    assert vault.reencrypt() > 0
    vault.lock()
    assert old_key_file_opens(home, old_key, PASSPHRASE) == set()
    fresh = Vault.open(home, keystore=no_keychain())
    fresh.unlock_with_passphrase(NEW)
    assert {n.id: fresh.get_note(n.id, actor="cli").text for n in fresh.list_notes()} == texts
    assert fresh.verify_audit().ok and note_id in texts
    report = fresh.check_copy(home.vault_dir, read_data=True)
    assert report.exit_code == checker.EXIT_OK, report.findings


def test_another_device_waits_for_the_new_passphrase_and_loses_nothing(
        vault: Vault, home: Home, tmp_path: Path) -> None:
    from margin.home import set_vault_dir

    laptop_home = Home(tmp_path / "laptop")
    set_vault_dir(laptop_home.local_dir, home.vault_dir)  # one folder, as a sync would make
    laptop = Vault.open(laptop_home, keystore=no_keychain())
    laptop.unlock_with_passphrase(PASSPHRASE)
    _, _, _ = rotated(vault, home)
    after = vault.create_note("sealed with the new key", actor="cli")
    assert laptop.refresh()
    # One file (the save, carrying the passphrase entry): a newer key, not damage, not moved.
    assert [p.kind for p in laptop.problems()] == ["newer_key"]
    assert laptop.quarantined() == []
    laptop.lock()
    with pytest.raises(WrongPassphrase):  # the old key file is gone: the old one opens nothing
        Vault.open(laptop_home, keystore=no_keychain()).unlock_with_passphrase(PASSPHRASE)
    again = Vault.open(laptop_home, keystore=no_keychain())
    again.unlock_with_passphrase(NEW)
    assert again.get_note(after.id, actor="cli").text == "sealed with the new key"
    assert again.problems() == []
    shutil.rmtree(tmp_path / "laptop")
