"""Letter fingerprints, for text that OCR read from pictures.

OCR confuses characters (rn/m, l/1/I, O/0), breaks and joins words and drops punctuation,
so the word k-grams of its text rarely equal a note's. Here a text is folded to one stream
of letters and digits: lowercased, each set of confusable characters mapped to one of them,
everything else (spaces, punctuation, hyphens) dropped, so "the rapist's" and "therapists"
fold alike. Keyed k-grams of these characters are winnowed as the word k-grams are. A
passage OCR read from a picture of a note shares most of its character k-grams with the
note, lined up along one diagonal (position in the text minus position in the note) that
drifts by a character wherever OCR lost or added one; such chains are the matches. A chain
must cover as many words of the checked text as the word matcher asks for, and most of its
letters, so chance shared phrases stay below it.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from margin.matcher.fingerprint import Keys, _siphash_blocks

GLYPH_K = 12  # letters in one fingerprint (a multiple of 3: see glyph_hashes)
GLYPH_WINDOW = 8  # any 19 shared letters in a row keep a fingerprint on both sides
_DOMAIN = np.uint64(0x6D617267696E6F63)  # keeps letter k-grams apart from word k-grams
_COMMON_LIMIT = 64  # as for words: boilerplate found everywhere is not followed
_CHAIN_GAP = 40  # letters between two shared fingerprints of one passage, at most
_CHAIN_DRIFT = 6  # letters OCR may lose or add between them
_COVERED_SHARE = 0.5  # of the chain's letters, this share must be in shared fingerprints
_LETTERS_PER_WORD = 4  # a chain covers at least this many shared letters per word asked

# Single characters OCR mistakes for each other, and pairs it reads as one letter.
_CONFUSABLE = str.maketrans({"1": "l", "i": "l", "|": "l", "!": "l", "0": "o", "5": "s"})
_PAIRS = {"rn": "m", "vv": "w", "cl": "d"}
_PAIR = re.compile("|".join(_PAIRS))
_NOT_LETTER = re.compile(r"[\W_]+")
_WORD = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """The letters a text's fingerprints are taken from."""
    letters = _NOT_LETTER.sub("", text.lower().translate(_CONFUSABLE))
    return _PAIR.sub(lambda pair: _PAIRS[pair.group(0)], letters)


