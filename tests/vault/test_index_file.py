"""The local index's file (issue 18): arrays sealed with AES-GCM. What is saved reads back
the same, a damaged or unknown file is rebuilt from the vault folder with the reason said,
and a file of the JSON format before it (5) is migrated, keeping what a rebuild loses."""

from __future__ import annotations

import base64
import json
import struct
from pathlib import Path

import pytest

from margin.home import Home
from margin.vault import Vault, crypto, index_file, index_legacy
from margin.vault.index import NoteIndex

from .helpers import PASSPHRASE, reopen


def _notes(vault: Vault) -> list[tuple[str, dict]]:
    """Everything the index answers about each note, in a comparable form."""
    found = []
    for summary in vault.list_notes(include_deleted=True):
        found.append((summary.id, {**summary.to_json(),
                                   "history": [m.to_json() for m in vault.history(summary.id)]}))
    return sorted(found, key=lambda item: item[0])


def _fill(vault: Vault) -> dict[str, str]:
    made = {}
    for number in range(12):
        note = vault.create_note(f"note {number} about the session", actor="cli",
                                 client=f"Client {number % 3}",
                                 context={"site": "ehr.example",
                                          "appointment_date": f"2025-01-{number + 1:02d}"},
                                 tags=["t"] if number % 2 else [])
        made[f"n{number}"] = note.id
    edited = vault.update_note(made["n1"], "edited text", base_version=vault.get_note(
        made["n1"], actor="cli").version, actor="cli", client="Moved Client")
    vault.delete_note(made["n2"], actor="cli")
    made["edited"] = edited.version
    return made


def _index_of(vault: Vault) -> NoteIndex:
    assert vault._session is not None
    return vault._session.index


def test_round_trip_answers_as_before(vault: Vault, home: Home) -> None:
    made = _fill(vault)
    before = _notes(vault)
    by_client = {c: sorted(s.id for s in vault.list_notes(client=c))
                 for c in ("Client 0", "client 1", "Moved Client")}
    audit = vault.verify_audit()
    current = _index_of(vault).current_versions()
    vault.lock()

    again = reopen(home)
    assert again.index_rebuilt is None
    assert _notes(again) == before
    assert {c: sorted(s.id for s in again.list_notes(client=c)) for c in by_client} == by_client
    assert by_client["Moved Client"] == [made["n1"]]
    assert made["n1"] not in by_client["client 1"]
    assert _index_of(again).current_versions() == current
    assert again.verify_audit().entries >= audit.entries
    # changes after a load sit beside the arrays, and are saved into them
    newer = again.create_note("one more", actor="cli", client="Client 0")
    again.update_note(made["n4"], "changed", base_version=again.get_note(
        made["n4"], actor="cli").version, actor="cli", client="Client 2")
    middle = _notes(again)
    again.lock()
    third = reopen(home)
    assert _notes(third) == middle
    assert newer.id in {s.id for s in third.list_notes(client="client 0")}
    assert made["n4"] in {s.id for s in third.list_notes(client="Client 2")}
    assert made["n4"] not in {s.id for s in third.list_notes(client="Client 1")}


def test_round_trip_of_the_file_itself(vault: Vault, home: Home) -> None:
    _fill(vault)
    index = _index_of(vault)
    key, aad = vault._session._index_key_and_aad()  # type: ignore[union-attr]
    path = home.local_dir / "copy.bin"
    path.write_bytes(b"".join(index_file.sealed(index, key, aad)))
    read, migrated = index_file.read(path, key, aad)
    assert not migrated
    assert read.current_versions() == index.current_versions()
    assert read.files == index.files and read.audit_seqs == index.audit_seqs
    assert sorted(read.audit_ids) == sorted(index.audit_ids)
    assert all(read.objects.get(o) == index.objects.get(o) for o in index.audit_ids)
    assert b"note 1" not in path.read_bytes() and b"Client" not in path.read_bytes()


