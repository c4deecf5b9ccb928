"""Vault benchmarks: save latency against a raw durable write, unlock and list at 10k notes.

Run by ``make bench``. Figures are ratios to a baseline measured in the same run, on the
same disk (a temp folder), so they compare across machines.
"""

from __future__ import annotations

import os
import random
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from keyring.backends import fail

from margin.durable import FileOps
from margin.home import Home
from margin.vault import KdfParams, KeyStore, Vault

SAVES = 1000
BIG_VAULT = 10_000
CLIENTS = 200
CHEAP_KDF = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
NO_KEYCHAIN = KeyStore(fail.Keyring())  # benchmarks must not touch the user's keychain


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def words(size: int) -> str:
    vocabulary = ["session", "felt", "mother", "work", "sleep", "anger", "dream", "quiet"]
    rng = random.Random(size)
    text = ""
    while len(text) < size:
        text += rng.choice(vocabulary) + " "
    return text[:size]


def raw_write(ops: FileOps, target: Path, payload: bytes, with_dir_fsync: bool) -> None:
    """temp + write + fsync + rename (+ folder fsync) of the same number of bytes."""
    if with_dir_fsync:
        ops.write_atomically(target, payload)
        return
    temp = target.with_name(f".{target.name}.tmp")
    fd = ops.create_exclusive(temp, 0o600)
    ops.write_all(fd, payload)
    ops.fsync(fd)
    ops.close(fd)
    ops.rename(temp, target)


def save_latency(root: Path) -> None:
    raw_dir = root / "raw"
    raw_dir.mkdir()
    ops = FileOps()
    vault = Vault.create(Home(root / "home"), "bench", keystore=NO_KEYCHAIN, kdf=CHEAP_KDF)
    for size in (1024, 20 * 1024):
        text = words(size)
        payload = secrets.token_bytes(len(text.encode()))
        saves, raw, raw_no_dir = [], [], []
        # One of each in turn, so all three see the same disk weather.
        for _ in range(SAVES):
            target = raw_dir / secrets.token_hex(16)
            raw.append(timed(partial(raw_write, ops, target, payload, True)))
            saves.append(timed(partial(vault.create_note, text, actor="bench", client="C")))
            raw_no_dir.append(
                timed(partial(raw_write, ops, raw_dir / secrets.token_hex(16), payload, False))
            )
        p50, p99 = statistics.median(saves), percentile(saves, 0.99)
        base50, base99 = statistics.median(raw), percentile(raw, 0.99)
        no_dir50 = statistics.median(raw_no_dir)
        print(
            f"save {size // 1024:>2} KB: p50 {p50 * 1e3:.2f} ms = {p50 / base50:.2f}x raw, "
            f"p99 {p99 * 1e3:.2f} ms = {p99 / base99:.2f}x raw  (aim p50 <= 1.5x; raw = "
            f"temp+fsync+rename+folder fsync, p50 {base50 * 1e3:.2f} ms; against temp+fsync+"
            f"rename without the folder fsync ({no_dir50 * 1e3:.2f} ms): {p50 / no_dir50:.2f}x)"
        )
    vault.lock()


def big_vault(root: Path) -> None:
    home = Home(root / "big")
    vault = Vault.create(home, "bench", keystore=NO_KEYCHAIN, kdf=CHEAP_KDF)
    start = time.perf_counter()
    for number in range(BIG_VAULT):
        vault.create_note(
            words(600),
            actor="bench",
            client=f"Client {number % CLIENTS}",
            context={"site": "ehr.example", "date": f"2024-{number % 12 + 1:02d}-01"},
        )
    print(f"built a vault of {BIG_VAULT} notes in {time.perf_counter() - start:.1f} s")
    vault.lock()

    kdf_time = timed(lambda: KdfParams().derive("bench passphrase", os.urandom(16)))
    fresh = Vault.open(home, keystore=NO_KEYCHAIN)
    unlock = timed(lambda: fresh.unlock_with_passphrase("bench"))
    cheap_kdf = timed(lambda: CHEAP_KDF.derive("bench", os.urandom(16)))
    listing = [timed(lambda: fresh.list_notes(client="Client 7")) for _ in range(50)]
    found = len(fresh.list_notes(client="Client 7"))
    print(
        f"unlock of {BIG_VAULT} notes without the KDF: {(unlock - cheap_kdf) * 1e3:.0f} ms "
        f"(aim < 1000 ms); production Argon2id KDF {KdfParams()} alone: {kdf_time * 1e3:.0f} ms"
    )
    print(
        f"list one client's notes ({found} of {BIG_VAULT}): p50 "
        f"{statistics.median(listing) * 1e3:.2f} ms (aim < 20 ms)"
    )
    fresh.lock()
    home.local_dir.joinpath(f"index-{fresh.vault_id}.bin").unlink()
    rebuild = Vault.open(home, keystore=NO_KEYCHAIN)
    rebuild_time = timed(lambda: rebuild.unlock_with_passphrase("bench"))
    print(f"unlock with the local index missing (full rebuild): {rebuild_time * 1e3:.0f} ms")


def main() -> int:
    quick = "--quick" in sys.argv
    with tempfile.TemporaryDirectory(
        prefix="margin-bench-", dir=os.environ.get("BENCH_DIR")
    ) as tmp:
        save_latency(Path(tmp))
        if not quick:
            big_vault(Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
