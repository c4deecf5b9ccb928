"""The vault locking by itself: after the idle time, after sleep, when the session locks.

Two background threads of the application object: one asks the holder every few seconds
whether a lock is due (idle, slept), the other listens for the desktop's screen-lock and
sleep signals (``margin.session_watch``, asyncio over D-Bus, in a loop of its own). A failure
in one round is logged and the next round runs: one failed auto-lock never ends auto-lock.
"""

from __future__ import annotations

import asyncio
import logging
import threading

from margin.holder import VaultHolder
from margin.logsafe import describe_bug
from margin.session_watch import watch_session

CHECK_SECONDS = 15.0
JOURNAL_FLUSH_SECONDS = 300.0  # journalled reads reach the synced folder at least this often
log = logging.getLogger("margin.autolock")


def lock_now(holder: VaultHolder, reason: str) -> None:
    if holder.unlocked:
        log.info("locking the vault (%s)", reason)
        holder.lock(actor=f"auto-lock:{reason}")


class AutoLock:
    """Checks every ``check_seconds`` whether the vault should lock, until stopped."""

    def __init__(self, holder: VaultHolder, check_seconds: float = CHECK_SECONDS):
        self.holder = holder
        self.check_seconds = check_seconds
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="margin-autolock", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)

    def _run(self) -> None:
        while not self._stop.wait(self.check_seconds):
            try:
                reason = self.holder.auto_lock_due()
                if reason is not None:
                    lock_now(self.holder, reason)
                else:
                    self.holder.flush_journal_if_waiting(JOURNAL_FLUSH_SECONDS)
            except Exception as bug:  # the next round still runs
                log.error("an automatic lock or journal flush failed: %s", describe_bug(bug))


class SessionLockWatch:
    """Locks the vault when the screen locks or the machine is about to sleep."""

    def __init__(self, holder: VaultHolder):
        self.holder = holder
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task[None] | None = None
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="margin-session", daemon=True)

    def start(self) -> None:
        self._thread.start()
        self._ready.wait(timeout=5)

    def stop(self) -> None:
        loop, task = self._loop, self._task
        if loop is not None and task is not None and not loop.is_closed():
            loop.call_soon_threadsafe(task.cancel)
        if self._thread.is_alive():
            self._thread.join(timeout=5)

    def _run(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._task = self._loop.create_task(watch_session(self._on_lock))
        self._ready.set()
        try:
            self._loop.run_until_complete(self._task)
        except asyncio.CancelledError:
            pass
        finally:
            self._loop.close()

    async def _on_lock(self, reason: str) -> None:
        try:
            await asyncio.to_thread(lock_now, self.holder, reason)
        except Exception as bug:
            log.error("locking at the session's signal failed: %s", describe_bug(bug))
