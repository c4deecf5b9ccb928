"""`margin scan [--json] [--min-words N] PATH...`: check EHR exports for private notes.

Exit codes: 0 every file clean, 1 a leak found, 3 nothing leaked but something could not be
verified, 2 an error (a message and a hint on stderr, never a traceback).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import click

from margin.cli import MarginCommand
from margin.cli.door import ensure_unlocked, open_door
from margin.errors import BadNotesFile, ScanPathNotFound
from margin.home import Home
from margin.matcher import EXPORT_MIN_WORDS, FingerprintIndex
from margin.paths import given_path
from margin.scan import render_text, scan_paths
from margin.scan.model import ScanReport


def scan_with_vault(home: Home, paths: list[Path], min_words: int,
                    passphrase_file: str | None) -> ScanReport:
    """Check against every private note: through the running Margin, else in this process."""
    absolute = [given_path(p) for p in paths]
    for path in absolute:
        if not path.exists():
            raise ScanPathNotFound(f"There is no file or folder at {path}.")
    with open_door(home) as door:
        ensure_unlocked(door, passphrase_file)
        answer = door.call("scan", {"paths": [str(p) for p in absolute], "min_words": min_words})
    return ScanReport.from_json(answer, min_words)


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


@click.command("scan", cls=MarginCommand)
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
@click.option("--passphrase-file", type=click.Path(dir_okay=False),
              help="Read the recovery passphrase from this file (when Margin is not running).")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.pass_context
def scan(
    ctx: click.Context,
    as_json: bool,
    min_words: int,
    notes_jsonl: Path | None,
    passphrase_file: str | None,
    paths: tuple[Path, ...],
) -> None:
    """Check EHR exports (files or folders) for text from your private notes."""
    if notes_jsonl:
        report = scan_paths(list(paths), index_from_jsonl(notes_jsonl), min_words=min_words)
    else:
        report = scan_with_vault(ctx.obj.home, list(paths), min_words, passphrase_file)
    if as_json:
        click.echo(json.dumps(report.to_json(), indent=2))
    else:
        click.echo(render_text(report))
    ctx.exit(report.exit_code)
