"""kill -9 of a real `margin serve` while several writers save notes over HTTP: after each
restart, every save the daemon acknowledged is there with the text it acknowledged
(docs/DESIGN.md, invariant 4), and the vault opens. `make test` runs a few kills; `make
soak` (MARGIN_SOAK=1) runs sixty under eight writers.
"""

from __future__ import annotations

import os
import random
import signal
import threading
import time
from pathlib import Path

from tests.conftest import CHROME_ORIGIN, RunningDaemon, start_daemon, stop_daemon

SOAK = bool(os.environ.get("MARGIN_SOAK"))
KILLS, WRITERS = (60, 8) if SOAK else (3, 4)
PASSPHRASE = "a passphrase long enough for the kill test"


def _writer(daemon: RunningDaemon, token: str, who: int, acknowledged: dict[str, str],
            lock: threading.Lock, stop: threading.Event) -> None:
    headers = {"Origin": CHROME_ORIGIN, "Authorization": f"Bearer {token}"}
    count = 0
    while not stop.is_set():
        count += 1
        text = f"writer {who} note {count} " + "private words " * random.randint(1, 200)
        try:
            reply = daemon.request("POST", "/v1/notes", body={"text": text}, headers=headers)
        except OSError:
            return  # the daemon was killed mid-request: not acknowledged
        if reply.status == 201:
            with lock:
                acknowledged[reply.json()["id"]] = text


def _run_writers_then_kill(daemon: RunningDaemon, token: str,
                           acknowledged: dict[str, str]) -> None:
    lock, stop = threading.Lock(), threading.Event()
    writers = [threading.Thread(target=_writer, args=(daemon, token, n, acknowledged, lock, stop))
               for n in range(WRITERS)]
    for writer in writers:
        writer.start()
    time.sleep(random.uniform(0.3, 1.5))
    os.kill(daemon.process.pid, signal.SIGKILL)
    daemon.process.wait()
    stop.set()
    for writer in writers:
        writer.join(timeout=30)


def test_kill_nine_under_concurrent_writers_loses_no_acknowledged_save(tmp_path: Path) -> None:
    home = tmp_path / "home"
    daemon = start_daemon(home)
    assert daemon.cli("POST", "/v1/vault", {"passphrase": PASSPHRASE}).status == 201
    token = daemon.pair(CHROME_ORIGIN)
    acknowledged: dict[str, str] = {}
    for _ in range(KILLS):
        _run_writers_then_kill(daemon, token, acknowledged)
        daemon = start_daemon(home)
        assert daemon.cli("POST", "/v1/unlock", {"passphrase": PASSPHRASE}).status == 200
    headers = {"Origin": CHROME_ORIGIN, "Authorization": f"Bearer {token}"}
    assert acknowledged, "no save was acknowledged before the kills"
    listed = {n["id"] for n in daemon.request("POST", "/v1/notes/search", body={},
                                              headers=headers).json()["notes"]}
    assert set(acknowledged) <= listed
    for note_id in random.sample(sorted(acknowledged), min(40, len(acknowledged))):
        reply = daemon.request("GET", f"/v1/notes/{note_id}", headers=headers)
        assert reply.status == 200 and reply.json()["text"] == acknowledged[note_id]
    assert "Traceback" not in stop_daemon(daemon)
