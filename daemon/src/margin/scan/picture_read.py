"""Pictures to text inside the worker process: decode, judge by pixels, read, judge the reading.

Each picture (a frame of a TIFF or GIF, a region of a PDF page) gives one reading:

- ``read``: its words were read with enough confidence; the text is matched.
- ``decorative``: its pixels hold no writing that could carry a passage (blank, a rule, a
  photo or a logo with no line of text, a signature's few strokes); neither read nor blocking.
- ``poor``: it holds writing that OCR read too poorly to vouch for; what was read is still
  matched, and the picture is "cannot verify".
- ``unavailable`` / ``undecodable``: OCR is not installed / the picture cannot be decoded.

Readings hold the words Tesseract found, each word's box (for "Show where") and plain
reasons, never the picture.
"""

from __future__ import annotations

import io
from typing import Any

import numpy as np

from margin.scan import ocr
from margin.scan.where import Geometry

MAX_FRAMES = 50  # pages of one TIFF or GIF
MAX_PIXELS = 60_000_000  # a frame larger than this is refused before decoding (a bomb?)
_LONG_SIDE = 4200  # larger pictures are scaled down to this: 300 dpi for a legal page
_FINEST_DPI = 300  # finer scans are scaled down to this
_SMALL = 1400  # smaller pictures (screenshots at 96 dpi) are scaled up twice
_WRITING_CHARS = 24  # fewer letters and digits than this cannot hold a passage
_CONFIDENT_SHARE = 0.8  # of the letters read, this share must be in confident words
_SMALL_LINE = 20  # lines of text lower than this (pixels) are read at twice the size
_MARKS_PER_LINE = 6  # separate marks along a row of ink for it to count as a line of words


def reading(status: str, text: str = "", confidence: int = 0, why: str = "") -> dict[str, Any]:
    return {"status": status, "text": text, "confidence": confidence, "why": why}


def _gray(image: Any) -> Any:
    """The picture as 8-bit gray, dark writing on a light ground: transparent parts of a logo
    become paper, 16-bit and float pictures are scaled (not cut off at 255), and light
    writing on a dark ground (a dark-mode screenshot) is turned around."""
    from PIL import Image, ImageOps

    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        paper = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(paper, rgba)
    if image.mode in ("I", "F") or image.mode.startswith("I;16"):
        values = np.asarray(image, dtype=np.float64)
        low, high = float(values.min()), float(values.max())
        scaled = (values - low) * (255 / (high - low)) if high > low else values * 0 + 255
        image = Image.fromarray(scaled.astype(np.uint8))
    gray = image.convert("L")
    pixels = np.asarray(gray)
    low, high = np.percentile(pixels, (1, 99))
    if high - low >= 40 and (pixels < (int(low) + int(high)) // 2).mean() > 0.5:
        gray = ImageOps.invert(gray)
    return gray


def _scaled(gray: Any, dpi: int) -> tuple[Any, float]:
    """Scaled to what Tesseract needs: a scan said to be finer than 300 dpi is read at 300
    dpi (more pixels cost time and read no better), a huge picture at 4,200 pixels across."""
    from PIL import Image

    long_side = max(gray.size)
    if long_side < _SMALL:
        factor = 2.0
    else:
        factor = min(1.0, _LONG_SIDE / long_side, _FINEST_DPI / dpi if dpi else 1.0)
    if factor != 1.0:
        size = (max(1, round(gray.width * factor)), max(1, round(gray.height * factor)))
        gray = gray.resize(size, Image.Resampling.LANCZOS)
    return gray, factor


def _cleaned(gray: Any) -> Any:
    """Even paper: a photographed page is lit unevenly, which defeats Tesseract's one
    threshold for the whole picture."""
    from PIL import Image, ImageFilter

    small = gray.reduce(4) if min(gray.size) >= 64 else gray
    paper = small.filter(ImageFilter.MaxFilter(5)).filter(ImageFilter.GaussianBlur(6))
    paper = np.asarray(paper.resize(gray.size, Image.Resampling.BILINEAR), dtype=np.float32)
    flat = np.asarray(gray, dtype=np.float32) * 255 / np.maximum(paper, 1)
    return Image.fromarray(np.clip(flat, 0, 255).astype(np.uint8))


def _deskewed(gray: Any) -> tuple[Any, float]:
    """Turned upright, and the angle turned by: Tesseract finds no line at all in text
    tilted a few degrees (a page photographed at an angle, fed crooked into a scanner). The
    angle is the one at which the rows of ink line up best (the sharpest horizontal
    projection), within 8 degrees."""
    from PIL import Image

    small = gray.copy()
    small.thumbnail((600, 600))
    ink = small.point(lambda v: 255 if v < 140 else 0)

    def sharpness(angle: float) -> float:
        turned = ink.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=0)
        return float(np.square(np.asarray(turned, dtype=np.float64).sum(axis=1)).sum())

    coarse = max(range(-8, 9), key=sharpness)  # whole degrees, then quarters around the best
    best = max((coarse + quarter / 4 for quarter in range(-3, 4)), key=sharpness)
    if abs(best) < 0.75:
        return gray, 0.0
    return gray.rotate(best, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255), best


def _ink(gray: Any) -> np.ndarray | None:
    """Which pixels are ink (None for a blank picture), whatever the ground's colour."""
    pixels = np.asarray(gray, dtype=np.uint8)
    low, high = np.percentile(pixels, (1, 99))
    if high - low < 40:
        return None
    return pixels < (int(low) + int(high)) // 2  # dark writing: _gray turned light writing


