"""Two or three real Margin daemons, each with its own home and vault folder, joined to one
vault, and a carrier between their folders."""

from __future__ import annotations

import json
import random
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.conftest import RunningDaemon, run_margin, start_daemon, stop_daemon
from tests.sync.carrier import Carrier
from tests.sync.cli import run_sync

PASSPHRASE = "correct horse battery staple"


@dataclass
class Cluster:
    root: Path
    daemons: dict[str, RunningDaemon]
    folders: dict[str, Path]
    device_ids: dict[str, str]
    carrier: Carrier
    acknowledged: dict[str, set[str]] = field(default_factory=dict)  # note -> versions

    def api(self, name: str, method: str, path: str, body: Any = None) -> Any:
        reply = self.daemons[name].cli(method, path, body)
        assert reply.status < 500, reply.body
        return reply

    def create(self, name: str, text: str, client: str = "Kim") -> dict[str, Any]:
        note = self.api(name, "POST", "/v1/notes", {"text": text, "client": client}).json()
        self.acknowledged.setdefault(note["id"], set()).add(note["version"])
        return dict(note)

    def edit(self, name: str, note_id: str, text: str,
             base: str | list[str] | None = None) -> dict[str, Any] | None:
        """Edit from the heads this device has (or ``base``); None if it was refused."""
        if base is None:
            view = self.state(name).get(note_id)
            if view is None or view["deleted"]:
                return None
            base = view["heads"] if len(view["heads"]) > 1 else view["heads"][0]
        reply = self.daemons[name].cli("PUT", f"/v1/notes/{note_id}",
                                       {"text": text, "base_version": base})
        if reply.status != 200:
            assert reply.status in (404, 409, 410), reply.body
            return None
        note = reply.json()
        self.acknowledged.setdefault(note_id, set()).add(note["version"])
        return dict(note)

    def state(self, name: str) -> dict[str, dict[str, Any]]:
        notes = self.api(name, "POST", "/v1/notes/search", {"include_deleted": True}).json()
        return {n["id"]: {"heads": sorted(n["heads"]), "deleted": n["deleted"],
                          "conflict": n["conflict"], "waiting": n["waiting_for_sync"]}
                for n in notes["notes"]}

    def history(self, name: str, note_id: str) -> set[str]:
        versions = self.api(name, "GET", f"/v1/notes/{note_id}/history").json()["versions"]
        return {v["id"] for v in versions}

    def converge(self, timeout: float = 30) -> dict[str, dict[str, Any]]:
        """Let the carrier finish and wait until every daemon shows the same notes."""
        deadline = time.monotonic() + timeout
        while True:
            self.carrier.settle()
            states = [self.state(name) for name in self.daemons]
            complete = all(not v["waiting"] for s in states for v in s.values())
            if complete and all(s == states[0] for s in states) and \
                    set(states[0]) >= set(self.acknowledged):
                return states[0]
            if time.monotonic() > deadline:
                raise AssertionError(f"devices did not converge: {json.dumps(states)[:2000]}")
            time.sleep(0.1)

    def stop(self) -> None:
        for daemon in self.daemons.values():
            stderr = stop_daemon(daemon)
            assert "Traceback" not in stderr, stderr


def make_cluster(root: Path, names: tuple[str, ...] = ("a", "b", "c"),
                 rng: random.Random | None = None) -> Cluster:
    """The first device makes the vault; the others join a copy of its folder."""
    passphrase_file = root / "passphrase"
    passphrase_file.write_text(PASSPHRASE + "\n")
    first = names[0]
    made = run_margin(root / first, "init", "--passphrase-file", str(passphrase_file))
    assert made.returncode == 0, made.stderr
    folders = {first: root / first / "vault"}
    for name in names[1:]:
        folder = root / f"{name}-synced-vault"
        shutil.copytree(folders[first] / "keys", folder / "keys")  # the sync engine's first job
        joined = run_sync(root / name, "join", str(folder), "--name", name,
                          "--passphrase-file", str(passphrase_file))
        assert joined.returncode == 0, joined.stderr
        folders[name] = folder
    device_ids = {}
    for name in names:
        device_ids[name] = json.loads((root / name / "local" / "device.json").read_text())[
            "device_id"]
        (folders[name] / ".owner").write_text(device_ids[name])
    daemons = {name: start_daemon(root / name) for name in names}
    for daemon in daemons.values():
        reply = daemon.cli("POST", "/v1/unlock", {"passphrase": PASSPHRASE})
        assert reply.status == 200, reply.body
    carrier = Carrier(folders, rng or random.Random(0))
    return Cluster(root, daemons, folders, device_ids, carrier)


def wait_for(condition: Callable[[], bool], timeout: float = 20, every: float = 0.05) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(every)
