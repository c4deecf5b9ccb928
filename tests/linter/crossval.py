"""Cross-validated figures of the linter (rules + sentence model), one corpus file at a time.

    .venv/bin/python tests/linter/crossval.py [--C 10] [--missed-weight 3] [--cache PATH.npz]

Files left out: the corpus files are dealt into FOLDS groups by a hash of their names, and
for each group a model is trained on the files of every other group and scores the held-out
files' sentence parts; the rules' call on each part is taken as it is. Every corpus file is
a batch written apart from the others (by another author, in another style, from other
sources), so a file left out is a fair stand-in for a new batch, as far as the model goes.
(Until model v13 each file was left out on its own; with over 150 files that took well over
an hour on a two-core machine, and a group of files left out is as fair, a little harsher.)
The rules were tuned on these files, so the rules' share of the figures is optimistic: the
honest figures are the first runs of held-out batches (first_runs.json).

The thresholds of the shipped model are chosen here (train_model.py calls choose()), on
the sentences as the linter decides them: rules OR model, per part, as engine.Linter does,
not on the model alone. See decide_all() for the decision, choose() for the aims.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

if not __package__:  # run as a script: the repository root holds tests/
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from margin.lint import Linter
from margin.lint.labelset import LABEL_SETS, MISPLACEMENT, LabelSet
from margin.lint.model import NOT_VETOED
from tests.linter.corpora import CORPORA

NONE = 99  # the rank of "nothing flagged" (below every category)
# Aims of the threshold search, on the out-of-fold sentences of all files together:
# private sentences flagged (by rules or model), and non-safety sentences called safety
# (alarm fatigue: a safety finding asks for acknowledgement). The private budget is what the
# model may add to the rules' own flags: a fixed 4% (until model v11) was spent by the rules
# before the model added anything, so the search switched the record head off (issue 16,
# twentieth round). Set before model v12 was trained and before its blind batches were run.
PRIVATE_BUDGET_BEYOND_RULES = 0.01
SAFETY_FALSE_BUDGET = 0.03
# A rule's finding may be dropped by the model (never a safety one) only if it costs at
# most this share of the record sentences the rules alone found.
VETO_RECORD_COST = 0.002
# Groups of files left out together: ten trainings on nine tenths of the files each. A
# file's group is a hash of its name, so adding a file moves no other file.
FOLDS = 10
GRID = np.array([*np.round(np.arange(0.30, 0.99, 0.02), 2), 0.99, 0.995, 0.999, 1.01])
RAISE_GRID = (0.8, 0.85, 0.9, 0.95, 0.99, 1.01)
VETO_GRID = (0.0, 0.02, 0.05, 0.08, 0.12, 0.16, 0.2, 0.25, 0.3)
# Safety recall comes first, but not to a hair: among thresholds whose cross-validated safety
# recall is within this of the best (0.15 points, about 14 of 9,300 safety sentences), the
# one with the most record recall. Taking the best safety to the last sentence switched the
# record head off for v14 to v16 (threshold 0.999: record 96.6% against 97.4% at 0.99, for
# 0.1 point of safety). Decided on cross-validated figures alone (issue 16, twenty-sixth
# round) before any estimate file was read with such a model.
SAFETY_TOLERANCE = 0.0015


@dataclass
class Parts:
    """Every sentence part of every row, flattened: which row, the rules' category rank
    (NONE: no rule), and the model's out-of-fold P(safety), P(record), category rank."""

    row: np.ndarray
    rule: np.ndarray
    p_safety: np.ndarray
    p_record: np.ndarray
    model_category: np.ndarray
    vetoable: np.ndarray  # the rules' category may be dropped by the veto (model.NOT_VETOED)


def rule_ranks(rows: list[dict[str, str]], label_set: LabelSet) -> tuple[list[list[str]],
                                                                        np.ndarray]:
    """Each row's parts (as the linter splits them) and the rules' rank for each part."""
    linter = Linter(use_model=False, label_set=label_set)
    rank = {name: i for i, name in enumerate(linter.lexicon.order)}
    texts, ranks = [], []
    for row in rows:
        text = row["text"]
        spans = linter.splitter.spans(text) or [(0, len(text))]
        texts.append([text[s:e] for s, e in spans])  # as _parts() cuts them
        for finding in linter.rule_findings(text, spans):
            ranks.append(rank[finding.category] if finding else NONE)
    return texts, np.array(ranks)


def fold_of(name: str, folds: int = FOLDS) -> int:
    """The group a corpus file is left out with."""
    return zlib.crc32(name.encode()) % folds


