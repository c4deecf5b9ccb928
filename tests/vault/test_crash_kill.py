"""kill -9 at random instants: every acknowledged save survives, the vault always opens.

A child process (crash_child.py) saves notes in a loop and prints each acknowledged save;
the test SIGKILLs it at a random moment (during start-up, unlock, catch-up, a save or an
index write), reopens the vault from disk and checks every save ever acknowledged.
"""

from __future__ import annotations

import hashlib
import os
import random
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from margin.home import Home
from margin.vault import Vault

from .helpers import CHEAP_KDF, PASSPHRASE, no_keychain, reopen

CHILD = Path(__file__).with_name("crash_child.py")


def run_and_kill(home: Home, seed: int, rng: random.Random, *mode: str) -> list[str]:
    """Start the child, SIGKILL it at a random instant, return its complete output lines."""
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(home.root), str(seed), *mode],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None
    output = b""
    if rng.random() < 0.25:  # somewhere in start-up: import, unlock, catch-up, device record
        time.sleep(rng.uniform(0.0, 0.3))
    else:  # somewhere in the save loop
        output = _read_until(child, b"READY\n", timeout=20)
        time.sleep(rng.uniform(0.0, 0.12))
    child.send_signal(signal.SIGKILL)
    rest, errors = child.communicate(timeout=20)
    assert child.returncode == -signal.SIGKILL, errors.decode(errors="replace")
    output += rest
    complete = output.decode().split("\n")[:-1]  # a line cut by the kill was not acknowledged
    return [line for line in complete if line.startswith(("ACK ", "READ "))]


def _read_until(child: subprocess.Popen[bytes], marker: bytes, timeout: float) -> bytes:
    assert child.stdout is not None
    selector = selectors.DefaultSelector()
    selector.register(child.stdout, selectors.EVENT_READ)
    seen = b""
    deadline = time.monotonic() + timeout
    while marker not in seen:
        if not selector.select(timeout=max(0.0, deadline - time.monotonic())):
            raise AssertionError(
                f"child never got ready: {child.stderr.read() if child.stderr else ''}"
            )
        chunk = os.read(child.stdout.fileno(), 65536)
        if not chunk:
            raise AssertionError(
                "child exited early: " + (child.stderr.read().decode() if child.stderr else "")
            )
        seen += chunk
    return seen


def crash_many(home: Home, kills: int, seed: int, *mode: str) -> int:
    Vault.create(home, PASSPHRASE, keystore=no_keychain(), kdf=CHEAP_KDF).lock()
    rng = random.Random(seed)
    acknowledged: dict[str, tuple[str, str]] = {}  # version -> (note, sha256 of its text)
    reads: dict[int, str] = {}  # audit seq of an acknowledged read -> its entry's hash
    for kill in range(kills):
        lines = run_and_kill(home, seed * 100_000 + kill, rng, *mode)
        fresh = [line.split()[1:] for line in lines if line.startswith("ACK ")]
        vault = reopen(home)  # must open without error after every kill
        fresh_reads = {int(seq): digest for _, _, seq, digest in
                       (line.split() for line in lines if line.startswith("READ "))}
        reads |= fresh_reads
        own = vault.device_id
        # This kill's reads now; every read of every kill again at the end (a lost entry
        # stays lost, so nothing is missed, and the journal is not re-read 200 times).
        if fresh_reads:
            assert _reads_present(vault, fresh_reads), \
                f"kill {kill}: an acknowledged read's audit entry was lost"
        assert not [p for p in (home.vault_dir / "data" / own).iterdir()
                    if p.name.endswith(".tmp")], f"kill {kill}: a stray temp file was left"
        for note_id, version, digest in fresh:
            acknowledged[version] = (note_id, digest)
            text = vault.get_note(note_id, actor="crash-check", version=version).text
            assert hashlib.sha256(text.encode()).hexdigest() == digest, f"kill {kill}: text differs"
        known = {meta.id for n in vault.list_notes() for meta in vault.history(n.id)}
        lost = set(acknowledged) - known
        assert not lost, f"kill {kill}: acknowledged versions lost: {sorted(lost)}"
        assert vault.quarantined() == [], f"kill {kill}: a half-written file was found"
        vault.lock()
    final = reopen(home)
    assert _reads_present(final, reads), "an acknowledged read's audit entry was lost"
    report = final.verify_audit()
    assert report.ok, report.problems
    assert final.problems() == []
    return len(acknowledged)


def _reads_present(vault: Vault, reads: dict[int, str]) -> bool:
    present = {e.seq: e.hash for e in vault.audit_entries(device=vault.device_id)}
    return all(present.get(seq) == digest for seq, digest in reads.items())


def test_kill_minus_nine_loses_no_acknowledged_save(tmp_path: Path) -> None:
    kills = int(os.environ.get("MARGIN_CRASH_KILLS", "200"))
    saved = crash_many(Home(tmp_path / "home"), kills, seed=int(time.time()))
    assert saved > kills  # the kills really landed among saves, not only at start-up


def test_kill_minus_nine_while_reading_and_compacting_loses_nothing(tmp_path: Path) -> None:
    """Kills land in reads (journal appends), segments, packs and the removal of what a
    pack replaced: every acknowledged save and read survives, the chain verifies."""
    kills = int(os.environ.get("MARGIN_CRASH_KILLS", "200")) // 2
    saved = crash_many(Home(tmp_path / "home"), kills, int(time.time()) + 1, "compact")
    assert saved > kills // 2


@pytest.mark.soak
@pytest.mark.skipif(
    not os.environ.get("MARGIN_SOAK"), reason="long run; `make soak` sets MARGIN_SOAK"
)
def test_kill_minus_nine_soak(tmp_path: Path) -> None:
    crash_many(Home(tmp_path / "home"), 2000, seed=int(time.time()))
