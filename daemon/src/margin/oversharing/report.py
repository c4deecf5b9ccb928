"""What `margin review` prints, its exit code, and its JSON (shared_schema review-report).

Exit 0: nothing found; 1: an over-sharing finding or a leak; 3: nothing found, but part of
a file could not be read; 2 (an error) is the command's. The human report quotes the
progress note's own sentences (the EHR's text, on the clinician's terminal), never a
private note: leaks and record content name the note and the place only.
"""

from __future__ import annotations

from typing import Any

from margin.oversharing.review import ReviewedFile

SKIPPED = "The comparison with your private notes was skipped: {reason}"
_EXCERPT = 72


def exit_code(files: list[ReviewedFile]) -> int:
    if any(f.findings or (f.verdict is not None and f.verdict.verdict == "leak")
           for f in files):
        return 1
    if any(f.unreadable for f in files):
        return 3
    return 0


def to_json(files: list[ReviewedFile]) -> dict[str, Any]:
    return {"files": [f.to_json() for f in files]}


def render(files: list[ReviewedFile], skipped: str | None) -> str:
    lines: list[str] = []
    for reviewed in files:
        lines += _file_lines(reviewed)
    if skipped:
        lines.append(SKIPPED.format(reason=skipped))
    return "\n".join(lines)


def _file_lines(reviewed: ReviewedFile) -> list[str]:
    count = len(reviewed.findings)
    lines = [f"{reviewed.path}: " + (f"{count} sentence(s) over-share" if count
                                      else "nothing over-shares")]
    for finding, place in zip(reviewed.findings, reviewed.places, strict=True):
        sentence = " ".join(reviewed.text[finding.start:finding.end].split())
        if len(sentence) > _EXCERPT:
            sentence = sentence[:_EXCERPT - 1] + "…"
        line = reviewed.text.count("\n", 0, finding.start) + 1
        lines.append(f"  line {line} ({place}): [{finding.category}] {sentence}")
        lines.append(f"      {finding.message}")
    if reviewed.unreadable:
        lines.append(f"  not fully read: {reviewed.unreadable}")
    if reviewed.verdict is not None:
        lines += _verdict_lines(reviewed)
    return lines


def _verdict_lines(reviewed: ReviewedFile) -> list[str]:
    assert reviewed.verdict is not None
    leaks = _all_leaks(reviewed.verdict.to_json())
    lines = [f"  private notes: {reviewed.verdict.verdict}"]
    lines += [f"    leak: {leak['words']} words of note {leak['note_id']} ({leak['where']})"
              for leak in leaks]
    lines += [f"    from your private note {d['note_id']}, {d['words']} words ({d['where']}): "
              f"{d['category']} content; it belongs in the record, not a leak"
              for d in reviewed.documented]
    return lines


def _all_leaks(report: dict[str, Any]) -> list[dict[str, Any]]:
    leaks = list(report["leaks"])
    for member in report["members"]:
        leaks += _all_leaks(member)
    return leaks
