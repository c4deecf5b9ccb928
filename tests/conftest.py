"""Fixtures shared by every test: a temporary Margin home and a real daemon process."""

from __future__ import annotations

import http.client
import json
import os
import signal
import subprocess
import sys
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
    running = start_daemon(margin_home)
    yield running
    stderr = stop_daemon(running)
    assert "Traceback" not in stderr, stderr
