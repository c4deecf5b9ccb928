"""The daemon listens on 127.0.0.1 and nowhere else."""

from __future__ import annotations

import socket
import subprocess

import pytest

from tests.conftest import RunningDaemon


@pytest.fixture
def daemon(daemon_process: RunningDaemon) -> RunningDaemon:
    """The real `margin serve` process: this file is about what reaches the process."""
    return daemon_process


def _listening_addresses(port: int) -> set[str]:
    """Local addresses with a listening TCP socket on ``port``, read from /proc/net."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = open(table).read().splitlines()[1:]  # noqa: PTH123, SIM115
        except FileNotFoundError:
            continue
        for line in lines:
            local, _, state = line.split()[1], line.split()[2], line.split()[3]
            address, port_hex = local.rsplit(":", 1)
            if int(port_hex, 16) == port and state == "0A":  # 0A = LISTEN
                found.add(address)
    return found


def _other_addresses() -> list[str]:
    """This machine's IPv4 addresses that are not loopback."""
    try:
        out = subprocess.run(["hostname", "-I"], capture_output=True, text=True, check=False)
    except FileNotFoundError:
        return []
    return [a for a in out.stdout.split() if "." in a and not a.startswith("127.")]


def test_listens_only_on_127_0_0_1(daemon: RunningDaemon) -> None:
    assert _listening_addresses(daemon.port) == {"0100007F"}  # 127.0.0.1, little-endian hex


def test_not_reachable_on_other_addresses(daemon: RunningDaemon) -> None:
    others = _other_addresses()
    if not others:
        pytest.skip("this machine has no address besides loopback")
    for address in others:
        with socket.socket() as probe:
            probe.settimeout(2)
            assert probe.connect_ex((address, daemon.port)) != 0, address
