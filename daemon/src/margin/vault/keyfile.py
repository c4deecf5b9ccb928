"""Key files: the vault keys wrapped by the recovery passphrase (docs/FORMAT.md, "Key file").

Format 1 wraps one key. Format 2 wraps a key ring: the current key first, then every key
before it, so a passphrase change starts a new key while older files stay readable.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag

from margin.vault import crypto
from margin.vault.crypto import KdfParams
from margin.vault.objfile import Damaged, TooNew

KEY_MAGIC = b"MARGINKY"
KEY_FORMAT_VERSION = 2
MAX_RING = 1024  # keys in one ring: one per passphrase change
KDF_ARGON2ID = 1
KEY_AAD = b"margin/v1/key"
# magic, version, kdf, flags, vault id, time cost, memory KiB, parallelism, salt, nonce,
# key check (lets a key from the keychain be verified before it is used on any file)
KEY_HEADER = struct.Struct(">8sHBB16sIII16s12s16s")
# Refuse absurd costs from a damaged or hostile file before asking Argon2 for them.
MAX_MEMORY_KIB = 4 * 1024 * 1024
MAX_TIME_COST = 64


@dataclass(frozen=True)
class KeyFile:
    vault_id: bytes
    kdf: KdfParams
    check: bytes
    header: bytes
    wrapped: bytes
    version: int = KEY_FORMAT_VERSION

    @property
    def ring_size(self) -> int:
        """How many keys it wraps: the longest ring is the newest (each change adds one)."""
        return (len(self.wrapped) - crypto.TAG_BYTES) // crypto.KEY_BYTES


def wrap(
    ring: crypto.KeyRing,
    vault_id: bytes,
    key_file_id: bytes,
    passphrase: str,
    kdf: KdfParams,
) -> bytes:
    salt = crypto.random_bytes(crypto.SALT_BYTES)
    nonce = crypto.random_bytes(crypto.NONCE_BYTES)
    header = KEY_HEADER.pack(
        KEY_MAGIC,
        KEY_FORMAT_VERSION,
        KDF_ARGON2ID,
        0,
        vault_id,
        kdf.time_cost,
        kdf.memory_kib,
        kdf.parallelism,
        salt,
        nonce,
        ring.current_id,
    )
    wrapping_key = kdf.derive(passphrase, salt)
    return header + crypto.seal(
        wrapping_key, nonce, bytes(ring.to_bytes()), KEY_AAD + key_file_id + header
    )


def parse(data: bytes) -> KeyFile:
    if len(data) < KEY_HEADER.size or data[:8] != KEY_MAGIC:
        raise Damaged("not a Margin key file")
    fields = KEY_HEADER.unpack_from(data)
    version, kdf, flags, vault_id, t, m, p = fields[1:8]
    check = fields[10]
    if version > KEY_FORMAT_VERSION or kdf > KDF_ARGON2ID:
        raise TooNew(f"key format version {version}")
    wrapped = len(data) - KEY_HEADER.size - crypto.TAG_BYTES
    keys = wrapped // crypto.KEY_BYTES
    if version < 1 or kdf < 1 or flags != 0 or wrapped % crypto.KEY_BYTES or not (
        1 <= keys <= (1 if version == 1 else MAX_RING)
    ):
        raise Damaged("bad key file header or length")
    if not (1 <= t <= MAX_TIME_COST and 8 <= m <= MAX_MEMORY_KIB and 1 <= p <= 64):
        raise Damaged("implausible key derivation parameters")
    return KeyFile(
        vault_id, KdfParams(t, m, p), check, data[: KEY_HEADER.size], data[KEY_HEADER.size :],
        version,
    )


def unwrap(key_file: KeyFile, key_file_id: bytes, passphrase: str) -> crypto.KeyRing | None:
    """The vault keys, or None when the passphrase (or the file) is wrong."""
    salt, nonce = KEY_HEADER.unpack(key_file.header)[8:10]
    wrapping_key = key_file.kdf.derive(passphrase, salt)
    try:
        blob = crypto.open_sealed(
            wrapping_key, nonce, key_file.wrapped, KEY_AAD + key_file_id + key_file.header
        )
    except InvalidTag:
        return None
    ring = crypto.KeyRing.from_bytes(blob, key_file.vault_id)
    return ring if ring.current_id == key_file.check else None


def key_check(vault_key: bytes | bytearray, vault_id: bytes) -> bytes:
    """A public fingerprint of the vault key (HKDF output; says nothing about the key)."""
    return crypto.key_id(vault_key, vault_id)
