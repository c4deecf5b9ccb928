"""Where Margin keeps its files.

One home folder holds everything: ``vault/`` (the encrypted notes, the only folder a
sync engine may carry) and ``local/`` (this machine only: pairing records, settings, the
runtime file of the running daemon and the one-daemon-per-machine lock). The default home
is the user's data folder; ``--home`` or ``MARGIN_HOME`` points elsewhere (tests always do).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

HOME_ENV = "MARGIN_HOME"


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
        return self.root / "vault"

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
