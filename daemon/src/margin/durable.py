"""Durable file writes: temp file, fsync, rename, fsync of the folder.

Every write Margin acknowledges goes through ``FileOps``. The primitives are methods so a
test can record the exact sequence a save performs and rebuild the states a power cut
could leave (see ``tests/vault/test_power_loss.py``).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sys
from collections.abc import Iterable
from pathlib import Path

try:  # Windows has no fcntl; F_FULLFSYNC only exists on macOS.
    import fcntl
except ImportError:  # pragma: no cover - not on the platforms CI runs
    fcntl = None  # type: ignore[assignment]

TEMP_SUFFIX = ".tmp"


class FileOps:
    """The file-system primitives a durable write is made of."""

    def create_exclusive(self, path: Path, mode: int) -> int:
        return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_BINARY, mode)

    def write_all(self, fd: int, data: bytes) -> None:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]

    def fsync(self, fd: int) -> None:
        # On macOS fsync() does not reach the platter; F_FULLFSYNC does.
        if sys.platform == "darwin" and fcntl is not None and hasattr(fcntl, "F_FULLFSYNC"):
            fcntl.fcntl(fd, fcntl.F_FULLFSYNC)
        else:
            os.fsync(fd)

    def close(self, fd: int) -> None:
        os.close(fd)

    def rename(self, source: Path, target: Path) -> None:
        os.replace(source, target)

    def fsync_dir(self, folder: Path) -> None:
        if os.name == "nt":  # pragma: no cover - directories cannot be opened on Windows
            return
        fd = os.open(folder, os.O_RDONLY)
        try:
            self.fsync(fd)
        finally:
            os.close(fd)

    def unlink(self, path: Path) -> None:
        os.unlink(path)

    def append(self, path: Path, data: bytes) -> None:
        """Add ``data`` at the end of an existing file, durably (the audit journal). On a
        failure (a full disk) the file is cut back to what it was, so no half record stays."""
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | _O_BINARY)
        size = os.fstat(fd).st_size
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            self.fsync(fd)
        except BaseException:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, size)
            raise
        finally:
            os.close(fd)

    def make_dirs(self, folder: Path, mode: int = 0o700) -> None:
        """Create ``folder`` and its missing parents so their entries survive a power cut:
        each new folder's entry is fsynced in its parent."""
        missing = []
        probe = folder
        while not probe.is_dir():
            missing.append(probe)
            probe = probe.parent
        for created in reversed(missing):
            with contextlib.suppress(FileExistsError):
                created.mkdir(mode=mode)
            self.fsync_dir(created.parent)

    def write_atomically(self, path: Path, data: bytes | Iterable[bytes], mode: int = 0o600
                         ) -> None:
        """Make ``path`` hold ``data`` (or its pieces, one after the other: a large file
        need not be whole in memory) or leave it as it was, durably, before returning.

        The temp file has a random name in the same folder so the rename is atomic and two
        writers never share a temp file.
        """
        temp = path.with_name(f".{path.name}.{secrets.token_hex(6)}{TEMP_SUFFIX}")
        fd = self.create_exclusive(temp, mode)
        try:
            claim(fd)
            for piece in [data] if isinstance(data, bytes) else data:
                self.write_all(fd, piece)
            self.fsync(fd)
        except BaseException:
            self.close(fd)
            _remove_quietly(temp)
            raise
        self.close(fd)
        try:
            self.rename(temp, path)
        except BaseException:
            _remove_quietly(temp)
            raise
        self.fsync_dir(path.parent)


def claim(fd: int) -> None:
    """Lock a temp file while it is written (released when its writer closes it or dies),
    so a sweep of temp files left by a killed writer never takes a live one."""
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def is_abandoned(path: Path) -> bool:
    """True when no live process on this machine is writing this temp file."""
    if fcntl is None:  # pragma: no cover - no way to tell: leave it
        return False
    try:
        fd = os.open(path, os.O_RDONLY | _O_BINARY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False  # its writer is alive
    finally:
        os.close(fd)
    return True


def _remove_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


_O_BINARY = getattr(os, "O_BINARY", 0)

DEFAULT_OPS = FileOps()


def write_atomically(path: Path, data: bytes | Iterable[bytes], mode: int = 0o600) -> None:
    DEFAULT_OPS.write_atomically(path, data, mode)