def looks_like_lines(gray: Any) -> bool:
    """Whether the ink lies in two or more bands of separate marks, as lines of writing do
    (even blurred past reading), unlike a signature's one band or a photo's shapes."""
    ink = _ink(gray)
    if ink is None:
        return False
    marks = (ink[:, 1:] & ~ink[:, :-1]).sum(axis=1)  # separate marks along each row
    busy = marks >= _MARKS_PER_LINE
    edges = np.flatnonzero(np.diff(np.concatenate(([0], busy.astype(np.int8), [0]))))
    bands = [(a, b) for a, b in zip(edges[::2], edges[1::2], strict=True) if b - a >= 3]
    return len([1 for a, b in bands if b - a <= len(busy) // 3]) >= 2


def pixel_verdict(gray: Any) -> str | None:
    """Why the pixels alone show no writing (blank, a rule), or None to look further."""
    ink = _ink(gray)
    if ink is None:
        return "it is blank or nearly so"
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    if len(rows) == 0 or rows[-1] - rows[0] < 12 or cols[-1] - cols[0] < 12:
        return "it is a line or a rule"
    return None


def read_image(image: Any, dpi: int = 0) -> dict[str, Any]:
    """One picture's reading, with each word's box as fractions of the picture."""
    from PIL import Image, ImageFilter

    gray, factor = _scaled(_gray(image), dpi)
    geometry = Geometry(image.size, factor)
    gray = _cleaned(gray)
    decorative = pixel_verdict(gray)
    if decorative:
        return reading("decorative", why=decorative)
    engine = ocr.engine()
    if engine is None:
        return reading("unavailable", why=ocr.unavailable_reason() or ocr.NOT_INSTALLED)
    geometry.before_turn = gray.size
    gray, geometry.angle = _deskewed(gray)
    geometry.after_turn = gray.size
    heights = engine.line_heights(gray, round(dpi * factor))
    if not heights:
        if looks_like_lines(gray):
            return reading("poor", why="it looks like lines of writing that OCR could not read")
        return reading("decorative", why="it shows no line of writing")
    taken = None  # the picture Tesseract holds, laid out already
    if float(np.median(heights)) < _SMALL_LINE and max(gray.size) <= _LONG_SIDE:
        gray = taken = gray.resize((gray.width * 2, gray.height * 2), Image.Resampling.LANCZOS)
        factor *= 2
        geometry.zoom = 2
    dpi = round(dpi * factor)
    found = judge_words(engine.words(taken, dpi), geometry)
    if found["status"] == "poor":  # specks of a fax or a noisy scan? read it once more without
        second = judge_words(engine.words(gray.filter(ImageFilter.MedianFilter(3)), dpi), geometry)
        found = max(found, second, key=lambda r: (r["status"] == "read", r["confidence"]))
    return found


def judge_words(words: list[ocr.Word], geometry: Geometry | None = None) -> dict[str, Any]:
    letters = [sum(ch.isalnum() for ch in w.text) for w in words]
    total = sum(letters)
    confident = sum(n for n, w in zip(letters, words, strict=True) if w.confidence >= ocr.CONFIDENT)
    lines: dict[int, list[str]] = {}
    for word in words:
        lines.setdefault(word.line, []).append(word.text)
    text = "\n".join(" ".join(line) for line in lines.values())
    if total < _WRITING_CHARS:
        return reading("decorative", text, why="it holds too little writing to hold a passage")
    share = confident / total
    boxes = [geometry.fraction(w.box) for w in words] if geometry else []
    if share >= _CONFIDENT_SHARE:
        return {**reading("read", text, round(100 * share)), "boxes": boxes}
    why = f"OCR read it too poorly to vouch for it (only {round(100 * share)}% read clearly)"
    return {**reading("poor", text, round(100 * share), why), "boxes": boxes}


def _read_frame(frame: Any, dpi: tuple[float, float]) -> dict[str, Any]:
    across, down = (float(d or 0) for d in dpi)
    if across and down and abs(across / down - 1) > 0.2:  # a fax at 204 x 98 dpi: square it
        frame = frame.convert("L").resize((frame.width, round(frame.height * across / down)))
    return read_image(frame, round(across) if 50 <= across <= 1200 else 0)


def read_bytes(data: bytes) -> list[dict[str, Any]]:
    """Every frame of a picture file (PNG, JPEG, TIFF, GIF, BMP, WebP), read."""
    try:
        from PIL import Image, ImageSequence
    except ImportError:
        return [reading("unavailable", why=ocr.unavailable_reason() or ocr.NOT_INSTALLED)]

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        picture = Image.open(io.BytesIO(data))
        if picture.width * picture.height > MAX_PIXELS:  # judged before a pixel is decoded
            return [reading("undecodable", why="it is larger than Margin reads (size limit)")]
        readings: list[dict[str, Any]] = []
        for number, frame in enumerate(ImageSequence.Iterator(picture)):
            if number >= MAX_FRAMES:
                readings.append(reading("undecodable", why="it has more pages than Margin reads"))
                break
            frame.load()
            readings.append(_read_frame(frame, picture.info.get("dpi", (0, 0))))
        return readings
    except (Image.DecompressionBombError, MemoryError):
        return [reading("undecodable", why="it is larger than Margin reads (size limit reached)")]
    except Exception:
        return [reading("undecodable",
                        why="it is a picture that is damaged or in a format Margin cannot read")]
