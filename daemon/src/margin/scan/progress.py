"""How far the export checks under way have got, for the vault page's progress bar.

A check counts files (given files and the members found inside archives and documents)
and pages whose pictures OCR reads (the slow part), each done of found so far. The
readers note what they find and finish through ``note``, which finds the check of the
running thread (a context variable), so none of them takes a progress argument. It holds
file names and counts, never text.
"""

from __future__ import annotations

import contextvars
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

UNITS = ("files", "pages")


class Progress:
    def __init__(self, name: str):
        self.name = name
        self.started = time.time()
        self._lock = threading.Lock()
        self._found = dict.fromkeys(UNITS, 0)
        self._done = dict.fromkeys(UNITS, 0)

    def note(self, unit: str, *, found: int = 0, done: int = 0) -> None:
        with self._lock:
            self._found[unit] += found
            self._done[unit] += done

    def to_json(self) -> dict[str, Any]:
        with self._lock:
            return {"name": self.name, "started": self.started,
                    **{f"{unit}_done": self._done[unit] for unit in UNITS},
                    **{f"{unit}_total": self._found[unit] for unit in UNITS}}


_current: contextvars.ContextVar[Progress | None] = contextvars.ContextVar(
    "margin_scan_progress", default=None)


def note(unit: str, *, found: int = 0, done: int = 0) -> None:
    """Count for the check this thread runs, if any (a check without a bar counts nothing)."""
    progress = _current.get()
    if progress is not None:
        progress.note(unit, found=found, done=done)


class Checks:
    """The export checks under way, for ``watch_state``."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running: list[Progress] = []

    @contextmanager
    def running(self, name: str) -> Iterator[Progress]:
        progress = Progress(name)
        token = _current.set(progress)
        with self._lock:
            self._running.append(progress)
        try:
            yield progress
        finally:
            _current.reset(token)
            with self._lock:
                self._running.remove(progress)

    def to_json(self) -> list[dict[str, Any]]:
        with self._lock:
            return [progress.to_json() for progress in self._running]
