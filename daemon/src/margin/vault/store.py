"""Where files live, how they are written (always through ``FileOps``) and moved aside.

The vault folder is carried by sync engines, so listing tolerates their leftovers and a
damaged file is moved into ``vault/quarantine/<device>/`` (inside the synced folder, so
the move propagates as a move and no device loses a copy; see docs/FORMAT.md).
"""

from __future__ import annotations

import errno
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

from margin.durable import FileOps
from margin.errors import DiskFull, SaveFailed
from margin.home import Home, configured_vault_dir
from margin.vault.model import Problem, QuarantinedFile, now_iso

ID_PATTERN = re.compile(r"^[0-9a-f]{32}$")
COPY_PATTERN = re.compile(r"^([0-9a-f]{32})[^0-9a-f]")
IGNORED_NAMES = {"desktop.ini", "thumbs.db", "icon\r"}
WHY_SUFFIX = ".why.json"


def classify(name: str) -> tuple[str, str | None]:
    """("object" | "copy" | "ignore" | "unknown", the id the name carries)."""
    lowered = name.lower()
    if (
        name.startswith((".", "~$"))  # temp files, .syncthing.*, .<name>.icloud, .DS_Store
        or lowered.endswith((".tmp", ".icloud", ".partial"))
        or lowered in IGNORED_NAMES
    ):
        return "ignore", None
    if ID_PATTERN.match(name):
        return "object", name
    match = COPY_PATTERN.match(name)
    if match:  # "<id> (conflicted copy ...)", "<id>.sync-conflict-...", "<id> (1)"
        return "copy", match.group(1)
    return "unknown", None


class Layout:
    def __init__(self, home: Home):
        self.home = home
        # <home>/vault, or the synced folder `margin join` pointed this machine at.
        self.vault_dir = configured_vault_dir(home.root, home.local_dir)
        self.keys_dir = self.vault_dir / "keys"
        self.data_dir = self.vault_dir / "data"
        self.quarantine_dir = self.vault_dir / "quarantine"
        self.device_file = home.local_dir / "device.json"

    def device_dir(self, device_id: str) -> Path:
        return self.data_dir / device_id

    def index_file(self, vault_id: str) -> Path:
        return self.home.local_dir / f"index-{vault_id}.bin"

    def relative(self, path: Path) -> str:
        return path.relative_to(self.vault_dir).as_posix()

    def key_files(self) -> list[Path]:
        if not self.keys_dir.is_dir():
            return []
        return sorted(p for p in self.keys_dir.iterdir() if classify(p.name)[0] == "object")


class ObjectStore:
    """Durable writes, listing and quarantine for one vault folder."""

    def __init__(self, layout: Layout, ops: FileOps):
        self.layout = layout
        self.ops = ops
        self._durable_dirs: set[Path] = set()

    def ensure_dir(self, folder: Path) -> None:
        """Create ``folder`` (and parents) so that its entry survives a power cut."""
        if folder in self._durable_dirs:
            return
        self.ops.make_dirs(folder)
        self._durable_dirs.add(folder)

    def write(self, path: Path, data: bytes) -> None:
        """Write a new immutable file durably, or raise DiskFull / SaveFailed."""
        try:
            self.ensure_dir(path.parent)
            self.ops.write_atomically(path, data)
        except OSError as error:
            if error.errno in (errno.ENOSPC, errno.EDQUOT):
                raise DiskFull() from error
            raise SaveFailed() from error

    def scan_data(self) -> tuple[dict[str, Path], dict[str, list[Path]], list[Problem]]:
        """Object files by relative path, sync-engine copies by the path they copy, problems."""
        objects: dict[str, Path] = {}
        copies: dict[str, list[Path]] = {}
        problems: list[Problem] = []
        for device_dir in _subdirs(self.layout.data_dir):
            if classify(device_dir.name)[0] != "object":
                continue
            for entry in os.scandir(device_dir):
                kind, object_id = classify(entry.name)
                relative = f"data/{device_dir.name}/{entry.name}"
                if kind == "object":
                    objects[relative] = Path(entry.path)
                elif kind == "copy" and object_id is not None:
                    copies.setdefault(f"data/{device_dir.name}/{object_id}", []).append(
                        Path(entry.path)
                    )
                elif kind == "unknown":
                    problems.append(Problem("unknown_file", relative, "not a Margin file; ignored"))
        return objects, copies, problems

    def quarantine(self, path: Path, own_device: str, reason: str) -> str:
        """Move a damaged file aside (never delete it); returns its new relative path."""
        relative = self.layout.relative(path)
        target_dir = self.layout.quarantine_dir / own_device / Path(relative).parent
        self.ensure_dir(target_dir)
        target = target_dir / path.name
        suffix = 1
        while target.exists():
            target = target_dir / f"{path.name}.{suffix}"
            suffix += 1
        self.ops.rename(path, target)
        self.ops.fsync_dir(target_dir)
        self.ops.fsync_dir(path.parent)
        why = {"from": relative, "reason": reason, "time": now_iso()}
        self.ops.write_atomically(
            target.with_name(target.name + WHY_SUFFIX), json.dumps(why).encode("utf-8")
        )
        return self.layout.relative(target)

    def quarantined(self) -> list[QuarantinedFile]:
        found: list[QuarantinedFile] = []
        root = self.layout.quarantine_dir
        if not root.is_dir():
            return found
        for path in sorted(root.rglob("*")):
            if not path.is_file() or path.name.endswith(WHY_SUFFIX):
                continue
            why = _read_why(path.with_name(path.name + WHY_SUFFIX))
            found.append(
                QuarantinedFile(
                    self.layout.relative(path),
                    why.get("from", "?"),
                    why.get("reason", "unknown"),
                    why.get("time", "?"),
                )
            )
        return found


def _subdirs(folder: Path) -> Iterator[Path]:
    if folder.is_dir():
        yield from (Path(entry.path) for entry in os.scandir(folder) if entry.is_dir())


def _read_why(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
