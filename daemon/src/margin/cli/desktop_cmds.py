"""`margin setup`, `margin doctor` and `margin native-host` (the browser's pairing helper)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import click

from margin import runtime
from margin.cli import CliContext, MarginCommand
from margin.cli.client import DaemonClient
from margin.cli.door import DaemonDoor, open_door
from margin.desktop.report import Step
from margin.desktop.words import as_typed

if TYPE_CHECKING:
    from margin.desktop.doctor import Facts


def _print(title: str, steps: list[Step], *words: str) -> None:
    click.echo(title)
    for step in steps:
        click.echo(as_typed(step.line(*words)))


@click.command(cls=MarginCommand)
@click.option("--undo", is_flag=True, help="Remove what setup added (never the vault).")
@click.option("--extension-id", "extension_ids", multiple=True, metavar="ID",
              help="Also allow this store id of Margin's extension to pair by itself.")
@click.pass_obj
def setup(obj: CliContext, undo: bool, extension_ids: tuple[str, ...]) -> None:
    """Start Margin at login and let your browsers pair its extension without a code."""
    from margin.desktop import installer

    if undo:
        _print("Margin setup removed:", installer.undo(obj.home))
        return
    steps = installer.setup(obj.home, new_ids=list(extension_ids))
    _print("Margin setup:", steps)
    click.echo(as_typed("\nNext: add the Margin extension to your browser and open its panel; "
                        "it pairs by itself. 'margin doctor' checks every piece."))


def _facts(obj: CliContext) -> Facts:
    from margin.desktop.doctor import Facts

    client = DaemonClient.for_home(obj.home)
    with open_door(obj.home) as door:
        vault = door.call("status")["vault"]
        pairings = door.call("pairings")["pairings"]
    return Facts(obj.home, client.info.port if client else None, vault, pairings)


@click.command(cls=MarginCommand)
@click.pass_obj
def doctor(obj: CliContext) -> None:
    """Check each piece Margin needs and say how to fix what is wrong (exit 1 if anything is)."""
    from margin.desktop.doctor import examine

    steps = examine(_facts(obj))
    _print("Margin doctor:", steps, "ok", "PROBLEM")
    problems = sum(not step.ok for step in steps)
    if problems:
        click.echo(f"\n{problems} thing(s) need you; each line above says how to fix it.")
        sys.exit(1)
    click.echo("\nEverything Margin needs is in place.")


def _issue_token(info: runtime.RuntimeInfo, origin: str, name: str) -> dict[str, Any]:
    body = {"origin": origin, "name": name}
    answer: dict[str, Any] = DaemonDoor(DaemonClient(info)).call("pair_natively", body)
    return answer


@click.command(name="native-host", hidden=True, cls=MarginCommand)
@click.argument("browser_args", nargs=-1)
@click.pass_obj
def native_host_cmd(obj: CliContext, browser_args: tuple[str, ...]) -> None:
    """Started by the browser, never by hand: pairs Margin's extension without a code."""
    from margin.desktop import native_host

    sys.exit(native_host.serve_one(list(browser_args), obj.home, _issue_token))
