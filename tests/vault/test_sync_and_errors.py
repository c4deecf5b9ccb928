"""Several devices and sync engines' leftovers; clear errors that lose nothing."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from margin.durable import FileOps
from margin.errors import DiskFull, FormatTooNew, StaleVersion, WaitingForSync
from margin.home import Home
from margin.vault import Vault

from .helpers import CHEAP_KDF, PASSPHRASE, no_keychain, object_files, reopen


def second_device(vault: Vault, tmp_path: Path, name: str = "laptop") -> Vault:
    """Another computer whose vault folder is the same synced folder."""
    other = Home(tmp_path / name)
    other.root.mkdir()
    (other.root / "vault").symlink_to(vault.home.vault_dir)
    return reopen(other)


def test_concurrent_edits_from_two_devices_are_a_visible_conflict(
    vault: Vault, tmp_path: Path
) -> None:
    note = vault.create_note("base", actor="cli", client="C")
    laptop = second_device(vault, tmp_path)
    mine = vault.update_note(note.id, "desktop edit", base_version=note.version, actor="cli")
    theirs = laptop.update_note(note.id, "laptop edit", base_version=note.version, actor="cli")
    vault.refresh()
    (summary,) = vault.list_notes()
    assert summary.conflict and set(summary.heads) == {mine.version, theirs.version}
    texts = {vault.get_note(note.id, actor="cli", version=h).text for h in summary.heads}
    assert texts == {"desktop edit", "laptop edit"}  # both survive
    with pytest.raises(StaleVersion):  # editing one head only is refused
        vault.update_note(note.id, "x", base_version=mine.version, actor="cli")
    merged = vault.update_note(note.id, "merged", base_version=summary.heads, actor="cli")
    assert merged.heads == [merged.version] and not merged.conflict
    devices = {
        d.split("/")[1]
        for d in [p.relative_to(vault.home.vault_dir).as_posix() for p in object_files(vault.home)]
    }
    assert devices == {vault.device_id, laptop.device_id}  # each wrote only its own folder


def other_device(vault: Vault, tmp_path: Path) -> Vault:
    """A second device of the same vault: a partial sync starts from a copy of the folder."""
    remote = Vault.create(Home(tmp_path / "remote"), "x", keystore=no_keychain(), kdf=CHEAP_KDF)
    shutil.rmtree(remote.home.vault_dir)
    shutil.copytree(vault.home.vault_dir, remote.home.vault_dir)
    return reopen(Home(remote.home.root))


def arrive(vault: Vault, remote: Vault, path: Path) -> None:
    """One of the other device's files reaches this device's folder."""
    target = vault.home.vault_dir / path.relative_to(remote.home.vault_dir)
    target.parent.mkdir(exist_ok=True)
    if not target.exists():
        shutil.copyfile(path, target)


def test_version_whose_body_has_not_arrived_is_waiting_for_sync(
    vault: Vault, tmp_path: Path
) -> None:
    remote = other_device(vault, tmp_path)
    made = remote.create_note("text arrives late", actor="cli", client="Late")
    before = set(object_files(remote.home))
    remote.update_note(made.id, None, base_version=made.version, actor="cli", tags=["t"])
    (metadata_only,) = set(object_files(remote.home)) - before
    arrive(vault, remote, metadata_only)  # only the metadata-only version's file, so far
    vault.refresh()
    (late,) = vault.list_notes(client="Late")
    assert late.waiting_for_sync and late.tags == ["t"]
    with pytest.raises(WaitingForSync):
        vault.get_note(late.id, actor="cli")
    assert vault.quarantined() == []  # waiting, not damage
    for path in object_files(remote.home):  # the rest arrives
        arrive(vault, remote, path)
    vault.refresh()
    assert vault.get_note(late.id, actor="cli").text == "text arrives late"


def test_version_whose_parent_has_not_arrived_is_waiting_for_sync(
    vault: Vault, tmp_path: Path
) -> None:
    """An edit can arrive before the versions it followed; the heads then already agree
    with the other devices, so only "waiting" says the history here is still incomplete."""
    remote = other_device(vault, tmp_path)
    made = remote.create_note("first", actor="cli", client="Late")
    middle = remote.update_note(made.id, "second", base_version=made.version, actor="cli")
    earlier = set(object_files(remote.home))
    last = remote.update_note(made.id, "third", base_version=middle.version, actor="cli")
    (newest,) = set(object_files(remote.home)) - earlier
    arrive(vault, remote, newest)
    vault.refresh()
    (late,) = vault.list_notes(client="Late")
    assert late.heads == [last.version]  # as on the remote device
    assert late.waiting_for_sync  # but its history lacks two versions
    assert vault.get_note(late.id, actor="cli").text == "third"  # the text is here
    for path in object_files(remote.home):  # the rest arrives
        arrive(vault, remote, path)
    vault.refresh()
    (complete,) = vault.list_notes(client="Late")
    assert not complete.waiting_for_sync and complete.heads == [last.version]
    assert {v.id for v in vault.history(made.id)} == {made.version, middle.version,
                                                      last.version}


def test_sync_engine_leftovers_are_tolerated_and_never_deleted(vault: Vault, home: Home) -> None:
    note = vault.create_note("synced", actor="cli", client="C")
    folder = home.vault_dir / "data" / vault.device_id
    original = next(p for p in object_files(home) if p.name in {f.name for f in folder.iterdir()})
    junk = [
        ".syncthing.abc.tmp",
        "~$lock",
        "half.tmp",
        f".{original.name}.icloud",
        "desktop.ini",
        ".DS_Store",
        f"{original.name} (conflicted copy 2024-05-01)",
    ]
    for name in junk:
        (folder / name).write_bytes(
            b"\x00junk" if "conflicted" not in name else original.read_bytes()
        )
    (folder / "notes.txt").write_text("someone put this here")
    (folder / f"{'ab' * 16}.sync-conflict-20240501-101010-XYZ").write_bytes(b"not valid")
    vault.lock()
    again = reopen(home)
    assert again.get_note(note.id, actor="cli").text == "synced"
    kinds = sorted((p.kind, p.detail) for p in again.problems())
    assert ("unknown_file", "not a Margin file; ignored") in kinds
    assert ("sync_copy", "identical copy; ignored") in kinds
    assert ("sync_copy", "copy does not open; ignored") in kinds
    assert again.quarantined() == []
    assert all((folder / name).exists() for name in [*junk, "notes.txt"])


def test_conflict_copy_is_used_when_the_original_is_missing(vault: Vault, home: Home) -> None:
    note = vault.create_note("only in the copy", actor="cli", client="C")
    vault.lock()
    holder = next(p for p in object_files(home) if _holds_version(home, p, note.version))
    copy = holder.with_name(f"{holder.name}.sync-conflict-20240501-101010-XYZ")
    holder.rename(copy)
    again = reopen(home)
    assert again.get_note(note.id, actor="cli").text == "only in the copy"
    assert copy.exists()


def _holds_version(home: Home, path: Path, version: str) -> bool:
    probe = reopen(home)
    found = any(meta.id == version for n in probe.list_notes() for meta in probe.history(n.id))
    probe.lock()
    return found and len(path.read_bytes()) > 1000  # body + version + audit entry


class FullDisk(FileOps):
    """Writes half of what it is given, then fails as a full disk does."""

    full = False

    def write_all(self, fd: int, data: bytes) -> None:
        if self.full:
            os.write(fd, data[: len(data) // 2])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        super().write_all(fd, data)


def test_full_disk_fails_loudly_and_harms_nothing(home: Home) -> None:
    disk = FullDisk()
    vault = Vault.create(home, PASSPHRASE, keystore=no_keychain(), kdf=CHEAP_KDF, ops=disk)
    kept = vault.create_note("saved before the disk filled", actor="cli", client="C")
    files_before = {p: p.read_bytes() for p in home.root.rglob("*") if p.is_file()}
    disk.full = True
    with pytest.raises(DiskFull) as failed:
        vault.create_note("this one cannot be saved", actor="cli", client="C")
    assert "NOT saved" in failed.value.message and "intact" in failed.value.hint
    with pytest.raises(DiskFull):
        vault.update_note(kept.id, "nor this", base_version=kept.version, actor="cli")
    after = {p: p.read_bytes() for p in home.root.rglob("*") if p.is_file()}
    assert after == files_before  # no temp file left, nothing earlier changed
    assert [n.id for n in vault.list_notes()] == [kept.id]
    disk.full = False
    vault.update_note(
        kept.id, "saved after space was freed", base_version=kept.version, actor="cli"
    )
    vault.lock()
    again = reopen(home)
    assert again.get_note(kept.id, actor="cli").text == "saved after space was freed"
    assert again.verify_audit().ok  # failed saves left no hole in the audit chain


def test_key_file_from_a_newer_margin_says_update(home: Home, vault: Vault) -> None:
    vault.lock()
    (key_file,) = (home.vault_dir / "keys").iterdir()
    data = bytearray(key_file.read_bytes())
    data[8:10] = (3).to_bytes(2, "big")
    key_file.write_bytes(bytes(data))
    with pytest.raises(FormatTooNew) as refused:
        Vault.open(home, keystore=no_keychain()).unlock_with_passphrase(PASSPHRASE)
    assert "Update Margin" in refused.value.hint


def test_current_versions_say_what_the_summaries_say(vault: Vault, tmp_path: Path) -> None:
    """The leak guard's cheap question at unlock (issue 18) answers as a full listing does:
    one version, edited, deleted, in conflict, after a lock and unlock (stored rows)."""
    plain = vault.create_note("one version", actor="cli")
    edited = vault.create_note("first", actor="cli")
    vault.update_note(edited.id, "second", base_version=edited.version, actor="cli")
    gone = vault.create_note("to delete", actor="cli")
    vault.delete_note(gone.id, actor="cli")
    disputed = vault.create_note("base", actor="cli")
    laptop = second_device(vault, tmp_path)
    vault.update_note(disputed.id, "desktop", base_version=disputed.version, actor="cli")
    laptop.update_note(disputed.id, "laptop", base_version=disputed.version, actor="cli")
    vault.refresh()
    for _ in range(2):
        current = vault.current_versions()  # first: from stored rows after the unlock
        listed = {s.id: (s.version, s.deleted) for s in vault.list_notes(include_deleted=True)}
        assert current == listed
        assert listed[gone.id][1] and not listed[plain.id][1]
        vault.lock()
        vault.unlock_with_passphrase(PASSPHRASE)
