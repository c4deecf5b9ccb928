"""The local index as Margin wrote it before issue 18's arrays: sealed JSON (format 5).

Read once to migrate: the new file keeps what a rebuild from the vault folder would lose
(the newest audit entry seen per device, the files found missing), and skips re-reading
every note. Older formats than 5 are rebuilt.
"""

from __future__ import annotations

import base64
import json
import struct
from typing import Any

from cryptography.exceptions import InvalidTag

from margin.vault import crypto
from margin.vault.index import NoteIndex
from margin.vault.model import VersionMeta

MAGIC = b"MARGINIX"
VERSION = 5
HEADER = struct.Struct(">8sH12s")
AAD = b"margin/v1/index"
LOCATION = struct.Struct(">16sII")  # object id, record index, record offset


def read(data: bytes, key: bytes, aad: bytes) -> NoteIndex | None:
    """The index of a format-5 file, or None (damaged, or an older format)."""
    if len(data) < HEADER.size:
        return None
    magic, version, nonce = HEADER.unpack_from(data)
    if magic != MAGIC or version != VERSION:
        return None
    header = data[: HEADER.size]
    try:
        body = crypto.open_sealed(key, nonce, data[HEADER.size :], AAD + aad + header)
        return _from_json(json.loads(body))
    except (InvalidTag, ValueError, KeyError, TypeError, IndexError, struct.error):
        return None


def _from_json(data: dict[str, Any]) -> NoteIndex:
    index = NoteIndex(
        files={key: (int(v[0]), int(v[1]), int(v[2])) for key, v in data["files"].items()},
        devices=dict(data["devices"]),
        audit_heads={key: (int(v[0]), str(v[1])) for key, v in data["audit"].items()},
        anchors={key: (int(v[0]), str(v[1])) for key, v in data["anchors"].items()},
        audit_seqs={d: {int(q): str(h) for q, h in s.items()}
                    for d, s in data["audit_seqs"].items()},
        audit_times=dict(data["audit_times"]),
        claims={t: {c: (int(v[0]), str(v[1]), str(v[2])) for c, v in by.items()}
                for t, by in data["claims"].items()},
        complete={t: {c: int(q) for c, q in by.items()} for t, by in data["complete"].items()},
        pack_seq=int(data["pack_seq"]),
        pack_time=str(data["pack_time"]),
        removed=dict(data["removed"]),
        lost={key: (str(v[0]), [str(i) for i in v[1]]) for key, v in data["lost"].items()},
    )
    for relative, packed in data["contents"].items():
        for object_id, position, offset in LOCATION.iter_unpack(base64.b64decode(packed)):
            index.objects[object_id.hex()] = (str(relative), position, offset)
    for object_id in data["audit_ids"]:
        index.audit_ids.add(str(object_id))
    for row in data["versions"]:
        meta = _version_of(row)
        index.versions[meta.id] = meta
        index.note_versions.add(meta.note, meta.id)
    for name, values in data["filters"].items():
        for value, ids in values.items():
            for note_id in ids:
                index._filters.add(str(name), str(value), str(note_id))
    index.settle()
    return index


def _version_of(row: list[Any]) -> VersionMeta:
    note_id, note, parents, deleted, body, client, context, tags, created, when, device, \
        actor = row
    return VersionMeta(str(note_id), str(note), tuple(parents), bool(deleted), body, client,
                       dict(context), tuple(tags), created, when, str(device), str(actor))
