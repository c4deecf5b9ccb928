"""The linter's second net: a small linear model over word and character n-grams.

The rules catch what their terms name; clinicians say the same things in words no list
holds ("checking out", "six feet under", a misspelled "sucidal"). This model reads the
wording instead: logistic regressions over hashed word unigrams and bigrams, each word
paired with who the part is about (the clinician, someone else, the client), and
character 3-5-grams, trained by ``tests/linter/train_model.py`` on the
labeled corpora and shipped as data (``shared_schema/lexicon/sentence_model.npz``).

It adds far more than it takes away: a sentence part is flagged when the rules flag it OR
the model is confident, and a part the rules flag with another category becomes safety
only at a higher bar (the raise threshold). It may drop a rule's non-safety finding when
it is all but sure the part is private (the veto threshold: a relative's drinking, the
clinician's own racing heart). A rule's safety finding is never dropped or lowered: safety
recall never depends on the model alone. The thresholds are chosen on cross-validation of
rules and model together, each corpus file scored by a model trained without it
(tests/linter/crossval.py).

Features are computed here and by the training script with the same function, so the
hashing (CRC-32 for words, a fixed polynomial for characters: stable across processes and
platforms) cannot drift between the two. Character n-grams of all parts of a note are
hashed in one numpy pass (a Python loop over each gram was most of the model's time).
Inference is numpy only: scikit-learn is needed to train, never to run.
"""

from __future__ import annotations

import itertools
import re
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from margin.errors import LintRulesMissing

MODEL_FILE = "sentence_model.npz"
# A rule's finding of these categories is never vetoed: a drug the client takes, named, is
# harder evidence than any wording ("talked about her garden, but the Prozac gives her
# headaches"); the veto is for symptoms, functioning and modalities read into the clinician's
# own body, a relative's drinking or play content.
NOT_VETOED = frozenset({"medication"})
FORMAT_VERSION = 6
HALF = 1 << 19  # word features hash below HALF, character features at or above it
_ID_MASK = (1 << 20) - 1  # a key's feature id (its part index is above)
_DIGIT = re.compile(r"\d")
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_SPACES = re.compile(r"\s+")
# Namespaces keep a word, a word pair and a character n-gram with the same bytes apart.
_SEED_WORD, _SEED_PAIR, _SEED_SUBJECT, _SEED_MARKER = 1, 2, 4, 5
# Who the part is about, from the first person it names: the clinician ("my palms were
# sweating"), someone else ("her husband has been drinking"), or the client. Each word is
# also a feature paired with that subject, so the same words can weigh differently when
# they are about someone other than the client (a linear model cannot combine them itself).
_SUBJECTS = (
    (b"me", re.compile(r"\b(?:i|i'm|i've|i'd|my|me|mine|myself)\b")),
    (b"other", re.compile(
        r"\b(?:mother|mom|mum|father|dad|husband|wife|partner|boyfriend|girlfriend|ex|"
        r"sisters?|brothers?|sons?|daughters?|kids?|child|children|friends?|boss|roommate|"
        r"neighbou?rs?|coworkers?|colleagues?|uncle|aunt|cousin|grand\w+|niece|nephew|"
        r"in-laws?|teacher|parents?|family|sibling)\b")),
    (b"client", re.compile(r"\b(?:she|he|they|pt|client|patient)\b")),
)
# Who else the part involves, as the safety rules' markers do (a rule on neglect needs a
# child, one on exploitation an older or dependent adult): each word is also paired with
# each marker the part holds, so "left ... for hours" can weigh as risk beside a toddler,
# and "money" beside a carer, where a relative's money trouble stays private (model v6;
# the over-sharing model is trained without them).
_MARKERS = (
    (b"child", re.compile(
        r"\b(?:little ones?|toddlers?|bab(?:y|ies)|infants?|kids?|child|children|twins|"
        r"youngest|preschooler|newborn|0+-(?:year|month)-old|(?:one|two|three|four|five|six|"
        r"seven|eight|nine|ten)-year-old)\b")),
    (b"care", re.compile(
        r"\b(?:carers?|caregivers?|care ?givers?|aides?|home help|care home|nursing home|"
        r"support worker|guardian|elderly|older adult|dementia|disab\w*|gran|grandad|nan|"
        r"grandma|grandpa|grandmother|grandfather|dependent adult)\b")),
)
# Character n-grams are hashed in bulk with numpy: a polynomial over the bytes (wrapping
# at 2**64), mixed by an odd multiplier whose top 19 bits are the id (Knuth's method).
_GRAMS = (3, 4, 5)
_BASE = np.uint64(1_000_003)
_MIX = np.uint64(0x9E3779B97F4A7C15)
_SHIFT = np.uint64(64 - 19)


def _normalized(text: str) -> str:
    return _DIGIT.sub("0", text.lower().replace("\u2019", "'"))


