"""Bugs are logged by type and place, never with the data their message may quote."""

from __future__ import annotations

import asyncio
import logging
import threading

import pytest

from margin.logsafe import describe_bug, log_bugs_safely


def test_bug_description_has_no_message_text() -> None:
    try:
        {"Ada Quill": 1}["Rosa Lind's dream of the flooded cellar"]
    except KeyError as error:
        described = describe_bug(error)
    assert described.startswith("KeyError at test_logsafe.py:")
    assert "Rosa" not in described and "cellar" not in described


def test_uncaught_thread_and_task_errors_are_logged_without_their_message(
        caplog: pytest.LogCaptureFixture) -> None:
    log = logging.getLogger("margin.test")
    loop = asyncio.new_event_loop()
    saved_hook = threading.excepthook
    try:
        log_bugs_safely(loop, log)

        def fails() -> None:
            raise ValueError("Rosa Lind's dream of the flooded cellar")

        with caplog.at_level(logging.ERROR, logger="margin.test"):
            worker = threading.Thread(target=fails)
            worker.start()
            worker.join()
            loop.call_exception_handler({"exception": KeyError("Ada Quill")})
    finally:
        threading.excepthook = saved_hook
        loop.close()
    logged = caplog.text
    assert "ValueError at test_logsafe.py:" in logged and "KeyError" in logged
    assert "Rosa" not in logged and "cellar" not in logged and "Ada" not in logged
