"""Misspelt key words and shorthand (margin.lint.spelling), on sentences in no corpus file."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from margin.errors import LintRulesMissing
from margin.lint.engine import Linter
from margin.lint.labelset import MISPLACEMENT
from margin.lint.spelling import Respeller, one_edit
from tests.linter import build_spelling


@functools.cache
def _linters() -> tuple[Linter, Linter]:
    """The rules alone, with and without respelling."""
    return Linter(use_model=False), Linter(use_model=False, respell=False)


def test_committed_spelling_file_is_current() -> None:
    """spelling.json is made from the rules: after a change to them, run
    `python tests/linter/build_spelling.py` and commit what it writes."""
    assert build_spelling.OUTPUT.read_text(encoding="utf-8") == build_spelling.render(
        build_spelling.build())


@pytest.mark.parametrize(("word", "key", "expected"), [
    ("sucidal", "suicidal", True),      # a letter missing
    ("suiccidal", "suicidal", True),    # a letter added
    ("laxitives", "laxatives", True),   # a letter changed
    ("suicdial", "suicidal", True),     # two neighbours swapped
    ("suicidal", "suicidal", False),    # the same word
    ("scuidial", "suicidal", False),    # two edits
    ("laxatvies", "laxative", False),   # a swap and a letter more
    ("overdoes", "overdose", True),     # one edit, but a real word: spelling.json keeps it
])
def test_one_edit(word: str, key: str, expected: bool) -> None:
    assert one_edit(word, key) is expected
    assert one_edit(key, word) is expected


def test_respeller_reads_only_words_one_edit_from_one_key() -> None:
    speller = Respeller(["suicidal", "overdose", "pills", "assessed", "sertraline"],
                        real=["overdoes", "pulls", "kills"], shorthand={"abt": "about"})
    assert speller.reading("sucidal") == "suicidal"
    assert speller.reading("assesed") == "assessed"
    assert speller.reading("setraline") == "sertraline"
    assert speller.reading("abt") == "about"
    for word in ("overdoes", "pulls", "kills", "suicidal", "pill", "session", "zzzzzz"):
        assert speller.reading(word) is None, word
    ambiguous = Respeller(["cutting", "putting"], real=[], shorthand={})
    assert ambiguous.reading("gutting") is None  # one edit from two keys: read as written


def test_respeller_prefers_a_slip_of_the_same_length_then_a_letter_left_out() -> None:
    speller = Respeller(["reason", "reasons", "though", "thoughts"], real=[], shorthand={})
    assert speller.reading("reasosn") == "reasons"  # two letters swapped, not one added
    assert speller.reading("thoughs") == "thoughts"  # a letter left out, not one added


def test_a_word_longer_than_any_key_is_read_as_written_without_being_searched() -> None:
    """A pasted run of letters with no space: looking its one-edit neighbours up would cost
    its length squared in time and memory (50,000 letters: gigabytes)."""
    speller = Respeller(["suicidal"], real=[], shorthand={})
    assert speller.reading("a" * 50_000) is None
    assert speller.reading("suicidall") == "suicidal"  # a letter longer than the key: read
    text = "x" * 200_000 + " sucidal"
    assert speller.respell(text, 0, len(text)) == "x" * 200_000 + " suicidal"


def test_respell_keeps_the_rest_of_the_text_and_capitals() -> None:
    speller = Respeller(["suicidal", "laxatives"], real=[], shorthand={"abt": "about"})
    text = "Note: Sucidal talk abt work; took laxitives."
    assert speller.respell(text, 6, len(text)) == "Suicidal talk about work; took laxatives."
    assert speller.respell("Nothing to read here.", 0, 21) is None


@pytest.mark.parametrize("text", [
    "risk assesed as moderate, reviewed the safty plan",
    "took an overdoze of her gran's tablets on tues",
    "saving up her laxitives, gets dizzy when she stands",
    "u wont have to worry abt me much longer, she said at the door",
    "Her partner has been stragling her during fights.",
    "reviewed the safty plan with her mum",
    "thinks her family would be beter off without her",
])
def test_misspelt_risk_is_found_by_the_rules(text: str) -> None:
    with_reading, as_written = _linters()
    assert (with_reading.predict(text), as_written.predict(text)) == ("safety", "private")


@pytest.mark.parametrize(("slip", "reading"), [
    # Issue 16, thirty-eighth round, review at the stop: every word a pattern spells is a key,
    # and an opening ("child\\w*") makes every word list word that starts with it one. The
    # round's first patterns made "childe" and "raising" keys, and these slips of risk words
    # were read as those or, tied, not at all. All five were wrong then.
    ("raiing", "railing"),
    ("childa", "child"),
    ("childs", "child"),
    ("rapsing", "raping"),
    ("ruising", "bruising"),
])
def test_slips_of_risk_words_keep_their_reading(slip: str, reading: str) -> None:
    assert MISPLACEMENT.load_respeller().reading(slip) == reading


@pytest.mark.parametrize(("text", "expected"), [
    ("says she has been on setraline since march", "medication"),
    ("started on quetiapene last month", "medication"),
    ("nighmares 4x a week", "symptoms"),
    ("agorophobia diagnosed by her GP", "diagnosis"),
])
def test_misspelt_record_facts_are_found_by_the_rules(text: str, expected: str) -> None:
    with_reading, as_written = _linters()
    assert (with_reading.predict(text), as_written.predict(text)) == (expected, "private")


@pytest.mark.parametrize("text", [
    "She overdoes it at the gym on Saturdays and then aches all week.",
    "He pulls the covers over his head when the alarm goes.",
    "The series kills off her favourite character, she told me laughing.",
    "Talked about her brother's new job abroad.",
])
def test_real_words_near_key_words_stay_as_written(text: str) -> None:
    with_reading, as_written = _linters()
    assert with_reading.predict(text) == as_written.predict(text) == "private"


def test_respelling_adds_a_more_important_finding_and_never_takes_one_away() -> None:
    """The copy's finding replaces the part's own only when it is more important: a reading
    that hides a key word ("suicidal" read as "zzzzz") leaves the safety finding where it
    was, and one that reveals a key word raises the part."""
    linter = Linter(use_model=False)
    linter.respeller = Respeller([], real=[], shorthand={"suicidal": "zzzzz"})
    assert [f.category for f in linter.lint("Pt endorsed suicidal thoughts.")] == ["safety"]
    linter.respeller = Respeller([], real=[], shorthand={"wibble": "suicidal"})
    assert [f.category for f in linter.lint("Sleeping 4 hrs; wibble thoughts.")] == [
        "symptoms", "safety"]
    linter.respeller = Respeller([], real=[], shorthand={"hrs": "wibble"})
    assert [f.category for f in linter.lint("Sleeping 4 hrs.")] == ["symptoms"]


def test_a_damaged_spelling_file_is_the_rules_error(tmp_path: Path) -> None:
    folder = tmp_path / "lexicon"
    folder.mkdir()
    (folder / "spelling.json").write_text('{"keys": ', encoding="utf-8")
    label_set = MISPLACEMENT.__class__(**{**MISPLACEMENT.__dict__, "directory": folder})
    with pytest.raises(LintRulesMissing):
        label_set.load_respeller()
