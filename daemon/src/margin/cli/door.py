"""One door from the `margin` command to Margin, whether or not the daemon runs.

With the daemon running, a command's operation is a plain HTTP call to it (it holds the
vault and the machine's lock, and writes the audit chain). Without it, the same operation
runs on the application object (``margin.service.Margin``) in this process, while holding
the same lock so no daemon can start meanwhile. Either way the operation is named by its
OpenAPI operationId, its input meets the same schema, and its answer has the same shape.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

import click

from margin import errors, runtime
from margin.cli.client import DaemonClient
from margin.contract import operation_named
from margin.home import Home

PASSPHRASE_FILE_ENV = "MARGIN_PASSPHRASE_FILE"  # noqa: S105 - a variable name, not a secret


class Door(Protocol):
    def call(self, name: str, body: Any = None, **path: str) -> Any: ...


def _body_for(name: str, body: Any) -> Any:
    """Operations that take a JSON body get ``{}`` when the command has nothing to say."""
    return {} if body is None and operation_named(name).request_schema else body


class DaemonDoor:
    """Through the running daemon, over HTTP."""

    def __init__(self, client: DaemonClient):
        self.client = client

    def call(self, name: str, body: Any = None, **path: str) -> Any:
        operation = operation_named(name)
        return self.client.call(operation.method, operation.url(**path), _body_for(name, body))


class LocalDoor:
    """In this process, while no daemon runs (the machine lock is held meanwhile)."""

    def __init__(self, margin: Any):  # margin.service.Margin, imported only when needed
        self.margin = margin

    def call(self, name: str, body: Any = None, **path: str) -> Any:
        from margin.service import COMMAND

        return self.margin.call(name, caller=COMMAND, body=_body_for(name, body), **path)


@contextmanager
def open_door(home: Home) -> Iterator[Door]:
    """The daemon if it runs, else Margin in this process (locked on the way out)."""
    client = DaemonClient.for_home(home)
    if client is not None:
        yield DaemonDoor(client)
        return
    from margin.service import Margin  # the vault and its libraries load only when needed

    home.ensure()
    lock = runtime.InstanceLock(home)
    lock.acquire()
    margin = Margin(home)
    # A command run without the daemon waits for the leak guard's index (made in the
    # background after an unlock): it has nothing else to do meanwhile.
    margin.holder.ready_wait = None
    try:
        yield LocalDoor(margin)
    finally:
        margin.holder.lock(actor="cli")
        lock.release()


# --- the passphrase -----------------------------------------------------------------------


def read_passphrase_file(path: str | os.PathLike[str]) -> str:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise errors.PassphraseFileUnreadable() from None
    passphrase = text.rstrip("\r\n")
    if not passphrase:
        raise errors.PassphraseFileUnreadable()
    return passphrase


def given_passphrase(passphrase_file: str | None) -> str | None:
    """The passphrase from --passphrase-file or MARGIN_PASSPHRASE_FILE, if either is set."""
    chosen = passphrase_file or os.environ.get(PASSPHRASE_FILE_ENV)
    return read_passphrase_file(chosen) if chosen else None


def prompt_passphrase(prompt: str = "Recovery passphrase") -> str:
    if not sys.stdin.isatty():
        raise errors.PassphraseNeeded()
    value: str = click.prompt(prompt, hide_input=True)
    return value


def ensure_unlocked(door: Door, passphrase_file: str | None) -> None:
    """Unlock with the key from the running daemon, else the keychain, else a passphrase."""
    state = door.call("vault_state")
    if not state["exists"]:
        raise errors.NoVault()
    if state["unlocked"]:
        return
    given = given_passphrase(passphrase_file)
    if given is None:
        try:
            door.call("unlock", {})
            return
        except errors.MarginError as keychain_failed:
            if keychain_failed.code == "wrong_passphrase":
                raise
        given = prompt_passphrase()
    door.call("unlock", {"passphrase": given})
