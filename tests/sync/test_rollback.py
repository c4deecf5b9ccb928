"""Rollback and deletion by the sync provider are reported, never accepted silently.

Two devices in this process, each with its own vault folder; files are copied between
them as a sync engine would, and the provider misbehaves on purpose."""

from __future__ import annotations

import shutil
from pathlib import Path

from margin.home import Home, set_vault_dir
from margin.vault import Vault
from tests.vault.helpers import CHEAP_KDF, PASSPHRASE, no_keychain


def sync(*folders: Path) -> None:
    """Every object file present in one folder is copied to the others (no deletions)."""
    for source in folders:
        for path in (source / "data").rglob("*"):
            if path.is_file() and not path.name.startswith("."):
                for target_root in folders:
                    target = target_root / path.relative_to(source)
                    if not target.exists():
                        target.parent.mkdir(parents=True, exist_ok=True)
                        shutil.copyfile(path, target)


def two_devices(tmp_path: Path) -> tuple[Vault, Vault]:
    desk = Vault.create(Home(tmp_path / "desk"), PASSPHRASE, keystore=no_keychain(),
                        kdf=CHEAP_KDF, device_name="desk")
    laptop_home = Home(tmp_path / "laptop")
    folder = tmp_path / "laptop-synced"
    shutil.copytree(desk.layout.vault_dir / "keys", folder / "keys")
    set_vault_dir(laptop_home.local_dir, folder)
    laptop = Vault.open(laptop_home, keystore=no_keychain())
    laptop.unlock_with_passphrase(PASSPHRASE, device_name="laptop")
    return desk, laptop


def kinds(vault: Vault) -> set[tuple[str, bool]]:
    vault.refresh()
    return {(issue.kind, issue.alert) for issue in vault.sync_issues()}


def test_a_rolled_back_folder_is_caught_by_what_the_other_device_saw(tmp_path: Path) -> None:
    desk, laptop = two_devices(tmp_path)
    folders = (desk.layout.vault_dir, laptop.layout.vault_dir)
    note = desk.create_note("first", actor="cli", client="Kim")
    sync(*folders)
    old_copy = tmp_path / "old-desk-data"
    shutil.copytree(desk.layout.vault_dir / "data" / desk.device_id, old_copy)
    desk.update_note(note.id, "second", base_version=note.version, actor="cli")
    sync(*folders)
    laptop.refresh()
    assert laptop.record_seen()  # the laptop writes down the desk's head it saw
    assert not laptop.record_seen()  # nothing new from others: no second entry
    laptop.flush_index()  # the journal's entries reach the folder (as when idle or locking)
    sync(*folders)
    desk.refresh()
    desk.lock()
    # The provider restores an old copy of the desk's folder everywhere (a "rewind").
    for root in folders:
        shutil.rmtree(root / "data" / desk.device_id)
        shutil.copytree(old_copy, root / "data" / desk.device_id)
    desk_again = Vault.open(desk.home, keystore=no_keychain())
    desk_again.unlock_with_passphrase(PASSPHRASE)
    desk_again.flush_index()  # its unlock entry goes out (as when idle): over the rewind
    found = kinds(desk_again)
    assert ("lost_file", True) in found or ("missing", True) in found
    assert any(alert for _, alert in kinds(laptop))  # the laptop had read those files too
    # A fresh computer that never saw the newer files still learns it from the laptop.
    third_home = Home(tmp_path / "third")
    third_folder = tmp_path / "third-synced"
    shutil.copytree(desk.layout.vault_dir, third_folder, ignore=shutil.ignore_patterns(
        "quarantine"))
    sync(third_folder, laptop.layout.vault_dir)
    set_vault_dir(third_home.local_dir, third_folder)
    third = Vault.open(third_home, keystore=no_keychain())
    third.unlock_with_passphrase(PASSPHRASE)
    # (The desk's own unlock above already wrote over its rewound history: a fork.)
    assert kinds(third) & {("missing", True), ("rollback", True)}
    issue = next(i for i in third.sync_issues() if i.alert)
    assert '"laptop"' in issue.message and "desk" in issue.message
    # The desk writes again over the rewound history: a fork, reported as a rollback.
    desk_again.update_note(note.id, "written over", base_version=note.version, actor="cli")
    sync(third_folder, laptop.layout.vault_dir, desk.layout.vault_dir)
    assert ("rollback", True) in kinds(laptop) | kinds(third)


def test_removed_device_is_listed_inactive_and_its_later_writes_flagged(
        tmp_path: Path) -> None:
    desk, laptop = two_devices(tmp_path)
    folders = (desk.layout.vault_dir, laptop.layout.vault_dir)
    laptop.create_note("from the laptop", actor="cli", client="Kim")
    sync(*folders)
    desk.refresh()
    names = {d.name: d for d in desk.devices()}
    assert set(names) == {"desk", "laptop"} and names["desk"].this_device
    removed = desk.remove_device(laptop.device_id, actor="cli")
    assert not removed.active and removed.removed_by == desk.device_id
    assert any(e.action == "device-remove" for e in desk.audit_entries())
    assert any(e.device == laptop.device_id for e in desk.audit_entries())  # past writes stay
    laptop.create_note("written after removal", actor="cli", client="Kim")
    sync(*folders)
    assert ("removed_device_wrote", True) in kinds(desk)
    assert next(d for d in desk.devices() if d.id == laptop.device_id).wrote_after_removal
