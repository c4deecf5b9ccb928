"""The code stays as legible as it was reviewed: ruff over everything, mypy --strict over the
package (the settings are in ruff.toml and daemon/pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_ruff_finds_nothing() -> None:
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "daemon/src", "tests", "bench"],
                          cwd=REPO, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout[-4000:]


def test_mypy_strict_finds_nothing() -> None:
    done = subprocess.run([sys.executable, "-m", "mypy", "src/margin"], cwd=REPO / "daemon",
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout[-4000:]
