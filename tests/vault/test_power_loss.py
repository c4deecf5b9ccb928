"""Simulated power loss: replay the file operations of real saves on a model of the disk and
open every state a power cut could leave. Nothing acknowledged may be lost and nothing
half-written may be taken as valid. The same check run on a save that skips fsync must
fail, which shows the check can catch a loss.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from margin.home import Home
from margin.vault import Vault

from .helpers import CHEAP_KDF, PASSPHRASE, no_keychain, reopen
from .powercut import Op, RecordingOps, SkippedFsyncOps, crash_states, read_tree, write_tree


@dataclass
class Recording:
    base: dict[str, bytes]
    folders: set[str]
    trace: list[Op]
    texts: dict[str, str]  # version -> text, for every version ever written
    base_note: str


def record(tmp_path: Path, ops_class: type[RecordingOps]) -> Recording:
    home = Home(tmp_path / "recorded")
    vault = Vault.create(home, PASSPHRASE, keystore=no_keychain(), kdf=CHEAP_KDF)
    first = vault.create_note("written before the recording", actor="cli", client="Base")
    texts = {first.version: first.text}
    vault.lock()
    base = read_tree(home.root)
    folders = {p.relative_to(home.root).as_posix() for p in home.root.rglob("*") if p.is_dir()}

    ops = ops_class(home.root)
    vault = Vault.open(home, keystore=no_keychain(), ops=ops)
    vault.unlock_with_passphrase(PASSPHRASE)
    ops.acknowledge("unlock")
    made = vault.create_note("a new note, saved during the recording", actor="cli", client="New")
    texts[made.version] = made.text
    ops.acknowledge(f"version {made.id} {made.version}")
    edited = vault.update_note(
        first.id, "edited during the recording", base_version=first.version, actor="cli"
    )
    texts[edited.version] = edited.text
    ops.acknowledge(f"version {first.id} {edited.version}")
    vault.delete_note(made.id, actor="cli")
    ops.acknowledge(f"deleted {made.id}")
    vault.lock()
    ops.acknowledge("lock")
    return Recording(base, folders, ops.trace, texts, first.id)


def failures(recording: Recording, workdir: Path) -> tuple[int, list[str]]:
    """Open every crash state; return how many were opened and what went wrong."""
    found: list[str] = []
    opened = 0
    for point, acknowledged, files in crash_states(recording.base, recording.trace):
        root = workdir / f"state-{opened}"
        write_tree(root, files, recording.folders)
        opened += 1
        try:
            problems = _check_state(Home(root), acknowledged, recording)
        except Exception as error:  # the vault must open: any exception is a failure
            problems = [f"{type(error).__name__}: {error}"]
        found += [f"after op {point} ({recording.trace[point - 1].name}): {p}" for p in problems]
        shutil.rmtree(root)
    return opened, found


def _check_state(home: Home, acknowledged: list[str], recording: Recording) -> list[str]:
    vault = reopen(home)
    problems = []
    for label in acknowledged:
        kind, *rest = label.split()
        if kind == "version":
            note_id, version = rest
            text = vault.get_note(note_id, actor="check", version=version).text
            if text != recording.texts[version]:
                problems.append(f"acknowledged version {version} has other text")
        elif kind == "deleted" and not vault.history(rest[0])[-1].deleted:
            problems.append("acknowledged delete was lost")
    for summary in vault.list_notes(include_deleted=True):
        for meta in vault.history(summary.id):
            if meta.body is not None:  # nothing half-written may be read as a note
                text = vault.get_note(summary.id, actor="check", version=meta.id).text
                if text not in recording.texts.values():
                    problems.append("a note's text is not any text that was written")
    if vault.get_note(recording.base_note, actor="check").text not in recording.texts.values():
        problems.append("the note saved before the recording was harmed")
    vault.lock()
    return problems


def test_no_power_cut_loses_an_acknowledged_save(tmp_path: Path) -> None:
    recording = record(tmp_path, RecordingOps)
    names = [op.name for op in recording.trace]
    assert {"create", "write", "fsync", "rename", "fsync_dir", "ack"} <= set(names)
    opened, found = failures(recording, tmp_path / "states")
    assert opened >= 30  # every distinct crash state of ~40 operations was really opened
    assert found == []


def test_the_check_catches_a_save_that_skips_fsync(tmp_path: Path) -> None:
    recording = record(tmp_path, SkippedFsyncOps)
    assert "fsync" not in [op.name for op in recording.trace]
    _, found = failures(recording, tmp_path / "states")
    assert any(
        "acknowledged version" in f or "NoteNotFound" in f or "WaitingForSync" in f for f in found
    ), found
