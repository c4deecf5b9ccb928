"""Property tests: any run of at least T words from any note is found, however it is
dressed (case, smart quotes, hyphenation, line wraps, HTML entities, whitespace); unrelated
clinical text with the same vocabulary is not flagged."""

from __future__ import annotations

import html
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from margin.matcher import FingerprintIndex
from margin.matcher.normalize import tokenize, words_only
from tests.scan.corpus.corpus_text import CLEAN_PARAGRAPHS, NOTES

KEY = b"property-test-key-32-bytes-long!"
INDEX = FingerprintIndex(KEY)
for _note_id, _text in NOTES.items():
    INDEX.add(_note_id, _text)
T = INDEX.guaranteed_words
VOCABULARY = sorted({w.strip('.,;:“”"') for t in NOTES.values() for w in t.split()} - {""})


def dress(word: str, how: int, rng: random.Random) -> str:
    """One surface change a copy through a browser, a PDF or a word processor makes."""
    if how == 0:
        return word.upper()
    if how == 1:
        return word.replace("'", "\u2019")
    if how == 2 and len(word) >= 4 and word.isalpha():
        cut = rng.randrange(2, len(word) - 1)
        return f"{word[:cut]}-\n{word[cut:]}"  # hyphenated at a line end
    if how == 3:
        return "".join(
            f"&#{ord(c)};" if c.isalpha() and rng.random() < 0.3 else c
            for c in html.escape(word, quote=False)
        )
    if how == 4 and len(word) >= 4:
        return word[:2] + "\u00ad" + word[2:]  # soft hyphen
    if how == 5:
        return word.capitalize()
    return word


def separator(rng: random.Random) -> str:
    return rng.choice([" ", "  ", "\n", "\r\n", " \t ", "\n\n   "])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    note_id=st.sampled_from(sorted(NOTES)),
    length=st.integers(min_value=T, max_value=40),
    start_fraction=st.floats(min_value=0, max_value=1),
    seed=st.integers(min_value=0, max_value=2**32),
    min_words=st.sampled_from([8, 12]),
)
def test_any_run_of_t_words_is_found_through_surface_changes(
    note_id: str, length: int, start_fraction: float, seed: int, min_words: int
) -> None:
    rng = random.Random(seed)
    # Quotation marks left out: a short quotation alone is, on purpose, not a leak.
    words = NOTES[note_id].replace("\u201c", "").replace("\u201d", "").split()
    length = max(min(length, len(words)), min_words)
    start = int(start_fraction * (len(words) - length))
    run = [dress(w, rng.randrange(8), rng) for w in words[start : start + length]]
    before = CLEAN_PARAGRAPHS[rng.randrange(len(CLEAN_PARAGRAPHS))]
    after = CLEAN_PARAGRAPHS[rng.randrange(len(CLEAN_PARAGRAPHS))]
    pasted = "".join(w + separator(rng) for w in run).rstrip()
    text = f"{before}\n\n{pasted}\n\n{after}"
    run_start = len(before) + 2
    run_end = run_start + len(pasted)

    found = [m for m in INDEX.match(text, min_words) if m.note_id == note_id]

    assert found, "the pasted run was not found"
    best = max(found, key=lambda m: m.words)
    assert best.words >= length
    assert best.start <= run_start + len(run[0]) and best.end >= run_end - len(run[-1])


@settings(max_examples=100, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**32), size=st.integers(50, 600))
def test_unrelated_text_with_the_same_vocabulary_is_not_flagged(seed: int, size: int) -> None:
    rng = random.Random(seed)
    sentences = [s for p in CLEAN_PARAGRAPHS for s in p.split(". ")]
    pieces = []
    while sum(len(p.split()) for p in pieces) < size:
        if rng.random() < 0.5:
            pieces.append(rng.choice(sentences) + ".")
        else:  # the notes' own words, in an order no note has them
            pieces.append(" ".join(rng.choice(VOCABULARY) for _ in range(rng.randrange(3, 9))))
    assert INDEX.match(" ".join(pieces), 8) == []


@settings(max_examples=25, deadline=None)
@given(
    key_a=st.binary(min_size=32, max_size=32),
    key_b=st.binary(min_size=32, max_size=32),
    note=st.sampled_from(sorted(NOTES)),
)
def test_keyed_bytes_hold_no_words_and_differ_between_keys(
    key_a: bytes, key_b: bytes, note: str
) -> None:
    first, second = FingerprintIndex(key_a), FingerprintIndex(key_b)
    first.add("id", NOTES[note])
    second.add("id", NOTES[note])
    data = first.to_bytes()
    for word in VOCABULARY:
        if len(word) >= 5:
            assert word.lower().encode() not in data
    assert (data == second.to_bytes()) == (key_a == key_b)


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet="ab9Z'-\u0002 \t\r\n<>&;#x.\u00e9\u2019", max_size=60))
def test_the_fast_word_split_agrees_with_tokenize(text: str) -> None:
    """words_only (ASCII fast path included) and tokenize give the same words: matching
    uses one and reports offsets with the other."""
    assert words_only(text) == tokenize(text).words
