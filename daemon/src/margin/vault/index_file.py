"""The local index on disk (``index-VAULTID.bin``): its tables' arrays as they lie in
memory, after a small JSON part, sealed with AES-256-GCM by ``sealed_file`` (issue 18).

Reading it is one decryption into one buffer whose arrays the tables then use as they are
(no parsing of 300,000 entries, no second copy): a 100,000-note index took 1.2-1.5 s of
CPU to decode as JSON. A file of the older JSON format (version 5) is migrated; anything
else unreadable is ``IndexUnreadable``, and the vault rebuilds the index from its files.
"""

from __future__ import annotations

import json
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
from cryptography.exceptions import InvalidTag

from margin.matcher.packing import Piece, Reader, Writer
from margin.sealed_file import read_sealed, sealed_pieces
from margin.vault import index_legacy
from margin.vault.index import NoteIndex
from margin.vault.index_tables import ID, VERSION_COLUMNS, Filters, IdSet, Locations, Versions

MAGIC = b"MARGINIX"
VERSION = 6  # 5: JSON (migrated); 6: arrays
_LABEL = MAGIC + bytes([VERSION])
_AAD = b"margin/v1/index/"
_LENGTH = struct.Struct("<Q")
# Each version column's dtype on disk (starts are int64: mixing unsigned and signed
# integers in numpy gives floats).
_VERSION_TYPES = {"ids": ID, "notes": ID, "bodies": ID, "deleted": "u1",
                  "parent_starts": "i8", "parents": ID, "meta_starts": "i8", "meta": "u1"}


class IndexUnreadable(Exception):
    """The local index cannot be used; ``reason`` says why in words for the clinician."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def sealed(index: NoteIndex, key: bytes, aad: bytes) -> Iterator[bytes]:
    """The file's bytes, in pieces (``FileOps.write_atomically`` takes them one by one)."""
    return sealed_pieces(key, _LABEL, _parts(index), _AAD + aad)


def read(path: Path, key: bytes, aad: bytes) -> tuple[NoteIndex, bool]:
    """The stored index, and whether it came from an older format (to be saved again)."""
    try:
        with path.open("rb") as file:
            start = file.read(len(index_legacy.MAGIC))
    except FileNotFoundError as error:
        raise IndexUnreadable("this computer has no index of the vault yet") from error
    except OSError as error:
        raise IndexUnreadable(f"this computer's index of the vault could not be read "
                              f"({error.strerror or error})") from error
    if start == index_legacy.MAGIC:
        migrated = index_legacy.read(path.read_bytes(), key, aad)
        if migrated is None:
            raise IndexUnreadable("this computer's index of the vault was made by an older "
                                  "Margin and could not be read")
        return migrated, True
    try:
        label, plain = read_sealed(path, key, _AAD + aad)
        if label != _LABEL:
            raise IndexUnreadable("this computer's index of the vault was made by another "
                                  "version of Margin")
        return _index_of(plain), False
    except (ValueError, KeyError, TypeError, IndexError, struct.error, InvalidTag) as error:
        raise IndexUnreadable("this computer's index of the vault was damaged") from error


# --- writing -------------------------------------------------------------------------------


def _parts(index: NoteIndex) -> Iterator[Piece]:
    index.settle()  # what changed goes into the arrays: written as they are, held once
    names, object_ids, files, positions, offsets = index.objects.columns()
    versions = index.versions.columns()
    filters = index._filters.columns()
    seqs = {device: sorted(found.items()) for device, found in sorted(index.audit_seqs.items())}
    small = {
        "files": {key: list(value) for key, value in index.files.items()},
        "names": names,
        "devices": index.devices,
        "audit": {key: list(value) for key, value in index.audit_heads.items()},
        "anchors": {key: list(value) for key, value in index.all_anchors().items()},
        "audit_times": index.audit_times,
        "claims": {t: {c: list(v) for c, v in by.items()} for t, by in index.claims.items()},
        "complete": index.complete,
        "pack_seq": index.pack_seq,
        "pack_time": index.pack_time,
        "removed": index.removed,
        "lost": {key: [when, ids] for key, (when, ids) in index.lost.items()},
        "filters": {name: values for name, (values, _, _) in filters.items()},
        "filter_notes": {name: len(notes) for name, (_, _, notes) in filters.items()},
        "seqs": {device: len(found) for device, found in seqs.items()},
        "counts": {"objects": len(object_ids), "audit": len(index.audit_ids.column()),
                   "versions": len(versions["ids"]), "parents": len(versions["parents"]),
                   "meta": len(versions["meta"])},
    }
    meta = json.dumps(small, separators=(",", ":")).encode()
    write = Writer()
    write.raw(_LENGTH.pack(len(meta)))
    write.raw(meta)
    groups: list[list[tuple[np.ndarray, str]]] = [
        [(object_ids, ID), (files, "u4"), (positions, "u4"), (offsets, "u4"),
         (index.audit_ids.column(), ID)],
        [(versions[name], _VERSION_TYPES[name]) for name in VERSION_COLUMNS],
        *([(starts, "i8"), (notes, ID)] for _, starts, notes in filters.values()),
        *([(np.array([seq for seq, _ in found], dtype=np.uint64), "u8"),
           (np.array([h.encode() for _, h in found], dtype="S64"), "S64")]
          for found in seqs.values()),
    ]
    for group in groups:  # handed on a group at a time: never a second copy of it all
        write.arrays(*group)
        yield from write.parts
        write.parts = []
    yield from write.finish()


