"""A note cut by text that is not its own (a page footer and header, a footnote), and
quotations in single marks."""

from __future__ import annotations

from margin.matcher import FingerprintIndex
from margin.matcher.normalize import tokenize

KEY = b"i" * 32
NOTE = (
    "Greta keeps her dead sister's letters in a shoebox in the attic and rereads them "
    "every anniversary, alone, with the door locked."
)
HEADER = (
    "\n\nLARKSPUR COUNSELING ASSOCIATES\nClient: Osric Vell MRN 448-20-7731 DOB 09/23/1979\n"
    "Printed 03/04/2026 11:52 Page 2 of 5\n\n"
)


def _index() -> FingerprintIndex:
    index = FingerprintIndex(KEY)
    index.add("attic", NOTE)
    index.add("other", "The weather was mild and the session started a little late today.")
    return index


def test_a_short_note_cut_in_half_by_a_header_block_is_found() -> None:
    words = NOTE.split()
    text = " ".join(words[:11]) + HEADER + " ".join(words[11:])
    (match,) = _index().match(text, 12)
    assert match.note_id == "attic"
    assert match.covered_words == len(words)


def test_two_halves_out_of_order_are_not_joined() -> None:
    words = NOTE.split()
    text = " ".join(words[11:]) + HEADER + " ".join(words[:11])
    assert _index().match(text, 12) == []


def test_halves_too_far_apart_are_not_joined() -> None:
    words = NOTE.split()
    filler = " ".join(f"word{i}" for i in range(120))
    assert _index().match(" ".join(words[:11]) + f" {filler} " + " ".join(words[11:]), 12) == []


def test_single_quotation_marks_and_apostrophes() -> None:
    text = "She said, \u2018You never came to see me,\u2019 at her parents\u2019 house; it's 'fine' now."  # noqa: E501
    tokens = tokenize(text)
    quoted = [w for w, q in zip(tokens.words, tokens.quoted, strict=True) if q]
    assert quoted == ["you", "never", "came", "to", "see", "me", "fine"]
