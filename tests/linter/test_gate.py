"""The gate that skips rules a sentence part cannot match: it may only ever skip misses."""

from __future__ import annotations

import pytest

from margin.lint import Linter
from margin.lint.gate import DIGIT, WHOLE, keys, word_starts, words
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


def test_the_gate_never_skips_a_rule_that_matches_in_any_corpus_sentence() -> None:
    linter = Linter(use_model=False)
    corpora = CORPORA["misplacement"]
    checked = 0
    for name in corpora.evaluated:
        for row in read_corpus(corpora.directory / name):
            text = row["text"]
            for start, end in linter.splitter.spans(text):
                openings = word_openings(text[start:end])
                for rule in linter.lexicon.rules:
                    gated = [(rule.regex, rule.keys)] if rule.regex is not None else []
                    gated += [(cue.regex, cue.keys) for cue in rule.together]
                    for regex, needed in gated:
                        if needed is not None and regex is not None and needed.isdisjoint(
                                openings):
                            checked += 1
                            assert regex.search(text, start, end) is None, (rule, text)
    assert checked > 10_000  # the gate does skip most rules


def test_anchored_rules_find_what_a_full_scan_finds_in_every_corpus_sentence() -> None:
    linter = Linter(use_model=False)
    corpora = CORPORA["misplacement"]
    anchored = sorted(linter._anchored)
    assert len(anchored) > 50
    for name in corpora.evaluated:
        for row in read_corpus(corpora.directory / name):
            text = row["text"]
            for start, end in linter.splitter.spans(text):
                # What lint() finds trying each rule only at the words that open it.
                tried: dict[int, list[tuple[int, int]]] = {}
                for index, match in linter._anchored_matches(text, end,
                                                             words(text, start, end)):
                    tried.setdefault(index, []).append(match.span())
                for index in anchored:
                    regex = linter.lexicon.rules[index].regex
                    assert regex is not None
                    scanned = [m.span() for m in regex.finditer(text, start, end)]
                    assert tried.get(index, []) == scanned, (linter.lexicon.rules[index], text)


def test_every_rule_has_keys_so_none_scans_every_part() -> None:
    """A rule the gate cannot key runs on every sentence part of every note. The last one,
    the "+ SI" rule, was split in issue 16's fifteenth round (a sign opens no word: its
    patterns now start with the sign, keyed on the word after it); keep it that way."""
    keyless = [rule.regex.pattern[:80] for rule in Linter(use_model=False).lexicon.rules
               if rule.regex is not None and rule.keys is None]
    assert keyless == []
