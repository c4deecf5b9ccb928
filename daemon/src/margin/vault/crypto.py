"""The few primitives the vault uses: AES-256-GCM, HKDF-SHA256, Argon2id, padding.

Why a subkey per object: each object carries 16 random salt bytes and is sealed with
``HKDF(vault key, salt)``, so every AES key seals one message and random 96-bit nonces
stay far below their collision bound however many objects a vault accumulates.
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


def wipe(secret: bytearray) -> None:
    """Overwrite a key we hold; copies Python or OpenSSL made are beyond our reach."""
    for position in range(len(secret)):
        secret[position] = 0
