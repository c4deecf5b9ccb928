"""A sync simulator's carrier: copies object files between device vault folders the way
real sync engines do, including their bad days.

It writes a file under a temporary name and renames it (Syncthing: ``.syncthing.X.tmp``),
or in place in two halves (a NAS copy), leaves an iCloud placeholder first, delivers a
file only as a conflict copy first (``X.sync-conflict-...``, ``X (conflicted copy ...)``,
``X 2``), duplicates, reorders, and makes delivered files vanish and come back. A file its
owner removed (a pack replaced it) is removed from the other folders too, in any order
with the rest, as real engines carry a deletion.
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from margin.vault.store import classify

COPY_NAMES = (
    "{}.sync-conflict-20260101-120000-ABCDEFG",
    "{} (conflicted copy 2026-01-01)",
    "{} 2",
)
MODES = ("rename", "rename", "rename", "in_place", "icloud", "copy_first", "duplicate")


@dataclass
class Carrier:
    folders: dict[str, Path]  # device name -> that device's vault folder
    rng: random.Random = field(default_factory=random.Random)
    partial: list[tuple[Path, bytes]] = field(default_factory=list)
    vanished: list[tuple[Path, bytes]] = field(default_factory=list)
    late_originals: list[tuple[Path, bytes]] = field(default_factory=list)
    delivered: int = 0
    vanishing: bool = True  # False: every alert a device raises is a false one

    def all_files(self) -> dict[str, bytes]:
        """Every device's own files, read from that device's folder (the originals)."""
        found: dict[str, bytes] = {}
        for folder in self.folders.values():
            own = folder / "data" / _own_device_id(folder)
            if not own.is_dir():
                continue
            for path in own.iterdir():
                if path.is_file() and classify(path.name)[0] == "object":
                    found[path.relative_to(folder).as_posix()] = path.read_bytes()
        return found

    def pending(self) -> list[tuple[str, str, bytes]]:
        """(device, relative path, bytes) for every file some folder lacks."""
        busy = {p for p, _ in self.partial + self.vanished + self.late_originals}
        wanted = []
        for relative, data in sorted(self.all_files().items()):
            for device, folder in sorted(self.folders.items()):
                target = folder / relative
                if not target.exists() and target not in busy:
                    wanted.append((device, relative, data))
        return wanted

    # --- one step of a bad day --------------------------------------------------------------

    def step(self, chaos: bool = True) -> bool:
        """Deliver one pending file (or finish a partial one, or bring one back)."""
        choices = ["deliver"] * 4
        removed = self.removed()
        if removed:
            choices.append("remove")
        if self.partial:
            choices.append("complete")
        if self.vanished:
            choices.append("restore")
        if self.late_originals:
            choices.append("original")
        action = self.rng.choice(choices) if chaos else "deliver"
        if action == "complete":
            target, data = self.partial.pop(self.rng.randrange(len(self.partial)))
            _write_temp_then_rename(target, data)  # the engine finishes: full file in place
            return True
        if action == "restore":
            target, data = self.vanished.pop(self.rng.randrange(len(self.vanished)))
            _write_temp_then_rename(target, data)
            return True
        if action == "original":
            target, data = self.late_originals.pop(0)
            _write_temp_then_rename(target, data)
            return True
        if action == "remove":
            self.rng.choice(removed).unlink(missing_ok=True)
            return True
        pending = self.pending()
        if not pending:
            return False
        device, relative, data = self.rng.choice(pending)  # any order: reordering
        target = self.folders[device] / relative
        self.deliver(target, data, self.rng.choice(MODES) if chaos else "rename")
        if chaos and self.vanishing and self.rng.random() < 0.1:
            self.vanish()
        return True

    def deliver(self, target: Path, data: bytes, mode: str) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        self.delivered += 1
        if mode == "in_place":
            target.write_bytes(data[: max(1, len(data) // 2)])
            self.partial.append((target, data))
        elif mode == "icloud":
            (target.parent / f".{target.name}.icloud").write_bytes(b"bplist00 placeholder")
            _write_temp_then_rename(target, data)
        elif mode == "copy_first":
            copy = target.with_name(self.rng.choice(COPY_NAMES).format(target.name))
            _write_temp_then_rename(copy, data)
            self.late_originals.append((target, data))
        elif mode == "duplicate":
            _write_temp_then_rename(target, data)
            copy = target.with_name(self.rng.choice(COPY_NAMES).format(target.name))
            shutil.copyfile(target, copy)
        else:
            _write_temp_then_rename(target, data)

    def vanish(self) -> None:
        """A delivered file disappears from one folder for a while (never an original)."""
        candidates = []
        unfinished = {target for target, _ in self.partial}
        for folder in self.folders.values():
            for path in (folder / "data").rglob("*"):
                own = path.parent.name == _own_device_id(folder)
                if path.is_file() and classify(path.name)[0] == "object" and not own \
                        and path not in unfinished:
                    candidates.append(path)
        if candidates:
            victim = self.rng.choice(sorted(candidates))
            self.vanished.append((victim, victim.read_bytes()))
            victim.unlink()

    def removed(self) -> list[Path]:
        """Object files a folder still has whose owner removed them (replaced by a pack)."""
        originals = set(self.all_files())
        owned = {_own_device_id(folder) for folder in self.folders.values()}
        stale = []
        for folder in self.folders.values():
            for device_dir in sorted((folder / "data").glob("*")):
                if device_dir.name in owned and device_dir.name != _own_device_id(folder):
                    stale += [p for p in sorted(device_dir.iterdir())
                              if classify(p.name)[0] == "object"
                              and p.relative_to(folder).as_posix() not in originals]
        return stale

    def settle(self) -> None:
        """Finish everything: partial files complete, vanished files return, all delivered,
        removals carried."""
        for target, data in self.partial + self.vanished + self.late_originals:
            _write_temp_then_rename(target, data)
        self.partial, self.vanished, self.late_originals = [], [], []
        for device, relative, data in self.pending():
            self.deliver(self.folders[device] / relative, data, "rename")
        for path in self.removed():
            path.unlink(missing_ok=True)


def _write_temp_then_rename(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f".syncthing.{target.name}.tmp")
    temp.write_bytes(data)
    temp.replace(target)


def _own_device_id(folder: Path) -> str:
    """The device whose vault folder this is: the one the home's device.json names."""
    marker = folder / ".owner"
    return marker.read_text().strip() if marker.exists() else ""
