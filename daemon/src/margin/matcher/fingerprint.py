"""Keyed k-gram fingerprints and winnowing (Schleimer, Wilkerson, Aiken, SIGMOD 2003).

A fingerprint is a keyed pseudo-random function of k consecutive normalized words: each
distinct word gets a 64-bit value, HMAC-SHA256 truncated (computed once per word and text),
and the k values are combined by SipHash-2-4, a keyed PRF made for short inputs, run over
all positions at once with numpy (one HMAC per k-gram in Python would cost several times
what reading a PDF does). Both keys are derived from the caller's key with HMAC-SHA256.
Without the key nobody can test a guessed phrase against the index; two vaults' indexes
share nothing; and only k-grams are stored, never per-word values whose frequencies a
dictionary attack could start from.

Winnowing keeps, from every window of ``window`` consecutive fingerprints, the smallest
(the rightmost one on ties). Any run of ``k + window - 1`` words shared by two texts
contains a whole window, so both sides keep the same fingerprint from it: such a run is
always found.
"""

from __future__ import annotations

import hmac
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

_WORD_CONTEXT = b"margin matcher v1: word values"
_KGRAM_CONTEXT = b"margin matcher v1: k-gram siphash key"
_U64 = np.uint64
_CACHE_WORDS = 300_000


@dataclass(frozen=True)
class Keys:
    word_key: bytes
    sip_k0: int
    sip_k1: int
    check: bytes  # lets a loaded index tell it was made with another key


def derive_keys(caller_key: bytes) -> Keys:
    """The matcher's own subkeys, so the caller's key (e.g. the vault key) is never used as is."""
    if len(caller_key) < 16:
        raise ValueError("the fingerprint key must be at least 16 bytes")
    sip = hmac.digest(caller_key, _KGRAM_CONTEXT, "sha256")
    return Keys(
        word_key=hmac.digest(caller_key, _WORD_CONTEXT, "sha256"),
        sip_k0=int.from_bytes(sip[:8], "little"),
        sip_k1=int.from_bytes(sip[8:16], "little"),
        check=hmac.digest(caller_key, b"margin matcher v1: key check", "sha256")[:8],
    )


_SHIFTS = {bits: (_U64(bits), _U64(64 - bits)) for bits in (13, 16, 17, 21, 32)}


def _rotl(x: np.ndarray, bits: int, spare: np.ndarray) -> None:
    """x = x rotated left by ``bits``, in place (``spare`` is scratch space)."""
    left, right = _SHIFTS[bits]
    np.right_shift(x, right, out=spare)
    np.left_shift(x, left, out=x)
    x |= spare


def _sip_round(
    v0: np.ndarray, v1: np.ndarray, v2: np.ndarray, v3: np.ndarray, spare: np.ndarray
) -> None:
    v0 += v1
    _rotl(v1, 13, spare)
    v1 ^= v0
    _rotl(v0, 32, spare)
    v2 += v3
    _rotl(v3, 16, spare)
    v3 ^= v2
    v0 += v3
    _rotl(v3, 21, spare)
    v3 ^= v0
    v2 += v1
    _rotl(v1, 17, spare)
    v1 ^= v2
    _rotl(v2, 32, spare)


def _siphash_blocks(blocks: list[np.ndarray], keys: Keys) -> np.ndarray:
    """SipHash-2-4 of messages made of len(blocks) 64-bit words, one message per position."""
    n = len(blocks[0])
    k0, k1 = _U64(keys.sip_k0), _U64(keys.sip_k1)
    v0 = np.full(n, k0 ^ _U64(0x736F6D6570736575), dtype=_U64)
    v1 = np.full(n, k1 ^ _U64(0x646F72616E646F6D), dtype=_U64)
    v2 = np.full(n, k0 ^ _U64(0x6C7967656E657261), dtype=_U64)
    v3 = np.full(n, k1 ^ _U64(0x7465646279746573), dtype=_U64)
    spare = np.empty(n, dtype=_U64)
    length_block = _U64((8 * len(blocks)) % 256) << _U64(56)
    for block in [*blocks, length_block]:
        v3 ^= block  # type: ignore[arg-type]  # numpy's stubs miss uint64 array ^ array
        _sip_round(v0, v1, v2, v3, spare)
        _sip_round(v0, v1, v2, v3, spare)
        v0 ^= block  # type: ignore[arg-type]
    v2 ^= _U64(0xFF)
    for _ in range(4):
        _sip_round(v0, v1, v2, v3, spare)
    v0 ^= v1
    v0 ^= v2
    v0 ^= v3
    return v0


def word_values(words: Sequence[str], keys: Keys, cache: dict[str, int]) -> np.ndarray:
    """The keyed 64-bit value of each word: one HMAC per word the cache has not seen.

    The cache lives in memory only (the daemon's memory holds the notes anyway); it is
    emptied when it grows past a bound so that a huge export cannot grow it forever.
    """
    digest = hmac.digest
    key = keys.word_key
    missing = set(words).difference(cache)  # set operations, no Python loop per word
    if len(cache) + len(missing) > _CACHE_WORDS:
        cache.clear()
        missing = set(words)
    for word in missing:
        cache[word] = int.from_bytes(digest(key, word.encode(), "sha256")[:8], "little")
    return np.fromiter(map(cache.__getitem__, words), dtype=_U64, count=len(words))


def kgram_hashes(
    words: Sequence[str], keys: Keys, k: int, cache: dict[str, int] | None = None
) -> np.ndarray:
    """One 64-bit keyed fingerprint per position where k words start."""
    count = len(words) - k + 1
    if count <= 0:
        return np.empty(0, dtype=_U64)
    values = word_values(words, keys, {} if cache is None else cache)
    with np.errstate(over="ignore"):
        return _siphash_blocks([values[j : j + count] for j in range(k)], keys)


def kgram_hashes_many(
    word_lists: Sequence[Sequence[str]], keys: Keys, k: int, cache: dict[str, int]
) -> list[np.ndarray]:
    """``kgram_hashes`` of each list, computed in one pass: SipHash run by numpy costs
    per call, not per value, and a note has only about 150 words (a first index of
    100,000 notes spent most of its time in those calls)."""
    counts = np.array([max(0, len(words) - k + 1) for words in word_lists], dtype=np.int64)
    lengths = np.array([len(words) for words in word_lists], dtype=np.int64)
    values = word_values([w for words in word_lists for w in words], keys, cache)
    firsts = np.repeat(np.cumsum(lengths) - lengths, counts)  # each k-gram's list start
    within = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
    at = firsts + within
    with np.errstate(over="ignore"):
        hashes = _siphash_blocks([values[at + j] for j in range(k)], keys)
    return np.split(hashes, np.cumsum(counts)[:-1].tolist())


def winnow(hashes: Sequence[int], window: int) -> list[int]:
    """Positions of the fingerprints winnowing keeps, in increasing order."""
    n = len(hashes)
    if n == 0:
        return []
    if n < window:  # shorter than one window: keep its minimum so the text is still indexed
        best = min(hashes)
        return [max(i for i in range(n) if hashes[i] == best)]
    selected: list[int] = []
    candidates: deque[int] = deque()  # positions whose hashes increase from left to right
    for i, value in enumerate(hashes):
        while candidates and hashes[candidates[-1]] >= value:
            candidates.pop()
        candidates.append(i)
        if candidates[0] <= i - window:
            candidates.popleft()
        if i >= window - 1 and (not selected or selected[-1] != candidates[0]):
            selected.append(candidates[0])
    return selected
