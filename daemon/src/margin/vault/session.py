"""An unlocked vault: the key, the index, and the one path every change is written by."""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from margin.errors import MarginError, NewerKey, ObjectDamaged, WaitingForSync
from margin.vault import audit, crypto, index_file, objfile
from margin.vault.index import NoteIndex
from margin.vault.journal import AuditJournal
from margin.vault.model import AuditEntry, Problem, VersionMeta, now_iso
from margin.vault.objfile import Damaged, FileIdentity, Kind, SealedObject, TooNew, UnknownKey
from margin.vault.store import ID_PATTERN, Layout, ObjectStore, disk_error

INDEX_PURPOSE = "local-index"
SEEN_ACTION = "sync-seen"  # an audit entry recording the other devices' heads seen here
PACK_ACTION = "compact"  # the audit entry inside each pack (see compact.py)
# Audit entries of reads wait in the local journal until a save carries them or this many
# have gathered; then they become one file (a segment) of the vault folder.
SEGMENT_ENTRIES = 256
# One change of a batch: its objects, then its audit entry's action, note and detail.
Change = tuple[list[SealedObject], str, str | None, Any]
Progress = Callable[[int, int], None]
log = logging.getLogger("margin.vault")


class Session:
    def __init__(
        self, layout: Layout, store: ObjectStore, ring: crypto.KeyRing, vault_id: str,
        device_id: str,
    ):
        self.layout = layout
        self.store = store
        self.ring = ring
        self.vault_id = vault_id
        self.device_id = device_id
        self.index = NoteIndex()
        self.journal = AuditJournal(layout.journal_file(vault_id), store.ops, vault_id, device_id)
        self.pending: list[SealedObject] = []  # audit entries in the journal, not yet in a file
        self._present: set[str] = set()
        self.problems: list[Problem] = []
        self._paths: dict[str, Path] = {}  # object files read from a sync engine's copy
        # A damaged-looking file from another device younger than this many seconds is
        # taken as still arriving (a sync engine writing in place) and read again later.
        self.arrival_grace = 0.0
        self.others_changed = False  # another device wrote something since our last SEEN
        self.moved_aside: set[str] = set()  # files this session quarantined
        # Why this unlock rebuilt the local index from the vault folder (damaged, or made
        # by another version), in words for the clinician; None when it did not.
        self.index_rebuilt: str | None = None

    @property
    def key(self) -> bytearray:
        """The current vault key: new files are sealed with it, derived keys come from it."""
        return self.ring.current

    def use_ring(self, ring: crypto.KeyRing) -> None:
        """After a passphrase change: seal new files (and the journal) with the new key."""
        self.ring = ring
        self.journal.load(ring)

    # --- loading -------------------------------------------------------------------------

    def load(self, progress: Progress | None = None) -> None:
        """Read the local index, then only the object files it has not seen, then the audit
        entries a crash left in the journal (written out at once)."""
        stored, migrated = self._read_index()
        self.index = stored if stored is not None else NoteIndex()
        changed = self.refresh(progress) or stored is None or migrated
        self._recover_journal()
        if changed:
            self.save_index()

    def _recover_journal(self) -> None:
        try:
            entries = self.journal.load(self.ring)
        except OSError as error:
            raise disk_error(error) from error
        own = self.index.audit_seqs.get(self.device_id, {})
        for plaintext in entries:
            parsed = audit.to_entry(json.loads(plaintext))
            if own.get(parsed.seq) == parsed.hash:
                continue  # reached the vault before the crash
            self.pending.append(SealedObject(Kind.AUDIT, new_id(), plaintext, parsed))
            self._apply_audit(self.device_id, parsed)
        self.flush_audit()

    def refresh(self, progress: Progress | None = None) -> bool:
        """Take in files that arrived (or were left by a crash); True when anything changed.
        ``progress(files read, files to read)`` follows a long one (a first sync, a join,
        an index rebuild)."""
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
            if known is None or known[:2] == signature:
                continue
            if not self._still_valid(relative, path):
                del present[relative]  # altered since it was indexed: now in quarantine
            else:
                self.index.files[relative] = (*signature, known[2])
        self._present = set(present)
        arrived = sorted(present.keys() - self.index.files.keys())
        for done, relative in enumerate(arrived, 1):
            self._take_in(relative, *present[relative])
            if progress is not None:
                progress(done, len(arrived))
        return self._settle_gone(present) or bool(arrived)

    def _settle_gone(self, present: dict[str, tuple[Path, tuple[int, int]]]) -> bool:
        """Files the index knew that are gone. One whose every object is read from another
        file now (a pack took it in) was retired: forgotten quietly. Otherwise (removed by
        the sync service, or quarantined) the index is rebuilt and the loss reported."""
        gone = self.index.files.keys() - present.keys()
        held = self.index.held_by(gone) if gone else {}
        self.index.forget_files({relative for relative, ids in held.items() if not ids})
        uncovered = {relative: ids for relative, ids in held.items() if ids}
        lost = self._note_lost(uncovered, present.keys())
        if not uncovered:
            return bool(gone)
        self.index = NoteIndex(anchors=self.index.all_anchors(), lost=lost)
        for relative in sorted(present):
            self._take_in(relative, *present[relative])
        for item in self.pending:  # entries in the journal are this device's, still valid
            self._apply_audit(self.device_id, item.parsed)
        return True

    def _note_lost(
        self, gone: dict[str, list[str]], present: Iterable[str]
    ) -> dict[str, tuple[str, list[str]]]:
        """Files read here before and gone now, unless moved into a quarantine folder; one
        stays lost until it comes back or a pack holding all its objects arrives."""
        here = set(present)
        located = self.index.objects
        lost = {
            r: (when, ids) for r, (when, ids) in self.index.lost.items()
            if r not in here and not all(located.get(i, ("",))[0] in here for i in ids)
        }
        if not gone:
            self.index.lost = lost
            return lost
        aside = set(self.moved_aside) | {q.original for q in self.store.quarantined()}
        for relative in gone.keys() - aside:
            lost.setdefault(relative, (now_iso(), gone[relative]))
        return lost

    def check_all(self) -> None:
        """Read every object file again, end to end (``margin check``); quarantine failures."""
        for relative in sorted(self.index.files):
            path = self._paths.get(relative, self.layout.vault_dir / relative)
            self._still_valid(relative, path)
        self.refresh()

    def decode(self, relative: str, data: bytes) -> list[SealedObject]:
        """Every object of a file. A key this device lacks is "newer key" (a passphrase
        change on another device) only for a file of another device never read here; in
        this device's own folder, or in a file read before, it can only be an alteration."""
        try:
            return objfile.decode(self.ring, self.identity(relative), data)
        except UnknownKey as error:
            if relative.split("/")[1] == self.device_id or relative in self.index.files:
                raise Damaged("sealed with a key this vault never had (altered)") from error
            raise

    def _still_valid(self, relative: str, path: Path) -> bool:
        try:
            self.decode(relative, path.read_bytes())
            return True
        except UnknownKey:
            return True  # sealed with a newer key: not this device's to judge
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
            objects = self.decode(relative, data)
            self._apply(relative, objects, signature)
        except FileNotFoundError:
            return  # moved away between listing and reading: the next refresh sees it
        except TooNew:
            self.problems.append(Problem("newer_format", relative, "made by a newer Margin"))
        except UnknownKey:
            self.problems.append(Problem("newer_key", relative, "saved with a newer vault key; "
                                         "unlock with your newest recovery passphrase"))
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
                self.decode(relative, data)
            except (Damaged, TooNew, UnknownKey):
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
        self.index.files[relative] = (*signature, len(objects))
        self._present.add(relative)
        for position, (item, parsed) in enumerate(zip(objects, updates, strict=True)):
            object_id = item.object_id.hex()
            self.index.locate(object_id, (relative, position, item.offset), self._present)
            if isinstance(parsed, VersionMeta):
                self.index.add_version(parsed)
            elif item.kind is Kind.AUDIT:
                self._apply_audit(device, parsed)
                self.index.audit_ids.add(object_id)
            elif item.kind is Kind.DEVICE:
                self.index.devices[device] = parsed
            elif item.kind is Kind.DEVICE_REMOVED:
                self.index.removed.setdefault(str(parsed["removed"]), {**parsed, "by": device})

    def _apply_audit(self, device: str, entry: AuditEntry) -> None:
        self.index.add_audit_head(device, entry.seq, entry.hash, entry.time)
        if entry.action == SEEN_ACTION and isinstance(entry.detail, dict):
            seen, complete = entry.detail.get("seen"), entry.detail.get("complete")
            if isinstance(seen, dict):
                self.index.add_claims(device, seen, entry.time)
            if isinstance(complete, dict):
                self.index.add_complete(device, complete)
        elif device != self.device_id:
            self.others_changed = True
        if entry.action == PACK_ACTION and device == self.device_id and \
                entry.seq > self.index.pack_seq:
            self.index.pack_seq, self.index.pack_time = entry.seq, entry.time

    def seen_heads(self) -> dict[str, dict[str, Any]]:
        """The other devices' audit heads as this device has them, for a SEEN entry, and
        for each the newest entry with none missing before it (``complete``), which tells
        a device that every pack it wrote up to there arrived here (see compact.py)."""
        others = {d: h for d, h in sorted(self.index.audit_heads.items()) if d != self.device_id}
        return {
            "seen": {device: [seq, entry_hash] for device, (seq, entry_hash) in others.items()},
            "complete": {device: self.index.complete_seq(device) for device in others},
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
        """Record an audit entry, durably before returning; returns the entry.

        With objects (a save, a delete, a pack) everything goes into one new file: the
        audit entries waiting in the journal, the objects, then this entry. Without (a
        read, an unlock, a "seen" record) the entry goes into the local journal only, and
        reaches the vault folder with the next file this device writes."""
        seq, previous = self.index.audit_heads.get(self.device_id, (0, audit.GENESIS))
        sealed = self._entry(seq + 1, previous, actor, action, note, detail)
        entry: dict[str, Any] = json.loads(sealed.plaintext)
        if objects:
            self._write([*objects, sealed], carry=True)
            return entry
        parsed = sealed.parsed
        try:
            self.journal.append(sealed.plaintext)
        except OSError as error:
            raise disk_error(error) from error
        self.pending.append(sealed)
        self._apply_audit(self.device_id, parsed)
        if len(self.pending) >= SEGMENT_ENTRIES:
            self.flush_audit()
        return entry

    def commit_many(self, changes: list[Change], *, actor: str) -> None:
        """Several changes in one file (an import of many notes): each change's objects,
        then its own audit entry, so every note still has its entry."""
        seq, previous = self.index.audit_heads.get(self.device_id, (0, audit.GENESIS))
        sealed: list[SealedObject] = []
        for objects, action, note, detail in changes:
            seq += 1
            entry = self._entry(seq, previous, actor, action, note, detail)
            sealed += [*objects, entry]
            previous = entry.parsed.hash
        self._write(sealed, carry=True)

    def _entry(self, seq: int, previous: str, actor: str, action: str, note: str | None,
               detail: Any) -> SealedObject:
        plain = audit.make_entry(device=self.device_id, seq=seq, prev=previous,
                                 time=now_iso(), actor=actor, action=action, note=note,
                                 detail=detail)
        plaintext = audit.canonical(plain)
        parsed = audit.to_entry(plain, hashlib.sha256(plaintext).hexdigest())
        return SealedObject(Kind.AUDIT, new_id(), plaintext, parsed)

    def flush_audit(self) -> None:
        """Write the journal's entries into the vault folder as one segment file."""
        if self.pending:
            self._write([], carry=True)

    def _write(self, objects: list[SealedObject], *, carry: bool) -> str:
        """One new immutable file of this device, durable before returning. With ``carry``
        it starts with the journal's entries, which are then dropped from the journal."""
        carried = len(self.pending) if carry else 0
        sealed = [*self.pending[:carried], *objects]
        relative = f"data/{self.device_id}/{new_id().hex()}"
        path = self.layout.vault_dir / relative
        data = objfile.encode(self.ring, self.identity(relative), sealed)
        _, records = objfile._records(data)
        placed = [replace_offset(item, record[2] - objfile.RECORD_HEADER.size)
                  for item, record in zip(sealed, records, strict=True)]
        try:
            self.store.write(path, data)
        except MarginError:
            if path.exists():  # renamed but not made durable: keep the index truthful
                self._apply(relative, placed, _stat(path))
            raise
        self._apply(relative, placed, _stat(path))
        if carried:
            self.pending = self.pending[carried:]
            with contextlib.suppress(OSError):  # left there, the next load drops them
                self.journal.clear(self.ring)
        return relative

    # --- reading -------------------------------------------------------------------------

    def read_object(self, relative: str, position: int, offset: int) -> SealedObject:
        path = self._paths.get(relative, self.layout.vault_dir / relative)
        try:
            with path.open("rb") as handle:
                return objfile.read_one(self.ring, self.identity(relative), handle, position,
                                        offset)
        except FileNotFoundError as error:
            self.refresh()
            raise WaitingForSync() from error
        except UnknownKey as error:
            if relative.split("/")[1] != self.device_id:
                raise NewerKey() from error
            self._quarantine(path, "sealed with a key this vault never had (altered)")
            self.refresh()
            raise ObjectDamaged() from error
        except (Damaged, TooNew) as error:
            self._quarantine(path, str(error))
            self.refresh()
            raise ObjectDamaged() from error

    def read_text(self, body_id: str) -> str:
        location = self.index.objects.get(body_id)
        if location is None:
            raise WaitingForSync()
        return self.read_object(*location).plaintext.decode("utf-8", "surrogatepass")

    def audit_plaintexts(self) -> list[dict[str, Any]]:
        found = []
        for object_id in sorted(self.index.audit_ids, key=self._audit_order):
            location = self.index.objects.get(object_id)
            try:
                if location is not None:
                    found.append(json.loads(self.read_object(*location).plaintext))
            except (WaitingForSync, ObjectDamaged, NewerKey):
                continue  # a missing entry shows as a gap in the chain
        return found + [json.loads(item.plaintext) for item in self.pending]

    def _audit_order(self, object_id: str) -> tuple[str, int]:
        relative, position, _ = self.index.objects.get(object_id, ("", 0, 0))
        return relative, position

    # --- the local index and the key -----------------------------------------------------

    def _index_key_and_aad(self) -> tuple[bytes, bytes]:
        vault_id = bytes.fromhex(self.vault_id)
        key = crypto.derived_key(self.key, vault_id, INDEX_PURPOSE)
        return key, vault_id + bytes.fromhex(self.device_id)

    def _read_index(self) -> tuple[NoteIndex | None, bool]:
        """The stored index and whether it is of an older format; (None, False) when it
        must be rebuilt from the vault folder (why: ``index_rebuilt``, unless there was
        none yet)."""
        path = self.layout.index_file(self.vault_id)
        try:
            return index_file.read(path, *self._index_key_and_aad())
        except index_file.IndexUnreadable as unreadable:
            if path.exists():
                self.index_rebuilt = unreadable.reason
                log.warning("rebuilding the index of the vault from its files: %s",
                            unreadable.reason)
            return None, False

    def save_index(self) -> None:
        self.layout.home.local_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.store.ops.write_atomically(self.layout.index_file(self.vault_id),
                                        index_file.sealed(self.index,
                                                          *self._index_key_and_aad()))

    def wipe(self) -> None:
        self.ring.wipe()
        self.index = NoteIndex()
        self._paths = {}


def replace_offset(item: SealedObject, offset: int) -> SealedObject:
    return SealedObject(item.kind, item.object_id, item.plaintext, item.parsed, offset)


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
