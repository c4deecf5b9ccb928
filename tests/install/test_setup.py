"""`margin setup` from the installed wheel, in a fresh HOME: every file lands where its
browser or service manager looks, the unit is valid and its command starts Margin, a second
run changes nothing, and `--undo` removes it all and leaves the vault as it was."""

from __future__ import annotations

import hashlib
import json
import os
import shlex
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.install.wheel import Installed, clean_env

DEV_ORIGIN = "chrome-extension://fpnnpibeginceicokanofmpeadgagfge/"
HOST_FILES = {
    "Chrome": ".config/google-chrome/NativeMessagingHosts/org.margin.host.json",
    "Chromium": ".config/chromium/NativeMessagingHosts/org.margin.host.json",
    "Edge": ".config/microsoft-edge/NativeMessagingHosts/org.margin.host.json",
    "Brave": ".config/BraveSoftware/Brave-Browser/NativeMessagingHosts/org.margin.host.json",
    "Firefox": ".mozilla/native-messaging-hosts/org.margin.host.json",
}
UNIT = ".config/systemd/user/margin.service"
NO_KEYCHAIN = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", "MARGIN_PORT": "0"}


def _fingerprint(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _setup_files(user: Path) -> dict[str, str]:
    paths = [user / p for p in [*HOST_FILES.values(), UNIT]]
    paths.append(user / "margin-home" / "local" / "native-host")
    return {str(p): p.read_text() for p in paths}


@pytest.fixture
def user(installed: Installed, tmp_path: Path) -> Path:
    """A fresh HOME whose Margin already has a vault (setup must never touch it)."""
    passphrase = tmp_path / "passphrase"
    passphrase.write_text("correct horse battery staple margin\n")
    made = installed.run("init", "--passphrase-file", str(passphrase), home=tmp_path,
                         env=NO_KEYCHAIN)
    assert made.returncode == 0, made.stderr
    return tmp_path


def test_setup_puts_every_file_where_it_is_looked_for(installed: Installed, user: Path) -> None:
    done = installed.run("setup", home=user, env=NO_KEYCHAIN)
    assert done.returncode == 0, done.stderr
    # No user manager runs in the test container: setup says so instead of pretending.
    assert "takes effect at your next graphical login" in done.stdout
    assert "Margin was not started now; until then run 'margin serve'" in done.stdout
    for browser, relative in HOST_FILES.items():
        manifest = json.loads((user / relative).read_text())
        assert manifest["name"] == "org.margin.host", browser
        assert manifest["type"] == "stdio"
        launcher = Path(manifest["path"])
        assert launcher.is_absolute() and os.access(launcher, os.X_OK)
        if browser == "Firefox":
            assert manifest["allowed_extensions"] == ["margin@margin.local"]
        else:
            assert manifest["allowed_origins"] == [DEV_ORIGIN]
    assert "native-host" in (user / "margin-home/local/native-host").read_text()


def test_the_login_unit_is_valid_and_its_command_starts_margin(
        installed: Installed, user: Path) -> None:
    assert installed.run("setup", home=user, env=NO_KEYCHAIN).returncode == 0
    unit = user / UNIT
    verify = subprocess.run([shutil.which("systemd-analyze") or "systemd-analyze", "verify",
                             str(unit)], capture_output=True, text=True, check=False)
    assert verify.returncode == 0, verify.stderr
    exec_start = next(line for line in unit.read_text().splitlines()
                      if line.startswith("ExecStart="))
    argv = shlex.split(exec_start.removeprefix("ExecStart="))
    assert argv[0] == str(installed.python) and argv[-1] == "serve"
    # What systemd would run, run by hand (no user manager runs here).
    process = subprocess.Popen(argv, cwd="/", env=clean_env(user, NO_KEYCHAIN),
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        runtime_file = user / "margin-home" / "local" / "daemon.json"
        deadline = time.monotonic() + 90
        while not runtime_file.exists() and process.poll() is None:
            assert time.monotonic() < deadline, "margin serve did not start within 90 s"
            time.sleep(0.2)
        status = installed.run("status", home=user)
        assert "Margin is running" in status.stdout, status.stdout + status.stderr
    finally:
        process.send_signal(signal.SIGINT)
        stderr = process.communicate(timeout=30)[1].decode()
    assert "Traceback" not in stderr


def test_setup_again_changes_nothing_and_undo_leaves_the_vault(
        installed: Installed, user: Path) -> None:
    vault_before = _fingerprint(user / "margin-home" / "vault")
    assert installed.run("setup", home=user, env=NO_KEYCHAIN).returncode == 0
    first = _setup_files(user)
    assert installed.run("setup", home=user, env=NO_KEYCHAIN).returncode == 0
    assert _setup_files(user) == first

    undone = installed.run("setup", "--undo", home=user, env=NO_KEYCHAIN)
    assert undone.returncode == 0, undone.stderr
    assert "vault and settings were not touched" in undone.stdout
    for path in first:
        assert not Path(path).exists(), path
    assert _fingerprint(user / "margin-home" / "vault") == vault_before
    assert vault_before  # the vault really had files to keep


def test_a_mistyped_extension_id_is_refused_plainly(installed: Installed, user: Path) -> None:
    refused = installed.run("setup", "--extension-id", "not an id", home=user)
    assert refused.returncode == 2
    assert "not a browser extension id" in refused.stderr and "Traceback" not in refused.stderr
    assert not (user / UNIT).exists()
