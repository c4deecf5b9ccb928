"""`margin import`, `notes`, `show`, `export-notes`, `audit`: notes from the command line."""

from __future__ import annotations

import json
import re
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from margin import errors
from margin.cli import CliContext
from margin.cli.door import Door, ensure_unlocked, open_door
from margin.cli.progress import progress_bar
from margin.cli.vault_cmds import PASSPHRASE_FILE
from margin.durable import write_atomically
from margin.schema import first_problem
from margin.surrogates import scrub

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class Incoming:
    where: str  # "notes.jsonl line 3", or the file's name: shown in messages
    text: str
    client: str | None
    date: str | None
    source: str = ""  # as given on the command line, for --json

    def __post_init__(self) -> None:
        self.source = self.source or self.where

    def body(self) -> dict[str, Any]:
        context = {"appointment_date": self.date} if self.date else {}
        return {"text": self.text, "client": self.client, "context": context}


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise errors.ImportFileProblem(path.name, "does not exist") from None
    except UnicodeDecodeError:
        raise errors.ImportFileProblem(path.name, "is not UTF-8 text") from None
    except OSError:
        raise errors.ImportFileProblem(path.name, "could not be read") from None


def _check_date(date: str | None, where: str) -> str | None:
    if date is not None and not DATE.match(date):
        raise errors.ImportFileProblem(where, "has a date that is not YYYY-MM-DD")
    return date


def _jsonl_notes(path: Path, client: str | None, date: str | None) -> list[Incoming]:
    found = []
    for number, line in enumerate(_read_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path.name} line {number}"
        try:
            record = json.loads(line)
        except ValueError:
            raise errors.ImportFileProblem(where, "is not a JSON object") from None
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise errors.ImportFileProblem(where, 'has no "text"')
        for key in ("client", "date"):
            if record.get(key) is not None and not isinstance(record[key], str):
                raise errors.ImportFileProblem(where, f'has a "{key}" that is not text')
        found.append(Incoming(where, record["text"], record.get("client") or client,
                              _check_date(record.get("date") or date, where),
                              f"{path}:{number}"))
    return found


def _check_note(item: Incoming) -> None:
    """The same rules the daemon applies to every note it is given (note-create-request)."""
    problem = first_problem("note-create-request", item.body())
    if problem is None:
        return
    if problem.startswith("text:") and "maxLength" in problem:
        raise errors.ImportFileProblem(item.where, "is longer than a note can be (500,000 "
                                       "characters); split it into several notes")
    raise errors.ImportFileProblem(item.where, f"cannot be a note ({problem})")


def read_incoming(paths: tuple[str, ...], client: str | None, date: str | None) -> list[Incoming]:
    """Every note in the files, in order, each checked; any problem stops before anything
    is saved."""
    _check_date(date, "--date")
    incoming: list[Incoming] = []
    for name in paths:
        path = Path(name)
        suffix = path.suffix.lower()
        if suffix in {".txt", ".md"}:
            incoming.append(Incoming(path.name, _read_text(path), client, date, str(path)))
        elif suffix == ".jsonl":
            incoming.extend(_jsonl_notes(path, client, date))
        else:
            raise errors.ImportFileProblem(path.name, "is not a .txt, .md or .jsonl file")
    for item in incoming:
        _check_note(item)
    return incoming


@click.command(name="import")
@click.argument("files", nargs=-1, required=True)
@click.option("--client", help="Client for .txt/.md notes (and .jsonl lines without one).")
@click.option("--date", help="Appointment date YYYY-MM-DD for those notes.")
@click.option("--json", "as_json", is_flag=True, help='Print [{"id", "source"}] in input order.')
@PASSPHRASE_FILE
@click.pass_obj
def import_notes(obj: CliContext, files: tuple[str, ...], client: str | None, date: str | None,
                 as_json: bool, passphrase_file: str | None) -> None:
    """Import notes: a .txt or .md file is one note; a .jsonl file holds one
    {"client", "date", "text"} object a line."""
    incoming = read_incoming(files, client, date)
    with open_door(obj.home) as door:
        ensure_unlocked(door, passphrase_file)
        saved = _save_all(door, incoming, quiet=as_json)
    if as_json:
        click.echo(json.dumps(saved))
    else:
        click.echo(f"Imported {len(saved)} note(s).")


