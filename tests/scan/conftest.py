"""Shared pieces for the export checker's tests."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from margin.cli.scan_cmd import index_from_jsonl
from margin.matcher import FingerprintIndex
from margin.scan import FileReport

CORPUS = Path(__file__).parent / "corpus"
SCHEMA_PATH = Path(__file__).parents[2] / "shared_schema" / "schemas" / "scan-report.json"


@pytest.fixture(scope="session")
def corpus_index() -> FingerprintIndex:
    return index_from_jsonl(CORPUS / "notes.jsonl")


@pytest.fixture(scope="session")
def report_validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def leaking_notes(report: FileReport) -> set[str]:
    """Every note found in a file or anything inside it."""
    found = {leak.note_id for leak in report.leaks}
    for member in report.members:
        found |= leaking_notes(member)
    return found


CORPUS2 = Path(__file__).parent / "corpus2"


@pytest.fixture(scope="session")
def corpus2_index() -> FingerprintIndex:
    return index_from_jsonl(CORPUS2 / "notes.jsonl")


def assert_verdict(found: FileReport, expected: dict[str, object]) -> None:
    """The verdict and the leaking notes a corpus manifest gives for one file."""
    assert found.verdict == expected["verdict"], found.reason
    assert sorted(leaking_notes(found)) == expected["notes"]
    if found.verdict == "cannot_verify":
        assert found.reason


def assert_report_holds_no_private_text(
    document: dict[str, object], validator: jsonschema.Draft202012Validator, notes_path: Path
) -> None:
    """The report meets its schema and quotes no four words in a row of any note."""
    validator.validate(document)
    serialized = json.dumps(document).casefold()
    for line in notes_path.read_text().splitlines():
        words = json.loads(line)["text"].split()
        for i in range(0, len(words) - 3, 2):
            assert " ".join(words[i : i + 4]).casefold() not in serialized
