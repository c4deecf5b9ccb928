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
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from margin.matcher.fingerprint import Keys, _siphash_blocks
from margin.matcher.packing import Piece, Pieces, Reader, Writer
from margin.matcher.postings import Postings

GLYPH_K = 12  # letters in one fingerprint (a multiple of 3: see glyph_hashes)
GLYPH_WINDOW = 8  # any 19 shared letters in a row keep a fingerprint on both sides
_DOMAIN = np.uint64(0x6D617267696E6F63)  # keeps letter k-grams apart from word k-grams
_COMMON_LIMIT = 64  # as for words: boilerplate found everywhere is not followed
_COUNTS = struct.Struct("<IQ")  # notes, postings
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


def glyph_hashes_many(texts: list[str], keys: Keys) -> list[np.ndarray]:
    """``glyph_hashes(fold(text))`` of each text, in one pass (see ``kgram_hashes_many``)."""
    folded = [fold(text) for text in texts]
    counts = np.array([max(0, len(f) - GLYPH_K + 1) for f in folded], dtype=np.int64)
    lengths = np.array([len(f) for f in folded], dtype=np.int64)
    codes = np.frombuffer("".join(folded).encode("utf-32-le"), dtype="<u4").astype(np.uint64)
    firsts = np.repeat(np.cumsum(lengths) - lengths, counts)
    at = firsts + np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
    blocks = [np.full(len(at), _DOMAIN, dtype=np.uint64)]
    for j in range(0, GLYPH_K, 3):
        block = codes[at + j] << np.uint64(42)
        block |= codes[at + j + 1] << np.uint64(21)
        block |= codes[at + j + 2]
        blocks.append(block)
    with np.errstate(over="ignore"):
        hashes = _siphash_blocks(blocks, keys)
    return np.split(hashes, np.cumsum(counts)[:-1].tolist())


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
    """Winnowed letter fingerprints of every note, in compact postings (see ``postings``).

    They may wait unloaded (``defer``): changes are then noted, and replayed once they
    are loaded for a match."""

    def __init__(self, keys: Keys):
        self._keys = keys
        self.scratch: Path | None = None  # where a bulk build's runs are put aside
        self._postings = self._new_postings()
        self._slot_of: dict[str, int] = {}
        self._note_ids: list[str | None] = []
        self._loader: Callable[[], bytes | memoryview] | None = None
        self._changes: list[tuple[str, tuple[int, np.ndarray, np.ndarray] | None]] = []

    def defer(self, loader: Callable[[], bytes | memoryview]) -> None:
        """Leave the fingerprints where ``loader`` reads them (``pack`` output) until needed."""
        self._postings, self._slot_of, self._note_ids = self._new_postings(), {}, []
        self._loader, self._changes = loader, []

    def _new_postings(self, postings: Postings | None = None) -> Postings:
        postings = Postings() if postings is None else postings
        postings.scratch = self.scratch
        return postings

    def use_scratch(self, folder: Path) -> None:
        self.scratch = self._postings.scratch = folder

    @property
    def waiting(self) -> bool:
        return self._loader is not None

    def load_now(self, read: Reader | None = None) -> None:
        """Load the fingerprints (from ``read``, or where they wait), then the changes."""
        if read is None:
            if self._loader is None:
                return
            read = Reader(self._loader())
            unpack(self, read)
            read.end_part()
            if read.offset != len(read.data):
                raise ValueError("trailing bytes after the letter fingerprints")
        else:
            unpack(self, read)
        changes = self._changes
        self._loader, self._changes = None, []
        for note_id, kept in changes:
            self.remove(note_id)
            if kept is not None:
                self._name(self._postings.add(*kept), note_id)

    def add(self, note_id: str, text: str, hashes: np.ndarray | None = None) -> None:
        """Index ``text`` (its ``glyph_hashes`` if already computed)."""
        if hashes is None:
            hashes = glyph_hashes(fold(text), self._keys)
        positions = winnow_positions(hashes, GLYPH_WINDOW)
        kept = (len(hashes), hashes[positions], positions)
        if self._loader is not None:
            self._changes.append((note_id, kept))
            return
        self.remove(note_id)
        self._name(self._postings.add(*kept), note_id)

    def _name(self, slot: int, note_id: str) -> None:
        assert slot == len(self._note_ids)
        self._note_ids.append(note_id)
        self._slot_of[note_id] = slot

    def remove(self, note_id: str) -> None:
        if self._loader is not None:
            self._changes.append((note_id, None))
            return
        slot = self._slot_of.pop(note_id, None)
        if slot is not None:
            self._postings.remove(slot)
            self._note_ids[slot] = None

    # --- matching ------------------------------------------------------------------------

    def match(self, text: str, min_words: int) -> list[GlyphMatch]:
        self.load_now()
        letters, origins = fold_with_origins(text)
        probes = glyph_hashes(letters, self._keys)
        # A fingerprint found in very many places is boilerplate, not followed (as for words).
        found_at, slots, positions = self._postings.lookup(probes, _COMMON_LIMIT)
        hits: dict[str, list[tuple[int, int]]] = {}
        note_ids = self._note_ids
        for q, slot, p in zip(found_at, slots, positions, strict=True):
            note_id = note_ids[slot]
            assert note_id is not None
            hits.setdefault(note_id, []).append((q, p))
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