# --- reading -------------------------------------------------------------------------------


def _index_of(plain: memoryview) -> NoteIndex:
    read = Reader(plain)
    (length,) = read.unpack(_LENGTH)
    small: dict[str, Any] = json.loads(bytes(plain[read.offset : read.offset + length]))
    read.offset += length
    counts = small["counts"]
    objects = counts["objects"]
    locations = Locations(list(small["names"]), read.array(ID, objects),
                          read.array("u4", objects), read.array("u4", objects),
                          read.array("u4", objects))
    if len(locations._files) and int(locations._files.max()) >= len(small["names"]):
        raise ValueError("an object in a file the index does not name")
    audit_ids = IdSet(read.array(ID, counts["audit"]))
    versions = Versions(_version_columns(read, counts))
    filters = {}
    for name, values in small["filters"].items():
        starts = read.array("i8", len(values) + 1)
        notes = read.array(ID, small["filter_notes"][name])
        _check_starts(starts, len(notes))
        filters[name] = (list(values), starts, notes)
    audit_seqs = {}
    for device, count in small["seqs"].items():
        seqs, hashes = read.array("u8", count), read.array("S64", count)
        audit_seqs[device] = dict(zip(seqs.tolist(), [h.decode() for h in hashes.tolist()],
                                      strict=True))
    read.end_part()
    if read.offset != len(plain):
        raise ValueError("trailing bytes")
    index = NoteIndex(
        files={key: (int(v[0]), int(v[1]), int(v[2])) for key, v in small["files"].items()},
        versions=versions, objects=locations, audit_ids=audit_ids,
        devices=dict(small["devices"]),
        audit_heads={key: (int(v[0]), str(v[1])) for key, v in small["audit"].items()},
        anchors={key: (int(v[0]), str(v[1])) for key, v in small["anchors"].items()},
        audit_seqs=audit_seqs, audit_times=dict(small["audit_times"]),
        claims={t: {c: (int(v[0]), str(v[1]), str(v[2])) for c, v in by.items()}
                for t, by in small["claims"].items()},
        complete={t: {c: int(q) for c, q in by.items()} for t, by in small["complete"].items()},
        pack_seq=int(small["pack_seq"]), pack_time=str(small["pack_time"]),
        removed=dict(small["removed"]),
        lost={key: (str(v[0]), [str(i) for i in v[1]]) for key, v in small["lost"].items()},
    )
    index._filters = Filters(filters)
    return index


def _version_columns(read: Reader, counts: dict[str, int]) -> dict[str, np.ndarray]:
    rows = counts["versions"]
    sizes = {"ids": rows, "notes": rows, "bodies": rows, "deleted": rows,
             "parent_starts": rows + 1, "parents": counts["parents"],
             "meta_starts": rows + 1, "meta": counts["meta"]}
    columns = {name: read.array(_VERSION_TYPES[name], sizes[name]) for name in VERSION_COLUMNS}
    columns["deleted"] = columns["deleted"].view(bool)
    _check_starts(columns["parent_starts"], len(columns["parents"]))
    _check_starts(columns["meta_starts"], len(columns["meta"]))
    return columns


def _check_starts(starts: np.ndarray, size: int) -> None:
    """A ragged column's row starts must rise from 0 to its size (else slices go astray)."""
    if len(starts) == 0 or starts[0] != 0 or starts[-1] != size or np.any(np.diff(starts) < 0):
        raise ValueError("a column's rows do not add up")
