"""Recall and false flags of the over-sharing check on the labeled corpora (`make eval`).

For each corpus file: per over-sharing category, recall (flagged with that category) and
recall of any flag at all; the share of record sentences flagged; and the number of safety
sentences flagged (the aim is none). A sentence's prediction is the first category (in the
rules' order) among its findings, or nothing. `--errors` lists the misses.

main.jsonl is the development corpus. holdout1.jsonl was written by another author who
never saw the check, measured once before any tuning (the figures are in the README), and
then tuned on. holdout2.jsonl, by the same author, is measured once at the end and never
tuned on: the honest estimate. holdout3.jsonl, by a third author who never saw the check,
was measured once before the second round's changes and once after them, never tuned on;
holdout4.jsonl and holdout5.jsonl, by two more authors, likewise for the fourth round.
train_extra, train_more, train_more2, check4 and check5 were each run once before any change
aimed at them (figures in the README), then tuned and trained on.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from margin.oversharing import CATEGORIES
from margin.oversharing.engine import default_check

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
CORPUS_FILES = ("main.jsonl", "holdout1.jsonl", "train_extra.jsonl", "train_more.jsonl",
                "train_more2.jsonl", "check4.jsonl", "check5.jsonl",
                "holdout2.jsonl", "holdout3.jsonl", "holdout4.jsonl", "holdout5.jsonl")


def read_corpus(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def predict(text: str) -> str | None:
    check = default_check()
    found = [f.category for f in check.check(text)]
    return min(found, key=check.rules.order.index) if found else None


def evaluate(rows: list[dict[str, str]]) -> dict[str, Counter[str]]:
    """Counters per label: n, exact (right category), flagged (any category)."""
    counts: dict[str, Counter[str]] = {}
    for row in rows:
        got = predict(row["text"])
        tally = counts.setdefault(row["label"], Counter())
        tally["n"] += 1
        tally["flagged"] += got is not None
        tally["exact"] += got == row["label"]
        if got != row["label"] and (got is not None or row["label"] in CATEGORIES):
            row["_got"] = str(got)
    return counts


def render(name: str, rows: list[dict[str, str]], show_errors: bool) -> str:
    counts = evaluate(rows)
    lines = [f"== {name}: {len(rows)} sentences",
             f"{'category':<30}{'recall':>8}{'any flag':>10}{'n':>5}"]
    over = Counter[str]()
    for category in CATEGORIES:
        c = counts.get(category, Counter())
        over.update(c)
        if c["n"]:
            lines.append(f"{category:<30}{c['exact'] / c['n']:>8.2f}"
                         f"{c['flagged'] / c['n']:>10.2f}{c['n']:>5}")
    if over["n"]:
        lines.append(f"over-sharing recall (any flag)  {over['flagged'] / over['n']:6.1%}  "
                     f"({over['flagged']}/{over['n']})")
    record, safety = counts.get("record", Counter()), counts.get("safety", Counter())
    if record["n"]:
        lines.append(f"record sentences flagged        {record['flagged'] / record['n']:6.1%}  "
                     f"({record['flagged']}/{record['n']})")
    lines.append(f"safety sentences flagged        {safety['flagged']}  (of {safety['n']})")
    if show_errors:
        lines += [f"  label={r['label']:<28} got={r['_got']:<28} {r['text']}"
                  for r in rows if "_got" in r]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list every disagreement")
    parser.add_argument("files", nargs="*", type=Path, help="corpus files (default: all)")
    args = parser.parse_args(argv)
    paths = args.files or [CORPUS_DIR / n for n in CORPUS_FILES if (CORPUS_DIR / n).exists()]
    for path in paths:
        print(render(path.name, read_corpus(path), args.errors))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
