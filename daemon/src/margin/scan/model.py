"""What readers hand to the checker, and what the checker reports.

A reader turns one file's bytes into text streams (each with a map from offsets to where
the text came from: page, part, section), the problems that stop it from vouching for the
whole file, and embedded files (archive members, attachments) to check in turn. Problems
and places are plain words and never quote the file's text.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from margin.scan.where import Box, passage_boxes

Verdict = Literal["clean", "leak", "cannot_verify"]


@dataclass
class Stream:
    """Text read as one piece (so a paragraph that crosses a page break stays whole)."""

    offsets: list[int] = field(default_factory=list)  # where each place starts in text
    places: list[str] = field(default_factory=list)
    chunks: list[str] = field(default_factory=list)
    length: int = 0
    from_picture: bool = False  # OCR text: matched also through OCR's confusions
    pages: list[int | None] = field(default_factory=list)  # each place's page, if it has one
    word_boxes: list[Box] = field(default_factory=list)  # OCR text: each word's box on its page

    def append(self, place: str, text: str, page: int | None = None) -> None:
        if not text.strip():
            return
        if self.chunks:
            self.chunks.append("\n")
            self.length += 1
        self.offsets.append(self.length)
        self.places.append(place)
        self.pages.append(page)
        self.chunks.append(text)
        self.length += len(text)

    @property
    def text(self) -> str:
        return "".join(self.chunks)

    def place_of(self, start: int, end: int) -> str:
        first = self.places[max(0, bisect_right(self.offsets, start) - 1)]
        last = self.places[max(0, bisect_right(self.offsets, max(start, end - 1)) - 1)]
        return first if first == last else f"{first} to {last}"

    def page_of(self, start: int) -> int | None:
        return self.pages[max(0, bisect_right(self.offsets, start) - 1)]

    def boxes_of(self, start: int, end: int) -> list[Box]:
        """Where the words of text[start:end] lie on their page (OCR text only)."""
        return passage_boxes(self.text, self.word_boxes, start, end) if self.word_boxes else []


@dataclass
class Embedded:
    name: str  # shown in reports: a member path or "attachment 2 (application/pdf)"
    data: bytes
    media_type: str | None = None  # what the container says it is, if it says
    problem: str | None = None  # set when it could not even be taken out of its container


@dataclass
class Extracted:
    streams: list[Stream] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    embedded: list[Embedded] = field(default_factory=list)
    note: str | None = None  # what kind of file it was read as, for the human report
    # Archive members come one at a time, so memory holds one member, not the archive.
    lazy_embedded: Iterator[Embedded] | None = None
    unread_pictures: list[UnreadPicture] = field(default_factory=list)

    def stream(self, place: str, text: str, *, from_picture: bool = False,
               page: int | None = None, boxes: list[Box] | None = None) -> None:
        """Add a text that stands alone (a comment, a field, a footnote, a picture's words,
        with each word's box on its page)."""
        one = Stream(from_picture=from_picture, word_boxes=boxes or [])
        one.append(place, text, page)
        if one.chunks:
            self.streams.append(one)


@dataclass
class UnreadPicture:
    """A picture that keeps its file from being clean: read poorly or not at all."""

    where: str
    page: int
    box: Box

    def to_json(self) -> dict[str, object]:
        return {"where": self.where, "page": self.page, "box": self.box}


@dataclass
class Leak:
    note_id: str
    where: str
    words: int
    page: int | None = None  # the page (or picture frame) it starts on, when it has pages
    boxes: list[Box] = field(default_factory=list)  # where it lies on that page
    # The export's own words that matched, kept only to find them on the page: never reported.
    passage: str = field(default="", repr=False, compare=False)

    def to_json(self) -> dict[str, object]:
        found: dict[str, object] = {"note_id": self.note_id, "where": self.where,
                                    "words": self.words}
        if self.page is not None:
            found["page"] = self.page
            found["boxes"] = self.boxes
        return found


@dataclass
class RecordContent:
    """Words of a private note found in the file that are record content by the
    misplacement linter's rules (safety above all): documentation, not a leak (issue 21)."""

    note_id: str
    where: str
    words: int
    category: str

    def to_json(self) -> dict[str, object]:
        return {"note_id": self.note_id, "where": self.where, "words": self.words,
                "category": self.category,
                "message": "From your private note; it belongs in the record."}


@dataclass
class FileReport:
    path: str
    verdict: Verdict
    reason: str | None
    leaks: list[Leak] = field(default_factory=list)
    members: list[FileReport] = field(default_factory=list)
    kind: str | None = None
    record_content: list[RecordContent] = field(default_factory=list)
    unread_pictures: list[UnreadPicture] = field(default_factory=list)
    thumbnails: dict[int, str] = field(default_factory=dict)  # page -> PNG data URL, on request

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FileReport:
        """The report as the daemon sent it (for `margin scan` through the daemon)."""
        return cls(
            path=data["path"],
            verdict=data["verdict"],
            reason=data["reason"],
            leaks=[Leak(leak["note_id"], leak["where"], leak["words"], leak.get("page"),
                        leak.get("boxes", [])) for leak in data["leaks"]],
            members=[cls.from_json(m) for m in data["members"]],
            record_content=[RecordContent(r["note_id"], r["where"], r["words"], r["category"])
                            for r in data.get("record_content", [])],
            unread_pictures=[UnreadPicture(u["where"], u["page"], u["box"])
                             for u in data.get("unread_pictures", [])],
        )

    def to_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "verdict": self.verdict,
            "reason": self.reason,
            "leaks": [leak.to_json() for leak in self.leaks],
            "members": [member.to_json() for member in self.members],
            **({"record_content": [r.to_json() for r in self.record_content]}
               if self.record_content else {}),
            **({"unread_pictures": [u.to_json() for u in self.unread_pictures]}
               if self.unread_pictures else {}),
            **({"thumbnails": {str(page): url for page, url in self.thumbnails.items()}}
               if self.thumbnails else {}),
        }


def combine(verdicts: list[Verdict]) -> Verdict:
    """Leak beats cannot_verify beats clean: one unread part keeps a file from being clean."""
    if "leak" in verdicts:
        return "leak"
    if "cannot_verify" in verdicts:
        return "cannot_verify"
    return "clean"


@dataclass
class ScanReport:
    files: list[FileReport]
    min_words: int

    @property
    def verdict(self) -> Verdict:
        return combine([f.verdict for f in self.files])

    @classmethod
    def from_json(cls, data: dict[str, Any], min_words: int) -> ScanReport:
        return cls([FileReport.from_json(f) for f in data["files"]], min_words)

    def to_json(self) -> dict[str, object]:
        return {"verdict": self.verdict, "files": [f.to_json() for f in self.files]}

    @property
    def exit_code(self) -> int:
        return {"clean": 0, "leak": 1, "cannot_verify": 3}[self.verdict]
