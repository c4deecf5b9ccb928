"""Object files: one file per save, holding one or more sealed objects (docs/FORMAT.md).

The file's identity (vault, device folder, file name), its header and each record's
header and position are bound in as associated data, so a renamed, moved, swapped,
replayed, truncated or reordered file fails to open.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from cryptography.exceptions import InvalidTag

from margin.vault import crypto

FORMAT_VERSION = 1
FILE_MAGIC = b"MARGIN"
FILE_HEADER = struct.Struct(">6sHH16s")  # magic, format version, object count, HKDF salt
RECORD_HEADER = struct.Struct(">BB16s12sI")  # kind, flags, id, nonce, length
OBJECT_AAD = b"margin/v1/object"
MAX_OBJECTS = 64


class Kind(IntEnum):
    BODY = 1
    VERSION = 2
    TOMBSTONE = 3
    AUDIT = 4
    DEVICE = 5
    DEVICE_REMOVED = 6


class Damaged(Exception):
    """The file is not a valid object file: quarantine it."""


class TooNew(Exception):
    """Written by a newer Margin: skip it and tell the clinician to update."""


@dataclass(frozen=True)
class FileIdentity:
    vault_id: bytes
    device_id: bytes
    file_id: bytes


@dataclass(frozen=True)
class SealedObject:
    kind: Kind
    object_id: bytes
    plaintext: bytes
    # What the writer already knows the plaintext means, so a save need not parse its own
    # JSON back (a save's cost is mostly fsync; this keeps the rest small). Never encoded.
    parsed: Any = field(default=None, compare=False)


def _aad(identity: FileIdentity, file_header: bytes, index: int, record_header: bytes) -> bytes:
    return b"".join(
        (
            OBJECT_AAD,
            identity.vault_id,
            identity.device_id,
            identity.file_id,
            file_header,
            struct.pack(">H", index),
            record_header,
        )
    )


def encode(
    vault_key: bytes | bytearray, identity: FileIdentity, objects: list[SealedObject]
) -> bytes:
    if not 1 <= len(objects) <= MAX_OBJECTS:
        raise ValueError("an object file holds 1 to 64 objects")
    salt = crypto.random_bytes(crypto.SALT_BYTES)
    file_header = FILE_HEADER.pack(FILE_MAGIC, FORMAT_VERSION, len(objects), salt)
    subkey = crypto.object_subkey(vault_key, salt)
    parts = [file_header]
    for index, item in enumerate(objects):
        nonce = crypto.random_bytes(crypto.NONCE_BYTES)
        padded = crypto.pad(item.plaintext)
        length = len(padded) + crypto.TAG_BYTES
        record_header = RECORD_HEADER.pack(int(item.kind), 0, item.object_id, nonce, length)
        aad = _aad(identity, file_header, index, record_header)
        parts += [record_header, crypto.seal(subkey, nonce, padded, aad)]
    return b"".join(parts)


def _read_file_header(data: bytes) -> tuple[bytes, int]:
    if len(data) < FILE_HEADER.size:
        raise Damaged("file is shorter than its header (truncated)")
    magic, version, count, _salt = FILE_HEADER.unpack_from(data)
    if magic != FILE_MAGIC:
        raise Damaged("not a Margin object file (bad magic)")
    if version > FORMAT_VERSION:
        raise TooNew(f"format version {version}")
    if version < 1 or not 1 <= count <= MAX_OBJECTS:
        raise Damaged("bad header")
    return data[: FILE_HEADER.size], count


def _records(data: bytes) -> tuple[bytes, list[tuple[int, bytes, int, int]]]:
    """Header bytes and (index, record header, start, end) of each record's ciphertext."""
    file_header, count = _read_file_header(data)
    offset = FILE_HEADER.size
    found = []
    for index in range(count):
        if offset + RECORD_HEADER.size > len(data):
            raise Damaged("file is truncated")
        record_header = data[offset : offset + RECORD_HEADER.size]
        length = RECORD_HEADER.unpack(record_header)[4]
        start = offset + RECORD_HEADER.size
        if length < crypto.TAG_BYTES or start + length > len(data):
            raise Damaged("file is truncated")
        found.append((index, record_header, start, start + length))
        offset = start + length
    if offset != len(data):
        raise Damaged("unexpected bytes after the last object")
    return file_header, found


def _open_record(
    subkey: bytes,
    identity: FileIdentity,
    data: bytes,
    file_header: bytes,
    record: tuple[int, bytes, int, int],
) -> SealedObject:
    index, record_header, start, end = record
    kind, flags, object_id, nonce, _ = RECORD_HEADER.unpack(record_header)
    aad = _aad(identity, file_header, index, record_header)
    try:
        plaintext = crypto.unpad(crypto.open_sealed(subkey, nonce, data[start:end], aad))
    except (InvalidTag, ValueError) as error:
        raise Damaged(
            "authentication failed (altered, renamed, swapped or foreign file)"
        ) from error
    if flags != 0 or kind not in Kind._value2member_map_:
        raise Damaged("unknown object kind")
    return SealedObject(Kind(kind), object_id, plaintext)


def _subkey(vault_key: bytes | bytearray, file_header: bytes) -> bytes:
    return crypto.object_subkey(vault_key, FILE_HEADER.unpack(file_header)[3])


def frame(data: bytes) -> int:
    """The object count of a well-framed file, without the key (``margin check`` without
    --read-data); ``Damaged`` / ``TooNew`` otherwise. Says nothing about authenticity."""
    return len(_records(data)[1])


def decode(vault_key: bytes | bytearray, identity: FileIdentity, data: bytes) -> list[SealedObject]:
    """Every object in the file, or ``Damaged`` / ``TooNew``; never a partial result."""
    file_header, records = _records(data)
    subkey = _subkey(vault_key, file_header)
    return [_open_record(subkey, identity, data, file_header, record) for record in records]


def decode_one(
    vault_key: bytes | bytearray, identity: FileIdentity, data: bytes, index: int
) -> SealedObject:
    """One object (e.g. a body when reading a note) without opening the others."""
    file_header, records = _records(data)
    if index >= len(records):
        raise Damaged("object missing from its file")
    return _open_record(
        _subkey(vault_key, file_header), identity, data, file_header, records[index]
    )
