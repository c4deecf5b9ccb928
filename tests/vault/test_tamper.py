"""Tamper matrix: every altered, truncated, swapped, moved or replayed file is caught.

Each case alters one file, reopens the vault from disk and checks that the file was moved
to the quarantine (never deleted), that nothing it held was loaded, and that the rest of
the vault still opens with its notes.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from margin.errors import ObjectDamaged
from margin.home import Home
from margin.vault import Vault, objfile
from margin.vault.objfile import FILE_HEADER, RECORD_HEADER

from .helpers import CHEAP_KDF, PASSPHRASE, no_keychain, object_files, reopen, vault_key


@dataclass
class Scene:
    vault: Vault
    files: dict[str, Path]  # "device", "create", "update", "delete", "read" -> its file
    kept: str  # a note no case touches
    contents: dict[Path, list[objfile.SealedObject]]


def build(home: Home) -> Scene:
    vault = Vault.create(home, PASSPHRASE, keystore=no_keychain(), kdf=CHEAP_KDF)
    files: dict[str, Path] = {"device": object_files(home)[0]}

    def newest(before: set[Path]) -> Path:
        (made,) = set(object_files(home)) - before
        return made

    def step(name: str, action) -> None:
        before = set(object_files(home))
        action()
        files[name] = newest(before)

    note = vault.create_note("first text", actor="cli", client="Kim")
    kept = vault.create_note("untouched", actor="cli", client="Lee").id
    files["create"] = object_files(home)[0]
    files["create"] = next(p for p in object_files(home) if _holds(vault, p, note.version))
    step(
        "update",
        lambda: vault.update_note(note.id, "second", base_version=note.version, actor="cli"),
    )
    doomed = vault.create_note("doomed", actor="cli", client="Kim")
    step("delete", lambda: vault.delete_note(doomed.id, actor="cli"))
    # A read adds no file of its own: its entry waits in the local journal until the next
    # file this device writes (here the segment written by flush_index).
    step("read", lambda: (vault.get_note(kept, actor="cli"), vault.flush_index()))
    contents = {path: _decode(vault, path) for path in object_files(home)}
    vault.lock()
    return Scene(vault, files, kept, contents)


def _decode(vault: Vault, path: Path) -> list[objfile.SealedObject]:
    assert vault._session is not None
    relative = path.relative_to(vault.home.vault_dir).as_posix()
    return objfile.decode(vault_key(vault), vault._session.identity(relative), path.read_bytes())


def _holds(vault: Vault, path: Path, object_id: str) -> bool:
    return any(item.object_id.hex() == object_id for item in _decode(vault, path))


def regions(data: bytes) -> dict[str, int]:
    """Byte offsets of every field of the file header and of each record."""
    found = {"magic": 0, "version": 7, "count": 11, "key_id": 20, "salt": 36}
    _, records = objfile._records(data)
    for index, _header, start, end in records:
        base = start - RECORD_HEADER.size
        found |= {
            f"r{index}.kind": base,
            f"r{index}.flags": base + 1,
            f"r{index}.id": base + 5,
            f"r{index}.nonce": base + 20,
            f"r{index}.length": base + 33,
            f"r{index}.ciphertext": start + 3,
            f"r{index}.tag": end - 1,
        }
    assert FILE_HEADER.size == 44
    return found


def assert_caught(scene: Scene, home: Home, damaged: list[Path]) -> Vault:
    """Reopen from disk: damaged files quarantined, none of their objects loaded."""
    vault = reopen(home)
    quarantined = {q.original for q in vault.quarantined()}
    session = vault._session
    assert session is not None
    for path in damaged:
        relative = path.relative_to(home.vault_dir).as_posix()
        assert not path.exists(), f"{relative} was left in place"
        assert relative in quarantined, f"{relative} not reported as quarantined"
        for item in scene.contents.get(path, []):
            assert item.object_id.hex() not in session.index.versions
            assert item.object_id.hex() not in session.index.objects
    assert all((home.vault_dir / q.path).is_file() for q in vault.quarantined())  # kept
    assert vault.get_note(scene.kept, actor="cli").text == "untouched"
    assert any(p.kind == "quarantined" for p in vault.problems())
    return vault


CASES = [
    (name, region)
    for name, regions_of in [
        (
            "device",
            [
                "magic",
                "version",
                "count",
                "key_id",
                "salt",
                "r0.kind",
                "r0.id",
                "r0.ciphertext",
                "r0.tag",
                "r1.nonce",
            ],
        ),
        (
            "update",
            [
                "magic",
                "version",
                "count",
                "salt",
                "r0.kind",
                "r0.flags",
                "r0.id",
                "r0.nonce",
                "r0.length",
                "r0.ciphertext",
                "r0.tag",
                "r1.kind",
                "r1.id",
                "r1.ciphertext",
                "r1.tag",
                "r2.id",
                "r2.length",
                "r2.ciphertext",
                "r2.tag",
            ],
        ),
        ("delete", ["r0.kind", "r0.id", "r0.ciphertext", "r0.tag", "r1.ciphertext"]),
        ("read", ["magic", "count", "r0.kind", "r0.nonce", "r0.ciphertext", "r0.tag"]),
    ]
    for region in regions_of
]


@pytest.mark.parametrize(("name", "region"), CASES)
def test_flipped_byte_is_caught(home: Home, name: str, region: str) -> None:
    scene = build(home)
    path = scene.files[name]
    data = bytearray(path.read_bytes())
    data[regions(bytes(data))[region]] ^= 0x01
    path.write_bytes(bytes(data))
    vault = assert_caught(scene, home, [path])
    if name == "update":  # the note falls back to what is intact, visibly
        notes = {n.client: n for n in vault.list_notes()}
        assert vault.get_note(notes["Kim"].id, actor="cli").text == "first text"
    if name == "delete":  # a tombstone that does not open deletes nothing
        assert len(vault.list_notes()) == 3
    if name in ("read", "update", "device"):
        assert not vault.verify_audit().ok  # its audit entry is gone: a visible gap


@pytest.mark.parametrize("cut", [0, 5, 25, 40, -17, -1])
def test_truncated_file_is_caught(home: Home, cut: int) -> None:
    scene = build(home)
    path = scene.files["update"]
    data = path.read_bytes()
    path.write_bytes(data[:cut])
    assert_caught(scene, home, [path])


def test_swapped_files_are_caught(home: Home) -> None:
    scene = build(home)
    one, two = scene.files["update"], scene.files["delete"]
    first, second = one.read_bytes(), two.read_bytes()
    one.write_bytes(second)
    two.write_bytes(first)
    assert_caught(scene, home, [one, two])


def test_old_version_replayed_under_a_new_name_is_caught(home: Home) -> None:
    scene = build(home)
    replay = scene.files["create"].with_name("ab" * 16)
    shutil.copyfile(scene.files["create"], replay)
    vault = assert_caught(scene, home, [replay])
    kim = next(n for n in vault.list_notes() if n.client == "Kim")
    assert vault.get_note(kim.id, actor="cli").text == "second"


def test_file_moved_to_another_device_folder_is_caught(home: Home) -> None:
    scene = build(home)
    elsewhere = home.vault_dir / "data" / ("cd" * 16)
    elsewhere.mkdir()
    moved = elsewhere / scene.files["read"].name
    scene.files["read"].rename(moved)
    assert_caught(scene, home, [moved])


def test_file_from_another_vault_is_caught(home: Home, tmp_path: Path) -> None:
    scene = build(home)
    other = build(Home(tmp_path / "other"))
    foreign = scene.files["read"].with_name(other.files["update"].name)
    shutil.copyfile(other.files["update"], foreign)
    assert_caught(scene, home, [foreign])


def test_newer_format_is_reported_not_loaded_not_moved(home: Home) -> None:
    scene = build(home)
    # A file a newer Margin on another device wrote (it arrives under a name never seen).
    data = bytearray(scene.files["update"].read_bytes())
    data[6:8] = (3).to_bytes(2, "big")
    newer = scene.files["update"].with_name("ef" * 16)
    newer.write_bytes(bytes(data))
    vault = reopen(home)
    assert newer.exists()  # a newer Margin's file is not damage: left alone, reported
    assert [(p.kind, p.path) for p in vault.problems()] == [
        ("newer_format", newer.relative_to(home.vault_dir).as_posix())
    ]
    assert vault.quarantined() == []


def test_known_file_rewritten_as_newer_format_is_caught(home: Home) -> None:
    scene = build(home)
    path = scene.files["update"]
    data = bytearray(path.read_bytes())
    data[6:8] = (3).to_bytes(2, "big")  # files never change: a changed one is tampering
    path.write_bytes(bytes(data))
    assert_caught(scene, home, [path])


def test_damaged_local_index_is_rebuilt(home: Home) -> None:
    scene = build(home)
    (index_file,) = home.local_dir.glob("index-*.bin")
    data = bytearray(index_file.read_bytes())
    data[len(data) // 2] ^= 0x01
    index_file.write_bytes(bytes(data))
    vault = reopen(home)
    assert len(vault.list_notes(include_deleted=True)) == 3
    assert vault.get_note(scene.kept, actor="cli").text == "untouched"


@pytest.mark.parametrize("offset", [0, 9, 12, 30, 40, 60, 70, 84, 100])
def test_altered_key_file_never_yields_a_key(home: Home, offset: int) -> None:
    build(home)
    (key_file,) = (home.vault_dir / "keys").iterdir()
    data = bytearray(key_file.read_bytes())
    data[offset] ^= 0x01
    key_file.write_bytes(bytes(data))
    from margin.errors import MarginError

    with pytest.raises(MarginError) as refused:
        reopen(home)
    assert refused.value.code in ("wrong_passphrase", "format_too_new")


def test_alteration_that_keeps_size_and_mtime_is_caught_on_read_and_by_check(home: Home) -> None:
    scene = build(home)
    path = scene.files["update"]
    before = path.stat()
    data = bytearray(path.read_bytes())
    data[regions(bytes(data))["r0.ciphertext"]] ^= 0x01
    path.write_bytes(bytes(data))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    vault = reopen(home)  # the index trusts what it authenticated before ...
    kim = next(n for n in vault.list_notes() if n.client == "Kim" and n.id != scene.kept)
    notes_by_version = {n.version: n for n in vault.list_notes()}
    with pytest.raises(ObjectDamaged):  # ... but the altered bytes are never returned
        vault.get_note(notes_by_version[kim.version].id, actor="cli")
    assert_caught(scene, home, [path])


def test_check_reads_everything_and_catches_a_silent_alteration(home: Home) -> None:
    scene = build(home)
    path = scene.files["read"]
    before = path.stat()
    data = bytearray(path.read_bytes())
    data[-1] ^= 0x01
    path.write_bytes(bytes(data))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    vault = reopen(home)
    assert [p.kind for p in vault.check()] == ["quarantined"]
    assert_caught(scene, home, [path])
