"""Watched folders: a new EHR export landing in, say, Downloads is checked once complete.

Browsers write a download under a temporary name (.crdownload, .part, .download) and
rename it when done, so Margin waits for a final name and a size that stops changing. While
the vault is locked, arrivals wait and are checked at the next unlock; nothing is skipped
silently.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from margin.logsafe import describe_bug

log = logging.getLogger("margin.watch")

TEMPORARY_SUFFIXES = (".crdownload", ".part", ".partial", ".download", ".tmp", ".opdownload")
STABLE_CHECKS = 3
STABLE_INTERVAL_SECONDS = 0.5


def is_temporary(path: Path) -> bool:
    name = path.name
    return name.startswith((".", "~$")) or name.lower().endswith(TEMPORARY_SUFFIXES)


def wait_until_complete(path: Path, checks: int = STABLE_CHECKS,
                        interval: float = STABLE_INTERVAL_SECONDS, limit: float = 600) -> bool:
    """True once the file's size and time stop changing; False if it went away."""
    deadline = time.monotonic() + limit
    last, same = None, 0
    while time.monotonic() < deadline:
        try:
            stat = path.stat()
        except FileNotFoundError:
            return False
        current = (stat.st_size, stat.st_mtime_ns)
        same = same + 1 if current == last and stat.st_size > 0 else 0
        if same >= checks:
            return True
        last = current
        time.sleep(interval)
    return True  # still growing after ten minutes: check what is there, verdict says so


class _Arrivals(FileSystemEventHandler):
    def __init__(self, on_file: Callable[[Path], None]):
        self.on_file = on_file

    def on_created(self, event: FileSystemEvent) -> None:
        if not event.is_directory:
            self.on_file(Path(str(event.src_path)))

    def on_moved(self, event: FileSystemEvent) -> None:
        if not event.is_directory:
            self.on_file(Path(str(event.dest_path)))


class FolderWatcher:
    """Watches folders; calls ``check(path)`` in a worker thread for each complete arrival."""

    def __init__(self, check: Callable[[Path], None]):
        self._check = check
        # Made at start(): an Observer holds an inotify instance from birth (watchdog 7), and a
        # Margin that never starts (a command run in-process) must not hold one.
        self._observer: Any = None
        self._wanted: list[Path] = []
        self._watches: dict[Path, object] = {}
        self._workers = ThreadPoolExecutor(max_workers=1, thread_name_prefix="margin-watch")
        self._in_flight: set[Path] = set()
        self._lock = threading.Lock()
        self._handler = _Arrivals(self._arrived)

    def start(self) -> None:
        self._observer = Observer()
        self._observer.daemon = True
        self._observer.start()
        self.set_folders(self._wanted)

    def stop(self) -> None:
        if self._observer is not None:
            self._observer.stop()
            self._observer = None
            self._watches.clear()
        self._workers.shutdown(wait=False, cancel_futures=True)

    def set_folders(self, folders: list[Path]) -> None:
        self._wanted = list(folders)
        if self._observer is None:
            return  # watched from start()
        wanted = {f.resolve() for f in folders if f.is_dir()}
        for folder in set(self._watches) - wanted:
            self._observer.unschedule(self._watches.pop(folder))
        for folder in wanted - set(self._watches):
            self._watches[folder] = self._observer.schedule(self._handler, str(folder))

    def _arrived(self, path: Path) -> None:
        if is_temporary(path):
            return
        with self._lock:
            if path in self._in_flight:
                return
            self._in_flight.add(path)
        self._workers.submit(self._settle_and_check, path)

    def _settle_and_check(self, path: Path) -> None:
        try:
            if wait_until_complete(path):
                self._check(path)
        except Exception as bug:  # a bug must not stop the watch; the log says what kind
            log.error("checking a new file in a watched folder failed: %s", describe_bug(bug))
        finally:
            with self._lock:
                self._in_flight.discard(path)
