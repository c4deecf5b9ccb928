"""Keyed k-gram fingerprints and winnowing (Schleimer, Wilkerson, Aiken, SIGMOD 2003).

A fingerprint is HMAC-SHA256 of k consecutive normalized words, truncated to 64 bits. Without
the key nobody can test a guessed phrase against the index, and two vaults' indexes share
nothing. Whole k-grams are hashed (never single words) so the stored values do not show the
word frequencies a dictionary attack would start from.

Winnowing keeps, from every window of ``window`` consecutive k-gram fingerprints, the
smallest (the rightmost one on ties). Any run of ``k + window - 1`` words shared by two texts
contains a whole window, so both sides keep the same fingerprint from it: such a run is
always found.
"""

from __future__ import annotations

import hmac
from collections import deque
from collections.abc import Sequence

_SEPARATOR = "\x1f"  # cannot occur inside a normalized word
_CONTEXT = b"margin matcher: word k-gram fingerprints, v1"


def derive_key(caller_key: bytes) -> bytes:
    """The matcher's own subkey, so the caller's key (e.g. the vault key) is never used as is."""
    if len(caller_key) < 16:
        raise ValueError("the fingerprint key must be at least 16 bytes")
    return hmac.digest(caller_key, _CONTEXT, "sha256")


def kgram_hashes(words: Sequence[str], key: bytes, k: int) -> list[int]:
    """One 64-bit keyed fingerprint per position where k words start."""
    count = len(words) - k + 1
    if count <= 0:
        return []
    digest = hmac.digest
    join = _SEPARATOR.join
    from_bytes = int.from_bytes
    return [
        from_bytes(digest(key, join(words[i : i + k]).encode(), "sha256")[:8], "big")
        for i in range(count)
    ]


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
