"""The sentence model beside the rules: shipped, faithful to its training, never touching safety."""

from __future__ import annotations

import json
import math
import shutil
import time
import zlib
from pathlib import Path

import numpy as np
import pytest

from margin.errors import LintRulesMissing
from margin.lint import Linter
from margin.lint.lexicon import lexicon_dir
from margin.lint.model import HALF, MODEL_FILE, SentenceModel, features, load_model
from tests.linter.eval import CORPUS_DIR, CORPUS_FILES, read_corpus
from tests.linter.train_model import NEVER, read_rows


@pytest.fixture(scope="module")
def model() -> SentenceModel:
    return load_model(lexicon_dir())


@pytest.fixture(scope="module")
def rules_only() -> Linter:
    return Linter(use_model=False)


@pytest.fixture(scope="module")
def both() -> Linter:
    return Linter()


def test_the_shipped_model_loads_fast_and_is_small(model: SentenceModel) -> None:
    started = time.perf_counter()
    load_model(lexicon_dir())
    assert time.perf_counter() - started < 1.0
    assert (lexicon_dir() / MODEL_FILE).stat().st_size < 2_000_000
    assert model.weights.shape == (len(model.buckets), 2 + len(model.categories))
    assert np.all(np.diff(model.buckets) > 0)  # sorted, so searchsorted finds each id
    assert 0.0 < model.safety_threshold < 1.0 and 0.0 < model.record_threshold < 1.0


def test_the_model_never_saw_the_honest_estimate() -> None:
    with np.load(lexicon_dir() / MODEL_FILE, allow_pickle=False) as data:
        about = json.loads(str(data["about"]))
    assert NEVER not in about["trained_on"]
    assert set(about["trained_on"]) >= {"main.jsonl", "heldout3.jsonl"}
    with pytest.raises(ValueError, match="honest estimate"):
        read_rows(("main.jsonl", NEVER))


def test_features_fold_digits_case_and_apostrophes() -> None:
    assert features("PHQ-9 was 14") == features("phq-7 was 22")
    assert features("He’s done") == features("he's done")
    word = zlib.crc32(b"denies", 1) % HALF  # the hash is pinned: weights depend on it
    assert word in features("Denies SI")
    assert all(i >= HALF for i in set(features("Denies SI")) - set(features("denies si x")))


def test_words_are_also_paired_with_a_child_or_carer_marker(model: SentenceModel) -> None:
    # Model v6: "left ... alone" beside a toddler is not the same feature as elsewhere.
    assert model.markers
    plain = set(features("The toddler was left alone"))
    assert plain < set(features("The toddler was left alone", markers=True))
    assert features("We met for coffee", markers=True) == features("We met for coffee")


def _reference_scores(model: SentenceModel, text: str) -> list[float]:
    """The same arithmetic written plainly: idf-weighted known features, each block
    (words, characters) L2-normalized, a weighted sum per head, logistic for two heads."""
    slot = {int(b): i for i, b in enumerate(model.buckets)}
    known = [f for f in features(text, model.markers) if f in slot]
    norms = {block: math.sqrt(sum(model.idf[slot[f]] ** 2 for f in known
                                  if (f >= HALF) == block)) for block in (False, True)}
    out = [float(b) for b in model.bias]
    for f in known:
        value = model.idf[slot[f]] / norms[f >= HALF]
        for column in range(len(out)):
            out[column] += value * float(model.weights[slot[f], column])
    return [1 / (1 + math.exp(-out[0])), 1 / (1 + math.exp(-out[1])), *out[2:]]


@pytest.mark.parametrize("text", [
    "He keeps saying he wants to check out for good.",
    "sertaline 50 qd",
    "We talked about the garden.",
    "",
    "zzqx",
])
def test_vectorized_scores_equal_the_plain_arithmetic(model: SentenceModel, text: str) -> None:
    assert np.allclose(model.scores([text])[0], _reference_scores(model, text), atol=1e-9)


def test_scores_of_many_parts_equal_scores_one_by_one(model: SentenceModel) -> None:
    parts = ["Denies SI.", "", "Slept 3 hrs.", "Talked about her garden."]
    together = model.scores(parts)
    assert np.allclose(together, np.vstack([model.scores([p]) for p in parts]))


