"""Quotation marks and the leak guard (the policy: docs/DESIGN.md, "Quotations"):
apostrophes and primes are not quotation marks, and a private passage is found inside
quotation marks too; only the client's own words, quoted in both the progress note and the
private note, count for little."""

from __future__ import annotations

import os

import pytest

from margin.matcher import FingerprintIndex, tokenize

PRIVATE = ("I keep wondering whether his rage at the landlord is really about his father, "
           "who evicted the family twice when he was small and never apologised.")
CLIENT_SAID = "\u201cI am so tired of pretending everything is fine at work\u201d"
NOTE_WITH_QUOTE = (f"He repeated {CLIENT_SAID} several times; underneath it I hear fear of "
                   "looking weak in front of his colleagues and his sister.")


@pytest.fixture
def index() -> FingerprintIndex:
    made = FingerprintIndex(os.urandom(32))
    made.add("private", PRIVATE)
    made.add("with-quote", NOTE_WITH_QUOTE)
    return made


def quoted_words(text: str) -> list[str]:
    words = tokenize(text)
    return [w for w, q in zip(words.words, words.quoted, strict=True) if q]


PASSAGE = " ".join(PRIVATE.split()[:20])


@pytest.mark.parametrize("stray", [
    "He is 5'6\" tall.",
    "Back in the '90s, she said.",
    "The parents' car broke down.",
    "A 30\" screen at work.",
    "Measured 5\u20326\u2033 at intake.",
], ids=["inch mark", "decade", "possessive", "inches", "typographic primes"])
def test_a_stray_mark_opens_no_quotation(index: FingerprintIndex, stray: str) -> None:
    """The mark must not open a quotation that runs to the next real one and hides the
    unquoted paste between them."""
    text = f"{stray} {PASSAGE} and later said \"fine\" and 'okay' to the plan."
    assert quoted_words(text) == ["fine", "okay"]
    assert [m.note_id for m in index.match(text, 12)] == ["private"]


@pytest.mark.parametrize("marks", [('"', '"'), ("\u201c", "\u201d"), ("'", "'"),
                                   ("\u2018", "\u2019"), ("\u00ab", "\u00bb")],
                         ids=["straight", "curly", "single", "curly single", "guillemets"])
def test_a_private_passage_inside_quotation_marks_is_found(index: FingerprintIndex,
                                                           marks: tuple[str, str]) -> None:
    opening, closing = marks
    record = f"Session focused on housing stress. Client said {opening}{PASSAGE}{closing} today."
    assert len(quoted_words(record)) == 20
    assert [m.note_id for m in index.match(record, 12)] == ["private"]


def test_the_clients_own_words_quoted_in_both_count_for_little(index: FingerprintIndex) -> None:
    record = f"Client reported work stress, said {CLIENT_SAID}, and agreed to the plan."
    assert index.match(record, 12) == []


def test_quoted_positions_survive_saving(index: FingerprintIndex) -> None:
    key = os.urandom(32)
    made = FingerprintIndex(key)
    made.add("with-quote", NOTE_WITH_QUOTE)
    again = FingerprintIndex.from_bytes(made.to_bytes(), key)
    record = f"Client reported work stress, said {CLIENT_SAID}, and agreed to the plan."
    assert again.match(record, 12) == []
    assert [m.note_id for m in again.match(NOTE_WITH_QUOTE, 12)] == ["with-quote"]
