"""A model of what a power cut can leave on disk, built from a recorded FileOps trace.

``RecordingOps`` performs every file operation for real and records it. ``crash_states``
replays the trace on a model of the disk in which written data becomes durable only by an
fsync of that file, and a folder's entries (creations, renames, removals) only by an fsync
of that folder; everything else may or may not have reached the disk when the power went.
For every point of the trace it yields the distinct states a disk could be left in.
"""

from __future__ import annotations

import hashlib
import itertools
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from margin.durable import FileOps


@dataclass(frozen=True)
class Op:
    name: str  # create | write | fsync | rename | fsync_dir | unlink | ack
    path: str = ""
    target: str = ""
    data: bytes = b""


class RecordingOps(FileOps):
    """Real file operations, each recorded with paths relative to ``root``."""

    def __init__(self, root: Path):
        self.root = root
        self.trace: list[Op] = []
        self._open: dict[int, str] = {}

    def _rel(self, path: Path) -> str:
        return Path(path).relative_to(self.root).as_posix()

    def create_exclusive(self, path: Path, mode: int) -> int:
        fd = super().create_exclusive(path, mode)
        self._open[fd] = self._rel(path)
        self.trace.append(Op("create", self._rel(path)))
        return fd

    def write_all(self, fd: int, data: bytes) -> None:
        super().write_all(fd, data)
        self.trace.append(Op("write", self._open[fd], data=bytes(data)))

    def fsync(self, fd: int) -> None:
        super().fsync(fd)
        if fd in self._open:
            self.trace.append(Op("fsync", self._open[fd]))

    def close(self, fd: int) -> None:
        super().close(fd)
        self._open.pop(fd, None)

    def rename(self, source: Path, target: Path) -> None:
        super().rename(source, target)
        self.trace.append(Op("rename", self._rel(source), self._rel(target)))

    def fsync_dir(self, folder: Path) -> None:
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        self.trace.append(Op("fsync_dir", self._rel(folder)))

    def unlink(self, path: Path) -> None:
        super().unlink(path)
        self.trace.append(Op("unlink", self._rel(path)))

    def acknowledge(self, label: str) -> None:
        """Mark that the call which made the operations so far has returned to its caller."""
        self.trace.append(Op("ack", label))


class SkippedFsyncOps(RecordingOps):
    """A deliberately broken save: file data is never fsynced (folders still are)."""

    def fsync(self, fd: int) -> None:
        if fd not in self._open:
            super().fsync(fd)


@dataclass
class Disk:
    """Folder entries (name -> inode) and inode contents, each as written and as durable."""

    names: dict[str, int]
    durable_names: dict[str, int]
    data: dict[int, bytes]
    durable_data: dict[int, bytes]
    next_inode: itertools.count = field(default_factory=lambda: itertools.count(10_000))

    @classmethod
    def from_files(cls, files: dict[str, bytes]) -> Disk:
        names = {path: number for number, path in enumerate(sorted(files))}
        data = {names[path]: content for path, content in files.items()}
        return cls(dict(names), dict(names), dict(data), dict(data))

    def apply(self, op: Op) -> None:
        if op.name == "create":
            inode = next(self.next_inode)
            self.names[op.path] = inode
            self.data[inode] = b""
            self.durable_data.setdefault(inode, b"")
        elif op.name == "write":
            inode = self.names[op.path]
            self.data[inode] += op.data
        elif op.name == "fsync":
            inode = self.names[op.path]
            self.durable_data[inode] = self.data[inode]
        elif op.name == "rename":
            self.names[op.target] = self.names.pop(op.path)
        elif op.name == "unlink":
            del self.names[op.path]
        elif op.name == "fsync_dir":
            inside = {p: i for p, i in self.names.items() if _parent(p) == op.path}
            self.durable_names = {
                p: i for p, i in self.durable_names.items() if _parent(p) != op.path
            } | inside

    def states(self) -> Iterator[dict[str, bytes]]:
        """Every combination of: each folder's pending entries kept or lost, and unsynced
        data lost (empty), kept, cut in half, or turned to zeros."""
        everything = set(self.names) | set(self.durable_names)
        folders = sorted(
            {_parent(p) for p in everything if self.names.get(p) != self.durable_names.get(p)}
        )
        for choice in itertools.product((False, True), repeat=len(folders)):
            volatile = {folder for folder, keep in zip(folders, choice, strict=True) if keep}
            names = {p: i for p, i in self.durable_names.items() if _parent(p) not in volatile}
            names |= {p: i for p, i in self.names.items() if _parent(p) in volatile}
            for mode in ("lost", "kept", "half", "zeros"):
                yield {path: self._content(inode, mode) for path, inode in names.items()}

    def _content(self, inode: int, mode: str) -> bytes:
        written, durable = self.data[inode], self.durable_data.get(inode, b"")
        if written == durable or mode == "lost":
            return durable
        if mode == "kept":
            return written
        if mode == "half":
            return written[: len(written) // 2]
        return bytes(len(written))


def _parent(path: str) -> str:
    return path.rsplit("/", 1)[0] if "/" in path else ""


def crash_states(
    base: dict[str, bytes], trace: list[Op]
) -> Iterator[tuple[int, list[str], dict[str, bytes]]]:
    """(point, labels acknowledged before it, files on disk) for each distinct crash state."""
    disk = Disk.from_files(base)
    acknowledged: list[str] = []
    seen: set[str] = set()
    for point in range(len(trace) + 1):
        if point:
            op = trace[point - 1]
            if op.name == "ack":
                acknowledged.append(op.path)
                continue
            disk.apply(op)
        for files in disk.states():
            digest = hashlib.sha256(repr(sorted(files.items())).encode()).hexdigest()
            key = digest + "|" + ",".join(acknowledged)
            if key in seen:
                continue
            seen.add(key)
            yield point, list(acknowledged), files


def read_tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def write_tree(root: Path, files: dict[str, bytes], folders: set[str]) -> None:
    for folder in folders:
        (root / folder).mkdir(parents=True, exist_ok=True)
    for path, content in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_bytes(content)
