"""Over-sharing check speed: review time per 1,000 words of progress note, p50 and p95.

Printed as a ratio to the misplacement linter on the same text in the same run (the check
splits sentences with the linter's splitter, and runs the linter's safety rules on flagged
sentences only). The notes are the over-sharing corpus sentences shuffled with a fixed seed
into notes of 1,000 words, one sentence a line or run together. Aim (issue 21): p95 under
30 ms per 1,000 words.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from bench_lint import NOTES, WORDS_PER_NOTE, make_notes, p95, per_thousand_words

from margin.lint import default_linter
from margin.oversharing.engine import OversharingCheck

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "oversharing" / "corpus"


def main() -> None:
    linter = default_linter()
    started = time.perf_counter()
    check = OversharingCheck(linter=linter)
    load_seconds = time.perf_counter() - started
    notes = make_notes([CORPUS / "main.jsonl"], seed=21)
    check.check(notes[0])  # warm the regex caches once, as the daemon would be
    linter.lint(notes[0])
    review = per_thousand_words(check.check, notes)
    lint = per_thousand_words(linter.lint, notes)
    print(f"notes: {NOTES} of ~{WORDS_PER_NOTE} words; rules load: "
          f"{load_seconds * 1000:.0f} ms (once per daemon, once per CLI call)")
    for label, values in (("p50", statistics.median), ("p95", p95)):
        review_ms, lint_ms = values(review), values(lint)
        print(f"review {label}: {review_ms * 1000:.2f} ms per 1,000 words = "
              f"{review_ms / lint_ms:.2f}x the linter ({lint_ms * 1000:.2f} ms)")


if __name__ == "__main__":
    main()
