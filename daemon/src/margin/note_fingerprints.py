"""The fingerprint index of the private notes: keyed fingerprints of every note, kept
current by listening to the vault (``Vault.note_listeners``), so no caller has to remember
it. The leak guard and the export checker match against it.

It lives in memory while the vault is unlocked and, encrypted with a key derived from the
vault key, in the machine-local folder between unlocks (``fingerprints-VAULTID.bin``, the
word fingerprints, and ``letters-VAULTID.bin``, the letter ones for OCR text, read only when
an OCR check first needs them: they are most of the size). It
records which version of each note it indexed, so an unlock only re-reads the notes that
changed meanwhile (an import from the command line, a version that arrived by sync); a
missing or unreadable file is simply rebuilt. It never holds note text.
"""

from __future__ import annotations

import itertools
import json
import struct
import threading
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag

from margin.durable import write_atomically
from margin.errors import GuardBuilding, GuardStopped, MarginError
from margin.matcher import (
    EXPORT_MIN_WORDS,
    GUARD_MIN_WORDS,
    FingerprintIndex,
    IndexFormatError,
    glyphs,
)
from margin.sealed_file import read_label, read_sealed, sealed_pieces
from margin.vault import Vault
from margin.vault import crypto as vault_crypto

FILE_MAGIC = b"MGFX"
FILE_VERSION = 2  # 2: words and letters in two files (issue 18); older: rebuilt
_HEADER = struct.Struct(">4sBI")  # magic, version, length of the JSON part
MAX_CHECK_CHARS = 200_000  # a very long progress note is ~30,000 characters
# A note longer than any entrance accepts (note-create-request: 500,000) can only come from
# an older Margin or a damaged copy; it is left out of the index, and the vault still opens.
MAX_INDEXED_CHARS = 500_000


_UNREADABLE = (OSError, ValueError, KeyError, IndexFormatError, struct.error, InvalidTag)
# A catch-up of this many notes (a first build) is a bulk build: see ``_read_back``.
BULK_NOTES = 1_000
_BATCH = 64  # notes whose fingerprints are computed together


@dataclass(frozen=True)
class GuardMatch:
    start: int  # UTF-16 code units into the checked text, as JavaScript counts
    end: int
    note_id: str
    note_date: str | None
    words: int

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "note_id": self.note_id,
                "note_date": self.note_date, "words": self.words}


