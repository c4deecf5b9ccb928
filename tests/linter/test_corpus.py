"""The corpus aims of issue 8, pinned: these fail when a rule change costs recall."""

from __future__ import annotations

import pytest

from margin.lint import CATEGORIES
from tests.linter.eval import CORPUS_DIR, Report, evaluate, read_corpus


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


@pytest.mark.parametrize("name", ["main.jsonl", "heldout.jsonl"])
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


def test_heldout_does_not_repeat_main_sentences() -> None:
    main = {row["text"].lower() for row in read_corpus(CORPUS_DIR / "main.jsonl")}
    heldout = {row["text"].lower() for row in read_corpus(CORPUS_DIR / "heldout.jsonl")}
    assert not main & heldout
