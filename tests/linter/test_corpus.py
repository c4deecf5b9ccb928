"""The corpus aims of issue 8, pinned: these fail when a rule change costs recall."""

from __future__ import annotations

import pytest

from margin.lint import CATEGORIES
from tests.linter.corpora import CORPORA
from tests.linter.eval import CORPUS_DIR, CORPUS_FILES, TUNED_FILES, Report, evaluate, read_corpus

_CORPORA = CORPORA["misplacement"]


@pytest.fixture(scope="module")
def main_report() -> Report:
    return evaluate(CORPUS_DIR / "main.jsonl")


def test_every_safety_sentence_is_flagged_as_safety(main_report: Report) -> None:
    missed = [t for label, got, t in main_report.errors if label == "safety"]
    assert main_report.safety_recall == 1.0, missed


def test_record_recall_is_at_least_95_percent(main_report: Report) -> None:
    assert main_report.record_recall >= 0.95


def test_at_most_5_percent_of_private_sentences_are_flagged(main_report: Report) -> None:
    assert main_report.false_flag_rate <= 0.05


@pytest.mark.parametrize("name", TUNED_FILES)
def test_at_most_5_percent_false_flags_on_every_corpus_file(name: str) -> None:
    report = evaluate(CORPUS_DIR / name)
    flagged = [t for label, got, t in report.errors if label == "private"]
    assert report.false_flag_rate <= 0.05, flagged


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_corpus_rows_are_well_formed(name: str) -> None:
    rows = read_corpus(CORPUS_DIR / name)
    assert len(rows) >= (300 if name == "main.jsonl" else 100)
    for row in rows:
        assert set(row) == {"text", "label", "style", "note"}
        assert row["label"] in (*CATEGORIES, "private")
        assert row["style"] in ("terse", "full", "mixed")
    private = sum(row["label"] == "private" for row in rows)
    assert 0.35 <= private / len(rows) <= 0.65  # about half private, half record
    assert {row["style"] for row in rows} == {"terse", "full", "mixed"}


def test_no_corpus_file_repeats_a_sentence_of_another() -> None:
    seen: dict[str, str] = {}
    for name in CORPUS_FILES:
        for row in read_corpus(CORPUS_DIR / name):
            text = row["text"].lower()
            assert text not in seen, f"{name} repeats {seen.get(text)}: {text}"
            seen[text] = name


@pytest.mark.parametrize("name", sorted(_CORPORA.sourced))
def test_sourced_rows_are_well_formed_and_name_their_source(name: str) -> None:
    rows = read_corpus(CORPUS_DIR / name)
    assert len(rows) >= 100
    for row in rows:
        assert set(row) == {"text", "label", "style", "note", "source"}
        assert row["label"] in (*CATEGORIES, "private")
        # a published page, or (rows a held-out writer made up) the labeling rules themselves
        assert row["source"].startswith(("http", "written from the labeling rules"))
