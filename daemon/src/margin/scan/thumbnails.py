"""Pages as small pictures, and a passage's place on its page, inside the worker process.

For the vault page's "Show where" (issue 17): a leak or an unread picture is shown on a
thumbnail of its page, rendered by PDFium (the library that read the PDF) or decoded by
Pillow (the one that read the picture), in the worker, under its time and memory bounds.
A thumbnail is a small gray PNG, made only when the extension asks for it.
"""

from __future__ import annotations

import base64
import io
from typing import Any

WIDTH = 360  # pixels across: enough to see where, too few to read a paragraph comfortably
_SHORTEST_LINE = 4  # characters: shorter lines of a passage are too common to look for


def _png(picture: Any) -> str:
    from PIL import ImageOps

    picture.thumbnail((WIDTH, WIDTH * 2))
    # Four grays, the darkest ink made black: enough to see a page's layout by, and a noisy
    # scan's PNG stays near 10 kB.
    gray = ImageOps.autocontrast(picture.convert("L"), cutoff=(0.5, 0))
    out = io.BytesIO()
    four = ImageOps.posterize(gray, 2).point(lambda v: v * 4 // 3)  # 0, 85, 170, 255
    four.quantize(4).save(out, format="PNG", optimize=True, bits=2)
    return "data:image/png;base64," + base64.b64encode(out.getvalue()).decode()


def page_thumbnail(pdf: Any, index: int) -> str:
    page = pdf[index]
    try:
        scale = WIDTH / max(1.0, page.get_width())
        bitmap = page.render(scale=scale, grayscale=True, may_draw_forms=False)
        return _png(bitmap.to_pil())
    finally:
        page.close()


def passage_boxes(pdf: Any, index: int, lines: list[str]) -> list[list[float]]:
    """Where the lines of a matched passage lie on the page, as fractions of the page (each
    line looked for after the one before). None found on a turned page: its text positions
    are not those of the page as shown."""
    page = pdf[index]
    textpage = page.get_textpage()
    try:
        if page.get_rotation():
            return []
        left, _, _, top = page.get_bbox()
        width, height = page.get_width(), page.get_height()
        boxes, after = [], 0
        for line in (line.strip() for line in lines):
            if len(line) < _SHORTEST_LINE:
                continue
            hit = textpage.search(line, index=after).get_next()
            if hit is None:
                continue
            start, count = hit
            after = start + count
            for rect in range(textpage.count_rects(start, count)):
                x0, y0, x1, y1 = textpage.get_rect(rect)
                boxes.append([round(min(1.0, max(0.0, v)), 4) for v in (
                    (x0 - left) / width, (top - y1) / height,
                    (x1 - left) / width, (top - y0) / height)])
        return boxes
    finally:
        textpage.close()
        page.close()


def locate_in_pdf(pdf: Any, passages: list[list[Any]], pages: list[int]) -> dict[str, Any]:
    """Boxes of each (page index, lines) passage, and thumbnails of the pages (indexes)."""
    return {
        "boxes": [passage_boxes(pdf, index, lines) for index, lines in passages],
        "thumbnails": {str(index + 1): page_thumbnail(pdf, index) for index in pages},
    }


def picture_thumbnails(data: bytes, frames: list[int]) -> dict[str, Any]:
    """Thumbnails of frames (numbered from 1) of a picture file."""
    from PIL import Image, ImageSequence

    from margin.scan.picture_read import MAX_PIXELS, _gray

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    picture = Image.open(io.BytesIO(data))
    wanted, found = set(frames), {}
    for number, frame in enumerate(ImageSequence.Iterator(picture), start=1):
        if number > max(wanted):
            break
        if number in wanted:
            found[str(number)] = _png(_gray(frame))  # as it was read: transparency as paper
    return {"thumbnails": found}