def out_of_file(rows: list[dict[str, str]], c: float, label_set: LabelSet = MISPLACEMENT,
                missed_weight: float = 1.0, folds: int = FOLDS) -> np.ndarray:
    """Model scores of every part of every row, each from a model trained without the
    row's file (its group of files left out; rows of scores())."""
    from tests.linter.train_model import fit, rule_misses  # training tools only here

    parts = _parts(rows, label_set)
    missed = rule_misses(rows, label_set)
    first = np.cumsum([0] + [len(p) for p in parts])
    scores = np.zeros((first[-1], 1 + len(label_set.load_lexicon().order)))
    group = [fold_of(r["file"], folds) for r in rows]
    for fold in sorted(set(group)):
        train = [i for i, g in enumerate(group) if g != fold]
        model = fit([rows[i]["text"] for i in train], [rows[i]["label"] for i in train], c,
                    label_set, missed[train], missed_weight)
        held = [i for i, g in enumerate(group) if g == fold]
        where = np.concatenate([np.arange(first[i], first[i + 1]) for i in held])
        scores[where] = model.scores([p for i in held for p in parts[i]])
        names = sorted({rows[i]["file"] for i in held})
        print(f"  scored {', '.join(names)} with a model trained on the other files",
              file=sys.stderr)
    return scores


def cached_out_of_file(rows: list[dict[str, str]], c: float, label_set: LabelSet,
                       cache: Path | None, missed_weight: float = 1.0) -> np.ndarray:
    """out_of_file(), kept in `cache` (an .npz) for the same rows, labels and C: the
    FOLDS trainings take minutes, choosing thresholds on their scores takes seconds."""
    from tests.linter.train_model import MIN_DF, PRUNE  # training tools only here

    kept = [c, missed_weight, FOLDS, MIN_DF, PRUNE,
            [(r["file"], r["text"], r["label"]) for r in rows]]
    digest = hashlib.sha256(json.dumps(kept).encode()).hexdigest()
    if cache is not None and cache.is_file():
        with np.load(cache) as data:
            if str(data["digest"]) == digest:
                return np.asarray(data["scores"])
    scores = out_of_file(rows, c, label_set, missed_weight)
    if cache is not None:
        np.savez(cache, scores=scores, digest=np.array(digest))
    return scores


def _parts(rows: list[dict[str, str]], label_set: LabelSet) -> list[list[str]]:
    splitter = Linter(use_model=False, label_set=label_set).splitter
    return [[r["text"][s:e] for s, e in splitter.spans(r["text"]) or [(0, len(r["text"]))]]
            for r in rows]


def with_rules(rows: list[dict[str, str]], scores: np.ndarray,
               label_set: LabelSet = MISPLACEMENT) -> Parts:
    """The rules' call on every part beside the model's out-of-fold scores."""
    parts, rules = rule_ranks(rows, label_set)
    owner = np.repeat(np.arange(len(rows)), [len(p) for p in parts])
    order = label_set.load_lexicon().order
    kept = [order.index(name) for name in NOT_VETOED if name in order]
    return Parts(owner, rules, scores[:, 0], scores[:, 1],
                 1 + np.argmax(scores[:, 2:], axis=1), ~np.isin(rules, kept))


def decide_all(parts: Parts, count: int, t_safety: float, t_record: float, t_raise: float,
               t_veto: float) -> np.ndarray:
    """Each row's predicted rank, deciding each part as SentenceModel.decide does."""
    ruled = parts.rule != NONE
    other_rule = ruled & (parts.rule > 0)
    category = parts.rule.copy()
    category[~ruled & (parts.p_safety >= t_safety)] = 0
    category[other_rule & (parts.p_safety >= t_raise)] = 0
    record = ~ruled & (parts.p_safety < t_safety) & (parts.p_record >= t_record)
    category[record] = parts.model_category[record]
    veto = other_rule & parts.vetoable & (parts.p_safety < t_raise) & (parts.p_record < t_veto)
    category[veto] = NONE
    predicted = np.full(count, NONE)
    np.minimum.at(predicted, parts.row, category)
    return predicted


def truth(rows: list[dict[str, str]], label_set: LabelSet) -> np.ndarray:
    rank = {name: i for i, name in enumerate(label_set.load_lexicon().order)}
    return np.array([rank.get(r["label"], NONE) for r in rows])


def figures(labels: np.ndarray, predicted: np.ndarray) -> dict[str, Any]:
    safety, private = labels == 0, labels == NONE
    return {
        "safety": _share(predicted[safety] == 0),
        "record": _share(predicted[~private] != NONE),
        "private_flagged": _share(predicted[private] != NONE),
        "other_as_safety": _share(predicted[~safety & ~private] == 0),
    }


def _share(hits: np.ndarray) -> tuple[int, int]:
    return int(hits.sum()), int(hits.size)


def _rate(pair: tuple[int, int]) -> float:
    return pair[0] / pair[1] if pair[1] else 1.0


