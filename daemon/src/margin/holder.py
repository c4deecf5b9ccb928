"""The daemon's hold on the vault: open, create, unlock, lock, and locking by itself.

The vault locks after the idle time the clinician set, and when the machine has slept
(on Linux, CLOCK_BOOTTIME runs on through a suspend while CLOCK_MONOTONIC stops, so a
growing gap between them means the machine was asleep).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from margin import errors
from margin.home import Home
from margin.logsafe import describe_bug
from margin.note_fingerprints import NoteFingerprints
from margin.recovery import new_recovery_passphrase
from margin.settings import Settings
from margin.vault import KdfParams, KeyStore, Vault

SLEEP_GAP_SECONDS = 5.0
# The leak guard's index is made ready in the background after an unlock (a first index of
# 100,000 notes takes minutes). An unlock waits this long for it, so a small vault is ready
# when the unlock answers; a check waits this long before it is refused as "still indexing".
READY_WAIT_SECONDS = 3.0
log = logging.getLogger("margin.vault")


def _sleep_offset() -> float:
    boottime = getattr(time, "CLOCK_BOOTTIME", None)
    if boottime is None:  # pragma: no cover - not Linux
        return 0.0
    return time.clock_gettime(boottime) - time.monotonic()


class VaultHolder:
    def __init__(self, home: Home, *, keystore: KeyStore | None = None,
                 kdf: KdfParams | None = None):
        self.home = home
        self.keystore = keystore
        self.kdf = kdf
        self.settings = Settings.load(home)
        self._vault: Vault | None = Vault.open(home, keystore=keystore) if Vault.exists(
            home) else None
        self._creating = threading.Lock()
        self._indexing = threading.Lock()  # one leak-guard index per unlock
        self._builder: threading.Thread | None = None
        # How long a check waits for the leak guard's index before it is refused; None:
        # until it is made (a command run without the daemon has nothing else to do).
        self.ready_wait: float | None = READY_WAIT_SECONDS
        self.fingerprints: NoteFingerprints | None = None
        self.on_unlock: list[Callable[[], None]] = []  # e.g. check exports that waited
        self._last_activity = time.monotonic()
        self._last_flush = time.monotonic()
        self._sleep_offset = _sleep_offset()

    # --- state -----------------------------------------------------------------------------

    @property
    def exists(self) -> bool:
        return self._vault is not None

    @property
    def unlocked(self) -> bool:
        return self._vault is not None and self._vault.is_unlocked

    def state(self) -> dict[str, Any]:
        keystore = self._vault.keystore if self._vault else (self.keystore or KeyStore())
        reason = keystore.unavailable_reason
        state: dict[str, Any] = {
            "exists": self.exists,
            "unlocked": self.unlocked,
            "auto_lock_minutes": self.settings.auto_lock_minutes,
            "keychain": {
                "usable": reason is None,
                "message": "Your key is kept in this computer's keychain."
                if reason is None
                else f"No usable keychain ({reason}); unlock with your recovery passphrase.",
            },
        }
        if self._vault is not None and self._vault.is_unlocked:
            try:
                state["device_id"] = self._vault.device_id
                state["problems"] = len(self._vault.problems())
                rebuilt = self._vault.index_rebuilt
            except errors.VaultLocked:  # an automatic lock landed meanwhile: say so
                state["unlocked"] = False
                return state
            fingerprints = self.fingerprints
            if fingerprints is not None:
                state["guard"] = fingerprints.state()
                if fingerprints.not_indexed:
                    state["not_indexed"] = len(fingerprints.not_indexed)
            if rebuilt:
                state["index_rebuilt"] = (f"{rebuilt[0].upper()}{rebuilt[1:]}; it was made again "
                                          "from the vault's files. Nothing was lost.")
        return state

    # --- lifecycle -------------------------------------------------------------------------

    def create(self, passphrase: str | None, *, actor: str) -> str | None:
        """Create the vault, unlocked. Returns the recovery passphrase if Margin made it."""
        made = None if passphrase else new_recovery_passphrase()
        with self._creating:
            if self._vault is not None:
                raise errors.VaultExists()
            self._vault = Vault.create(self.home, passphrase or made or "", keystore=self.keystore,
                                       kdf=self.kdf, actor=actor)
        self._index_notes()
        self.touch()
        return made

    def unlock(self, passphrase: str | None, *, actor: str) -> None:
        vault = self._opened()
        if passphrase is None:
            vault.unlock_from_keychain(actor=actor)
        else:
            vault.unlock_with_passphrase(passphrase, actor=actor)
        fingerprints = self._index_notes()
        self.touch()
        if fingerprints is not None:
            self._wait_for(fingerprints, READY_WAIT_SECONDS)

    def lock(self, *, actor: str) -> list[str]:
        """Drop the keys first, whatever else fails (docs/DESIGN.md, invariant 8); then
        save what can be saved. Returns, in plain words, what could not be saved."""
        fingerprints, self.fingerprints = self.fingerprints, None
        if self._vault is not None:
            self._vault.lock(actor=actor)
        unsaved: list[str] = []
        if fingerprints is not None:
            fingerprints.unfollow()
            try:  # derived data, sealed with its own key: a failure only costs a re-index
                fingerprints.save()
            except (OSError, errors.MarginError) as error:
                log.info("the fingerprint index was not saved at lock: %s", describe_bug(error))
                unsaved.append("the leak guard's index (it is rebuilt at the next unlock)")
        return unsaved

    def _index_notes(self) -> NoteFingerprints | None:
        """Start bringing the leak guard's fingerprints up to date with the vault just
        unlocked, in the background; the listeners of ``on_unlock`` (exports that waited)
        run once it is ready."""
        with self._indexing:
            if self.fingerprints is not None or self._vault is None or \
                    not self._vault.is_unlocked:
                return None
            fingerprints = self.fingerprints = NoteFingerprints(self._vault)
            self._builder = threading.Thread(target=self._build, args=(fingerprints,),
                                             name="margin-guard-index", daemon=True)
            self._builder.start()
        return fingerprints

    def _build(self, fingerprints: NoteFingerprints) -> None:
        try:
            fingerprints.build()
        except errors.MarginError as why:  # locked meanwhile: what was read is saved at lock
            log.info("the leak guard's index was not finished: %s", why.code)
            if self._vault is not None and self._vault.is_unlocked:  # not a lock: a fault
                fingerprints.stopped = why.message.rstrip(".")
            return
        except Exception as bug:  # a thread's end: say so; checks stay refused (fail safe)
            log.error("the leak guard's index could not be made: %s", describe_bug(bug))
            fingerprints.stopped = ("the disk is full or could not be written"
                                    if isinstance(bug, OSError) else "an unexpected fault")
            return
        for listener in self.on_unlock:
            listener()

    def note_fingerprints(self) -> NoteFingerprints:
        """The fingerprints of the unlocked vault, for the leak guard and the export check;
        ``GuardBuilding`` while they are still being made (a check then could miss a leak)."""
        self.require()
        self._index_notes()
        fingerprints = self.fingerprints
        if fingerprints is None:  # locked this very moment
            raise errors.VaultLocked()
        self._wait_for(fingerprints, self.ready_wait)
        fingerprints.require_ready()
        return fingerprints

    def _wait_for(self, fingerprints: NoteFingerprints, seconds: float | None) -> None:
        """Until the index is ready, ``seconds`` have passed, or its build has stopped."""
        deadline = None if seconds is None else time.monotonic() + seconds
        builder = self._builder
        while not fingerprints.ready.is_set() and builder is not None and builder.is_alive():
            left = 0.2 if deadline is None else min(0.2, deadline - time.monotonic())
            if left <= 0:
                return
            fingerprints.ready.wait(left)

    def require(self) -> Vault:
        """The unlocked vault, for a request that reads or writes notes."""
        vault = self._opened()
        if not vault.is_unlocked:
            raise errors.VaultLocked()
        self.touch()
        return vault

    def vault_if_unlocked(self) -> Vault | None:
        """The vault when unlocked, without counting as the clinician's activity (for
        background work such as taking in synced files, which must not stop auto-lock)."""
        vault = self._vault
        return vault if vault is not None and vault.is_unlocked else None

    def _opened(self) -> Vault:
        if self._vault is None:
            raise errors.NoVault()
        return self._vault

    # --- locking by itself -----------------------------------------------------------------

    def touch(self) -> None:
        self._last_activity = time.monotonic()

    def flush_journal_if_waiting(self, every_seconds: float) -> bool:
        """Write journalled audit entries (reads, sync-seen) into the vault folder at most
        every ``every_seconds``: other devices see them, and their rollback checks rely on
        them. Not the clinician's activity. True when it wrote."""
        vault = self.vault_if_unlocked()
        now = time.monotonic()
        if vault is None or now - self._last_flush < every_seconds or not vault.journalled():
            return False
        self._last_flush = now
        vault.flush_index()
        return True

    def auto_lock_due(self) -> str | None:
        """Why the vault should lock now, or None."""
        if not self.unlocked:
            self._sleep_offset = _sleep_offset()
            return None
        offset = _sleep_offset()
        slept = offset - self._sleep_offset > SLEEP_GAP_SECONDS
        self._sleep_offset = offset
        if slept:
            return "sleep"
        idle = time.monotonic() - self._last_activity
        if idle >= self.settings.auto_lock_minutes * 60:
            return "idle"
        return None
