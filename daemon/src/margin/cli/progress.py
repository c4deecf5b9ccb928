"""Progress of long work on a terminal: click's progress bar, quiet when the output is not a
terminal (a script, a pipe, CI) or when the command prints JSON."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import click

Progress = Callable[[int, int], None]


@contextmanager
def progress_bar(label: str, *, quiet: bool = False) -> Iterator[Progress | None]:
    """Yields a ``progress(done, total)`` callback, or None when nothing should be drawn."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    bar: Any = None
    shown = 0

    def update(done: int, total: int) -> None:
        nonlocal bar, shown
        if bar is None:
            bar = click.progressbar(length=max(total, 1), label=label, file=sys.stderr)
            bar.__enter__()
        bar.update(max(0, done - shown))
        shown = max(shown, done)

    try:
        yield update
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
