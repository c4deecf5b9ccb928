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
