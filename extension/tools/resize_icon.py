#!/usr/bin/env python3
"""Write the toolbar and store icons (16, 32, 48 px) from src/shared/icons/margin-128.png.

Standard library only: decode the 8-bit RGBA PNG, average each square of pixels, encode.
Run again after changing the 128 px icon: python3 extension/tools/resize_icon.py
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "src" / "shared" / "icons"
SIZES = (16, 32, 48)


def _chunks(data: bytes) -> dict[bytes, bytes]:
    found: dict[bytes, bytes] = {}
    offset = 8
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset:offset + 4])
        kind = data[offset + 4:offset + 8]
        found[kind] = found.get(kind, b"") + data[offset + 8:offset + 8 + length]
        offset += 12 + length
    return found


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else (b if pb <= pc else c)


def decode(path: Path) -> tuple[int, list[bytearray]]:
    chunks = _chunks(path.read_bytes())
    width, height, depth, colour = struct.unpack(">IIBB", chunks[b"IHDR"][:10])
    assert (depth, colour) == (8, 6), "expects an 8-bit RGBA PNG"
    raw = zlib.decompress(chunks[b"IDAT"])
    stride, rows, previous = width * 4, [], bytearray(width * 4)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - 4] if x >= 4 else 0
            up, corner = previous[x], previous[x - 4] if x >= 4 else 0
            line[x] = (line[x] + (0, left, up, (left + up) // 2, _paeth(left, up, corner))[kind]) & 255
        rows.append(line)
        previous = line
    return width, rows


def shrink(width: int, rows: list[bytearray], size: int) -> list[bytes]:
    scale = width // size
    out = []
    for y in range(size):
        line = bytearray()
        for x in range(size):
            for channel in range(4):
                total = sum(rows[y * scale + dy][(x * scale + dx) * 4 + channel]
                            for dy in range(scale) for dx in range(scale))
                line.append(total // (scale * scale))
        out.append(bytes(line))
    return out


def encode(rows: list[bytes], size: int) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    pixels = zlib.compress(b"".join(b"\0" + row for row in rows), 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


if __name__ == "__main__":
    width, rows = decode(ICONS / "margin-128.png")
    for size in SIZES:
        (ICONS / f"margin-{size}.png").write_bytes(encode(shrink(width, rows, size), size))
        print(ICONS / f"margin-{size}.png")
