"""Reviewing past progress notes in files: plain text, HTML and a zipped export, with the
export checker's readers; offsets into the text as read; unreadable parts reported."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from margin.errors import ScanPathNotFound
from margin.oversharing.review import review_paths

NOTE = ("Client engaged, mood \"okay\".\n"
        "I felt irritated when she changed the subject again.\n"
        "Plan: continue weekly CBT.\n")


def test_a_text_file_is_reviewed_with_offsets_into_its_text(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("Ünïcode first line. " + NOTE, encoding="utf-8")
    [reviewed] = review_paths([path])
    assert reviewed.text == path.read_text(encoding="utf-8")
    [finding] = reviewed.findings
    assert reviewed.text[finding.start:finding.end] == \
        "I felt irritated when she changed the subject again."
    assert finding.category == "transference"
    assert reviewed.unreadable is None
    assert reviewed.to_json(None)["leak"] is None


def test_each_document_of_an_export_is_reviewed_and_placed(tmp_path: Path) -> None:
    export = tmp_path / "export.zip"
    with zipfile.ZipFile(export, "w") as archive:
        archive.writestr("2026-11-02.html",
                         "<html><body><p>She dreamed she was a lighthouse keeper on an island "
                         "full of cats.</p></body></html>")
        archive.writestr("2026-11-09.txt", NOTE)
    [reviewed] = review_paths([export])
    found = {(f.category, reviewed.text[f.start:f.end]) for f in reviewed.findings}
    assert ("dream_fantasy", "She dreamed she was a lighthouse keeper on an island full of "
            "cats.") in found
    assert any(c == "transference" for c, _ in found)
    assert any("2026-11-02.html" in place for place in reviewed.places)


def test_a_part_that_cannot_be_read_is_reported(tmp_path: Path) -> None:
    export = tmp_path / "export.zip"
    with zipfile.ZipFile(export, "w") as archive:
        archive.writestr("note.txt", NOTE)
        archive.writestr("scan.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    [reviewed] = review_paths([export])
    assert reviewed.findings
    assert reviewed.unreadable is not None and "picture" in reviewed.unreadable


def test_a_missing_path_is_a_plain_error(tmp_path: Path) -> None:
    with pytest.raises(ScanPathNotFound):
        review_paths([tmp_path / "nowhere.txt"])
