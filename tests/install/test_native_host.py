"""`margin native-host`: the native messaging frames, and who may ask it for a token."""

from __future__ import annotations

import io
import json
import os
import signal
import struct
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from margin import errors
from margin.desktop.hosts import AllowedIds
from margin.desktop.native_host import identify, read_message, serve_one, write_message
from margin.home import Home
from tests.conftest import NO_KEYCHAIN, RunningDaemon, margin_command, run_margin

DEV = "fpnnpibeginceicokanofmpeadgagfge"
OTHER = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
FIREFOX_ORIGIN = "moz-extension://0b9e2b7c-3f1d-4e7a-9c55-2d8f6a1b4c3e"
IDS = AllowedIds.load([])


def _frame(message: Any) -> bytes:
    stream = io.BytesIO()
    write_message(stream, message)
    return stream.getvalue()


def test_frames_are_a_native_length_then_json() -> None:
    framed = _frame({"type": "pair", "name": "Chrome"})
    (length,) = struct.unpack("=I", framed[:4])
    assert length == len(framed) - 4
    assert read_message(io.BytesIO(framed)) == {"type": "pair", "name": "Chrome"}
    assert read_message(io.BytesIO(b"")) is None  # the browser closed the pipe


def test_oversized_or_broken_frames_get_a_plain_error(tmp_path: Path) -> None:
    with pytest.raises(errors.InvalidRequest):
        read_message(io.BytesIO(struct.pack("=I", 10_000_000)))
    out = io.BytesIO()
    code = serve_one([f"chrome-extension://{DEV}/"], Home(tmp_path),
                     _never_called, io.BytesIO(struct.pack("=I", 3) + b"{x}"), out)
    reply = read_message(io.BytesIO(out.getvalue()))
    assert code == 1 and reply["ok"] is False and reply["error"] == "malformed_json"


def _never_called(*_: Any) -> dict[str, Any]:
    raise AssertionError("no token may be issued here")


def test_chromium_callers_are_known_by_the_id_the_browser_passes() -> None:
    caller = identify([f"chrome-extension://{DEV}/"], None, IDS)
    assert caller.origin == f"chrome-extension://{DEV}"
    assert identify([f"chrome-extension://{DEV}/", "--parent-window=0"],
                    f"chrome-extension://{DEV}", IDS).extension_id == DEV
    with pytest.raises(errors.ExtensionNotAllowed):
        identify([f"chrome-extension://{OTHER}/"], None, IDS)
    with pytest.raises(errors.ExtensionNotAllowed):  # a message cannot claim another origin
        identify([f"chrome-extension://{DEV}/"], f"chrome-extension://{OTHER}", IDS)


def test_firefox_callers_need_the_allowed_add_on_id_and_their_own_origin(tmp_path: Path) -> None:
    manifest = str(tmp_path / ".mozilla" / "native-messaging-hosts" / "org.margin.host.json")
    caller = identify([manifest, "margin@margin.local"], FIREFOX_ORIGIN, IDS)
    assert caller.origin == FIREFOX_ORIGIN
    with pytest.raises(errors.ExtensionNotAllowed):
        identify([manifest, "evil@example.org"], FIREFOX_ORIGIN, IDS)
    with pytest.raises(errors.NotAnExtension):
        identify([manifest, "margin@margin.local"], "https://ehr.example", IDS)


def test_a_request_that_is_not_pairing_is_refused_before_anything_starts(tmp_path: Path) -> None:
    out = io.BytesIO()
    code = serve_one([f"chrome-extension://{OTHER}/"], Home(tmp_path), _never_called,
                     io.BytesIO(_frame({"type": "pair", "name": "x"})), out)
    reply = read_message(io.BytesIO(out.getvalue()))
    assert code == 1 and reply["error"] == "extension_not_allowed"
    assert not (tmp_path / "local" / "daemon.json").exists()  # Margin was not started for it


def _stop(pid: int) -> None:
    os.kill(pid, signal.SIGINT)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    os.kill(pid, signal.SIGKILL)


def test_the_host_starts_margin_and_answers_a_token_bound_to_the_origin(
        margin_home: Path) -> None:
    env = {**os.environ, **NO_KEYCHAIN, "MARGIN_PORT": "0"}
    # What a Margin killed with -9 leaves behind: the host must not take it for a live one.
    (margin_home / "local").mkdir(mode=0o700)
    (margin_home / "local" / "daemon.json").write_text(
        json.dumps({"pid": 999_999, "port": 1, "cli_token": "stale"}))
    host = subprocess.run(
        margin_command(margin_home, "native-host", f"chrome-extension://{DEV}/"),
        input=_frame({"type": "pair", "origin": f"chrome-extension://{DEV}", "name": "Chrome"}),
        capture_output=True, env=env, timeout=120, check=False)
    reply = read_message(io.BytesIO(host.stdout))
    info = json.loads((margin_home / "local" / "daemon.json").read_text())
    try:
        assert host.returncode == 0 and reply["ok"] is True, (reply, host.stderr)
        assert reply["port"] == info["port"] != 1 and reply["pairing"]["via"] == "native"
        daemon = RunningDaemon(margin_home, None, info["port"], info["cli_token"])  # type: ignore[arg-type]
        auth = {"Authorization": f"Bearer {reply['token']}"}
        assert daemon.request("GET", "/v1/status", headers={
            **auth, "Origin": f"chrome-extension://{DEV}"}).status == 200
        assert daemon.request("POST", "/v1/lock", body={}, headers={  # bound to its origin
            **auth, "Origin": f"chrome-extension://{OTHER}"}).status == 403
        listed = run_margin(margin_home, "pair", "--list")
        assert "Chrome" in listed.stdout and "no code" in listed.stdout
        # Paired and running: "start" answers the port and makes no new pairing.
        again = subprocess.run(
            margin_command(margin_home, "native-host", f"chrome-extension://{DEV}/"),
            input=_frame({"type": "start"}), capture_output=True, env=env, timeout=60,
            check=False)
        assert read_message(io.BytesIO(again.stdout)) == {"ok": True, "port": info["port"]}
        assert len(json.loads(run_margin(margin_home, "pair", "--list", "--json").stdout)) == 1
    finally:
        _stop(info["pid"])
