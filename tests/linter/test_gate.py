"""The gate that skips rules a sentence part cannot match: it may only ever skip misses."""

from __future__ import annotations

import functools
import multiprocessing
import os
import re
from collections.abc import Iterator

import pytest

from margin.lint import Linter
from margin.lint.gate import DIGIT, WHOLE, keys, word_starts, words
from margin.lint.inner_keys import inner_keys
from tests.linter.corpora import CORPORA
from tests.linter.eval import read_corpus


@pytest.mark.parametrize(("patterns", "expected"), [
    ([r"suicid\w*"], {"suicid"}),
    (["SI"], {"si" + WHOLE}),
    ([r"(?:took|takes)\s+all"], {"took" + WHOLE, "takes" + WHOLE}),
    ([r"nightmares?\b"], {"nightmare" + WHOLE, "nightmares" + WHOLE}),  # whole, "s" or not
    ([r"an?\s+ambulance"], {"a" + WHOLE, "an" + WHOLE}),
    ([r"nightmares?ish"], {"nightmar"}),  # the optional "s" inside a word: only the opening
    ([r"denie'?s\s+"], {"denie" + WHOLE, "denies" + WHOLE}),  # with the apostrophe or not
    ([r"she(?:'ll|’ll)\s+pay"], {"she" + WHOLE}),  # an apostrophe parts words: not "shell"
    ([r"she(?:\s+\(\d+\))?\s+was"], {"she" + WHOLE}),  # through the group or past it
    ([r"t(?:ook|akes)\w*"], {"took", "takes"}),
    ([r"\d+\s*mg"], {DIGIT}),
    ([r"(?<!alcohol )overdos\w*"], {"overdos"}),
    ([r"\+AH"], {"ah" + WHOLE}),
    ([r"(?:a|b)?c"], {"ac" + WHOLE, "bc" + WHOLE, "c" + WHOLE}),  # through it or past it
    ([r"(?:a|b){2}c"], None),  # a counted group: not read
    ([r"[abc]x", "plain"], {"ax" + WHOLE, "bx" + WHOLE, "cx" + WHOLE, "plain" + WHOLE}),
    ([r"[a-c]x", "plain"], None),  # a range of letters: not read
    ([r"[sh]+x"], None),  # a repeated class: not read
    ([r"(?:would|'d)\s+be"], {"would" + WHOLE, "d" + WHOLE}),  # "she 'd be"
    ([r"['\"]end['\"]"], {"end"}),
])
def test_keys_read_the_literal_openings(patterns: list[str], expected: set[str] | None) -> None:
    found = keys(patterns)
    assert (None if found is None else set(found)) == expected


def word_openings(text: str) -> frozenset[str]:
    return frozenset(word_starts(text, 0, len(text)))


def test_word_openings_hold_prefixes_whole_words_and_digits() -> None:
    openings = word_openings("Took 20 pills")
    assert word_starts("Took 20 pills", 0, 13)["pills" + WHOLE] == [8]
    assert {"t", "to", "took", "took" + WHOLE, "pills" + WHOLE, DIGIT} <= openings
    assert "pill" + WHOLE not in openings


def corpus_parts(linter: Linter, name: str) -> Iterator[tuple[str, int, int, frozenset[str]]]:
    """(text, start, end, word openings) of every sentence part of a corpus file's rows."""
    for row in read_corpus(CORPORA["misplacement"].directory / name):
        text = row["text"]
        for start, end in linter.splitter.spans(text):
            yield text, start, end, word_openings(text[start:end])


# What the forked workers of corpus_scan read, built once before the fork (reading every
# rule's keys out of its parsed pattern takes seconds: done once, not once per file).
_LINTER: Linter | None = None
_CHECKED: tuple[list, list, list] | None = None
_KINDS = ("gate", "anchored", "inner")


@functools.cache
def corpus_scan() -> dict[str, tuple[int, list]]:
    """Every rule scanned over every sentence part of every corpus file, once, for the three
    checks below (the scan is their cost, minutes in one process; the files are shared out
    over every core). Per check: how many (rule, part) pairs it covered, and every pair
    where what the linter does differs from what the scan found, in file order."""
    global _LINTER, _CHECKED
    _LINTER = Linter(use_model=False)
    _CHECKED = _what_each_part_is_checked_against(_LINTER)
    names = list(CORPORA["misplacement"].evaluated)
    with multiprocessing.get_context("fork").Pool(_free_cores()) as pool:
        results = pool.map(_scan_file, names)
    return {kind: (sum(r[kind][0] for r in results), [w for r in results for w in r[kind][1]])
            for kind in _KINDS}


def _free_cores() -> int:
    """Every core, less one when `make test` runs the system tests (browsers among them) in a
    process beside this one (scripts/test-in-two.sh)."""
    cores = os.cpu_count() or 1
    return max(1, cores - 1) if os.environ.get("MARGIN_TESTS_BESIDE") else cores


