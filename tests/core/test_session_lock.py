"""The vault locks when the desktop session's screen saver starts (a real D-Bus signal)."""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import CHROME_ORIGIN, start_daemon, stop_daemon

pytestmark = pytest.mark.skipif(
    not (shutil.which("dbus-daemon") and shutil.which("dbus-send")),
    reason="dbus-daemon is not installed (make test installs it)")


@pytest.fixture
def session_bus() -> Iterator[str]:
    """A private session bus, as a desktop login has."""
    process = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address"],
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    address = process.stdout.readline().strip()
    yield address
    process.terminate()
    process.wait(timeout=10)


def _screen_saver_active(address: str, active: bool) -> None:
    subprocess.run(["dbus-send", f"--bus={address}", "--type=signal",
                    "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver.ActiveChanged",
                    f"boolean:{'true' if active else 'false'}"], check=True)


def _wait_for(predicate: Callable[[], bool], seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def test_screen_lock_locks_the_vault(margin_home: Path, session_bus: str) -> None:
    daemon = start_daemon(margin_home, {"DBUS_SESSION_BUS_ADDRESS": session_bus})
    try:
        daemon.pair(CHROME_ORIGIN)
        daemon.as_extension("POST", "/v1/vault", body={"passphrase": "long enough passphrase"})

        def unlocked() -> bool:
            return bool(daemon.as_extension("GET", "/v1/vault").json()["unlocked"])

        assert unlocked()
        time.sleep(1)  # let the daemon subscribe
        _screen_saver_active(session_bus, False)  # the screen saver ending locks nothing
        time.sleep(0.5)
        assert unlocked()
        _screen_saver_active(session_bus, True)
        assert _wait_for(lambda: not unlocked()), "the vault stayed unlocked"
        daemon.as_extension("POST", "/v1/unlock", body={"passphrase": "long enough passphrase"})
        actors = {e["actor"] for e in daemon.cli("GET", "/v1/audit").json()["entries"]}
        assert "auto-lock:session:ActiveChanged" in actors  # the lock is in the audit trail
    finally:
        stderr = stop_daemon(daemon)
    assert "Traceback" not in stderr
    assert "session:ActiveChanged" in stderr
