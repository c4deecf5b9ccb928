"""Running the sync commands as a clinician does: the real `margin` command."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.conftest import run_margin


def run_sync(home: Path, *args: str, env: dict[str, str] | None = None,
             timeout: float = 120) -> subprocess.CompletedProcess[str]:
    del timeout  # run_margin has its own limit
    return run_margin(home, *args, env=env)
