"""The export checker: read every part of every file, match, and give an honest verdict."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from margin.errors import ScanPathNotFound
from margin.matcher import EXPORT_MIN_WORDS, FingerprintIndex, Match
from margin.paths import given_path
from margin.scan import progress
from margin.scan.archive import ArchiveProblem, Budget, read_zip
from margin.scan.clinical import parse_json, read_ccda, read_fhir, read_xml
from margin.scan.detect import Kind, detect
from margin.scan.html_reader import read_html
from margin.scan.model import (
    Embedded,
    Extracted,
    FileReport,
    Leak,
    RecordContent,
    ScanReport,
    Verdict,
    combine,
)
from margin.scan.office import read_office
from margin.scan.pdf_reader import read_pdf_file
from margin.scan.pdf_worker import PdfWorker
from margin.scan.picture_text import read_picture_file
from margin.scan.pictures import may_show_text_size, picture_size
from margin.scan.plain import decode_text, looks_like_text, read_csv, read_text, utf8_if_wide
from margin.scan.rtf_reader import read_rtf
from margin.scan.show_where import show_where
from margin.scan.xmltext import XmlUnreadable, parse

ByteReader = Callable[[bytes, str, Budget], Extracted]
# Kinds read as text once decoded; every other kind has a byte reader (Scanner._byte_readers).
TEXT_READERS: dict[Kind, Callable[[str], Extracted]] = {
    "html": read_html,
    "json": lambda text: read_fhir(parse_json(text)),
    "csv": read_csv,
    "text": read_text,
    "maybe_text": read_text,
}


# Given a stream's matches and its text, the matches that are record content by the
# misplacement linter's rules, each with its category (margin.oversharing.agreement): they
# are reported apart from leaks. The scan package does not import the linter itself.
RecordFilter = Callable[[list[Match], str], list[tuple[Match, str]]]


@dataclass(frozen=True)
class Limits:
    """Bounds that keep a hostile file from exhausting the machine; hitting one is reported."""

    max_depth: int = 8  # archives and attachments inside each other
    max_unpacked_bytes: int = 1 << 30  # all that one given file unpacks to
    max_members: int = 50_000
    max_file_bytes: int = 2 << 30
    pdf_seconds: float = 120.0  # one PDF's text, one page's pictures, one picture file
    pdf_memory_bytes: int = 3 << 30
    ocr_seconds: float = 600.0  # all the pictures of one PDF


class Scanner:
    """Checks files against the private notes; one PDF worker process serves the whole scan."""

    def __init__(
        self,
        index: FingerprintIndex,
        *,
        min_words: int = EXPORT_MIN_WORDS,
        limits: Limits | None = None,
        record_content: RecordFilter | None = None,
        locate: bool = False,
    ):
        if min_words < index.guaranteed_words:
            raise ValueError(f"min_words must be at least {index.guaranteed_words}")
        self.index = index
        self.min_words = min_words
        self.limits = limits or Limits()
        self.record_content = record_content
        self.locate = locate  # place text leaks on their pages and add page thumbnails
        self._worker = PdfWorker(
            timeout_seconds=self.limits.pdf_seconds, max_memory_bytes=self.limits.pdf_memory_bytes
        )

    def close(self) -> None:
        self._worker.close()

    def __enter__(self) -> Scanner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- files ---------------------------------------------------------------------------

    def scan_file(self, path: Path, shown_as: str | None = None) -> FileReport:
        shown = shown_as or str(path)
        progress.note("files", found=1)
        try:
            size = path.stat().st_size
            if size > self.limits.max_file_bytes:
                return FileReport(
                    shown, "cannot_verify", "it is larger than Margin checks (size limit reached)"
                )
            data = path.read_bytes()
        except OSError:
            return FileReport(shown, "cannot_verify", "it could not be opened (no permission?)")
        budget = Budget(self.limits.max_unpacked_bytes, self.limits.max_members)
        return self.scan_bytes(shown, data, budget=budget)

    def scan_upload(self, name: str, data: bytes) -> FileReport:
        """A file given as bytes (dropped on the vault page), counted as one file."""
        progress.note("files", found=1)
        return self.scan_bytes(name, data)

    def scan_bytes(
        self,
        name: str,
        data: bytes,
        *,
        media_type: str | None = None,
        budget: Budget | None = None,
        depth: int = 0,
    ) -> FileReport:
        budget = budget or Budget(self.limits.max_unpacked_bytes, self.limits.max_members)
        data = utf8_if_wide(data)
        kind, label = detect(data, name, media_type)
        extracted = self._read(kind, label, data, budget)
        leaks, documented = self._match(extracted)
        thumbnails: dict[int, str] = {}
        if self.locate:  # now, while the worker holds this file and not one inside it
            thumbnails = show_where(kind, data, leaks, extracted.unread_pictures, self._worker)
        members: list[FileReport] = []
        progress.note("files", found=len(extracted.embedded))
        for item in extracted.embedded:
            members.append(self._member(item, budget, depth + 1))
            progress.note("files", done=1)
        for item in extracted.lazy_embedded or ():  # unpacked one at a time (counted by the reader)
            members.append(self._member(item, budget, depth + 1))
            progress.note("files", done=1)
        if depth == 0:
            progress.note("files", done=1)
        report = _judge(name, extracted, leaks, members)
        report.record_content = documented
        report.unread_pictures = extracted.unread_pictures
        report.thumbnails = thumbnails
        return report

    def _member(self, item: Embedded, budget: Budget, depth: int) -> FileReport:
        if item.problem:
            return FileReport(item.name, "cannot_verify", item.problem)
        if depth > self.limits.max_depth:
            return FileReport(
                item.name,
                "cannot_verify",
                "it is nested too deeply inside other files (limit reached)",
            )
        return self.scan_bytes(
            item.name, item.data, media_type=item.media_type, budget=budget, depth=depth
        )

    # --- reading ---------------------------------------------------------------------------

    def _read(self, kind: Kind, label: str, data: bytes, budget: Budget) -> Extracted:
        try:
            return self._read_kind(kind, label, data, budget)
        except (XmlUnreadable, ArchiveProblem) as exc:
            return Extracted(note=label, problems=[str(exc)])
        except (RecursionError, json.JSONDecodeError, UnicodeDecodeError):
            return Extracted(note=label, problems=["it is damaged or nested too deeply to read"])
        except MemoryError:
            return Extracted(note=label, problems=["it needs more memory than Margin allows"])
        except Exception:
            return Extracted(note=label, problems=["Margin could not read it (damaged or unusual)"])

    def _read_kind(self, kind: Kind, label: str, data: bytes, budget: Budget) -> Extracted:
        read_bytes = self._byte_readers().get(kind)
        if read_bytes is not None:
            return read_bytes(data, label, budget)
        text = decode_text(data, guess=kind != "maybe_text")
        if text is None or (kind == "maybe_text" and not looks_like_text(text)):
            return Extracted(note=label, problems=["it is in a format Margin does not know"])
        return TEXT_READERS[kind](text)

    def _byte_readers(self) -> dict[Kind, ByteReader]:
        """The readers of each kind that is not text: (data, label, budget) -> Extracted."""
        return {
            "empty": lambda data, label, budget: Extracted(note=label),
            "pdf": lambda data, label, budget: read_pdf_file(
                data, self._worker, self.limits.ocr_seconds
            ),
            "zip": lambda data, label, budget: read_zip(data, budget),
            "docx": lambda data, label, budget: read_office(data, budget, label),
            "office": lambda data, label, budget: read_office(data, budget, label),
            "rtf": lambda data, label, budget: read_rtf(data),
            "ccda": lambda data, label, budget: read_ccda(parse(data), budget),
            "xml": lambda data, label, budget: read_xml(parse(data)),
            "image": lambda data, label, budget: self._read_picture(data, label),
            "unknown": lambda data, label, budget: Extracted(
                note=label, problems=[f"it is {label}, which Margin cannot read"]),
        }

    def _read_picture(self, data: bytes, label: str) -> Extracted:
        size = picture_size(data)
        if size is not None and min(size) > 0 and not may_show_text_size(*size):
            return Extracted(note=label)  # an icon or a small logo: too small to hold a line
        # A picture claiming no pixels at all is damaged: the reader says it cannot decode it.
        return read_picture_file(data, label, self._worker)

    def _match(self, extracted: Extracted) -> tuple[list[Leak], list[RecordContent]]:
        """Leaks, and (with a record-content filter) the matches that are documentation."""
        best: dict[tuple[str, str], Leak] = {}
        documented: list[RecordContent] = []
        for stream in extracted.streams:
            text = stream.text
            matches = self.index.match(text, self.min_words)
            if stream.from_picture:
                matches += self.index.match_ocr(text, self.min_words)
            if self.record_content is not None and matches:
                recorded = self.record_content(matches, text)
                kept = {id(match) for match, _ in recorded}
                documented += [RecordContent(m.note_id, stream.place_of(m.start, m.end),
                                             m.words, category) for m, category in recorded]
                matches = [m for m in matches if id(m) not in kept]
            for match in matches:
                where = stream.place_of(match.start, match.end)
                key = (match.note_id, where)
                if key not in best or best[key].words < match.words:
                    best[key] = Leak(match.note_id, where, match.words,
                                     stream.page_of(match.start),
                                     stream.boxes_of(match.start, match.end),
                                     text[match.start : match.end])
        return list(best.values()), documented


def _judge(
    name: str, extracted: Extracted, leaks: list[Leak], members: list[FileReport]
) -> FileReport:
    own: Verdict = "leak" if leaks else "cannot_verify" if extracted.problems else "clean"
    verdict = combine([own, *(m.verdict for m in members)])
    reasons = list(dict.fromkeys(extracted.problems))
    unchecked = sum(1 for m in members if m.verdict == "cannot_verify")
    if unchecked:
        reasons.append(f"{unchecked} of {len(members)} files inside could not be checked")
    reason = "; ".join(reasons) if verdict != "clean" and reasons else None
    return FileReport(name, verdict, reason, leaks, members, kind=extracted.note)


def _expand(paths: list[Path]) -> list[tuple[Path, str]]:
    files: list[tuple[Path, str]] = []
    for given in paths:
        path = given_path(given, resolve=False)
        if path.is_dir():
            for folder, dirnames, filenames in os.walk(path):
                dirnames.sort()
                for filename in sorted(filenames):
                    full = Path(folder) / filename
                    if full.is_file():
                        files.append((full, str(full)))
        elif path.exists():
            files.append((path, str(path)))
        else:
            raise ScanPathNotFound(f"There is no file or folder at {path}.")
    return files


def scan_paths(
    paths: list[Path] | list[str],
    index: FingerprintIndex,
    *,
    min_words: int = EXPORT_MIN_WORDS,
    limits: Limits | None = None,
    record_content: RecordFilter | None = None,
) -> ScanReport:
    """Check files and folders (recursively) against the private notes in ``index``."""
    files = _expand([Path(p) for p in paths])
    with Scanner(index, min_words=min_words, limits=limits,
                 record_content=record_content) as scanner:
        return ScanReport([scanner.scan_file(path, shown) for path, shown in files], min_words)
