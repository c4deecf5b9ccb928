"""Cross-validation by files left out (crossval.py): no file is ever scored by a model that
was trained on any of its sentences, and a file's group does not move when files are added."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from tests.linter import crossval, train_model


def test_a_files_group_depends_on_its_name_alone() -> None:
    names = [f"batch{i}.jsonl" for i in range(60)]
    groups = [crossval.fold_of(name) for name in names]
    assert set(groups) == set(range(crossval.FOLDS))  # sixty files fill every group
    assert [crossval.fold_of(name) for name in names] == groups


def test_no_file_is_scored_by_a_model_trained_on_it(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [{"file": f"batch{i}.jsonl", "text": f"Sentence {j} of batch {i}.",
             "label": "private"}
            for i in range(12) for j in range(2)]
    trained_on: list[set[str]] = []

    class Scorer:
        def __init__(self, texts: list[str]) -> None:
            trained_on.append({t.split("batch ")[1].rstrip(".") for t in texts})

        def scores(self, parts: list[str]) -> np.ndarray:
            batches = {p.split("batch ")[1].rstrip(".") for p in parts}
            assert not batches & trained_on[-1], "scored with a model trained on its own file"
            return np.zeros((len(parts), 12))

    def fake_fit(texts: list[str], *args: Any, **kwargs: Any) -> Scorer:
        return Scorer(texts)

    monkeypatch.setattr(train_model, "fit", fake_fit)
    scores = crossval.out_of_file(rows, 10.0)
    assert scores.shape[0] == len(rows)
    assert len(trained_on) == len({crossval.fold_of(r["file"]) for r in rows})


def test_the_search_gives_a_hair_of_safety_recall_for_record_recall_and_no_more() -> None:
    """pick(): the best record recall among thresholds within SAFETY_TOLERANCE of the best
    safety recall; a larger loss of safety is never traded, whatever it buys."""
    tolerance = crossval.SAFETY_TOLERANCE

    def option(name: str) -> dict[str, float]:
        return {"record_threshold": float(len(name))}

    best_safety = (0.98, 0.960, option("a"))
    near = (0.98 - tolerance / 2, 0.974, option("bb"))
    far = (0.98 - tolerance * 2, 0.990, option("ccc"))
    assert crossval.pick([best_safety, near, far]) == option("bb")
    assert crossval.pick([best_safety, far]) == option("a")
    # At equal record recall, the more safety.
    assert crossval.pick([near, (0.98, 0.974, option("dddd"))]) == option("dddd")


def test_fit_stores_small_weights_as_exact_zeros() -> None:
    """Magnitude pruning (train_model.PRUNE): what keeps the shipped file under 2 MB. The
    scores stay close to the unpruned model's (the tiny-retrain test in test_model.py holds
    them to scikit-learn's own)."""
    pytest.importorskip("sklearn")
    rows = train_model.read_rows(("main.jsonl",))
    model = train_model.fit([r["text"] for r in rows], [r["label"] for r in rows], 10.0)
    kept = model.weights[model.weights != 0]
    assert kept.size and np.abs(kept).min() >= np.float16(train_model.PRUNE)
    assert (model.weights == 0).mean() > 0.2  # many are pruned
