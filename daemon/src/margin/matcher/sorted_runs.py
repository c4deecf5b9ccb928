"""Sorted runs of postings, for a bulk build in bounded memory (issue 18).

The first index of 100,000 notes is about 28 million postings (260 MB of letter
fingerprints alone). Collected until the end and sorted at once, they were held two and
three times over (1.6 GB at the peak). Here the postings of each batch of notes are sorted
into a run, cut into ``BUCKETS`` ranges of fingerprints, and put aside; a merge then takes
one range of every run at a time, so it never holds more than the result and one range.
The ranges are cut where the first run's fingerprints divide evenly: winnowing keeps the
smallest fingerprint of each window, so kept fingerprints crowd toward small values and
ranges of equal width (by the top bits) would not hold equal shares.

Put aside in a scratch folder, a range is encrypted (AES-GCM, with a key that lives only
in this process's memory) in a temporary file that has no name (POSIX) or that the system
deletes when the process ends (Windows), so a crash leaves nothing behind, and nothing
anyone could read meanwhile. Without a folder, or when it cannot be written, the ranges
stay in memory.
"""

from __future__ import annotations

import bisect
import itertools
import os
import tempfile
from array import array
from pathlib import Path
from typing import IO

import numpy as np
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

BUCKETS = 256  # a range of a first build's letter postings at 100,000 notes: ~1 MB