def _what_each_part_is_checked_against(linter: Linter) -> tuple[list, list, list]:
    """The rules (with their gate and inner keys), the cues and the contexts."""
    rules = [(index, rule.regex.compiled(), rule.keys, rule.inner)
             for index, rule in enumerate(linter.lexicon.rules) if rule.regex is not None]
    cues = [(cue.regex, cue.keys) for rule in linter.lexicon.rules for cue in rule.together]
    contexts = [(linter.lexicon.contexts[kind], keys)
                for kind, keys in linter.lexicon.context_keys.items() if keys is not None]
    return rules, cues, contexts


def _scan_file(name: str) -> dict[str, tuple[int, list]]:
    linter = _LINTER
    assert linter is not None and _CHECKED is not None
    rules, cues, contexts = _CHECKED
    counts = dict.fromkeys(_KINDS, 0)
    wrong: dict[str, list] = {kind: [] for kind in _KINDS}
    for text, start, end, openings in corpus_parts(linter, name):
        counts["anchored"] += 1  # parts, for the anchored check
        # What lint() finds trying each anchored rule only at the words that open it.
        tried: dict[int, list[tuple[int, int]]] = {}
        for index, match in linter._anchored_matches(text, end, words(text, start, end)):
            tried.setdefault(index, []).append(match.span())
        for index, regex, needed, inner in rules:
            scanned = [m.span() for m in regex.finditer(text, start, end)]
            if index in linter._anchored and tried.get(index, []) != scanned:
                wrong["anchored"].append((regex.pattern, text))
            if needed is not None and needed.isdisjoint(openings):
                counts["gate"] += 1
                if scanned:
                    wrong["gate"].append((regex.pattern, text))
            if inner and inner.isdisjoint(openings):
                counts["inner"] += 1
                if scanned:
                    wrong["inner"].append((regex.pattern, text))
        for regex, needed in cues:
            if needed is not None and needed.isdisjoint(openings):
                counts["gate"] += 1
                if regex.search(text, start, end) is not None:
                    wrong["gate"].append((regex.pattern, text))
        for regex, needed in contexts:  # a context is searched in the part alone
            if needed.isdisjoint(openings) and regex.search(text[start:end]) is not None:
                wrong["gate"].append((regex.pattern[:80], text))
    return {kind: (counts[kind], wrong[kind]) for kind in _KINDS}


def test_the_gate_never_skips_a_rule_or_context_that_matches_in_any_corpus_sentence() -> None:
    checked, wrong = corpus_scan()["gate"]
    assert wrong == []
    assert checked > 10_000  # the gate does skip most rules


def test_anchored_rules_find_what_a_full_scan_finds_in_every_corpus_sentence() -> None:
    assert len(Linter(use_model=False)._anchored) > 50
    parts, wrong = corpus_scan()["anchored"]
    assert wrong == []
    assert parts > 10_000


@pytest.mark.parametrize(("pattern", "expected"), [
    # A later word every match holds is preferred to the first (the gate checks that one).
    (r"(?:she|he|they)(?:'ll|’ll)\s+regret\w*", {"regret"}),
    (r"(?:took|takes)\s+(?:all|every)\s+(?:the\s+)?(?:pills|tablets)", {"pills", "tablets"}),
    (r"self[\s-]+harm", {"harm"}),
    (r"suicid\w*", {"suicid"}),  # one word: its own opening
    # Past an optional word ending in a space a word still begins; the longest keys are kept.
    (r"overdos\w*|(?:she|he)\s+took\s+(?:\w+\s+)?pills", {"overdos", "pills"}),
    (r"lay\s+awake\s+(?:for\s+)?hours", {"awake"}),
    (r"sharpening\s+(?:knives|blades)", {"knives", "blades"}),
    (r"(?:a|an)\s+\w+\s+ambulance", {"ambulanc"}),  # eight characters, as gate.py keeps
    (r"(?:she|he)\s+(?:\w+\s+)?(?:maybe\s+)?", {"she", "he"}),  # only the first word
    # Nothing certain: a word too short after an optional one, classes, a unit after "\s*".
    (r"(?:\w+\s+)?ok", None),
    (r"[a-z]+\s+[a-z]+", None),
    (r"\d+\s*mg", None),
])
def test_inner_keys_read_a_word_every_match_holds(pattern: str,
                                                  expected: set[str] | None) -> None:
    found = inner_keys(re.compile(rf"(?<![\w])(?:{pattern})(?![\w])", re.IGNORECASE))
    assert (None if found is None else set(found)) == expected


def test_inner_keys_never_skip_a_rule_that_matches_in_any_corpus_sentence() -> None:
    linter = Linter(use_model=False)
    assert sum(1 for rule in linter.lexicon.rules if rule.inner) > 300  # most have one
    skipped, wrong = corpus_scan()["inner"]
    assert wrong == []
    assert skipped > 100_000


def test_every_rule_has_keys_so_none_scans_every_part() -> None:
    """A rule the gate cannot key runs on every sentence part of every note. The last one,
    the "+ SI" rule, was split in issue 16's fifteenth round (a sign opens no word: its
    patterns now start with the sign, keyed on the word after it); keep it that way."""
    keyless = [rule.regex.pattern[:80] for rule in Linter(use_model=False).lexicon.rules
               if rule.regex is not None and rule.keys is None]
    assert keyless == []
