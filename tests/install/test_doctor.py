"""`margin doctor` names each broken piece with its fix, and exits 1 while any is broken."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.install.wheel import Installed

ENV = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", "MARGIN_PORT": "0"}
CHROMIUM_HOST = ".config/chromium/NativeMessagingHosts/org.margin.host.json"
FLOW = Path(__file__).with_name("doctor_flow.py")


@pytest.mark.skipif(shutil.which("chromium") is None, reason="needs Debian's chromium on PATH")
def test_doctor_names_the_stopped_daemon_the_missing_host_and_no_pairing(
        installed: Installed, tmp_path: Path) -> None:
    assert installed.run("setup", home=tmp_path, env=ENV).returncode == 0
    (tmp_path / CHROMIUM_HOST).unlink()  # as if Chromium's host had been removed
    report = installed.run("doctor", home=tmp_path, env=ENV)
    assert report.returncode == 1, report.stdout + report.stderr
    problems = [line for line in report.stdout.splitlines() if line.startswith("  PROBLEM:")]
    text = "\n".join(problems)
    assert "Margin is not running. Start it with 'margin serve'" in text
    assert "Chromium cannot start Margin's pairing helper" in text and "'margin setup'" in text
    assert "No browser extension is paired" in text
    assert "There is no vault yet" in text and "'margin init'" in text
    assert "system keychain cannot be used" in text  # no keychain in this test
    assert "  ok: Margin starts when you log in." in report.stdout
    assert "  ok: Firefox can pair the extension without a code." in report.stdout
    assert "Traceback" not in report.stderr

    assert installed.run("setup", "--undo", home=tmp_path, env=ENV).returncode == 0
    undone = installed.run("doctor", home=tmp_path, env=ENV)
    assert undone.returncode == 1
    assert "Margin does not start when you log in" in undone.stdout
    assert "Firefox cannot start Margin's pairing helper" in undone.stdout


@pytest.mark.skipif(not all(shutil.which(p) for p in (
    "dbus-run-session", "gnome-keyring-daemon", "tesseract", "chromium")),
    reason="needs dbus, gnome-keyring, tesseract and chromium (scripts/system-deps.sh)")
def test_doctor_says_all_is_well_and_exits_0_when_it_is(tmp_path: Path) -> None:
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    passphrase = tmp_path / "passphrase"
    passphrase.write_text("correct horse battery staple margin\n")
    start_keyring = ('printf "test-keyring-password" | '
                     "gnome-keyring-daemon --unlock --components=secrets")
    shell = (f'eval "$({start_keyring})" >/dev/null; exec "{sys.executable}" "{FLOW}" '
             f'"{tmp_path / "home"}" "{passphrase}"')
    env = {**os.environ, "HOME": str(tmp_path), "XDG_RUNTIME_DIR": str(runtime),
           "XDG_DATA_HOME": str(tmp_path / "data"), "MARGIN_PORT": "0"}
    env.pop("PYTHON_KEYRING_BACKEND", None)
    done = subprocess.run(["dbus-run-session", "--", "sh", "-c", shell], capture_output=True,
                          text=True, timeout=600, env=env, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["paired"] is True
    assert result["returncode"] == 0, result["stdout"]
    assert "PROBLEM" not in result["stdout"]
    assert "Everything Margin needs is in place." in result["stdout"]