def even_edges(sorted_keys: np.ndarray) -> np.ndarray:
    """The first fingerprint of each range but the first, so that ``sorted_keys`` divide
    evenly (any edges would give the same merge; even ones keep each range small)."""
    if not len(sorted_keys):
        return np.zeros(BUCKETS - 1, dtype=np.uint64)
    return sorted_keys[(np.arange(1, BUCKETS) * len(sorted_keys)) // BUCKETS]


def bucket_bounds(sorted_keys: np.ndarray, edges: np.ndarray) -> list[int]:
    """Where each range starts in ``sorted_keys``, and its end."""
    return [0, *np.searchsorted(sorted_keys, edges).tolist(), len(sorted_keys)]


class Scratch:
    """Arrays put aside until they are needed again: in memory, or sealed in a temp file."""

    def __init__(self, folder: Path | None):
        self._file: IO[bytes] | None = None
        self._memory: list[tuple[np.ndarray, ...] | None] = []
        self._places: list[tuple[int, int, list[tuple[str, int]]]] = []
        if folder is not None:
            try:
                # held across calls, closed by ``close`` (or when let go)
                self._file = tempfile.TemporaryFile(dir=folder, prefix=".scratch-")  # noqa: SIM115
            except OSError:  # unwritable: memory will do
                self._file = None
        self._aead = AESGCM(AESGCM.generate_key(bit_length=128))
        self._end = 0

    def put(self, *arrays: np.ndarray) -> int:
        """Put ``arrays`` aside; the number to take them back with."""
        if self._file is None:
            self._memory.append(tuple(array.copy() for array in arrays))
            return len(self._memory) - 1
        number = len(self._places)
        nonce = number.to_bytes(12, "little")  # each number once under this key
        sealed = self._aead.encrypt(nonce, b"".join(a.tobytes() for a in arrays), None)
        os.pwrite(self._file.fileno(), sealed, self._end)
        self._places.append((self._end, len(sealed), [(a.dtype.str, len(a)) for a in arrays]))
        self._end += len(sealed)
        return number

    def take(self, number: int, *, keep: bool = False) -> tuple[np.ndarray, ...]:
        """The arrays put aside as ``number``; forgotten unless ``keep``."""
        if self._file is None:
            arrays = self._memory[number]
            assert arrays is not None, "taken twice"
            if not keep:
                self._memory[number] = None
            return arrays
        offset, length, layout = self._places[number]
        data = self._aead.decrypt(number.to_bytes(12, "little"),
                                  os.pread(self._file.fileno(), length, offset), None)
        found: list[np.ndarray] = []
        at = 0
        for dtype, count in layout:
            found.append(np.frombuffer(data, dtype=dtype, count=count, offset=at))
            at += np.dtype(dtype).itemsize * count
        return tuple(found)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        self._memory.clear()


class SortedRuns:
    """Runs of (fingerprint, place) postings, each sorted and cut into ranges."""

    def __init__(self, folder: Path | None):
        self._scratch = Scratch(folder)
        self._runs: list[list[int]] = []  # per run: the scratch number of each range
        self.count = 0  # postings in all runs
        self.edges: np.ndarray | None = None  # where ranges start, set by the first run

    def __bool__(self) -> bool:
        return bool(self._runs)

    def add(self, keys: np.ndarray, places: np.ndarray) -> None:
        """A run of postings, in any order."""
        if not len(keys):
            return
        order = np.lexsort((places, keys))
        keys, places = keys[order], places[order]
        del order
        if self.edges is None:
            self.edges = even_edges(keys).copy()
        bounds = bucket_bounds(keys, self.edges)
        self._runs.append([self._scratch.put(keys[lo:hi], places[lo:hi])
                           for lo, hi in itertools.pairwise(bounds)])
        self.count += len(keys)

    def bucket(self, number: int, *, keep: bool) -> list[tuple[np.ndarray, np.ndarray]]:
        """Range ``number`` of every run, in the order the runs came."""
        taken = []
        for run in self._runs:
            keys, places = self._scratch.take(run[number], keep=keep)
            taken.append((keys, places))
        return taken

    def close(self) -> None:
        self._scratch.close()
        self._runs.clear()
        self.count = 0


class PutAside:
    """Arrays of a bulk build kept per owner (the notes' k-gram sequences, 120 MB at
    100,000 notes), put aside a batch at a time: a build needs them only to write them.
    Owners come in increasing order (they are numbered as they are added)."""

    BATCH = 1 << 18  # values gathered before they are put aside together

    def __init__(self, folder: Path | None):
        self._scratch = Scratch(folder)
        self._pending: dict[int, np.ndarray] = {}
        self._pending_size = 0
        # where each owner's values went, in arrays (a dict of tuples was 20 MB)
        self._owners = array("q")
        self._numbers = array("q")  # -1: discarded
        self._starts = array("q")
        self._lengths = array("q")
        self._last: tuple[int, np.ndarray] | None = None  # the batch taken last

    def add(self, owner: int, values: np.ndarray) -> None:
        assert not self._owners or owner > self._owners[-1], "owners out of order"
        self._pending[owner] = values
        self._pending_size += len(values)
        if self._pending_size >= self.BATCH:
            self._put_pending()

    def _put_pending(self) -> None:
        owners = list(self._pending)
        arrays = [self._pending[owner] for owner in owners]
        number = self._scratch.put(np.concatenate(arrays))
        start = 0
        for owner, values in zip(owners, arrays, strict=True):
            self._owners.append(owner)
            self._numbers.append(number)
            self._starts.append(start)
            self._lengths.append(len(values))
            start += len(values)
        self._pending.clear()
        self._pending_size = 0

    def _row(self, owner: int) -> int:
        row = bisect.bisect_left(self._owners, owner)
        if row < len(self._owners) and self._owners[row] == owner:
            return row
        return -1

    def get(self, owner: int) -> np.ndarray | None:
        """The values of ``owner``, None if none were put aside for it."""
        pending = self._pending.get(owner)
        if pending is not None:
            return pending
        row = self._row(owner)
        if row < 0 or self._numbers[row] < 0:
            return None
        number, start = self._numbers[row], self._starts[row]
        if self._last is None or self._last[0] != number:
            self._last = (number, self._scratch.take(number, keep=True)[0])
        return self._last[1][start : start + self._lengths[row]]

    def discard(self, owner: int) -> None:
        values = self._pending.pop(owner, None)
        if values is not None:
            self._pending_size -= len(values)
        row = self._row(owner)
        if row >= 0:
            self._numbers[row] = -1
