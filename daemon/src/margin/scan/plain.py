"""Plain text: any encoding, line endings, form-feed pages."""

from __future__ import annotations

import codecs
import csv
import io
import re

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


def decode_text(data: bytes, *, guess: bool) -> str | None:
    """The text, or None if it does not decode as text (``guess``: try 8-bit encodings)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    if data[:200].count(b"\x00") > 20:  # UTF-16 without a byte order mark
        wide = _utf16_without_bom(data[:4000])
        if wide is None:
            return None
        try:
            text = data.decode(wide)
        except UnicodeDecodeError:
            return None
        return None if _mostly_control(text) else text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        if not guess:
            return None
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _utf16_without_bom(sample: bytes) -> str | None:
    """Which UTF-16 a text without a byte order mark is in, judged by where its zero bytes
    fall: Latin text has one zero byte in every pair, on the odd side in little endian."""
    sample = sample[: len(sample) // 2 * 2]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if max(even, odd) < len(sample) // 6 or min(even, odd) * 8 > max(even, odd):
        return None  # zero bytes on both sides: binary data, not text
    return "utf-16-le" if odd > even else "utf-16-be"


_XML_ENCODING = re.compile(r"""^(\s*<\?xml[^>]*?\bencoding\s*=\s*)(["'])[^"']*\2""")
_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def utf8_if_wide(data: bytes) -> bytes:
    """UTF-16 or UTF-32 text as UTF-8, so that HTML, XML and JSON are told apart by their
    markup, and an XML declaration naming the old encoding is updated to match."""
    if not data.startswith(_WIDE_BOMS) and (
        data[:200].count(b"\x00") <= 20 or _utf16_without_bom(data[:4000]) is None
    ):
        return data
    text = decode_text(data, guess=False)
    if text is None:
        return data
    return _XML_ENCODING.sub(r"\1\2UTF-8\2", text, count=1).encode("utf-8")


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


def read_csv(text: str) -> Extracted:
    """A table export: each cell read without the quotation marks CSV puts around any cell
    holding a comma (read as text, they would make a copied note look like a quotation)."""
    out = Extracted(note="table (CSV)")
    if _mostly_control(text):
        out.problems.append("it is not readable text (binary data?)")
        return out
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:8192], ",;\t|")
    except csv.Error:
        dialect = csv.excel
    body = Stream()
    try:
        for number, row in enumerate(csv.reader(io.StringIO(text, newline=""), dialect), start=1):
            body.append(f"row {number}", "\n".join(row))
    except csv.Error:
        out.stream("text", text)  # not CSV after all: read it as it is
        return out
    if body.chunks:
        out.streams.append(body)
    return out
