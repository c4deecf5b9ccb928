"""Object files: one file per save, holding one or more sealed objects (docs/FORMAT.md).

The file's identity (vault, device folder, file name), its header and each record's
header and position are bound in as associated data, so a renamed, moved, swapped,
replayed, truncated or reordered file fails to open.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidTag

from margin.vault import crypto

FORMAT_VERSION = 2  # 1: save files sealed with the vault's first key (still read)
FILE_MAGIC = b"MARGIN"
FILE_HEADER_V1 = struct.Struct(">6sHH16s")  # magic, version 1, object count, HKDF salt
FILE_HEADER = struct.Struct(">6sHI16s16s")  # magic, version 2, object count, key id, salt
RECORD_HEADER = struct.Struct(">BB16s12sI")  # kind, flags, id, nonce, length
OBJECT_AAD = b"margin/v1/object"
MAX_OBJECTS_V1 = 64
MAX_OBJECTS = 1 << 17  # a pack's objects; one AES key seals at most this many messages


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


class UnknownKey(Exception):
    """Sealed with a vault key this device does not hold (a newer one, from a passphrase
    change on another device): not damage; the newest passphrase opens it."""


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
    offset: int = field(default=0, compare=False)  # where its record starts in its file


Keys = crypto.KeyRing | bytes | bytearray


def _ring(keys: Keys, identity: FileIdentity) -> crypto.KeyRing:
    """A bare key (tests, the format-1 reader) is a ring of that one key."""
    if isinstance(keys, crypto.KeyRing):
        return keys
    return crypto.KeyRing([bytearray(keys)], identity.vault_id)


def _aad(identity: FileIdentity, file_header: bytes, index: int, record_header: bytes) -> bytes:
    position = struct.pack(">H" if len(file_header) == FILE_HEADER_V1.size else ">I", index)
    return b"".join(
        (
            OBJECT_AAD,
            identity.vault_id,
            identity.device_id,
            identity.file_id,
            file_header,
            position,
            record_header,
        )
    )


def encode(keys: Keys, identity: FileIdentity, objects: list[SealedObject]) -> bytes:
    """A file of format 2 sealed with the ring's current key."""
    if not 1 <= len(objects) <= MAX_OBJECTS:
        raise ValueError(f"an object file holds 1 to {MAX_OBJECTS} objects")
    ring = _ring(keys, identity)
    salt = crypto.random_bytes(crypto.SALT_BYTES)
    file_header = FILE_HEADER.pack(FILE_MAGIC, FORMAT_VERSION, len(objects), ring.current_id,
                                   salt)
    subkey = crypto.object_subkey(ring.current, salt)
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
    if len(data) < FILE_HEADER_V1.size:
        raise Damaged("file is shorter than its header (truncated)")
    magic, version = struct.unpack_from(">6sH", data)
    if magic != FILE_MAGIC:
        raise Damaged("not a Margin object file (bad magic)")
    if version > FORMAT_VERSION:
        raise TooNew(f"format version {version}")
    if version == 1:
        count, limit, size = FILE_HEADER_V1.unpack_from(data)[2], MAX_OBJECTS_V1, 26
    elif version == FORMAT_VERSION and len(data) >= FILE_HEADER.size:
        count, limit, size = FILE_HEADER.unpack_from(data)[2], MAX_OBJECTS, FILE_HEADER.size
    else:
        raise Damaged("bad header")
    if not 1 <= count <= limit:
        raise Damaged("bad header")
    return data[:size], count


def _records(data: bytes) -> tuple[bytes, list[tuple[int, bytes, int, int]]]:
    """Header bytes and (index, record header, start, end) of each record's ciphertext."""
    file_header, count = _read_file_header(data)
    offset = len(file_header)
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
    return SealedObject(Kind(kind), object_id, plaintext, offset=start - RECORD_HEADER.size)


def sealing_key_id(file_header: bytes) -> bytes | None:
    """The id of the key a format-2 file was sealed with (None: format 1, the first key)."""
    if len(file_header) == FILE_HEADER_V1.size:
        return None
    return bytes(FILE_HEADER.unpack(file_header)[3])


def _subkey(keys: Keys, identity: FileIdentity, file_header: bytes) -> bytes:
    ring = _ring(keys, identity)
    wanted = sealing_key_id(file_header)
    if wanted is None:
        return crypto.object_subkey(ring.first, FILE_HEADER_V1.unpack(file_header)[3])
    key = ring.by_id(wanted)
    if key is None:
        raise UnknownKey("sealed with a vault key this device does not hold")
    return crypto.object_subkey(key, FILE_HEADER.unpack(file_header)[4])


def frame(data: bytes) -> int:
    """The object count of a well-framed file, without the key (``margin check`` without
    --read-data); ``Damaged`` / ``TooNew`` otherwise. Says nothing about authenticity."""
    return len(_records(data)[1])


def file_key_id(data: bytes) -> bytes | None:
    """Which key sealed a well-framed file (None: format 1, the vault's first key)."""
    return sealing_key_id(_read_file_header(data)[0])


def decode(keys: Keys, identity: FileIdentity, data: bytes) -> list[SealedObject]:
    """Every object in the file, or ``Damaged`` / ``TooNew`` / ``UnknownKey``; never a
    partial result."""
    file_header, records = _records(data)
    subkey = _subkey(keys, identity, file_header)
    return [_open_record(subkey, identity, data, file_header, record) for record in records]


def decode_one(keys: Keys, identity: FileIdentity, data: bytes, index: int) -> SealedObject:
    """One object (e.g. a body when reading a note) without opening the others."""
    file_header, records = _records(data)
    if index >= len(records):
        raise Damaged("object missing from its file")
    return _open_record(
        _subkey(keys, identity, file_header), identity, data, file_header, records[index]
    )


def read_one(
    keys: Keys, identity: FileIdentity, handle: BinaryIO, index: int, offset: int
) -> SealedObject:
    """One object read at its offset (a body in a large pack) without reading the file.
    Its index and the file header are in its associated data, so a wrong offset, index
    or file fails to open, as ``decode_one`` would."""
    head = handle.read(FILE_HEADER.size)
    file_header, count = _read_file_header(head)
    if not (0 <= index < count) or offset < len(file_header):
        raise Damaged("object missing from its file")
    handle.seek(offset)
    record_header = handle.read(RECORD_HEADER.size)
    if len(record_header) != RECORD_HEADER.size:
        raise Damaged("file is truncated")
    length = RECORD_HEADER.unpack(record_header)[4]
    sealed = handle.read(length)
    if length < crypto.TAG_BYTES or len(sealed) != length:
        raise Damaged("file is truncated")
    record = (index, record_header, RECORD_HEADER.size, RECORD_HEADER.size + length)
    subkey = _subkey(keys, identity, file_header)
    found = _open_record(subkey, identity, record_header + sealed, file_header, record)
    return SealedObject(found.kind, found.object_id, found.plaintext, offset=offset)
