"""`margin serve`: the daemon in the foreground (what `make run` starts)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import click

from margin.cli import CliContext
from margin.runtime import DEFAULT_PORT

if TYPE_CHECKING:
    from margin.server.served import Served




def _announce(state: Served) -> None:
    vault_line = (
        "Your vault is ready. Unlock it from the panel or with 'margin unlock'."
        if state.margin.holder.exists
        else "No vault yet: the panel will offer to create one (or run 'margin init')."
    )
    click.echo(
        f"""Margin is running on this computer only, at http://127.0.0.1:{state.port}
Home folder: {state.margin.home.root}

Next steps:
  1. Load the extension: in Chrome open chrome://extensions, turn on Developer mode,
     click "Load unpacked" and choose the folder 'extension' of Margin.
  2. Pair it: in another terminal run 'margin pair' and type the code into the panel.
  3. {vault_line}

Leave this window open while you work. Press Ctrl+C to stop Margin.""",
        err=False,
    )


@click.command()
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=DEFAULT_PORT,
    envvar="MARGIN_PORT",
    show_default=True,
    help="Port on 127.0.0.1 (the extension expects the default). Also MARGIN_PORT.",
)
@click.pass_obj
def serve(obj: CliContext, port: int) -> None:
    """Run Margin in the foreground, listening on 127.0.0.1 only."""
    from margin.server.app import serve as run_daemon

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    run_daemon(obj.home, port, _announce)
