"""The report in plain words, for a person at a terminal."""

from __future__ import annotations

from margin.scan.model import FileReport, ScanReport

_MEMBERS_SHOWN_CLEAN = 5  # past this, clean files inside an archive are only counted


def _sentence(reason: str) -> str:
    return reason[:1].upper() + reason[1:]


def _line(report: FileReport) -> str:
    kind = f" ({report.kind})" if report.kind else ""
    if report.verdict == "clean":
        return f"{report.path}{kind}: clean. Every part was read; no private note is in it."
    if report.verdict == "leak":
        notes = {leak.note_id for leak in report.leaks}
        if not notes:
            return f"{report.path}{kind}: LEAK. A file inside it holds private note text."
        return f"{report.path}{kind}: LEAK. It holds words from {len(notes)} of your private notes."
    reason = _sentence(report.reason or "part of it was unread")
    return (
        f"{report.path}{kind}: CANNOT VERIFY. {reason}. "
        "Margin did not read all of it, so it cannot say it is clean."
    )


def _file(report: FileReport, depth: int, out: list[str]) -> None:
    pad = "    " * depth
    out.append(pad + _line(report))
    for leak in sorted(report.leaks, key=lambda lk: (lk.note_id, lk.where)):
        out.append(
            f"{pad}    - private note {leak.note_id}: {leak.words} words in a row, in {leak.where}"
        )
    for found in report.record_content:
        out.append(f"{pad}    - not a leak: {found.words} words from private note "
                   f"{found.note_id}, in {found.where}, are {found.category} content; they "
                   "belong in the record")
    clean = [m for m in report.members if m.verdict == "clean"]
    for member in report.members:
        if member.verdict != "clean" or len(clean) <= _MEMBERS_SHOWN_CLEAN:
            _file(member, depth + 1, out)
    if len(clean) > _MEMBERS_SHOWN_CLEAN:
        out.append(f"{pad}    ({len(clean)} files inside are clean.)")


def render_text(report: ScanReport) -> str:
    lines: list[str] = []
    for file_report in report.files:
        _file(file_report, 0, lines)
    total = len(report.files)
    summary = {
        "clean": f"All {total} checked: none of your private notes is in them.",
        "leak": "Private note text was found. Do not send these files as they are.",
        "cannot_verify": "No private note text was found, but some files or parts could not "
        "be read, so Margin cannot say they are clean.",
    }[report.verdict]
    lines.append("")
    lines.append(summary)
    return "\n".join(lines)