class NoteFingerprints:
    """The fingerprint index of one unlocked vault, plus which version of each note it holds."""

    def __init__(self, vault: Vault):
        self.vault = vault
        self._key = vault.derive_key("fingerprints")
        self._file_key = vault.derive_key("fingerprints-file")
        self._path = vault.home.local_dir / f"fingerprints-{vault.vault_id}.bin"
        self._letters_path = vault.home.local_dir / f"letters-{vault.vault_id}.bin"
        self._generation = bytes(16)  # which letters file goes with the words file
        self._lock = threading.RLock()
        self.index = FingerprintIndex(self._key)
        self.versions: dict[str, str] = {}  # note id -> version indexed
        self.not_indexed: set[str] = set()  # notes too long to index: reported, not fatal
        # Notes whose text could not be read at the last catch-up (a file not yet arrived
        # by sync, moved by antivirus, damaged): compared against once they can be read,
        # which the next catch-up tries (a sync arrival starts one).
        self.unread: set[str] = set()
        self.dates: dict[str, str | None] = {}  # note id -> appointment (or created) date
        # Until the first catch-up is done the index may lack notes: a check then could miss
        # a leak, so it is refused (``GuardBuilding``), never answered as clean.
        self.ready = threading.Event()
        self.progress = (0, 0)  # (notes indexed, notes to index) of the catch-up under way
        # Why the catch-up stopped before it was done (its thread ended on an error), in
        # plain words: checks stay refused, but saying "still indexing" would be untrue.
        self.stopped: str | None = None
        self._loaded = False
        self._changed_while_building = False
        self._readiness = threading.Lock()  # between a listener's call and ``build`` ending

    # --- keeping it current -------------------------------------------------------------------

    def catch_up(self) -> int:
        """Load the saved index and re-index what changed since. Returns notes re-read."""
        with self._lock:
            if not self._loaded:
                self._load()
                self._loaded = True
                with suppress(OSError):  # runs in memory will do
                    self.vault.home.ensure()
                    self.index.use_scratch(self.vault.home.local_dir)
            current = self.vault.current_versions()  # note id -> (version, deleted)
            for note_id in list(self.versions):
                if note_id not in current or current[note_id][1]:
                    self._forget(note_id)
            stale = {n for n, (version, deleted) in current.items()
                     if not deleted and self.versions.get(n) != version}
            self.unread &= stale  # the others were read since, or deleted
            if stale:
                self.progress = (0, len(stale))
                bulk = len(stale) >= BULK_NOTES
                self.index.bulk(bulk)
                unread: list[str] = []
                try:
                    batch: list[tuple[str, str, str, str | None]] = []
                    for done, (note_id, text) in enumerate(self.vault.iter_texts(
                            actor="guard", purpose="index", only=sorted(stale),
                            unread=unread), 1):
                        # The version as listed before the text was read: if the note
                        # changed meanwhile, the next catch-up reads it again.
                        version = current[note_id][0]
                        batch.append((note_id, version, text,
                                      _date_of(self.vault.version_meta(version))))
                        if len(batch) == _BATCH or done == len(stale):
                            self._remember_many(batch)
                            batch = []
                        self.progress = (done - len(batch), len(stale))
                    self._remember_many(batch)  # a note gone meanwhile: fewer than listed
                finally:
                    self.index.bulk(False)
                self.unread = set(unread)
                del current  # tens of MB at 100,000 notes: not held through the save
                if self._save_if_possible() and bulk:
                    self._read_back()
            return len(stale)

    def build(self) -> None:
        """Follow the vault and catch up with it; ready once a catch-up ended with nothing
        saved meanwhile. Run in the background by the daemon (a first index of 100,000
        notes takes minutes): a save meanwhile is only noted (it must not wait for the
        build), and read by the next, short, catch-up."""
        self.follow()
        while True:
            self.catch_up()
            with self._readiness:
                if not self._changed_while_building:
                    self.ready.set()
                    return
                self._changed_while_building = False

    def state(self) -> dict[str, Any]:
        """For the vault's state: building (with how far), ready, or stopped (with why)."""
        done, total = self.progress
        unread = {"unread": len(self.unread)} if self.unread else {}
        if self.ready.is_set():
            return {"state": "ready", **unread}
        if self.stopped is not None:
            return {"state": "stopped", "reason": self.stopped}
        return {"state": "building", "done": done, "total": total, **unread}

    def follow(self) -> None:
        """Keep up with the vault from now on: every save, delete and sync arrival."""
        self.vault.note_listeners.append(self.note_changed)

    def unfollow(self) -> None:
        if self.note_changed in self.vault.note_listeners:
            self.vault.note_listeners.remove(self.note_changed)

    def note_changed(self, note_id: str | None, note: Any) -> None:
        """A vault listener: ``note`` is the saved Note, None when ``note_id`` was deleted;
        no note id means files arrived by sync and anything may have changed."""
        with self._readiness:
            if not self.ready.is_set():  # ``build`` reads it in its next catch-up
                self._changed_while_building = True
                return
        with self._lock:
            if note_id is None:
                self.catch_up()
            elif note is None:
                self._forget(note_id)
            else:
                date = note.context.get("appointment_date") or note.created[:10]
                self._remember(note.id, note.version, note.text, date)

    def _remember_many(self, notes: list[tuple[str, str, str, str | None]]) -> None:
        """``_remember`` each (note id, version, text, date), their fingerprints computed
        together (``FingerprintIndex.add_many``)."""
        fits = [n for n in notes if len(n[2]) <= MAX_INDEXED_CHARS]
        try:
            self.index.add_many([(note_id, text) for note_id, _, text, _ in fits])
        except ValueError:  # one cannot be indexed: each on its own says which
            fits = []
        done = {n[0] for n in fits}
        for note_id, version, text, date in notes:
            if note_id in done:
                self.not_indexed.discard(note_id)
                self.versions[note_id] = version
                self.dates[note_id] = date
            else:
                self._remember(note_id, version, text, date)

    def _remember(self, note_id: str, version: str, text: str, date: str | None) -> None:
        try:
            if len(text) > MAX_INDEXED_CHARS:
                raise ValueError("longer than Margin indexes")
            self.index.add(note_id, text)
            self.not_indexed.discard(note_id)
        except ValueError:
            if note_id in self.index:
                self.index.remove(note_id)
            self.not_indexed.add(note_id)
        self.versions[note_id] = version  # done with this version either way: not re-read
        self.dates[note_id] = date
        self.unread.discard(note_id)

    def _forget(self, note_id: str) -> None:
        if note_id in self.index:
            self.index.remove(note_id)
        self.versions.pop(note_id, None)
        self.dates.pop(note_id, None)
        self.not_indexed.discard(note_id)
        self.unread.discard(note_id)

    # --- checking ----------------------------------------------------------------------------

    def check(self, text: str, min_words: int = GUARD_MIN_WORDS) -> list[GuardMatch]:
        self.require_ready()
        with self._lock:
            found = self.index.match(text, min_words=min_words)
            # the matched notes' dates only: copying every note's made a check against
            # 100,000 notes cost milliseconds more than one against 1,000
            dates = {m.note_id: self.dates.get(m.note_id) for m in found}
        return [
            GuardMatch(start=start16, end=end16, note_id=m.note_id,
                       note_date=dates.get(m.note_id), words=m.words)
            for m, (start16, end16) in zip(
                found, utf16_spans(text, [(m.start, m.end) for m in found]), strict=True)
        ]

    def require_ready(self) -> None:
        """Refuse while building: an index that lacks notes would answer "no leak"."""
        if not self.ready.is_set():
            if self.stopped is not None:
                raise GuardStopped(
                    message=("Margin could not finish indexing your private notes "
                             f"({self.stopped}), so it cannot check for leaks."))
            done, total = self.progress
            raise GuardBuilding(
                message=GuardBuilding.message + (f" ({done:,} of {total:,} notes indexed)"
                                                 if total else ""))

    # --- the encrypted files -----------------------------------------------------------------

    def _save_if_possible(self) -> bool:
        """Derived data: when it cannot be written (a full disk), the index in memory still
        serves and the next unlock rebuilds what is missing."""
        with suppress(OSError, MarginError):
            self.save()
            return True
        return False

    def save(self) -> None:
        """Both files, the letters' first (only when loaded: while they wait, the words'
        file carries what changed since), each naming the generation they belong to."""
        # The index's own lock too: its pieces are made as they are written (a bulk
        # build's), and an export check meanwhile would merge what they are made from.
        with self._lock, self.index.writing():
            meta = json.dumps({"versions": self.versions, "dates": self.dates,
                               "not_indexed": sorted(self.not_indexed)}).encode()
            meta += b" " * (-(_HEADER.size + len(meta)) % 8)  # the index's arrays stay aligned
            words, letters = self.index.to_parts()
            self.vault.home.ensure()
            if letters is not None:
                self._generation = vault_crypto.random_bytes(16)
                write_atomically(self._letters_path, sealed_pieces(
                    self._file_key, self._label(b"L"), letters, self._aad()))
            write_atomically(self._path, sealed_pieces(
                self._file_key, self._label(b"W"),
                itertools.chain([_HEADER.pack(FILE_MAGIC, FILE_VERSION, len(meta)), meta], words),
                self._aad()))
            if letters is not None:  # saved: memory need not hold them until an OCR check
                self.index.defer_letters(self._read_letters)

    def _label(self, kind: bytes) -> bytes:
        return FILE_MAGIC + bytes([FILE_VERSION]) + kind + self._generation

    def _load(self) -> None:
        try:
            self._read_files()
        except _UNREADABLE:
            # Missing, damaged or from another vault: it is derived data, so rebuild it.
            self.index, self.versions, self.dates = FingerprintIndex(self._key), {}, {}
            self.not_indexed = set()

    def _read_back(self) -> None:
        """After a bulk build's save, the index as the next unlock reads it: the build put
        its notes' sequences and postings aside (``FingerprintIndex.bulk``), and the file's
        arrays serve checks best. Unreadable (it was just written): the built one serves."""
        built = self.index
        with suppress(*_UNREADABLE):
            self.index = FingerprintIndex(self._key)  # let go of the built one first
            self._read_files(index_only=True)  # the versions and dates are those saved
            self.index.use_scratch(self.vault.home.local_dir)
            return
        self.index = built

    def _read_files(self, *, index_only: bool = False) -> None:
        label, plain = read_sealed(self._path, self._file_key, self._aad())
        self._generation = label[-16:]
        if label != self._label(b"W") or read_label(self._letters_path) != self._label(b"L"):
            raise IndexFormatError("not a pair of fingerprint files this version reads")
        magic, version, meta_length = _HEADER.unpack_from(plain)
        if magic != FILE_MAGIC or version != FILE_VERSION:
            raise IndexFormatError("not a fingerprint file this version reads")
        index = FingerprintIndex.from_bytes(plain[_HEADER.size + meta_length :], self._key,
                                            letters=self._read_letters)
        if index_only:
            self.index = index
            return
        meta = json.loads(bytes(plain[_HEADER.size : _HEADER.size + meta_length]))
        self.index, self.versions, self.dates = index, meta["versions"], meta["dates"]
        self.not_indexed = set(meta.get("not_indexed", []))

    def _read_letters(self) -> bytes | memoryview:
        """The letter fingerprints, read when an OCR check first needs them; rebuilt from
        the notes if their file went missing or was damaged meanwhile."""
        with suppress(OSError, ValueError, InvalidTag):
            label, plain = read_sealed(self._letters_path, self._file_key, self._aad())
            if label == self._label(b"L"):
                return plain
        rebuilt = FingerprintIndex(self._key)
        for note_id, text in self.vault.iter_texts(actor="guard", purpose="index",
                                                   only=sorted(self.index.note_ids())):
            rebuilt._glyphs.add(note_id, text)
        return b"".join(glyphs.pack(rebuilt._glyphs))

    def _aad(self) -> bytes:
        return b"margin/v1/fingerprints/" + self.vault.vault_id.encode()


def _date_of(summary: Any) -> str | None:
    date = summary.context.get("appointment_date") or summary.created[:10]
    return str(date) if date else None


def utf16_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Code-point offsets turned into UTF-16 code units (characters beyond U+FFFF count 2)."""
    if text.isascii():
        return spans
    wide_before = [0] * (len(text) + 1)
    for i, char in enumerate(text):
        wide_before[i + 1] = wide_before[i] + (ord(char) > 0xFFFF)
    return [(s + wide_before[s], e + wide_before[e]) for s, e in spans]


__all__ = ["EXPORT_MIN_WORDS", "GUARD_MIN_WORDS", "MAX_CHECK_CHARS", "GuardMatch",
           "NoteFingerprints", "utf16_spans"]
