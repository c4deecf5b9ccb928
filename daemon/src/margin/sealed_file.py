"""A large derived file (the fingerprint index of 100,000 notes is hundreds of MB) sealed
with AES-256-GCM, written and read a piece at a time so that neither the whole ciphertext
nor a second copy of the plaintext is ever held in memory (issue 18).

The bytes are those of one ``AESGCM.encrypt`` (``nonce || ciphertext || tag``) after a
short public ``label`` that is also authenticated. Nothing read is returned before the tag
has been checked: a file altered anywhere is refused whole (``InvalidTag``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

NONCE_BYTES = 12
TAG_BYTES = 16
_CHUNK = 1 << 20


def sealed_pieces(key: bytes, label: bytes, parts: Iterable[bytes | memoryview], aad: bytes
                  ) -> Iterator[bytes]:
    """The sealed file of the concatenation of ``parts``, in pieces (for
    ``durable.write_atomically``: never whole in memory)."""
    nonce = os.urandom(NONCE_BYTES)
    encryptor = Cipher(algorithms.AES(key), modes.GCM(nonce)).encryptor()
    encryptor.authenticate_additional_data(aad + label)
    yield len(label).to_bytes(2, "big") + label + nonce
    for part in parts:
        for at in range(0, len(part), _CHUNK):
            yield encryptor.update(part[at : at + _CHUNK])
    yield encryptor.finalize() + encryptor.tag


def read_label(path: Path) -> bytes:
    """The public label of a sealed file (not yet authenticated: compare, then open)."""
    with path.open("rb") as file:
        length = int.from_bytes(file.read(2), "big")
        label = file.read(length)
    if len(label) != length:
        raise ValueError("truncated")
    return label


def read_sealed(path: Path, key: bytes, aad: bytes) -> tuple[bytes, memoryview]:
    """(label, plaintext) of a file ``write_sealed`` made; ``InvalidTag`` if altered."""
    with path.open("rb") as file:
        size = os.fstat(file.fileno()).st_size
        length = int.from_bytes(file.read(2), "big")
        label = file.read(length)
        nonce = file.read(NONCE_BYTES)
        body = size - 2 - length - NONCE_BYTES - TAG_BYTES
        if len(label) != length or len(nonce) != NONCE_BYTES or body < 0:
            raise ValueError("truncated")
        file.seek(size - TAG_BYTES)
        tag = file.read(TAG_BYTES)
        file.seek(2 + length + NONCE_BYTES)
        decryptor = Cipher(algorithms.AES(key), modes.GCM(nonce, tag)).decryptor()
        decryptor.authenticate_additional_data(aad + label)
        plain = bytearray(body)
        scratch = bytearray(_CHUNK + 16)
        done = 0
        while done < body:
            chunk = file.read(min(_CHUNK, body - done))
            if not chunk:
                raise ValueError("truncated")
            written = decryptor.update_into(chunk, scratch)
            plain[done : done + written] = scratch[:written]
            done += written
        decryptor.finalize()  # InvalidTag: nothing of it is used
    return label, memoryview(plain)
