"""Pictures inside RTF (``{\\pict ...}`` groups of hex digits), taken out to be read with OCR.

PNG and JPEG pictures go to OCR like any picture file. Word also writes a Windows metafile
copy of each picture (in a ``\\nonshppict`` group) for old readers: that copy is skipped.
A metafile or bitmap of another kind, large enough to be a scan, cannot be read: a problem.
"""

from __future__ import annotations

import re

from margin.scan.model import Embedded, Extracted

_PICTURE_LIMIT = 200 * 1024  # hex characters of an unreadable picture: larger may be a scan
_PICT = re.compile(r"\\pict(?![a-zA-Z])")
_CONTROL = re.compile(r"\\[a-zA-Z]+-?\d* ?|\{\\\*[^{}]*\}|[{}]")
_READABLE = re.compile(r"\\(pngblip|jpegblip)(?![a-zA-Z])")


def group_end(rtf: str, start: int) -> int:
    """Index just past the brace that closes the group opened at ``start`` (or the end)."""
    depth = 0
    i = start
    while i < len(rtf):
        ch = rtf[i]
        if ch == "\\":
            i += 2  # an escaped brace or backslash is text, not structure
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return len(rtf)


def take_pictures(rtf: str, out: Extracted) -> None:
    number = 0
    for found in _PICT.finditer(rtf):
        if "\\nonshppict" in rtf[max(0, found.start() - 300) : found.start()]:
            continue  # the old-reader copy of a picture taken from \shppict
        body = rtf[found.end() : group_end(rtf, rtf.rfind("{", 0, found.start()))]
        number += 1
        hex_digits = re.sub(r"\s+", "", _CONTROL.sub("", body))
        if _READABLE.search(body[:2000]) is None:
            if len(hex_digits) > _PICTURE_LIMIT:
                out.problems.append(f"picture {number} is in a format Margin cannot read")
            continue
        try:
            out.embedded.append(Embedded(f"picture {number}", bytes.fromhex(hex_digits)))
        except ValueError:
            out.problems.append(f"picture {number} is damaged and cannot be read")
