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
