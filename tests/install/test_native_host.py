"""`margin native-host`: the native messaging frames, and who may ask it for a token."""

from __future__ import annotations

import io
import struct
from pathlib import Path
from typing import Any

import pytest

from margin import errors
from margin.desktop.hosts import AllowedIds
from margin.desktop.native_host import identify, read_message, serve_one, write_message
from margin.home import Home

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


def test_firefox_callers_need_the_allowed_add_on_id_and_their_own_origin() -> None:
    manifest = "/home/x/.mozilla/native-messaging-hosts/org.margin.host.json"
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
