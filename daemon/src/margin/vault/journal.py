"""The audit journal: audit entries made durable on this computer before they reach the vault.

An audited read (opening a note, an unlock, an export check, a "seen" record) must be on
disk before the text leaves the vault, but must not add a file to the synced folder of
its own (issue: hundreds of thousands of small files). So such an entry is appended to
this journal, in this machine's local folder (never synced), and fsynced; the pending
entries then go into the vault folder together, inside the next save's file or as one
audit segment when enough have gathered, at lock, or when the daemon is idle. A crash
only delays them: the next unlock writes the journal's entries out (docs/FORMAT.md,
"Audit log").

File: magic ``MARGINJL``, version (2 bytes), the id of the key it is sealed with (16),
then records: length (4), nonce (12), ``AES-256-GCM(derive_key("audit-journal"), nonce,
entry, aad)`` with ``aad = "margin/v1/journal" || vault id || device id || the 26 header
bytes || record index (4)``. A record cut short by a crash was never acknowledged; it is
cut off at the next load.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

from cryptography.exceptions import InvalidTag

from margin.durable import FileOps
from margin.vault import crypto

JOURNAL_MAGIC = b"MARGINJL"
JOURNAL_HEADER = struct.Struct(">8sH16s")
RECORD = struct.Struct(">I12s")
JOURNAL_AAD = b"margin/v1/journal"
PURPOSE = "audit-journal"
MAX_ENTRY = 1 << 20


class AuditJournal:
    """Pending audit entries of one device of one vault, durable before each call returns."""

    def __init__(self, path: Path, ops: FileOps, vault_id: str, device_id: str):
        self.path = path
        self.ops = ops
        self._identity = bytes.fromhex(vault_id) + bytes.fromhex(device_id)
        self._count = 0
        self._header: bytes | None = None
        self._key: bytes | None = None

    def load(self, ring: crypto.KeyRing) -> list[bytes]:
        """The entries still pending (plaintext), and the journal ready for appending under
        the ring's current key (entries under an older key are returned, then re-sealed)."""
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            data = b""
        entries, good = self._parse(data, ring)
        self._key = crypto.derived_key(ring.current, ring.vault_id, PURPOSE)
        header = JOURNAL_HEADER.pack(JOURNAL_MAGIC, 1, ring.current_id)
        if data[: JOURNAL_HEADER.size] == header and good == len(data):
            self._header, self._count = header, len(entries)
        else:  # new, torn at the end, or sealed with an older key: write it again
            self._rewrite(ring, entries)
        return entries

    def _parse(self, data: bytes, ring: crypto.KeyRing) -> tuple[list[bytes], int]:
        if len(data) < JOURNAL_HEADER.size:
            return [], 0
        magic, version, key_id = JOURNAL_HEADER.unpack_from(data)
        key = ring.by_id(key_id)
        if magic != JOURNAL_MAGIC or version != 1 or key is None:
            return [], 0  # not ours to read; derived data of a key this ring lacks
        subkey = crypto.derived_key(key, ring.vault_id, PURPOSE)
        header, offset = data[: JOURNAL_HEADER.size], JOURNAL_HEADER.size
        entries: list[bytes] = []
        while offset + RECORD.size <= len(data):
            length, nonce = RECORD.unpack_from(data, offset)
            start = offset + RECORD.size
            if length > MAX_ENTRY or start + length > len(data):
                break
            try:
                entries.append(crypto.open_sealed(
                    subkey, nonce, data[start : start + length], self._aad(header, len(entries))))
            except InvalidTag:
                break
            offset = start + length
        return entries, offset

    def _aad(self, header: bytes, index: int) -> bytes:
        return JOURNAL_AAD + self._identity + header + struct.pack(">I", index)

    def _record(self, index: int, plaintext: bytes) -> bytes:
        assert self._key is not None and self._header is not None
        nonce = crypto.random_bytes(crypto.NONCE_BYTES)
        sealed = crypto.seal(self._key, nonce, plaintext, self._aad(self._header, index))
        return RECORD.pack(len(sealed), nonce) + sealed

    def _rewrite(self, ring: crypto.KeyRing, entries: list[bytes]) -> None:
        self._header = JOURNAL_HEADER.pack(JOURNAL_MAGIC, 1, ring.current_id)
        body = b"".join(self._record(index, entry) for index, entry in enumerate(entries))
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.ops.write_atomically(self.path, self._header + body)
        self._count = len(entries)

    def append(self, plaintext: bytes) -> None:
        """Add one entry; it is on disk (fsynced) when this returns."""
        self.ops.append(self.path, self._record(self._count, plaintext))
        self._count += 1

    def clear(self, ring: crypto.KeyRing) -> None:
        """Every pending entry reached the vault folder (durably): cut the journal back to
        its header (one fsync; a crash before it only leaves entries the next load drops)."""
        if not self._count:
            return
        if self._header is None or self._header[8 + 2 :] != ring.current_id:
            self._rewrite(ring, [])
            return
        fd = os.open(self.path, os.O_WRONLY)
        try:
            os.ftruncate(fd, JOURNAL_HEADER.size)
            self.ops.fsync(fd)
        finally:
            os.close(fd)
        self._count = 0

    @property
    def pending(self) -> int:
        return self._count

