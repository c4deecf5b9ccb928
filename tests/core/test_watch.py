"""Watched folders: a new export is checked once complete; arrivals while locked wait."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from margin.schema import first_problem
from tests.conftest import CHROME_ORIGIN, RunningDaemon, run_margin

PASSPHRASE = "a long recovery passphrase for tests"
PRIVATE = ("She spoke of the winter her brother left for the coast and never wrote back, and "
           "I noticed my own chest tighten the way it does with my father every single time.")
LEAKY_EXPORT = ("PROGRESS NOTE\nClient attended session. " + PRIVATE + "\nPlan: weekly CBT.\n")
CLEAN_EXPORT = "PROGRESS NOTE\nClient attended session. Mood stable. Plan: weekly CBT.\n"


def watch_state(d: RunningDaemon) -> dict:
    body = d.as_extension("GET", "/v1/watch").json()
    assert first_problem("watch-state", body) is None, body
    return body


def wait_for_results(d: RunningDaemon, count: int, seconds: float = 20) -> list[dict]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        recent = watch_state(d)["recent"]
        if len(recent) >= count:
            return recent
        time.sleep(0.2)
    pytest.fail(f"expected {count} results, got {watch_state(d)}")


@pytest.fixture
def watched(daemon: RunningDaemon, tmp_path: Path) -> tuple[RunningDaemon, Path]:
    daemon.pair(CHROME_ORIGIN)
    daemon.as_extension("POST", "/v1/vault", body={"passphrase": PASSPHRASE})
    daemon.as_extension("POST", "/v1/notes", body={"text": PRIVATE, "client": "Ada Quill"})
    downloads = tmp_path / "Downloads"
    downloads.mkdir()
    result = run_margin(daemon.home, "watch", "add", str(downloads))
    assert result.returncode == 0, result.stderr
    return daemon, downloads


def download(folder: Path, name: str, text: str) -> None:
    """As a browser does: write under a temporary name, then rename when complete."""
    partial = folder / (name + ".crdownload")
    partial.write_text(text[: len(text) // 2])
    time.sleep(0.3)
    partial.write_text(text)
    partial.rename(folder / name)


def test_new_exports_are_checked(watched: tuple[RunningDaemon, Path]) -> None:
    daemon, downloads = watched
    download(downloads, "record-leaky.txt", LEAKY_EXPORT)
    download(downloads, "record-clean.txt", CLEAN_EXPORT)
    results = {Path(r["path"]).name: r for r in wait_for_results(daemon, 2)}
    assert set(results) == {"record-leaky.txt", "record-clean.txt"}  # never the .crdownload
    assert results["record-leaky.txt"]["verdict"] == "leak"
    assert results["record-clean.txt"]["verdict"] == "clean"
    assert PRIVATE.split()[3] not in json.dumps(results)
    audit = daemon.cli("GET", "/v1/audit").json()["entries"]
    assert any(e["action"] == "scan" and e["actor"] == "watch" for e in audit)
    status = json.loads(run_margin(daemon.home, "status", "--json").stdout)
    assert {Path(r["path"]).name for r in status["exports"]["recent"]} == set(results)


def test_arrivals_while_locked_wait_for_unlock(watched: tuple[RunningDaemon, Path]) -> None:
    daemon, downloads = watched
    daemon.as_extension("POST", "/v1/lock", body={})
    download(downloads, "while-locked.txt", LEAKY_EXPORT)
    deadline = time.monotonic() + 15
    while not watch_state(daemon)["waiting_for_unlock"] and time.monotonic() < deadline:
        time.sleep(0.2)
    assert [Path(p).name for p in watch_state(daemon)["waiting_for_unlock"]] == [
        "while-locked.txt"]
    daemon.as_extension("POST", "/v1/unlock", body={"passphrase": PASSPHRASE})
    assert wait_for_results(daemon, 1)[0]["verdict"] == "leak"
    assert watch_state(daemon)["waiting_for_unlock"] == []


def test_watch_list_and_remove(watched: tuple[RunningDaemon, Path]) -> None:
    daemon, downloads = watched
    listed = json.loads(run_margin(daemon.home, "watch", "list", "--json").stdout)
    assert listed["folders"] == [str(downloads.resolve())]
    assert run_margin(daemon.home, "watch", "remove", str(downloads)).returncode == 0
    assert watch_state(daemon)["folders"] == []
    download(downloads, "after-removal.txt", LEAKY_EXPORT)
    time.sleep(3)
    assert watch_state(daemon)["recent"] == []


def test_watch_without_a_daemon(margin_home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    assert run_margin(margin_home, "watch", "add", str(folder)).returncode == 0
    listed = json.loads(run_margin(margin_home, "watch", "list", "--json").stdout)
    assert listed["folders"] == [str(folder.resolve())]
    missing = run_margin(margin_home, "watch", "add", str(tmp_path / "nope"))
    assert missing.returncode == 2 and "no folder there" in missing.stderr
    unknown = run_margin(margin_home, "watch", "remove", str(tmp_path))
    assert unknown.returncode == 2 and "not watching" in unknown.stderr
