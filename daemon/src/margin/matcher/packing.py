"""Little-endian arrays in and out of the index's bytes, checked on the way in.

Arrays read back are views of the bytes they were read from, not copies: a 100,000-note
index loads in the time of reading its file (issue 18).
"""

from __future__ import annotations

import struct

import numpy as np


def pack_arrays(*arrays: tuple[np.ndarray, str]) -> bytes:
    """Each (array, dtype) as little-endian bytes of that dtype, one after the other."""
    return b"".join(np.ascontiguousarray(values, dtype=f"<{dtype}").tobytes()
                    for values, dtype in arrays)


def pack_ids(ids: list[str]) -> bytes:
    encoded = [note_id.encode() for note_id in ids]
    return pack_arrays((np.array([len(e) for e in encoded], dtype=np.uint16), "u2")) + b"".join(
        encoded)


class Reader:
    """Reads what ``pack_arrays`` and ``pack_ids`` wrote; ValueError when the bytes end."""

    def __init__(self, data: bytes | memoryview, offset: int = 0):
        self.data = data
        self.offset = offset

    def unpack(self, layout: struct.Struct) -> tuple[int, ...]:
        values = layout.unpack_from(self.data, self.offset)
        self.offset += layout.size
        return values

    def array(self, dtype: str, count: int) -> np.ndarray:
        width = np.dtype(dtype).itemsize
        if count < 0 or self.offset + width * count > len(self.data):
            raise ValueError("truncated")
        values = np.frombuffer(self.data, dtype=f"<{dtype}", count=count, offset=self.offset)
        self.offset += width * count
        return values.astype(dtype, copy=False)  # a copy only on big-endian machines

    def ids(self, count: int) -> list[str]:
        lengths = self.array("u2", count).tolist()
        end = self.offset + sum(lengths)
        if end > len(self.data):
            raise ValueError("truncated")
        blob = bytes(self.data[self.offset : end])
        self.offset = end
        text = blob.decode()
        ends = np.cumsum(lengths).tolist()
        if len(text) == len(blob):  # ASCII (vault ids are hex): slice the text at once
            return [text[e - n : e] for e, n in zip(ends, lengths, strict=True)]
        return [blob[e - n : e].decode() for e, n in zip(ends, lengths, strict=True)]
