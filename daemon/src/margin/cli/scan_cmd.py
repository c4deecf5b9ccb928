"""`margin scan [--json] [--min-words N] PATH...`: check EHR exports for private notes.

Exit codes: 0 every file clean, 1 a leak found, 3 nothing leaked but something could not be
verified, 2 an error (a message and a hint on stderr, never a traceback).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import click

from margin.errors import BadNotesFile, MarginError, ScanVaultUnavailable
from margin.matcher import EXPORT_MIN_WORDS, FingerprintIndex
from margin.scan import render_text, scan_paths


def load_index(ctx: click.Context) -> FingerprintIndex:
    """The fingerprint index of the vault's private notes (wired to the vault later)."""
    raise ScanVaultUnavailable()


def index_from_jsonl(path: Path) -> FingerprintIndex:
    """An index of the notes in a JSONL file (one {"id", "text"} a line), under a fresh key."""
    index = FingerprintIndex(os.urandom(32))
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise BadNotesFile() from exc
    for line in lines:
        if not line.strip():
            continue
        try:
            note = json.loads(line)
            index.add(str(note["id"]), str(note["text"]))
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise BadNotesFile() from exc
    return index


@click.command("scan")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option(
    "--min-words",
    type=click.IntRange(min=8),
    default=EXPORT_MIN_WORDS,
    show_default=True,
    help="Shortest run of shared words that counts as a leak.",
)
@click.option(
    "--notes-jsonl",
    type=click.Path(dir_okay=False, path_type=Path),
    hidden=True,
    help="Check against the notes in this JSONL file instead of the vault (tests).",
)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.pass_context
def scan(
    ctx: click.Context,
    as_json: bool,
    min_words: int,
    notes_jsonl: Path | None,
    paths: tuple[Path, ...],
) -> None:
    """Check EHR exports (files or folders) for text from your private notes."""
    try:
        index = index_from_jsonl(notes_jsonl) if notes_jsonl else load_index(ctx)
        report = scan_paths(list(paths), index, min_words=min_words)
    except MarginError as error:
        click.echo(f"{error.message} {error.hint}", err=True)
        ctx.exit(2)
    if as_json:
        click.echo(json.dumps(report.to_json(), indent=2))
    else:
        click.echo(render_text(report))
    ctx.exit(report.exit_code)
