"""OCR readings from the worker turned into text to match and honest problems.

A picture read well adds its words as a text of its own (matched also through OCR's
confusions); a decorative one adds nothing; a picture read poorly adds what was read and a
problem saying why; pictures that could not be read at all (OCR not installed, a damaged
picture) are listed under one reason.
"""

from __future__ import annotations

import time
from typing import Any

from margin.scan.model import Extracted
from margin.scan.pdf_worker import PdfWorker

_NOT_READ = ("unavailable", "undecodable")


def add_readings(out: Extracted, place: str, readings: list[dict[str, Any]]) -> None:
    unread: dict[str, list[str]] = {}
    for number, found in enumerate(readings, start=1):
        where = place if len(readings) == 1 else f"{place} {number}"
        if found["text"].strip():
            out.stream(where, found["text"], from_picture=True)
        if found["status"] == "poor":
            out.problems.append(f"{where}: {found['why']}")
        elif found["status"] in _NOT_READ:
            unread.setdefault(found["why"], []).append(where)
    for why, places in unread.items():
        out.problems.append(f"{why}; not read: {', '.join(places)}")


def read_pdf_pictures(
    out: Extracted, pictures: list[Any], worker: PdfWorker, ocr_seconds: float
) -> None:
    """Each page's pictures, one page at a time, within the file's OCR time budget."""
    deadline = time.monotonic() + ocr_seconds
    for done, (index, regions) in enumerate(pictures):
        if time.monotonic() > deadline:
            left = ", ".join(str(i + 1) for i, _ in pictures[done:])
            out.problems.append(
                f"pictures on pages {left} were not read (time limit for pictures reached)"
            )
            return
        found = worker.read_page_pictures(index, regions)
        if "failure" in found:  # the worker was stopped: the PDF is no longer open there
            left = ", ".join(str(i + 1) for i, _ in pictures[done:])
            out.problems.append(f"pictures on pages {left} were not read: {found['failure']}")
            return
        add_readings(out, f"page {index + 1}, picture", found["readings"])


def read_picture_file(data: bytes, label: str, worker: PdfWorker) -> Extracted:
    out = Extracted(note=label)
    found = worker.read_picture(data)
    if "failure" in found:
        out.problems.append(found["failure"])
        return out
    add_readings(out, "picture" if len(found["readings"]) == 1 else "picture page",
                 found["readings"])  # fmt: skip
    return out
