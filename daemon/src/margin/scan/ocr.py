"""Tesseract, reached through tesserocr, inside the worker process.

tesserocr calls Tesseract's library in this process: a picture never goes to a temporary
file (pytesseract writes each picture and its text to temporary files, and a picture may
show a private paragraph), the English model is loaded once per worker, and every word
comes back with its confidence. When tesserocr or the English model is missing, Margin
still runs and says so: pictures are then "cannot verify" with ``NOT_INSTALLED``.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

NOT_INSTALLED = "OCR is not installed"
HOW_TO_INSTALL = (
    "install Tesseract and its English model (on Debian or Ubuntu: "
    "sudo apt-get install tesseract-ocr tesseract-ocr-eng) and Margin's OCR extra "
    "(pip install 'margin[ocr]')"
)
# Where Debian (one folder per Tesseract version), Fedora, Homebrew and source builds put
# the models.
_TESSDATA_PLACES = (
    ("/usr/share/tesseract-ocr", "*/tessdata"),
    ("/usr/share", "tessdata"),
    ("/usr/local/share", "tessdata"),
    ("/opt/homebrew/share", "tessdata"),
)
# Pictures read at once, each by its own Tesseract in a thread of the worker (Tesseract lets
# go of Python's lock while it reads): two, which is what a laptop's cores can give a check.
THREADS = max(1, min(2, os.cpu_count() or 1))
CONFIDENT = 70  # Tesseract's word confidence (0-100) from which a word counts as read


def tessdata_dir() -> str | None:
    """The folder holding eng.traineddata, or None."""
    given = os.environ.get("TESSDATA_PREFIX")
    places = [Path(given)] if given else [p for r, g in _TESSDATA_PLACES for p in Path(r).glob(g)]
    for place in sorted(places, reverse=True):  # the newest Tesseract version first
        if (place / "eng.traineddata").is_file():
            return str(place)
    return None


def unavailable_reason() -> str | None:
    """None when OCR can run here, else what is missing, in plain words."""
    try:
        import PIL  # noqa: F401
        import tesserocr  # noqa: F401
    except ImportError:
        return f"{NOT_INSTALLED}: Margin's OCR packages (tesserocr, Pillow) are missing"
    if tessdata_dir() is None:
        return f"{NOT_INSTALLED}: Tesseract's English model is missing"
    return None


@dataclass
class Word:
    text: str
    confidence: float
    line: int  # which line of the picture (words of one line are joined by spaces)
    box: tuple[int, int, int, int] = (0, 0, 0, 0)  # left, top, right, bottom in pixels


class Engine:
    """One Tesseract instance; pictures are read one at a time."""

    def __init__(self) -> None:
        import tesserocr

        self._tesserocr = tesserocr
        self._api: Any = tesserocr.PyTessBaseAPI(
            path=tessdata_dir() or "", lang="eng", psm=tesserocr.PSM.AUTO
        )
        # Trying every doubtful line again as white on black costs much time on scans;
        # inverted pictures are turned dark-on-light before they get here.
        self._api.SetVariable("tessedit_do_invert", "0")

    def line_heights(self, image: Any, dpi: int) -> list[int]:
        """Take a picture; the height in pixels of each line of text the layout analysis
        finds there (no recognition: cheap, and ``words`` then reuses the layout)."""
        self._api.SetImage(image)
        if dpi:
            self._api.SetSourceResolution(dpi)
        lines = self._api.GetComponentImages(self._tesserocr.RIL.TEXTLINE, True)
        return [int(box["h"]) for _, box, _, _ in lines]

    def words(self, image: Any | None = None, dpi: int = 0) -> list[Word]:
        """Recognize the picture given (or the one taken last); every word with its
        confidence and line."""
        api, ril = self._api, self._tesserocr.RIL
        if image is not None:
            api.SetImage(image)
            if dpi:
                api.SetSourceResolution(dpi)
        api.Recognize()
        found: list[Word] = []
        iterator = api.GetIterator()
        if iterator is None or not api.GetUTF8Text().strip():
            return found
        line = 0
        while True:
            try:
                text = iterator.GetUTF8Text(ril.WORD)
            except RuntimeError:  # tesserocr's way of saying this element holds no text
                text = ""
            if text and text.strip():
                box = iterator.BoundingBox(ril.WORD) or (0, 0, 0, 0)
                found.append(
                    Word(text.strip(), float(iterator.Confidence(ril.WORD)), line, tuple(box))
                )
            if iterator.IsAtFinalElement(ril.TEXTLINE, ril.WORD):
                line += 1
            if not iterator.Next(ril.WORD):
                break
        return found

    def close(self) -> None:
        self._api.End()


_engines = threading.local()


def engine() -> Engine | None:
    """This thread's engine, started on first use; None when OCR is not installed. A
    Tesseract instance reads one picture at a time, so each reading thread has its own."""
    if getattr(_engines, "engine", None) is None and unavailable_reason() is None:
        _engines.engine = Engine()
    return getattr(_engines, "engine", None)
