"""Commands named in messages are commands that run as typed.

Installed (pipx, a venv on PATH) the command is ``margin``; from a clone it is
``.venv/bin/margin``, which is not on PATH. Messages are written with ``'margin ...'`` and
shown with whatever runs here.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path


def margin_command(argv0: str | None = None, cwd: Path | None = None) -> str:
    """How the clinician can type the command that is running now."""
    launcher = Path(argv0 or sys.argv[0])
    if launcher.name not in ("margin", "margin.exe"):
        return "margin"  # python -m margin, tests: the installed name is the best advice
    on_path = shutil.which("margin")
    try:
        if on_path and Path(on_path).resolve() == launcher.resolve():
            return "margin"
        relative = os.path.relpath(launcher.absolute(), cwd or Path.cwd())
    except (OSError, ValueError):  # another drive on Windows
        return str(launcher.absolute())
    if relative.startswith(".."):
        return str(launcher.absolute())
    return relative if os.sep in relative else f".{os.sep}{relative}"


def as_typed(text: str, command: str | None = None) -> str:
    """``text`` with each quoted ``'margin ...'`` naming the command that runs here."""
    command = command or margin_command()
    return text if command == "margin" else text.replace("'margin ", f"'{command} ")