def test_the_model_never_lowers_or_drops_a_safety_finding(rules_only: Linter, both: Linter,
                                                          model: SentenceModel) -> None:
    dropped = 0
    for name in CORPUS_FILES:
        for row in read_corpus(CORPUS_DIR / name):
            by_rules = {(f.start, f.end): f.category for f in rules_only.lint(row["text"])}
            combined = {(f.start, f.end): f.category for f in both.lint(row["text"])}
            for span, category in by_rules.items():
                if category == "safety":
                    assert combined.get(span) == "safety", row["text"]
                elif span not in combined:
                    # Dropped only when the model is all but sure the part is private.
                    [scores] = model.scores([row["text"][span[0]:span[1]]])
                    assert scores[1] < model.veto_threshold, row["text"]
                    dropped += 1
                else:  # kept, or raised to safety; never moved to another category
                    assert combined[span] in (category, "safety"), row["text"]
    assert dropped <= 5  # a veto, not a second opinion on every rule


@pytest.mark.parametrize("text", [
    # Phrasings in no corpus and no rule: the second net is what catches them.
    # (Was "He keeps saying he wants to check out for good.": since issue 16's twentieth
    # round the rules read checking out for good themselves.)
    "She said she's ready to be finished with all of it, for good.",
    # (Was "The little one is left by herself for hours.": since issue 16's eighteenth round
    # the rules read a child left by herself or on her own themselves; then "Nobody is
    # watching the little one for hours after school.", read by the rules since the
    # twentieth.)
    "The toddler is often left without anyone around for the afternoon.",
    # (Was "Her mum's carer ...": since issue 16's sixteenth round a carer marks a dependent
    # adult for the rules, which now catch that one themselves.)
    "Her mum's lodger has been withdrawing money from mum's account.",
])
def test_the_model_catches_safety_wording_no_rule_names(text: str, rules_only: Linter,
                                                        both: Linter) -> None:
    assert rules_only.lint(text) == []
    [finding] = both.lint(text)
    assert (finding.category, finding.severity) == ("safety", "critical")
    assert "not by a listed term" in finding.message


def test_the_model_vetoes_a_rule_reading_the_clinicians_own_body_as_a_symptom(
        rules_only: Linter, both: Linter) -> None:
    # A phrasing in no corpus file: the rules see "hands were trembling" (a symptom). (One
    # that opens with "My own hands" the rules now read as the clinician's themselves:
    # rules.json "therapist_own", test_rules.py.)
    text = "By the end of the hour my own hands were trembling; too little sleep on my part."
    assert [f.category for f in rules_only.lint(text)] == ["symptoms"]
    assert both.lint(text) == []


def test_ordinary_sentences_stay_unflagged(both: Linter) -> None:
    for text in ("We talked about the garden and her sister's wedding.",
                 "She brought photos from the trip to Lisbon."):
        assert both.lint(text) == []


@pytest.mark.parametrize("damage", ["missing", "truncated", "wrong_version"])
def test_a_missing_or_damaged_model_is_a_clear_error(tmp_path: Path, damage: str) -> None:
    target = tmp_path / MODEL_FILE
    if damage == "truncated":
        target.write_bytes((lexicon_dir() / MODEL_FILE).read_bytes()[:5000])
    elif damage == "wrong_version":
        shutil.copy(lexicon_dir() / MODEL_FILE, target)
        with np.load(target, allow_pickle=False) as data:
            arrays = {k: data[k] for k in data.files} | {"format_version": np.array(99)}
        np.savez(target, **arrays)
    with pytest.raises(LintRulesMissing):
        load_model(tmp_path)


def test_training_and_inference_share_one_feature_matrix() -> None:
    """A tiny retrain: the numpy scores equal scikit-learn's own probabilities (up to the
    float16 rounding of the shipped weights). Needs the training tools; skipped without."""
    pytest.importorskip("sklearn")
    from tests.linter.train_model import fit, matrix

    rows = read_rows(("main.jsonl",))
    texts, labels = [r["text"] for r in rows], [r["label"] for r in rows]
    shipped = fit(texts, labels, 10.0)
    from sklearn.linear_model import LogisticRegression

    x = matrix(texts, shipped.buckets, shipped.idf)
    y = np.array([label == "safety" for label in labels]).astype(int)
    reference = LogisticRegression(C=10.0, max_iter=3000, class_weight={0: 1.0, 1: 2.0})
    reference.fit(x, y)
    expected = reference.predict_proba(x[:40])[:, 1]
    assert np.allclose(shipped.scores(texts[:40])[:, 0], expected, atol=0.02)
