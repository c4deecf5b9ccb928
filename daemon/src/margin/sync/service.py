"""The daemon's taker-in: what sync engines bring into the vault folder becomes visible.

One worker thread waits for a folder event (or the poll interval), lets a burst settle for
a moment, then refreshes the unlocked vault: complete, authenticated files are taken in,
temporary files are skipped, a file still being written in place waits (``arrival_grace``),
a version whose body or parent has not arrived is "waiting for sync". What changed reaches
the fingerprint index through the vault's note listeners, and (at most every
``SEEN_INTERVAL``) an audit entry records the other devices' heads seen here, so a later
removal or rollback by the sync provider is noticed on every device.

Taking in does not count as the clinician's activity: a vault that receives files still
locks itself after the idle time.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import Any

from margin.errors import MarginError
from margin.holder import VaultHolder
from margin.logsafe import describe_bug
from margin.sync.watch import FolderEvents
from margin.vault import Vault

log = logging.getLogger("margin.sync")

SETTLE_SECONDS = 0.05  # let a burst of events (one file, many events) arrive first
POLL_SECONDS = 5.0  # list the folder anyway: events can be missed
SEEN_INTERVAL = 2.0  # at most one "seen" audit entry this often
ARRIVAL_GRACE_SECONDS = 60.0
ACTOR = "sync"


class SyncService:
    def __init__(self, holder: VaultHolder, *, poll_seconds: float = POLL_SECONDS):
        self.holder = holder
        self.poll_seconds = poll_seconds
        self.wake = threading.Event()
        self.events = FolderEvents(self.wake)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._last_seen_write = 0.0
        self.last_take_in: float | None = None
        self.last_change: float | None = None
        self.take_ins = 0
        holder.on_unlock.append(self.wake.set)

    # --- running -----------------------------------------------------------------------------

    def start(self) -> None:
        self.events.start()
        self._thread = threading.Thread(target=self._loop, name="margin-sync", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self.wake.set()
        self.events.stop()
        if self._thread is not None:
            self._thread.join(timeout=10)

    def _loop(self) -> None:
        while not self._stop.is_set():
            woken = self.wake.wait(timeout=min(self.poll_seconds, SEEN_INTERVAL))
            if self._stop.is_set():
                return
            if woken:
                time.sleep(SETTLE_SECONDS)
                self.wake.clear()
            try:
                self.events.watch(self.vault_dir() / "data")
                self.take_in(full=woken or self._poll_due())
            except MarginError as error:  # locked meanwhile, a full disk: try again later
                log.info("taking in synced files waits: %s", error.code)
            except Exception as bug:  # a bug must not stop taking in; the log says what kind
                log.error("taking in synced files failed: %s", describe_bug(bug))

    def _poll_due(self) -> bool:
        return self.last_take_in is None or time.monotonic() - self.last_take_in >= \
            self.poll_seconds

    # --- taking in ---------------------------------------------------------------------------

    def vault_dir(self) -> Path:
        return self.holder.home.vault_dir

    def _vault(self) -> Vault | None:
        return self.holder.vault_if_unlocked()

    def take_in(self, *, full: bool = True) -> bool:
        """Refresh the unlocked vault; True when something new became visible."""
        vault = self._vault()
        if vault is None:
            return False
        changed = False
        if full:
            vault.arrival_grace = ARRIVAL_GRACE_SECONDS
            changed = vault.refresh()
            self.last_take_in = time.monotonic()
            self.take_ins += 1
            if changed:  # the fingerprint index follows by itself (Vault.note_listeners)
                self.last_change = time.time()
        if time.monotonic() - self._last_seen_write >= SEEN_INTERVAL and vault.record_seen(
                actor=ACTOR):
            self._last_seen_write = time.monotonic()
        return changed

    # --- what the panel and `margin devices` see -----------------------------------------------

    def state(self) -> dict[str, Any]:
        vault = self._vault()
        folder = self.vault_dir()
        state: dict[str, Any] = {
            "vault_dir": str(folder),
            "watching": self.events.folder is not None,
            "unlocked": vault is not None,
            "last_change": self.last_change,
            "issues": [],
            "devices": [],
        }
        if vault is not None:
            state["issues"] = [issue.to_json() for issue in vault.sync_issues()]
            state["devices"] = [device.to_json() for device in vault.devices()]
            state["waiting_notes"] = sum(1 for s in vault.list_notes(include_deleted=True)
                                         if s.waiting_for_sync)
        state["alert"] = any(issue["alert"] for issue in state["issues"])
        return state