def _word_ids(norm: str, markers: bool = False) -> set[int]:
    words = [w.encode() for w in _TOKEN.findall(norm)]
    ids = {zlib.crc32(w, _SEED_WORD) % HALF for w in words}
    ids.update(zlib.crc32(a + b" " + b, _SEED_PAIR) % HALF
               for a, b in itertools.pairwise(words))
    subject = _subject(norm)
    ids.update(zlib.crc32(subject + b"|" + w, _SEED_SUBJECT) % HALF for w in words)
    if markers:
        for name, pattern in _MARKERS:
            if pattern.search(norm):
                ids.update(zlib.crc32(name + b"#" + w, _SEED_MARKER) % HALF for w in words)
    return ids


def _subject(norm: str) -> bytes:
    """The kind of person the part first names (see _SUBJECTS), or b"none"."""
    first: tuple[int, bytes] | None = None
    for name, pattern in _SUBJECTS:
        match = pattern.search(norm)
        if match and (first is None or match.start() < first[0]):
            first = (match.start(), name)
    return first[1] if first else b"none"


def feature_rows(parts: Iterable[str], markers: bool = False) -> npt.NDArray[np.int64]:
    """Keys (part index << 20 | feature id) of every feature of every part, repeats kept
    (the caller drops unknown features first, then repeats: fewer to sort).

    Lowercased, digits folded to 0 ("20 mg" and "50 mg" are one pattern), curly
    apostrophes made straight. Two blocks, normalized apart later: words and word pairs,
    and character 3-5-grams of the whole part (across word ends, so "sucidal" still shares
    most grams with "suicidal" and "checking out" is one unit).
    """
    rows: list[int] = []
    ids: list[int] = []
    buffers: list[bytes] = []
    for index, part in enumerate(parts):
        norm = _normalized(part)
        words = _word_ids(norm, markers)
        rows += [index] * len(words)
        ids += words
        buffers.append(b" " + _SPACES.sub(" ", norm).strip().encode() + b" ")
    gram_rows, gram_ids = _char_grams(buffers)
    return np.concatenate([np.asarray(rows, np.int64) << 20 | np.asarray(ids, np.int64),
                           gram_rows << 20 | gram_ids])


