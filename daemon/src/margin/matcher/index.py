"""The fingerprint index of the private notes: add, remove, match, save as bytes.

For every note it keeps the keyed fingerprint of every k-gram in order (to verify and extend
a hit word by word) and, in ``postings``, where the winnowed fingerprints occur (to find
hits). Checking a text costs one binary search per word of that text, whatever the number
of notes; all of it is numpy arrays, not Python objects per fingerprint (issue 18: 100,000
notes in a few hundred MB). It holds no text; the caller encrypts ``to_bytes()`` before
storing it, and loading it back is reading arrays, not rebuilding them.
"""

from __future__ import annotations

import hmac
import itertools
import struct
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np

from margin.matcher import glyphs
from margin.matcher.fingerprint import derive_keys, kgram_hashes, kgram_hashes_many
from margin.matcher.glyphs import winnow_positions
from margin.matcher.normalize import Words, tokenize, words_only
from margin.matcher.packing import Piece, Pieces, Reader, Writer
from margin.matcher.postings import Postings
from margin.matcher.runs import Match, Run, may_qualify, of_notes_with_a_long_run, to_matches
from margin.matcher.sorted_runs import PutAside

DEFAULT_K = 5
DEFAULT_WINDOW = 4  # guaranteed run: k + window - 1 = 8 words, the live guard's minimum
GUARD_MIN_WORDS = 8
EXPORT_MIN_WORDS = 12

_POSITION_BITS = 24  # a note of up to 16 million words
_POSITION_MASK = (1 << _POSITION_BITS) - 1
# A fingerprint found in this many places is boilerplate ("session held via telehealth"):
# following it would make a check cost grow with the vault. The runs around it are still
# found through their other fingerprints.
_COMMON_LIMIT = 64


_MAGIC = b"MGFP"
# 2: quoted word positions; 3: letter fingerprints for OCR text; 5: whole arrays, aligned
# (older: rebuilt)
_VERSION = 5
_HEADER = struct.Struct("<4sBBB8sI")
_COUNT = struct.Struct("<Q")


class IndexFormatError(ValueError):
    """The bytes are not an index this version can read, or were made with another key."""


def quoted_positions(text: str) -> frozenset[int]:
    """Positions of the note's words that stand inside a quotation in the note itself."""
    if not ('"' in text or "'" in text or any(mark in text for mark in "“”„«»‘’‹›")):
        return frozenset()
    return frozenset(i for i, quoted in enumerate(tokenize(text).quoted) if quoted)


