"""Train the over-sharing check's sentence model and write its weights.

    .venv/bin/python tests/oversharing/train_model.py [--out PATH]

Two logistic regressions (scikit-learn and scipy, needed here only) over the hashed features
of ``margin.lint.model.features``: over-sharing or not (record and safety sentences are
"not"; safety weighs triple), and which category. Trained on main.jsonl and holdout1.jsonl;
holdout2.jsonl is NEVER read here: it is the honest estimate.

The threshold is calibrated on 5-fold cross-validation, on the model's own out-of-fold
probabilities with the safety floor applied (as the check runs it): the lowest threshold
whose added flags stay within the record budget and flag no safety sentence.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

from margin.lint.model import design, features
from margin.oversharing import CATEGORIES, OversharingCheck
from margin.oversharing.engine import MODEL_MIN_WORDS, WORD
from margin.oversharing.model import FORMAT_VERSION, MODEL_FILE, OversharingModel
from margin.oversharing.rules import rules_dir

CORPUS = Path(__file__).resolve().parent / "corpus"
TRAIN_FILES = ("main.jsonl", "holdout1.jsonl", "train_extra.jsonl")
NEVER = "holdout2.jsonl"
RECORD_BUDGET = 0.025  # record sentences the model alone may flag, out of fold
C = 10.0
SEED = 21


def read_rows() -> list[dict[str, str]]:
    rows = []
    for name in TRAIN_FILES:
        assert name != NEVER, f"{NEVER} is the honest estimate: never train on it"
        rows += [json.loads(line) for line in (CORPUS / name).read_text().splitlines() if line]
    return rows


def fit(texts: list[str], labels: list[str]) -> OversharingModel:
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    ids, df = np.unique(np.concatenate([features(t) for t in texts]), return_counts=True)
    buckets = ids.astype(np.int64)
    idf = np.log((1 + len(texts)) / (1 + df)) + 1.0
    d = design(texts, buckets, idf)
    x = csr_matrix((d.values, (d.rows, d.slots)), shape=(d.count, len(buckets)))
    y = np.array(labels)
    over = np.isin(y, CATEGORIES)
    weight = np.where(y == "safety", 3.0, 1.0)
    binary = LogisticRegression(C=C, max_iter=3000).fit(x, over.astype(int), sample_weight=weight)
    category = LogisticRegression(C=C, max_iter=3000).fit(x[over], y[over])
    order = [list(category.classes_).index(name) for name in CATEGORIES]
    weights = np.hstack([binary.coef_.T, category.coef_[order].T])
    bias = np.concatenate([binary.intercept_, category.intercept_[order]])
    return OversharingModel(CATEGORIES, buckets, idf.astype(np.float16).astype(np.float64),
                            weights.astype(np.float16).astype(np.float32),
                            bias.astype(np.float32), 1.0)


def calibrate(rows: list[dict[str, str]]) -> dict[str, Any]:
    from sklearn.model_selection import StratifiedKFold

    check = OversharingCheck(use_model=False)
    texts, labels = [r["text"] for r in rows], [r["label"] for r in rows]
    p_over = np.zeros(len(rows))
    for train, test in StratifiedKFold(5, shuffle=True, random_state=SEED).split(texts, labels):
        model = fit([texts[i] for i in train], [labels[i] for i in train])
        for i in test:
            p_over[i] = model.scores([texts[i]])[0, 0]
    # The check asks the model about parts of MODEL_MIN_WORDS words or more only.
    p_over[[len(WORD.findall(t)) < MODEL_MIN_WORDS for t in texts]] = 0.0
    y = np.array(labels)
    ruled = np.array([bool(check.check(t)) for t in texts])
    safe = np.array([check.is_safety(t, 0, len(t)) for t in texts])
    grid = np.round(np.arange(0.30, 1.0, 0.01), 2)
    threshold = next(t for t in grid
                     if (p_over[y == "record"] >= t).mean() <= RECORD_BUDGET
                     and not ((p_over >= t) & ~safe & (y == "safety")).any())
    flagged = ruled | ((p_over >= threshold) & ~safe)
    over = np.isin(y, CATEGORIES)
    return {"threshold": float(threshold),
            "cv_over_recall": round(float(flagged[over].mean()), 3),
            "cv_record_flagged": round(float(flagged[y == "record"].mean()), 3),
            "cv_model_alone_recall": round(float((p_over >= threshold)[over].mean()), 3)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=rules_dir() / MODEL_FILE)
    args = parser.parse_args(argv)
    rows = read_rows()
    calibration = calibrate(rows)
    model = fit([r["text"] for r in rows], [r["label"] for r in rows])
    about = {"trained_on": list(TRAIN_FILES), "never": NEVER, "rows": len(rows), "C": C,
             **calibration}
    np.savez_compressed(args.out, format_version=np.int64(FORMAT_VERSION),
                        categories=np.array(CATEGORIES), buckets=model.buckets,
                        idf=model.idf.astype(np.float16), weights=model.weights.astype(np.float16),
                        bias=model.bias, threshold=np.float64(calibration["threshold"]),
                        about=np.array(json.dumps(about)))
    print(json.dumps(about, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
