"""A faster "is there a match?" for the over-sharing rules' big case-insensitive alternations.

Python's regular expressions try every alternative of a pattern at every character, and
with IGNORECASE they cannot skip ahead to a literal: most of the check's time went into
the rules and the safety floor failing to match ordinary sentences. Nearly every
alternative needs some literal text ("perhaps", "suicid", "dream"), and a sentence part
that holds none of an alternative's literals cannot match it; so each alternative is tried
only on the parts that hold one of its literals.

The answers are exactly the full pattern's: a pattern matches somewhere iff one of its
alternatives does, and the literals are read from the parsed pattern (re's own parser),
only where every match must contain them. The shortcut is taken for ASCII text only,
where case-insensitive matching is plain ASCII case; other text (where "ſ" matches "s")
goes to the full pattern.
"""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

from margin.lint.gate import _top_level_split

_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


class GatedPattern:
    """The alternation of `patterns` (as re.compile("(?:a)|(?:b)", flags) would be), with a
    fast exact `found` for existence; `search` and `finditer` are the full pattern's."""

    def __init__(self, patterns: list[str], flags: int = re.IGNORECASE) -> None:
        self.regex = re.compile("|".join(f"(?:{p})" for p in patterns), flags)
        self.pattern = self.regex.pattern
        branches = [b for p in patterns for b in _top_level_split(p)]
        self._branches = [(required_literals(b, flags), re.compile(b, flags)) for b in branches]
        # Each distinct literal is looked for once per call, not once per branch that needs
        # it: with a few hundred branches the per-branch loops cost more than the searches.
        self._always = [branch for literals, branch in self._branches if literals is None]
        needing: dict[str, list[int]] = {}
        for number, (literals, _) in enumerate(self._branches):
            for literal in literals or ():
                needing.setdefault(literal, []).append(number)
        self._needing = tuple(needing.items())

    def found(self, text: str, pos: int = 0, endpos: int | None = None) -> bool:
        """Whether the pattern matches in text[pos:endpos] (as `search` would find one)."""
        end = len(text) if endpos is None else endpos
        piece = text[pos:end]
        if not piece.isascii():
            return self.regex.search(text, pos, end) is not None
        lowered = piece.lower()
        if any(branch.search(text, pos, end) is not None for branch in self._always):
            return True
        tried: set[int] = set()
        for literal, numbers in self._needing:
            if literal not in lowered:
                continue
            for number in numbers:
                if number not in tried:
                    tried.add(number)
                    if self._branches[number][1].search(text, pos, end) is not None:
                        return True
        return False

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        return self.regex.search(text, pos, len(text) if endpos is None else endpos)

    def finditer(self, text: str) -> Any:
        return self.regex.finditer(text)


def required_literals(source: str, flags: int = re.IGNORECASE) -> frozenset[str] | None:
    """Lowercase ASCII strings one of which every match of `source` contains, or None when
    no such set can be read for sure (then the branch is always tried)."""
    found = _required(sre_parse.parse(source, flags))
    return frozenset(found) if found else None


def _required(sequence: Any) -> set[str] | None:
    """The most selective requirement of a sequence of parsed items (longest shortest
    literal): each item must match, so any one item's requirement holds for the whole."""
    options: list[set[str]] = []
    run: list[str] = []
    for op, value in sequence:
        if op is sre.LITERAL and value < 128:
            run.append(chr(value).lower())
            continue
        if run:
            options.append({"".join(run)})
            run = []
        inner = _item(op, value)
        if inner:
            options.append(inner)
    if run:
        options.append({"".join(run)})
    if not options:
        return None
    return max(options, key=lambda option: min(len(literal) for literal in option))


def _item(op: Any, value: Any) -> set[str] | None:
    if op is sre.SUBPATTERN:
        return _required(value[3])
    if op is sre.BRANCH:
        branches = [_required(branch) for branch in value[1]]
        if any(branch is None for branch in branches):
            return None
        return set().union(*branches)  # type: ignore[arg-type]
    if op in _REPEATS and value[0] >= 1:
        return _required(value[2])
    return None  # a class, a lookaround, an optional part: nothing for sure
