"""PDF files: the worker's findings (text, pictures read with OCR) turned into streams,
problems and attachments."""

from __future__ import annotations

from margin.scan.headers import set_aside_running_lines
from margin.scan.model import Embedded, Extracted, Stream
from margin.scan.pdf_worker import PdfWorker
from margin.scan.picture_text import read_pdf_pictures


def read_pdf_file(data: bytes, worker: PdfWorker, ocr_seconds: float) -> Extracted:
    found = worker.read(data)
    out = Extracted(note="PDF")
    if "failure" in found:
        out.problems.append(found["failure"])
        return out
    out.problems.extend(found["problems"])
    pages = [page.rstrip() for page in found["pages"]]
    # PDFium ends lines with CR LF; one line break keeps a line-end hyphen joinable.
    pages = [page.replace("\r\n", "\n") for page in pages]
    body_pages, running_lines = set_aside_running_lines(pages)
    body = Stream()
    for number, text in enumerate(body_pages, start=1):
        body.append(f"page {number}", text.strip(), number)
    if body.chunks:
        out.streams.append(body)
    if running_lines:
        out.stream("page headers and footers", "\n".join(running_lines))
    for place, text in found["extras"]:
        out.stream(place, text)
    read_pdf_pictures(out, found["pictures"], worker, ocr_seconds)
    for name, blob in found["attachments"]:
        out.embedded.append(Embedded(name, blob))
    if pages:
        out.note = f"PDF, {len(pages)} page{'s' if len(pages) != 1 else ''}"
    return out
