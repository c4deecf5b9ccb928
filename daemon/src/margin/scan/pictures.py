"""Whether a picture inside a document could be a page of text (a scan, a photo of a letter).

Judged by its size in pixels, read from the image header without decoding the image: an
icon or a small logo passes unread; anything that could hold a line or two of legible text
is read with OCR (and judged again by its pixels there). When the header cannot be read,
the byte size decides.
"""

from __future__ import annotations

import struct

# Pixels: a 300 x 150 logo passes; a 400 x 150 strip can hold a sentence of typed text.
_MIN_SIDE = 48
_MIN_AREA = 60_000
_UNKNOWN_SIZE_LIMIT = 100 * 1024  # bytes, when the dimensions cannot be read


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    i = 2
    while i + 9 < len(data):
        if data[i] != 0xFF:
            return None
        marker = data[i + 1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            i += 2
            continue
        (length,) = struct.unpack(">H", data[i + 2 : i + 4])
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[i + 5 : i + 9])
            return width, height
        i += 2 + length
    return None


def _tiff_size(data: bytes) -> tuple[int, int] | None:
    order = "<" if data[:2] == b"II" else ">"
    try:
        (offset,) = struct.unpack(order + "I", data[4:8])
        (count,) = struct.unpack(order + "H", data[offset : offset + 2])
        size: dict[int, int] = {}
        for n in range(min(count, 512)):
            entry = data[offset + 2 + 12 * n : offset + 14 + 12 * n]
            tag, kind = struct.unpack(order + "HH", entry[:4])
            if tag in (256, 257):
                fmt = order + ("H" if kind == 3 else "I")
                size[tag] = struct.unpack(fmt, entry[8 : 8 + struct.calcsize(fmt)])[0]
        return (size[256], size[257]) if len(size) == 2 else None
    except (struct.error, KeyError):
        return None


def picture_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) in pixels for PNG, JPEG, GIF, BMP, TIFF and WebP, else None."""
    try:
        if data.startswith(b"\x89PNG\r\n\x1a\n"):
            return struct.unpack(">II", data[16:24])
        if data.startswith(b"\xff\xd8"):
            return _jpeg_size(data)
        if data.startswith((b"GIF87a", b"GIF89a")):
            return struct.unpack("<HH", data[6:10])
        if data.startswith(b"BM"):
            width, height = struct.unpack("<ii", data[18:26])
            return abs(width), abs(height)
        if data.startswith((b"II*\x00", b"MM\x00*")):
            return _tiff_size(data)
        if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
            if data[12:16] == b"VP8X":
                return 1 + int.from_bytes(data[24:27], "little"), 1 + int.from_bytes(
                    data[27:30], "little"
                )
            if data[12:16] == b"VP8 ":
                width, height = struct.unpack("<HH", data[26:30])
                return width & 0x3FFF, height & 0x3FFF
    except struct.error:
        return None
    return None


def may_show_text_size(width: float, height: float) -> bool:
    return min(width, height) >= _MIN_SIDE and width * height >= _MIN_AREA


def may_show_text(data: bytes) -> bool:
    size = picture_size(data)
    if size is None:
        return len(data) > _UNKNOWN_SIZE_LIMIT
    return may_show_text_size(*size)
