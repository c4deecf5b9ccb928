"""Train the linter's sentence model and write its weights (``sentence_model.npz``).

    .venv/bin/python tests/linter/train_model.py [--no-extra] [--out PATH]

Trains three logistic regressions (scikit-learn and scipy, needed here only) over the hashed
features of ``margin.lint.model.features``: safety or not (safety errors weigh double),
record or private, and which record category; on main, heldout, heldout2 and heldout3 plus
``train_extra.jsonl`` (augmentation sentences written for training only).
heldout4.jsonl is NEVER read here: it is the honest estimate.

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

from margin.lint.lexicon import lexicon_dir, load_lexicon
from margin.lint.model import FORMAT_VERSION, MODEL_FILE, SentenceModel, design, features
from margin.lint.sentences import SentenceSplitter

CORPUS = Path(__file__).resolve().parent / "corpus"
TRAIN_FILES = ("main.jsonl", "heldout.jsonl", "heldout2.jsonl", "heldout3.jsonl")
EXTRA_FILE = "train_extra.jsonl"
NEVER = "heldout4.jsonl"
CATEGORIES = ("medication", "test_results", "diagnosis", "prognosis", "progress",
              "treatment_plan", "session_times", "functional_status", "symptoms",
              "modality_frequency")
# Safety recall matters most: a missed safety sentence weighs double in training.
SAFETY_WEIGHT = {0: 1.0, 1: 2.0}
C_GRID = (10.0, 30.0)
# Budgets for the model alone on out-of-fold sentences: private sentences it flags, and
# non-safety sentences it calls safety (alarm fatigue: safety asks for acknowledgement).
PRIVATE_FLAG_BUDGET = 0.025
SAFETY_FALSE_BUDGET = 0.03
SEED = 8


def read_rows(names: tuple[str, ...]) -> list[dict[str, str]]:
    rows = []
    for name in names:
        if name == NEVER:
            raise ValueError(f"{NEVER} is the honest estimate: never train or calibrate on it")
        for line in (CORPUS / name).read_text(encoding="utf-8").splitlines():
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


def fit(texts: list[str], labels: list[str], c: float) -> SentenceModel:
    """The three heads, thresholds left at 1.0 (set by calibrate())."""
    from sklearn.linear_model import LogisticRegression
    buckets, idf = vocabulary(texts)
    x = matrix(texts, buckets, idf)
    y = np.array(labels)
    safety = LogisticRegression(C=c, max_iter=3000, class_weight=SAFETY_WEIGHT)
    safety.fit(x, (y == "safety").astype(int))
    record = LogisticRegression(C=c, max_iter=3000).fit(x, (y != "private").astype(int))
    rest = np.isin(y, CATEGORIES)
    category = LogisticRegression(C=c, max_iter=3000).fit(x[rest], y[rest])
    order = [list(category.classes_).index(name) for name in CATEGORIES]
    weights = np.hstack([safety.coef_.T, record.coef_.T, category.coef_[order].T])
    bias = np.concatenate([safety.intercept_, record.intercept_, category.intercept_[order]])
    # float16 keeps the file small; the tests compare it with scikit-learn's own output.
    return SentenceModel(CATEGORIES, buckets, idf.astype(np.float16).astype(np.float64),
                         weights.astype(np.float16).astype(np.float32),
                         bias.astype(np.float32), 1.0, 1.0)


def parts_of(text: str, splitter: SentenceSplitter) -> list[str]:
    return [text[s:e] for s, e in splitter.spans(text)] or [text]


def out_of_fold(rows: list[dict[str, str]], splitter: SentenceSplitter, c: float,
                ) -> tuple[np.ndarray, np.ndarray]:
    """Per sentence, the highest P(safety) and P(record) over its parts, from a model that
    never saw it (5 folds, stratified by label)."""
    from sklearn.model_selection import StratifiedKFold

    texts, labels = [r["text"] for r in rows], [r["label"] for r in rows]
    safety, record = np.zeros(len(rows)), np.zeros(len(rows))
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    for train, test in folds.split(texts, labels):
        model = fit([texts[i] for i in train], [labels[i] for i in train], c)
        for i in test:
            scores = model.scores(parts_of(texts[i], splitter))
            safety[i], record[i] = scores[:, 0].max(), scores[:, 1].max()
    return safety, record


def calibrate(rows: list[dict[str, str]], safety: np.ndarray, record: np.ndarray,
              ) -> dict[str, float]:
    """The lowest thresholds whose out-of-fold flags stay within the budgets."""
    labels = np.array([r["label"] for r in rows])
    private, is_safety = labels == "private", labels == "safety"
    other = ~is_safety & ~private
    grid = np.round(np.arange(0.05, 1.0, 0.01), 2)
    t_safety = next(t for t in grid if (safety[private] >= t).mean() <= PRIVATE_FLAG_BUDGET
                    and (safety[other] >= t).mean() <= SAFETY_FALSE_BUDGET)
    flags = safety >= t_safety
    t_record = next(t for t in grid
                    if ((record >= t) | flags)[private].mean() <= PRIVATE_FLAG_BUDGET)
    flagged = (record >= t_record) | flags
    return {
        "safety_threshold": float(t_safety), "record_threshold": float(t_record),
        "cv_safety_recall": round(float(flags[is_safety].mean()), 3),
        "cv_record_recall": round(float(flagged[~private].mean()), 3),
        "cv_private_flagged": round(float(flagged[private].mean()), 3),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-extra", action="store_true", help=f"leave out {EXTRA_FILE}")
    parser.add_argument("--out", type=Path, default=lexicon_dir() / MODEL_FILE)
    args = parser.parse_args(argv)
    names = TRAIN_FILES + (() if args.no_extra else (EXTRA_FILE,))
    rows = read_rows(names)
    splitter = SentenceSplitter(load_lexicon().abbreviations)
    best: dict[str, float] | None = None
    for c in C_GRID:
        figures = calibrate(rows, *out_of_fold(rows, splitter, c)) | {"C": c}
        print(json.dumps(figures))
        key = (figures["cv_safety_recall"] + figures["cv_record_recall"])
        if best is None or key > best["cv_safety_recall"] + best["cv_record_recall"]:
            best = figures
    assert best is not None
    final = fit([r["text"] for r in rows], [r["label"] for r in rows], best["C"])
    model = replace(final, safety_threshold=best["safety_threshold"],
                    record_threshold=best["record_threshold"])
    trained_on = {name: sum(r["file"] == name for r in rows) for name in names}
    np.savez_compressed(
        args.out, format_version=FORMAT_VERSION, categories=np.array(CATEGORIES),
        buckets=model.buckets.astype(np.int32), idf=model.idf.astype(np.float16),
        weights=model.weights.astype(np.float16),
        bias=model.bias, safety_threshold=model.safety_threshold,
        record_threshold=model.record_threshold,
        about=json.dumps({"trained_on": trained_on, "calibration": best}))
    print(f"chose {json.dumps(best)}; {len(model.buckets)} weighted features; "
          f"trained on {trained_on}; wrote {args.out.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
