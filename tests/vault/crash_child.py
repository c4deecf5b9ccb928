"""Saves notes in a loop and writes one line per acknowledged save (run by test_crash_kill).

Run as a script, it is a fork server: Margin is imported once, and every saver is a process
forked from it (Python's start-up and imports took about 0.3 s of every one of 300 kills),
SIGKILLed when the test says. Every line "ACK <note> <version> <sha256 of text>" is written
only after the vault call returned, i.e. after the save was acknowledged; with ``compacting``
it also reads notes (audited: "READ <note> <seq>" once the entry is durable) and packs its
small files every few steps, so kills land mid-pack too.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import sys
import traceback
from pathlib import Path

from keyring.backends import fail

from margin.home import Home
from margin.vault import KeyStore, Vault
from margin.vault.compact import Policy

PASSPHRASE = "correct horse battery staple"


def text_for(seed: int, step: int) -> str:
    rng = random.Random(f"{seed}/{step}")
    words = ["grief", "harbor", "sister", "winter", "promise", "ladder", "quiet", "ember"]
    return f"seed {seed} step {step}: " + " ".join(
        rng.choice(words) for _ in range(rng.randint(5, 900))
    )


def save_forever(home_root: str, seed: int, compacting: bool, log: str, errors: str) -> None:
    """Unlock, write READY, then save until killed; every line is one write to ``log``
    (a line the kill cuts has no newline, and the test ignores it)."""
    log_fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.dup2(os.open(errors, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600), 2)

    def say(line: str) -> None:
        os.write(log_fd, (line + "\n").encode())

    vault = Vault.open(Home(Path(home_root)), keystore=KeyStore(fail.Keyring()))
    vault.policy = Policy(min_files=3, min_age_seconds=0)
    vault.unlock_with_passphrase(PASSPHRASE)
    rng = random.Random(seed)
    current = {n.id: n.version for n in vault.list_notes()}
    say("READY")
    step = 0
    while True:
        step += 1
        text = text_for(seed, step)
        if current and rng.random() < 0.6:
            note_id = rng.choice(sorted(current))
            note = vault.update_note(
                note_id, text, base_version=current[note_id], actor="crash-test"
            )
        else:
            note = vault.create_note(text, actor="crash-test", client=f"client {rng.randint(1, 5)}")
        current[note.id] = note.version
        digest = hashlib.sha256(text.encode()).hexdigest()
        say(f"ACK {note.id} {note.version} {digest}")
        if compacting:
            read = vault.get_note(rng.choice(sorted(current)), actor="crash-test")
            entry = vault.audit_entries(device=vault.device_id)[-1]
            say(f"READ {read.id} {entry.seq} {entry.hash}")
            if step % 4 == 0:
                vault.compact()
        if step % 7 == 0:
            vault.flush_index()  # so some kills land in the middle of an index write


def serve() -> None:
    """Read one JSON command per line on stdin and answer each with one line on stdout:
    {"save": [home, seed, compacting, log, errors]} forks a saver and answers its pid;
    {"kill": pid} SIGKILLs it, reaps it, and answers its exit code (-9 when the kill did it)."""
    for line in sys.stdin:
        command = json.loads(line)
        if "save" in command:
            answer = _fork_saver(*command["save"])
        else:
            os.kill(command["kill"], signal.SIGKILL)
            answer = os.waitstatus_to_exitcode(os.waitpid(command["kill"], 0)[1])
        print(answer, flush=True)


def _fork_saver(home_root: str, seed: int, compacting: bool, log: str, errors: str) -> int:
    pid = os.fork()
    if pid:
        return pid
    try:
        save_forever(home_root, seed, compacting, log, errors)
    except BaseException:
        traceback.print_exc()  # into the errors file, which the test shows
    finally:
        os._exit(1)  # never back into the server's loop


if __name__ == "__main__":
    serve()
