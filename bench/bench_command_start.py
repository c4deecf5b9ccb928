"""How fast the `margin` command starts: `status`, `pair --list`, `notes` and `show`, each
with Margin running (the command asks the daemon over HTTP) and, for status, without it.

Each is timed as a whole process (median of several runs) and printed as a ratio to
`python -c pass` measured in the same run: the least any Python command costs here. The
aim is under 250 ms; only commands that need the server, the export checker or the
linter load them.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.conftest import CHROME_ORIGIN, start_daemon, stop_daemon

RUNS = 7
PASSPHRASE = "a passphrase long enough for the bench"  # noqa: S105 - a test vault


def timed(args: list[str], env: dict[str, str]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(args, env=env, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    baseline = timed([sys.executable, "-c", "pass"], env)
    print(f"python -c pass: {baseline * 1000:.0f} ms (baseline)")
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder) / "home"
        margin = [sys.executable, "-m", "margin", "--home", str(home)]
        stopped = timed([*margin, "status"], env)
        print(f"margin status, Margin not running: {stopped * 1000:.0f} ms "
              f"({stopped / baseline:.1f} x baseline)")
        daemon = start_daemon(home)
        try:
            daemon.cli("POST", "/v1/vault", {"passphrase": PASSPHRASE})
            daemon.pair(CHROME_ORIGIN)
            note = daemon.cli("POST", "/v1/notes", {"text": "a note for the bench"}).json()
            for label, args in [("status", ["status"]), ("pair --list", ["pair", "--list"]),
                                ("notes", ["notes"]), ("show", ["show", note["id"]])]:
                spent = timed([*margin, *args], env)
                print(f"margin {label}, Margin running: {spent * 1000:.0f} ms "
                      f"({spent / baseline:.1f} x baseline)")
        finally:
            stop_daemon(daemon)


if __name__ == "__main__":
    main()
