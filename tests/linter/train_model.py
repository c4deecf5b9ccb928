"""Train a label set's sentence model and write its weights (``sentence_model.npz``).

    .venv/bin/python tests/linter/train_model.py [--label-set NAME] [--no-extra] [--out PATH]

Trains three logistic regressions (scikit-learn and scipy, needed here only) over the hashed
features of ``margin.lint.model.features``: the label set's first category or not (safety;
its errors weigh double), any category or the clear label (record or private), and which
category; on the label set's tuned corpus files plus its extra files (sentences written for
training only), as listed in corpora.py. Its estimate files are NEVER read here.

Thresholds are calibrated on 5-fold cross-validation, on the model's own out-of-fold
probabilities for each sentence part (as the linter sees them): the lowest thresholds whose
model-alone false flags stay within budget. The rules were tuned on these very files, so a
calibration on "rules OR model" would see nothing left to gain and say nothing honest.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

if not __package__:  # run as a script (make eval): the repository root holds tests/
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from margin.lint.labelset import LABEL_SETS, MISPLACEMENT, LabelSet
from margin.lint.model import FORMAT_VERSION, SentenceModel, design, features
from margin.lint.sentences import SentenceSplitter
from tests.linter.corpora import CORPORA, Corpora

# The honest estimate of the misplacement label set: never trained or calibrated on.
NEVER = "heldout6.jsonl"
# Safety recall matters most: a missed safety sentence weighs double in training.
SAFETY_WEIGHT = {0: 1.0, 1: 2.0}
C_GRID = (10.0, 30.0)
# Budgets for the model alone on out-of-fold sentences: private sentences it flags, and
# non-safety sentences it calls safety (alarm fatigue: safety asks for acknowledgement).
PRIVATE_FLAG_BUDGET = 0.025
SAFETY_FALSE_BUDGET = 0.03
# Overruling a rule's category ("medication" to "safety") must be wrong at most this often.
RAISE_FALSE_BUDGET = 0.005
SEED = 8


def read_rows(names: tuple[str, ...], corpora: Corpora = CORPORA[MISPLACEMENT.name],
              ) -> list[dict[str, str]]:
    rows = []
    for name in names:
        if name == NEVER or name in corpora.estimate:
            raise ValueError(f"{name} is the honest estimate: never train or calibrate on it")
        for line in (corpora.directory / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                rows.append(json.loads(line) | {"file": name})
    return rows


def vocabulary(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Feature ids seen in training and their smoothed idf (as scikit-learn computes it)."""
    ids, df = np.unique(np.concatenate([features(t) for t in texts]), return_counts=True)
    return ids.astype(np.int64), np.log((1 + len(texts)) / (1 + df)) + 1.0


def matrix(texts: list[str], buckets: np.ndarray, idf: np.ndarray) -> Any:
    """The very matrix SentenceModel.scores multiplies (the same design() function)."""
    from scipy.sparse import csr_matrix  # training only, like scikit-learn

    d = design(texts, buckets, idf)
    return csr_matrix((d.values, (d.rows, d.slots)), shape=(d.count, len(buckets)))


def fit(texts: list[str], labels: list[str], c: float,
        label_set: LabelSet = MISPLACEMENT) -> SentenceModel:
    """The three heads, thresholds left at 1.0 (set by calibrate())."""
    from sklearn.linear_model import LogisticRegression
    top, categories = _heads(label_set)
    buckets, idf = vocabulary(texts)
    x = matrix(texts, buckets, idf)
    y = np.array(labels)
    safety = LogisticRegression(C=c, max_iter=3000, class_weight=SAFETY_WEIGHT)
    safety.fit(x, (y == top).astype(int))
    record = LogisticRegression(C=c, max_iter=3000).fit(
        x, (y != label_set.clear_label).astype(int))
    rest = np.isin(y, categories)
    category = LogisticRegression(C=c, max_iter=3000).fit(x[rest], y[rest])
    order = [list(category.classes_).index(name) for name in categories]
    weights = np.hstack([safety.coef_.T, record.coef_.T, category.coef_[order].T])
    bias = np.concatenate([safety.intercept_, record.intercept_, category.intercept_[order]])
    # float16 keeps the file small; the tests compare it with scikit-learn's own output.
    return SentenceModel(categories, buckets, idf.astype(np.float16).astype(np.float64),
                         weights.astype(np.float16).astype(np.float32),
                         bias.astype(np.float32), 1.0, 1.0, top)


def _heads(label_set: LabelSet) -> tuple[str, tuple[str, ...]]:
    """The first category (its own head) and the others (the category head)."""
    order = label_set.load_lexicon().order
    return order[0], tuple(order[1:])


