"""The running daemon, as seen by other `margin` commands on the same machine.

One daemon per home per machine: it holds an exclusive lock on ``local/daemon.lock`` (the
local folder, never the synced vault folder) for as long as it runs. While it runs it leaves
``local/daemon.json`` (mode 0600): its pid, its port, and a random token that lets this
user's own `margin` commands talk to it. The token never leaves this user's files; web
pages cannot read it, and it is refused when it arrives with an Origin header.
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO

from margin import errors
from margin.durable import write_atomically
from margin.home import Home

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


DEFAULT_PORT = 47311  # the port the extension looks at first


@dataclass(frozen=True)
class RuntimeInfo:
    pid: int
    port: int
    cli_token: str

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


class InstanceLock:
    """The exclusive, per-machine claim on one Margin home. Released when the process dies."""

    def __init__(self, home: Home):
        self._path = home.lock_file
        self._handle: IO[str] | None = None

    def acquire(self) -> None:
        handle = self._path.open("a+")
        try:
            if fcntl is not None:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            raise errors.DaemonAlreadyRunning() from None
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def is_held_elsewhere(self) -> bool:
        """True when another process holds the lock (used by commands that would write)."""
        try:
            self.acquire()
        except errors.DaemonAlreadyRunning:
            return True
        self.release()
        return False


def publish(home: Home, port: int) -> RuntimeInfo:
    info = RuntimeInfo(pid=os.getpid(), port=port, cli_token=secrets.token_urlsafe(32))
    write_atomically(home.runtime_file, json.dumps(asdict(info)).encode(), mode=0o600)
    return info


def withdraw(home: Home, info: RuntimeInfo) -> None:
    """Remove the runtime file if it is still ours."""
    current = read(home)
    if current is not None and current.pid == info.pid:
        home.runtime_file.unlink(missing_ok=True)


def read(home: Home) -> RuntimeInfo | None:
    """The running daemon's details, or None when no daemon is running for this home."""
    if not home.lock_file.exists() or not InstanceLock(home).is_held_elsewhere():
        return None  # a file left by a killed daemon says nothing
    try:
        raw = json.loads(Path(home.runtime_file).read_text())
        return RuntimeInfo(pid=int(raw["pid"]), port=int(raw["port"]), cli_token=raw["cli_token"])
    except FileNotFoundError:
        return None  # the daemon is starting and has not written it yet
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise errors.RuntimeFileDamaged() from exc
