"""What the running daemon holds: its address, its callers, and (later) the vault."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from aiohttp import web

from margin import __version__
from margin.export_watch import ExportWatch
from margin.holder import VaultHolder
from margin.home import Home
from margin.scanning import ScanService
from margin.server.pairing import PairingStore


@dataclass
class AppState:
    home: Home
    port: int
    cli_token: str
    pairings: PairingStore
    holder: VaultHolder
    scans: ScanService
    exports: ExportWatch
    version: str = __version__
    started_at: float = field(default_factory=time.time)

    def vault_exists(self) -> bool:
        return self.holder.exists

    def vault_unlocked(self) -> bool:
        return self.holder.unlocked


STATE_KEY = web.AppKey("state", AppState)
