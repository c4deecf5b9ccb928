"""The derived, rebuildable index of notes: metadata only, kept encrypted on this machine.

It lets Margin list one client's notes without decrypting every note, and lets unlock read
only the object files it has not seen yet. Losing it costs a rebuild, never data.
"""

from __future__ import annotations

import base64
import json
import struct
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from cryptography.exceptions import InvalidTag

from margin.vault import crypto
from margin.vault.model import NoteSummary, VersionMeta

INDEX_MAGIC = b"MARGINIX"
INDEX_VERSION = 5  # 3: objects located (packs), counts per file; 4: packed, lazy; 5: no zlib
INDEX_HEADER = struct.Struct(">8sH12s")
INDEX_AAD = b"margin/v1/index"


def filter_key(value: object) -> str | None:
    """Lists match clients, sites and dates ignoring case and surrounding spaces."""
    if value is None:
        return None
    text = str(value).strip().casefold()
    return text or None


class Versions:
    """Version metadata by id. Loaded as stored rows and made into ``VersionMeta`` only
    when first asked for, so unlocking a 100,000-note vault does not build them all."""

    def __init__(self) -> None:
        self._items: dict[str, VersionMeta | list[Any]] = {}

    def __contains__(self, version_id: object) -> bool:
        return version_id in self._items

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, version_id: str) -> VersionMeta:
        item = self._items[version_id]
        if isinstance(item, VersionMeta):
            return item
        meta = self._items[version_id] = _version_of(item)
        return meta

    def __setitem__(self, version_id: str, meta: VersionMeta) -> None:
        self._items[version_id] = meta

    def get(self, version_id: str) -> VersionMeta | None:
        return self[version_id] if version_id in self._items else None

    def is_deleted(self, version_id: str) -> bool:
        """Without making the version's metadata (see ``NoteIndex.current_versions``)."""
        item = self._items[version_id]
        return item.deleted if isinstance(item, VersionMeta) else bool(item[3])

    def values(self) -> Iterator[VersionMeta]:
        for version_id in list(self._items):
            yield self[version_id]

    def rows(self) -> list[list[Any]]:
        return [item if isinstance(item, list) else _version_row(item)
                for item in self._items.values()]

    def load(self, rows: list[list[Any]]) -> None:
        for row in rows:
            self._items[str(row[0])] = row