def _save_all(door: Door, incoming: list[Incoming], *, quiet: bool) -> list[dict[str, Any]]:
    """Save every note, or none: when one fails (a full disk), those saved before it are
    deleted again, and the clinician is told."""
    saved: list[dict[str, Any]] = []
    try:
        with progress_bar("Importing", quiet=quiet or len(incoming) < 50) as progress:
            for item in incoming:
                note = door.call("create_note", item.body())
                saved.append({"id": note["id"], "source": item.source,
                              "version": note["version"]})
                if progress is not None:
                    progress(len(saved), len(incoming))
    except errors.MarginError as failed:
        for done in saved:
            with suppress(errors.MarginError):  # the message says how many were saved
                door.call("delete_note", {"base_version": done["version"]}, note_id=done["id"])
        raise errors.ImportInterrupted(failed, saved=len(saved)) from None
    return [{"id": s["id"], "source": s["source"]} for s in saved]


@click.command()
@click.option("--client", help="Only this client's notes.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@PASSPHRASE_FILE
@click.pass_obj
def notes(obj: CliContext, client: str | None, as_json: bool, passphrase_file: str | None) -> None:
    """List your notes (newest first), without their text."""
    with open_door(obj.home) as door:
        ensure_unlocked(door, passphrase_file)
        found = door.call("search_notes", {"client": client} if client else {})["notes"]
    if as_json:
        click.echo(json.dumps(found, indent=2))
        return
    if not found:
        click.echo("No notes yet." if not client else "No notes for that client.")
    for note in found:
        date = note["context"].get("appointment_date") or note["created"][:10]
        flags = " (two versions: open it to choose)" if note["conflict"] else ""
        click.echo(f"{note['id']}  {date}  {note['client'] or '-'}{flags}")


@click.command()
@click.argument("note_id")
@PASSPHRASE_FILE
@click.pass_obj
def show(obj: CliContext, note_id: str, passphrase_file: str | None) -> None:
    """Print one note (this is recorded in the audit trail)."""
    with open_door(obj.home) as door:
        ensure_unlocked(door, passphrase_file)
        note = door.call("read_note", note_id=note_id)
    click.echo(_as_text(note))


def _as_text(note: dict[str, Any]) -> str:
    """The note for a terminal or a file; a broken character (see margin/surrogates.py)
    shows as U+FFFD, since neither can hold one."""
    date = note["context"].get("appointment_date") or note["created"][:10]
    return scrub(f"Client: {note['client'] or '-'}\nDate: {date}\nNote: {note['id']}\n\n"
                 f"{note['text']}\n")


@click.command(name="export-notes")
@click.argument("folder", type=click.Path(file_okay=False))
@PASSPHRASE_FILE
@click.pass_obj
def export_notes(obj: CliContext, folder: str, passphrase_file: str | None) -> None:
    """Write decrypted copies of every note into FOLDER, for you alone (audited).

    File names hold the date and note id, never the client's name."""
    target = Path(folder)
    with open_door(obj.home) as door:
        ensure_unlocked(door, passphrase_file)
        summaries = door.call("search_notes")["notes"]
        try:
            target.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError:
            raise errors.ExportFolderUnwritable() from None
        written = 0
        for summary in summaries:
            note = door.call("read_note", note_id=summary["id"])
            date = note["context"].get("appointment_date") or note["created"][:10]
            path = target / f"{date}_{note['id']}.txt"
            if path.exists():
                raise errors.ExportWouldOverwrite(path.name)
            try:  # readable by this user only from the first byte
                write_atomically(path, _as_text(note).encode("utf-8"), mode=0o600)
            except OSError:
                raise errors.ExportFolderUnwritable(written=written) from None
            written += 1
        door.call("record_event", {"action": "export", "detail": {"notes": written}})
    click.echo(f"Wrote {written} note(s) to {target}. These copies are NOT encrypted: "
               "delete them when you are done.")


@click.command()
@click.option("--verify", is_flag=True,
              help="Check that no entry was removed, reordered or edited.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@PASSPHRASE_FILE
@click.pass_obj
def audit(obj: CliContext, verify: bool, as_json: bool, passphrase_file: str | None) -> None:
    """Show the audit trail: who opened, wrote, exported or disclosed which note, and when.

    With --verify, exit 1 if the trail was tampered with."""
    with open_door(obj.home) as door:
        ensure_unlocked(door, passphrase_file)
        trail = door.call("audit_view")
    verification = trail["verification"]
    if as_json:
        click.echo(json.dumps(trail if not verify else {**trail}, indent=2))
    else:
        for entry in trail["entries"]:
            click.echo(f"{entry['time'][:19]}  {entry['action']:<20} {entry['note'] or '-':<34}"
                       f" {entry['actor']}")
        if verify:
            if verification["ok"]:
                click.echo(f"The audit trail is intact ({verification['entries']} entries).")
            else:
                click.echo("The audit trail was altered:")
                for problem in verification["problems"]:
                    click.echo(f"  - {problem}")
    if verify and not verification["ok"]:
        raise click.exceptions.Exit(1)
