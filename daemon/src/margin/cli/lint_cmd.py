"""`margin lint [--json] PATH...`: the misplacement check on text files.

Exit 0 when nothing is flagged, 1 when something is, 2 on an error (a missing, unreadable
or binary file), with a plain sentence and no traceback. The command needs no vault: it
reads the files given and the lexicon shipped with Margin, and writes nothing.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from margin.cli import MarginCommand
from margin.errors import LintFileMissing, LintFileNotText, LintFileUnreadable, MarginError

if TYPE_CHECKING:
    from margin.lint import Finding

# A NUL byte in the first block means a binary file (the same test git and grep use).
_SNIFF_BYTES = 8192
_EXCERPT = 72


def read_text_file(path: Path) -> str:
    """The file's text, or a MarginError that says in plain words why not."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise LintFileMissing() from exc
    except (IsADirectoryError, PermissionError, OSError) as exc:
        raise LintFileUnreadable() from exc
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise LintFileNotText()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LintFileNotText() from exc


def _line_number(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _human(path: str, text: str, findings: list[Finding]) -> str:
    if not findings:
        return f"{path}: nothing to move to the progress note"
    lines = [f"{path}: {len(findings)} sentence(s) belong in the progress note"]
    for finding in findings:
        sentence = " ".join(text[finding.start:finding.end].split())
        if len(sentence) > _EXCERPT:
            sentence = sentence[:_EXCERPT - 1] + "…"
        marker = "SAFETY" if finding.severity == "critical" else finding.category
        lines.append(f"  line {_line_number(text, finding.start)}: [{marker}] {sentence}")
        lines.append(f"      {finding.message}")
    return "\n".join(lines)


@click.command("lint", cls=MarginCommand)
@click.option("--json", "as_json", is_flag=True, help="Print findings as JSON.")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def lint(as_json: bool, paths: tuple[Path, ...]) -> None:
    """Flag sentences of private notes that belong in the progress note (HIPAA record)."""
    texts = []
    for path in paths:
        try:
            texts.append((path, read_text_file(path)))
        except MarginError as error:
            error.where = str(path)  # shown on this terminal only, never in an envelope
            raise
    from margin.lint import default_linter  # the model loads only for this command

    linter = default_linter()
    reports: list[dict[str, Any]] = []
    flagged = False
    for path, text in texts:
        findings = linter.lint(text)
        flagged = flagged or bool(findings)
        if as_json:
            reports.append({"path": str(path), "findings": [f.as_dict() for f in findings]})
        else:
            click.echo(_human(str(path), text, findings))
    if as_json:
        json.dump({"files": reports}, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    raise click.exceptions.Exit(1 if flagged else 0)
