"""The fingerprint index of the private notes: add, remove, match, save as bytes.

For every note it keeps the keyed fingerprint of every k-gram in order (to verify and extend
a hit word by word) and a hash table from the winnowed fingerprints to where they occur (to
find hits). Checking a text costs one table lookup per word of that text, whatever the
number of notes. It holds no text; the caller encrypts ``to_bytes()`` before storing it.
"""

from __future__ import annotations

import hmac
import struct
import sys
import threading
from array import array
from collections.abc import Iterator

import numpy as np

from margin.matcher.fingerprint import derive_keys, kgram_hashes, winnow
from margin.matcher.normalize import Words, tokenize, words_only
from margin.matcher.runs import Match, Run, may_qualify, to_matches

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

_FILTER_SIZE = 1 << 22  # bits of the pre-filter: about 1% false hits at 40,000 keys
_FILTER_MASK = np.uint64(_FILTER_SIZE - 1)

_MAGIC = b"MGFP"
_VERSION = 2  # 2: each note's quoted word positions (an older index is simply rebuilt)
_HEADER = struct.Struct("<4sBBB8sI")
_NOTE_HEADER = struct.Struct("<HIII")  # id length, k-grams, selected, quoted positions


class IndexFormatError(ValueError):
    """The bytes are not an index this version can read, or were made with another key."""


def _little_endian(values: array[int]) -> bytes:
    if sys.byteorder == "big":
        values = array(values.typecode, values)
        values.byteswap()
    return values.tobytes()


