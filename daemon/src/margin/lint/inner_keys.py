"""A word inside every match of a rule: a second cheap test after the gate (gate.py).

The gate keys a rule on the words a match can start with. Many rules start with a word
every note is full of ("she", "her", "the": "she'll regret it", "her pills are gone"), so
the gate opens them in almost every sentence part, and trying them there was most of the
rules' time. Such a pattern also holds a later word that every match must contain
("regret", "pills"): when no word of the part opens with it, the rule cannot match there
and is not tried (the idea of the prefilters of RE2 and codesearch, kept to whole-word
openings so that it is one set lookup against the part's word keys). The words are read
from the pattern as the standard library's own parser sees it; what it cannot read for
sure (a class of letters, an optional group, a back-reference) gives no key, and such a
rule is always tried: this test, like the gate, may let too much through, never too
little (test_gate.py checks it against every corpus sentence).
"""

from __future__ import annotations

import importlib
import re
from typing import Any

from margin.lint.gate import KEY_LENGTH
from margin.lint.lazy_pattern import LazyPattern

# The parser behind re.compile. It is private but unchanged since Python 3.11; should it
# ever go, no key is read and every rule is tried as before.
try:
    _PARSER: Any = importlib.import_module("re._parser")
    _OPS: Any = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover - a Python without it
    _PARSER = _OPS = None

# Shorter openings ("he", "on") are in nearly every part: checking them saves nothing.
MIN_LENGTH = 3

Keys = frozenset[str]


def inner_keys(pattern: re.Pattern[str] | LazyPattern) -> Keys | None:
    """Openings (gate.word_keys) one of which some word of every match of `pattern` has,
    taken from a word after the first where one can be read ("suicid*" alone gives its
    own), or None when a branch gives none for sure. For a rule's pattern: every match
    starts at a word, as the rules' guard against a word character before them makes
    sure (lexicon.py)."""
    if _PARSER is None:
        return None
    try:
        tree = _PARSER.parse(pattern.pattern, pattern.flags)
    except (re.error, RecursionError):
        return None
    return _sequence(list(tree), word_start=True, skip_first=True)


def _sequence(items: list[tuple[Any, Any]], word_start: bool,
              skip_first: bool = False) -> Keys | None:
    """The best keys of one sequence: any word every match holds will do, so the longest
    keys (the fewest on a tie) are kept. With skip_first the sequence's first word is taken
    only when no later one can be read (the gate has already checked it); a group that
    comes first gives the later words of each of its branches, or their first."""
    choices: list[Keys] = []
    opening: Keys | None = None  # the first word's, if no later word can be read
    first = True  # the next word this sequence consumes is its first
    index = 0
    while index < len(items):
        op, argument = items[index]
        if op in (_OPS.AT, _OPS.ASSERT, _OPS.ASSERT_NOT):
            index += 1  # zero width: it starts or ends no word
            continue
        if op is _OPS.LITERAL and _is_word_char(argument):
            end = index
            while end < len(items) and items[end][0] is _OPS.LITERAL \
                    and _is_word_char(items[end][1]):
                end += 1
            run = "".join(chr(code).lower() for _, code in items[index:end])
            if word_start and not run[0].isdigit():
                if skip_first and first:
                    opening = frozenset({run[:KEY_LENGTH]})
                elif len(run) >= MIN_LENGTH:
                    choices.append(frozenset({run[:KEY_LENGTH]}))
            first = word_start = False
            index = end
            continue
        if word_start:
            found = _group(op, argument, skip_first and first)
            if found:
                choices.append(found)
        first = first and _ends_at_non_word(op, argument)
        word_start = _after([(op, argument)], word_start)
        index += 1
    if not choices:
        return opening
    return max(choices, key=lambda keys: (min(map(len, keys)), -len(keys)))


def _group(op: Any, argument: Any, skip_first: bool) -> Keys | None:
    """The keys of a group that starts at a word: every branch must give some."""
    if op is _OPS.SUBPATTERN:
        return _sequence(list(argument[3]), True, skip_first)
    if op is _OPS.BRANCH:
        branches = [_sequence(list(branch), True, skip_first) for branch in argument[1]]
        if all(branches):
            return frozenset().union(*[keys for keys in branches if keys])
    return None


def _after(items: list[tuple[Any, Any]], word_start: bool) -> bool:
    """Whether a word surely begins right after the sequence (given whether one begins
    right before it): it ends in a space or hyphen, or in an optional part that does
    ("(?:the\\s+)?pills")."""
    for op, argument in items:
        if op in (_OPS.AT, _OPS.ASSERT, _OPS.ASSERT_NOT):
            continue
        if op in (_OPS.MAX_REPEAT, _OPS.MIN_REPEAT, _OPS.POSSESSIVE_REPEAT):
            least, _, repeated = argument
            taken = _after(list(repeated), word_start)
            word_start = taken if least >= 1 else word_start and taken
        elif op is _OPS.SUBPATTERN:
            word_start = _after(list(argument[3]), word_start)
        elif op is _OPS.BRANCH:
            word_start = all(_after(list(branch), word_start) for branch in argument[1])
        else:
            word_start = _ends_at_non_word(op, argument)
    return word_start


def _is_word_char(code: int) -> bool:
    return chr(code).isalnum() or chr(code) == "_"


def _ends_at_non_word(op: Any, argument: Any) -> bool:
    """The item always consumes at least one character and only non-word ones (a space, a
    hyphen, "\\s+", "[\\s-]+"), so a word begins right after it."""
    if op is _OPS.LITERAL:
        return not _is_word_char(argument)
    if op is _OPS.IN:
        return _class_is_non_word(argument)
    if op in (_OPS.MAX_REPEAT, _OPS.MIN_REPEAT, _OPS.POSSESSIVE_REPEAT):
        least, _, repeated = argument
        items = list(repeated)
        return least >= 1 and len(items) == 1 and _ends_at_non_word(*items[0])
    return False


def _class_is_non_word(members: list[tuple[Any, Any]]) -> bool:
    for op, argument in members:
        if op is _OPS.NEGATE:
            return False
        if op is _OPS.LITERAL and not _is_word_char(argument):
            continue
        if op is _OPS.CATEGORY and argument is _OPS.CATEGORY_SPACE:
            continue
        return False
    return True