def pack(index: GlyphIndex) -> list[Piece] | Pieces:
    """Every note's kept fingerprints (no text), for the index's file."""
    index.load_now()
    slots = list(index._slot_of.values())  # increasing: slots are never reused
    write = Writer()
    if index._postings.in_runs:
        # A bulk build's: made as they are written, never sorted whole in memory (they
        # are let go once saved; sorting them whole beside their runs made its peak).
        lengths, count, keys_then_places = index._postings.export_streamed(slots)
        write.raw(_COUNTS.pack(len(slots), count))
        write.ids(list(index._slot_of))
        write.arrays((lengths, "u4"))
        write.made_later(keys_then_places, 12 * count, 8)
        return write.finish()
    lengths, keys, places = index._postings.export(slots)
    write.raw(_COUNTS.pack(len(slots), len(keys)))
    write.ids(list(index._slot_of))
    write.arrays((lengths, "u4"), (keys, "u8"), (places, "u4"))
    return write.finish()


def pack_changes(index: GlyphIndex, write: Writer) -> None:
    """The changes noted while the fingerprints wait unloaded (none when loaded)."""
    changes = index._changes
    kept = [k for _, k in changes if k is not None]
    write.raw(_COUNTS.pack(len(changes), sum(len(k[1]) for k in kept)))
    write.ids([note_id for note_id, _ in changes])
    write.arrays((np.array([k is not None for _, k in changes]), "u1"),
                 (np.array([k[0] for k in kept]), "u4"),
                 (np.array([len(k[1]) for k in kept]), "u4"))
    for _, hashes, positions in kept:
        write.arrays((hashes, "u8"), (positions, "u4"))


def unpack_changes(index: GlyphIndex, read: Reader) -> None:
    count, _ = read.unpack(_COUNTS)
    note_ids = read.ids(count)
    added = read.array("u1", count).tolist()
    lengths = read.array("u4", sum(added)).tolist()
    sizes = read.array("u4", sum(added)).tolist()
    kept = iter(zip(lengths, sizes, strict=True))
    for note_id, is_added in zip(note_ids, added, strict=True):
        if not is_added:
            index._changes.append((note_id, None))
            continue
        length, size = next(kept)
        hashes, positions = read.array("u8", size), read.array("u4", size)
        if len(positions) and int(positions.max()) >= length:
            raise ValueError("a letter position beyond its note")
        index._changes.append((note_id, (length, hashes, positions)))


def unpack(index: GlyphIndex, read: Reader) -> None:
    """Load ``pack`` output from ``read`` into an empty ``index``."""
    count, postings = read.unpack(_COUNTS)
    note_ids = read.ids(count)
    lengths = read.array("u4", count)
    keys, places = read.array("u8", postings), read.array("u4", postings)
    if len(set(note_ids)) != count:
        raise ValueError("a note twice in the letter fingerprints")
    index._postings = index._new_postings(Postings.load(lengths, keys, places))
    index._note_ids = list(note_ids)
    index._slot_of = dict(zip(note_ids, range(count), strict=True))