def choose(rows: list[dict[str, str]], parts: Parts, label_set: LabelSet = MISPLACEMENT,
           ) -> dict[str, float]:
    """Thresholds for the shipped model: within the budgets on all out-of-fold sentences,
    the most record recall at (nearly) the most safety recall: pick()."""
    labels = truth(rows, label_set)
    rules_alone = decide_all(parts, len(rows), 2.0, 2.0, 2.0, 0.0)
    found_by_rules = (rules_alone != NONE) & (labels != NONE)
    private_budget = (_rate(figures(labels, rules_alone)["private_flagged"])
                      + PRIVATE_BUDGET_BEYOND_RULES)
    candidates: list[tuple[float, float, dict[str, float]]] = []
    for t_veto in VETO_GRID:
        for t_safety in GRID:
            for t_raise in (t for t in RAISE_GRID if t >= t_safety):
                for t_record in GRID:
                    predicted = decide_all(parts, len(rows), t_safety, t_record, t_raise,
                                           t_veto)
                    f = figures(labels, predicted)
                    lost = ((predicted == NONE) & found_by_rules).sum() / found_by_rules.sum()
                    if (_rate(f["private_flagged"]) > private_budget
                            or _rate(f["other_as_safety"]) > SAFETY_FALSE_BUDGET
                            or lost > VETO_RECORD_COST):
                        continue
                    candidates.append((_rate(f["safety"]), _rate(f["record"]),
                                       {"safety_threshold": float(t_safety),
                                        "record_threshold": float(t_record),
                                        "raise_threshold": float(t_raise),
                                        "veto_threshold": float(t_veto)}))
                    break  # a higher record threshold only finds less
    return pick(candidates)


def pick(candidates: list[tuple[float, float, dict[str, float]]]) -> dict[str, float]:
    """Of (safety recall, record recall, thresholds) within the budgets: the most record
    recall among those within SAFETY_TOLERANCE of the best safety recall, then the most
    safety; the first such in the search's order."""
    assert candidates, "no thresholds keep within the budgets"
    floor = max(safety for safety, _, _ in candidates) - SAFETY_TOLERANCE
    near = [c for c in candidates if c[0] >= floor - 1e-12]
    return max(near, key=lambda c: (c[1], c[0]))[2]


def per_file(rows: list[dict[str, str]], parts: Parts, thresholds: dict[str, float],
             label_set: LabelSet = MISPLACEMENT) -> dict[str, dict[str, Any]]:
    """Figures of each file (and of all together), rules alone and rules + model."""
    labels = truth(rows, label_set)
    both = decide_all(parts, len(rows), thresholds["safety_threshold"],
                      thresholds["record_threshold"], thresholds["raise_threshold"],
                      thresholds["veto_threshold"])
    alone = decide_all(parts, len(rows), 2.0, 2.0, 2.0, 0.0)
    files = np.array([r["file"] for r in rows])
    out = {}
    for name in [*dict.fromkeys(files), "all"]:
        keep = files == name if name != "all" else np.ones(len(rows), bool)
        out[name] = {"rules": figures(labels[keep], alone[keep]),
                     "rules+model": figures(labels[keep], both[keep])}
    return out


def render(table: dict[str, dict[str, Any]]) -> str:
    lines = [f"{'file':<19}{'linter':<13}{'safety':>16}{'record':>16}{'private flagged':>18}"]
    for name, kinds in table.items():
        for kind, f in kinds.items():
            cells = [f"{_rate(f[k]):6.1%} ({f[k][0]}/{f[k][1]})"
                     for k in ("safety", "record", "private_flagged")]
            lines.append(f"{name:<19}{kind:<13}{cells[0]:>16}{cells[1]:>16}{cells[2]:>18}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    from tests.linter.train_model import MISSED_WEIGHT, C, read_rows

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--label-set", default=MISPLACEMENT.name, choices=sorted(CORPORA))
    parser.add_argument("--C", type=float, default=C)
    parser.add_argument("--missed-weight", type=float, default=MISSED_WEIGHT)
    parser.add_argument("--cache", type=Path, help="keep the out-of-fold scores here (.npz)")
    args = parser.parse_args(argv)
    label_set, corpora = LABEL_SETS[args.label_set], CORPORA[args.label_set]
    rows = read_rows(corpora.tuned + corpora.extra, corpora)
    # The model's scores only are kept: the rules are run again (a rule change shows).
    scores = cached_out_of_file(rows, args.C, label_set, args.cache, args.missed_weight)
    parts = with_rules(rows, scores, label_set)
    thresholds = choose(rows, parts, label_set)
    print(json.dumps(thresholds))
    print(render(per_file(rows, parts, thresholds, label_set)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
