"""The vectorized SipHash-2-4 equals the reference algorithm (checked on its test vector)."""

from __future__ import annotations

import random
import struct

import numpy as np

from margin.matcher.fingerprint import Keys, _siphash_blocks, winnow

MASK = (1 << 64) - 1


def _rotl(x: int, bits: int) -> int:
    return ((x << bits) | (x >> (64 - bits))) & MASK


def reference_siphash(k0: int, k1: int, message: bytes) -> int:
    """SipHash-2-4 as written in Aumasson and Bernstein's paper, one value at a time."""
    v = [
        k0 ^ 0x736F6D6570736575,
        k1 ^ 0x646F72616E646F6D,
        k0 ^ 0x6C7967656E657261,
        k1 ^ 0x7465646279746573,
    ]

    def sip_round() -> None:
        v[0] = (v[0] + v[1]) & MASK
        v[1] = _rotl(v[1], 13) ^ v[0]
        v[0] = _rotl(v[0], 32)
        v[2] = (v[2] + v[3]) & MASK
        v[3] = _rotl(v[3], 16) ^ v[2]
        v[0] = (v[0] + v[3]) & MASK
        v[3] = _rotl(v[3], 21) ^ v[0]
        v[2] = (v[2] + v[1]) & MASK
        v[1] = _rotl(v[1], 17) ^ v[2]
        v[2] = _rotl(v[2], 32)

    whole = len(message) - len(message) % 8
    last = (len(message) & 0xFF) << 56
    for i, byte in enumerate(message[whole:]):
        last |= byte << (8 * i)
    blocks = [*struct.unpack(f"<{whole // 8}Q", message[:whole]), last]
    for block in blocks:
        v[3] ^= block
        sip_round()
        sip_round()
        v[0] ^= block
    v[2] ^= 0xFF
    for _ in range(4):
        sip_round()
    return v[0] ^ v[1] ^ v[2] ^ v[3]


KEY0 = int.from_bytes(bytes(range(8)), "little")
KEY1 = int.from_bytes(bytes(range(8, 16)), "little")


def test_reference_meets_the_published_test_vector() -> None:
    assert reference_siphash(KEY0, KEY1, bytes(range(15))) == 0xA129CA6149BE45E5
    assert reference_siphash(KEY0, KEY1, b"") == 0x726FDB47DD0E0E31


def test_vectorized_siphash_equals_the_reference() -> None:
    rng = random.Random(5)
    messages = [bytes(rng.randrange(256) for _ in range(40)) for _ in range(50)]
    blocks = [
        np.array([struct.unpack("<5Q", m)[j] for m in messages], dtype=np.uint64) for j in range(5)
    ]
    with np.errstate(over="ignore"):
        got = _siphash_blocks(blocks, Keys(b"", KEY0, KEY1, b"")).tolist()
    assert got == [reference_siphash(KEY0, KEY1, m) for m in messages]


def test_winnowing_keeps_one_of_every_window_and_the_rightmost_minimum() -> None:
    rng = random.Random(9)
    hashes = [rng.randrange(50) for _ in range(300)]
    kept = set(winnow(hashes, 4))
    for start in range(len(hashes) - 3):
        window = hashes[start : start + 4]
        rightmost_min = start + max(i for i, h in enumerate(window) if h == min(window))
        assert rightmost_min in kept
    assert winnow([5, 3, 3], 4) == [2]
