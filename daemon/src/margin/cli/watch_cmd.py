"""`margin watch add|remove|list DIR`: folders whose new EHR exports are checked."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from margin import errors, runtime
from margin.cli import CliContext
from margin.cli.client import DaemonClient
from margin.settings import Settings


def _change_offline(obj: CliContext, action: str, folder: str) -> list[str]:
    """Edit the setting directly while no daemon runs (under the machine lock)."""
    obj.home.ensure()
    lock = runtime.InstanceLock(obj.home)
    lock.acquire()
    try:
        settings = Settings.load(obj.home)
        path = str(Path(folder).expanduser().resolve())
        folders = list(settings.watch_folders)
        if action == "add":
            if not Path(path).is_dir():
                raise errors.WatchFolderMissing()
            folders.append(path)
        elif path in folders:
            folders.remove(path)
        else:
            raise errors.WatchFolderUnknown()
        settings.update(obj.home, {"watch_folders": folders})
        return settings.watch_folders
    finally:
        lock.release()


def _state(obj: CliContext) -> dict[str, Any]:
    client = DaemonClient.for_home(obj.home)
    if client is not None:
        result: dict[str, Any] = client.call("GET", "/v1/watch")
        return result
    return {"folders": Settings.load(obj.home).watch_folders, "recent": [],
            "waiting_for_unlock": []}


@click.group()
def watch() -> None:
    """Folders (such as Downloads) where new EHR exports are checked for private notes."""


@watch.command("add")
@click.argument("folder")
@click.pass_obj
def add(obj: CliContext, folder: str) -> None:
    """Check every new file that lands in FOLDER."""
    client = DaemonClient.for_home(obj.home)
    if client is not None:
        client.call("POST", "/v1/watch", {"folder": str(Path(folder).expanduser().resolve())})
    else:
        _change_offline(obj, "add", folder)
    click.echo(f"Margin will check new exports that land in {Path(folder).expanduser()} "
               "while it runs and the vault is unlocked (files that arrive while it is "
               "locked are checked when you unlock).")


@watch.command("remove")
@click.argument("folder")
@click.pass_obj
def remove(obj: CliContext, folder: str) -> None:
    """Stop watching FOLDER."""
    client = DaemonClient.for_home(obj.home)
    if client is not None:
        client.call("POST", "/v1/watch/remove",
                    {"folder": str(Path(folder).expanduser().resolve())})
    else:
        _change_offline(obj, "remove", folder)
    click.echo(f"Margin no longer watches {Path(folder).expanduser()}.")


@watch.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def list_folders(obj: CliContext, as_json: bool) -> None:
    """The watched folders and the latest checks."""
    state = _state(obj)
    if as_json:
        click.echo(json.dumps(state, indent=2))
        return
    if not state["folders"]:
        click.echo("No folder is watched. Add one with 'margin watch add ~/Downloads'.")
    for folder in state["folders"]:
        click.echo(f"watching  {folder}")
    for path in state.get("waiting_for_unlock", []):
        click.echo(f"waiting   {path} (checked when you unlock)")
    for result in state.get("recent", []):
        click.echo(f"{result['verdict']:<14}{result['path']}")
