"""Plain text (any encoding, line endings, form-feed pages) and RTF."""

from __future__ import annotations

import codecs
import re

from striprtf.striprtf import rtf_to_text

from margin.scan.headers import set_aside_running_lines
from margin.scan.model import Extracted, Stream

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_PICTURE_LIMIT = 200 * 1024  # hex characters of one RTF picture: larger may be a scan


def decode_text(data: bytes, *, guess: bool) -> str | None:
    """The text, or None if it does not decode as text (``guess``: try 8-bit encodings)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    if data[:200].count(b"\x00") > 20:  # UTF-16 without a byte order mark
        for encoding in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if not _mostly_control(text):
                return text
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        if not guess:
            return None
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _mostly_control(text: str) -> bool:
    sample = text[:20000]
    return bool(sample) and len(_CONTROL.findall(sample)) > len(sample) * 0.02


def looks_like_text(text: str) -> bool:
    return not _mostly_control(text)


def read_text(text: str) -> Extracted:
    out = Extracted(note="text file")
    if _mostly_control(text):
        out.problems.append("it is not readable text (binary data?)")
        return out
    pages = text.split("\f")
    if len(pages) < 3:
        out.stream("text", text)
        return out
    body_pages, running = set_aside_running_lines(pages)
    body = Stream()
    for number, page in enumerate(body_pages, start=1):
        body.append(f"page {number}", page.strip())
    if body.chunks:
        out.streams.append(body)
    if running:
        out.stream("page headers and footers", "\n".join(running))
    return out


def _largest_picture(rtf: str) -> int:
    largest = 0
    for found in re.finditer(r"\\pict\b", rtf):
        end = rtf.find("}", found.end())
        largest = max(largest, (end if end >= 0 else len(rtf)) - found.end())
    return largest


def read_rtf(data: bytes) -> Extracted:
    out = Extracted(note="RTF document")
    rtf = data.decode("latin-1")  # RTF is 7-bit; \'xx escapes carry the code page
    try:
        text = rtf_to_text(rtf, errors="replace")
    except Exception:
        out.problems.append("the RTF could not be read (damaged)")
        return out
    if rtf.rstrip().count("{") > rtf.count("}") or not rtf.rstrip().endswith("}"):
        out.problems.append("the RTF is cut short (it looks truncated)")
    if _largest_picture(rtf) > _PICTURE_LIMIT:
        out.problems.append("it holds a picture that may show text")
    if "\\object" in rtf:
        out.problems.append("it holds an embedded object Margin cannot open")
    out.stream("text", text)
    return out
