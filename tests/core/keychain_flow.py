"""Run inside a D-Bus session with gnome-keyring (see test_keychain_daemon.py): the daemon
stores the key in the real keychain at creation, and a restarted daemon unlocks from it."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.conftest import CHROME_ORIGIN, start_daemon, stop_daemon

REAL_KEYCHAIN: dict[str, str | None] = {"PYTHON_KEYRING_BACKEND": None}  # find the real one


def main(home: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    first = start_daemon(home, REAL_KEYCHAIN)
    try:
        first.pair(CHROME_ORIGIN)
        created = first.as_extension("POST", "/v1/vault", body={}).json()
        note = first.as_extension("POST", "/v1/notes", body={"text": "kept behind the key"}).json()
    finally:
        stop_daemon(first)
    second = start_daemon(home, REAL_KEYCHAIN)
    second.tokens = first.tokens
    try:
        locked = second.as_extension("GET", "/v1/vault").json()
        unlocked = second.as_extension("POST", "/v1/unlock", body={}).json()
        text = second.as_extension("GET", f"/v1/notes/{note['id']}").json().get("text")
    finally:
        stop_daemon(second)
    print(json.dumps({"keychain": created["vault"]["keychain"], "locked": locked["unlocked"],
                      "unlocked": unlocked.get("unlocked"), "text": text}))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
