"""Fixtures shared by every test: a temporary Margin home and a real daemon process."""

from __future__ import annotations

import http.client
import json
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
CHROME_ORIGIN = "chrome-extension://" + "a" * 32
OTHER_CHROME_ORIGIN = "chrome-extension://" + "b" * 32
FIREFOX_ORIGIN = "moz-extension://0b9e2b7c-3f1d-4e7a-9c55-2d8f6a1b4c3e"


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class RunningDaemon:
    home: Path
    process: subprocess.Popen[bytes]
    port: int
    cli_token: str
    tokens: dict[str, str] = field(default_factory=dict)

    def request(
        self,
        method: str,
        path: str,
        *,
        body: Any = None,
        raw_body: bytes | None = None,
        headers: dict[str, str] | None = None,
        host: str | None = None,
    ) -> Reply:
        """Send exactly the headers given (plus Host), as a browser or attacker would."""
        sent = {"Host": host if host is not None else f"127.0.0.1:{self.port}"}
        payload = raw_body
        if body is not None:
            payload = json.dumps(body).encode()
            sent["Content-Type"] = "application/json"
        sent.update(headers or {})
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
            for name, value in sent.items():
                connection.putheader(name, value)
            if payload is not None and "Content-Length" not in sent:
                connection.putheader("Content-Length", str(len(payload)))
            connection.endheaders(payload)
            response = connection.getresponse()
            return Reply(response.status, dict(response.getheaders()), response.read())
        finally:
            connection.close()

    def cli(self, method: str, path: str, body: Any = None) -> Reply:
        """A call as the `margin` command makes it: local token, no Origin."""
        return self.request(
            method, path, body=body, headers={"Authorization": f"Bearer {self.cli_token}"}
        )

    def pair(self, origin: str = CHROME_ORIGIN, name: str = "Test browser") -> str:
        code = self.cli("POST", "/v1/pairing-code", {}).json()["code"]
        reply = self.request(
            "POST", "/v1/pair", body={"code": code, "name": name}, headers={"Origin": origin}
        )
        assert reply.status == 201, reply.body
        token: str = reply.json()["token"]
        self.tokens[origin] = token
        return token

    def as_extension(self, method: str, path: str, origin: str = CHROME_ORIGIN, **kw: Any) -> Reply:
        headers = {"Origin": origin, "Authorization": f"Bearer {self.tokens[origin]}"}
        headers.update(kw.pop("headers", {}))
        return self.request(method, path, headers=headers, **kw)

    def alive(self) -> bool:
        return self.process.poll() is None


