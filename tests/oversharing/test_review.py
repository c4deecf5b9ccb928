"""Reviewing past progress notes in files: plain text, HTML and a zipped export, with the
export checker's readers; offsets into the text as read; unreadable parts reported."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import jsonschema
import pytest

from margin.errors import ScanPathNotFound
from margin.matcher import FingerprintIndex
from margin.oversharing.report import exit_code, to_json
from margin.oversharing.review import review_paths

ROOT = Path(__file__).resolve().parents[2]

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
    assert reviewed.to_json()["leak"] is None


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


def test_with_the_notes_record_content_is_reported_apart_from_leaks(tmp_path: Path) -> None:
    risk = ("She said she has been saving her sleeping pills in a jar and thinks about taking "
            "them all at once when the kids are at their father's.")
    hunch = ("I keep wondering whether her lateness is a test of whether I will abandon her the "
             "way her father left when she was seven years old.")
    index = FingerprintIndex(os.urandom(32))
    index.add("note-1", f"{risk}\n{hunch}\n")
    documented_only = tmp_path / "safety.txt"
    documented_only.write_text(f"Session 50 min.\n{risk}\nSafety plan reviewed.\n")
    leaking = tmp_path / "hunch.txt"
    leaking.write_text(f"Client engaged.\n{hunch}\n")
    clean = tmp_path / "clean.txt"
    clean.write_text("Client engaged. Plan: continue weekly sessions.\n")
    first, second, third = review_paths([documented_only, leaking, clean], index=index)
    assert first.verdict is not None and first.verdict.verdict == "clean"
    [record] = first.documented
    assert record["note_id"] == "note-1" and record["category"] == "safety"
    assert second.verdict is not None and second.verdict.verdict == "leak"
    assert second.documented == []
    assert third.to_json()["leak"] == {"path": str(clean), "verdict": "clean", "reason": None,
                                       "leaks": [], "members": [], "record_content": []}


def test_the_cli_report_meets_its_schema(tmp_path: Path) -> None:
    schema = json.loads((ROOT / "shared_schema/schemas/review-response.json").read_text())
    cli_report = {"$ref": "#/$defs/cliReport", "$defs": schema["$defs"]}
    note = tmp_path / "note.txt"
    note.write_text(NOTE)
    index = FingerprintIndex(os.urandom(32))
    index.add("n1", "Nothing in common with anything written here at all, truly nothing.")
    for compared in (None, index):
        files = review_paths([note], index=compared)
        jsonschema.validate(to_json(files), cli_report)
        assert exit_code(files) == 1
    note.write_text("Client engaged. Plan: continue weekly sessions.\n")
    assert exit_code(review_paths([note])) == 0
