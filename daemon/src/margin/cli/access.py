"""One way for `margin` commands to reach the vault, whether or not the daemon runs.

With the daemon running, commands go through it (it holds the vault and the machine's
lock, and writes the audit chain). Without it, they open the vault in this process while
holding the same lock, so no daemon can start meanwhile. Both give the same JSON shapes as
the HTTP API, so the commands do not care which they have.
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
from margin.holder import VaultHolder
from margin.home import Home

PASSPHRASE_FILE_ENV = "MARGIN_PASSPHRASE_FILE"  # noqa: S105 - a variable name, not a secret
ACTOR = "cli"


class VaultAccess(Protocol):
    def state(self) -> dict[str, Any]: ...
    def create(self, passphrase: str | None) -> dict[str, Any]: ...
    def unlock(self, passphrase: str | None) -> dict[str, Any]: ...
    def lock(self) -> dict[str, Any]: ...
    def change_passphrase(self, old: str, new: str) -> dict[str, Any]: ...
    def create_note(self, body: dict[str, Any]) -> dict[str, Any]: ...
    def search(self, body: dict[str, Any]) -> list[dict[str, Any]]: ...
    def read(self, note_id: str) -> dict[str, Any]: ...
    def audit(self) -> dict[str, Any]: ...
    def record(self, action: str, note_id: str | None, detail: Any) -> None: ...


class RemoteVault:
    """Through the running daemon."""

    def __init__(self, client: DaemonClient):
        self.client = client

    def state(self) -> dict[str, Any]:
        result: dict[str, Any] = self.client.call("GET", "/v1/vault")
        return result

    def create(self, passphrase: str | None) -> dict[str, Any]:
        body = {"passphrase": passphrase} if passphrase else {}
        result: dict[str, Any] = self.client.call("POST", "/v1/vault", body)
        return result

    def unlock(self, passphrase: str | None) -> dict[str, Any]:
        body = {"passphrase": passphrase} if passphrase is not None else {}
        result: dict[str, Any] = self.client.call("POST", "/v1/unlock", body)
        return result

    def lock(self) -> dict[str, Any]:
        result: dict[str, Any] = self.client.call("POST", "/v1/lock", {})
        return result

    def change_passphrase(self, old: str, new: str) -> dict[str, Any]:
        result: dict[str, Any] = self.client.call(
            "POST", "/v1/passphrase", {"old_passphrase": old, "new_passphrase": new})
        return result

    def create_note(self, body: dict[str, Any]) -> dict[str, Any]:
        result: dict[str, Any] = self.client.call("POST", "/v1/notes", body)
        return result

    def search(self, body: dict[str, Any]) -> list[dict[str, Any]]:
        result: list[dict[str, Any]] = self.client.call("POST", "/v1/notes/search", body)["notes"]
        return result

    def read(self, note_id: str) -> dict[str, Any]:
        result: dict[str, Any] = self.client.call("GET", f"/v1/notes/{note_id}")
        return result

    def audit(self) -> dict[str, Any]:
        result: dict[str, Any] = self.client.call("GET", "/v1/audit")
        return result

    def record(self, action: str, note_id: str | None, detail: Any) -> None:
        self.client.call("POST", "/v1/audit/events",
                         {"action": action, "note_id": note_id, "detail": detail})


class LocalVault:
    """In this process, while no daemon runs (the machine lock is held meanwhile)."""

    def __init__(self, holder: VaultHolder):
        self.holder = holder

    def state(self) -> dict[str, Any]:
        return self.holder.state()

    def create(self, passphrase: str | None) -> dict[str, Any]:
        made = self.holder.create(passphrase, actor=ACTOR)
        return {"recovery_passphrase": made, "vault": self.holder.state()}

    def unlock(self, passphrase: str | None) -> dict[str, Any]:
        self.holder.unlock(passphrase, actor=ACTOR)
        return self.holder.state()

    def lock(self) -> dict[str, Any]:
        self.holder.lock(actor=ACTOR)
        return self.holder.state()

    def change_passphrase(self, old: str, new: str) -> dict[str, Any]:
        self.holder.require().change_passphrase(old, new, actor=ACTOR)
        return self.holder.state()

    def create_note(self, body: dict[str, Any]) -> dict[str, Any]:
        note = self.holder.require().create_note(
            body["text"], actor=ACTOR, client=body.get("client"), context=body.get("context"),
            tags=body.get("tags", ()))
        return note.to_json()

    def search(self, body: dict[str, Any]) -> list[dict[str, Any]]:
        found = self.holder.require().list_notes(client=body.get("client"))
        return sorted((s.to_json() for s in found), key=lambda s: s["updated"], reverse=True)

    def read(self, note_id: str) -> dict[str, Any]:
        return self.holder.require().get_note(note_id, actor=ACTOR).to_json()

    def audit(self) -> dict[str, Any]:
        vault = self.holder.require()
        entries = sorted(vault.audit_entries(), key=lambda e: e.time, reverse=True)
        return {"entries": [e.to_json() for e in entries],
                "verification": vault.verify_audit().to_json()}

    def record(self, action: str, note_id: str | None, detail: Any) -> None:
        self.holder.require().record(action, note_id, actor=ACTOR, detail=detail)


# --- opening ---------------------------------------------------------------------------------


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


@contextmanager
def vault_access(home: Home) -> Iterator[VaultAccess]:
    """The daemon if it runs, else the vault in this process (locked on the way out)."""
    client = DaemonClient.for_home(home)
    if client is not None:
        yield RemoteVault(client)
        return
    home.ensure()
    lock = runtime.InstanceLock(home)
    lock.acquire()
    holder = VaultHolder(home)
    try:
        yield LocalVault(holder)
    finally:
        holder.lock(actor=ACTOR)
        lock.release()


def ensure_unlocked(access: VaultAccess, passphrase_file: str | None) -> None:
    """Unlock with the key from the running daemon, else the keychain, else a passphrase."""
    state = access.state()
    if not state["exists"]:
        raise errors.NoVault()
    if state["unlocked"]:
        return
    given = given_passphrase(passphrase_file)
    if given is None:
        try:
            access.unlock(None)
            return
        except errors.MarginError as keychain_failed:
            if keychain_failed.code == "wrong_passphrase":
                raise
        given = prompt_passphrase()
    access.unlock(given)
