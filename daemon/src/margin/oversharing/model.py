"""The over-sharing check's second net: a small linear model over word and character n-grams.

The rules name phrases; clinicians over-share in words no list holds. This model reads the
wording instead, with the very features of the misplacement linter's model
(``margin.lint.model.features``): one logistic regression says whether a sentence part
over-shares, a second whether it carries risk (a net of the safety floor, trained on this
corpus and the linter's, so that narrative and quotation are not mistaken for risk), a
third which category it is. Trained by ``tests/oversharing/train_model.py``
on the over-sharing corpus (never on the last held-out batch), shipped as data
(``shared_schema/oversharing/sentence_model.npz``); numpy only at run time.

It only ever adds a finding where no rule fired, when it is confident (its threshold was
calibrated on cross-validation), and the safety floor still applies to what it adds; its
safety head only ever vetoes a finding, never makes one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from margin.errors import OversharingRulesMissing
from margin.lint.model import WEIGHTS_DAMAGED, LinearHeads, linear_fields, read_weights

MODEL_FILE = "sentence_model.npz"
FORMAT_VERSION = 2


@dataclass(frozen=True)
class OversharingModel(LinearHeads):
    categories: tuple[str, ...]
    buckets: npt.NDArray[np.int64]  # sorted feature ids that have a weight row
    idf: npt.NDArray[np.float64]
    weights: npt.NDArray[np.float32]  # (len(buckets), 2 + len(categories))
    bias: npt.NDArray[np.float32]
    threshold: float  # P(over-sharing) at or above this flags the part
    safety_threshold: float  # P(safety) at or above this keeps the sentence from any flag

    def scores(self, parts: Iterable[str]) -> npt.NDArray[np.float64]:
        """Per part: P(over-sharing), P(safety), then one score per category (higher wins)."""
        out = self.linear(parts)
        out[:, :2] = 1.0 / (1.0 + np.exp(-out[:, :2]))
        return out

    def decide(self, row: npt.NDArray[np.float64]) -> str | None:
        if row[0] < self.threshold:
            return None
        return self.categories[int(np.argmax(row[2:]))]

    def safety_scores(self, parts: Iterable[str]) -> npt.NDArray[np.float64]:
        """P(safety) of each part."""
        return self.scores(parts)[:, 1]

    def is_safety(self, part: str) -> bool:
        return bool(self.safety_scores([part])[0] >= self.safety_threshold)


def load_model(directory: Path) -> OversharingModel:
    """Read the shipped weights; a missing or damaged file is the same error as the rules."""
    try:
        data = read_weights(directory / MODEL_FILE, FORMAT_VERSION)
        return OversharingModel(**linear_fields(data), threshold=float(data["threshold"]),
                                safety_threshold=float(data["safety_threshold"]))
    except WEIGHTS_DAMAGED as exc:
        raise OversharingRulesMissing() from exc
