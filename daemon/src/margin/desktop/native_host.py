"""`margin native-host`: pairs Margin's own browser extension without a typed code.

The browser starts this program when the extension calls ``runtime.sendNativeMessage``,
but only for extension ids the host manifest allows (see ``hosts.py``), and passes the
caller on the command line: Chromium ``chrome-extension://ID/``, Firefox the manifest's path
and the add-on id. The host checks that id again, makes sure Margin runs, asks it over the
command's local channel for a token bound to the extension's origin, and answers
``{"ok": true, "token", "port", "pairing"}``; ``{"type": "start"}`` only makes sure Margin
runs and answers its port. Messages are native messaging frames: a 4-byte
length in the machine's byte order, then that many bytes of UTF-8 JSON.
"""

from __future__ import annotations

import json
import struct
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, BinaryIO

from margin import errors, runtime
from margin.desktop.hosts import AllowedIds
from margin.desktop.launch import Launch
from margin.home import Home
from margin.pairing import is_extension_origin
from margin.settings import Settings

MAX_MESSAGE_BYTES = 64 * 1024  # a pairing request is a few hundred bytes
START_TIMEOUT_SECONDS = 90
NAME_MAX = 80
_LENGTH = struct.Struct("=I")


def read_message(stream: BinaryIO) -> Any:
    """One framed message, or None when the browser closed the pipe."""
    header = stream.read(_LENGTH.size)
    if len(header) < _LENGTH.size:
        return None
    (length,) = _LENGTH.unpack(header)
    if length > MAX_MESSAGE_BYTES:
        raise errors.InvalidRequest("The browser sent Margin's pairing helper too much data.")
    try:
        return json.loads(stream.read(length).decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise errors.MalformedJson() from None


def write_message(stream: BinaryIO, message: Any) -> None:
    payload = json.dumps(message).encode("utf-8")
    stream.write(_LENGTH.pack(len(payload)) + payload)
    stream.flush()


@dataclass(frozen=True)
class Caller:
    """The extension the browser says started us, and the origin its token is bound to."""

    extension_id: str
    origin: str


def identify(argv: list[str], claimed_origin: Any, ids: AllowedIds) -> Caller:
    """Trust the id the browser passed, not the message; refuse any id not allowed."""
    first = argv[0] if argv else ""
    if first.startswith("chrome-extension://"):
        extension_id = first.removeprefix("chrome-extension://").rstrip("/")
        origin = f"chrome-extension://{extension_id}"
        if extension_id not in ids.chromium or (claimed_origin not in (None, origin)):
            raise errors.ExtensionNotAllowed()
        return Caller(extension_id, origin)
    # Firefox: argv is [path to the host manifest, add-on id]. The origin is a random
    # per-install moz-extension:// UUID only the extension knows, so it is taken from the
    # message, which only the allowed add-on can send.
    if len(argv) >= 2 and argv[1] in ids.gecko:
        if not (isinstance(claimed_origin, str) and claimed_origin.startswith("moz-extension://")
                and is_extension_origin(claimed_origin)):
            raise errors.NotAnExtension()
        return Caller(argv[1], claimed_origin)
    raise errors.ExtensionNotAllowed()


def ensure_running(home: Home, launch: Launch, *, timeout: float = START_TIMEOUT_SECONDS,
                   ) -> runtime.RuntimeInfo:
    """The running Margin for this home; started in the background if it is not running."""
    info = runtime.read(home)
    if info is not None:
        return info
    home.ensure()
    # A session of its own: the browser ends the host when the reply is sent, not Margin.
    server = subprocess.Popen(launch.argv("serve"), stdin=subprocess.DEVNULL,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        info = runtime.read(home)
        ended = server.poll() is not None
        # Its own runtime file (not one a killed Margin left), or another Margin's that
        # started first (then ours ended, as a second Margin on one home does).
        if info is not None and (info.pid == server.pid or ended):
            return info
        if ended and not runtime.InstanceLock(home).is_held_elsewhere():
            break  # it ended and no Margin runs: waiting longer would not help
        time.sleep(0.2)
    raise errors.DaemonDidNotStart()


Issue = Callable[[runtime.RuntimeInfo, str, str], dict[str, Any]]


def answer(message: Any, argv: list[str], home: Home, issue: Issue) -> dict[str, Any]:
    """The reply to one request; errors become the envelope the extension shows."""
    try:
        kind = message.get("type") if isinstance(message, dict) else None
        if kind not in ("pair", "start"):
            raise errors.InvalidRequest("Margin's pairing helper only pairs and starts Margin.")
        ids = AllowedIds.load(Settings.load(home).extension_ids)
        caller = identify(argv, message.get("origin"), ids)
        name = str(message.get("name") or "Browser")[:NAME_MAX]
        info = ensure_running(home, Launch.for_home(home))
        if kind == "start":  # an extension that is paired already only needs Margin running
            return {"ok": True, "port": info.port}
        paired = issue(info, caller.origin, name)
        return {"ok": True, "token": paired["token"], "port": info.port,
                "pairing": paired["pairing"]}
    except errors.MarginError as error:
        return {"ok": False, **error.envelope()}


def serve_one(argv: list[str], home: Home, issue: Issue,
              stdin: BinaryIO | None = None, stdout: BinaryIO | None = None) -> int:
    """Answer the one message the extension sends, then exit (``sendNativeMessage``)."""
    stdin = stdin or sys.stdin.buffer
    stdout = stdout or sys.stdout.buffer
    try:
        message = read_message(stdin)
    except errors.MarginError as error:
        write_message(stdout, {"ok": False, **error.envelope()})
        return 1
    if message is None:
        return 0
    reply = answer(message, argv, home, issue)
    write_message(stdout, reply)
    return 0 if reply["ok"] else 1
