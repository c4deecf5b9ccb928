"""Where Margin keeps its files.

One home folder holds everything: ``vault/`` (the encrypted notes, the only folder a
sync engine may carry) and ``local/`` (this machine only: pairing records, settings, the
runtime file of the running daemon and the one-daemon-per-machine lock). The default home
is the user's data folder; ``--home`` or ``MARGIN_HOME`` points elsewhere (tests always do).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from margin.durable import DEFAULT_OPS, FileOps

HOME_ENV = "MARGIN_HOME"
# Where this machine's vault folder is, when `margin join` chose one other than home/vault.
# A machine-local setting, never synced: the same synced folder sits at a different path on
# each computer. It holds a folder path, no note content.
LOCATION_FILE = "vault-location.json"


def location_file(local_dir: Path) -> Path:
    return local_dir / LOCATION_FILE


def configured_vault_dir(root: Path, local_dir: Path) -> Path:
    """The vault folder this machine uses: the setting if it names a folder, else root/vault."""
    try:
        chosen = json.loads(location_file(local_dir).read_text("utf-8")).get("vault_dir")
    except (OSError, ValueError, AttributeError):
        chosen = None
    if isinstance(chosen, str) and chosen:
        return Path(chosen)
    return root / "vault"


def set_vault_dir(local_dir: Path, folder: Path | None, ops: FileOps = DEFAULT_OPS) -> None:
    """Point this machine at ``folder`` (an absolute path), or back at the default with None."""
    local_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    target = location_file(local_dir)
    if folder is None:
        if target.exists():
            ops.unlink(target)
            ops.fsync_dir(local_dir)
        return
    record = {"vault_dir": str(folder.expanduser().resolve())}
    ops.write_atomically(target, json.dumps(record).encode("utf-8"))


@dataclass(frozen=True)
class Home:
    root: Path

    @classmethod
    def resolve(cls, explicit: str | os.PathLike[str] | None = None) -> Home:
        """The home named on the command line, else ``MARGIN_HOME``, else the data folder."""
        chosen = explicit or os.environ.get(HOME_ENV)
        if chosen:
            return cls(Path(chosen).expanduser().resolve())
        return cls(Path(platformdirs.user_data_dir("Margin", appauthor=False)))

    @property
    def vault_dir(self) -> Path:
        """``home/vault``, unless `margin join` pointed this machine at a synced folder."""
        return configured_vault_dir(self.root, self.local_dir)

    @property
    def local_dir(self) -> Path:
        return self.root / "local"

    @property
    def pairings_file(self) -> Path:
        return self.local_dir / "pairings.json"

    @property
    def runtime_file(self) -> Path:
        """Written by the running daemon: its port, pid and the local command-line token."""
        return self.local_dir / "daemon.json"

    @property
    def lock_file(self) -> Path:
        return self.local_dir / "daemon.lock"

    @property
    def settings_file(self) -> Path:
        return self.local_dir / "settings.json"

    def ensure(self) -> Home:
        """Create the folders, readable by this user only."""
        for folder in (self.root, self.local_dir):
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            folder.chmod(0o700)
        return self
