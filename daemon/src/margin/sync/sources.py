"""A vault's files read from a folder or from a backup tar file, the same way.

Only what a vault holds is listed (``keys/``, ``data/<device>/``, ``quarantine/``): a sync
engine's own folders (``.stfolder``, ``.dropbox.cache``) and temporary files are skipped.
"""

from __future__ import annotations

import os
import tarfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from margin.errors import CheckTargetMissing
from margin.vault.store import classify

MANIFEST = "margin-backup.json"
TOP_FOLDERS = ("keys", "data", "quarantine")


def wanted(relative: str) -> bool:
    """A file a backup keeps: key files, object files and their sync copies, quarantine."""
    parts = PurePosixPath(relative).parts
    if not parts or parts[0] not in TOP_FOLDERS or ".." in parts:
        return False
    if parts[0] == "quarantine":
        return True  # kept aside, never deleted: a backup keeps them too
    if classify(parts[-1])[0] not in ("object", "copy"):
        return False
    return len(parts) == 2 if parts[0] == "keys" else len(parts) == 3


class FolderSource:
    def __init__(self, root: Path):
        if not root.is_dir():
            raise CheckTargetMissing()
        self.root = root

    def names(self) -> list[str]:
        found = []
        for folder in TOP_FOLDERS:
            base = self.root / folder
            if not base.is_dir():
                continue
            for current, _dirs, files in os.walk(base):
                for name in files:
                    relative = (Path(current) / name).relative_to(self.root).as_posix()
                    if wanted(relative):
                        found.append(relative)
        return sorted(found)

    def read(self, relative: str) -> bytes | None:
        try:
            return (self.root / relative).read_bytes()
        except OSError:
            return None  # went away since it was listed

    def manifest(self) -> bytes | None:
        try:
            return (self.root / MANIFEST).read_bytes()
        except OSError:
            return None


class TarSource:
    def __init__(self, path: Path):
        if not path.is_file():
            raise CheckTargetMissing()
        self._members: dict[str, bytes] = {}
        self._manifest: bytes | None = None
        with tarfile.open(path, "r:*") as archive:
            for member in archive:
                if not member.isfile():
                    continue
                name = PurePosixPath(member.name).as_posix().lstrip("./")
                data = archive.extractfile(member)
                if data is None:
                    continue
                if name == MANIFEST:
                    self._manifest = data.read()
                elif wanted(name):
                    self._members[name] = data.read()

    def names(self) -> list[str]:
        return sorted(self._members)

    def read(self, relative: str) -> bytes | None:
        return self._members.get(relative)

    def manifest(self) -> bytes | None:
        return self._manifest


Source = FolderSource | TarSource


def open_source(target: Path) -> Source:
    if target.is_file():
        try:
            return TarSource(target)
        except tarfile.TarError:
            raise CheckTargetMissing(
                message="That file is not a Margin backup (not a readable tar file).") from None
    return FolderSource(target)


def iter_files(source: Source) -> Iterator[tuple[str, bytes]]:
    for relative in source.names():
        data = source.read(relative)
        if data is not None:
            yield relative, data
