"""Bug reports for the log that carry no private words.

A traceback's message lines can quote data (a KeyError names the missing key, a path names a
client's file), and logs are plaintext at rest. So a bug is logged as its type and the
frames it went through (file, line, function): enough to find the bug, nothing of the data.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import traceback
from pathlib import Path


def describe_bug(error: BaseException) -> str:
    frames = traceback.extract_tb(error.__traceback__)
    where = " <- ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(frames))
    return f"{type(error).__name__} at {where or 'an unknown place'}"


def log_bugs_safely(loop: asyncio.AbstractEventLoop, log: logging.Logger) -> None:
    """Uncaught errors in threads and asyncio tasks are logged the same way, never with the
    default handlers' full tracebacks and messages."""

    def thread_bug(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            log.error("a background thread failed: %s", describe_bug(args.exc_value))

    def task_bug(_: asyncio.AbstractEventLoop, context: dict[str, object]) -> None:
        error = context.get("exception")
        what = describe_bug(error) if isinstance(error, BaseException) else "no exception"
        log.error("a background task failed: %s", what)

    threading.excepthook = thread_bug
    loop.set_exception_handler(task_bug)
