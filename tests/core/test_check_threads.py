"""Checks of text run on threads of their own: a save never waits for a thread behind them.

The first lint or leak-guard check after the daemon starts loads rules and models, seconds
each on a slow machine, and the panel and the page send several at once. When they shared
the daemon's worker threads with saves, a save in a browser test waited ten seconds for one.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from margin.server.app import CHECK_THREADS
from tests.conftest import RunningDaemon
from tests.core.test_guard_api import add_note, vault  # noqa: F401 (the fixture)

HELD_CHECKS = 10  # more than the threads asyncio gives a two-core machine (cores + 4)


def test_a_save_is_answered_while_checks_of_text_are_held(vault: RunningDaemon,  # noqa: F811
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    release, entered = threading.Event(), threading.Semaphore(0)
    margin: Any = vault.margin  # type: ignore[attr-defined]
    real_lint = margin.lint

    def held_lint(body: dict[str, Any]) -> dict[str, Any]:
        entered.release()
        release.wait(30)  # as a first lint loading its rules on a slow machine
        return real_lint(body)

    monkeypatch.setattr(margin, "lint", held_lint)
    with ThreadPoolExecutor(HELD_CHECKS) as senders:
        checks = [senders.submit(vault.as_extension, "POST", "/v1/lint",
                                 body={"text": "Denies SI."}) for _ in range(HELD_CHECKS)]
        try:
            for _ in range(CHECK_THREADS):  # the check threads are all busy
                assert entered.acquire(timeout=10)
            time.sleep(0.2)  # the other checks reach the daemon and wait there
            note = add_note(vault)  # gives up after 10 s if it waits behind the checks
            assert note["version"]
            assert not any(check.done() for check in checks), "the checks were not held"
        finally:
            release.set()
        assert [check.result().status for check in checks] == [200] * HELD_CHECKS
