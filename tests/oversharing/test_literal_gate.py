"""The literal gate answers exactly as the full patterns do (it exists for speed only): every
rule, cue and the safety floor, on every corpus sentence as written, upper-cased, and with
the non-ASCII letters re's case-insensitive matching folds onto ASCII ones."""

from __future__ import annotations

import re

import pytest

from margin.oversharing.literal_gate import GatedPattern, required_literals
from margin.oversharing.rules import load_rules
from tests.oversharing.eval import CORPUS_DIR, read_corpus


def _patterns() -> list[tuple[str, GatedPattern]]:
    rules = load_rules()
    found = [("safety floor", rules.safety_floor)]
    for rule in rules.rules:
        found += [(f"{rule.category} rule", rule.regex)] if rule.regex else []
        found += [(f"{rule.category} cue", cue) for cue in (*rule.unless, rule.after) if cue]
    return found


def _texts() -> list[str]:
    sentences = [item["text"] for path in sorted(CORPUS_DIR.glob("*.jsonl"))
                 for item in read_corpus(path)]
    folded = [s.replace("s", "\u017f").replace("k", "\u212a") for s in sentences[::7]]
    return sentences + [s.upper() for s in sentences[::5]] + folded


def test_found_is_the_full_patterns_answer() -> None:
    texts = _texts()
    for name, gated in _patterns():
        for text in texts:
            for start, end in ((0, len(text)), (len(text) // 3, len(text))):
                assert gated.found(text, start, end) == (
                    gated.regex.search(text, start, end) is not None), (name, text, start)


def test_folded_letters_still_match() -> None:
    """"ſuicidal" matches "suicid" case-insensitively; the gate must not skip it."""
    floor = load_rules().safety_floor
    assert floor.found("She mentioned \u017fuicidal thoughts.")


@pytest.mark.parametrize(("source", "literals"), [
    (r"\bperhaps\b", {"perhaps"}),
    (r"my (?:hunch|theory)", {"hunch", "theory"}),  # the longer of two needs
    (r"(?:hunch|theory) about", {" about"}),
    (r"\bdream(?:s|ed)?\b", {"dream"}),
    (r"(?-i:\bI)\s+(?:wonder|suspect)", {"wonder", "suspect"}),
    (r"\w+ly", {"ly"}),
])
def test_literals_every_match_holds(source: str, literals: set[str]) -> None:
    assert required_literals(source) == literals


@pytest.mark.parametrize("source", [r"\w+", r"(?:a|\d)x?", r"[A-Z]{2,}"])
def test_no_literals_means_always_tried(source: str) -> None:
    assert required_literals(source) is None
    assert GatedPattern([source], re.IGNORECASE).found("AB 12") == bool(
        re.search(source, "AB 12", re.IGNORECASE))
