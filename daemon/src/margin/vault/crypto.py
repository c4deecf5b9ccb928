"""The few primitives the vault uses: AES-256-GCM, HKDF-SHA256, Argon2id, padding.

Why a subkey per file: each object file carries 16 random salt bytes in its header and
every object in it is sealed with ``HKDF(vault key, salt)``. So one AES key seals the
objects of one file only (at most 64 in a save file of format 1, at most
``objfile.MAX_OBJECTS`` in a pack of format 2), and random 96-bit nonces stay far below
their collision bound (NIST's 2**32 messages per key) however many files a vault holds.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_BYTES = 32
NONCE_BYTES = 12
SALT_BYTES = 16
TAG_BYTES = 16
PAD_BLOCK = 256
KEY_ID_BYTES = 16
OBJECT_INFO = b"margin/v1/object"
DERIVE_INFO = b"margin/v1/derive/"


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost; stored in each key file so old vaults keep opening."""

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 4

    def derive(self, passphrase: str, salt: bytes) -> bytes:
        return hash_secret_raw(
            passphrase.encode("utf-8"),
            salt,
            time_cost=self.time_cost,
            memory_cost=self.memory_kib,
            parallelism=self.parallelism,
            hash_len=KEY_BYTES,
            type=Type.ID,
        )


def random_bytes(count: int) -> bytes:
    return os.urandom(count)


def hkdf(key: bytes | bytearray, salt: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, info=info).derive(
        bytes(key)
    )


def object_subkey(vault_key: bytes | bytearray, salt: bytes) -> bytes:
    return hkdf(vault_key, salt, OBJECT_INFO)


def derived_key(vault_key: bytes | bytearray, vault_id: bytes, purpose: str) -> bytes:
    if not purpose:
        raise ValueError("a derived key needs a purpose")
    return hkdf(vault_key, vault_id, DERIVE_INFO + purpose.encode("utf-8"))


def seal(key: bytes, nonce: bytes, plaintext: bytes, aad: bytes) -> bytes:
    return AESGCM(key).encrypt(nonce, plaintext, aad)


def open_sealed(key: bytes, nonce: bytes, ciphertext: bytes, aad: bytes) -> bytes:
    """Raises ``cryptography.exceptions.InvalidTag`` when anything was altered."""
    return AESGCM(key).decrypt(nonce, ciphertext, aad)


def pad(plaintext: bytes) -> bytes:
    """ISO/IEC 7816-4 padding to a multiple of PAD_BLOCK, so sizes say little."""
    padded_length = (len(plaintext) // PAD_BLOCK + 1) * PAD_BLOCK
    return plaintext + b"\x80" + bytes(padded_length - len(plaintext) - 1)


def unpad(padded: bytes) -> bytes:
    end = padded.rstrip(b"\x00")
    if not end.endswith(b"\x80"):
        raise ValueError("bad padding")
    return end[:-1]


class KeyRing:
    """The vault keys this device holds: the current one (new files are sealed with it)
    and every earlier one (a passphrase change starts a new key; files written before it
    stay sealed with the key of their time). Each key is known by its id, the public
    ``key-check`` fingerprint (FORMAT.md, "Keys")."""

    def __init__(self, keys: list[bytearray], vault_id: bytes):
        if not keys or any(len(key) != KEY_BYTES for key in keys):
            raise ValueError("a key ring holds one or more 32-byte keys")
        self.keys = keys  # current first, then older ones, the vault's first key last
        self.vault_id = vault_id
        self.ids = [key_id(key, vault_id) for key in keys]

    @classmethod
    def from_bytes(cls, blob: bytes | bytearray, vault_id: bytes) -> KeyRing:
        if not blob or len(blob) % KEY_BYTES:
            raise ValueError("a key ring is a whole number of 32-byte keys")
        keys = [bytearray(blob[at : at + KEY_BYTES]) for at in range(0, len(blob), KEY_BYTES)]
        return cls(keys, vault_id)

    def to_bytes(self) -> bytearray:
        return bytearray(b"".join(bytes(key) for key in self.keys))

    @property
    def current(self) -> bytearray:
        return self.keys[0]

    @property
    def current_id(self) -> bytes:
        return self.ids[0]

    @property
    def first(self) -> bytearray:
        """The vault's first key: files of format 1 were all sealed with it."""
        return self.keys[-1]

    def by_id(self, wanted: bytes) -> bytearray | None:
        for known, key in zip(self.ids, self.keys, strict=True):
            if known == wanted:
                return key
        return None

    def rotated(self) -> KeyRing:
        """A ring whose current key is new and random, keeping every key before it."""
        return KeyRing([bytearray(random_bytes(KEY_BYTES)), *self.keys], self.vault_id)

    def wipe(self) -> None:
        for key in self.keys:
            wipe(key)


def key_id(key: bytes | bytearray, vault_id: bytes) -> bytes:
    """A public fingerprint of a vault key (an HKDF output; says nothing about the key)."""
    return derived_key(key, vault_id, "key-check")[:KEY_ID_BYTES]


def wipe(secret: bytearray) -> None:
    """Overwrite a key we hold; copies Python or OpenSSL made are beyond our reach."""
    for position in range(len(secret)):
        secret[position] = 0
