"""An unlocked vault: the key, the index, and the one path every change is written by."""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from margin.errors import MarginError, ObjectDamaged, WaitingForSync
from margin.vault import audit, crypto, objfile
from margin.vault.index import NoteIndex, open_index, seal_index
from margin.vault.model import AuditEntry, Problem, VersionMeta, now_iso
from margin.vault.objfile import Damaged, FileIdentity, Kind, SealedObject, TooNew
from margin.vault.store import ID_PATTERN, Layout, ObjectStore

INDEX_PURPOSE = "local-index"
SEEN_ACTION = "sync-seen"  # an audit entry recording the other devices' heads seen here


class Session:
    def __init__(
        self, layout: Layout, store: ObjectStore, key: bytearray, vault_id: str, device_id: str
    ):
        self.layout = layout
        self.store = store
        self.key = key
        self.vault_id = vault_id
        self.device_id = device_id
        self.index = NoteIndex()
        self.problems: list[Problem] = []
        self._paths: dict[str, Path] = {}  # object files read from a sync engine's copy
        # A damaged-looking file from another device younger than this many seconds is
        # taken as still arriving (a sync engine writing in place) and read again later.
        self.arrival_grace = 0.0
        self.others_changed = False  # another device wrote something since our last SEEN
        self.moved_aside: set[str] = set()  # files this session quarantined

    # --- loading -------------------------------------------------------------------------

    def load(self) -> None:
        """Read the local index, then only the object files it has not seen."""
        stored = self._read_index()
        self.index = stored if stored is not None else NoteIndex()
        changed = self.refresh() or stored is None
        if changed:
            self.save_index()

    def refresh(self) -> bool:
        """Take in files that arrived (or were left by a crash); True when anything changed."""
        objects, copies, problems = self.store.scan_data()
        self._paths = {}
        for relative, paths in copies.items():
            problems += self._resolve_copies(relative, paths, objects)
        # Quarantines are events of this session and stay listed; the rest is recomputed.
        self.problems = [p for p in self.problems if p.kind == "quarantined"] + problems
        present = {}
        for relative, path in {**objects, **self._paths}.items():
            try:
                present[relative] = (path, _stat(path))
            except FileNotFoundError:
                continue  # a sync engine removed it since the listing: as if never listed
        for relative, (path, signature) in list(present.items()):
            known = self.index.files.get(relative)
            if known is not None and known != signature and not self._still_valid(relative, path):
                del present[relative]  # altered since it was indexed: now in quarantine
            elif known is not None:
                self.index.files[relative] = signature
        gone = self.index.files.keys() - present.keys()
        lost = self._note_lost(gone, present.keys())
        if gone:  # a file the index knew is gone (quarantined, or removed by sync)
            self.index = NoteIndex(anchors=self.index.all_anchors(), lost=lost)
        rebuilt = bool(gone)
        arrived = sorted(present.keys() - self.index.files.keys())
        for relative in arrived:
            self._take_in(relative, *present[relative])
        return rebuilt or bool(arrived)

    def _note_lost(self, gone: set[str], present: Iterable[str]) -> dict[str, str]:
        """Files read here before and gone now, unless moved into a quarantine folder."""
        lost = {r: t for r, t in self.index.lost.items() if r not in present}
        if not gone:
            self.index.lost = lost
            return lost
        aside = set(self.moved_aside) | {q.original for q in self.store.quarantined()}
        for relative in gone - aside:
            lost.setdefault(relative, now_iso())
        return lost

    def check_all(self) -> None:
        """Read every object file again, end to end (``margin check``); quarantine failures."""
        for relative in sorted(self.index.files):
            path = self._paths.get(relative, self.layout.vault_dir / relative)
            self._still_valid(relative, path)
        self.refresh()

    def _still_valid(self, relative: str, path: Path) -> bool:
        try:
            objfile.decode(self.key, self.identity(relative), path.read_bytes())
            return True
        except FileNotFoundError:
            return False
        except (Damaged, TooNew) as error:
            self._quarantine(path, str(error))
            return False

    def _quarantine(self, path: Path, reason: str) -> None:
        self.moved_aside.add(self.layout.relative(path))
        moved = self.store.quarantine(path, self.device_id, reason)
        self.problems.append(Problem("quarantined", moved, reason))

    def _take_in(self, relative: str, path: Path, signature: tuple[int, int]) -> None:
        try:
            data = path.read_bytes()
            objects = objfile.decode(self.key, self.identity(relative), data)
            self._apply(relative, objects, signature)
        except FileNotFoundError:
            return  # moved away between listing and reading: the next refresh sees it
        except TooNew:
            self.problems.append(Problem("newer_format", relative, "made by a newer Margin"))
        except Damaged as error:
            if self._still_arriving(relative, signature):
                self.problems.append(Problem("arriving", relative, "still arriving; read later"))
                return
            self._quarantine(path, str(error))

    def _still_arriving(self, relative: str, signature: tuple[int, int]) -> bool:
        """A file another device made, changed moments ago: a sync engine may be writing it
        in place (a NAS copy, OneDrive). Read it again later; quarantine it if it stays bad."""
        if self.arrival_grace <= 0 or relative.split("/")[1] == self.device_id:
            return False
        return time.time() - signature[1] / 1e9 < self.arrival_grace

    def _resolve_copies(
        self, relative: str, copies: list[Path], objects: dict[str, Path]
    ) -> list[Problem]:
        """Sync-engine conflict copies: validated, used only if the original is missing."""
        problems = []
        original = objects.get(relative)
        for copy in copies:
            shown = self.layout.relative(copy)
            try:
                data = copy.read_bytes()
                if original is not None and data == original.read_bytes():
                    problems.append(Problem("sync_copy", shown, "identical copy; ignored"))
                    continue
            except OSError:
                continue  # went away meanwhile: nothing to take in
            try:
                objfile.decode(self.key, self.identity(relative), data)
            except (Damaged, TooNew):
                problems.append(Problem("sync_copy", shown, "copy does not open; ignored"))
                continue
            if original is None and relative not in self._paths:
                self._paths[relative] = copy
            else:
                problems.append(Problem("sync_copy", shown, "differs from the original; ignored"))
        return problems

    # --- interpreting objects ------------------------------------------------------------

    def identity(self, relative: str) -> FileIdentity:
        _, device, file_id = relative.split("/")
        return FileIdentity(
            bytes.fromhex(self.vault_id), bytes.fromhex(device), bytes.fromhex(file_id)
        )

    def _apply(
        self, relative: str, objects: list[SealedObject], signature: tuple[int, int]
    ) -> None:
        """Check every object of a file first, then add them all (never half a file)."""
        device = relative.split("/")[1]
        updates = [_interpret(device, item) for item in objects]
        for position, (item, parsed) in enumerate(zip(objects, updates, strict=True)):
            if item.kind is Kind.BODY:
                self.index.bodies[item.object_id.hex()] = (relative, position)
            elif isinstance(parsed, VersionMeta):
                self.index.add_version(parsed)
            elif item.kind is Kind.AUDIT:
                self._apply_audit(device, parsed)
                self.index.audit_locations.append((relative, position))
            elif item.kind is Kind.DEVICE:
                self.index.devices[device] = parsed
            elif item.kind is Kind.DEVICE_REMOVED:
                self.index.removed.setdefault(str(parsed["removed"]), {**parsed, "by": device})
        self.index.files[relative] = signature

    def _apply_audit(self, device: str, entry: AuditEntry) -> None:
        self.index.add_audit_head(device, entry.seq, entry.hash, entry.time)
        if entry.action == SEEN_ACTION and isinstance(entry.detail, dict):
            seen = entry.detail.get("seen")
            if isinstance(seen, dict):
                self.index.add_claims(device, seen, entry.time)
        elif device != self.device_id:
            self.others_changed = True

    def seen_heads(self) -> dict[str, list[Any]]:
        """The other devices' audit heads as this device has them, for a SEEN entry."""
        return {
            device: [seq, entry_hash]
            for device, (seq, entry_hash) in sorted(self.index.audit_heads.items())
            if device != self.device_id
        }

    # --- writing -------------------------------------------------------------------------

    def commit(
        self,
        objects: list[SealedObject],
        *,
        actor: str,
        action: str,
        note: str | None,
        detail: Any = None,
    ) -> dict[str, Any]:
        """Write the objects plus their audit entry as one new file; returns the entry."""
        seq, previous = self.index.audit_heads.get(self.device_id, (0, audit.GENESIS))
        entry = audit.make_entry(
            device=self.device_id,
            seq=seq + 1,
            prev=previous,
            time=now_iso(),
            actor=actor,
            action=action,
            note=note,
            detail=detail,
        )
        plaintext = audit.canonical(entry)
        parsed = audit.to_entry(entry, hashlib.sha256(plaintext).hexdigest())
        sealed = [*objects, SealedObject(Kind.AUDIT, new_id(), plaintext, parsed)]
        relative = f"data/{self.device_id}/{new_id().hex()}"
        path = self.layout.vault_dir / relative
        data = objfile.encode(self.key, self.identity(relative), sealed)
        try:
            self.store.write(path, data)
        except MarginError:
            if path.exists():  # renamed but not made durable: keep the index truthful
                self._apply(relative, sealed, _stat(path))
            raise
        self._apply(relative, sealed, _stat(path))
        return entry

    # --- reading -------------------------------------------------------------------------

    def read_object(self, relative: str, position: int) -> SealedObject:
        path = self._paths.get(relative, self.layout.vault_dir / relative)
        try:
            data = path.read_bytes()
            return objfile.decode_one(self.key, self.identity(relative), data, position)
        except FileNotFoundError as error:
            self.refresh()
            raise WaitingForSync() from error
        except (Damaged, TooNew) as error:
            self._quarantine(path, str(error))
            self.refresh()
            raise ObjectDamaged() from error

    def read_text(self, body_id: str) -> str:
        location = self.index.bodies.get(body_id)
        if location is None:
            raise WaitingForSync()
        return self.read_object(*location).plaintext.decode("utf-8", "surrogatepass")

    def audit_plaintexts(self) -> list[dict[str, Any]]:
        found = []
        for relative, position in self.index.audit_locations:
            try:
                found.append(json.loads(self.read_object(relative, position).plaintext))
            except (WaitingForSync, ObjectDamaged):
                continue  # a missing entry shows as a gap in the chain
        return found

    # --- the local index and the key -----------------------------------------------------

    def _index_key_and_aad(self) -> tuple[bytes, bytes]:
        vault_id = bytes.fromhex(self.vault_id)
        key = crypto.derived_key(self.key, vault_id, INDEX_PURPOSE)
        return key, vault_id + bytes.fromhex(self.device_id)

    def _read_index(self) -> NoteIndex | None:
        try:
            data = self.layout.index_file(self.vault_id).read_bytes()
        except OSError:
            return None
        return open_index(data, *self._index_key_and_aad())

    def save_index(self) -> None:
        data = seal_index(self.index, *self._index_key_and_aad())
        self.layout.home.local_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.store.ops.write_atomically(self.layout.index_file(self.vault_id), data)

    def wipe(self) -> None:
        crypto.wipe(self.key)
        self.index = NoteIndex()
        self._paths = {}


