"""Print every file of a corpus whose verdict (or leaking notes) differs from expected.json.

Run: python tests/scan/corpus2/disagreements.py [CORPUS_DIR] (default: this folder).
Exit 0 when every verdict agrees.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from margin.cli.scan_cmd import index_from_jsonl
from margin.scan import FileReport, scan_paths


def _notes(report: FileReport) -> set[str]:
    found = {leak.note_id for leak in report.leaks}
    for member in report.members:
        found |= _notes(member)
    return found


def main() -> int:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent
    expected = json.loads((corpus / "expected.json").read_text())
    started = time.perf_counter()
    report = scan_paths([corpus / "files"], index_from_jsonl(corpus / "notes.jsonl"))
    elapsed = time.perf_counter() - started
    wrong = 0
    for file_report in report.files:
        name = Path(file_report.path).name
        want = expected[name]
        got_notes = sorted(_notes(file_report))
        if file_report.verdict != want["verdict"] or got_notes != want["notes"]:
            wrong += 1
            print(
                f"{name}: expected {want['verdict']} {want['notes']}, "
                f"got {file_report.verdict} {got_notes} ({file_report.reason})"
            )
    print(f"{wrong} of {len(report.files)} files disagree ({elapsed:.1f} s)")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
