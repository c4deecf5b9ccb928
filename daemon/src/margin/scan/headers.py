"""Running headers and footers: recognized and set aside so they do not cut paragraphs.

A line that opens or closes most pages ("Jane Roe - DOB 01/02/1980 - Page 3 of 9", or the
date, title, address and "1/5" Chromium prints, which PDFium reads one character a line) is
dropped from the page text, so a paragraph that continues on the next page reads as one
run of words. Only lines at the ends of a page go, never lines in the middle of it. The
lines set aside are still checked, as a text of their own.
"""

from __future__ import annotations

import math
import re
from collections import Counter

_DIGITS = re.compile(r"\d+")


def _line_key(line: str) -> str:
    return _DIGITS.sub("#", " ".join(line.split()).casefold())


def _ends(keys: list[str], running: set[str]) -> tuple[int, int]:
    """[first, last) of the page body once running or empty lines at both ends are gone."""
    first, last = 0, len(keys)
    while first < last and (not keys[first] or keys[first] in running):
        first += 1
    while last > first and (not keys[last - 1] or keys[last - 1] in running):
        last -= 1
    return first, last


def set_aside_running_lines(pages: list[str]) -> tuple[list[str], list[str]]:
    """Pages without the lines repeated at the ends of most pages, and those lines once each."""
    if len(pages) < 2:
        return pages, []
    split_pages = [page.splitlines() for page in pages]
    page_keys = [[_line_key(line) for line in lines] for lines in split_pages]
    seen_on: Counter[str] = Counter()
    for keys in page_keys:
        seen_on.update(set(keys))
    needed = max(2, math.ceil(len(pages) * 0.5))
    running = {key for key, count in seen_on.items() if count >= needed and key}
    if not running:
        return pages, []
    cleaned: list[str] = []
    set_aside: dict[str, str] = {}
    for lines, keys in zip(split_pages, page_keys, strict=True):
        first, last = _ends(keys, running)
        for i in [*range(first), *range(last, len(lines))]:
            if keys[i]:
                set_aside.setdefault(keys[i], lines[i])
        cleaned.append("\n".join(lines[first:last]))
    return cleaned, list(set_aside.values())
