"""Review of the vault, the other direction: private-note sentences that belong in the record.

"If you put a diagnosis or a safety plan in your psychotherapy notes, it doesn't count as
being in the record." Every private note (of one client, since a date, if asked) is run
through the misplacement linter; notes with safety content come first, and within a note
safety findings come first, then the rest in text order. Each result names its note (id,
client, date) so the panel and `margin show` can open it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from margin.lint import Finding, Linter, default_linter


@dataclass(frozen=True)
class NoteReview:
    note_id: str
    client: str | None
    date: str
    findings: list[Finding]

    @property
    def has_safety(self) -> bool:
        return any(f.category == "safety" for f in self.findings)

    def to_json(self) -> dict[str, Any]:
        return {"note_id": self.note_id, "client": self.client, "date": self.date,
                "findings": [f.as_dict() for f in self.findings]}


def note_date(summary: dict[str, Any]) -> str:
    """The appointment date the note was written for, else the day it was created."""
    context = summary.get("context") or {}
    return str(context.get("appointment_date") or summary.get("created", "")[:10])


def chosen_notes(summaries: Iterable[dict[str, Any]], *, client: str | None = None,
                 since: str | None = None) -> list[dict[str, Any]]:
    """The notes to review: not deleted, of `client` and dated `since` or later if given."""
    return [s for s in summaries if not s.get("deleted")
            and (client is None or s.get("client") == client)
            and (since is None or note_date(s) >= since)]


def review_private_notes(summaries: list[dict[str, Any]], texts: Mapping[str, str], *,
                         linter: Linter | None = None) -> list[NoteReview]:
    """Every note (its summary as the vault lists it, its text by id) with at least one
    finding, safety first (see above)."""
    linter = linter or default_linter()
    reviews = []
    for summary in summaries:
        findings = _safety_first(linter.lint(texts[summary["id"]]))
        if findings:
            reviews.append(NoteReview(summary["id"], summary.get("client"), note_date(summary),
                                      findings))
    # Safety notes first; then the most recent first.
    reviews.sort(key=lambda r: r.date, reverse=True)
    reviews.sort(key=lambda r: not r.has_safety)
    return reviews


def _safety_first(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.category != "safety", f.start))


def report_json(reviews: list[NoteReview]) -> dict[str, Any]:
    return {"notes": [r.to_json() for r in reviews]}
