"""`margin import`, `notes`, `show`, `export-notes`, `audit`: notes from the command line."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from margin import errors
from margin.cli import CliContext
from margin.cli.access import ensure_unlocked, vault_access
from margin.cli.vault_cmds import PASSPHRASE_FILE
from margin.durable import write_atomically

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class Incoming:
    source: str
    text: str
    client: str | None
    date: str | None

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
        found.append(Incoming(f"{path}:{number}", record["text"],
                              record.get("client") or client,
                              _check_date(record.get("date") or date, where)))
    return found


def read_incoming(paths: tuple[str, ...], client: str | None, date: str | None) -> list[Incoming]:
    """Every note in the files, in order; any problem stops before anything is saved."""
    _check_date(date, "--date")
    incoming: list[Incoming] = []
    for name in paths:
        path = Path(name)
        suffix = path.suffix.lower()
        if suffix in {".txt", ".md"}:
            incoming.append(Incoming(str(path), _read_text(path), client, date))
        elif suffix == ".jsonl":
            incoming.extend(_jsonl_notes(path, client, date))
        else:
            raise errors.ImportFileProblem(path.name, "is not a .txt, .md or .jsonl file")
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
    saved = []
    with vault_access(obj.home) as access:
        ensure_unlocked(access, passphrase_file)
        for item in incoming:
            saved.append({"id": access.create_note(item.body())["id"], "source": item.source})
    if as_json:
        click.echo(json.dumps(saved))
    else:
        click.echo(f"Imported {len(saved)} note(s).")


@click.command()
@click.option("--client", help="Only this client's notes.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@PASSPHRASE_FILE
@click.pass_obj
def notes(obj: CliContext, client: str | None, as_json: bool, passphrase_file: str | None) -> None:
    """List your notes (newest first), without their text."""
    with vault_access(obj.home) as access:
        ensure_unlocked(access, passphrase_file)
        found = access.search({"client": client} if client else {})
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
    with vault_access(obj.home) as access:
        ensure_unlocked(access, passphrase_file)
        note = access.read(note_id)
    click.echo(_as_text(note))


def _as_text(note: dict[str, Any]) -> str:
    date = note["context"].get("appointment_date") or note["created"][:10]
    return f"Client: {note['client'] or '-'}\nDate: {date}\nNote: {note['id']}\n\n{note['text']}\n"


@click.command(name="export-notes")
@click.argument("folder", type=click.Path(file_okay=False))
@PASSPHRASE_FILE
@click.pass_obj
def export_notes(obj: CliContext, folder: str, passphrase_file: str | None) -> None:
    """Write decrypted copies of every note into FOLDER, for you alone (audited).

    File names hold the date and note id, never the client's name."""
    target = Path(folder)
    with vault_access(obj.home) as access:
        ensure_unlocked(access, passphrase_file)
        summaries = access.search({})
        try:
            target.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError:
            raise errors.ExportFolderUnwritable() from None
        written = 0
        for summary in summaries:
            note = access.read(summary["id"])
            date = note["context"].get("appointment_date") or note["created"][:10]
            path = target / f"{date}_{note['id']}.txt"
            if path.exists():
                raise errors.ExportWouldOverwrite(path.name)
            try:  # readable by this user only from the first byte
                write_atomically(path, _as_text(note).encode("utf-8"), mode=0o600)
            except OSError:
                raise errors.ExportFolderUnwritable(written=written) from None
            written += 1
        access.record("export", None, {"notes": written})
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
    with vault_access(obj.home) as access:
        ensure_unlocked(access, passphrase_file)
        trail = access.audit()
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
