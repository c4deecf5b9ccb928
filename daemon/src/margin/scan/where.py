"""Where on a page a finding lies, for the vault page's "Show where" (issue 17).

A box is ``[left, top, right, bottom]`` as fractions (0 to 1) of the page or picture as it is
shown, top left first, so the thumbnail of any size draws it. Boxes come from OCR's word boxes
(mapped back through the scaling and turning the picture had before it was read), from the
PDF reader's text positions, or from a picture's place on its page.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

Box = list[float]
_WORD = re.compile(r"\S+")
_LINE_SLACK = 0.5  # words whose heights overlap by half are on one line of the box list


@dataclass
class Geometry:
    """How the picture Tesseract read was made from the picture given, so that its word
    boxes can be mapped back: scaled, turned upright by ``angle`` degrees, zoomed."""

    size: tuple[int, int]  # the picture given, in pixels
    factor: float = 1.0  # scaled by this before it was turned
    angle: float = 0.0  # turned by this (counter-clockwise, around its middle, enlarged)
    before_turn: tuple[int, int] = (0, 0)
    after_turn: tuple[int, int] = (0, 0)
    zoom: float = 1.0  # scaled by this after it was turned

    def fraction(self, box: tuple[int, int, int, int]) -> Box:
        """A box in the pixels Tesseract read, as fractions of the picture given."""
        corners = [(x / self.zoom, y / self.zoom) for x in box[0::2] for y in box[1::2]]
        points = [self._unturned(x, y) for x, y in corners]
        width, height = self.size[0] * self.factor, self.size[1] * self.factor
        xs, ys = [x / width for x, _ in points], [y / height for _, y in points]
        return clamped([min(xs), min(ys), max(xs), max(ys)])

    def _unturned(self, x: float, y: float) -> tuple[float, float]:
        if not self.angle:
            return x, y
        turn = math.radians(self.angle)
        u, v = x - self.after_turn[0] / 2, y - self.after_turn[1] / 2
        return (u * math.cos(turn) - v * math.sin(turn) + self.before_turn[0] / 2,
                u * math.sin(turn) + v * math.cos(turn) + self.before_turn[1] / 2)


def clamped(box: Box) -> Box:
    return [round(min(1.0, max(0.0, value)), 4) for value in box]


def within(box: Box, frame: Box) -> Box:
    """A box given as fractions of ``frame`` (itself fractions of the page), as fractions of
    the page."""
    width, height = frame[2] - frame[0], frame[3] - frame[1]
    return clamped([frame[0] + box[0] * width, frame[1] + box[1] * height,
                    frame[0] + box[2] * width, frame[1] + box[3] * height])


def passage_boxes(text: str, word_boxes: list[Box], start: int, end: int) -> list[Box]:
    """The boxes of the words of ``text[start:end]`` (``word_boxes`` holds one box per word of
    ``text``, in order), joined line by line."""
    lines: list[Box] = []
    for match, box in zip(_WORD.finditer(text), word_boxes, strict=False):
        if match.end() <= start or match.start() >= end or box[2] <= box[0]:
            continue
        last = lines[-1] if lines else None
        if last is not None and _same_line(last, box):
            lines[-1] = [min(last[0], box[0]), min(last[1], box[1]),
                         max(last[2], box[2]), max(last[3], box[3])]
        else:
            lines.append(list(box))
    return lines


def _same_line(a: Box, b: Box) -> bool:
    shared = min(a[3], b[3]) - max(a[1], b[1])
    return shared >= _LINE_SLACK * min(a[3] - a[1], b[3] - b[1]) and b[0] >= a[0]
