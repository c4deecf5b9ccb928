"""ZIP archives (and the ZIP packages DOCX, XLSX, ODT are made of), opened defensively.

Refused before anything is unpacked: entries that share their compressed data (the
overlapping-entry zip bomb, which Python's zipfile accepts), a member that would pass the
size budget of the whole check, encrypted members. Declared sizes cannot lie to us: zipfile
stops at the declared size and then checks the CRC.
"""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from margin.scan import progress
from margin.scan.model import Embedded, Extracted

_LOCAL_HEADER = struct.Struct("<4s22xHH")
_CHUNK = 1 << 20
_METADATA_PREFIXES = ("__MACOSX/",)
_METADATA_NAMES = (".DS_Store", "Thumbs.db", "desktop.ini")


class ArchiveProblem(Exception):
    """Why an archive, or one of its members, cannot be read; the message is for people."""


@dataclass
class Budget:
    """Limits shared by everything unpacked from one file the clinician gave."""

    remaining_bytes: int
    max_members: int
    members_seen: int = 0

    def take(self, size: int) -> None:
        if size > self.remaining_bytes:
            raise ArchiveProblem(
                "unpacking it would pass Margin's size limit (limit reached; a zip bomb?)"
            )
        self.remaining_bytes -= size


def _check_layout(archive: zipfile.ZipFile, data: bytes) -> None:
    spans: list[tuple[int, int]] = []
    for info in archive.infolist():
        header = data[info.header_offset : info.header_offset + _LOCAL_HEADER.size]
        if len(header) < _LOCAL_HEADER.size:
            raise ArchiveProblem("the archive is damaged (an entry points past its end)")
        signature, name_len, extra_len = _LOCAL_HEADER.unpack(header)
        if signature != b"PK\x03\x04":
            raise ArchiveProblem("the archive is damaged (an entry is not where it says)")
        start = info.header_offset
        end = start + _LOCAL_HEADER.size + name_len + extra_len + info.compress_size
        spans.append((start, end))
    spans.sort()
    for (_, end), (next_start, _) in pairwise(spans):
        if next_start < end:
            raise ArchiveProblem(
                "its entries overlap, a trick used by zip bombs; Margin did not unpack it"
            )


def open_zip(data: bytes) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise ArchiveProblem("the archive is damaged or cut short") from exc
    _check_layout(archive, data)
    return archive


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: Budget) -> bytes:
    if info.flag_bits & 0x1:
        raise ArchiveProblem("it is protected by a password")
    budget.members_seen += 1
    if budget.members_seen > budget.max_members:
        raise ArchiveProblem("the archive has more files than Margin checks (limit reached)")
    budget.take(info.file_size)
    # Unpacked into one growing buffer whose bytes getvalue() hands over without a copy:
    # chunks joined at the end would need twice the member's size at the peak.
    unpacked = io.BytesIO()
    try:
        with archive.open(info) as member:
            while chunk := member.read(_CHUNK):
                unpacked.write(chunk)
    except NotImplementedError as exc:
        raise ArchiveProblem("it is compressed in a way Margin cannot unpack") from exc
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise ArchiveProblem("it is damaged (it does not unpack correctly)") from exc
    except Exception as exc:  # zlib.error and friends from a hostile stream
        raise ArchiveProblem("it is damaged (it does not unpack correctly)") from exc
    return unpacked.getvalue()


def is_metadata(name: str) -> bool:
    """File-system clutter added by macOS and Windows, with no document text."""
    base = name.rsplit("/", 1)[-1]
    return name.startswith(_METADATA_PREFIXES) or base in _METADATA_NAMES


def _members(archive: zipfile.ZipFile, budget: Budget) -> Iterator[Embedded]:
    with archive:
        for info in archive.infolist():
            if info.is_dir() or is_metadata(info.filename):
                continue
            try:
                yield Embedded(info.filename, read_member(archive, info, budget))
            except ArchiveProblem as exc:
                yield Embedded(info.filename, b"", problem=str(exc))


def read_zip(data: bytes, budget: Budget) -> Extracted:
    out = Extracted(note="ZIP archive")
    try:
        archive = open_zip(data)
    except ArchiveProblem as exc:
        out.problems.append(str(exc))
        return out
    declared = sum(info.file_size for info in archive.infolist())
    if declared > budget.remaining_bytes:
        archive.close()
        out.problems.append(
            "it would unpack to more than Margin's size limit (limit reached; a zip bomb?)"
        )
        return out
    # Unpacked one at a time, but counted now: the vault page's bar shows "3 of 40".
    progress.note("files", found=sum(not info.is_dir() and not is_metadata(info.filename)
                                     for info in archive.infolist()))
    out.lazy_embedded = _members(archive, budget)
    return out
