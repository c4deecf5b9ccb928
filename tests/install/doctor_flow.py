"""Run inside a D-Bus session with gnome-keyring (see test_doctor.py): set Margin up, let the
native host start it and pair, create the vault, then ask `margin doctor`."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from margin.desktop.native_host import read_message, write_message

DEV = "chrome-extension://fpnnpibeginceicokanofmpeadgagfge"


def margin(home: Path, *args: str,
           stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "margin", "--home", str(home), *args],
                          input=stdin, capture_output=True, timeout=180, check=False)


def main(home: Path, passphrase_file: str) -> None:
    assert margin(home, "setup").returncode == 0
    frame = io.BytesIO()
    write_message(frame, {"type": "pair", "origin": DEV, "name": "Chrome"})
    paired = read_message(io.BytesIO(margin(home, "native-host", DEV + "/",
                                            stdin=frame.getvalue()).stdout))
    try:
        made = margin(home, "init", "--passphrase-file", passphrase_file)
        assert made.returncode == 0, made.stderr
        doctor = margin(home, "doctor")
    finally:
        pid = json.loads((home / "local" / "daemon.json").read_text())["pid"]
        os.kill(pid, signal.SIGINT)
        time.sleep(1)
    print(json.dumps({"paired": paired["ok"], "returncode": doctor.returncode,
                      "stdout": doctor.stdout.decode()}))


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
