"""What a file is, judged by its content first and its name or declared type second."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Literal

# What a file is, as far as reading it goes: each kind has one reader (scan/engine.py).
Kind = Literal["empty", "pdf", "zip", "docx", "office", "rtf", "ccda", "xml", "image",
               "unknown", "html", "json", "csv", "text", "maybe_text"]

_IMAGES = (
    (b"\x89PNG", "PNG picture"),
    (b"\xff\xd8\xff", "JPEG picture"),
    (b"GIF8", "GIF picture"),
    (b"II*\x00", "TIFF picture"),
    (b"MM\x00*", "TIFF picture"),
    (b"BM", "BMP picture"),
    (b"RIFF", "picture or media file"),
)
_OTHER_BINARY = (
    (b"\xd0\xcf\x11\xe0", "an encrypted or old-style Office document"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"%!PS", "a PostScript file"),
)
_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|div|p|table|meta)\b", re.I | re.S
)
_TEXT_EXTENSIONS = (".txt", ".text", ".md", ".log", ".asc")


def _start(data: bytes) -> bytes:
    head = data[:4096]
    for bom in (b"\xef\xbb\xbf",):
        head = head.removeprefix(bom)
    return head.lstrip()


def _zip_kind(data: bytes) -> Kind:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return "zip"  # damaged: the archive reader says why
    if "word/document.xml" in names:
        return "docx"
    if "[Content_Types].xml" in names or ("mimetype" in names and "content.xml" in names):
        return "office"
    return "zip"


def detect(data: bytes, name: str, media_type: str | None = None) -> tuple[Kind, str]:
    """(kind, description). kind picks the reader; the description is for the report."""
    lower = name.lower()
    media = (media_type or "").lower()
    if not data:
        return "empty", "an empty file"
    # A ZIP first: a member stored uncompressed may put "%PDF-" near the archive's start.
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        kind = _zip_kind(data)
        return kind, {"docx": "Word document", "office": "office document"}.get(kind, "ZIP")
    if b"%PDF-" in data[:1024]:
        return "pdf", "PDF"
    for magic, label in _IMAGES:
        if data.startswith(magic):
            return "image", label
    for magic, label in _OTHER_BINARY:
        if data.startswith(magic):
            return "unknown", label
    head = _start(data)
    if head.startswith(b"{\\rtf") or media in ("text/rtf", "application/rtf"):
        return "rtf", "RTF document"
    if (
        _HTML_START.match(head)
        or media in ("text/html", "application/xhtml+xml")
        or (lower.endswith((".html", ".htm", ".xhtml")) and head.startswith(b"<"))
    ):
        return "html", "HTML page"
    if head.startswith(b"<"):
        if re.search(rb"<(?:\w+:)?ClinicalDocument\b", data[:8192]):
            return "ccda", "C-CDA document"
        return "xml", "XML document"
    if head.startswith((b"{", b"[")) or lower.endswith((".json", ".ndjson")) or "json" in media:
        return "json", "JSON document"
    if lower.endswith((".csv", ".tsv")) or media in ("text/csv", "text/tab-separated-values"):
        return "csv", "table (CSV)"
    if lower.endswith(_TEXT_EXTENSIONS) or media.startswith("text/"):
        return "text", "text file"
    return "maybe_text", "file"