def _from_little_endian(typecode: str, data: bytes) -> array[int]:
    values = array(typecode)
    values.frombytes(data)
    if sys.byteorder == "big":
        values.byteswap()
    return values


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
        self._slot_of: dict[str, int] = {}
        self._note_ids: list[str | None] = []
        self._sequences: list[array[int]] = []  # per slot: every k-gram fingerprint, in order
        self._selected: list[array[int]] = []  # per slot: positions kept by winnowing
        # per slot: word positions inside a quotation in the note itself (the client's words)
        self._quoted: list[frozenset[int]] = []
        self._free_slots: list[int] = []
        self._postings: dict[int, int | list[int]] = {}
        self._sorted_keys: np.ndarray | None = None  # the postings' keys, for vector search
        self._key_bits: np.ndarray | None = None  # which low bits the keys have
        self._word_cache: dict[str, int] = {}  # keyed word values, in memory only

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

    def add(self, note_id: str, text: str) -> None:
        """Index ``text`` under ``note_id``, replacing what that id had."""
        hashes = kgram_hashes(words_only(text), self._keys, self.k, self._word_cache)
        sequence = array("Q", hashes.astype("<u8").tobytes())
        if sys.byteorder == "big":
            sequence.byteswap()
        if len(sequence) > _POSITION_MASK:
            raise ValueError("a note this long cannot be indexed")
        self._insert(note_id, sequence, array("I", winnow(sequence, self.window)),
                     quoted_positions(text))

    def remove(self, note_id: str) -> None:
        """Forget a note; unknown ids are ignored (a delete may be replayed)."""
        with self._lock:
            slot = self._slot_of.pop(note_id, None)
            if slot is None:
                return
            sequence = self._sequences[slot]
            for position in self._selected[slot]:
                self._unpost(sequence[position], (slot << _POSITION_BITS) | position)
            self._note_ids[slot] = None
            self._sorted_keys = None
            self._sequences[slot] = array("Q")
            self._selected[slot] = array("I")
            self._quoted[slot] = frozenset()
            self._free_slots.append(slot)

    def _insert(self, note_id: str, sequence: array[int], selected: array[int],
                quoted: frozenset[int]) -> None:
        with self._lock:
            self.remove(note_id)
            if self._free_slots:
                slot = self._free_slots.pop()
                self._note_ids[slot] = note_id
                self._sequences[slot] = sequence
                self._selected[slot] = selected
                self._quoted[slot] = quoted
            else:
                slot = len(self._note_ids)
                self._note_ids.append(note_id)
                self._sequences.append(sequence)
                self._selected.append(selected)
                self._quoted.append(quoted)
            self._slot_of[note_id] = slot
            self._sorted_keys = None
            postings = self._postings
            for position in selected:
                entry = (slot << _POSITION_BITS) | position
                fingerprint = sequence[position]
                found = postings.get(fingerprint)
                if found is None:
                    postings[fingerprint] = entry
                elif isinstance(found, int):
                    postings[fingerprint] = [found, entry]
                else:
                    found.append(entry)

    def _unpost(self, fingerprint: int, entry: int) -> None:
        found = self._postings.get(fingerprint)
        if found is None:
            return
        if isinstance(found, int):
            if found == entry:
                del self._postings[fingerprint]
            return
        if entry in found:
            found.remove(entry)
        if len(found) == 1:
            self._postings[fingerprint] = found[0]

    # --- matching --------------------------------------------------------------------

    def match(self, text: str, min_words: int = GUARD_MIN_WORDS) -> list[Match]:
        """Spans of ``text`` that repeat a run of at least ``min_words`` words of a note."""
        self._check_min_words(min_words)
        hashes = kgram_hashes(words_only(text), self._keys, self.k, self._word_cache)
        with self._lock:
            runs = self._find_runs(hashes)
            note_ids, quoted = list(self._note_ids), list(self._quoted)
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
            runs = self._find_runs(hashes)
            note_ids, quoted = list(self._note_ids), list(self._quoted)
        return to_matches(runs, words, note_ids, quoted, min_words=min_words,
                          guaranteed=self.guaranteed_words)

    def _check_min_words(self, min_words: int) -> None:
        if min_words < self.guaranteed_words:
            raise ValueError(f"min_words must be at least {self.guaranteed_words} for this index")

    def _candidates(self, hashes: np.ndarray) -> list[int]:
        """Positions whose fingerprint is in the index.

        A bitmap of the keys' low bits first sets aside almost every position with one
        table lookup each; only the few left are searched in the sorted keys.
        """
        if self._sorted_keys is None or self._key_bits is None:
            self._sorted_keys = np.sort(np.fromiter(self._postings, dtype=np.uint64))
            self._key_bits = np.zeros(_FILTER_SIZE, dtype=np.bool_)
            self._key_bits[(self._sorted_keys & _FILTER_MASK).astype(np.intp)] = True
        keys = self._sorted_keys
        if not len(keys) or not len(hashes):
            return []
        maybe = np.flatnonzero(self._key_bits[(hashes & _FILTER_MASK).astype(np.intp)])
        if not len(maybe):
            return []
        probes = hashes[maybe]
        slots = np.minimum(np.searchsorted(keys, probes), len(keys) - 1)
        found: list[int] = maybe[keys[slots] == probes].tolist()
        return found

    def _find_runs(self, hash_array: np.ndarray) -> list[Run]:
        runs: list[Run] = []
        covered_until: dict[tuple[int, int], int] = {}  # (slot, diagonal) -> next free q
        postings = self._postings
        sequences = self._sequences
        hashes: list[int] = hash_array.tolist()
        last_kgram = len(hashes)
        for q in self._candidates(hash_array):
            found = postings.get(hashes[q])
            if found is None:
                continue
            entries = (found,) if isinstance(found, int) else found
            if len(entries) > _COMMON_LIMIT:
                continue
            for entry in entries:
                slot, p = entry >> _POSITION_BITS, entry & _POSITION_MASK
                diagonal = p - q
                if covered_until.get((slot, diagonal), -1) > q:
                    continue
                sequence = sequences[slot]
                first_q, first_p = q, p
                while first_q > 0 and first_p > 0 and hashes[first_q - 1] == sequence[first_p - 1]:
                    first_q -= 1
                    first_p -= 1
                end_q, end_p = q + 1, p + 1
                while (
                    end_q < last_kgram
                    and end_p < len(sequence)
                    and (hashes[end_q] == sequence[end_p])
                ):
                    end_q += 1
                    end_p += 1
                covered_until[(slot, diagonal)] = end_q
                runs.append(Run(slot, first_q, end_q - 1 + self.k - 1, first_p))
        return runs

    # --- bytes -----------------------------------------------------------------------

    def to_bytes(self) -> bytes:
        """The index as bytes: fingerprints and note ids only, no text. Encrypt before storing."""
        with self._lock:
            parts = [
                _HEADER.pack(_MAGIC, _VERSION, self.k, self.window, self._keys.check, len(self))
            ]
            for note_id, slot in self._slot_of.items():
                encoded_id = note_id.encode()
                sequence, selected = self._sequences[slot], self._selected[slot]
                quoted = array("I", sorted(self._quoted[slot]))
                parts.append(_NOTE_HEADER.pack(len(encoded_id), len(sequence), len(selected),
                                               len(quoted)))
                parts += [encoded_id, _little_endian(sequence), _little_endian(selected),
                          _little_endian(quoted)]
            return b"".join(parts)

    @classmethod
    def from_bytes(cls, data: bytes, key: bytes) -> FingerprintIndex:
        """Load ``to_bytes()`` output; ``IndexFormatError`` if damaged or made with another key."""
        try:
            magic, version, k, window, check, count = _HEADER.unpack_from(data, 0)
        except struct.error as exc:
            raise IndexFormatError("the index is truncated") from exc
        if magic != _MAGIC or version != _VERSION:
            raise IndexFormatError("not a fingerprint index of a version this Margin reads")
        index = cls(key, k=k, window=window)
        if not hmac.compare_digest(check, index._keys.check):
            raise IndexFormatError("the index was made with another key")
        offset = _HEADER.size
        try:
            for _ in range(count):
                id_len, n_kgrams, n_selected, n_quoted = _NOTE_HEADER.unpack_from(data, offset)
                offset += _NOTE_HEADER.size
                note_id = data[offset : offset + id_len].decode()
                offset += id_len
                sequence = _from_little_endian("Q", data[offset : offset + 8 * n_kgrams])
                offset += 8 * n_kgrams
                selected = _from_little_endian("I", data[offset : offset + 4 * n_selected])
                offset += 4 * n_selected
                quoted = _from_little_endian("I", data[offset : offset + 4 * n_quoted])
                offset += 4 * n_quoted
                if (
                    len(sequence) != n_kgrams
                    or len(selected) != n_selected
                    or len(quoted) != n_quoted
                    or any(p >= n_kgrams for p in selected)
                ):
                    raise IndexFormatError("the index is truncated or damaged")
                index._insert(note_id, sequence, selected, frozenset(quoted))
        except IndexFormatError:
            raise
        except (struct.error, ValueError) as exc:  # ValueError covers bad UTF-8 and arrays
            raise IndexFormatError("the index is truncated or damaged") from exc
        if offset != len(data):
            raise IndexFormatError("the index has trailing bytes")
        return index