def fold_with_origins(text: str) -> tuple[str, list[int]]:
    """As ``fold``, and for each letter the offset in ``text`` it came from."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few letters lowercase to two ("İ"): keep offsets
        lowered = "".join(ch.lower()[0] for ch in text)
    lowered = lowered.translate(_CONFUSABLE)
    joined: list[str] = []
    letter_origins: list[int] = []
    for found in _WORD.finditer(lowered):
        joined.append(found.group(0))
        letter_origins.extend(range(found.start(), found.end()))
    letters = "".join(joined)
    pieces: list[str] = []
    origins: list[int] = []
    last = 0
    for pair in _PAIR.finditer(letters):
        pieces += [letters[last : pair.start()], _PAIRS[pair.group(0)]]
        origins += letter_origins[last : pair.start() + 1]
        last = pair.end()
    pieces.append(letters[last:])
    origins += letter_origins[last:]
    return "".join(pieces), origins


def glyph_hashes(letters: str, keys: Keys) -> np.ndarray:
    """One keyed fingerprint per position where GLYPH_K letters start. Three letters (21
    bits each, any Unicode letter) go into each 64-bit block, so SipHash runs over 5 blocks
    (a domain block and 4 of letters) instead of 13."""
    count = len(letters) - GLYPH_K + 1
    if count <= 0:
        return np.empty(0, dtype=np.uint64)
    codes = np.frombuffer(letters.encode("utf-32-le"), dtype="<u4").astype(np.uint64)
    blocks = [np.full(count, _DOMAIN, dtype=np.uint64)]
    for j in range(0, GLYPH_K, 3):
        block = codes[j : j + count] << np.uint64(42)
        block |= codes[j + 1 : j + 1 + count] << np.uint64(21)
        block |= codes[j + 2 : j + 2 + count]
        blocks.append(block)
    with np.errstate(over="ignore"):
        return _siphash_blocks(blocks, keys)


@dataclass(frozen=True)
class GlyphMatch:
    start: int  # offsets into the checked text
    end: int
    note_id: str
    words: int


def winnow_positions(hashes: np.ndarray, window: int) -> np.ndarray:
    """The positions ``fingerprint.winnow`` keeps (the smallest of every window, rightmost on
    ties), computed at once: a note has about six times as many letters as words."""
    if len(hashes) < window:
        if not len(hashes):
            return np.empty(0, dtype=np.uint32)
        reverse = hashes[::-1]
        return np.array([len(hashes) - 1 - int(np.argmin(reverse))], dtype=np.uint32)
    windows = np.lib.stride_tricks.sliding_window_view(hashes, window)
    rightmost = window - 1 - np.argmin(windows[:, ::-1], axis=1)
    return np.unique(np.arange(len(windows)) + rightmost).astype(np.uint32)


class GlyphIndex:
    """Winnowed letter fingerprints of every note, and one sorted table of them all (made
    again, at numpy speed, on the first match after a change) to look them up."""

    def __init__(self, keys: Keys):
        self._keys = keys
        self._kept: dict[str, tuple[np.ndarray, np.ndarray]] = {}  # note -> (hashes, positions)
        self._table: tuple[np.ndarray, np.ndarray, np.ndarray, list[str]] | None = None

    def add(self, note_id: str, text: str) -> None:
        hashes = glyph_hashes(fold(text), self._keys)
        positions = winnow_positions(hashes, GLYPH_WINDOW)
        self.set(note_id, hashes[positions], positions)

    def set(self, note_id: str, hashes: np.ndarray, positions: np.ndarray) -> None:
        self._kept[note_id] = (hashes, positions)
        self._table = None

    def remove(self, note_id: str) -> None:
        if self._kept.pop(note_id, None) is not None:
            self._table = None

    def items(self) -> Iterator[tuple[str, np.ndarray, np.ndarray]]:
        for note_id, (hashes, positions) in self._kept.items():
            yield note_id, hashes, positions

    # --- matching ------------------------------------------------------------------------

    def _lookup_table(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[str]]:
        if self._table is None:
            note_ids = list(self._kept)
            kept = list(self._kept.values())
            hashes = np.concatenate([h for h, _ in kept] or [np.empty(0, np.uint64)])
            positions = np.concatenate([p for _, p in kept] or [np.empty(0, np.uint32)])
            owners = np.repeat(np.arange(len(kept)), [len(h) for h, _ in kept])
            order = np.argsort(hashes, kind="stable")
            self._table = (hashes[order], owners[order], positions[order], note_ids)
        return self._table

    def match(self, text: str, min_words: int) -> list[GlyphMatch]:
        letters, origins = fold_with_origins(text)
        probes = glyph_hashes(letters, self._keys)
        keys, owners, positions, note_ids = self._lookup_table()
        first = np.searchsorted(keys, probes, side="left")
        counts = np.searchsorted(keys, probes, side="right") - first
        hits: dict[str, list[tuple[int, int]]] = {}
        # A fingerprint found in very many places is boilerplate, not followed (as for words).
        for q in np.flatnonzero((counts > 0) & (counts <= _COMMON_LIMIT)).tolist():
            for j in range(int(first[q]), int(first[q] + counts[q])):
                hits.setdefault(note_ids[owners[j]], []).append((q, int(positions[j])))
        found: list[GlyphMatch] = []
        for note_id, note_hits in hits.items():
            for chain in _chains(note_hits):
                match = _as_match(chain, note_id, text, origins, min_words)
                if match is not None:
                    found.append(match)
        return sorted(found, key=lambda m: (m.start, m.note_id))


def _chains(hits: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Hits grouped into passages: close in the text, on one drifting diagonal."""
    open_chains: list[list[tuple[int, int]]] = []
    closed: list[list[tuple[int, int]]] = []
    for q, p in sorted(hits):
        best = None
        closed += [chain for chain in open_chains if q - chain[-1][0] > _CHAIN_GAP]
        open_chains = [chain for chain in open_chains if q - chain[-1][0] <= _CHAIN_GAP]
        for chain in open_chains:
            last_q, last_p = chain[-1]
            if (
                0 < q - last_q <= _CHAIN_GAP
                and abs((p - q) - (last_p - last_q)) <= _CHAIN_DRIFT
                and (best is None or q - last_q < q - best[-1][0])
            ):
                best = chain
        if best is None:
            open_chains.append([(q, p)])
        else:
            best.append((q, p))
    return closed + open_chains


def _as_match(
    chain: list[tuple[int, int]], note_id: str, text: str, origins: list[int], min_words: int
) -> GlyphMatch | None:
    first, last = chain[0][0], chain[-1][0] + GLYPH_K - 1
    covered = np.zeros(last - first + 1, dtype=bool)
    for q, _ in chain:
        covered[q - first : q - first + GLYPH_K] = True
    shared = int(covered.sum())
    if shared < _LETTERS_PER_WORD * min_words or shared < _COVERED_SHARE * len(covered):
        return None
    start, end = origins[first], origins[last] + 1
    words = len(_WORD.findall(text[start:end]))
    if words < min_words:
        return None
    return GlyphMatch(start, end, note_id, words)


def pack(index: GlyphIndex) -> bytes:
    """Every note's kept fingerprints (no text), for the index's file."""
    parts = [struct.pack("<I", len(index._kept))]
    for note_id, hashes, positions in index.items():
        encoded = note_id.encode()
        parts += [struct.pack("<HI", len(encoded), len(hashes)), encoded,
                  hashes.astype("<u8").tobytes(), positions.astype("<u4").tobytes()]  # fmt: skip
    return b"".join(parts)


def unpack(index: GlyphIndex, data: bytes, offset: int) -> int:
    """Load ``pack`` output at ``offset`` into ``index``; returns the offset after it."""
    (count,) = struct.unpack_from("<I", data, offset)
    offset += 4
    for _ in range(count):
        id_length, kept = struct.unpack_from("<HI", data, offset)
        offset += 6
        note_id = data[offset : offset + id_length].decode()
        offset += id_length
        hashes = np.frombuffer(data, dtype="<u8", count=kept, offset=offset).astype(np.uint64)
        offset += 8 * kept
        positions = np.frombuffer(data, dtype="<u4", count=kept, offset=offset).astype(np.uint32)
        offset += 4 * kept
        index.set(note_id, hashes, positions)
    return offset
