"""Running the sync commands as the `margin` command does (registered here too, so these
tests do not depend on the order in which commands are added to the group)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import NO_KEYCHAIN

REGISTER = (
    "from margin.cli import cli\n"
    "from margin.cli import sync_cmds as s\n"
    "for c in (s.join, s.devices, s.backup, s.check):\n"
    "    cli.add_command(c)\n"
    "cli(prog_name='margin')\n"
)


def run_sync(home: Path, *args: str, env: dict[str, str] | None = None,
             timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", REGISTER, "--home", str(home), *args],
        capture_output=True, text=True, timeout=timeout, check=False,
        env={**os.environ, **NO_KEYCHAIN, **(env or {})},
    )
