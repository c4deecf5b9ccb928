"""OCR text is matched through OCR's noise, and only copied passages match."""

from __future__ import annotations

import random

import numpy as np
import pytest

from margin.matcher import FingerprintIndex
from margin.matcher.fingerprint import winnow
from margin.matcher.glyphs import fold, fold_with_origins, winnow_positions

NOTE = (
    "She spoke about the night her brother left the house and how the porch light stayed on "
    "until morning because nobody wanted to be the one to switch it off. I noticed my own "
    "impatience when she circled back to the porch light a third time."
)
OTHER = (
    "Progress note. Client attended the scheduled session by video. Mood was described as "
    "better than last week and affect was congruent. Sleep has improved to about seven hours."
)
KEY = b"glyph test key 0123456789abcdef"


@pytest.fixture(scope="module")
def index() -> FingerprintIndex:
    found = FingerprintIndex(KEY)
    found.add("n-porch", NOTE)
    found.add("n-other", OTHER)
    return found


@pytest.mark.parametrize(
    "noise",
    [
        pytest.param(lambda t: t.replace("m", "rn"), id="m-read-as-rn"),
        pytest.param(lambda t: t.replace("l", "1").replace("I ", "l "), id="l-1-I"),
        pytest.param(lambda t: t.replace("o", "0"), id="o-read-as-zero"),
        pytest.param(lambda t: t.replace(".", "").replace(",", ""), id="lost-punctuation"),
        pytest.param(
            lambda t: t.replace("the porch", "theporch").replace("brother", "bro ther"),
            id="joined-and-broken-words",
        ),
        pytest.param(
            lambda t: t.replace("\n", " ").replace("about the", "about the\n"), id="line-breaks"
        ),
    ],
)
def test_a_copied_passage_is_found_through_ocr_noise(index: FingerprintIndex, noise) -> None:
    read = "Scanned letter\n" + noise(NOTE) + "\nEnd of page"
    matches = index.match_ocr(read, 12)
    assert [m.note_id for m in matches] == ["n-porch"]
    assert matches[0].words >= 30
    passage_start = read.index("\n") + 1
    passage_end = passage_start + len(noise(NOTE))
    # Within the passage, and most of it (the ends are found to within a fingerprint).
    assert passage_start <= matches[0].start < matches[0].end <= passage_end
    assert matches[0].end - matches[0].start >= 0.8 * (passage_end - passage_start)


def test_all_confusions_at_once_and_a_misread_letter_every_25(index: FingerprintIndex) -> None:
    noisy = list(NOTE.replace("m", "rn").replace("o", "0").replace(",", ""))
    rng = random.Random(7)
    for i in range(0, len(noisy) - 25, 25):
        noisy[i + rng.randrange(25)] = "#"
    assert [m.note_id for m in index.match_ocr("".join(noisy), 12)] == ["n-porch"]


def test_shared_short_phrases_are_not_a_passage(index: FingerprintIndex) -> None:
    text = (
        "Her brother left the house in spring. The porch light stayed on. A third time "
        "the client was late. Sleep has improved; mood was described as better."
    )
    assert index.match_ocr(text, 12) == []


def test_folding_keeps_offsets_into_the_text() -> None:
    text = "Modern CLINIC, rn İstanbul"
    letters, origins = fold_with_origins(text)
    assert letters == fold(text)
    assert len(origins) == len(letters)
    assert all(text[i].isalnum() for i in origins)


def test_letter_fingerprints_survive_saving_and_removal() -> None:
    index = FingerprintIndex(KEY)
    index.add("n-porch", NOTE)
    loaded = FingerprintIndex.from_bytes(index.to_bytes(), KEY)
    assert [m.note_id for m in loaded.match_ocr(NOTE.replace("m", "rn"), 12)] == ["n-porch"]
    loaded.remove("n-porch")
    assert loaded.match_ocr(NOTE.replace("m", "rn"), 12) == []
    assert FingerprintIndex.from_bytes(loaded.to_bytes(), KEY).match_ocr(NOTE, 12) == []


@pytest.mark.parametrize("length", [0, 1, 7, 8, 9, 60, 500])
def test_letter_winnowing_keeps_what_word_winnowing_keeps(length: int) -> None:
    """Few distinct values, so ties (the rightmost smallest wins) are common."""
    values = np.random.default_rng(length).integers(0, 40, size=length).astype(np.uint64)
    assert winnow_positions(values, 8).tolist() == winnow(values.tolist(), 8)
