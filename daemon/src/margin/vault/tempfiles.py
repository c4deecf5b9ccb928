"""Temporary files a killed writer left behind (issue: kill -9 left `.tmp` files in the
synced folder forever).

A durable write (``margin.durable``) makes ``.<name>.<12 hex>.tmp`` beside its target and
holds a lock on it while writing; the lock dies with its process. At unlock, Margin
removes the temp files of that shape that no live process holds, in this device's own
data folder (only this device ever writes there, so none of them is another device's;
a sync engine's own temp files, such as ``.syncthing.*.tmp``, have another shape) and in
this machine's local folder. Nothing else is touched, and ``keys/`` (shared by every
device) is left alone.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

from margin.durable import is_abandoned
from margin.vault.store import Layout

OWN_DATA_TEMP = re.compile(r"^\.[0-9a-f]{32}\.[0-9a-f]{12}\.tmp$")
LOCAL_TEMP = re.compile(r"^\.[A-Za-z0-9_.-]+\.[0-9a-f]{12}\.tmp$")


def sweep(layout: Layout, device_id: str) -> list[str]:
    """Remove this device's abandoned temp files; returns their names (for tests)."""
    removed = []
    folders = ((layout.device_dir(device_id), OWN_DATA_TEMP),
               (layout.home.local_dir, LOCAL_TEMP))
    for folder, shape in folders:
        for path in _candidates(folder, shape):
            if is_abandoned(path):
                with contextlib.suppress(OSError):
                    path.unlink()
                    removed.append(path.name)
    return removed


def _candidates(folder: Path, shape: re.Pattern[str]) -> list[Path]:
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    return [Path(e.path) for e in entries if shape.match(e.name) and e.is_file()]