def _char_grams(buffers: list[bytes]) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Hashed character n-grams of every buffer, computed over all of them at once."""
    data = np.frombuffer(b"".join(buffers), dtype=np.uint8).astype(np.uint64)
    lengths = np.fromiter((len(b) for b in buffers), dtype=np.int64, count=len(buffers))
    owner = np.repeat(np.arange(len(buffers), dtype=np.int64), lengths)
    rows, ids = [], []
    for n in _GRAMS:
        count = len(data) - n + 1
        if count <= 0:
            continue
        value = np.full(count, np.uint64(n))
        for k in range(n):
            value = value * _BASE + data[k:k + count]
        inside = owner[:count] == owner[n - 1:n - 1 + count]  # not across two parts
        rows.append(owner[:count][inside])
        ids.append(HALF + ((value[inside] * _MIX) >> _SHIFT).astype(np.int64))
    if not rows:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    return np.concatenate(rows), np.concatenate(ids)


def features(text: str, markers: bool = False) -> list[int]:
    """Sorted, distinct hashed feature ids of one sentence part (see feature_rows)."""
    return [int(i) for i in _distinct(feature_rows([text], markers) & _ID_MASK)]


def _distinct(keys: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """Sorted distinct keys (a sort and a compare: numpy's hashing unique was slower)."""
    keys = np.sort(keys)
    return keys[np.r_[True, keys[1:] != keys[:-1]]] if len(keys) else keys


@dataclass(frozen=True)
class Design:
    """The sparse feature matrix of some parts: (row, weight slot, value) triples."""

    count: int
    rows: npt.NDArray[np.int64]
    slots: npt.NDArray[np.int64]
    values: npt.NDArray[np.float64]


def slot_table(buckets: npt.NDArray[np.int64]) -> npt.NDArray[np.int32]:
    """Feature id -> its weight row + 1 (0: a feature never seen in training); one gather
    finds every feature's row, where a binary search per feature was slower."""
    table = np.zeros(2 * HALF, dtype=np.int32)
    table[buckets] = np.arange(1, len(buckets) + 1, dtype=np.int32)
    return table


def design(parts: Iterable[str], buckets: npt.NDArray[np.int64],
           idf: npt.NDArray[np.float64], table: npt.NDArray[np.int32] | None = None,
           markers: bool = False) -> Design:
    """Known features only, idf-weighted, each block of each part L2-normalized (what
    scikit-learn's TfidfVectorizer does with a fixed vocabulary, binary counts)."""
    parts = list(parts)
    count = len(parts)
    table = slot_table(buckets) if table is None else table
    keys = feature_rows(parts, markers)
    keys = _distinct(keys[table[keys & _ID_MASK] > 0])  # known, each once per part
    row_ids, col_ids = keys >> 20, keys & _ID_MASK
    slot = table[col_ids].astype(np.int64) - 1
    values = idf[slot]
    block = row_ids * 2 + (col_ids >= HALF)
    norms = np.sqrt(np.bincount(block, weights=values * values, minlength=count * 2))
    return Design(count, row_ids, slot, values / norms[block])


def linear_scores(parts: Iterable[str], buckets: npt.NDArray[np.int64],
                  idf: npt.NDArray[np.float64], weights: npt.NDArray[Any],
                  bias: npt.NDArray[np.float32],
                  table: npt.NDArray[np.int32] | None = None,
                  markers: bool = False) -> npt.NDArray[np.float64]:
    """Bias plus the weighted features of each part: one row per part, one column per output
    (the over-sharing check's model uses it too). Pass the slot table once made, as a model
    kept in memory does, to spare it at every call. The weights are gathered as float32
    (half the memory traffic of float64, and exact: they are stored as float16) and
    multiplied in float64."""
    matrix = design(parts, buckets, idf, table, markers)
    out = np.tile(bias.astype(np.float64), (matrix.count, 1))
    weighted = weights[matrix.slots] * matrix.values[:, None]
    if len(matrix.rows):  # rows are sorted: sum each part's run of features at once
        starts = np.flatnonzero(np.r_[True, matrix.rows[1:] != matrix.rows[:-1]])
        out[matrix.rows[starts]] += np.add.reduceat(weighted, starts, axis=0)
    return out


class LinearHeads:
    """What a linear sentence model computes with, made once per loaded model (this one and
    the over-sharing check's): the slot table."""

    buckets: npt.NDArray[np.int64]
    idf: npt.NDArray[np.float64]
    weights: npt.NDArray[np.float32]
    bias: npt.NDArray[np.float32]
    markers: bool = False  # words paired with the child and carer markers (_MARKERS)

    @cached_property
    def _table(self) -> npt.NDArray[np.int32]:
        return slot_table(self.buckets)

    def linear(self, parts: Iterable[str]) -> npt.NDArray[np.float64]:
        """Every head's raw score (before any sigmoid), one row per part."""
        return linear_scores(parts, self.buckets, self.idf, self.weights, self.bias,
                             self._table, self.markers)


@dataclass(frozen=True)
class SentenceModel(LinearHeads):
    """Weights of the features seen in training (others weigh nothing), and thresholds.

    Three heads share the features: the label set's top category (safety) or not, any
    category or none (record content or private), and which category (for a part no rule
    flagged)."""

    categories: tuple[str, ...]
    buckets: npt.NDArray[np.int64]  # sorted feature ids that have a weight row
    idf: npt.NDArray[np.float64]
    weights: npt.NDArray[np.float32]  # (len(buckets), 2 + len(categories))
    bias: npt.NDArray[np.float32]
    safety_threshold: float  # P(safety) at or above this flags safety
    record_threshold: float  # P(record) at or above this flags record content
    top: str = "safety"  # the category of the first head (the label set's first)
    # Overruling a rule's other category needs more confidence than flagging a part no rule
    # flagged: "taking Klonopin for her nerves" stays medication.
    raise_threshold: float = 1.0
    # Below this P(record) a rule's non-safety finding is dropped (0: never).
    veto_threshold: float = 0.0
    markers: bool = True  # model v6 pairs words with the child and carer markers

    def scores(self, parts: Iterable[str]) -> npt.NDArray[np.float64]:
        """Per part: P(safety), P(record), then one score per category (higher wins)."""
        out = self.linear(parts)
        out[:, :2] = 1.0 / (1.0 + np.exp(-out[:, :2]))
        return out

    def decide(self, row: npt.NDArray[np.float64], rule_category: str | None) -> str | None:
        """The part's category once the model has had its say (None: not flagged).

        It flags safety, or record content of its best category, where no rule fired; it
        raises a rule's other category to safety; and it drops a rule's non-safety finding
        when it is all but sure the part is private (a relative's drinking, the
        clinician's own racing heart). A rule's safety finding is never touched."""
        if rule_category == self.top:
            return rule_category
        if rule_category is None:
            if row[0] >= self.safety_threshold:
                return self.top
            if row[1] >= self.record_threshold:
                return self.categories[int(np.argmax(row[2:]))]
            return None
        if row[0] >= self.raise_threshold:
            return self.top
        if rule_category in NOT_VETOED:
            return rule_category
        return None if row[1] < self.veto_threshold else rule_category


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


def load_model(directory: Path, name: str = MODEL_FILE) -> SentenceModel:
    """Read the shipped weights; a missing or damaged file is the same error as the rules."""
    try:
        data = read_weights(directory / name, FORMAT_VERSION)
        return SentenceModel(**linear_fields(data),
                             safety_threshold=float(data["safety_threshold"]),
                             record_threshold=float(data["record_threshold"]),
                             top=str(data["top"]),
                             raise_threshold=float(data["raise_threshold"]),
                             veto_threshold=float(data["veto_threshold"]),
                             markers=bool(data["markers"]))
    except WEIGHTS_DAMAGED as exc:
        raise LintRulesMissing() from exc