def _damage(path: Path, how: str) -> None:
    data = bytearray(path.read_bytes())
    if how == "flipped":
        data[len(data) // 2] ^= 0x01
    elif how == "truncated":
        data = data[: len(data) // 3]
    elif how == "label":
        data[2 + 8] = 99  # a format version this Margin does not know
    elif how == "garbage":
        data = bytearray(b"\x00\x05hello" + bytes(40))
    elif how == "empty":
        data = bytearray()
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("how", ["flipped", "truncated", "label", "garbage", "empty"])
def test_damaged_index_is_rebuilt_with_the_reason(vault: Vault, home: Home, how: str) -> None:
    _fill(vault)
    before = _notes(vault)
    vault.lock()
    (path,) = home.local_dir.glob("index-*.bin")
    _damage(path, how)
    again = reopen(home)
    assert again.index_rebuilt is not None and "damaged" in again.index_rebuilt
    assert [n for n, _ in _notes(again)] == [n for n, _ in before]
    again.lock()
    assert reopen(home).index_rebuilt is None  # saved whole again


def _legacy_bytes(index: NoteIndex, key: bytes, aad: bytes, anchor: tuple[str, int, str]
                  ) -> bytes:
    """A format-5 file as Margin wrote it before issue 18 (sealed JSON)."""
    contents: dict[str, list[bytes]] = {}
    for object_id in [*index.audit_ids, *(m.id for m in index.versions.values()),
                      *(m.body for m in index.versions.values() if m.body)]:
        relative, position, offset = index.objects[object_id]
        contents.setdefault(relative, []).append(
            index_legacy.LOCATION.pack(bytes.fromhex(object_id), position, offset))
    filters: dict[str, dict[str, list[str]]] = {}
    for note_id in index.note_versions:
        shown = index.shown(index.current(note_id))
        for name, value in (("client", shown.client),
                            ("site", shown.context.get("site")),
                            ("date", shown.context.get("appointment_date"))):
            if value:
                filters.setdefault(name, {}).setdefault(value.strip().casefold(), []).append(
                    note_id)
    data = {
        "v": 5, "files": {k: list(v) for k, v in index.files.items()},
        "versions": [[m.id, m.note, list(m.parents), m.deleted, m.body, m.client, m.context,
                      list(m.tags), m.created, m.time, m.device, m.actor]
                     for m in index.versions.values()],
        "filters": filters,
        "contents": {r: base64.b64encode(b"".join(p)).decode() for r, p in contents.items()},
        "audit_ids": sorted(index.audit_ids), "devices": index.devices,
        "audit": {k: list(v) for k, v in index.audit_heads.items()},
        "anchors": {**{k: list(v) for k, v in index.all_anchors().items()},
                    anchor[0]: [anchor[1], anchor[2]]},
        "audit_seqs": {d: {str(q): h for q, h in s.items()} for d, s in index.audit_seqs.items()},
        "audit_times": index.audit_times, "claims": {}, "complete": {}, "pack_seq": 0,
        "pack_time": "", "removed": {}, "lost": {},
    }
    nonce = crypto.random_bytes(crypto.NONCE_BYTES)
    header = struct.pack(">8sH12s", b"MARGINIX", 5, nonce)
    body = json.dumps(data).encode()
    return header + crypto.seal(key, nonce, body, b"margin/v1/index" + aad + header)


def test_older_json_index_is_migrated(vault: Vault, home: Home) -> None:
    _fill(vault)
    before = _notes(vault)
    key, aad = vault._session._index_key_and_aad()  # type: ignore[union-attr]
    vault.lock()
    (path,) = home.local_dir.glob("index-*.bin")
    stored, _ = index_file.read(path, key, aad)
    # an anchor only an index keeps (the newest entry seen of a device): a rebuild from
    # the vault folder would lose it, a migration keeps it
    anchor = ("ab" * 16, 7, "cd" * 32)
    path.write_bytes(_legacy_bytes(stored, key, aad, anchor))
    again = reopen(home)
    assert again.index_rebuilt is None
    assert _notes(again) == before
    assert _index_of(again).anchors[anchor[0]] == (anchor[1], anchor[2])
    assert path.read_bytes()[2:11] == b"MARGINIX\x06"  # saved in the new format at once


def test_damaged_older_index_is_rebuilt(vault: Vault, home: Home) -> None:
    _fill(vault)
    vault.lock()
    (path,) = home.local_dir.glob("index-*.bin")
    path.write_bytes(b"MARGINIX" + bytes([0, 5]) + bytes(60))
    again = reopen(home)
    assert again.index_rebuilt is not None and "older Margin" in again.index_rebuilt
    assert len(again.list_notes()) == 11


def test_no_index_yet_is_no_news(vault: Vault, home: Home) -> None:
    vault.lock()
    for path in home.local_dir.glob("index-*.bin"):
        path.unlink()
    assert reopen(home).index_rebuilt is None


def test_written_with_the_passphrase_only(vault: Vault, home: Home) -> None:
    """The file opens only with this vault's key: another vault's key reads 'damaged'."""
    _fill(vault)
    vault.lock()
    (path,) = home.local_dir.glob("index-*.bin")
    with pytest.raises(index_file.IndexUnreadable, match="damaged"):
        index_file.read(path, bytes(32), b"x")
    assert PASSPHRASE.encode() not in path.read_bytes()
