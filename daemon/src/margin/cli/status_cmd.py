"""`margin status`: is Margin running, is there a vault, is it unlocked."""

from __future__ import annotations

import json
from typing import Any

import click

from margin.cli import CliContext
from margin.cli.client import DaemonClient
from margin.cli.door import DaemonDoor
from margin.desktop.words import as_typed

VERDICT_WORDS = {
    "clean": "clean (no private note found)",
    "leak": "LEAK: private note text found",
    "cannot_verify": "could not be fully checked",
}


def collect_status(obj: CliContext) -> dict[str, Any]:
    client = DaemonClient.for_home(obj.home)
    if client is None:
        from margin.vault.store import Layout  # only when Margin is not running

        exists = bool(Layout(obj.home).key_files())
        return {
            "daemon": {"running": False},
            "vault": {"exists": exists, "unlocked": False},
            "home": str(obj.home.root),
        }
    door = DaemonDoor(client)
    remote, exports = door.call("status"), door.call("watch_state")
    return {
        "exports": {"folders": exports["folders"], "recent": exports["recent"][:10],
                    "waiting_for_unlock": exports["waiting_for_unlock"]},
        "daemon": {"running": True, "port": client.info.port, "pid": client.info.pid,
                   "version": remote["version"]},
        "vault": remote["vault"],
        "home": str(obj.home.root),
    }


def guard_words(guard: dict[str, Any]) -> str | None:
    """What the leak guard's state means for the clinician, when it is not simply ready."""
    if guard.get("state") == "building":
        far = (f": {guard['done']:,} of {guard['total']:,} notes" if guard.get("total")
               else "")
        return (f"The leak guard is still indexing your private notes{far}. Until it is done, "
                "checks are refused rather than passed.")
    if guard.get("state") == "stopped":
        return ("The leak guard could not finish indexing your private notes "
                f"({guard['reason']}). Checks are refused rather than passed until you lock "
                "Margin ('margin lock') and unlock it again.")
    if guard.get("unread"):
        count = guard["unread"]
        notes = "1 of your private notes" if count == 1 else f"{count:,} of your private notes"
        return (f"The leak guard could not read {notes} yet: the file has not arrived from "
                "your other device, or is damaged. It compares against all the others, and "
                "indexes these once they can be read.")
    return None


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the state as JSON.")
@click.pass_obj
def status(obj: CliContext, as_json: bool) -> None:
    """Show whether Margin is running and whether the vault is unlocked."""
    state = collect_status(obj)
    if as_json:
        click.echo(json.dumps(state, indent=2))
        return
    daemon, vault = state["daemon"], state["vault"]
    if daemon["running"]:
        click.echo(f"Margin is running at http://127.0.0.1:{daemon['port']}.")
    else:
        click.echo(as_typed("Margin is not running. Start it with 'margin serve' (or run "
                            "'margin setup' once, and it starts at every login)."))
    if not vault["exists"]:
        click.echo("There is no vault yet.")
    else:
        click.echo("The vault is unlocked." if vault["unlocked"] else "The vault is locked.")
        said = guard_words(vault.get("guard", {}))
        if said:
            click.echo(said)
    exports = state.get("exports")
    if exports:
        for folder in exports["folders"]:
            click.echo(f"Watching {folder} for new EHR exports.")
        for result in exports["recent"]:
            click.echo(f"  {VERDICT_WORDS[result['verdict']]}: {result['path']}")
        if exports["waiting_for_unlock"]:
            click.echo(f"  {len(exports['waiting_for_unlock'])} new file(s) will be checked "
                       "when you unlock.")
    click.echo(f"Home folder: {state['home']}")
