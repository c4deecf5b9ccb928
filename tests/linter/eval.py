"""Precision and recall of the misplacement linter on the labeled corpora (`make eval`).

For each corpus file it prints, per category, precision and recall; safety recall; record
recall (a record sentence flagged with any category at all); and the false-flag rate
(private sentences flagged). A sentence's predicted label is the most important category
among its findings, or "private" when nothing is flagged. `--errors` lists the misses.

main.jsonl is the development corpus (rules were tuned on it); heldout.jsonl was written and
labeled before any tuning and is never tuned on, as an estimate for an unseen corpus.
heldout2.jsonl is a second independent batch (see LABELING.md), committed and measured
before the rules were generalized, and never tuned on either. heldout3.jsonl was written and
committed after the rules were generalized, before the linter was run on it: the estimate
of the generalized rules. heldout4.jsonl is the current honest estimate: a fresh batch in new
phrasing, committed before the linter ran on it, never tuned on, and never used to train or
calibrate the sentence model (model.py). `--rules-only` runs the rules without the model.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from margin.lint import Linter, default_linter

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
# Rules and model were tuned or trained on these; their figures are not estimates.
TUNED_FILES = ("main.jsonl", "heldout.jsonl", "heldout2.jsonl", "heldout3.jsonl")
# Never tuned on, never trained on: the honest estimate (a test cannot hold it to an aim
# without inviting the tuning that would spoil it; its figures are reported instead).
ESTIMATE_FILES = ("heldout4.jsonl",)
CORPUS_FILES = TUNED_FILES + ESTIMATE_FILES


@dataclass
class Report:
    name: str
    total: int = 0
    per_category: dict[str, dict[str, int]] = field(default_factory=dict)
    safety_total: int = 0
    safety_found: int = 0
    record_total: int = 0
    record_flagged: int = 0
    private_total: int = 0
    private_flagged: int = 0
    errors: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def safety_recall(self) -> float:
        return _ratio(self.safety_found, self.safety_total)

    @property
    def record_recall(self) -> float:
        return _ratio(self.record_flagged, self.record_total)

    @property
    def false_flag_rate(self) -> float:
        return _ratio(self.private_flagged, self.private_total)


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def read_corpus(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@lru_cache(maxsize=2)
def _linter(use_model: bool) -> Linter:
    return default_linter() if use_model else Linter(use_model=False)


def predict(text: str, use_model: bool = True) -> str:
    linter = _linter(use_model)
    findings = linter.lint(text)
    if not findings:
        return "private"
    order = linter.lexicon.order
    return min((f.category for f in findings), key=order.index)


def evaluate(path: Path, use_model: bool = True) -> Report:
    report = Report(path.name + ("" if use_model else " (rules only)"))
    for row in read_corpus(path):
        label, predicted = row["label"], predict(row["text"], use_model)
        report.total += 1
        for category in {label, predicted} - {"private"}:
            report.per_category.setdefault(category, {"tp": 0, "fp": 0, "fn": 0})
        if label == predicted and label != "private":
            report.per_category[label]["tp"] += 1
        else:
            if predicted != "private":
                report.per_category[predicted]["fp"] += 1
            if label != "private":
                report.per_category[label]["fn"] += 1
        if label == "private":
            report.private_total += 1
            report.private_flagged += predicted != "private"
        else:
            report.record_total += 1
            report.record_flagged += predicted != "private"
        if label == "safety":
            report.safety_total += 1
            report.safety_found += predicted == "safety"
        if label != predicted:
            report.errors.append((label, predicted, row["text"]))
    return report


def render(report: Report, show_errors: bool) -> str:
    lines = [f"== {report.name}: {report.total} sentences "
             f"({report.record_total} record, {report.private_total} private)"]
    lines.append(f"{'category':<20}{'precision':>10}{'recall':>8}{'n':>5}")
    for category, c in sorted(report.per_category.items()):
        precision = _ratio(c["tp"], c["tp"] + c["fp"])
        recall = _ratio(c["tp"], c["tp"] + c["fn"])
        lines.append(f"{category:<20}{precision:>10.2f}{recall:>8.2f}{c['tp'] + c['fn']:>5}")
    lines.append(f"safety recall      {report.safety_recall:6.1%}  "
                 f"({report.safety_found}/{report.safety_total})")
    lines.append(f"record recall      {report.record_recall:6.1%}  "
                 f"({report.record_flagged}/{report.record_total}, any category)")
    lines.append(f"false flags        {report.false_flag_rate:6.1%}  "
                 f"({report.private_flagged}/{report.private_total} private sentences flagged)")
    if show_errors:
        lines += [f"  label={a:<18} got={b:<18} {t}" for a, b, t in report.errors]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list every disagreement")
    parser.add_argument("--rules-only", action="store_true",
                        help="the rules alone, without the sentence model")
    parser.add_argument("files", nargs="*", type=Path, help="corpus files (default: all)")
    args = parser.parse_args(argv)
    paths = args.files or [CORPUS_DIR / name for name in CORPUS_FILES]
    for path in paths:
        print(render(evaluate(path, not args.rules_only), args.errors))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
