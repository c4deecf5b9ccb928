"""Little-endian arrays in and out of the index's bytes, aligned, checked on the way in.

Arrays read back are views of the bytes they were read from, not copies: a 100,000-note
index loads in the time of reading its file (issue 18).
"""

from __future__ import annotations

import struct
from collections.abc import Iterable, Iterator

import numpy as np

Piece = bytes | memoryview  # a part of the bytes to write, maybe a view of an array


class Writer:
    """Pieces of bytes, each array starting at a multiple of its item size (counted from
    the first piece), so that ``Reader`` gives aligned views: numpy copies an unaligned
    array at every search, which made a check against 100,000 notes cost 20 ms more."""

    def __init__(self) -> None:
        self.parts: list[Piece] = []
        self.offset = 0
        self._later: dict[int, Iterable[bytes]] = {}  # part number -> pieces made later

    def raw(self, data: Piece) -> None:
        self.parts.append(data)
        self.offset += len(data)

    def arrays(self, *arrays: tuple[np.ndarray, str]) -> None:
        """Each (array, dtype) as little-endian bytes of that dtype: a view of the array
        when it is already so (no copy: saving the index of 100,000 notes held a second
        copy of all of it, hundreds of MB, until the file was written)."""
        for values, dtype in arrays:
            self._align(np.dtype(dtype).itemsize)
            self.raw(np.ascontiguousarray(values, dtype=f"<{dtype}").data.cast("B"))

    def made_later(self, pieces: Iterable[bytes], size: int, width: int) -> None:
        """Bytes made only as they are written (``size`` of them, the first aligned to
        ``width``): a first build's letter postings, never whole in memory."""
        self._align(width)
        self._later[len(self.parts)] = pieces
        self.parts.append(b"")  # where they go
        self.offset += size

    def ids(self, ids: list[str]) -> None:
        encoded = [note_id.encode() for note_id in ids]
        self.arrays((np.array([len(e) for e in encoded], dtype=np.uint16), "u2"))
        self.raw(b"".join(encoded))

    def finish(self) -> list[Piece] | Pieces:
        """The pieces, padded to a multiple of 8 bytes (what follows stays aligned)."""
        self._align(8)
        if self._later:
            return Pieces(self.parts, self._later)
        return self.parts

    def _align(self, width: int) -> None:
        if self.offset % width:
            self.raw(bytes(-self.offset % width))


class Pieces:
    """The pieces of a ``Writer`` some of which are made as they are read (each reading
    makes them again)."""

    def __init__(self, parts: list[Piece], later: dict[int, Iterable[bytes]]):
        self._parts = parts
        self._later = later

    def __iter__(self) -> Iterator[Piece]:
        for number, part in enumerate(self._parts):
            if number in self._later:
                yield from self._later[number]
            else:
                yield part


class Reader:
    """Reads what ``Writer`` wrote; ValueError when the bytes end."""

    def __init__(self, data: bytes | memoryview, offset: int = 0):
        self.data = data
        self.offset = offset

    def end_part(self) -> None:
        """Skip the padding ``Writer.finish`` put at the end of a part."""
        self.offset += -self.offset % 8

    def unpack(self, layout: struct.Struct) -> tuple[int, ...]:
        values = layout.unpack_from(self.data, self.offset)
        self.offset += layout.size
        return values

    def array(self, dtype: str, count: int) -> np.ndarray:
        width = np.dtype(dtype).itemsize
        self.offset += -self.offset % width  # as ``Writer`` aligned it
        if count < 0 or self.offset + width * count > len(self.data):
            raise ValueError("truncated")
        values = np.frombuffer(self.data, dtype=f"<{dtype}", count=count, offset=self.offset)
        self.offset += width * count
        if not values.flags.aligned:  # bytes that do not start at an aligned address
            return values.astype(dtype)
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
