"""The `margin` command.

Errors a clinician can meet are ``MarginError``s: printed as two plain sentences (what
happened, what to do) with exit code 2. Anything else is a bug and shows its traceback.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import click

from margin import __version__, errors
from margin.home import HOME_ENV, Home


@dataclass
class CliContext:
    home: Home


def _plainly(ctx: click.Context, invoke: Callable[[click.Context], Any]) -> Any:
    """The one dispatcher: a MarginError becomes its two sentences and exit code 2."""
    try:
        return invoke(ctx)
    except errors.MarginError as error:
        where = f"{error.where}: " if error.where else ""
        click.echo(f"{where}{error.message}\n{error.hint}", err=True)
        ctx.exit(2)


class MarginGroup(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        return _plainly(ctx, super().invoke)


class MarginCommand(click.Command):
    """A command that answers plainly even when run on its own (as the tests run some)."""

    def invoke(self, ctx: click.Context) -> Any:
        return _plainly(ctx, super().invoke)


# Each command's module, imported only when that command runs: `margin status` must not pay
# for the HTTP server, the export checker or the linter's model (issue: a fast command).
COMMANDS = {
    "serve": "serve_cmd:serve", "pair": "pair_cmd:pair", "status": "status_cmd:status",
    "init": "vault_cmds:init", "unlock": "vault_cmds:unlock", "lock": "vault_cmds:lock",
    "passphrase": "vault_cmds:passphrase", "import": "notes_cmds:import_notes",
    "notes": "notes_cmds:notes", "show": "notes_cmds:show",
    "export-notes": "notes_cmds:export_notes", "audit": "notes_cmds:audit",
    "lint": "lint_cmd:lint", "scan": "scan_cmd:scan", "watch": "watch_cmd:watch",
    "join": "sync_cmds:join", "devices": "sync_cmds:devices", "backup": "sync_cmds:backup",
    "check": "sync_cmds:check",
}


def _load(name: str) -> click.Command:
    module_name, attribute = COMMANDS[name].split(":")
    module = importlib.import_module(f"margin.cli.{module_name}")
    command: click.Command = getattr(module, attribute)
    return command


class LazyMarginGroup(MarginGroup):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*COMMANDS, *self.commands])

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMANDS:
            return _load(cmd_name)
        return super().get_command(ctx, cmd_name)


@click.group(cls=LazyMarginGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--home",
    "home_dir",
    envvar=HOME_ENV,
    type=click.Path(file_okay=False),
    help=f"Margin's home folder (vault and settings). Default: your data folder. Also {HOME_ENV}.",
)
@click.version_option(__version__, prog_name="margin")
@click.pass_context
def cli(ctx: click.Context, home_dir: str | None) -> None:
    """Margin keeps your private psychotherapy notes encrypted on this computer,
    beside (never inside) your EHR.

    Start it with 'margin serve', then pair the browser extension with 'margin pair'.
    """
    ctx.obj = CliContext(home=Home.resolve(home_dir))


def main() -> None:
    cli(prog_name="margin")
