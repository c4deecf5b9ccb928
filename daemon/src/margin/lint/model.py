"""The linter's second net: a small linear model over word and character n-grams.

The rules catch what their terms name; clinicians say the same things in words no list
holds ("checking out", "six feet under", a misspelled "sucidal"). This model reads the
wording instead: a multinomial logistic regression over hashed word unigrams and bigrams
and character 3-5-grams inside words, trained by ``tests/linter/train_model.py`` on the
labeled corpora and shipped as data (``shared_schema/lexicon/sentence_model.npz``).

It only ever adds: a sentence part is flagged when the rules flag it OR the model is
confident (its thresholds were calibrated on cross-validation), and a part the rules flag
with another category becomes safety only when the model is confident of safety. Safety
recall never depends on the model alone; the rules stay as they are.

Features are computed here and by the training script with the same function, so the
hashing (CRC-32, stable across processes and platforms) cannot drift between the two.
Inference is numpy only: scikit-learn is needed to train, never to run.
"""

from __future__ import annotations

import itertools
import re
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from margin.errors import LintRulesMissing

MODEL_FILE = "sentence_model.npz"
FORMAT_VERSION = 2
HALF = 1 << 19  # word features hash below HALF, character features at or above it
_DIGIT = re.compile(r"\d")
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_SPACES = re.compile(r"\s+")
# Namespaces keep a word, a word pair and a character n-gram with the same bytes apart.
_SEED_WORD, _SEED_PAIR, _SEED_CHARS = 1, 2, 3


def features(text: str) -> list[int]:
    """Sorted, distinct hashed feature ids of one sentence part.

    Lowercased, digits folded to 0 ("20 mg" and "50 mg" are one pattern), curly
    apostrophes made straight. Two blocks, normalized apart: words and word pairs, and
    character 3-5-grams of the whole part (across word ends, so "sucidal" still shares
    most grams with "suicidal" and "checking out" is one unit).
    """
    norm = _DIGIT.sub("0", text.lower().replace("\u2019", "'"))
    words = [w.encode() for w in _TOKEN.findall(norm)]
    ids = {zlib.crc32(w, _SEED_WORD) % HALF for w in words}
    ids.update(zlib.crc32(a + b" " + b, _SEED_PAIR) % HALF
               for a, b in itertools.pairwise(words))
    chars = b" " + _SPACES.sub(" ", norm).strip().encode() + b" "
    for n in (3, 4, 5):
        ids.update(HALF + zlib.crc32(chars[i:i + n], _SEED_CHARS + n) % HALF
                   for i in range(len(chars) - n + 1))
    return sorted(ids)


@dataclass(frozen=True)
class Design:
    """The sparse feature matrix of some parts: (row, weight slot, value) triples."""

    count: int
    rows: npt.NDArray[np.int64]
    slots: npt.NDArray[np.int64]
    values: npt.NDArray[np.float64]


def design(parts: Iterable[str], buckets: npt.NDArray[np.int64],
           idf: npt.NDArray[np.float64]) -> Design:
    """Known features only, idf-weighted, each block of each part L2-normalized (what
    scikit-learn's TfidfVectorizer does with a fixed vocabulary, binary counts)."""
    rows: list[int] = []
    cols: list[int] = []
    count = 0
    for part in parts:
        ids = features(part)
        rows += [count] * len(ids)
        cols += ids
        count += 1
    row_ids = np.asarray(rows, dtype=np.int64)
    col_ids = np.asarray(cols, dtype=np.int64)
    slot = np.searchsorted(buckets, col_ids)
    slot[slot == len(buckets)] = 0
    known = buckets[slot] == col_ids if len(buckets) else np.zeros(len(col_ids), bool)
    row_ids, slot, col_ids = row_ids[known], slot[known], col_ids[known]
    values = idf[slot]
    block = row_ids * 2 + (col_ids >= HALF)
    norms = np.sqrt(np.bincount(block, weights=values * values, minlength=count * 2))
    return Design(count, row_ids, slot, values / norms[block])


def linear_scores(parts: Iterable[str], buckets: npt.NDArray[np.int64],
                  idf: npt.NDArray[np.float64], weights: npt.NDArray[np.float32],
                  bias: npt.NDArray[np.float32]) -> npt.NDArray[np.float64]:
    """Bias plus the weighted features of each part: one row per part, one column per output
    (the over-sharing check's model uses it too)."""
    matrix = design(parts, buckets, idf)
    out = np.tile(bias.astype(np.float64), (matrix.count, 1))
    np.add.at(out, matrix.rows, weights[matrix.slots].astype(np.float64) * matrix.values[:, None])
    return out


@dataclass(frozen=True)
class SentenceModel:
    """Weights of the features seen in training (others weigh nothing), and thresholds.

    Three heads share the features: safety or not, record content or private, and which
    record category (for a part no rule flagged)."""

    categories: tuple[str, ...]
    buckets: npt.NDArray[np.int64]  # sorted feature ids that have a weight row
    idf: npt.NDArray[np.float64]
    weights: npt.NDArray[np.float32]  # (len(buckets), 2 + len(categories))
    bias: npt.NDArray[np.float32]
    safety_threshold: float  # P(safety) at or above this flags safety
    record_threshold: float  # P(record) at or above this flags record content

    def scores(self, parts: Iterable[str]) -> npt.NDArray[np.float64]:
        """Per part: P(safety), P(record), then one score per category (higher wins)."""
        out = linear_scores(parts, self.buckets, self.idf, self.weights, self.bias)
        out[:, :2] = 1.0 / (1.0 + np.exp(-out[:, :2]))
        return out

    def decide(self, row: npt.NDArray[np.float64], rule_category: str | None) -> str | None:
        """The category the model adds for one part, or None when the rules' call stands."""
        if rule_category != "safety" and row[0] >= self.safety_threshold:
            return "safety"
        if rule_category is None and row[1] >= self.record_threshold:
            return self.categories[int(np.argmax(row[2:]))]
        return None


def read_weights(path: Path, version: int) -> dict[str, npt.NDArray[Any]]:
    """The arrays of a shipped weights file (this model's, or the over-sharing check's).
    Raises ValueError (or OSError, KeyError...) when it is missing, damaged or another format."""
    with np.load(path, allow_pickle=False) as data:
        if int(data["format_version"]) != version:
            raise ValueError("unknown sentence model format")
        return {name: data[name] for name in data.files}


def linear_fields(data: dict[str, npt.NDArray[Any]]) -> dict[str, Any]:
    """The fields every linear sentence model has, in the types it computes with."""
    return {"categories": tuple(str(c) for c in data["categories"]),
            "buckets": data["buckets"].astype(np.int64), "idf": data["idf"].astype(np.float64),
            "weights": data["weights"].astype(np.float32),
            "bias": data["bias"].astype(np.float32)}


WEIGHTS_DAMAGED = (OSError, KeyError, ValueError, zipfile.BadZipFile, EOFError)


def load_model(directory: Path) -> SentenceModel:
    """Read the shipped weights; a missing or damaged file is the same error as the rules."""
    try:
        data = read_weights(directory / MODEL_FILE, FORMAT_VERSION)
        return SentenceModel(**linear_fields(data),
                             safety_threshold=float(data["safety_threshold"]),
                             record_threshold=float(data["record_threshold"]))
    except WEIGHTS_DAMAGED as exc:
        raise LintRulesMissing() from exc
