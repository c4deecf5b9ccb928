"""Train the over-sharing check's sentence model and write its weights.

    .venv/bin/python tests/oversharing/train_model.py [--out PATH]

Three logistic regressions (scikit-learn and scipy, needed here only) over the hashed
features of ``margin.lint.model.features``:
- over-sharing or not (record and safety sentences are "not"; safety weighs triple), on the
  over-sharing corpus (main, holdout1, train_extra, train_more, train_more2, check4, check5;
  holdout2.jsonl to holdout5.jsonl are NEVER read here: they are the honest
  estimates);
- safety or not, on the same rows plus the misplacement linter's corpora (its held-out
  batches heldout7 to heldout14 left out), so that risk is learnt from many wordings and narrative
  and quotation are learnt as "not";
- which category, on the over-sharing rows.

Thresholds come from 5-fold cross-validation on the over-sharing rows (out-of-fold
probabilities): the safety head's, the lowest that vetoes at most 4% of over-sharing
sentences; the over-sharing head's, the lowest whose added flags stay within the record
budget and flag no safety sentence the whole floor lets through.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

from margin.lint.model import design, features
from margin.oversharing import CATEGORIES
from margin.oversharing.engine import MODEL_MIN_WORDS, WORD, OversharingCheck
from margin.oversharing.model import FORMAT_VERSION, MODEL_FILE, OversharingModel
from margin.oversharing.rules import rules_dir

CORPUS = Path(__file__).resolve().parent / "corpus"
LINTER_CORPUS = CORPUS.parents[1] / "linter" / "corpus"
TRAIN_FILES = ("main.jsonl", "holdout1.jsonl", "train_extra.jsonl", "train_more.jsonl",
               "train_more2.jsonl", "check4.jsonl", "check5.jsonl")
# Every linter file but its held-out batches of the last rounds (tests/linter/corpora.py).
LINTER_FILES = ("main.jsonl", "heldout.jsonl", "heldout2.jsonl", "heldout3.jsonl",
                "heldout4.jsonl", "heldout5.jsonl", "heldout6.jsonl", "train_extra.jsonl",
                "published.jsonl", "train_more.jsonl", "train_more2.jsonl")
LINTER_NEVER = ("heldout7.jsonl", "heldout8.jsonl", "heldout9.jsonl", "heldout10.jsonl",
                "heldout11.jsonl", "heldout12.jsonl", "heldout13.jsonl",
                "heldout14.jsonl", "heldout15.jsonl", "heldout16.jsonl",
                "heldout17.jsonl", "heldout18.jsonl", "train_more5.jsonl",
                "train_more6.jsonl", "heldout19.jsonl")
# The honest estimates.
NEVER = ("holdout2.jsonl", "holdout3.jsonl", "holdout4.jsonl", "holdout5.jsonl")
RECORD_BUDGET = 0.015  # record sentences the model alone may flag, out of fold
VETO_BUDGET = 0.04  # over-sharing sentences the safety head may veto, out of fold
C = 10.0
SEED = 21


def read_rows(folder: Path, names: tuple[str, ...]) -> list[dict[str, str]]:
    rows = []
    for name in names:
        assert not (folder == CORPUS and name in NEVER), f"{name} is an honest estimate"
        assert not (folder == LINTER_CORPUS and name in LINTER_NEVER), f"{name} is the linter's"
        rows += [json.loads(line) for line in (folder / name).read_text().splitlines() if line]
    return rows


def fit(rows: list[dict[str, str]], extra_safety: list[dict[str, str]]) -> OversharingModel:
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    texts = [r["text"] for r in rows] + [r["text"] for r in extra_safety]
    ids, df = np.unique(np.concatenate([features(t) for t in texts]), return_counts=True)
    buckets = ids.astype(np.int64)
    idf = np.log((1 + len(texts)) / (1 + df)) + 1.0
    d = design(texts, buckets, idf)
    x = csr_matrix((d.values, (d.rows, d.slots)), shape=(d.count, len(buckets)))
    own = x[:len(rows)]
    y = np.array([r["label"] for r in rows])
    over = np.isin(y, CATEGORIES)
    binary = LogisticRegression(C=C, max_iter=3000).fit(
        own, over.astype(int), sample_weight=np.where(y == "safety", 3.0, 1.0))
    risky = np.array([r["label"] == "safety" for r in rows + extra_safety]).astype(int)
    safety = LogisticRegression(C=C, max_iter=3000).fit(x, risky)
    category = LogisticRegression(C=C, max_iter=3000).fit(own[over], y[over])
    order = [list(category.classes_).index(name) for name in CATEGORIES]
    weights = np.hstack([binary.coef_.T, safety.coef_.T, category.coef_[order].T])
    bias = np.concatenate([binary.intercept_, safety.intercept_, category.intercept_[order]])
    return OversharingModel(CATEGORIES, buckets, idf.astype(np.float16).astype(np.float64),
                            weights.astype(np.float16).astype(np.float32),
                            bias.astype(np.float32), 1.0, 1.0)


def calibrate(rows: list[dict[str, str]], extra: list[dict[str, str]]) -> dict[str, Any]:
    from sklearn.model_selection import StratifiedKFold

    check = OversharingCheck(use_model=False)
    texts, labels = [r["text"] for r in rows], [r["label"] for r in rows]
    p_over, p_safe = np.zeros(len(rows)), np.zeros(len(rows))
    for train, test in StratifiedKFold(5, shuffle=True, random_state=SEED).split(texts, labels):
        model = fit([rows[i] for i in train], extra)
        scores = model.scores([texts[i] for i in test])
        p_over[test], p_safe[test] = scores[:, 0], scores[:, 1]
    # The check asks the model to flag parts of MODEL_MIN_WORDS words or more only.
    p_over[[len(WORD.findall(t)) < MODEL_MIN_WORDS for t in texts]] = 0.0
    y = np.array(labels)
    over = np.isin(y, CATEGORIES)
    grid = np.round(np.arange(0.30, 1.0, 0.01), 2)
    t_safe = next(t for t in grid if (p_safe[over] >= t).mean() <= VETO_BUDGET)
    ruled = np.array([bool(check.check(t)) for t in texts])
    floor = np.array([check.is_safety(t, 0, len(t)) for t in texts]) | (p_safe >= t_safe)
    t_over = next(t for t in grid
                  if (p_over[y == "record"] >= t).mean() <= RECORD_BUDGET
                  and not ((p_over >= t) & ~floor & (y == "safety")).any())
    flagged = (ruled | (p_over >= t_over)) & ~floor
    return {"threshold": float(t_over), "safety_threshold": float(t_safe),
            "cv_over_recall": round(float(flagged[over].mean()), 3),
            "cv_record_flagged": round(float(flagged[y == "record"].mean()), 3),
            "cv_safety_flagged": int(flagged[y == "safety"].sum()),
            "cv_safety_head_recall": round(float((p_safe >= t_safe)[y == "safety"].mean()), 3)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=rules_dir() / MODEL_FILE)
    args = parser.parse_args(argv)
    rows = read_rows(CORPUS, TRAIN_FILES)
    extra = read_rows(LINTER_CORPUS, LINTER_FILES)
    calibration = calibrate(rows, extra)
    model = fit(rows, extra)
    about = {"trained_on": list(TRAIN_FILES), "safety_also_on": ["tests/linter/corpus/" + n
                                                                 for n in LINTER_FILES],
             "never": NEVER, "rows": len(rows), "C": C, **calibration}
    np.savez_compressed(args.out, format_version=np.int64(FORMAT_VERSION),
                        categories=np.array(CATEGORIES), buckets=model.buckets,
                        idf=model.idf.astype(np.float16), weights=model.weights.astype(np.float16),
                        bias=model.bias, threshold=np.float64(calibration["threshold"]),
                        safety_threshold=np.float64(calibration["safety_threshold"]),
                        about=np.array(json.dumps(about)))
    print(json.dumps(about, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
