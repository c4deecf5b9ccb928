"""The vault page while the leak guard's index is made after an unlock, in Chromium and
Firefox (issue 18): how far it is while it builds; when the build stops on a fault, why
and what to do, instead of "still indexing" for ever; and when a note's file is missing
(a sync engine or antivirus moved it), that the guard compares against all the others.

The saved index is made a FIFO so the build waits at its start until the test lets it go;
a fault no outside process can cause on demand (a disk read error) is stood in for by a
directory where a note's file was, which the read fails on in the same way."""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import RunningDaemon
from tests.extension.engines.driver import Engine, EnginePage, eventually
from tests.extension.engines.steps import vault_made

pytestmark = pytest.mark.browser

CLIENT = "Ada Lovelace"


def _guard(daemon: RunningDaemon) -> dict:
    return daemon.cli("GET", "/v1/vault").json().get("guard", {})


def _note_files(home: Path) -> set[Path]:
    return {p for p in (home / "vault" / "data").rglob("*") if p.is_file()}


def _unlock(daemon: RunningDaemon, passphrase: str) -> dict:
    reply = daemon.cli("POST", "/v1/unlock", {"passphrase": passphrase})
    assert reply.status == 200, reply.body
    return reply.json()


@contextlib.contextmanager
def _unlock_held(daemon: RunningDaemon, passphrase: str, saved: Path) -> Iterator[None]:
    """Lock, then unlock with the saved index (``saved``) made a FIFO: the build waits at
    its start (reading every note again after it) until the block ends."""
    assert daemon.cli("POST", "/v1/lock", {}).status == 200
    with contextlib.suppress(FileNotFoundError):
        saved.unlink()
    os.mkfifo(saved, 0o600)
    try:
        assert _unlock(daemon, passphrase)["guard"]["state"] == "building"
        yield
    finally:
        _release(saved)


def _release(fifo: Path) -> None:
    """Let the waiting read of the saved index go on (it reads nothing: a damaged file, so
    the index is made again from the notes). Never blocks: with no reader, nothing to do."""
    with contextlib.suppress(OSError):
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    with contextlib.suppress(FileNotFoundError):
        fifo.unlink()


def _shows(vault: EnginePage, words: str) -> None:
    vault.reload()
    vault.wait_visible("#guard-building")
    vault.wait_text("#guard-building-text", words, contains=True)


def test_the_vault_page_follows_the_index_building_stopped_and_missing_files(
        engine: Engine, margin_home: Path, tmp_path: Path) -> None:
    with vault_made(engine, margin_home) as (daemon, passphrase):
        before = _note_files(margin_home)
        body = {"text": "About the kite over the orchard wall.", "client": CLIENT,
                "context": {"site": "generic"}}
        assert daemon.cli("POST", "/v1/notes", body).status == 201
        (note_file,) = _note_files(margin_home) - before  # one file: the note's first version
        eventually(lambda: _guard(daemon).get("state") == "ready", "the index ready", 60)
        assert daemon.cli("POST", "/v1/lock", {}).status == 200  # the index is saved
        (saved,) = (margin_home / "local").glob("fingerprints-*.bin")
        _unlock(daemon, passphrase)

        # Building: the unlock's build waits on the saved index at its start.
        with _unlock_held(daemon, passphrase, saved):
            vault = engine.vault_page()
            vault.wait_visible("#guard-building")
            vault.wait_text("#guard-building-text",
                            "The leak guard is reading its index of your private notes",
                            contains=True)
            assert vault.visible("#guard-building-bar")
            vault.screenshot("guard-index-building")
            # Stopped: the note's file cannot be read (a directory stands where it was).
            aside = tmp_path / "aside"
            shutil.move(note_file, aside)
            note_file.mkdir()
        eventually(lambda: _guard(daemon).get("state") == "stopped", "the build stopped", 60)
        _shows(vault, "could not finish indexing")
        vault.wait_text("#guard-building-text", "Lock Margin and unlock it again", contains=True)
        assert not vault.visible("#guard-building-bar")
        vault.screenshot("guard-index-stopped")

        # Missing: the file goes while the index is made (a sync engine moved it): the
        # others are compared against.
        note_file.rmdir()
        shutil.move(aside, note_file)
        with _unlock_held(daemon, passphrase, saved):
            shutil.move(note_file, aside)
        eventually(lambda: _guard(daemon).get("state") == "ready", "ready without it", 60)
        assert _guard(daemon) == {"state": "ready", "unread": 1}
        _shows(vault, "could not read 1 of your private notes yet")
        assert not vault.visible("#guard-building-bar")
        vault.screenshot("guard-index-unread")

        # Back: the file returns and an unlock indexes it; the page says nothing more.
        shutil.move(aside, note_file)
        with _unlock_held(daemon, passphrase, saved):
            pass
        eventually(lambda: _guard(daemon) == {"state": "ready"}, "ready with every note", 60)
        vault.reload()
        vault.wait_text("#clients", f"{CLIENT} (1)", contains=True)
        assert not vault.visible("#guard-building")
