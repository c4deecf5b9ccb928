"""Build Margin's sdist and wheel from this tree and install the wheel into a fresh venv.

Shared by the package, setup and upgrade tests: they run the installed `margin`, from a
folder outside the repository, so nothing can be read from the clone by accident.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
PIP_TIMEOUT = 900


@dataclass(frozen=True)
class Installed:
    venv: Path
    cwd: Path  # a folder outside the repository

    @property
    def margin(self) -> Path:
        return self.venv / "bin" / "margin"

    @property
    def python(self) -> Path:
        return self.venv / "bin" / "python"

    def run(self, *args: str, home: Path, env: dict[str, str] | None = None,
            timeout: float = 120) -> subprocess.CompletedProcess[str]:
        """`margin ARGS` on PATH, as pipx leaves it, run from outside the repository."""
        environment = clean_env(home, env)
        environment["PATH"] = os.pathsep.join([str(self.margin.parent), environment["PATH"]])
        return subprocess.run(
            [str(self.margin), *args], cwd=self.cwd, env=environment,
            capture_output=True, text=True, timeout=timeout, check=False,
        )


def clean_env(home: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a clinician's shell: a HOME of its own, nothing from the clone."""
    keep = {name: os.environ[name] for name in ("PATH", "LANG", "DBUS_SESSION_BUS_ADDRESS")
            if name in os.environ}
    env = {**keep, "HOME": str(home), "MARGIN_HOME": str(home / "margin-home")}
    env.update(extra or {})
    return env


def copy_tree_with_version(target: Path, version: str) -> Path:
    """A copy of daemon/ and shared_schema/ whose package says ``version``."""
    for folder in ("daemon", "shared_schema"):
        shutil.copytree(REPO_ROOT / folder, target / folder,
                        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", ".mypy_cache"))
    init = target / "daemon" / "src" / "margin" / "__init__.py"
    init.write_text(re.sub(r'__version__ = ".*"', f'__version__ = "{version}"', init.read_text()))
    return target


def build(source_root: Path, out: Path) -> tuple[Path, Path]:
    """The sdist and the wheel (built from that sdist, as pip and PyPI would)."""
    subprocess.run([sys.executable, "-m", "build", str(source_root / "daemon"), "--outdir",
                    str(out)], check=True, capture_output=True, timeout=PIP_TIMEOUT)
    return next(out.glob("margin-*.tar.gz")), next(out.glob("margin-*.whl"))


def new_venv(path: Path) -> Path:
    subprocess.run([sys.executable, "-m", "venv", str(path)], check=True, timeout=300)
    return path


def install(venv: Path, wheel: Path) -> None:
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet",
                    str(wheel)], check=True, capture_output=True, timeout=PIP_TIMEOUT)
