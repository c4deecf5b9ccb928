"""Normalization: what counts as the same word, and offsets back into the original text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from margin.matcher import tokenize
from margin.matcher.normalize import words_only


def spans(text: str) -> list[str]:
    words = tokenize(text)
    return [text[s:e] for s, e in zip(words.starts, words.ends, strict=True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The THERA-\npist", ["the", "therapist"]),
        ("thera-\r\n   pist", ["therapist"]),
        ("self-harm and self-\nharm", ["selfharm", "and", "selfharm"]),
        ("don’t DON'T", ["dont", "dont"]),
        ("so\u00adft hy\u200bphen", ["soft", "hyphen"]),
        ("ﬁle Ｆｕｌｌ", ["file", "full"]),
        ("cafe\u0301 Straße", ["café", "strasse"]),
        ("pa<b>tie</b>nt<p>next</p>", ["patient", "next"]),
        ("AT&amp;T &ldquo;quoted&rdquo; it&#8217;s", ["at", "t", "quoted", "its"]),
        ("BP <140/90 & HR>60", ["bp", "140", "90", "hr", "60"]),
        ("  many \t\n spaces  ", ["many", "spaces"]),
    ],
)
def test_words(text: str, expected: list[str]) -> None:
    assert tokenize(text).words == expected


def test_offsets_point_into_the_original_text() -> None:
    text = "Pa<i>tie</i>nt&rsquo;s thera-\npist &amp; <b>plan</b>"
    assert spans(text) == ["Pa<i>tie</i>nt&rsquo;s", "thera-\npist", "plan"]


def test_short_quotations_are_marked() -> None:
    words = tokenize('She said “I am tired” and "left early" then went home')
    quoted = [w for w, q in zip(words.words, words.quoted, strict=True) if q]
    assert quoted == ["i", "am", "tired", "left", "early"]


def test_a_long_quotation_is_a_passage_not_a_quote() -> None:
    body = " ".join(f"word{i}" for i in range(40))
    assert not any(tokenize(f'"{body}"').quoted)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZé’'-\u00ad\n &;<>b/#1x\u0301İß\"“”")), max_size=80))
def test_fast_path_gives_the_same_words_as_the_offset_path(text: str) -> None:
    """The matcher finds hits with words_only and reports spans with tokenize: they agree."""
    assert words_only(text) == tokenize(text).words
