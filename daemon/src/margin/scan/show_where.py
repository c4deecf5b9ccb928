"""Where each finding of a file lies, for the vault page's "Show where" (issue 17).

OCR findings come with their words' boxes; a leak in a PDF's text is looked for on its
page by the PDF reader; each page holding a leak or an unread picture gets a thumbnail.
All of it is done in the worker while the file's PDF is still open there, before the files
inside it are checked, and only when asked (the vault page asks; `margin scan` does not).
"""

from __future__ import annotations

from margin.scan.detect import Kind
from margin.scan.model import Leak, UnreadPicture
from margin.scan.pdf_worker import PdfWorker

MAX_THUMBNAILS = 12  # pages shown per file; the report still names every page


def show_where(
    kind: Kind, data: bytes, leaks: list[Leak], unread: list[UnreadPicture], worker: PdfWorker
) -> dict[int, str]:
    """Place the text leaks of a PDF on their pages; return thumbnails (page -> data URL)."""
    found_on = {leak.page for leak in leaks if leak.page} | {picture.page for picture in unread}
    pages = sorted(page for page in found_on if page is not None)[:MAX_THUMBNAILS]
    if not pages or kind not in ("pdf", "image"):
        return {}
    if kind == "image":
        found = worker.picture_thumbnails(data, pages)
    else:
        unplaced = [leak for leak in leaks if leak.page and not leak.boxes and leak.passage]
        found = worker.locate_in_pdf(
            [(leak.page - 1, leak.passage.split("\n")) for leak in unplaced if leak.page],
            [page - 1 for page in pages])
        for leak, boxes in zip(unplaced, found.get("boxes", []), strict=False):
            leak.boxes = boxes
    return {int(page): url for page, url in found.get("thumbnails", {}).items()}
