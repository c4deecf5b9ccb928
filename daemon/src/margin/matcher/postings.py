"""Where each fingerprint occurs, for 100,000 notes in little memory (issue 18).

Every owner (a note) gets a range of "places" (word or letter positions) in one numbering:
owner ``o`` holds places ``start[o] .. start[o] + length[o] - 1``. Most postings live in two
numpy arrays sorted by fingerprint, the fingerprints and their places (12 bytes a posting
and no Python object, so the garbage collector never walks them and a lookup costs a
binary search per fingerprint looked up, whatever the number of notes). What changed since
they were built is kept apart until it is merged in:

- postings of owners added since wait in a small dict (fingerprint -> places);
- an owner removed is marked dead: its sorted postings stay until the next merge, and each
  lookup skips them and leaves them out of the count of places a fingerprint has (the
  boilerplate limit), so the answers are exactly those of a table rebuilt from scratch.

A merge happens at a lookup once enough has changed. In a bulk build (the first unlock,
an import) the waiting postings are sorted into runs (``sorted_runs``), put aside in a
scratch folder when one is given, and merged range by range of fingerprints: the build
holds the result and one range, never all postings twice or as Python objects.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import numpy as np

from margin.matcher.sorted_runs import (
    BUCKETS,
    Scratch,
    SortedRuns,
    bucket_bounds,
    even_edges,
)

_U64 = np.uint64
_MERGE_PLACES = 65_536  # waiting postings (dict) or dead ones beyond this: merge
_RUN_PLACES = 1 << 18  # waiting postings beyond this are sorted into a run (a bulk build)
_SCAN_CHUNK = 1 << 20  # places scanned at a time when an owner is removed (bounded memory)
MAX_PLACES = (1 << 32) - 1  # places are numbered in 32 bits


class Postings:
    """fingerprint -> (owner, position) for every posting of every live owner."""

    def __init__(self) -> None:
        self._keys = np.empty(0, dtype=_U64)  # sorted
        self._places = np.empty(0, dtype=np.uint32)  # parallel to _keys
        self._starts = array("q")  # per owner: its first place
        self._lengths = array("q")
        self._alive = bytearray()
        self._end = 0  # the next owner's first place
        self._waiting: dict[int, tuple[np.ndarray, np.ndarray]] = {}  # owner -> keys, places
        self._waiting_count = 0
        self._recent: dict[int, list[int]] = {}  # fingerprint -> places, merged into a dict
        self._recent_owners: dict[int, np.ndarray] = {}  # owner -> its fingerprints there
        self._recent_count = 0
        self._dead_rows: list[np.ndarray] = []  # rows of the sorted arrays of dead owners
        self._dead_count = 0
        self._dead_per_key: dict[int, int] = {}  # fingerprint -> its dead rows
        self._filter: _Filter | None = None  # of the sorted keys, made at the first lookup
        # Owners below this have their postings in the sorted arrays; the others wait, sit
        # in the dict or in runs (``_runs``), where each one's count of postings is kept.
        self._sorted_owners = 0
        self._new_counts = array("q")  # per owner from ``_sorted_owners`` on
        self._runs: SortedRuns | None = None
        self._dead_in_runs = 0
        self.scratch: Path | None = None  # where runs are put aside (else in memory)
        self.changes = 0  # adds and removes so far (bytes made later check it)

    # --- owners --------------------------------------------------------------------------

    @property
    def owners(self) -> int:
        return len(self._starts)

    def add(self, length: int, keys: np.ndarray, positions: np.ndarray) -> int:
        """A new owner of ``length`` places with postings ``keys`` at ``positions``."""
        if self._end + length > MAX_PLACES:
            raise ValueError("the index is full")
        owner = len(self._starts)
        self.changes += 1
        self._starts.append(self._end)
        self._lengths.append(length)
        self._alive.append(1)
        self._new_counts.append(len(keys))
        if len(keys):
            places = (positions.astype(np.int64) + self._end).astype(np.uint32)
            self._waiting[owner] = (keys.astype(_U64), places)
            self._waiting_count += len(keys)
        self._end += length
        if self._waiting_count > _RUN_PLACES:
            self._waiting_to_run()
        return owner

    def _waiting_to_run(self) -> None:
        """The waiting postings (and the dict's), sorted into a run."""
        if self._runs is None:
            self._runs = SortedRuns(self.scratch)
        recent = [(key, place) for key, found in self._recent.items() for place in found]
        self._runs.add(
            np.concatenate([np.fromiter((k for k, _ in recent), _U64, len(recent))]
                           + [k for k, _ in self._waiting.values()]),
            np.concatenate([np.fromiter((p for _, p in recent), np.uint32, len(recent))]
                           + [p for _, p in self._waiting.values()]))
        self._waiting.clear()
        self._recent.clear()
        self._recent_owners.clear()
        self._waiting_count = self._recent_count = 0

    def remove(self, owner: int) -> None:
        if not self._alive[owner]:
            return
        self.changes += 1
        self._alive[owner] = 0
        if self._waiting.pop(owner, None) is not None:
            self._waiting_count -= self._new_counts[owner - self._sorted_owners]
            return
        keys = self._recent_owners.pop(owner, None)
        if keys is not None:
            start, end = self._starts[owner], self._starts[owner] + self._lengths[owner]
            for key in set(keys.tolist()):
                places = self._recent[key]
                places[:] = [p for p in places if not start <= p < end]
                if not places:
                    del self._recent[key]
            self._recent_count -= len(keys)
            return
        if owner >= self._sorted_owners:  # in a run: left out at the merge
            self._dead_in_runs += self._new_counts[owner - self._sorted_owners]
            return
        self._bury(owner)

    def _bury(self, owner: int) -> None:
        """Mark the sorted rows of ``owner`` dead, and count them per fingerprint."""
        start, end = self._starts[owner], self._starts[owner] + self._lengths[owner]
        if start == end:
            return
        for first in range(0, len(self._places), _SCAN_CHUNK):
            chunk = self._places[first : first + _SCAN_CHUNK]
            rows = np.flatnonzero((chunk >= start) & (chunk < end)) + first
            if not len(rows):
                continue
            self._dead_rows.append(rows)
            self._dead_count += len(rows)
            for key in self._keys[rows].tolist():
                self._dead_per_key[key] = self._dead_per_key.get(key, 0) + 1

    @property
    def in_runs(self) -> bool:
        """Whether a bulk build's runs wait to be merged."""
        return bool(self._runs)

    def spans(self, owners: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The first place and the number of places of each of ``owners``."""
        starts = np.frombuffer(self._starts, dtype=np.int64)[owners]
        lengths = np.frombuffer(self._lengths, dtype=np.int64)[owners]
        return starts, lengths  # copies (fancy indexing): the arrays may grow again

    def start_of(self, owner: int) -> int:
        return self._starts[owner]

    def length_of(self, owner: int) -> int:
        return self._lengths[owner]

    def __iter__(self) -> Iterator[int]:
        """The distinct fingerprints of the live postings."""
        self.settle(merge=True)
        return iter(np.unique(self._keys).tolist())

    # --- keeping the arrays sorted -------------------------------------------------------

    def settle(self, *, merge: bool = False) -> None:
        """Bring waiting postings into the dict, or everything into the sorted arrays when
        much has changed (or ``merge``)."""
        if merge or self._runs or self._waiting_count + self._recent_count > _MERGE_PLACES or (
            self._dead_count > _MERGE_PLACES
        ):
            if self._waiting or self._recent or self._dead_rows or self._runs:
                self._merge()
            return
        for owner, (keys, places) in self._waiting.items():
            for key, place in zip(keys.tolist(), places.tolist(), strict=True):
                self._recent.setdefault(key, []).append(place)
            self._recent_owners[owner] = keys
            self._recent_count += len(keys)
        self._waiting.clear()
        self._waiting_count = 0

    def _merge(self) -> None:
        """Everything into new sorted arrays, range by range."""
        total = self._live_count()
        keys = np.empty(total, dtype=_U64)
        places = np.empty(total, dtype=np.uint32)
        at = 0
        for bucket_keys, bucket_places in self._merged_buckets(keep=False):
            keys[at : at + len(bucket_keys)] = bucket_keys
            places[at : at + len(bucket_keys)] = bucket_places
            at += len(bucket_keys)
        assert at == total, "postings lost count"
        self._keys, self._places = keys, places
        self._filter = None
        self._dead_rows.clear()
        self._dead_per_key.clear()
        self._dead_count = self._dead_in_runs = 0
        self._sorted_owners = len(self._starts)
        self._new_counts = array("q")
        if self._runs is not None:
            self._runs.close()
            self._runs = None

    def _live_count(self) -> int:
        runs = self._runs.count if self._runs is not None else 0
        return (len(self._keys) - self._dead_count + runs - self._dead_in_runs
                + self._waiting_count + self._recent_count)

    def _merged_buckets(self, *, keep: bool) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """The live postings sorted by (fingerprint, place), one range of fingerprints at a
        time; the runs' ranges are forgotten as they are merged unless ``keep``."""
        if self._waiting or self._recent:
            self._waiting_to_run()
        runs = self._runs
        edges = runs.edges if runs is not None and runs.edges is not None else (
            even_edges(self._keys))
        bounds = bucket_bounds(self._keys, edges)
        starts = np.frombuffer(self._starts, dtype=np.int64)
        alive = np.frombuffer(self._alive, dtype=np.bool_)
        for number in range(BUCKETS):
            lo, hi = bounds[number], bounds[number + 1]
            pieces = [(self._keys[lo:hi], self._places[lo:hi])]
            if runs is not None:
                pieces += runs.bucket(number, keep=keep)
            keys = np.concatenate([k for k, _ in pieces])
            places = np.concatenate([p for _, p in pieces])
            del pieces
            if self._dead_count or self._dead_in_runs:
                owners = np.searchsorted(starts, places.astype(np.int64), side="right") - 1
                live = alive[owners]
                keys, places = keys[live], places[live]
            order = np.lexsort((places, keys))
            yield keys[order], places[order]
        del starts, alive  # views of the growable arrays: let them grow again

    # --- lookups -------------------------------------------------------------------------

    def lookup(self, probes: np.ndarray, common_limit: int) -> tuple[list[int], list[int],
                                                                      list[int]]:
        """For each probe whose fingerprint has 1..``common_limit`` live postings: the
        probe's index, the owner and the owner's position, once per posting."""
        self.settle()
        keys = self._keys
        if self._filter is None:
            self._filter = _Filter(keys)
        first, in_sorted = _ranges(keys, probes, self._filter)
        counts = in_sorted.copy()
        if self._recent or self._dead_per_key:
            probe_keys = probes.tolist()
            recent, dead = self._recent, self._dead_per_key
            counts += np.fromiter((len(recent.get(k, ())) - dead.get(k, 0) for k in probe_keys),
                                  dtype=np.int64, count=len(probe_keys))
        followed = np.flatnonzero((counts > 0) & (counts <= common_limit))
        if not len(followed):
            return [], [], []
        starts = np.frombuffer(self._starts, dtype=np.int64)
        alive = np.frombuffer(self._alive, dtype=np.bool_)
        # Every sorted row of the followed probes at once (ragged ranges flattened).
        lows = first[followed]
        widths = in_sorted[followed]
        rows = np.repeat(lows - np.cumsum(widths) + widths, widths) + np.arange(widths.sum())
        probe_of = np.repeat(followed, widths)
        places = self._places[rows].astype(np.int64)
        if self._recent:
            extra = [(q, place) for q in followed.tolist()
                     for place in self._recent.get(int(probes[q]), ())]
            if extra:
                probe_of = np.concatenate([probe_of, [q for q, _ in extra]])
                places = np.concatenate([places, [p for _, p in extra]])
        owners = np.searchsorted(starts, places, side="right") - 1
        live = alive[owners]
        owners, probe_of, places = owners[live], probe_of[live], places[live]
        order = np.argsort(probe_of, kind="stable")
        owners, probe_of, places = owners[order], probe_of[order], places[order]
        positions = places - starts[owners]
        del starts, alive  # views of the growable arrays: let them grow again
        return probe_of.tolist(), owners.tolist(), positions.tolist()

    # --- bytes ---------------------------------------------------------------------------

    def export(self, owners: list[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(lengths, keys, places) of ``owners`` (live, in increasing order), renumbered
        0, 1, ... in that order: what ``load`` takes back."""
        self.settle(merge=True)
        new_lengths, renumber = self._renumbering(owners)
        if renumber is None:
            return new_lengths, self._keys, self._places
        # A million places at a time: whole-array int64 temporaries of the letter postings
        # of 100,000 notes were several hundred MB at the first save of their index.
        renumbered = np.empty(len(self._places), dtype=np.uint32)
        for first in range(0, len(self._places), _SCAN_CHUNK):
            chunk = self._places[first : first + _SCAN_CHUNK]
            renumbered[first : first + len(chunk)] = renumber(chunk)
        # The sorted keys as they are (never changed in place: a merge makes new arrays).
        return new_lengths, self._keys, renumbered

    def export_streamed(self, owners: list[int]) -> tuple[np.ndarray, int, Iterable[bytes]]:
        """As ``export``: (lengths, number of postings, the bytes of the keys as "<u8" then
        of the places as "<u4"), the bytes made range by range as they are read, the
        sorted arrays never made (a first build's letter postings are let go once saved:
        holding them sorted beside their runs made its peak). Read more than once, the
        bytes are made again; read after a change, RuntimeError (they would not be those
        of the lengths and count)."""
        new_lengths, renumber = self._renumbering(owners)
        return new_lengths, self._live_count(), _Streamed(self, renumber)

    def _renumbering(self, owners: list[int]
                     ) -> tuple[np.ndarray, Callable[[np.ndarray], np.ndarray] | None]:
        """The lengths of ``owners``, and places to their numbers once only they are kept
        (None when no owner moves: a first build's, numbered as they came)."""
        starts = np.frombuffer(self._starts, dtype=np.int64).copy()
        lengths = np.frombuffer(self._lengths, dtype=np.int64)
        chosen = np.asarray(owners, dtype=np.int64)
        new_starts = np.zeros(len(starts), dtype=np.int64)
        new_lengths = lengths[chosen] if len(chosen) else np.empty(0, np.int64)
        new_starts[chosen] = np.cumsum(new_lengths) - new_lengths
        del lengths  # a view of the growable array: let it grow again
        if np.array_equal(new_starts[chosen], starts[chosen]):
            return new_lengths.astype(np.uint32), None

        def renumber(places: np.ndarray) -> np.ndarray:
            wide = places.astype(np.int64)
            owner_of = np.searchsorted(starts, wide, side="right") - 1
            return (wide - starts[owner_of] + new_starts[owner_of]).astype(np.uint32)

        return new_lengths.astype(np.uint32), renumber

    @classmethod
    def load(cls, lengths: np.ndarray, keys: np.ndarray, places: np.ndarray) -> Postings:
        """Postings from ``export`` output (checked: ValueError if inconsistent)."""
        total = int(lengths.sum(dtype=np.int64))
        if total > MAX_PLACES or len(keys) != len(places):
            raise ValueError("inconsistent postings")
        if len(keys) and (np.any(keys[1:] < keys[:-1]) or int(places.max()) >= total):
            raise ValueError("inconsistent postings")
        postings = cls()
        starts = np.cumsum(lengths, dtype=np.int64) - lengths
        postings._starts = array("q", starts.tobytes())
        postings._lengths = array("q", lengths.astype(np.int64).tobytes())
        postings._alive = bytearray(b"\x01" * len(lengths))
        postings._end = total
        postings._keys, postings._places = keys, places
        postings._sorted_owners = len(lengths)
        return postings


class _Streamed:
    """The bytes ``Postings.export_streamed`` gives: the keys range by range while the
    renumbered places are put aside, then the places."""

    def __init__(self, postings: Postings,
                 renumber: Callable[[np.ndarray], np.ndarray] | None):
        self._postings = postings
        self._renumber = renumber
        self._changes = postings.changes

    def __iter__(self) -> Iterator[bytes]:
        if self._postings.changes != self._changes:
            raise RuntimeError("the postings changed since they were exported")
        aside = Scratch(self._postings.scratch)
        try:
            numbers = []
            for keys, places in self._postings._merged_buckets(keep=True):
                yield keys.astype("<u8", copy=False).tobytes()
                numbers.append(aside.put(places if self._renumber is None
                                         else self._renumber(places)))
            for number in numbers:
                (places,) = aside.take(number)
                yield places.astype("<u4", copy=False).tobytes()
        finally:
            aside.close()


class _Filter:
    """One bit per value of the keys' low bits, about 8 bits per key: most fingerprints of
    a checked text are in no note, and one look here (a few MB) sets them aside without a
    binary search in the keys (tens of MB at 100,000 notes, each step a wait on memory)."""

    def __init__(self, keys: np.ndarray):
        bits = max(16, int(len(keys) * 8).bit_length())
        self.mask = _U64((1 << bits) - 1)
        self.bits = np.zeros(1 << (bits - 3), dtype=np.uint8)
        for first in range(0, len(keys), _SCAN_CHUNK):  # in pieces: little memory at once
            self._set(keys[first : first + _SCAN_CHUNK])

    def _set(self, keys: np.ndarray) -> None:
        low = (keys & self.mask).astype(np.int64)
        for bit in range(8):  # one bit position at a time: plain assignment, no ufunc.at
            chosen = low[(low & 7) == bit] >> 3
            self.bits[chosen] |= np.uint8(1 << bit)

    def maybe(self, probes: np.ndarray) -> np.ndarray:
        low = (probes & self.mask).astype(np.int64)
        return np.flatnonzero(self.bits[low >> 3] & (1 << (low & 7)).astype(np.uint8))


def _ranges(keys: np.ndarray, probes: np.ndarray, bloom: _Filter
            ) -> tuple[np.ndarray, np.ndarray]:
    """For each probe, where its rows start in ``keys`` and how many there are (0 for most).
    Only probes the filter lets through are searched, in sorted order (each search starts
    near the last one)."""
    first = np.zeros(len(probes), dtype=np.intp)
    counts = np.zeros(len(probes), dtype=np.intp)
    if not len(keys) or not len(probes):
        return first, counts
    maybe = bloom.maybe(probes)
    maybe = maybe[np.argsort(probes[maybe])]
    first[maybe] = np.searchsorted(keys, probes[maybe], side="left")
    found = maybe[keys[np.minimum(first[maybe], len(keys) - 1)] == probes[maybe]]
    counts[found] = np.searchsorted(keys, probes[found], side="right") - first[found]
    return first, counts
