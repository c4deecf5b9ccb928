"""The `margin` command as a clinician meets it: plain sentences, exit codes, no tracebacks."""

from __future__ import annotations

import json
import re
import socket
from pathlib import Path

from tests.conftest import CHROME_ORIGIN, RunningDaemon, run_margin, start_daemon, stop_daemon


def assert_plain_error(result, *phrases: str) -> None:
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    for phrase in phrases:
        assert phrase in result.stderr, result.stderr


def test_help_names_the_commands(margin_home: Path) -> None:
    result = run_margin(margin_home, "--help")
    assert result.returncode == 0
    for command in ("serve", "pair", "status"):
        assert re.search(rf"^\s+{command}\s", result.stdout, re.MULTILINE), result.stdout


def test_status_when_nothing_runs(margin_home: Path) -> None:
    result = run_margin(margin_home, "status", "--json")
    assert result.returncode == 0, result.stderr
    state = json.loads(result.stdout)
    assert state["daemon"] == {"running": False}
    assert state["vault"] == {"exists": False, "unlocked": False}
    human = run_margin(margin_home, "status")
    assert "Margin is not running" in human.stdout


def test_status_of_the_running_daemon(daemon: RunningDaemon) -> None:
    result = run_margin(daemon.home, "status", "--json")
    state = json.loads(result.stdout)
    assert state["daemon"]["running"] is True
    assert state["daemon"]["port"] == daemon.port


def test_home_from_environment(daemon: RunningDaemon, tmp_path: Path) -> None:
    result = run_margin(tmp_path / "elsewhere", "status", "--json")
    assert json.loads(result.stdout)["daemon"]["running"] is False
    import subprocess
    import sys
    env_result = subprocess.run(
        [sys.executable, "-m", "margin", "status", "--json"], capture_output=True, text=True,
        env={"MARGIN_HOME": str(daemon.home), "PATH": "/usr/bin:/bin"}, check=False)
    assert json.loads(env_result.stdout)["daemon"]["port"] == daemon.port


def test_pair_needs_a_running_daemon(margin_home: Path) -> None:
    assert_plain_error(run_margin(margin_home, "pair"), "Margin is not running", "'margin serve'")


def test_pair_list_and_revoke_through_the_daemon(daemon: RunningDaemon) -> None:
    shown = run_margin(daemon.home, "pair")
    assert shown.returncode == 0
    code = re.search(r"[A-Z2-9]{4}-[A-Z2-9]{4}", shown.stdout).group(0)
    reply = daemon.request("POST", "/v1/pair", body={"code": code, "name": "Chrome at desk"},
                           headers={"Origin": CHROME_ORIGIN})
    assert reply.status == 201
    daemon.tokens[CHROME_ORIGIN] = reply.json()["token"]
    listed = json.loads(run_margin(daemon.home, "pair", "--list", "--json").stdout)
    assert [p["name"] for p in listed] == ["Chrome at desk"]
    assert "token" not in json.dumps(listed)
    revoked = run_margin(daemon.home, "pair", "--revoke", listed[0]["id"])
    assert revoked.returncode == 0 and "Unpaired" in revoked.stdout
    assert daemon.as_extension("GET", "/v1/status").status == 401


def test_pair_list_and_revoke_while_stopped(daemon: RunningDaemon) -> None:
    daemon.pair(CHROME_ORIGIN)
    stop_daemon(daemon)
    listed = json.loads(run_margin(daemon.home, "pair", "--list", "--json").stdout)
    assert len(listed) == 1
    assert run_margin(daemon.home, "pair", "--revoke", listed[0]["id"]).returncode == 0
    assert_plain_error(run_margin(daemon.home, "pair", "--revoke", "deadbeef"),
                       "no paired extension with that id")
    restarted = start_daemon(daemon.home)
    try:
        assert restarted.request("GET", "/v1/status", headers={
            "Origin": CHROME_ORIGIN,
            "Authorization": f"Bearer {daemon.tokens[CHROME_ORIGIN]}"}).status == 401
    finally:
        stop_daemon(restarted)


def test_pairings_survive_a_restart(daemon: RunningDaemon) -> None:
    token = daemon.pair(CHROME_ORIGIN)
    stop_daemon(daemon)
    restarted = start_daemon(daemon.home)
    try:
        reply = restarted.request("GET", "/v1/status", headers={
            "Origin": CHROME_ORIGIN, "Authorization": f"Bearer {token}"})
        assert reply.status == 200
    finally:
        stop_daemon(restarted)
    stored = (daemon.home / "local" / "pairings.json").read_text()
    assert token not in stored


def test_second_daemon_on_the_same_home_refuses(daemon: RunningDaemon) -> None:
    result = run_margin(daemon.home, "serve", "--port", "0")
    assert_plain_error(result, "already running")
    assert daemon.alive()


def test_port_in_use_is_a_plain_error(margin_home: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = run_margin(margin_home, "serve", "--port", str(port))
    assert_plain_error(result, "already using that port", "--port")


def test_damaged_pairing_file_is_a_plain_error(margin_home: Path) -> None:
    (margin_home / "local").mkdir()
    (margin_home / "local" / "pairings.json").write_text("{not json")
    assert_plain_error(run_margin(margin_home, "pair", "--list"), "damaged", "pair the extension")


def test_runtime_files_are_private_to_this_user(daemon: RunningDaemon) -> None:
    daemon.pair(CHROME_ORIGIN)
    for name in ("daemon.json", "pairings.json"):
        mode = (daemon.home / "local" / name).stat().st_mode & 0o777
        assert mode == 0o600, (name, oct(mode))
    assert (daemon.home / "local").stat().st_mode & 0o777 == 0o700
