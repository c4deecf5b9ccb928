"""`margin lint --vault [--client C] [--since DATE] [--json]`: the review of the vault.

"If you put a diagnosis or a safety plan in your psychotherapy notes, it doesn't count as
being in the record." Every private note's sentences that belong in the record, notes with
safety content first, each named by its id (`margin show ID` opens it). The report gives
offsets and messages, never note text. Exit 0 nothing found, 1 findings, 2 an error.
"""

from __future__ import annotations

import json
from typing import Any

import click

from margin.cli.door import ensure_unlocked, open_door
from margin.home import Home


def render(report: dict[str, Any]) -> str:
    if not report["notes"]:
        return "Your private notes hold nothing that belongs in the record."
    lines = []
    for note in report["notes"]:
        who = ", ".join(str(part) for part in (note["client"], note["date"]) if part)
        lines.append(f"note {note['note_id']} ({who}): {len(note['findings'])} sentence(s) "
                     f"belong in the progress note; open it with: margin show {note['note_id']}")
        for finding in note["findings"]:
            marker = "SAFETY" if finding["category"] == "safety" else finding["category"]
            lines.append(f"  characters {finding['start']}-{finding['end']}: [{marker}] "
                         f"{finding['message']}")
    return "\n".join(lines)


def lint_vault(home: Home, as_json: bool, client: str | None, since: str | None,
               passphrase_file: str | None) -> int:
    body = {key: value for key, value in (("client", client), ("since", since)) if value}
    with open_door(home) as door:
        ensure_unlocked(door, passphrase_file)
        report: dict[str, Any] = door.call("lint_vault", body)
    click.echo(json.dumps(report, ensure_ascii=False) if as_json else render(report))
    return 1 if report["notes"] else 0
