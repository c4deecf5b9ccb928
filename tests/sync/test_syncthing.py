"""End to end through REAL Syncthing: two instances on loopback, two Margin daemons, edits
on both sides including a concurrent edit, and the conflict seen through the API."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import RunningDaemon, run_margin, start_daemon, stop_daemon
from tests.sync import syncthing
from tests.sync.cli import run_sync

PASSPHRASE = "correct horse battery staple"

# Skipped only on a developer's machine without it; in CI (CI=true) a missing Syncthing fails.
pytestmark = pytest.mark.skipif(not syncthing.available() and not os.environ.get("CI"),
                                reason="syncthing is not installed (scripts/system-deps.sh)")


def wait_for(what: str, condition: Callable[[], Any], timeout: float = 60) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        found = condition()
        if found:
            return found
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.2)


def note_state(daemon: RunningDaemon, note_id: str) -> dict[str, Any] | None:
    reply = daemon.cli("GET", f"/v1/notes/{note_id}")
    return reply.json() if reply.status == 200 else None


def test_two_daemons_through_real_syncthing(tmp_path: Path) -> None:
    secret = tmp_path / "passphrase"
    secret.write_text(PASSPHRASE + "\n")
    desk_home, laptop_home = tmp_path / "desk", tmp_path / "laptop"
    assert run_margin(desk_home, "init", "--passphrase-file", str(secret)).returncode == 0
    laptop_folder = tmp_path / "laptop-sync" / "Margin vault"
    laptop_folder.mkdir(parents=True)
    desk_st = syncthing.make_instance(tmp_path / "st-desk", desk_home / "vault")
    laptop_st = syncthing.make_instance(tmp_path / "st-laptop", laptop_folder)
    daemons: list[RunningDaemon] = []
    try:
        desk_st.start(laptop_st)
        laptop_st.start(desk_st)
        wait_for("the key file to arrive", lambda: any((laptop_folder / "keys").glob("*"))
                 if (laptop_folder / "keys").is_dir() else False, timeout=90)
        joined = run_sync(laptop_home, "join", str(laptop_folder), "--name", "laptop",
                          "--passphrase-file", str(secret))
        assert joined.returncode == 0, joined.stderr
        desk, laptop = start_daemon(desk_home), start_daemon(laptop_home)
        daemons = [desk, laptop]
        for daemon in daemons:
            assert daemon.cli("POST", "/v1/unlock", {"passphrase": PASSPHRASE}).status == 200
        made = desk.cli("POST", "/v1/notes", {"text": "written at the desk",
                                              "client": "Kim"}).json()
        seen = wait_for("the desk's note on the laptop", lambda: note_state(laptop, made["id"]))
        assert seen["text"] == "written at the desk"
        edited = laptop.cli("PUT", f"/v1/notes/{made['id']}",
                            {"text": "edited on the laptop", "base_version": made["version"]})
        assert edited.status == 200
        base = edited.json()["version"]
        wait_for("the laptop's edit at the desk",
                 lambda: (note_state(desk, made["id"]) or {}).get("version") == base)
        # Both edit the same version before either change can travel: a real conflict.
        one = desk.cli("PUT", f"/v1/notes/{made['id']}",
                       {"text": "desk's afternoon edit", "base_version": base})
        two = laptop.cli("PUT", f"/v1/notes/{made['id']}",
                         {"text": "laptop's afternoon edit", "base_version": base})
        assert one.status == 200 and two.status == 200
        for daemon in daemons:
            wait_for("the conflict", lambda d=daemon: (note_state(d, made["id"]) or {}).get(
                "conflict"))
        view = laptop.cli("GET", f"/v1/notes/{made['id']}/conflict").json()
        assert {h["text"] for h in view["heads"]} == {"desk's afternoon edit",
                                                      "laptop's afternoon edit"}
        assert {h["device_label"] for h in view["heads"]} >= {"this computer"}
        assert any('"laptop"' in h["device_label"] for h in
                   desk.cli("GET", f"/v1/notes/{made['id']}/conflict").json()["heads"])
        merged = desk.cli("PUT", f"/v1/notes/{made['id']}", {
            "text": "both afternoon edits", "base_version": [h["version"] for h in view["heads"]]})
        assert merged.status == 200
        wait_for("the merge on the laptop", lambda: (note_state(laptop, made["id"]) or {}).get(
            "text") == "both afternoon edits")
        assert not note_state(laptop, made["id"])["conflict"]  # type: ignore[index]
        for daemon in daemons:
            sync = daemon.cli("GET", "/v1/sync").json()
            assert not sync["alert"], sync["issues"]
            assert not (Path(sync["vault_dir"]) / "quarantine").exists()
    finally:
        for daemon in daemons:
            assert "Traceback" not in stop_daemon(daemon)
        desk_st.stop()
        laptop_st.stop()
