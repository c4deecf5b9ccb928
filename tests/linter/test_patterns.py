"""No rule pattern may backtrack without end on one long word.

A repeated group that starts with a run of word characters and may end without a separator
("(?:\\w+\\s*,?\\s*){1,8}") can cut one word into pieces in every possible way: a 25-letter
word took a second to fail, and each letter more multiplies the time. The pieces of such a
group must be parted by something a word does not hold (a space, a comma).
"""

from __future__ import annotations

import importlib
import json
from typing import Any

import pytest

from margin.lint.labelset import LABEL_SETS

_PARSER: Any = importlib.import_module("re._parser")
_OPS: Any = importlib.import_module("re._constants")
_REPEATS = (_OPS.MAX_REPEAT, _OPS.MIN_REPEAT, _OPS.POSSESSIVE_REPEAT)


def _matches_letters(op: Any, argument: Any) -> bool:
    """A single item that can match a letter."""
    if op is _OPS.LITERAL:
        return chr(argument).isalnum()
    if op is _OPS.IN:
        if argument and argument[0][0] is _OPS.NEGATE:  # "[^.;]": letters unless excluded
            return not any(kind is _OPS.CATEGORY and value is _OPS.CATEGORY_WORD
                           for kind, value in argument[1:])
        return any((kind is _OPS.CATEGORY and value is _OPS.CATEGORY_WORD)
                   or kind is _OPS.RANGE or (kind is _OPS.LITERAL and chr(value).isalnum())
                   for kind, value in argument)
    return False


def _word_run(op: Any, argument: Any) -> bool:
    """A run of word characters of any length ("\\w+", "[\\w']+")."""
    if op not in _REPEATS:
        return False
    _, most, body = argument
    items = list(body)
    return most > 1 and len(items) == 1 and _matches_letters(*items[0])


def _risky_repeats(items: list[tuple[Any, Any]], state: Any) -> list[str]:
    found = []
    for op, argument in items:
        children: list[list[tuple[Any, Any]]] = []
        if op in _REPEATS:
            _, most, body = argument
            parts = list(body)
            if len(parts) == 1 and parts[0][0] is _OPS.SUBPATTERN:
                parts = list(parts[0][1][3])
            rest = _PARSER.SubPattern(state, parts[1:])
            if most > 1 and parts and _word_run(*parts[0]) and rest.getwidth()[0] == 0:
                found.append(str(parts[:3])[:120])
            children.append(list(body))
        elif op is _OPS.SUBPATTERN:
            children.append(list(argument[3]))
        elif op is _OPS.BRANCH:
            children.extend(list(branch) for branch in argument[1])
        for child in children:
            found += _risky_repeats(child, state)
    return found


def _patterns() -> list[tuple[str, str]]:
    """Every pattern of every label set: its rules, contexts, markers and cue lists."""
    found = []
    for label_set in LABEL_SETS.values():
        folder = label_set.folder()
        rules = json.loads((folder / label_set.rules_file).read_text(encoding="utf-8"))
        for category, spec in rules["categories"].items():
            for rule in spec["rules"]:
                found += [(f"{label_set.name}/{category}", p) for p in rule.get("patterns", [])]
        for kind in ("contexts", "markers"):
            found += [(f"{label_set.name}/{kind}/{name}", p)
                      for name, p in rules.get(kind, {}).items() if not name.startswith("_")]
        cues = json.loads((folder / label_set.cues_file).read_text(encoding="utf-8"))
        for name, cue in cues.get("cues", {}).items():
            found += [(f"{label_set.name}/cues/{name}", p) for p in cue.get("patterns", [])]
    return found


def test_a_word_cut_into_pieces_is_found() -> None:
    tree = _PARSER.parse(r"(?:\w+\s*,?\s*){1,8}?alone")
    assert _risky_repeats(list(tree), tree.state)
    tree = _PARSER.parse(r"(?:[^.;]+,?){0,8}?alone")  # a negated class holds letters too
    assert _risky_repeats(list(tree), tree.state)
    tree = _PARSER.parse(r"(?:\w+\s+){0,8}?alone")
    assert not _risky_repeats(list(tree), tree.state)


@pytest.mark.parametrize(("where", "pattern"), _patterns())
def test_no_pattern_cuts_a_word_into_pieces(where: str, pattern: str) -> None:
    tree = _PARSER.parse(pattern)
    assert not _risky_repeats(list(tree), tree.state), f"{where}: {pattern[:200]}"


def test_no_pattern_holds_a_control_character() -> None:
    """A "\\b" typed into a Python string that is not raw becomes a backspace, which no note
    holds: the pattern stops matching without an error (it happened to a family-history
    pattern while it was being widened in issue 16's twenty-fifth round)."""
    found = [f"{where}: {p[:80]!r}" for where, p in _patterns() if any(ord(c) < 32 for c in p)]
    assert found == []
