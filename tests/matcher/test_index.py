"""The fingerprint index: matches, edits, quotes, removal, and its bytes."""

from __future__ import annotations

import os

import pytest

from margin.matcher import FingerprintIndex, IndexFormatError
from tests.scan.corpus.corpus_text import CLEAN_PARAGRAPHS, NOTES, SHORT_QUOTE, edited

KEY = b"k" * 32


@pytest.fixture
def index() -> FingerprintIndex:
    built = FingerprintIndex(KEY)
    for note_id, text in NOTES.items():
        built.add(note_id, text)
    return built


def test_a_pasted_paragraph_is_found_with_its_span(index: FingerprintIndex) -> None:
    text = f"{CLEAN_PARAGRAPHS[0]}\n\n{NOTES['n-ledger']}\n\n{CLEAN_PARAGRAPHS[1]}"
    (match,) = index.match(text, 12)
    assert match.note_id == "n-ledger"
    assert text[match.start : match.end] == NOTES["n-ledger"].rstrip(".")
    assert match.words == len(NOTES["n-ledger"].split())


def test_record_text_with_the_same_vocabulary_is_not_flagged(index: FingerprintIndex) -> None:
    assert index.match("\n".join(CLEAN_PARAGRAPHS), 8) == []


def test_edited_words_report_the_longest_surviving_run(index: FingerprintIndex) -> None:
    original = NOTES["n-garage"].split()
    (match,) = index.match(edited(NOTES["n-garage"]), 12)
    assert match.note_id == "n-garage"
    longest = max(len(original) // 3, len(original) - 2 * len(original) // 3 - 1)
    assert match.words == longest
    assert match.covered_words == len(original) - 2


def test_a_short_client_quote_alone_is_not_a_leak(index: FingerprintIndex) -> None:
    record = f"{CLEAN_PARAGRAPHS[0]} Client said {SHORT_QUOTE} and laughed."
    assert len(SHORT_QUOTE.split()) >= 11  # long enough that only the quote rule saves it
    assert index.match(record, 8) == []
    # The same words outside quotation marks, with more of the note around them, do count.
    longer = " ".join(NOTES["n-quote"].split()[:24])
    assert [m.note_id for m in index.match(longer, 12)] == ["n-quote"]


def test_runs_shorter_than_the_minimum_are_not_reported(index: FingerprintIndex) -> None:
    words = NOTES["n-kite"].split()
    assert index.match(" ".join(words[5:16]), 12) == []
    assert [m.words for m in index.match(" ".join(words[5:17]), 12)] == [12]


def test_removed_and_replaced_notes_are_no_longer_found(index: FingerprintIndex) -> None:
    index.remove("n-kite")
    index.remove("n-kite")  # replaying a delete is harmless
    assert index.match(NOTES["n-kite"], 8) == []
    index.add("n-orchard", "completely different words now " * 3)
    assert index.match(NOTES["n-orchard"], 8) == []
    assert len(index) == len(NOTES) - 1
    assert index.match(NOTES["n-violin"], 8)[0].note_id == "n-violin"


def test_minimum_below_the_guarantee_is_refused(index: FingerprintIndex) -> None:
    assert index.guaranteed_words == 8
    with pytest.raises(ValueError, match="at least 8"):
        index.match("text", 7)


def test_bytes_round_trip_and_refuse_another_key(index: FingerprintIndex) -> None:
    data = index.to_bytes()
    loaded = FingerprintIndex.from_bytes(data, KEY)
    text = f"{CLEAN_PARAGRAPHS[2]} {NOTES['n-violin']}"
    assert loaded.match(text, 12) == index.match(text, 12)
    with pytest.raises(IndexFormatError, match="another key"):
        FingerprintIndex.from_bytes(data, b"x" * 32)
    for cut in (3, len(data) // 2, len(data) - 1):
        with pytest.raises(IndexFormatError):
            FingerprintIndex.from_bytes(data[:cut], KEY)


def test_bytes_hold_no_plaintext_and_differ_between_keys() -> None:
    index = FingerprintIndex(KEY)
    for number, text in enumerate(NOTES.values()):
        index.add(f"id{number}", text)  # vault ids are random, never words
    data = index.to_bytes()
    for text in NOTES.values():
        for word in {w.strip(".,;“”") for w in text.split() if len(w) >= 4}:
            assert word.encode() not in data
            assert word.lower().encode() not in data
    other = FingerprintIndex(os.urandom(32))
    for number, text in enumerate(NOTES.values()):
        other.add(f"id{number}", text)
    assert other.to_bytes() != data
    fingerprints = set(index._postings)
    assert not fingerprints & set(other._postings)


def test_boilerplate_shared_by_many_notes_does_not_slow_or_flag() -> None:
    index = FingerprintIndex(KEY)
    boilerplate = (
        "session conducted via secure telehealth video with verbal client consent obtained "
        "and documented at the start of the visit"
    )
    for i in range(200):
        index.add(f"n{i}", f"{boilerplate} unique{i} words follow here for note {i}")
    assert len(boilerplate.split()) > 12
    assert index.match(f"Today {boilerplate}.", 12) == []
    # A note's own words around the boilerplate still lead to it, and the run spans both.
    (match,) = index.match(f"{boilerplate} unique7 words follow here for note 7", 12)
    assert match.note_id == "n7"
    assert match.words == len(boilerplate.split()) + 7
