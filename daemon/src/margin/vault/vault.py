"""The vault's public face: create, unlock, lock, keys, notes, audit (docs/FORMAT.md).

Synchronous and thread-safe: one re-entrant lock guards every call, because the daemon
calls in from worker threads.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

from margin.durable import DEFAULT_OPS, FileOps
from margin.errors import (
    FormatTooNew,
    KeychainDenied,
    KeychainUnavailable,
    MarginError,
    NewerKey,
    NotASyncedVault,
    NoVault,
    ObjectDamaged,
    VaultExists,
    VaultLocked,
    WaitingForSync,
    WrongPassphrase,
)
from margin.home import Home
from margin.vault import (
    audit,
    compact,
    conflicts,
    crypto,
    devices,
    keyfile,
    notes,
    syncstate,
    tempfiles,
)
from margin.vault.devices import DeviceInfo
from margin.vault.keystore import KeyStore
from margin.vault.model import (
    AuditEntry,
    AuditReport,
    Note,
    NoteSummary,
    Problem,
    QuarantinedFile,
    VersionMeta,
    now_iso,
)
from margin.vault.objfile import Damaged, Kind, SealedObject, TooNew
from margin.vault.session import SEEN_ACTION, Session, new_id
from margin.vault.store import Layout, ObjectStore

T = TypeVar("T")
Progress = Callable[[int, int], None]  # (done, total), called now and then by long work
UNSET = notes.UNSET


class Vault:
    """One vault folder, as seen from this device. Starts locked unless just created."""

    def __init__(self, home: Home, *, keystore: KeyStore | None = None, ops: FileOps | None = None):
        self.home = home
        self.layout = Layout(home)
        self.store = ObjectStore(self.layout, ops or DEFAULT_OPS)
        self.keystore = keystore if keystore is not None else KeyStore()
        self._lock = threading.RLock()
        self._session: Session | None = None
        self.vault_id = _vault_id_of(self.layout)
        self.keychain_status = "not tried"
        self._arrival_grace = 0.0
        self.policy = compact.Policy()  # when this device packs its small files
        # Told of every note change made here or taken in from sync, so derived data (the
        # fingerprint index) follows the vault by itself: (note id, the note or None when it
        # was deleted). A note id of None means "several may have changed: catch up".
        self.note_listeners: list[Callable[[str | None, Note | None], None]] = []

    # --- lifecycle -----------------------------------------------------------------------

    @staticmethod
    def exists(home: Home) -> bool:
        return bool(Layout(home).key_files())

    @classmethod
    def open(
        cls, home: Home, *, keystore: KeyStore | None = None, ops: FileOps | None = None
    ) -> Vault:
        if not cls.exists(home):
            raise NoVault()
        return cls(home, keystore=keystore, ops=ops)

    @classmethod
    def create(
        cls,
        home: Home,
        passphrase: str,
        *,
        keystore: KeyStore | None = None,
        kdf: crypto.KdfParams | None = None,
        device_name: str | None = None,
        ops: FileOps | None = None,
        actor: str = "cli",
    ) -> Vault:
        if cls.exists(home):
            raise VaultExists()
        home.ensure()
        vault_id = crypto.random_bytes(16)
        ring = crypto.KeyRing([bytearray(crypto.random_bytes(crypto.KEY_BYTES))], vault_id)
        vault = cls(home, keystore=keystore, ops=ops)
        vault.vault_id = vault_id.hex()
        vault._write_key_file(ring, passphrase, kdf or crypto.KdfParams())
        vault._start(ring, actor, "create", {"device_name": device_name})
        vault._remember(ring)
        return vault

    @property
    def is_unlocked(self) -> bool:
        return self._session is not None

    @property
    def device_id(self) -> str:
        return self._device_id()

    def unlock_with_passphrase(
        self,
        passphrase: str,
        *,
        actor: str = "cli",
        remember: bool = True,
        device_name: str | None = None,
        progress: Progress | None = None,
    ) -> None:
        """Unlock; with ``remember`` the key is also kept in the keychain when one is usable.
        ``device_name`` names this computer if this is its first unlock (``margin join``).
        ``progress(files read, files to read)`` follows the reading of files not yet in the
        local index (a join of a large vault, an index rebuild)."""
        with self._lock:
            ring = self._unwrap_any(passphrase)  # checked even when already unlocked
            if self._session is not None:
                ring.wipe()
                return
            detail: dict[str, Any] = {"method": "passphrase"}
            if device_name:
                detail["device_name"] = device_name
            self._start(ring, actor, "unlock", detail, progress)
            if remember:
                self._remember(ring)

    def unlock_from_keychain(self, *, actor: str = "cli") -> None:
        with self._lock:
            if self._session is not None:
                return
            blob = self.keystore.load(self.vault_id)
            try:
                ring = crypto.KeyRing.from_bytes(blob, bytes.fromhex(self.vault_id))
            except ValueError:
                ring = None
            finally:
                crypto.wipe(blob)
            if ring is None or not self._is_current(ring):
                if ring is not None:
                    ring.wipe()
                raise KeychainDenied(
                    message="The keychain holds a key that does not open this vault (the "
                    "recovery passphrase may have been changed, perhaps on another computer).",
                    hint="Unlock with your newest recovery passphrase.",
                )
            self._start(ring, actor, "unlock", {"method": "keychain"})

    def lock(self, *, actor: str = "cli") -> None:
        """Save the index, then wipe the key and every decrypted cache we hold."""
        with self._lock:
            session, self._session = self._session, None
            if session is None:
                return
            try:
                session.commit([], actor=actor, action="lock", note=None)
                session.flush_audit()
                compact.compact(session, self.policy)
            except (MarginError, OSError):
                pass  # locking must never fail: the journal keeps what was not written out
            try:
                session.save_index()
            except (MarginError, OSError):
                pass  # the index is rebuilt if it is stale
            finally:
                session.wipe()

    def change_passphrase(
        self, old: str, new: str, *, kdf: crypto.KdfParams | None = None, actor: str = "cli"
    ) -> None:
        """Start a new vault key, wrapped (with every older key) by the new passphrase; the
        old key file(s) are removed. Everything written from now on is sealed with the new
        key, so a copy of an old key file and the old passphrase open only older files."""
        with self._lock:
            session = self._require()
            old_files = [p for p in self.layout.key_files() if self._opens(p, old, session.ring)]
            if not old_files:
                raise WrongPassphrase(message="The current passphrase is not right.")
            session.flush_audit()  # the journal is sealed with a key derived from the old one
            ring = session.ring.rotated()
            self._write_key_file(ring, new, kdf or crypto.KdfParams())
            for path in old_files:
                self.store.ops.unlink(path)
            self.store.ops.fsync_dir(self.layout.keys_dir)
            session.use_ring(ring)
            session.commit([], actor=actor, action="passphrase", note=None)
            if self.keychain_status == "stored":
                self._remember(ring)

    def reencrypt(self, *, progress: Progress | None = None, actor: str = "cli") -> int:
        """After a passphrase leaked (first change it): seal again, with the current key,
        every file this device wrote under an older key, and retire the old files once the
        other devices have the new ones. Returns how many files were sealed again. Other
        devices' files are theirs to re-encrypt (``margin check`` lists them)."""
        with self._lock:
            session = self._require()
            session.flush_audit()
            return compact.reencrypt(session, self.policy, progress=progress, actor=actor)

    def compact(self, *, progress: Progress | None = None) -> compact.Result:
        """Merge this device's small files into packs and retire what packs replaced."""
        with self._lock:
            return compact.compact(self._require(), self.policy, progress=progress)

    def flush_index(self) -> None:
        """Write the pending audit entries and the local index now (the daemon may call this
        when idle)."""
        with self._lock:
            session = self._require()
            session.flush_audit()
            session.save_index()

    def journalled(self) -> int:
        """Audit entries waiting in the local journal for a file of the vault folder."""
        with self._lock:
            return self._require().journal.pending

    def refresh(self) -> bool:
        """Take in files a sync engine brought (or a crash left) since unlock; True when
        anything changed."""
        with self._lock:
            changed = self._require().refresh()
        if changed:
            self._announce(None, None)
        return changed

    @property
    def arrival_grace(self) -> float:
        return self._arrival_grace

    @arrival_grace.setter
    def arrival_grace(self, seconds: float) -> None:
        """Seconds a bad-looking file from another device counts as still being written by
        a sync engine (set by the daemon's folder watcher; 0 = quarantine at once)."""
        with self._lock:
            self._arrival_grace = seconds
            if self._session is not None:
                self._session.arrival_grace = seconds

    # --- devices and sync ----------------------------------------------------------------

    def devices(self) -> list[DeviceInfo]:
        return self._do(devices.listing)

    def remove_device(self, device_id: str, *, actor: str) -> DeviceInfo:
        return self._do(lambda s: devices.remove(s, device_id, actor=actor))

    def sync_issues(self) -> list[syncstate.SyncIssue]:
        """Pieces still on their way, and files removed or rolled back by the provider."""
        return self._do(syncstate.issues)

    def record_seen(self, *, actor: str = "sync") -> bool:
        """After another device's changes came in, write the heads seen (one audit entry),
        so every device can tell a later removal or rollback. True if written."""
        with self._lock:
            session = self._require()
            if not session.others_changed:
                return False
            session.others_changed = False
            detail = session.seen_heads()
            session.commit([], actor=actor, action=SEEN_ACTION, note=None, detail=detail)
            return True

    def check_copy(self, target: Path, *, read_data: bool,
                   progress: Progress | None = None) -> Any:
        """``margin check`` of this vault's folder or a backup of it, with the key held here;
        reads only, changes nothing (unlike ``check()``). Returns a sync.checker.CheckReport."""
        from margin.sync import checker  # the checker reads vaults; the vault does not need it

        with self._lock:
            ring = self._require().ring if read_data else None
            keys = None if ring is None else crypto.KeyRing(
                [bytearray(key) for key in ring.keys], ring.vault_id)
        if read_data and checker.vault_id_of(target) != self.vault_id:
            raise NotASyncedVault(
                message="That copy is of another vault, so this vault's key cannot check it.",
                hint="Give that vault's recovery passphrase with --passphrase-file.")
        return checker.check(target, keys, progress=progress)

    def conflict(self, note_id: str, *, actor: str) -> dict[str, Any]:
        """Every head of a note with its device, time and text (audited)."""
        return self._do(lambda s: conflicts.view(s, note_id, actor=actor))

    # --- notes ---------------------------------------------------------------------------

    def create_note(
        self,
        text: str,
        *,
        actor: str,
        client: str | None = None,
        context: dict[str, Any] | None = None,
        tags: Sequence[str] = (),
    ) -> Note:
        return self._announced(self._do(
            lambda s: notes.create(s, text, client=client, context=context, tags=tags, actor=actor)
        ))

    def update_note(
        self,
        note_id: str,
        text: str | None,
        *,
        base_version: str | Sequence[str],
        actor: str,
        client: Any = UNSET,
        context: Any = UNSET,
        tags: Any = UNSET,
    ) -> Note:
        """``text=None`` keeps the text; a stale ``base_version`` raises StaleVersion."""
        return self._announced(self._do(
            lambda s: notes.update(
                s,
                note_id,
                text,
                base_version=base_version,
                client=client,
                context=context,
                tags=tags,
                actor=actor,
            )
        ))

    def create_notes(self, items: Sequence[dict[str, Any]], *, actor: str,
                     progress: Progress | None = None) -> list[tuple[str, str]]:
        """Many new notes at once (an import of thousands): a few files instead of one a
        note, each note with its own audit entry; (note id, version id) in input order."""
        made = self._do(lambda s: notes.create_many(s, items, actor=actor, progress=progress))
        self._announce(None, None)  # many notes: listeners catch up once
        return made

    def get_note(self, note_id: str, *, actor: str, version: str | None = None) -> Note:
        return self._do(lambda s: notes.read(s, note_id, version, actor=actor))

    def list_notes(
        self,
        *,
        client: str | None = None,
        site: str | None = None,
        date: str | None = None,
        include_deleted: bool = False,
    ) -> list[NoteSummary]:
        return self._do(lambda s: notes.listing(s, client, site, date, include_deleted))

    def current_versions(self) -> dict[str, tuple[str, bool]]:
        """note id -> (its current version, deleted), for derived data that follows the
        notes (the fingerprint index); not audited: no text is read."""
        return self._do(lambda s: s.index.current_versions())

    def version_meta(self, version_id: str) -> VersionMeta:
        """One version's metadata (not audited: no text is read), not kept in the cache
        of rows (see ``Versions.peek``)."""
        return self._do(lambda s: s.index.versions.peek(version_id))

    def note_summary(self, note_id: str) -> NoteSummary:
        """One note's current metadata, without its text (not audited: no text is read)."""
        return self._do(lambda s: notes.summary(s, note_id))

    def delete_note(self, note_id: str, *, actor: str) -> NoteSummary:
        summary = self._do(lambda s: notes.delete(s, note_id, actor=actor))
        self._announce(note_id, None)
        return summary

    def undelete_note(self, note_id: str, *, actor: str) -> Note:
        return self._announced(self._do(lambda s: notes.undelete(s, note_id, actor=actor)))

    def _announced(self, note: Note) -> Note:
        self._announce(note.id, None if note.deleted else note)
        return note

    def _announce(self, note_id: str | None, note: Note | None) -> None:
        for listener in list(self.note_listeners):
            listener(note_id, note)

    def history(self, note_id: str) -> list[VersionMeta]:
        return self._do(lambda s: notes.history(s, note_id))

    def iter_texts(self, *, actor: str, purpose: str = "index",
                   only: Iterable[str] | None = None,
                   unread: list[str] | None = None) -> Iterator[tuple[str, str]]:
        """(note id, current text) of every note not deleted (or of the ``only`` ones);
        one audit entry for the pass. With an ``unread`` list, a note whose text cannot be
        read now (its file gone while a sync engine or antivirus moves it, damaged, or
        sealed with a newer key) is named there and passed over instead of ending the pass:
        one such note must not stop an index of all the others."""
        with self._lock:
            session = self._require()
            index = session.index
            # current versions, not a summary of each note (slow and large for 100,000)
            heads = index.current_versions()
            chosen = heads if only is None else [n for n in only if n in heads]
            bodies = [(n, index.versions.body(heads[n][0])) for n in chosen if not heads[n][1]]
            session.commit(
                [], actor=actor, action=purpose, note=None, detail={"notes": len(bodies)}
            )
        for note_id, body in bodies:
            try:
                with self._lock:
                    text = self._require().read_text(body or "")
            except (WaitingForSync, ObjectDamaged, NewerKey):
                if unread is None:
                    raise
                unread.append(note_id)
                continue
            yield note_id, text

    # --- audit, keys, problems -----------------------------------------------------------

    def record(
        self, action: str, note_id: str | None, *, actor: str, detail: Any = None
    ) -> AuditEntry:
        """Append an audit entry (export, disclosure, scan...) before returning."""
        return audit.to_entry(
            self._do(
                lambda s: s.commit([], actor=actor, action=action, note=note_id, detail=detail)
            )
        )

    def audit_entries(self, *, device: str | None = None) -> list[AuditEntry]:
        with self._lock:
            session = self._require()
            session.refresh()
            entries = [audit.to_entry(plain) for plain in session.audit_plaintexts()]
        chosen = [e for e in entries if device is None or e.device == device]
        return sorted(chosen, key=lambda entry: (entry.device, entry.seq))

    def verify_audit(self) -> AuditReport:
        """Gaps, broken links, and entries this computer saw that are gone or different."""
        with self._lock:
            session = self._require()
            session.refresh()
            return audit.verify(session.audit_plaintexts(), session.index.all_anchors())

    def derive_key(self, purpose: str) -> bytes:
        """A 32-byte key for another part of Margin (e.g. the fingerprint index HMAC)."""
        with self._lock:
            return crypto.derived_key(self._require().key, bytes.fromhex(self.vault_id), purpose)

    def check(self) -> list[Problem]:
        """Read every object file end to end (slow; for ``margin check``); returns problems."""
        with self._lock:
            session = self._require()
            session.check_all()
        return self.problems()

    def problems(self) -> list[Problem]:
        """What the clinician should know: every quarantined file (until they deal with it),
        files from a newer Margin, sync-engine copies, unknown files. No note content."""
        with self._lock:
            found = [p for p in self._require().problems if p.kind != "quarantined"]
        return [Problem("quarantined", q.path, q.reason) for q in self.quarantined()] + found

    def quarantined(self) -> list[QuarantinedFile]:
        return self.store.quarantined()

    @property
    def index_rebuilt(self) -> str | None:
        """Why the last unlock rebuilt this computer's index of the vault from its files
        (damaged, or made by another version of Margin); None when it did not."""
        with self._lock:
            return self._require().index_rebuilt

    # --- internals -----------------------------------------------------------------------

    def _do(self, action: Callable[[Session], T]) -> T:
        with self._lock:
            return action(self._require())

    def _require(self) -> Session:
        if self._session is None:
            raise VaultLocked()
        return self._session

    def _start(self, ring: crypto.KeyRing, actor: str, action: str, detail: Any,
               progress: Progress | None = None) -> None:
        device_id, is_new = self._device_id_or_new()
        tempfiles.sweep(self.layout, device_id)
        session = Session(self.layout, self.store, ring, self.vault_id, device_id)
        session.arrival_grace = self._arrival_grace
        session.load(progress)
        objects = []
        if is_new or device_id not in session.index.devices:
            record = {
                "device": device_id,
                "name": (detail or {}).get("device_name"),
                "created": now_iso(),
            }
            objects.append(SealedObject(Kind.DEVICE, new_id(), json.dumps(record).encode()))
        session.commit(objects, actor=actor, action=action, note=None, detail=detail)
        self._session = session

    def _device_id(self) -> str:
        try:
            stored = json.loads(self.layout.device_file.read_text("utf-8"))
        except (OSError, ValueError):
            return ""
        return str(stored.get("device_id", "")) if stored.get("vault_id") == self.vault_id else ""

    def _device_id_or_new(self) -> tuple[str, bool]:
        """This machine's device id for this vault, made (durably) on first unlock."""
        device_id = self._device_id()
        if device_id:
            return device_id, False
        device_id = new_id().hex()
        self.home.ensure()
        record = json.dumps({"device_id": device_id, "vault_id": self.vault_id}).encode()
        self.store.write(self.layout.device_file, record)
        return device_id, True

    def _write_key_file(
        self, ring: crypto.KeyRing, passphrase: str, kdf: crypto.KdfParams
    ) -> None:
        key_file_id = new_id()
        data = keyfile.wrap(ring, bytes.fromhex(self.vault_id), key_file_id, passphrase, kdf)
        self.store.write(self.layout.keys_dir / key_file_id.hex(), data)

    def _key_files(self) -> list[tuple[Path, keyfile.KeyFile]]:
        found, too_new = [], False
        for path in self.layout.key_files():
            try:
                parsed = keyfile.parse(path.read_bytes())
            except TooNew:
                too_new = True
                continue
            except (Damaged, OSError):
                continue  # reported by the passphrase error; never deleted
            if parsed.vault_id.hex() == self.vault_id:
                found.append((path, parsed))
        if not found and too_new:
            raise FormatTooNew()
        return found

    def _unwrap_any(self, passphrase: str) -> crypto.KeyRing:
        """The key ring of a current key file the passphrase opens. A replayed copy of an
        old key file (a backup, the sync provider) with the old passphrase is refused."""
        old = False
        for path, parsed in self._key_files():
            ring = keyfile.unwrap(parsed, bytes.fromhex(path.name), passphrase)
            if ring is None:
                continue
            if self._is_current(ring):
                return ring
            old = True
            ring.wipe()
        if old:
            raise WrongPassphrase(
                message="That is an old recovery passphrase: it was changed since.",
                hint="Use your newest recovery passphrase. Nothing was changed.")
        raise WrongPassphrase()

    def _opens(self, path: Path, passphrase: str, ring: crypto.KeyRing) -> bool:
        try:
            parsed = keyfile.parse(path.read_bytes())
        except (Damaged, TooNew, OSError):
            return False
        found = keyfile.unwrap(parsed, bytes.fromhex(path.name), passphrase)
        return found is not None and found.current_id in ring.ids

    def _is_current(self, ring: crypto.KeyRing) -> bool:
        """The ring's current key is the newest key file's (no key file holds more keys)."""
        files = [parsed for _, parsed in self._key_files()]
        newest = max((parsed.ring_size for parsed in files), default=0)
        return any(p.check == ring.current_id and p.ring_size == newest for p in files)

    def _remember(self, ring: crypto.KeyRing) -> None:
        """Keep the key in the OS keychain if a real one exists; say plainly when not."""
        reason = self.keystore.unavailable_reason
        if reason is not None:
            self.keychain_status = f"not stored: {reason}; unlock with your passphrase"
            return
        try:
            blob = ring.to_bytes()
            self.keystore.store(self.vault_id, blob)
            crypto.wipe(blob)
            self.keychain_status = "stored"
        except (KeychainDenied, KeychainUnavailable) as error:
            self.keychain_status = f"not stored: {error.message}"


def _vault_id_of(layout: Layout) -> str:
    """The vault id the key files name (this device's record of it breaks a tie)."""
    named = []
    for path in layout.key_files():
        try:
            named.append(keyfile.parse(path.read_bytes()).vault_id.hex())
        except (Damaged, TooNew, OSError):
            continue
    try:
        remembered = str(json.loads(layout.device_file.read_text("utf-8")).get("vault_id"))
    except (OSError, ValueError, AttributeError):
        remembered = ""
    if remembered in named or not named:
        return remembered
    return named[0]
