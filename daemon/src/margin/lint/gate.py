r"""A cheap test that skips a rule for a sentence part it cannot match.

Python's regular expressions try every alternative of a rule at every character, and a
note meets some eighty rules: most of the linter's time went there. Every rule pattern
starts at the beginning of a word (its `(?<![\w])` guard), so a match needs a word of
the part that begins with one of the rule's literal openings ("suicid" for "suicid*") or
is one of its whole words ("si" for "SI"). `keys()` reads those from the pattern source;
a part none of whose words fits is skipped. When an opening cannot be read for sure (a
pattern that starts with a class, an optional group) the rule has no keys and always
runs: the gate may let too much through, never too little (test_gate.py checks this
against every sentence of the corpus).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

KEY_LENGTH = 8
_QUANTIFIERS = "?*{"
_WORD = re.compile(r"\w+")
# What may follow a literal for it to be a whole word: the end, a space, an apostrophe
# ("can't" is "can" and "t"), one or more spaces or hyphens, a word boundary.
_WORD_ENDS = (" ", "'", "’", "/", "&", ",", ":", r"\.", r"\-", r"\s+", r"[\s-]+", r"\b",
              r"(?![\w])")
# A word end that may be missing ("denie'?s"): the word may go on past the literal.
_OPTIONAL_END = re.compile(r"(?:['’/&,:]|\\[.\-])[?*]")
_JOINED = r"[\s-]*"  # "c-ptsd", "c ptsd" or "cptsd": a whole word, or one joined word
# A class of symbols only ("[+-]", "['\"]"), with any spaces after it: the word comes after
# them.
_SYMBOLS = re.compile(r"\[(?:[^\w\]\\]|\\[^\w\s])+\][?*]?(?:\\s[*+?]?)?")
# An apostrophe or quote mark, optional or not: "'d be" opens at the word "d" ("she 'd").
_QUOTE = re.compile(r"['’\"][?*]?")
# A class of plain letters, not repeated ("[sh]\.i\."): one opening per letter.
_LETTERS = re.compile(r"\[([A-Za-z]+)\](?![?*+{])")
WHOLE = "$"  # a key ending in it is a whole word, not an opening
DIGIT = "#"  # the key of a word that starts with a digit


def words(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """(start, lowercased word) of every word of text[start:end], in order."""
    return [(match.start(), match.group().lower()) for match in _WORD.finditer(text, start, end)]


def word_starts(text: str, start: int, end: int) -> dict[str, list[int]]:
    """Each key a word of text[start:end] gives (its first 1 to 8 characters lowercased, the
    whole word, a leading digit) -> where the words that give it start, in order."""
    found: dict[str, list[int]] = {}
    for position, word in words(text, start, end):
        for key in word_keys(word):
            found.setdefault(key, []).append(position)
    return found


@lru_cache(maxsize=8192)
def word_keys(word: str) -> tuple[str, ...]:
    """Kept per word: a note repeats its words, and making the keys was a fifth of the
    rules' time."""
    keys = [word[:n] for n in range(1, min(len(word), KEY_LENGTH) + 1)] + [word + WHOLE]
    if word[0].isdigit():
        keys.append(DIGIT)
    return tuple(keys)


def anchored(alternatives: list[str]) -> bool:
    """Every match starts right at a word with one of the keys (no symbol before it, as in
    "+AH"), so the rule can be tried at those words only instead of scanning the part."""
    return keys(alternatives, symbols=False) is not None


def keys(alternatives: list[str], symbols: bool = True) -> frozenset[str] | None:
    """Lowercase openings or whole words one of which every match starts with, or None."""
    found: set[str] = set()
    for alternative in alternatives:
        opening = _openings(alternative, symbols)
        if opening is None:
            return None
        found |= opening
    return frozenset(found)