def parts_of(text: str, splitter: SentenceSplitter) -> list[str]:
    return [text[s:e] for s, e in splitter.spans(text)] or [text]


def out_of_fold(rows: list[dict[str, str]], splitter: SentenceSplitter, c: float,
                label_set: LabelSet) -> tuple[np.ndarray, np.ndarray]:
    """Per sentence, the highest P(safety) and P(record) over its parts, from a model that
    never saw it (5 folds, stratified by label)."""
    from sklearn.model_selection import StratifiedKFold

    texts, labels = [r["text"] for r in rows], [r["label"] for r in rows]
    safety, record = np.zeros(len(rows)), np.zeros(len(rows))
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    for train, test in folds.split(texts, labels):
        model = fit([texts[i] for i in train], [labels[i] for i in train], c, label_set)
        for i in test:
            scores = model.scores(parts_of(texts[i], splitter))
            safety[i], record[i] = scores[:, 0].max(), scores[:, 1].max()
    return safety, record


def calibrate(rows: list[dict[str, str]], safety: np.ndarray, record: np.ndarray,
              label_set: LabelSet) -> dict[str, float]:
    """The lowest thresholds whose out-of-fold flags stay within the budgets."""
    labels = np.array([r["label"] for r in rows])
    top = label_set.load_lexicon().order[0]
    private, is_safety = labels == label_set.clear_label, labels == top
    other = ~is_safety & ~private
    # 1.0 (a probability never reaches it) when no threshold keeps within the budget.
    grid = [*np.round(np.arange(0.05, 1.0, 0.01), 2), 0.995, 0.999]
    t_safety = next((t for t in grid if (safety[private] >= t).mean() <= PRIVATE_FLAG_BUDGET
                     and (safety[other] >= t).mean() <= SAFETY_FALSE_BUDGET), 1.0)
    flags = safety >= t_safety
    t_raise = next((t for t in grid if t >= t_safety
                    and (safety[other] >= t).mean() <= RAISE_FALSE_BUDGET), 1.0)
    t_record = next((t for t in grid
                     if ((record >= t) | flags)[private].mean() <= PRIVATE_FLAG_BUDGET), 1.0)
    flagged = (record >= t_record) | flags
    return {
        "safety_threshold": float(t_safety), "record_threshold": float(t_record),
        "raise_threshold": float(t_raise),
        "cv_safety_recall": round(float(flags[is_safety].mean()), 3),
        "cv_record_recall": round(float(flagged[~private].mean()), 3),
        "cv_private_flagged": round(float(flagged[private].mean()), 3),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--label-set", default=MISPLACEMENT.name, choices=sorted(CORPORA))
    parser.add_argument("--no-extra", action="store_true", help="leave out the extra files")
    parser.add_argument("--out", type=Path, help="where to write (default: the label set's)")
    args = parser.parse_args(argv)
    label_set, corpora = LABEL_SETS[args.label_set], CORPORA[args.label_set]
    assert label_set.model_file is not None, "this label set runs its rules alone"
    names = corpora.tuned + (() if args.no_extra else corpora.extra)
    rows = read_rows(names, corpora)
    splitter = SentenceSplitter(label_set.load_lexicon().abbreviations)
    best: dict[str, float] | None = None
    for c in C_GRID:
        oof = out_of_fold(rows, splitter, c, label_set)
        figures = calibrate(rows, *oof, label_set) | {"C": c}
        print(json.dumps(figures))
        key = (figures["cv_safety_recall"] + figures["cv_record_recall"])
        if best is None or key > best["cv_safety_recall"] + best["cv_record_recall"]:
            best = figures
    assert best is not None
    final = fit([r["text"] for r in rows], [r["label"] for r in rows], best["C"], label_set)
    model = replace(final, safety_threshold=best["safety_threshold"],
                    record_threshold=best["record_threshold"],
                    raise_threshold=best["raise_threshold"])
    trained_on = {name: sum(r["file"] == name for r in rows) for name in names}
    out = args.out or label_set.folder() / label_set.model_file
    np.savez_compressed(
        out, format_version=FORMAT_VERSION, categories=np.array(model.categories),
        top=np.array(model.top),
        buckets=model.buckets.astype(np.int32), idf=model.idf.astype(np.float16),
        weights=model.weights.astype(np.float16),
        bias=model.bias, safety_threshold=model.safety_threshold,
        record_threshold=model.record_threshold, raise_threshold=model.raise_threshold,
        about=json.dumps({"trained_on": trained_on, "calibration": best}))
    print(f"chose {json.dumps(best)}; {len(model.buckets)} weighted features; "
          f"trained on {trained_on}; wrote {out.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
