"""The `margin` command.

Errors a clinician can meet are ``MarginError``s: printed as two plain sentences (what
happened, what to do) with exit code 2. Anything else is a bug and shows its traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import click

from margin import __version__, errors
from margin.desktop.words import as_typed
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
        click.echo(as_typed(f"{where}{error.message}\n{error.hint}"), err=True)
        ctx.exit(2)


class MarginGroup(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        return _plainly(ctx, super().invoke)


class MarginCommand(click.Command):
    """A command that answers plainly even when run on its own (as the tests run some)."""

    def invoke(self, ctx: click.Context) -> Any:
        return _plainly(ctx, super().invoke)


@click.group(cls=MarginGroup, context_settings={"help_option_names": ["-h", "--help"]})
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

    Set it up once with 'margin setup' (it then starts at every login and the browser
    extension pairs by itself), or start it with 'margin serve' and pair with 'margin pair'.
    """
    ctx.obj = CliContext(home=Home.resolve(home_dir))


def _register() -> None:
    from margin.cli import (
        desktop_cmds,
        lint_cmd,
        notes_cmds,
        pair_cmd,
        scan_cmd,
        serve_cmd,
        status_cmd,
        sync_cmds,
        vault_cmds,
        watch_cmd,
    )

    for command in (
        serve_cmd.serve, pair_cmd.pair, status_cmd.status,
        vault_cmds.init, vault_cmds.unlock, vault_cmds.lock, vault_cmds.passphrase,
        notes_cmds.import_notes, notes_cmds.notes, notes_cmds.show, notes_cmds.export_notes,
        notes_cmds.audit, lint_cmd.lint, scan_cmd.scan, watch_cmd.watch,
        sync_cmds.join, sync_cmds.devices, sync_cmds.backup, sync_cmds.check,
        desktop_cmds.setup, desktop_cmds.doctor, desktop_cmds.native_host_cmd,
    ):
        cli.add_command(command)


_register()


def main() -> None:
    cli(prog_name="margin")