class _LogText(logging.Handler):
    """What the daemon logged, as its stderr would show it (tracebacks included)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.setFormatter(logging.Formatter("%(name)s %(message)s"))
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@dataclass
class InProcessDaemon(RunningDaemon):
    """``create_app(Margin(home))`` served on a real 127.0.0.1 socket from a thread of this
    test process, with the runtime file and the per-home lock a `margin serve` holds, so the
    `margin` command (a subprocess) finds it exactly as it finds a real daemon."""

    margin: Any = None
    _stop: Any = None
    _thread: Any = None
    _log: Any = None
    _lock: Any = None
    _info: Any = None

    @classmethod
    def start(cls, home: Path) -> InProcessDaemon:
        import keyring.backends.fail

        from margin import runtime
        from margin.home import Home
        from margin.server.app import bind_loopback_socket, create_app
        from margin.service import Margin
        from margin.vault import KeyStore

        where = Home(home).ensure()
        lock = runtime.InstanceLock(where)
        lock.acquire()
        sock = bind_loopback_socket(0)
        info = runtime.publish(where, sock.getsockname()[1])
        margin = Margin(where, keystore=KeyStore(keyring.backends.fail.Keyring()))
        app = create_app(margin, port=info.port, cli_token=info.cli_token)
        log = _LogText()
        logging.getLogger("margin").addHandler(log)
        logging.getLogger("margin").setLevel(logging.INFO)
        ready, stop = threading.Event(), threading.Event()
        thread = threading.Thread(target=_serve_in_thread, args=(app, sock, ready, stop),
                                  daemon=True)
        thread.start()
        assert ready.wait(20), "the in-process daemon did not start"
        return cls(home, None, info.port, info.cli_token, margin=margin,  # type: ignore[arg-type]
                   _stop=stop, _thread=thread, _log=log, _lock=lock, _info=info)

    def alive(self) -> bool:
        return bool(self._thread is not None and self._thread.is_alive())

    def stop(self) -> str:
        from margin import runtime

        if self.alive():
            self._stop.set()
            self._thread.join(timeout=30)
            runtime.withdraw(self.margin.home, self._info)
            self._lock.release()
        logging.getLogger("margin").removeHandler(self._log)
        return "\n".join(self._log.lines)


def _serve_in_thread(app: Any, sock: Any, ready: threading.Event,
                     stop: threading.Event) -> None:
    import asyncio

    from aiohttp import web

    async def run() -> None:
        runner = web.AppRunner(app, handle_signals=False)
        await runner.setup()
        await web.SockSite(runner, sock).start()
        from margin.server.served import SERVED_KEY

        margin = app[SERVED_KEY].margin
        margin.start()
        ready.set()
        try:
            while not stop.is_set():
                await asyncio.sleep(0.05)
        finally:
            await runner.cleanup()
            await asyncio.to_thread(margin.stop)

    asyncio.run(run())


def margin_command(home: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "margin", "--home", str(home), *args]


def run_margin(home: Path, *args: str, input_text: str | None = None,
               env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        margin_command(home, *args),
        capture_output=True,
        text=True,
        input=input_text,
        timeout=120,
        env={**os.environ, **NO_KEYCHAIN, **(env or {})},
        check=False,
    )


# Daemons under test have no keychain unless a test gives them one (tests/vault has the
# real Secret Service tests), so every run takes the same path whatever the machine has.
NO_KEYCHAIN = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}


def _environment(extra: dict[str, str | None] | None) -> dict[str, str]:
    """This process's environment, no keychain, then ``extra`` (None removes a variable)."""
    env: dict[str, str | None] = {**os.environ, **NO_KEYCHAIN, **(extra or {})}
    return {name: value for name, value in env.items() if value is not None}


def start_daemon(home: Path, extra_env: dict[str, str | None] | None = None) -> RunningDaemon:
    process = subprocess.Popen(
        margin_command(home, "serve", "--port", "0"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_environment(extra_env),
    )
    runtime_file = home / "local" / "daemon.json"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            _, stderr = process.communicate()
            pytest.fail(f"margin serve died at start:\n{stderr.decode()}")
        if runtime_file.exists():
            info = json.loads(runtime_file.read_text())
            if info["pid"] == process.pid:
                return RunningDaemon(home, process, info["port"], info["cli_token"])
        time.sleep(0.05)
    process.kill()
    pytest.fail("margin serve did not start within 20 seconds")


def stop_daemon(daemon: RunningDaemon) -> str:
    """Stop it as Ctrl+C would; return what it wrote to stderr."""
    if isinstance(daemon, InProcessDaemon):
        return daemon.stop()
    if daemon.alive():
        daemon.process.send_signal(signal.SIGINT)
        try:
            daemon.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            daemon.process.kill()
    _, stderr = daemon.process.communicate()
    return stderr.decode(errors="replace")


@pytest.fixture
def margin_home(tmp_path: Path) -> Path:
    home = tmp_path / "margin-home"
    home.mkdir()
    return home


@pytest.fixture
def daemon(margin_home: Path) -> Iterator[RunningDaemon]:
    """Margin's application and HTTP server in this test process (fast); the tests where the
    process itself matters use ``daemon_process``."""
    running = InProcessDaemon.start(margin_home)
    yield running
    stderr = stop_daemon(running)
    assert "Traceback" not in stderr, stderr


@pytest.fixture
def daemon_process(margin_home: Path) -> Iterator[RunningDaemon]:
    """A real `margin serve` process: for the bind address, signals, kill -9, one per home."""
    running = start_daemon(margin_home)
    yield running
    stderr = stop_daemon(running)
    assert "Traceback" not in stderr, stderr
