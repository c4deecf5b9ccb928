"""Pictures on a PDF page, found and rendered for OCR inside the worker process.

A scanner may cut a page into strips, and a picture may be drawn over text or under a
mask; so pictures are judged as the regions they cover on the page (touching pictures
merged), and each region is rendered by PDFium as the page shows it, at the resolution of
the pictures drawn there (150 to 300 dpi). A page without pictures costs nothing more.
"""

from __future__ import annotations

import math
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from margin.scan.picture_read import MAX_PIXELS, read_image
from margin.scan.pictures import may_show_text_size
from margin.scan.where import clamped, within

Box = list[float]  # left, bottom, right, top in points, then pixels drawn there
_MIN_DPI, _MAX_DPI = 150, 300
_MAX_REGIONS = 8  # more separate regions on one page: read the area they span at once


def _touch(a: Box, b: Box, slack: float = 2.0) -> bool:
    return not (
        a[2] + slack < b[0] or b[2] + slack < a[0] or a[3] + slack < b[1] or b[3] + slack < a[1]
    )


def _span(boxes: list[Box]) -> Box:
    """The box around all of ``boxes``, with all their pixels."""
    columns = list(zip(*boxes, strict=True))
    return [min(columns[0]), min(columns[1]), max(columns[2]), max(columns[3]), sum(columns[4])]


def _merge(boxes: list[Box]) -> list[Box]:
    merged: list[Box] = []
    for box in sorted(boxes):
        box = list(box)
        changed = True
        while changed:
            changed = False
            for other in merged:
                if _touch(box, other):
                    merged.remove(other)
                    box = _span([box, other])
                    changed = True
                    break
        merged.append(box)
    if len(merged) > _MAX_REGIONS:
        merged = [_span(merged)]
    return merged


def page_pictures(page: pdfium.PdfPage) -> list[Box]:
    """Regions of the page covered by pictures that could show a line of text."""
    boxes: list[Box] = []
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=4):
        left, bottom, right, top = obj.get_bounds()
        try:
            width, height = obj.get_size()
        except Exception:
            width = height = 0  # unknown pixels: judged by the area it covers
        if right - left > 1 and top - bottom > 1:
            boxes.append([left, bottom, right, top, float(width * height)])
    regions = []
    for box in _merge(boxes):
        inches = (box[2] - box[0]) * (box[3] - box[1]) / 72 / 72
        pixels = box[4] or inches * _MIN_DPI * _MIN_DPI
        side = math.sqrt(pixels / inches) if inches else 0
        if may_show_text_size((box[2] - box[0]) * side / 72, (box[3] - box[1]) * side / 72):
            regions.append(box)
    return regions


def read_rendered(image: Any, dpi: int, frame: list[float]) -> dict[str, Any]:
    """A rendered region's reading, with its words' boxes and its own box (``frame``) as
    fractions of the page."""
    found = read_image(image, dpi)
    found["boxes"] = [within(box, frame) for box in found.get("boxes", [])]
    return {**found, "frame": frame}


def render_region(page: pdfium.PdfPage, box: Box) -> tuple[Any, int, list[float]]:
    """One region as the page shows it (a gray picture), the resolution it was drawn at, and
    where it lies on the page (fractions, top left first)."""
    inches = (box[2] - box[0]) * (box[3] - box[1]) / 72 / 72
    dpi = min(_MAX_DPI, max(_MIN_DPI, math.sqrt(box[4] / inches) if box[4] else _MIN_DPI))
    left, bottom, right, top = page.get_bbox()
    crop = (0.0, 0.0, 0.0, 0.0)
    if page.get_rotation() == 0:  # a turned page: render it whole rather than guess the crop
        crop = (max(0.0, box[0] - left), max(0.0, box[1] - bottom),
                max(0.0, right - box[2]), max(0.0, top - box[3]))  # fmt: skip
    width = page.get_width() - crop[0] - crop[2]
    height = page.get_height() - crop[1] - crop[3]
    dpi = min(dpi, 72 * math.sqrt(MAX_PIXELS / max(1.0, width * height)))  # a giant page
    bitmap = page.render(scale=dpi / 72, crop=crop, grayscale=True, may_draw_forms=False)
    page_width, page_height = page.get_width(), page.get_height()
    frame = clamped([crop[0] / page_width, crop[3] / page_height,
                     1 - crop[2] / page_width, 1 - crop[1] / page_height])
    return bitmap.to_pil(), round(dpi), frame
