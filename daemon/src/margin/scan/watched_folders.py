"""Watched folders, checked by the daemon: files that land while the vault is locked wait
for the next unlock, and every result joins the recent results the extension shows."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

from margin import errors
from margin.holder import VaultHolder
from margin.scan.folder_watcher import FolderWatcher
from margin.scan.service import ScanService

ACTOR = "watch"


class ExportWatch:
    def __init__(self, holder: VaultHolder, service: ScanService):
        self.holder = holder
        self.service = service
        self.watcher = FolderWatcher(self._check)
        self._waiting: list[Path] = []
        self._lock = threading.Lock()
        holder.on_unlock.append(self._check_waiting)

    def start(self) -> None:
        self.watcher.start()
        self.watcher.set_folders([Path(f) for f in self.holder.settings.watch_folders])

    def stop(self) -> None:
        self.watcher.stop()

    # --- the folders -----------------------------------------------------------------------

    def folders(self) -> list[str]:
        return list(self.holder.settings.watch_folders)

    def add(self, folder: str) -> list[str]:
        path = Path(folder).expanduser().resolve()
        if not path.is_dir():
            raise errors.WatchFolderMissing()
        self._save([*self.folders(), str(path)])
        return self.folders()

    def remove(self, folder: str) -> list[str]:
        path = str(Path(folder).expanduser().resolve())
        if path not in self.folders():
            raise errors.WatchFolderUnknown()
        self._save([f for f in self.folders() if f != path])
        return self.folders()

    def _save(self, folders: list[str]) -> None:
        self.holder.settings.update(self.holder.home, {"watch_folders": folders})
        self.watcher.set_folders([Path(f) for f in folders])

    # --- checking ----------------------------------------------------------------------------

    def _check(self, path: Path) -> None:
        if not self.holder.unlocked:
            with self._lock:
                self._waiting.append(path)
            return
        try:
            self.service.scan([path], actor=ACTOR, origin="watched folder")
        except (errors.VaultLocked, errors.NoVault):  # locked meanwhile: check it at unlock
            with self._lock:
                self._waiting.append(path)
        except (errors.GuardBuilding, errors.GuardStopped):  # checked once the index is ready
            # (still being made, or made again at the next unlock after its build stopped)
            with self._lock:
                self._waiting.append(path)
            fingerprints = self.holder.fingerprints
            if fingerprints is not None and fingerprints.ready.is_set():
                self._check_waiting()  # it became ready meanwhile: its call may be past

    def _check_waiting(self) -> None:
        with self._lock:
            waiting, self._waiting = self._waiting, []
        if waiting:
            threading.Thread(target=self._check_all, args=(waiting,), daemon=True).start()

    def _check_all(self, paths: list[Path]) -> None:
        for path in paths:
            if path.exists():
                self._check(path)

    def summary(self) -> dict[str, Any]:
        with self._lock:
            waiting = [str(p) for p in self._waiting]
        return {"folders": self.folders(), "waiting_for_unlock": waiting,
                "recent": self.service.recent(), "checking": self.service.checks.to_json(),
                "now": time.time()}