@dataclass
class NoteIndex:
    # Each object file read, with the (size, mtime_ns) it had and its object count: a file
    # whose stat changed is read again at unlock, so an altered file is caught even though
    # the index knew it; the count says which of two files holding an object is the pack.
    files: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    versions: Versions = field(default_factory=Versions)
    # Where each object is read from: (file, record index, record offset). An object can
    # be in two files while a pack replaces small files; the file with more objects wins.
    objects: dict[str, tuple[str, int, int]] = field(default_factory=dict)
    audit_ids: set[str] = field(default_factory=set)  # the objects that are audit entries
    devices: dict[str, dict[str, Any]] = field(default_factory=dict)
    audit_heads: dict[str, tuple[int, str]] = field(default_factory=dict)
    # The newest audit entry this computer has seen per device, kept across rebuilds, so a
    # log cut short (or cut and written again) is noticed by verify.
    anchors: dict[str, tuple[int, str]] = field(default_factory=dict)
    note_versions: dict[str, set[str]] = field(default_factory=dict)
    # Every audit entry present, per device: seq -> hash (gaps show pieces not arrived).
    audit_seqs: dict[str, dict[int, str]] = field(default_factory=dict)
    audit_times: dict[str, str] = field(default_factory=dict)  # device -> newest entry's time
    # What other devices wrote they had seen: claims[target][claimer] = (seq, hash, time).
    claims: dict[str, dict[str, tuple[int, str, str]]] = field(default_factory=dict)
    # What other devices wrote they hold of each device without a gap: [target][claimer].
    complete: dict[str, dict[str, int]] = field(default_factory=dict)
    pack_seq: int = 0  # this device's newest pack's audit entry (compact.py)
    pack_time: str = ""
    removed: dict[str, dict[str, Any]] = field(default_factory=dict)  # device -> removal
    # Object files this computer read that are gone (not quarantined) with objects found
    # nowhere else: file -> (when noticed, its object ids). Kept across rebuilds like the
    # anchors; cleared when the file comes back or a pack holding its objects arrives.
    lost: dict[str, tuple[str, list[str]]] = field(default_factory=dict)
    _filters: dict[str, dict[str, set[str]]] = field(default_factory=dict)
    _note_keys: dict[str, dict[str, str | None]] = field(default_factory=dict)

    # --- building ------------------------------------------------------------------------

    def add_version(self, meta: VersionMeta) -> None:
        if meta.id in self.versions:
            return
        self.versions[meta.id] = meta
        self.note_versions.setdefault(meta.note, set()).add(meta.id)
        self._refile(meta.note)

    def add_audit_head(self, device: str, seq: int, entry_hash: str, time: str = "") -> None:
        self.audit_seqs.setdefault(device, {})[seq] = entry_hash
        if seq > self.audit_heads.get(device, (0, ""))[0]:
            self.audit_heads[device] = (seq, entry_hash)
            if time:
                self.audit_times[device] = time

    def add_claims(self, claimer: str, seen: dict[str, Any], time: str) -> None:
        """A device wrote which audit heads it had seen; keep each claimer's newest."""
        for target, head in seen.items():
            seq, entry_hash = int(head[0]), str(head[1])
            known = self.claims.setdefault(str(target), {}).get(claimer)
            if known is None or seq > known[0]:
                self.claims[str(target)][claimer] = (seq, entry_hash, time)

    def add_complete(self, claimer: str, complete: dict[str, Any]) -> None:
        for target, seq in complete.items():
            known = self.complete.setdefault(str(target), {})
            known[claimer] = max(known.get(claimer, 0), int(seq))

    def complete_seq(self, device: str) -> int:
        """The newest entry of ``device`` held here with none missing before it."""
        seqs = self.audit_seqs.get(device, {})
        top = max(seqs, default=0)
        if top == len(seqs):
            return top
        seq = 0
        while seq + 1 in seqs:
            seq += 1
        return seq

    def all_anchors(self) -> dict[str, tuple[int, str]]:
        merged = dict(self.anchors)
        for device, head in self.audit_heads.items():
            if head[0] > merged.get(device, (0, ""))[0]:
                merged[device] = head
        return merged

    def _refile(self, note_id: str) -> None:
        """Keep the client/site/date filters pointing at the note's current metadata."""
        if note_id in self._note_keys:
            for name, value in self._note_keys.pop(note_id).items():
                if value is not None:
                    self._filters[name][value].discard(note_id)
        else:  # loaded from disk (keys not kept): take it out wherever it is (few values)
            for values in self._filters.values():
                for notes in values.values():
                    notes.discard(note_id)
        current = self.shown(self.current(note_id))
        keys = {
            "client": filter_key(current.client),
            "site": filter_key(current.context.get("site")),
            "date": filter_key(current.context.get("appointment_date")),
        }
        for name, value in keys.items():
            if value is not None:
                self._filters.setdefault(name, {}).setdefault(value, set()).add(note_id)
        self._note_keys[note_id] = keys

    def locate(self, object_id: str, where: tuple[str, int, int], present: set[str]) -> None:
        """Read ``object_id`` from ``where`` unless a file with more objects (a pack that
        replaced the small file, or a bigger pack that replaced a pack) already holds it."""
        known = self.objects.get(object_id)
        if (known is not None and known[0] in present and known[0] != where[0]
                and self._count(known[0]) >= self._count(where[0])):
            return
        self.objects[object_id] = where

    def _count(self, relative: str) -> int:
        return self.files.get(relative, (0, 0, 0))[2]

    def held_by(self, relatives: set[str]) -> dict[str, list[str]]:
        """The objects read from each of these files (none: every object is elsewhere)."""
        found: dict[str, list[str]] = {relative: [] for relative in relatives}
        for object_id, (relative, _, _) in self.objects.items():
            if relative in found:
                found[relative].append(object_id)
        return found

    def forget_files(self, relatives: set[str]) -> None:
        """Files whose every object is read from elsewhere now (retired after a pack)."""
        for relative in relatives:
            self.files.pop(relative, None)

    # --- reading -------------------------------------------------------------------------

    def heads(self, note_id: str) -> list[VersionMeta]:
        """Versions no other version names as a parent: live ones first, newest first.

        An edit on one device and a delete on another leave two heads; the edit comes
        first, so the note stays listed (with its conflict) instead of vanishing.
        """
        ids = self.note_versions.get(note_id, set())
        if len(ids) == 1:  # most notes: one version, its own head
            return [self.versions[next(iter(ids))]]
        named = {parent for version in ids for parent in self.versions[version].parents}
        heads = [self.versions[v] for v in ids if v not in named]
        return sorted(
            heads, key=lambda meta: (not meta.deleted, meta.time, meta.id), reverse=True
        )

    def current(self, note_id: str) -> VersionMeta:
        return self.heads(note_id)[0]

    def current_versions(self) -> dict[str, tuple[str, bool]]:
        """Every note's current version and whether it is deleted: what ``summary`` says,
        without making every version's metadata (the leak guard asks at each unlock; a
        summary of each of 100,000 notes took seconds)."""
        found: dict[str, tuple[str, bool]] = {}
        for note_id, ids in self.note_versions.items():
            if len(ids) == 1:  # most notes: one version, its own head
                (version_id,) = ids
                found[note_id] = (version_id, self.versions.is_deleted(version_id))
            else:
                head = self.current(note_id)
                found[note_id] = (head.id, head.deleted)
        return found

    def shown(self, meta: VersionMeta) -> VersionMeta:
        """A tombstone carries no metadata: a deleted note shows the version it deleted."""
        while meta.deleted:
            parents = [self.versions[p] for p in meta.parents if p in self.versions]
            if not parents:
                return meta
            meta = max(parents, key=lambda parent: (parent.time, parent.id))
        return meta

    def summary(self, note_id: str) -> NoteSummary:
        heads = self.heads(note_id)
        current = heads[0]
        shown = self.shown(current)
        return NoteSummary(
            id=note_id,
            version=current.id,
            heads=[meta.id for meta in heads],
            client=shown.client,
            context=dict(shown.context),
            tags=list(shown.tags),
            created=shown.created,
            updated=current.time,
            deleted=current.deleted,
            waiting_for_sync=any(
                meta.body is not None and meta.body not in self.objects for meta in heads
            ),
        )

    def matching(self, client: str | None, site: str | None, date: str | None) -> set[str]:
        chosen: set[str] | None = None
        for name, value in (("client", client), ("site", site), ("date", date)):
            key = filter_key(value)
            if value is None:
                continue
            found = self._filters.get(name, {}).get(key or "", set())
            chosen = set(found) if chosen is None else chosen & found
        return set(self.note_versions) if chosen is None else chosen

    # --- persistence ---------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        return {
            "v": INDEX_VERSION,
            "files": {key: list(value) for key, value in self.files.items()},
            "versions": self.versions.rows(),
            "filters": {name: {value: sorted(ids) for value, ids in values.items()}
                        for name, values in self._filters.items()},
            "contents": _contents(self.objects),
            "audit_ids": sorted(self.audit_ids),
            "devices": self.devices,
            "audit": {key: list(value) for key, value in self.audit_heads.items()},
            "anchors": {key: list(value) for key, value in self.all_anchors().items()},
            "audit_seqs": {
                d: {str(q): h for q, h in s.items()} for d, s in self.audit_seqs.items()
            },
            "audit_times": self.audit_times,
            "claims": {t: {c: list(v) for c, v in by.items()} for t, by in self.claims.items()},
            "complete": self.complete,
            "pack_seq": self.pack_seq,
            "pack_time": self.pack_time,
            "removed": self.removed,
            "lost": {key: [when, ids] for key, (when, ids) in self.lost.items()},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> NoteIndex:
        index = cls(
            files={key: (int(v[0]), int(v[1]), int(v[2])) for key, v in data["files"].items()},
            objects=_located(data["contents"]),
            audit_ids=set(data["audit_ids"]),
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
        index.versions.load(data["versions"])
        for row in data["versions"]:
            index.note_versions.setdefault(sys.intern(str(row[1])), set()).add(str(row[0]))
        index._filters = {name: {value: set(ids) for value, ids in values.items()}
                          for name, values in data["filters"].items()}
        return index


def _version_row(meta: VersionMeta) -> list[Any]:
    """A version as a JSON array: a 100,000-note index loads in a fraction of a second."""
    return [meta.id, meta.note, list(meta.parents), meta.deleted, meta.body, meta.client,
            meta.context, list(meta.tags), meta.created, meta.time, meta.device, meta.actor]


def _version_of(row: list[Any]) -> VersionMeta:
    note_id, note, parents, deleted, body, client, context, tags, created, when, device, \
        actor = row
    return VersionMeta(str(note_id), sys.intern(str(note)), tuple(parents), bool(deleted),
                       body, client, dict(context), tuple(tags), created, when,
                       sys.intern(str(device)), sys.intern(str(actor)))


LOCATION = struct.Struct(">16sII")  # object id, record index, record offset


def _contents(objects: dict[str, tuple[str, int, int]]) -> dict[str, str]:
    """Objects grouped by file (each file name once), packed: {file: base64 of records}."""
    grouped: dict[str, list[bytes]] = {}
    for object_id, (relative, position, offset) in objects.items():
        grouped.setdefault(relative, []).append(
            LOCATION.pack(bytes.fromhex(object_id), position, offset))
    return {relative: base64.b64encode(b"".join(parts)).decode()
            for relative, parts in grouped.items()}


def _located(contents: dict[str, str]) -> dict[str, tuple[str, int, int]]:
    objects = {}
    for relative, packed in contents.items():
        name = sys.intern(str(relative))  # one string per file, however many objects
        for object_id, position, offset in LOCATION.iter_unpack(base64.b64decode(packed)):
            objects[object_id.hex()] = (name, position, offset)
    return objects


def seal_index(index: NoteIndex, key: bytes, aad: bytes) -> bytes:
    nonce = crypto.random_bytes(crypto.NONCE_BYTES)
    header = INDEX_HEADER.pack(INDEX_MAGIC, INDEX_VERSION, nonce)
    body = json.dumps(index.to_json(), separators=(",", ":")).encode()  # no zlib: unlock time
    return header + crypto.seal(key, nonce, body, INDEX_AAD + aad + header)


def open_index(data: bytes, key: bytes, aad: bytes) -> NoteIndex | None:
    """The stored index, or None when missing pieces, damage or an old format mean rebuild."""
    if len(data) < INDEX_HEADER.size:
        return None
    magic, version, nonce = INDEX_HEADER.unpack_from(data)
    if magic != INDEX_MAGIC or version != INDEX_VERSION:
        return None
    header = data[: INDEX_HEADER.size]
    try:
        body = crypto.open_sealed(key, nonce, data[INDEX_HEADER.size :], INDEX_AAD + aad + header)
        return NoteIndex.from_json(json.loads(body))
    except (InvalidTag, ValueError, KeyError, TypeError):
        return None