class FingerprintIndex:
    """Keyed winnowed fingerprints of private notes; finds their runs in other texts."""

    def __init__(self, key: bytes, *, k: int = DEFAULT_K, window: int = DEFAULT_WINDOW):
        if not (2 <= k <= 32 and 1 <= window <= 64):
            raise ValueError("k must be 2..32 and window 1..64")
        self._keys = derive_keys(key)
        self.k = k
        self.window = window
        self._lock = threading.RLock()
        self._slot_of: dict[str, int] = {}  # a slot is never reused while in memory
        self._note_ids: list[str | None] = []
        # Every k-gram fingerprint of every note, in order (to verify and extend a hit):
        # the notes loaded from bytes in one array, the ones added since each in its own.
        self._loaded_sequences = np.empty(0, dtype=np.uint64)
        self._added_sequences: dict[int, np.ndarray] = {}
        # per slot: word positions inside a quotation in the note itself (the client's words)
        self._quoted: dict[int, frozenset[int]] = {}
        self._postings = Postings()  # the winnowed fingerprints (iterating gives them)
        self._scratch: Path | None = None
        self._aside: PutAside | None = None  # a bulk build's sequences (``bulk``)
        self._bulk = False
        self._word_cache: dict[str, int] = {}  # keyed word values, in memory only
        self._glyphs = glyphs.GlyphIndex(self._keys)  # letter fingerprints, for OCR text

    def use_scratch(self, folder: Path) -> None:
        """Put a bulk build's sorted runs aside in ``folder``, encrypted (``sorted_runs``),
        not in memory: the first index of 100,000 notes stays within the daemon's aim."""
        self._scratch = self._postings.scratch = folder
        self._glyphs.use_scratch(folder)

    def bulk(self, on: bool) -> None:
        """While on, the sequences of the notes added are put aside with the scratch
        folder's runs (``use_scratch``), not held: a first build only writes them, and is
        then read back from its file (``NoteFingerprints``). Off: added notes are held again
        (those put aside stay readable there)."""
        with self._lock:
            if on and self._scratch is not None and self._aside is None:
                self._aside = PutAside(self._scratch)
            self._bulk = on

    @property
    def guaranteed_words(self) -> int:
        """Any shared run at least this long is always found."""
        return self.k + self.window - 1

    def __len__(self) -> int:
        return len(self._slot_of)

    def __contains__(self, note_id: object) -> bool:
        return note_id in self._slot_of

    def note_ids(self) -> Iterator[str]:
        return iter(list(self._slot_of))

    # --- updates ---------------------------------------------------------------------

    def add_many(self, notes: list[tuple[str, str]]) -> None:
        """``add`` each (note id, text), their fingerprints computed together (a first
        build: numpy's cost per call, not per value, was most of its time)."""
        if not notes:
            return
        sequences = kgram_hashes_many([words_only(text) for _, text in notes], self._keys,
                                      self.k, self._word_cache)
        letters = glyphs.glyph_hashes_many([text for _, text in notes], self._keys)
        for (note_id, text), sequence, letter_hashes in zip(notes, sequences, letters,
                                                            strict=True):
            self.add(note_id, text, (sequence, letter_hashes))

    def add(self, note_id: str, text: str,
            hashes: tuple[np.ndarray, np.ndarray] | None = None) -> None:
        """Index ``text`` under ``note_id``, replacing what that id had (``hashes``: its
        word and letter fingerprints, when ``add_many`` computed them)."""
        if hashes is None:
            sequence = kgram_hashes(words_only(text), self._keys, self.k, self._word_cache)
            letter_hashes = None
        else:
            sequence, letter_hashes = hashes
        if len(sequence) > _POSITION_MASK:
            raise ValueError("a note this long cannot be indexed")
        with self._lock:
            self.remove(note_id)
            selected = winnow_positions(sequence, self.window)
            slot = self._postings.add(len(sequence), sequence[selected], selected)
            if self._bulk and self._aside is not None:
                self._aside.add(slot, sequence)
            else:
                self._added_sequences[slot] = sequence
            self._name(slot, note_id, quoted_positions(text))
            self._glyphs.add(note_id, text, letter_hashes)

    def _name(self, slot: int, note_id: str, quoted: frozenset[int]) -> None:
        assert slot == len(self._note_ids)
        self._note_ids.append(note_id)
        self._slot_of[note_id] = slot
        if quoted:
            self._quoted[slot] = quoted

    def remove(self, note_id: str) -> None:
        """Forget a note; unknown ids are ignored (a delete may be replayed)."""
        with self._lock:
            self._glyphs.remove(note_id)
            slot = self._slot_of.pop(note_id, None)
            if slot is None:
                return
            self._postings.remove(slot)
            self._note_ids[slot] = None
            self._added_sequences.pop(slot, None)
            if self._aside is not None:
                self._aside.discard(slot)
            self._quoted.pop(slot, None)

    def _sequence(self, slot: int) -> np.ndarray:
        added = self._added_sequences.get(slot)
        if added is None and self._aside is not None:
            added = self._aside.get(slot)
        if added is not None:
            return added
        start = self._postings.start_of(slot)
        return self._loaded_sequences[start : start + self._postings.length_of(slot)]

    # --- matching --------------------------------------------------------------------

    def match(self, text: str, min_words: int = GUARD_MIN_WORDS) -> list[Match]:
        """Spans of ``text`` that repeat a run of at least ``min_words`` words of a note."""
        self._check_min_words(min_words)
        hashes = kgram_hashes(words_only(text), self._keys, self.k, self._word_cache)
        with self._lock:
            runs = of_notes_with_a_long_run(self._find_runs(hashes), self.guaranteed_words)
            note_ids, quoted = self._named(runs)
        if not may_qualify(runs, min_words, self.guaranteed_words):
            return []
        # Offsets and quotations are worked out only for the few texts that share words.
        return to_matches(runs, tokenize(text), note_ids, quoted, min_words=min_words,
                          guaranteed=self.guaranteed_words)

    def match_words(self, words: Words, min_words: int = GUARD_MIN_WORDS) -> list[Match]:
        """As ``match``, for words already split by ``tokenize``."""
        self._check_min_words(min_words)
        hashes = kgram_hashes(words.words, self._keys, self.k, self._word_cache)
        with self._lock:
            runs = of_notes_with_a_long_run(self._find_runs(hashes), self.guaranteed_words)
            note_ids, quoted = self._named(runs)
        return to_matches(runs, words, note_ids, quoted, min_words=min_words,
                          guaranteed=self.guaranteed_words)

    def _named(self, runs: list[Run]) -> tuple[dict[int, str | None], dict[int, frozenset[int]]]:
        """The note ids and quotations of the runs' notes only (copying them all would make
        a check cost grow with the vault)."""
        slots = {run.slot for run in runs}
        return ({slot: self._note_ids[slot] for slot in slots},
                {slot: self._quoted[slot] for slot in slots if slot in self._quoted})

    def match_ocr(self, text: str, min_words: int = GUARD_MIN_WORDS) -> list[Match]:
        """Spans of ``text`` read by OCR that repeat a passage of a note through OCR's
        confusions, broken and joined words and lost punctuation (see ``glyphs``)."""
        self._check_min_words(min_words)
        with self._lock:
            found = self._glyphs.match(text, min_words)
        return [Match(m.start, m.end, m.note_id, m.words, m.words) for m in found]

    def _check_min_words(self, min_words: int) -> None:
        if min_words < self.guaranteed_words:
            raise ValueError(f"min_words must be at least {self.guaranteed_words} for this index")

    def _find_runs(self, hash_array: np.ndarray) -> list[Run]:
        """Runs of the text's k-grams along a note's, grown both ways from each posting of
        the text's own fingerprints (boilerplate found in many places is not followed:
        the runs around it are still found through their other fingerprints)."""
        runs: list[Run] = []
        covered_until: dict[tuple[int, int], int] = {}  # (slot, diagonal) -> next free q
        probes, slots, positions = self._postings.lookup(hash_array, _COMMON_LIMIT)
        if not probes:
            return runs
        probes, slots, positions = self._with_a_second_kgram(hash_array, probes, slots,
                                                             positions)
        hashes: list[int] = hash_array.tolist()
        last_kgram = len(hashes)
        sequences: dict[int, list[int]] = {}
        for q, slot, p in zip(probes, slots, positions, strict=True):
            diagonal = p - q
            if covered_until.get((slot, diagonal), -1) > q:
                continue
            sequence = sequences.get(slot)
            if sequence is None:
                sequence = sequences[slot] = self._sequence(slot).tolist()
            first_q, first_p = q, p
            while first_q > 0 and first_p > 0 and hashes[first_q - 1] == sequence[first_p - 1]:
                first_q -= 1
                first_p -= 1
            end_q, end_p = q + 1, p + 1
            while end_q < last_kgram and end_p < len(sequence) and (
                hashes[end_q] == sequence[end_p]
            ):
                end_q += 1
                end_p += 1
            covered_until[(slot, diagonal)] = end_q
            runs.append(Run(slot, first_q, end_q - 1 + self.k - 1, first_p))
        return runs

    def _with_a_second_kgram(self, hashes: np.ndarray, probes: list[int], slots: list[int],
                             positions: list[int]) -> tuple[list[int], list[int], list[int]]:
        """The hits of the notes where some hit's next or previous k-gram is shared too.
        In the others every shared k-gram stands alone: runs of k words, shorter than the
        guaranteed length ``of_notes_with_a_long_run`` keeps, so leaving them out changes no
        answer. They are a text's chance five-word phrases, found in more notes the larger
        the vault: following each (its note's sequence read, the run grown word by word)
        made a check against 100,000 notes cost more than one against 1,000. Checked at
        once here for the notes read from bytes; notes added since are always followed."""
        if self.guaranteed_words <= self.k:  # a lone k-gram would be long enough
            return probes, slots, positions
        q = np.asarray(probes, dtype=np.int64)
        s = np.asarray(slots, dtype=np.int64)
        p = np.asarray(positions, dtype=np.int64)
        starts, lengths = self._postings.spans(s)
        loaded = self._loaded_sequences
        # notes added since the load are numbered after every loaded place
        in_loaded = (starts + lengths) <= len(loaded)
        at = np.where(in_loaded, starts + p, 0)
        before = in_loaded & (p > 0) & (q > 0)
        before[before] = loaded[at[before] - 1] == hashes[q[before] - 1]
        after = in_loaded & (p + 1 < lengths) & (q + 1 < len(hashes))
        after[after] = loaded[at[after] + 1] == hashes[q[after] + 1]
        kept = np.isin(s, s[before | after | ~in_loaded])
        if kept.all():
            return probes, slots, positions
        return q[kept].tolist(), s[kept].tolist(), p[kept].tolist()

    # --- bytes -----------------------------------------------------------------------

    def to_bytes(self) -> bytes:
        """The index as bytes: fingerprints and note ids only, no text. Encrypt before storing."""
        with self._lock:
            self._glyphs.load_now()
            words, letters = self.to_parts()
            return b"".join(itertools.chain(words, letters or []))

    def to_parts(self) -> tuple[Pieces, list[Piece] | Pieces | None]:
        """The bytes of the word fingerprints and of the letter ones, in pieces: ``to_bytes``
        is their concatenation; ``from_bytes(words, key, letters=...)`` takes them apart.
        Some are made as they are read: read them holding ``writing()``, before a change.
        While the letters wait unloaded, the words' part notes what changed since and the
        letters' part is None (their bytes, where they wait, are still right)."""
        with self._lock:
            slots = list(self._slot_of.values())  # increasing: slots are never reused
            if self._postings.in_runs:  # a bulk build's: made as written (``sorted_runs``)
                lengths, count, keys_then_places = self._postings.export_streamed(slots)
            else:
                lengths, keys, places = self._postings.export(slots)
                count, keys_then_places = len(keys), None
            quoted = [sorted(self._quoted.get(slot, ())) for slot in slots]
            write = Writer()
            write.raw(_HEADER.pack(_MAGIC, _VERSION, self.k, self.window, self._keys.check,
                                   len(slots)))
            write.ids(list(self._slot_of))
            write.arrays((lengths, "u4"), (np.array([len(q) for q in quoted]), "u4"),
                         (np.array([p for q in quoted for p in q]), "u4"))
            write.made_later(self._sequence_bytes(slots), 8 * int(lengths.sum(dtype=np.int64)),
                             8)
            write.raw(_COUNT.pack(count))
            if keys_then_places is None:
                write.arrays((keys, "u8"), (places, "u4"))
            else:
                write.made_later(keys_then_places, 12 * count, 8)
            glyphs.pack_changes(self._glyphs, write)
            words = write.finish()
            assert isinstance(words, Pieces)
            if self._glyphs.waiting:
                return words, None
            return words, glyphs.pack(self._glyphs)

    def _sequence_bytes(self, slots: list[int]) -> Iterator[bytes]:
        """The notes' k-gram sequences, a few thousand notes at a time, made as they are
        written (one piece per note was a Python object per note: 40 MB at 100,000)."""
        changes = self._postings.changes
        for first in range(0, len(slots), 4096):
            if self._postings.changes != changes:
                raise RuntimeError("the index changed since its bytes were asked for")
            yield b"".join(self._sequence(slot).astype("<u8", copy=False).tobytes()
                           for slot in slots[first : first + 4096])

    def writing(self) -> threading.RLock:
        """Hold while the pieces of ``to_parts`` are written: some are made as they are
        read, from what a match meanwhile would merge."""
        return self._lock

    def defer_letters(self, loader: Callable[[], bytes | memoryview]) -> None:
        """Let go of the letter fingerprints, just saved where ``loader`` reads them (the
        letters' part of ``to_parts``); read again when an OCR check needs them."""
        with self._lock:
            self._glyphs.defer(loader)

    @property
    def letters_waiting(self) -> bool:
        """Whether the letter fingerprints wait unloaded where ``from_bytes`` was told."""
        return self._glyphs.waiting

    @classmethod
    def from_bytes(cls, data: bytes | memoryview, key: bytes,
                   letters: Callable[[], bytes | memoryview] | None = None
                   ) -> FingerprintIndex:
        """Load ``to_bytes()`` output; ``IndexFormatError`` if damaged or made with another
        key. The index keeps views of ``data`` (it is not copied). With ``letters``, ``data``
        is the word part of ``to_parts`` and ``letters()`` gives the letter part when an
        OCR check first needs it (most never do: it is most of the index's size)."""
        try:
            magic, version, k, window, check, count = _HEADER.unpack_from(data, 0)
        except struct.error as exc:
            raise IndexFormatError("the index is truncated") from exc
        if magic != _MAGIC or version != _VERSION:
            raise IndexFormatError("not a fingerprint index of a version this Margin reads")
        index = cls(key, k=k, window=window)
        if not hmac.compare_digest(check, index._keys.check):
            raise IndexFormatError("the index was made with another key")
        read = Reader(data, _HEADER.size)
        try:
            index._load(read, count)
            if letters is not None:
                index._glyphs.defer(letters)
            glyphs.unpack_changes(index._glyphs, read)
            read.end_part()
            if letters is None:
                index._glyphs.load_now(read)
                read.end_part()
        except (struct.error, ValueError) as exc:  # ValueError covers bad UTF-8 and arrays
            raise IndexFormatError("the index is truncated or damaged") from exc
        if read.offset != len(data):
            raise IndexFormatError("the index has trailing bytes")
        return index

    def _load(self, read: Reader, count: int) -> None:
        note_ids = read.ids(count)
        lengths = read.array("u4", count)
        quoted_counts = read.array("u4", count)
        quoted = read.array("u4", int(quoted_counts.sum(dtype=np.int64))).tolist()
        sequences = read.array("u8", int(lengths.sum(dtype=np.int64)))
        (postings,) = read.unpack(_COUNT)
        keys, places = read.array("u8", postings), read.array("u4", postings)
        self._postings = Postings.load(lengths, keys, places)
        self._postings.scratch = self._scratch
        if len(set(note_ids)) != count:
            raise ValueError("a note twice in the index")
        self._loaded_sequences = sequences
        self._note_ids = list(note_ids)
        self._slot_of = dict(zip(note_ids, range(count), strict=True))
        ends = np.cumsum(quoted_counts, dtype=np.int64)
        for slot in np.flatnonzero(quoted_counts).tolist():
            self._quoted[slot] = frozenset(quoted[ends[slot] - quoted_counts[slot] : ends[slot]])
