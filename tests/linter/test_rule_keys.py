"""What the gate reads from each pattern, kept in rule_keys.json (margin.lint.rule_keys), and
rules compiled on first use (margin.lint.lazy_pattern)."""

from __future__ import annotations

import functools
import json
import re
import shutil
from pathlib import Path

import pytest

from margin.lint.engine import Linter
from margin.lint.inner_keys import inner_keys
from margin.lint.labelset import MISPLACEMENT
from margin.lint.lazy_pattern import LazyPattern
from margin.lint.lexicon import Lexicon, load_lexicon
from margin.lint.rule_keys import FILE_NAME, KeyTable
from tests.linter import build_rule_keys


@functools.cache
def _shipped() -> Lexicon:
    return MISPLACEMENT.load_lexicon()


def _read_by_gate(lexicon: Lexicon) -> list[tuple[object, ...]]:
    return [(rule.keys, rule.anchored, rule.inner) for rule in lexicon.rules] + [
        (cue.keys,) for rule in lexicon.rules for cue in rule.together] + [
        tuple(sorted(lexicon.context_keys.items()))]


def test_committed_rule_keys_file_is_current() -> None:
    """rule_keys.json is made from the rules: after a change to them, run
    `python tests/linter/build_rule_keys.py` and commit what it writes."""
    assert build_rule_keys.OUTPUT.read_text(encoding="utf-8") == build_rule_keys.render(
        build_rule_keys.build())


def test_every_rule_compiles_and_its_inner_keys_are_those_of_the_compiled_pattern() -> None:
    """A rule is compiled only when a note needs it: a mistyped one must fail here."""
    rules = [rule for rule in _shipped().rules if rule.regex is not None]
    assert len(rules) > 800
    for rule in rules:
        compiled = rule.regex.compiled()
        assert rule.inner == inner_keys(compiled), rule.regex


def _copy_of_the_rules(folder: Path) -> Path:
    for name in ("rules.json", "cues.json", "drugs.json", "icd10cm.json"):
        shutil.copy(MISPLACEMENT.folder() / name, folder / name)
    return folder


@pytest.mark.parametrize("table", [
    None,                                  # no file: every pattern is read at start
    "{\"entries\": ",                      # cut short
    "[1, 2]",                              # not the file's shape
])
def test_without_a_usable_file_the_gate_reads_the_same_from_the_patterns(
        tmp_path: Path, table: str | None) -> None:
    folder = _copy_of_the_rules(tmp_path)
    if table is not None:
        (folder / FILE_NAME).write_text(table, encoding="utf-8")
    assert _read_by_gate(load_lexicon(folder)) == _read_by_gate(_shipped())


def test_a_damaged_entry_is_read_from_its_pattern_not_trusted(tmp_path: Path) -> None:
    folder = _copy_of_the_rules(tmp_path)
    entries = json.loads((MISPLACEMENT.folder() / FILE_NAME).read_text(encoding="utf-8"))
    damaged = {digest: (7 if i % 2 else [3]) for i, digest in enumerate(entries["entries"])}
    (folder / FILE_NAME).write_text(json.dumps({"entries": damaged}), encoding="utf-8")
    assert _read_by_gate(load_lexicon(folder)) == _read_by_gate(_shipped())


def test_the_table_answers_from_the_file_and_records_what_was_asked() -> None:
    alternatives = [r"took\s+all", r"overdos\w*"]
    fresh = KeyTable()
    assert fresh.keys(alternatives) == {"took$", "overdos"}
    held = KeyTable({digest: ["held"] for digest in fresh.asked})
    assert held.keys(alternatives) == {"held"}  # the file, not the pattern, when it holds it
    assert held.asked == {digest: ["held"] for digest in fresh.asked}
    pattern = LazyPattern(r"(?<![\w])(?:she\s+took\s+pills)(?![\w])", re.IGNORECASE)
    assert fresh.inner(pattern) == {"pills"}


def test_a_lazy_pattern_compiles_once_and_finds_what_re_finds() -> None:
    source = r"(?<![\w])(?:saving\s+(?:her\s+)?pills)(?![\w])"
    text = "Pt saving her pills; SAVING PILLS."
    lazy = LazyPattern(source, re.IGNORECASE)
    expected = re.compile(source, re.IGNORECASE)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in expected.finditer(text)]
    assert lazy.compiled() is lazy.compiled()
    assert lazy.search(text, 5).span() == expected.search(text, 5).span()
    assert lazy.match(text, 3, 19) is not None and lazy.match(text, 0) is None


def test_the_shipped_file_spares_reading_every_pattern(monkeypatch: pytest.MonkeyPatch) -> None:
    """With the committed file, building the rules parses no pattern: what made starts slow."""
    def parsed(*_: object, **__: object) -> None:
        raise AssertionError("a pattern was read although rule_keys.json holds it")

    monkeypatch.setattr("margin.lint.rule_keys.gate.keys", parsed)
    monkeypatch.setattr("margin.lint.rule_keys.inner_keys", parsed)
    assert _read_by_gate(load_lexicon(MISPLACEMENT.folder())) == _read_by_gate(_shipped())


def test_a_rule_is_compiled_only_when_a_note_needs_it() -> None:
    linter = Linter(use_model=False)
    patterns = [rule.regex for rule in linter.lexicon.rules if rule.regex is not None]
    assert not any(p._compiled for p in patterns)  # building compiles nothing
    linter.lint("She has been saving her tablets and wrote letters to her children.")
    compiled = sum(1 for p in patterns if p._compiled is not None)
    # Only what the gate opened for this note: common words ("she", "her") open many rules,
    # about a quarter of them here; an eager build would compile every one.
    assert 0 < compiled < len(patterns) // 2
