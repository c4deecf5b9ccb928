"""Real exports written by others (../shared/real_exports beside the repository): the 98 as-is
files are clean or an honest "cannot verify", the 23 with an injected paragraph are leaks
naming its note, and the picture of a private paragraph on a PDF text page is read.

The same files are also checked with every text matched as if OCR had read it (through the
letter matcher's confusions and joins), which must raise no false leak either.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from margin.cli.scan_cmd import index_from_jsonl
from margin.matcher import FingerprintIndex
from margin.scan import FileReport, ScanReport, scan_paths
from tests.scan.conftest import leaking_notes

_ROOT = Path(__file__).parents[2]
# Beside the repository (../shared), or beside the folder of worktrees it is checked out in.
REAL = next(
    (p for p in (_ROOT.parent / "shared" / "real_exports",
                 _ROOT.parent.parent / "shared" / "real_exports") if p.is_dir()),
    _ROOT.parent / "shared" / "real_exports",
)  # fmt: skip
pytestmark = pytest.mark.skipif(
    not (REAL / "manifest.json").is_file(), reason="the shared real exports are not beside the repo"
)


def _manifest() -> list[dict[str, object]]:
    if not (REAL / "manifest.json").is_file():
        return []
    files: list[dict[str, object]] = json.loads((REAL / "manifest.json").read_text())["files"]
    return files


@pytest.fixture(scope="module")
def real_index() -> FingerprintIndex:
    return index_from_jsonl(REAL / "private_notes.jsonl")


def _scan(index: FingerprintIndex) -> dict[str, FileReport]:
    paths = [REAL / str(entry["path"]) for entry in _manifest()]
    report: ScanReport = scan_paths(paths, index)
    return {str(Path(f.path).relative_to(REAL)): f for f in report.files}


@pytest.fixture(scope="module")
def reports(real_index: FingerprintIndex) -> dict[str, FileReport]:
    return _scan(real_index)


@pytest.fixture(scope="module")
def reports_all_as_ocr(real_index: FingerprintIndex) -> dict[str, FileReport]:
    """Every text also through the letter matcher, as if OCR had read all of it."""
    original = FingerprintIndex.match

    def both(self: FingerprintIndex, text: str, min_words: int = 8) -> list:  # type: ignore[type-arg]
        return original(self, text, min_words) + self.match_ocr(text, min_words)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(FingerprintIndex, "match", both)
        return _scan(real_index)


def _expected(entry: dict[str, object]) -> tuple[str, list[str]]:
    if entry["expect"] == "clean_or_cannot_verify":
        return "clean_or_cannot_verify", []
    return "leak", [str(entry["private_id"])]


@pytest.mark.parametrize("entry", _manifest(), ids=lambda e: str(e["path"]))
def test_real_export(entry: dict[str, object], reports, reports_all_as_ocr) -> None:
    expect, notes = _expected(entry)
    for found in (reports[str(entry["path"])], reports_all_as_ocr[str(entry["path"])]):
        if expect == "leak":
            assert found.verdict == "leak", found.reason
            assert sorted(leaking_notes(found)) == notes
        else:
            assert found.verdict in ("clean", "cannot_verify"), found.leaks
            assert not leaking_notes(found)
            if found.verdict == "cannot_verify":
                assert found.reason
