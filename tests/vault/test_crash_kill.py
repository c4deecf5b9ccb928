"""kill -9 at random instants: every acknowledged save survives, the vault always opens.

A child process (crash_child.save_forever, forked by its server) saves notes in a loop and writes
a line for each acknowledged save; the test SIGKILLs it at a random moment (during unlock,
catch-up, a save or an index write), reopens the vault from disk and checks every save ever
acknowledged.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
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


class Savers:
    """The fork server of crash_child.py, started once per test: it imports Margin once and
    forks every saver, so a kill lands in what touches the vault (unlock, catch-up, saves)
    and 300 kills do not each pay Python's start-up."""

    def __init__(self) -> None:
        self.server = subprocess.Popen([sys.executable, str(CHILD)], stdin=subprocess.PIPE,
                                       stdout=subprocess.PIPE, text=True)

    def ask(self, command: dict) -> int:
        assert self.server.stdin is not None and self.server.stdout is not None
        self.server.stdin.write(json.dumps(command) + "\n")
        self.server.stdin.flush()
        return int(self.server.stdout.readline())

    def __enter__(self) -> Savers:
        return self

    def __exit__(self, *_: object) -> None:
        assert self.server.stdin is not None
        self.server.stdin.close()  # the server's loop ends and it exits
        self.server.wait(timeout=20)


class Child:
    """One saver process and the lines it has written."""

    def __init__(self, savers: Savers, home: Home, seed: int, mode: tuple[str, ...]) -> None:
        folder = home.root.parent
        self.savers, self.log, self.errors = savers, folder / f"{seed}.log", folder / f"{seed}.err"
        self.started = time.monotonic()
        self.pid = savers.ask({"save": [str(home.root), seed, mode == ("compact",),
                                        str(self.log), str(self.errors)]})

    def output(self) -> bytes:
        return self.log.read_bytes() if self.log.exists() else b""

    def wait_until_ready(self, timeout: float) -> float:
        """Seconds from start to READY (start-up kills are spread over that span)."""
        deadline = self.started + timeout
        while b"READY\n" not in self.output():
            if self._errors() or time.monotonic() > deadline:
                raise AssertionError(f"child never got ready: {self._errors()}")
            time.sleep(0.002)
        return time.monotonic() - self.started

    def kill(self) -> list[str]:
        """SIGKILL now; the complete ACK and READ lines written before it."""
        assert self.savers.ask({"kill": self.pid}) == -signal.SIGKILL, self._errors()
        complete = self.output().decode().split("\n")[:-1]  # a cut line was not acknowledged
        return [line for line in complete if line.startswith(("ACK ", "READ "))]

    def _errors(self) -> str:
        return self.errors.read_text(errors="replace") if self.errors.exists() else ""


def run_and_kill(savers: Savers, home: Home, seed: int, rng: random.Random,
                 start_up: list[float], *mode: str) -> list[str]:
    """Start a child, SIGKILL it at a random instant, return its complete output lines.
    ``start_up`` holds how long the last child took to get ready."""
    child = Child(savers, home, seed, mode)
    if rng.random() < 0.25:  # somewhere in start-up: unlock, catch-up, device record
        time.sleep(rng.uniform(0.0, start_up[0]))
    else:  # somewhere in the save loop
        start_up[0] = child.wait_until_ready(timeout=20)
        time.sleep(rng.uniform(0.0, 0.12))
    return child.kill()


def crash_many(home: Home, kills: int, seed: int, *mode: str) -> int:
    Vault.create(home, PASSPHRASE, keystore=no_keychain(), kdf=CHEAP_KDF).lock()
    rng = random.Random(seed)
    acknowledged: dict[str, tuple[str, str]] = {}  # version -> (note, sha256 of its text)
    reads: dict[int, str] = {}  # audit seq of an acknowledged read -> its entry's hash
    start_up = [0.1]  # seconds to READY, measured on every child waited for
    with Savers() as savers:
        for kill in range(kills):
            lines = run_and_kill(savers, home, seed * 100_000 + kill, rng, start_up, *mode)
            reads |= check_reopened(home, kill, lines, acknowledged)
    final = reopen(home)
    assert _reads_present(final, reads), "an acknowledged read's audit entry was lost"
    report = final.verify_audit()
    assert report.ok, report.problems
    assert final.problems() == []
    return len(acknowledged)


def check_reopened(home: Home, kill: int, lines: list[str],
                   acknowledged: dict[str, tuple[str, str]]) -> dict[int, str]:
    """After a kill: the vault opens, holds every save ever acknowledged and this kill's
    acknowledged reads, and no half-written file. Returns this kill's reads."""
    fresh = [line.split()[1:] for line in lines if line.startswith("ACK ")]
    vault = reopen(home)  # must open without error after every kill
    fresh_reads = {int(seq): digest for _, _, seq, digest in
                   (line.split() for line in lines if line.startswith("READ "))}
    # This kill's reads now; every read of every kill again at the end (a lost entry
    # stays lost, so nothing is missed, and the journal is not re-read 200 times).
    if fresh_reads:
        assert _reads_present(vault, fresh_reads), \
            f"kill {kill}: an acknowledged read's audit entry was lost"
    assert not [p for p in (home.vault_dir / "data" / vault.device_id).iterdir()
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
    return fresh_reads


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
