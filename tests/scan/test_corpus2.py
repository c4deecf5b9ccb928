"""The second corpus, built apart from the first (other producers, people and shapes):
every file gets the verdict its manifest says, with the right notes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from margin.scan import FileReport, ScanReport, scan_paths
from tests.scan.conftest import (
    CORPUS2,
    assert_report_holds_no_private_text,
    assert_verdict,
)

EXPECTED: dict[str, dict[str, object]] = json.loads((CORPUS2 / "expected.json").read_text())


@pytest.fixture(scope="module")
def report(corpus2_index) -> ScanReport:
    return scan_paths([CORPUS2 / "files"], corpus2_index)


@pytest.fixture(scope="module")
def by_name(report: ScanReport) -> dict[str, FileReport]:
    return {Path(f.path).name: f for f in report.files}


def test_manifest_lists_every_file_and_only_those() -> None:
    assert sorted(EXPECTED) == sorted(p.name for p in (CORPUS2 / "files").iterdir())
    kinds = {name.split("_")[0] for name in EXPECTED}
    assert kinds == {"clean", "leak", "cannot"}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_verdict(name: str, by_name: dict[str, FileReport]) -> None:
    assert_verdict(by_name[name], EXPECTED[name])


def test_report_matches_schema_and_holds_no_private_text(
    report: ScanReport, report_validator
) -> None:
    assert_report_holds_no_private_text(report.to_json(), report_validator, CORPUS2 / "notes.jsonl")


def test_a_short_note_cut_by_a_page_break_is_one_leak_over_both_pages(
    by_name: dict[str, FileReport],
) -> None:
    """The footer and the next header are set aside: the 22 words read as one run."""
    (leak,) = by_name["leak_rl_short_note_page_break.pdf"].leaks
    assert leak.where == "page 1 to page 2"
    assert leak.words == 22


def test_where_says_which_part_held_the_note(by_name: dict[str, FileReport]) -> None:
    def places(name: str) -> set[str]:
        return {leak.where for leak in by_name[name].leaks}

    assert places("leak_lo_tracked_deletion.docx") == {"body, tracked deletions"}
    assert places("leak_rtf_page_header.rtf") == {"page header"}
    assert places("leak_rtf_footnote.rtf") == {"footnote"}
    assert places("leak_lo_footnote_mid.odt") == {"part content.xml"}
    assert places("leak_rl_freetext.pdf") == {"page 1, comment"}
    assert places("leak_rl_form_field.pdf") == {"page 1, form field"}
    assert places("leak_csv_quoted_cell.csv") == {"row 4"}


def test_reasons_name_what_could_not_be_read(by_name: dict[str, FileReport]) -> None:
    assert "page 2" in (by_name["cannot_lo_garbled_page.pdf"].reason or "")
    assert "password" in (by_name["cannot_lo_password.pdf"].reason or "")
    bad_crc = by_name["cannot_zip_bad_crc.zip"]
    assert [m.verdict for m in bad_crc.members].count("cannot_verify") == 1
