"""`margin watch add|remove|list DIR`: folders whose new EHR exports are checked."""

from __future__ import annotations

import json
from pathlib import Path

import click

from margin.cli import CliContext
from margin.cli.door import open_door
from margin.paths import given_path


def _folder(folder: str) -> str:
    return str(given_path(folder))


@click.group()
def watch() -> None:
    """Folders (such as Downloads) where new EHR exports are checked for private notes."""


@watch.command("add")
@click.argument("folder")
@click.pass_obj
def add(obj: CliContext, folder: str) -> None:
    """Check every new file that lands in FOLDER."""
    with open_door(obj.home) as door:
        door.call("watch_add", {"folder": _folder(folder)})
    click.echo(f"Margin will check new exports that land in {Path(folder).expanduser()} "
               "while it runs and the vault is unlocked (files that arrive while it is "
               "locked are checked when you unlock).")


@watch.command("remove")
@click.argument("folder")
@click.pass_obj
def remove(obj: CliContext, folder: str) -> None:
    """Stop watching FOLDER."""
    with open_door(obj.home) as door:
        door.call("watch_remove", {"folder": _folder(folder)})
    click.echo(f"Margin no longer watches {Path(folder).expanduser()}.")


@watch.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def list_folders(obj: CliContext, as_json: bool) -> None:
    """The watched folders and the latest checks."""
    with open_door(obj.home) as door:
        state = door.call("watch_state")
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
