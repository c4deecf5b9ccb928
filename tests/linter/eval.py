"""Precision and recall of the misplacement linter on the labeled corpora (`make eval`).

For each corpus file it prints, per category, precision and recall; safety recall; record
recall (a record sentence flagged with any category at all); and the false-flag rate
(private sentences flagged). A sentence's predicted label is the most important category
among its findings, or "private" when nothing is flagged. `--errors` lists the misses.

Batches (corpora.py says which file may be used for what; LABELING.md tells their story):
main.jsonl is the development corpus. heldout.jsonl, heldout2.jsonl and heldout3.jsonl were
each written and committed before the linter ran on them, measured once, then tuned on.
heldout4.jsonl was the honest estimate of sentence model v2 (first run: safety 73.6%, record
72.5%, false flags 6.1%); it became training data for model v3. heldout5.jsonl (226
sentences adapted from published example notes by an author who never saw the linter) was
run once before any change aimed at it: rules alone safety 73.6% (39/53), record 80.6%
(129/160), false flags 3.0% (2/66); rules + model v3 (new hashing, same training data as
v2) safety 86.8% (46/53), record 89.4% (143/160), false flags 4.5% (3/66); it then became
training and tuning data. heldout6.jsonl (224 sentences, same author and kind as
heldout5) was the honest estimate of the first round of issue 16, committed after that work
and run once: rules alone safety 62.7% (32/51), record 76.6% (121/158), false flags 6.1%
(4/66); rules + model v4 safety 84.3% (43/51), record 86.7% (137/158), false flags 10.6%
(7/66); in the second round it became training data. The next estimate is heldout7.jsonl.
Cross-validated figures per file (each scored by a model trained without it) come from
crossval.py. Each batch's first-run figures are kept in corpus/first_runs.json and printed
after the current ones.
`--rules-only` runs the rules without the model; `--label-set NAME` evaluates another label
set's corpus (corpora.py).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

if not __package__:  # run as a script (make eval): the repository root holds tests/
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from margin.lint import Linter
from margin.lint.labelset import LABEL_SETS, MISPLACEMENT
from tests.linter.corpora import CORPORA

_MISPLACEMENT = CORPORA[MISPLACEMENT.name]
CORPUS_DIR = _MISPLACEMENT.directory
TUNED_FILES = tuple(f for f in _MISPLACEMENT.tuned if f in _MISPLACEMENT.house)
ESTIMATE_FILES = _MISPLACEMENT.estimate
CORPUS_FILES = _MISPLACEMENT.house  # the house-format files test_corpus.py pins
FIRST_RUNS = "first_runs.json"


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


@lru_cache(maxsize=4)
def _linter(use_model: bool, label_set: str = MISPLACEMENT.name) -> Linter:
    return Linter(use_model=use_model, label_set=LABEL_SETS[label_set])


def predict(text: str, use_model: bool = True, label_set: str = MISPLACEMENT.name) -> str:
    return _linter(use_model, label_set).predict(text)


def evaluate(path: Path, use_model: bool = True, label_set: str = MISPLACEMENT.name) -> Report:
    """Figures of one corpus file. "record" is any category, "safety" the label set's first
    (most important) one, "private" its clear label."""
    linter = _linter(use_model, label_set)
    clear, top = linter.label_set.clear_label, linter.lexicon.order[0]
    report = Report(path.name + ("" if use_model else " (rules only)"))
    for row in read_corpus(path):
        label, predicted = row["label"], linter.predict(row["text"])
        report.total += 1
        for category in {label, predicted} - {clear}:
            report.per_category.setdefault(category, {"tp": 0, "fp": 0, "fn": 0})
        if label == predicted and label != clear:
            report.per_category[label]["tp"] += 1
        else:
            if predicted != clear:
                report.per_category[predicted]["fp"] += 1
            if label != clear:
                report.per_category[label]["fn"] += 1
        if label == clear:
            report.private_total += 1
            report.private_flagged += predicted != clear
        else:
            report.record_total += 1
            report.record_flagged += predicted != clear
        if label == top:
            report.safety_total += 1
            report.safety_found += predicted == top
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


def first_runs(path: Path) -> str:
    """The recorded first-run figures of each held-out batch (corpus/first_runs.json)."""
    if not path.is_file():
        return ""
    batches = json.loads(path.read_text(encoding="utf-8"))["batches"]
    lines = ["== first runs (each batch before any change aimed at it)",
             f"{'file':<16}{'linter':<40}{'safety':>16}{'record':>18}{'false flags':>16}"]
    for b in batches:
        figures = [b[k] or "-" for k in ("safety_recall", "record_recall", "false_flags")]
        lines.append(f"{b['file']:<16}{b['linter']:<40}{figures[0]:>16}{figures[1]:>18}"
                     f"{figures[2]:>16}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list every disagreement")
    parser.add_argument("--rules-only", action="store_true",
                        help="the rules alone, without the sentence model")
    parser.add_argument("--label-set", default=MISPLACEMENT.name, choices=sorted(CORPORA))
    parser.add_argument("files", nargs="*", type=Path, help="corpus files (default: all)")
    args = parser.parse_args(argv)
    corpora = CORPORA[args.label_set]
    paths = args.files or [corpora.directory / name for name in corpora.evaluated]
    for path in paths:
        print(render(evaluate(path, not args.rules_only, args.label_set), args.errors))
        print()
    if not args.files:
        print(first_runs(corpora.directory / FIRST_RUNS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