def _stat(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_size, info.st_mtime_ns


def new_id() -> bytes:
    return os.urandom(16)


def _interpret(device: str, item: SealedObject) -> Any:
    """Parse and check one object's plaintext; anything malformed is damage."""
    if item.parsed is not None:  # made by this process a moment ago
        return item.parsed
    if item.kind is Kind.BODY:
        try:
            item.plaintext.decode("utf-8", "surrogatepass")
        except UnicodeDecodeError as error:
            raise Damaged("note text is not UTF-8") from error
        return None
    try:
        plain = json.loads(item.plaintext)
        if plain["device"] != device:
            raise Damaged("object claims another device than the folder it is in")
        if item.kind in (Kind.VERSION, Kind.TOMBSTONE):
            meta = version_from_plain(item.kind, item.object_id, plain)
            if not ID_PATTERN.match(meta.note) or (not meta.deleted and not meta.body):
                raise Damaged("version names no note or body")
            return meta
        if item.kind is Kind.AUDIT:
            return audit.to_entry(plain)
        if item.kind is Kind.DEVICE_REMOVED and not ID_PATTERN.match(str(plain["removed"])):
            raise Damaged("device removal names no device")
        return plain
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise Damaged("object content is malformed") from error


interpret = _interpret  # for readers outside a session (margin check)


def version_from_plain(kind: Kind, object_id: bytes, plain: dict[str, Any]) -> VersionMeta:
    deleted = kind is Kind.TOMBSTONE
    record = {**plain, "id": object_id.hex(), "deleted": deleted}
    if deleted:
        record.update(body=None, client=None, context={}, tags=[], created=plain["time"])
    return VersionMeta.from_json(record)
