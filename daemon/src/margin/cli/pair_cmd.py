"""`margin pair`: a one-time code for the extension; list and revoke paired extensions."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import click

from margin import errors
from margin.cli import CliContext
from margin.cli.client import DaemonClient
from margin.cli.door import DaemonDoor, open_door


def _list(obj: CliContext) -> list[dict[str, Any]]:
    with open_door(obj.home) as door:
        result: list[dict[str, Any]] = door.call("pairings")["pairings"]
    return result


def _revoke(obj: CliContext, pairing_id: str) -> dict[str, Any]:
    with open_door(obj.home) as door:
        revoked: dict[str, Any] = door.call("revoke_pairing", pairing_id=pairing_id)["revoked"]
    return revoked


def _when(timestamp: float | None) -> str:
    return datetime.fromtimestamp(timestamp).strftime("%Y-%m-%d %H:%M") if timestamp else "never"


@click.command()
@click.option("--list", "list_them", is_flag=True, help="List the paired browser extensions.")
@click.option("--revoke", "revoke_id", metavar="ID", help="Unpair the extension with this id.")
@click.option("--json", "as_json", is_flag=True, help="With --list: print JSON.")
@click.pass_obj
def pair(obj: CliContext, list_them: bool, revoke_id: str | None, as_json: bool) -> None:
    """Show a one-time code to pair the Margin browser extension (valid for 5 minutes)."""
    if list_them:
        pairings = _list(obj)
        if as_json:
            click.echo(json.dumps(pairings, indent=2))
        elif not pairings:
            click.echo("No browser extension is paired yet. Run 'margin pair' to pair one.")
        for p in [] if as_json else pairings:
            click.echo(f"{p['id']}  {p['name']}  {p['origin']}  paired {_when(p['created_at'])}"
                       f"  last used {_when(p['last_used_at'])}")
        return
    if revoke_id:
        revoked = _revoke(obj, revoke_id)
        click.echo(f"Unpaired {revoked['name']} ({revoked['id']}). It can no longer reach Margin.")
        return
    client = DaemonClient.for_home(obj.home)
    if client is None:
        raise errors.DaemonNotRunning()
    answer = DaemonDoor(client).call("pairing_code")  # the code lives in the daemon only
    minutes = answer["expires_in_seconds"] // 60
    click.echo(f"""Pairing code:  {answer['code']}

Type this code into the Margin panel in your browser. It works once, for {minutes} minutes.
Running 'margin pair' again makes a new code and the old one stops working.""")
