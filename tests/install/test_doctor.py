"""`margin doctor` names each broken piece with its fix, and exits 1 while any is broken."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.install.wheel import Installed

ENV = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", "MARGIN_PORT": "0"}
CHROMIUM_HOST = ".config/chromium/NativeMessagingHosts/org.margin.host.json"


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
