"""Review past progress notes for over-sharing: text files and EHR exports.

Files are read with the export checker's readers (margin.scan), so every format it reads is
reviewed: each document, section or note the format keeps apart is checked as its own
note, and the findings' offsets point into the file's text as read (for a plain text file,
its text; for an export, its documents' texts one after another, a blank line between).
Parts the readers cannot read are reported, never silently passed.

Given the private notes' fingerprint index, the same pass is the export check too, with the
guard's rule (agreement.py): a passage from a private note that is record content by the
linter's rules is reported apart, as documentation, and only the rest as leaks.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from margin.errors import ScanPathNotFound
from margin.lint import Finding
from margin.matcher import EXPORT_MIN_WORDS, FingerprintIndex
from margin.oversharing.agreement import record_filter
from margin.oversharing.engine import OversharingCheck, default_check
from margin.scan import Scanner
from margin.scan.model import Extracted, FileReport, Leak, RecordContent, Stream

_BETWEEN_DOCUMENTS = "\n\n"


@dataclass
class ReviewedFile:
    """One file given: its text as read, the over-sharing findings, and what went unread."""

    path: str
    text: str = ""
    findings: list[Finding] = field(default_factory=list)
    places: list[str] = field(default_factory=list)  # where each finding is, in plain words
    unreadable: str | None = None  # why some part could not be read, or None
    verdict: FileReport | None = None  # the export check's, when the notes were compared
    documented: list[dict[str, Any]] = field(default_factory=list)  # record content found

    def to_json(self) -> dict[str, Any]:
        leak = None
        if self.verdict is not None:
            leak = {**self.verdict.to_json(), "record_content": self.documented}
        return {"path": self.path, "findings": [f.as_dict() for f in self.findings],
                "leak": leak}


class _DocumentReader(Scanner):
    """The export checker's readers (and, given an index, its matching, record content kept
    apart as the guard keeps it), collecting each document's text streams with the member
    they came from, for the over-sharing check."""

    def __init__(self, index: FingerprintIndex | None) -> None:
        super().__init__(index or FingerprintIndex(os.urandom(32)), min_words=EXPORT_MIN_WORDS,
                         record_content=record_filter if index is not None else None)
        self.compare = index is not None
        self.documents: list[tuple[str, Stream]] = []
        self._current = ""  # the file or member being read

    def scan_bytes(self, name: str, data: bytes, **options: Any) -> FileReport:
        # _match runs right after this file's reading, before its members are read in turn.
        self._current = name
        return super().scan_bytes(name, data, **options)

    def _match(self, extracted: Extracted) -> tuple[list[Leak], list[RecordContent]]:
        self.documents += [(self._current, stream) for stream in extracted.streams]
        return super()._match(extracted) if self.compare else ([], [])


def review_paths(paths: list[Path], check: OversharingCheck | None = None, *,
                 index: FingerprintIndex | None = None) -> list[ReviewedFile]:
    """Review each file given (folders: every file inside); a missing path is an error.
    With `index` (the private notes' fingerprints), each file is export-checked as well."""
    check = check or default_check()
    files = _expand(paths)
    reader = _DocumentReader(index)
    try:
        return [_review_file(reader, check, path) for path in files]
    finally:
        reader.close()  # its PDF worker process


def _review_file(reader: _DocumentReader, check: OversharingCheck, path: Path) -> ReviewedFile:
    reader.documents = []
    report = reader.scan_file(path, str(path))
    reviewed = ReviewedFile(str(path), documented=_documented(report))
    pieces: list[str] = []
    base = 0
    for member, stream in reader.documents:
        text = stream.text
        for finding in check.check(text):
            reviewed.findings.append(Finding(finding.start + base, finding.end + base,
                                             finding.category, finding.severity,
                                             finding.message))
            place = stream.place_of(finding.start, finding.end)
            reviewed.places.append(place if member == str(path) else f"{member}, {place}")
        pieces.append(text)
        base += len(text) + len(_BETWEEN_DOCUMENTS)
    reviewed.text = _BETWEEN_DOCUMENTS.join(pieces)
    if reader.compare:
        reviewed.verdict = report
    if report.verdict == "cannot_verify":
        reviewed.unreadable = "; ".join(_unread(report)) or "part of it could not be read"
    return reviewed


def _documented(report: FileReport, inside: str | None = None) -> list[dict[str, Any]]:
    """Record content found anywhere in the file, each placed (member, then place)."""
    found = []
    for item in report.record_content:
        shown = item.to_json()
        if inside is not None:
            shown["where"] = f"{report.path}, {item.where}"
        found.append(shown)
    for member in report.members:
        found += _documented(member, member.path)
    return found


def _unread(report: FileReport) -> list[str]:
    """Each part that could not be read, named, with the reader's reason in plain words."""
    found = [f"{report.path}: {report.reason}"] if report.reason and not report.members else []
    for member in report.members:
        found += _unread(member)
    return found


def _expand(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            for folder, dirnames, filenames in os.walk(path):
                dirnames.sort()
                files += [Path(folder) / name for name in sorted(filenames)
                          if (Path(folder) / name).is_file()]
        elif path.exists():
            files.append(path)
        else:
            raise ScanPathNotFound(f"There is no file or folder at {path}.")
    return files
