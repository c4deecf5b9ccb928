"""Every file of the corpus gets the verdict its manifest says, with the right notes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from margin.scan import ScanReport, scan_paths
from tests.scan.conftest import CORPUS, leaking_notes

EXPECTED: dict[str, dict[str, object]] = json.loads((CORPUS / "expected.json").read_text())
NOTES = [json.loads(line) for line in (CORPUS / "notes.jsonl").read_text().splitlines()]


@pytest.fixture(scope="module")
def corpus_report(corpus_index) -> ScanReport:
    return scan_paths([CORPUS / "files"], corpus_index)


def test_manifest_lists_every_file_and_only_those() -> None:
    assert sorted(EXPECTED) == sorted(p.name for p in (CORPUS / "files").iterdir())
    verdicts = {entry["verdict"] for entry in EXPECTED.values()}
    assert verdicts == {"clean", "leak", "cannot_verify"}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_verdict(name: str, corpus_report: ScanReport) -> None:
    by_name = {Path(f.path).name: f for f in corpus_report.files}
    report = by_name[name]
    expected = EXPECTED[name]
    assert report.verdict == expected["verdict"], report.reason
    assert sorted(leaking_notes(report)) == expected["notes"]
    if report.verdict == "cannot_verify":
        assert report.reason


def test_report_matches_schema_and_holds_no_private_text(
    corpus_report: ScanReport, report_validator
) -> None:
    document = corpus_report.to_json()
    report_validator.validate(document)
    assert document["verdict"] == "leak"
    serialized = json.dumps(document).casefold()
    for note in NOTES:
        words = note["text"].split()
        for i in range(0, len(words) - 3, 2):
            assert " ".join(words[i : i + 4]).casefold() not in serialized


def test_leak_across_a_page_break_is_one_run(corpus_report: ScanReport) -> None:
    """The running header and footer between the pages do not cut the paragraph."""
    by_name = {Path(f.path).name: f for f in corpus_report.files}
    for name in ("leak_hyphenated_headers.pdf", "leak_chromium.pdf"):
        (leak,) = by_name[name].leaks
        assert leak.where == "page 1 to page 2"
        assert leak.words >= 45
