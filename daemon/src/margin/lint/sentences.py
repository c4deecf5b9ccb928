"""Split a private note into sentence parts, the unit the linter flags.

Clinicians write in shorthand: fragments, semicolons, slashes between items, bullet lists,
one thought a line, and abbreviations ending in a full stop ("pt.", "Dr.", "q.h.s.").
A part ends at a line end, a semicolon, a spaced slash, bar or dash, or a full stop,
question or exclamation mark followed by a space, unless the full stop ends an abbreviation.
Offsets are into the original text so the panel can underline the exact span.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Bullets and list numbers at the start of a line are not part of the sentence.
_BULLET = re.compile(r"[ \t]*(?:[-*•·‣◦▪–]|\d{1,2}[.)])[ \t]+")
# Separators inside a line that end a part. A slash only counts with a space beside it,
# so "SI/HI" and "b/c" stay whole; a dash only with spaces both sides, so "3-4" stays whole.
_SEPARATOR = re.compile(r";|\s+/\s*|\s+\|\s+|\s+[-–—]{1,2}\s+")
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)")
_LAST_TOKEN = re.compile(r"(?<![A-Za-z])([A-Za-z][A-Za-z./]*)\.*$")

# Titles never end a sentence; other abbreviations end one only before a capital or digit.
_TITLES = frozenset({"dr", "mr", "mrs", "ms", "prof", "st", "pt", "vs", "e.g", "i.e", "cf", "w/"})


class SentenceSplitter:
    """Finds sentence parts; built once from the lexicon's list of abbreviations."""

    def __init__(self, abbreviations: frozenset[str]) -> None:
        self.abbreviations = abbreviations | _TITLES

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each non-empty part, in order, trimmed of spaces and bullets."""
        result: list[tuple[int, int]] = []
        for line_start, line_end in _lines(text):
            bullet = _BULLET.match(text, line_start, line_end)
            start = bullet.end() if bullet else line_start
            for part_start, part_end in self._split_line(text, start, line_end):
                trimmed = _trim(text, part_start, part_end)
                if trimmed is not None:
                    result.append(trimmed)
        return result

    def _split_line(self, text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
        cuts: list[tuple[int, int]] = []  # (end of this part, start of the next)
        for match in _SEPARATOR.finditer(text, start, end):
            cuts.append((match.start(), match.end()))
        for match in _SENTENCE_END.finditer(text, start, end):
            if self._ends_sentence(text, start, match.start(), match.end()):
                cuts.append((match.end(), match.end()))
        position = start
        for cut_end, next_start in sorted(cuts):
            if cut_end < position:
                continue
            yield position, cut_end
            position = next_start
        yield position, end

    def _ends_sentence(self, text: str, line_start: int, dot: int, after: int) -> bool:
        if text[dot] != ".":
            return True  # "?" and "!" always end a sentence
        # Look back a short window only: searching from the line start is quadratic.
        token_match = _LAST_TOKEN.search(text, max(line_start, dot - 24), dot + 1)
        token = token_match.group(1).lower().rstrip(".") if token_match else ""
        if token in _TITLES:
            return False
        if token in self.abbreviations or len(token) == 1:
            following = text[after:].lstrip()[:1]
            return bool(following) and (following.isupper() or following.isdigit())
        return True


def _lines(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in re.finditer(r"\r\n|\r|\n|\u2028|\u2029", text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and (text[start].isspace() or text[start] in ",;/|"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;/|"):
        end -= 1
    if not any(ch.isalnum() for ch in text[start:end]):
        return None
    return start, end
