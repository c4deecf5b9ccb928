"""`margin review [--json] PATH...`: progress notes in text files and EHR exports, reviewed
for over-sharing (margin.oversharing) and, when the vault can be opened, export-checked
against the private notes, record content reported apart from leaks.

Exit 0 nothing found, 1 findings (or a leak), 2 an error, 3 part of a file not readable.
With no vault, or a locked one and no way to unlock it, the review still runs and says the
comparison with the private notes was skipped.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from margin.cli.access import LocalVault, ensure_unlocked, vault_access
from margin.cli.client import DaemonClient
from margin.errors import MarginError
from margin.home import Home
from margin.oversharing.report import SKIPPED, exit_code, render, to_json
from margin.oversharing.review import ReviewedFile, review_paths
from margin.scan.model import FileReport
from margin.vault import Vault


def _with_daemon(client: DaemonClient, files: list[ReviewedFile]) -> None:
    """The running Margin compares the files with the notes; the verdicts join the review."""
    absolute = [str(Path(f.path).expanduser().resolve()) for f in files]
    answer = client.call("POST", "/v1/review/files", {"paths": absolute})
    for reviewed, checked in zip(files, answer["files"], strict=True):
        leak: dict[str, Any] = checked["leak"]
        reviewed.verdict = FileReport.from_json(leak)
        reviewed.documented = leak["record_content"]


def review_with_vault(home: Home, paths: list[Path],
                      passphrase_file: str | None) -> tuple[list[ReviewedFile], str | None]:
    """The review, compared with the private notes when possible; else the reason why not."""
    client = DaemonClient.for_home(home)
    if client is not None:
        files = review_paths(paths)
        try:
            _with_daemon(client, files)
        except MarginError as error:
            return files, error.message
        return files, None
    if not Vault.exists(home):
        return review_paths(paths), "there is no Margin vault on this computer."
    try:
        with vault_access(home) as access:
            ensure_unlocked(access, passphrase_file)
            assert isinstance(access, LocalVault)
            return review_paths(paths, index=access.holder.guard().index), None
    except MarginError as error:
        if error.code == "scan_path_not_found":
            raise
        return review_paths(paths), error.message


@click.command("review")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--passphrase-file", type=click.Path(dir_okay=False),
              help="Read the recovery passphrase from this file (when Margin is not running).")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.pass_context
def review(ctx: click.Context, as_json: bool, passphrase_file: str | None,
           paths: tuple[Path, ...]) -> None:
    """Review progress notes (text files, EHR exports) for over-sharing and private text."""
    try:
        files, skipped = review_with_vault(ctx.obj.home, list(paths), passphrase_file)
    except MarginError as error:
        click.echo(f"margin review: {error.message} {error.hint}", err=True)
        ctx.exit(2)
    if as_json:
        click.echo(json.dumps(to_json(files), ensure_ascii=False))
        if skipped:
            click.echo(SKIPPED.format(reason=skipped), err=True)
    else:
        click.echo(render(files, skipped))
    ctx.exit(exit_code(files))
