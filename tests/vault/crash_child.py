"""Saves notes in a loop and prints one line per acknowledged save (run by test_crash_kill).

Usage: python crash_child.py HOME SEED [compact]. Every line "ACK <note> <version> <sha256
of text>" is printed only after the vault call returned, i.e. after the save was
acknowledged; with ``compact`` it also reads notes (audited: "READ <note> <seq>" once the
entry is durable) and packs its small files every few steps, so kills land mid-pack too.
"""

from __future__ import annotations

import hashlib
import random
import sys
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


def main() -> None:
    home, seed = Home(Path(sys.argv[1])), int(sys.argv[2])
    compacting = sys.argv[3:] == ["compact"]
    vault = Vault.open(home, keystore=KeyStore(fail.Keyring()))
    vault.policy = Policy(min_files=3, min_age_seconds=0)
    vault.unlock_with_passphrase(PASSPHRASE)
    rng = random.Random(seed)
    current = {n.id: n.version for n in vault.list_notes()}
    print("READY", flush=True)
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
        print(f"ACK {note.id} {note.version} {digest}", flush=True)
        if compacting:
            read = vault.get_note(rng.choice(sorted(current)), actor="crash-test")
            entry = vault.audit_entries(device=vault.device_id)[-1]
            print(f"READ {read.id} {entry.seq} {entry.hash}", flush=True)
            if step % 4 == 0:
                vault.compact()
        if step % 7 == 0:
            vault.flush_index()  # so some kills land in the middle of an index write


if __name__ == "__main__":
    main()
