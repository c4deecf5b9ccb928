"""OCR readings from the worker turned into text to match and honest problems.

A picture read well adds its words as a text of its own (matched also through OCR's
confusions); a decorative one adds nothing; a picture read poorly adds what was read and a
problem saying why; pictures that could not be read at all (OCR not installed, a damaged
picture) are listed under one reason.
"""

from __future__ import annotations

import time
from typing import Any

from margin.scan import progress
from margin.scan.model import Extracted, UnreadPicture
from margin.scan.ocr import THREADS
from margin.scan.pdf_worker import PdfWorker

_NOT_READ = ("unavailable", "undecodable")
_WHOLE = [0.0, 0.0, 1.0, 1.0]  # a picture file's frame: its whole page


def add_readings(
    out: Extracted, place: str, readings: list[dict[str, Any]], page: int | None = None
) -> list[str]:
    """Streams and problems of read pictures (on ``page`` of a PDF, else each picture a page
    of its own); returns why each unread picture was not read."""
    unread: list[str] = []
    for number, found in enumerate(readings, start=1):
        where = place if len(readings) == 1 else f"{place} {number}"
        shown_on = page or number
        if found["text"].strip():
            out.stream(where, found["text"], from_picture=True, page=shown_on,
                       boxes=found.get("boxes"))
        if found["status"] == "poor":
            out.problems.append(f"{where}: {found['why']}")
        elif found["status"] in _NOT_READ:
            unread.append(found["why"])
        if found["status"] == "poor" or found["status"] in _NOT_READ:
            out.unread_pictures.append(
                UnreadPicture(where, shown_on, found.get("frame", _WHOLE)))
    return unread


def page_list(numbers: list[int]) -> str:
    """1, 2, 3, 7 -> "1-3, 7": a long scanned PDF gives a short reason."""
    spans: list[list[int]] = []
    for number in sorted(set(numbers)):
        if spans and number == spans[-1][1] + 1:
            spans[-1][1] = number
        else:
            spans.append([number, number])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in spans)


def read_pdf_pictures(
    out: Extracted, pictures: list[Any], worker: PdfWorker, ocr_seconds: float
) -> None:
    """Each page's pictures, a few pages at a time (read in parallel), within the file's OCR
    time budget."""
    deadline = time.monotonic() + ocr_seconds
    unread: dict[str, list[int]] = {}
    progress.note("pages", found=len(pictures))
    for done in range(0, len(pictures), THREADS):
        batch = pictures[done : done + THREADS]
        found: dict[str, Any] = {"failure": "the time limit for pictures was reached"}
        if time.monotonic() <= deadline:
            found = worker.read_pages_pictures(batch)
        if "failure" in found:  # out of time, or the worker stopped (the PDF closed with it)
            unread.setdefault(found["failure"], []).extend(i + 1 for i, _ in pictures[done:])
            # Not rendered, so not placed: the whole page is outlined.
            out.unread_pictures += [UnreadPicture(f"page {index + 1}, picture", index + 1, _WHOLE)
                                    for index, _ in pictures[done:]]
            progress.note("pages", done=len(pictures) - done)
            break
        progress.note("pages", done=len(batch))
        for (index, _), page in zip(batch, found["pages"], strict=True):
            for why in add_readings(out, f"page {index + 1}, picture", page["readings"],
                                    index + 1):
                unread.setdefault(why, []).append(index + 1)
    for why, pages in unread.items():
        out.problems.append(f"{why}; the pictures on page{'s' if len(pages) > 1 else ''} "
                            f"{page_list(pages)} were not read")  # fmt: skip


def read_picture_file(data: bytes, label: str, worker: PdfWorker) -> Extracted:
    out = Extracted(note=label)
    found = worker.read_picture(data)
    if "failure" in found:
        out.problems.append(found["failure"])
        return out
    frames = found["readings"]
    unread = add_readings(out, "picture" if len(frames) == 1 else "picture page", frames)
    for why in dict.fromkeys(unread):
        out.problems.append(why)
    return out
