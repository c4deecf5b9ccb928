"""Watching the vault folder: any file event under ``data/`` wakes the taker-in.

Events are only a hint. The taker-in lists the folder itself, so a missed event (network
drives, an overflowing inotify queue) only costs the poll interval, and a burst of events
(a first sync of thousands of files) is taken in as a few batches.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from margin.vault.store import classify


def interesting(path: str) -> bool:
    """An object file, a sync engine's copy of one, or a folder: not a temp file."""
    kind, _ = classify(Path(path).name)
    return kind in ("object", "copy")


class _Events(FileSystemEventHandler):
    def __init__(self, wake: threading.Event):
        self.wake = wake

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        paths = [str(event.src_path), str(getattr(event, "dest_path", "") or "")]
        if event.is_directory or any(p and interesting(p) for p in paths):
            self.wake.set()


class FolderEvents:
    """Watches one folder tree (re-pointed with ``watch``) and sets ``wake`` on changes."""

    def __init__(self, wake: threading.Event):
        self.wake = wake
        self._observer: Any = None  # made at start(): an Observer holds an inotify instance
        self._handler = _Events(wake)
        self._watch: object | None = None
        self.folder: Path | None = None

    def start(self) -> None:
        self._observer = Observer()
        self._observer.daemon = True
        self._observer.start()

    def stop(self) -> None:
        observer, self._observer = self._observer, None
        if observer is not None:
            observer.stop()
        self._watch, self.folder = None, None

    def watch(self, folder: Path) -> bool:
        """Watch ``folder`` (recursively) once it exists; True while it is watched."""
        if folder == self.folder:
            return True
        if not folder.is_dir() or self._observer is None:
            return False
        if self._watch is not None:
            self._observer.unschedule(self._watch)
        self._watch = self._observer.schedule(self._handler, str(folder), recursive=True)
        self.folder = folder
        self.wake.set()
        return True
