"""`margin review [--json] PATH...`: progress notes in text files and EHR exports, reviewed
for over-sharing (margin.oversharing) and, when the vault can be opened, export-checked
against the private notes, record content reported apart from leaks.

Exit 0 nothing found, 1 findings (or a leak), 2 an error, 3 part of a file not readable.
With no vault, or a locked one and no way to unlock it, the review still runs and says the
comparison with the private notes was skipped. `--json` prints {"files": [...]} (schema
review-response.json, $defs/cliReport); offsets in characters of each file's text as read.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from margin.cli import MarginCommand
from margin.cli.client import DaemonClient
from margin.cli.door import ensure_unlocked, open_door
from margin.errors import MarginError
from margin.home import Home
from margin.paths import given_path
from margin.vault import Vault

NO_VAULT = "there is no Margin vault on this computer yet."


def compared(home: Home, paths: list[Path], passphrase_file: str | None) -> dict[str, Any]:
    """The review_files operation's answer: through the running Margin, else in this
    process; with no vault at all, nothing is opened or created."""
    from margin.oversharing.operations import review_files

    if DaemonClient.for_home(home) is None and not Vault.exists(home):
        return review_files(paths, None, skipped=NO_VAULT)
    with open_door(home) as door:
        try:
            ensure_unlocked(door, passphrase_file)
        except MarginError as why:  # locked and no way to unlock it: review, say so
            return review_files(paths, None, skipped=why.message)
        answer: dict[str, Any] = door.call("review_files", {"paths": [str(p) for p in paths]})
    return answer


@click.command("review", cls=MarginCommand)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--passphrase-file", type=click.Path(dir_okay=False),
              help="Read the recovery passphrase from this file (when Margin is not running).")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.pass_context
def review(ctx: click.Context, as_json: bool, passphrase_file: str | None,
           paths: tuple[Path, ...]) -> None:
    """Review progress notes (text files, EHR exports) for over-sharing and private text."""
    from margin.oversharing.report import SKIPPED, exit_code, render, to_json
    from margin.oversharing.review import review_paths
    from margin.scan.model import FileReport

    files = review_paths(list(paths))  # the text as read, for offsets and excerpts here
    answer = compared(ctx.obj.home, [given_path(p) for p in paths], passphrase_file)
    for reviewed, checked in zip(files, answer["files"], strict=True):
        if checked["leak"] is not None:
            reviewed.verdict = FileReport.from_json(checked["leak"])
            reviewed.documented = checked["leak"]["record_content"]
    skipped = answer["skipped"]
    if as_json:
        click.echo(json.dumps(to_json(files), ensure_ascii=False))
        if skipped:
            click.echo(SKIPPED.format(reason=skipped), err=True)
    else:
        click.echo(render(files, skipped))
    ctx.exit(exit_code(files))
