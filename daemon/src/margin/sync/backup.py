"""`margin backup DEST`: a consistent copy of the vault's ciphertext, as a folder or a tar.

No key is needed and nothing is decrypted. Object files are immutable and each save is one
file, so a copy of the files listed at one instant is a state the vault really had (some
other device's newest changes may still be on their way, as on any device). Every file
is read once, its SHA-256 put in ``margin-backup.json`` (written last: no manifest means
an unfinished backup), and ``margin check`` verifies the copy.
"""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
from dataclasses import dataclass
from pathlib import Path

from margin.durable import DEFAULT_OPS, FileOps
from margin.errors import BackupFailed, BackupTargetNotEmpty, NoVault
from margin.sync.sources import MANIFEST, FolderSource, iter_files
from margin.vault.model import now_iso

FORMAT = "margin-backup/1"


@dataclass(frozen=True)
class BackupResult:
    destination: str
    files: int
    bytes: int
    kind: str  # folder | tar


def backup(vault_dir: Path, destination: Path, *, as_tar: bool | None = None,
           ops: FileOps = DEFAULT_OPS) -> BackupResult:
    if not (vault_dir / "keys").is_dir():
        raise NoVault()
    as_tar = destination.suffix == ".tar" if as_tar is None else as_tar
    if destination.exists() and (destination.is_file() or any(destination.iterdir())):
        raise BackupTargetNotEmpty()
    files = dict(iter_files(FolderSource(vault_dir)))
    manifest = json.dumps({
        "format": FORMAT,
        "created": now_iso(),
        "files": {name: {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
                  for name, data in sorted(files.items())},
    }, indent=1).encode()
    try:
        if as_tar:
            ops.write_atomically(destination, _tar(files, manifest))
        else:
            _folder(destination, files, manifest, ops)
    except OSError as error:
        raise BackupFailed() from error
    total = sum(len(data) for data in files.values())
    return BackupResult(str(destination), len(files), total, "tar" if as_tar else "folder")


def _folder(destination: Path, files: dict[str, bytes], manifest: bytes, ops: FileOps) -> None:
    made: set[Path] = set()
    for name, data in files.items():
        target = destination / name
        _ensure_dir(target.parent, ops, made)
        ops.write_atomically(target, data)
    _ensure_dir(destination, ops, made)
    ops.write_atomically(destination / MANIFEST, manifest)  # last: the backup is complete


def _ensure_dir(folder: Path, ops: FileOps, made: set[Path]) -> None:
    """Create ``folder`` and its missing parents so their entries survive a power cut."""
    if folder not in made:
        ops.make_dirs(folder)
        made.add(folder)


def _tar(files: dict[str, bytes], manifest: bytes) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        for name, data in [*files.items(), (MANIFEST, manifest)]:
            info = tarfile.TarInfo(name)
            info.size, info.mode, info.mtime = len(data), 0o600, 0
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()