def _openings(source: str, symbols: bool = True) -> set[str] | None:
    branches = _top_level_split(source)
    if len(branches) > 1:
        joined = keys(branches, symbols)
        return None if joined is None else set(joined)
    source = _skip_zero_width(source, symbols)
    if source.startswith(r"\d"):
        return {DIGIT}  # "(?<![\w])\d": a word that starts with a digit
    letters = _LETTERS.match(source)
    if letters is not None:
        rest = source[letters.end():]
        return _openings_of_paths("|".join(letters.group(1)), rest, symbols)
    group = _leading_group(source)
    if group is not None:
        inner, after = group
        # Each way through the group, followed by what comes after it.
        if after[:1] not in ("?", "*"):
            if after[:1] == "{":
                return None
            return _openings_of_paths(inner, after.lstrip("+"), symbols)
        # An optional group: the match opens inside it or with what follows it.
        rest = after[1:].removeprefix("?")
        through = _openings_of_paths(inner, rest, symbols)
        skipped = _openings(rest, symbols) if rest else None
        return None if through is None or skipped is None else through | skipped
    literal = ""
    for char in source:
        if not char.isalnum():
            break
        literal += char
    rest = source[len(literal):]
    if len(literal) > 1 and rest[:1] == "?" and _ends_word(rest[1:]):
        # "an?\s+": the whole word "a" or "an"
        return {literal.lower() + WHOLE, literal[:-1].lower() + WHOLE}
    if literal and rest[:1] in tuple(_QUANTIFIERS):
        literal, rest = literal[:-1], "?"  # "ab?c": only "a" is sure, and no whole word
    if not literal:
        return None
    literal = literal.lower()
    if _ends_word(rest):
        return {literal + WHOLE}
    # A mark or a space that may be left out ("denie'?s", "c[\s-]*ptsd"): the word ends at
    # the literal, or goes on as one joined word.
    optional = _OPTIONAL_END.match(rest) or (_JOINED if rest.startswith(_JOINED) else None)
    if optional is not None:
        skip = len(optional) if isinstance(optional, str) else optional.end()
        together = _openings(literal + rest[skip:], symbols)
        if together is not None:
            return {literal + WHOLE} | together
    group = _leading_group(rest)
    if group is not None and len(literal) < KEY_LENGTH:
        # "t(?:ook|akes)": the word opens with "took" or "takes", not just "t".
        inner, after = group
        if after[:1] not in tuple(_QUANTIFIERS):
            inside = _word_goes_on(literal, inner, after)
        elif after[:1] == "?":  # "she(?:\s+\(\d+\))?\s+was": through the group or past it
            tail = after[1:].removeprefix("?")
            through = _word_goes_on(literal, inner, tail)
            past = _openings(literal + tail, symbols)
            inside = None if through is None or past is None else through | past
        else:
            inside = None
        if inside is not None:
            return inside
    return {literal[:KEY_LENGTH]}


def _ends_word(rest: str) -> bool:
    """What follows a literal ends its word for sure: nothing, a space, an apostrophe."""
    return rest == "" or (rest.startswith(_WORD_ENDS) and not rest.startswith((r"\s*", r"\s?"))
                          and not _OPTIONAL_END.match(rest))


def _word_goes_on(literal: str, inner: str, after: str) -> set[str] | None:
    """The keys of a literal followed by a group: each way through the group either ends
    the word ("he(?:'ll|’ll)" is the whole word "he": an apostrophe parts words) or goes on
    with it ("t(?:ook|akes)"). Inside a word a symbol is not skipped: never "hell"."""
    found: set[str] = set()
    for branch in _top_level_split(inner):
        if _ends_word(branch + after):
            found.add(literal + WHOLE)
            continue
        inside = _openings(branch + after, symbols=False)
        if inside is None:
            return None
        found |= {literal + k if k.endswith(WHOLE) else (literal + k)[:KEY_LENGTH]
                  for k in inside if k != DIGIT}
        if DIGIT in inside:
            found.add(literal)
    return found


def _skip_zero_width(source: str, symbols: bool) -> str:
    """Drop what matches no character at the start: \b, lookarounds, a non-word symbol
    ("+AH": the word still opens with "ah")."""
    while True:
        if source.startswith(r"\b"):
            source = source[2:]
        elif source.startswith(("(?<!", "(?<=", "(?!", "(?=")):
            close = _closing(source)
            if close is None:
                return source
            source = source[close + 1:]
        elif not symbols:
            return source
        elif source[:2] in (r"\+", r"\-", r"\$", r"\#", r"\&") and source[2:3] not in _QUANTIFIERS:
            source = source[2:]
        elif leading := _SYMBOLS.match(source) or _QUOTE.match(source):
            source = source[leading.end():]
        else:
            return source


def _leading_group(source: str) -> tuple[str, str] | None:
    """(inside, after) of a group the source starts with, or None."""
    for opener in ("(?:", "(?-i:", "(?i:"):
        if source.startswith(opener):
            break
    else:
        if not source.startswith("(") or source.startswith("(?"):
            return None
        opener = "("
    close = _closing(source)
    if close is None:
        return None
    return source[len(opener):close], source[close + 1:]


def _openings_of_paths(inner: str, after: str, symbols: bool = True) -> set[str] | None:
    found: set[str] = set()
    for branch in _top_level_split(inner):
        opening = _openings(branch + after, symbols)
        if opening is None:
            return None
        found |= opening
    return found


def _structure(source: str) -> Iterator[tuple[int, str, int]]:
    """(index, character, group depth after it) of each character outside escapes and
    character classes: the one walk both helpers below need."""
    depth, index, in_class = 0, 0, False
    while index < len(source):
        char = source[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        else:
            depth += (char == "(") - (char == ")")
            yield index, char, depth
        index += 1


def _closing(source: str) -> int | None:
    """Index of the parenthesis closing the group the source opens with."""
    for index, char, depth in _structure(source):
        if char == ")" and depth == 0:
            return index
    return None


def _top_level_split(source: str) -> list[str]:
    """Split a pattern at the bars outside any group or class."""
    branches, start = [], 0
    for index, char, depth in _structure(source):
        if char == "|" and depth == 0:
            branches.append(source[start:index])
            start = index + 1
    branches.append(source[start:])
    return branches
