"""The daemon with a real Secret Service (gnome-keyring in its own D-Bus session): the key
goes into the keychain at creation and a restarted daemon unlocks without the passphrase."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

FLOW = Path(__file__).with_name("keychain_flow.py")


def test_restarted_daemon_unlocks_from_the_real_keychain(tmp_path: Path) -> None:
    missing = [p for p in ("dbus-run-session", "gnome-keyring-daemon") if not shutil.which(p)]
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed (scripts/system-deps.sh installs them)")
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    start_keyring = ('printf "test-keyring-password" | '
                     "gnome-keyring-daemon --unlock --components=secrets")
    shell = (f'eval "$({start_keyring})" >/dev/null; '
             f'exec "{sys.executable}" "{FLOW}" "{tmp_path / "home"}"')
    env = {**os.environ, "HOME": str(tmp_path), "XDG_RUNTIME_DIR": str(runtime),
           "XDG_DATA_HOME": str(tmp_path / "data")}
    env.pop("PYTHON_KEYRING_BACKEND", None)
    done = subprocess.run(["dbus-run-session", "--", "sh", "-c", shell], capture_output=True,
                          text=True, timeout=180, env=env, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["keychain"]["usable"] is True, result
    assert result["locked"] is False  # a restarted daemon starts locked
    assert result["unlocked"] is True
    assert result["text"] == "kept behind the key"
