"""Read Firefox's .jsonlz4 / .mozlz4 files (session store, add-on lists): a magic header,
the decompressed size, then one LZ4 block. Compressed, they would hide words from a plain
search of the profile, so the invariant test reads them through this."""

from __future__ import annotations

MAGIC = b"mozLz40\0"


def _length(data: bytes, at: int, start: int) -> tuple[int, int]:
    """An LZ4 length: the 4-bit value, extended by bytes while they are 255."""
    length = start
    if start == 15:
        while True:
            extra = data[at]
            at += 1
            length += extra
            if extra != 255:
                break
    return length, at


def decompress(data: bytes) -> bytes:
    if not data.startswith(MAGIC):
        raise ValueError("not a mozLz4 file")
    block, out, at = data[12:], bytearray(), 0
    while at < len(block):
        token = block[at]
        literals, at = _length(block, at + 1, token >> 4)
        out += block[at : at + literals]
        at += literals
        if at >= len(block):
            break
        offset = block[at] | block[at + 1] << 8
        match, at = _length(block, at + 2, token & 15)
        start = len(out) - offset
        for index in range(match + 4):  # a match may overlap what it copies
            out.append(out[start + index])
    return bytes(out)
