"""Where this machine's vault folder is: ``<home>/vault`` unless ``margin join`` chose another.

The choice is a machine-local setting (``<home>/local/vault-location.json``), never synced:
the same synced folder sits at a different path on each computer. It holds a folder path,
no note content. Only the standard library here, so ``margin.home`` may use it too.
"""

from __future__ import annotations

import json
from pathlib import Path

from margin.durable import DEFAULT_OPS, FileOps

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
