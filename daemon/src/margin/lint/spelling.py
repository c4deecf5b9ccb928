"""Misspelt key words and note shorthand, read as what they stand for.

Notes are typed fast: "sucidal", "laxitives", "assesed", "abt", "wont". The rules match the
words as written, so one wrong letter in a key word hid a risk from them. The engine lints a
respelled copy of a sentence part beside the part as written and keeps the more important
finding (engine.py), so respelling can add a finding, never take one away.

Respelling is narrow on purpose:
- a word of MIN_LENGTH letters or more is read as a key word (a word the rules spell) only
  when it is one edit from it (a letter missing, added or changed, or two letters swapped)
  and from no other key of the same kind of slip (_likeliest);
- never a real English word near a key ("overdoes", "pulls"): spelling.json lists every
  one, read from a word-frequency list when the file is built (tests/linter/build_spelling.py);
- shorthand from a fixed list ("abt": about, "wont": won't).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

MIN_LENGTH = 5
_WORD = re.compile(r"[A-Za-z0-9]+")
_KEPT = 50_000  # words whose reading is kept (a bound on a long-running daemon's memory)


def one_edit(word: str, key: str) -> bool:
    """Whether `word` is one edit from `key`: one letter missing, added or changed, or two
    neighbouring letters swapped."""
    if word == key or abs(len(word) - len(key)) > 1:
        return False
    if len(word) == len(key):
        diffs = [i for i, (a, b) in enumerate(zip(word, key, strict=True)) if a != b]
        return len(diffs) == 1 or (
            len(diffs) == 2 and diffs[1] == diffs[0] + 1
            and word[diffs[0]] == key[diffs[1]] and word[diffs[1]] == key[diffs[0]])
    longer, shorter = (word, key) if len(word) > len(key) else (key, word)
    pairs = enumerate(zip(longer, shorter, strict=False))
    cut = next((i for i, (a, b) in pairs if a != b), len(shorter))
    return longer[:cut] + longer[cut + 1:] == shorter


def _likeliest(word: str, keys: set[str]) -> str | None:
    """The key a misspelling most likely stands for: the only one; else the only one of its
    length (a letter changed or two swapped: "reasosn" is "reasons", not "reason"); else the
    only one a letter longer (a letter left out is the commonest slip: "thoughs" is
    "thoughts", not "though"); else none."""
    for chosen in (keys, {k for k in keys if len(k) == len(word)},
                   {k for k in keys if len(k) == len(word) + 1}):
        if len(chosen) == 1:
            return next(iter(chosen))
    return None


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


class Respeller:
    """Reads misspelt key words and shorthand; build once per label set."""

    def __init__(self, keys: list[str], real: list[str], shorthand: dict[str, str]) -> None:
        self._keys = frozenset(keys)
        self._real = frozenset(real)
        self._shorthand = {word.lower(): reading for word, reading in shorthand.items()}
        # Each key and each key with one letter deleted -> the keys: a word one edit from a
        # key shares one of these with it (the symmetric-delete lookup of SymSpell).
        self._near: dict[str, list[str]] = {}
        # A word longer than every key by more than a letter is one edit from none; checking
        # it would cost its length squared (a pasted run of letters with no space).
        self._longest = max((len(key) for key in self._keys), default=0) + 1
        for key in self._keys:
            for variant in _deletes(key) | {key}:
                self._near.setdefault(variant, []).append(key)
        self._readings: dict[str, str | None] = {}

    @classmethod
    def load(cls, path: Path) -> Respeller:
        """Raises OSError or ValueError (KeyError, TypeError) when the file is missing or
        damaged; the caller decides whether the linter runs without it."""
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(list(data["keys"]), list(data["real"]), dict(data["shorthand"]))

    def reading(self, word: str) -> str | None:
        """What a lowercase word stands for, or None when it is read as written."""
        if word in self._readings:
            return self._readings[word]
        if len(self._readings) >= _KEPT:
            self._readings.clear()
        found = self._shorthand.get(word)
        if found is None and MIN_LENGTH <= len(word) <= self._longest and word.isalpha() and (
                word not in self._keys and word not in self._real):
            near = {key for variant in _deletes(word) | {word}
                    for key in self._near.get(variant, ()) if one_edit(word, key)}
            found = _likeliest(word, near)
        self._readings[word] = found
        return found

    def respell(self, text: str, start: int, end: int) -> str | None:
        """text[start:end] with every misspelt key word and shorthand read, or None when
        nothing in it needs reading."""
        pieces: list[str] = []
        last = start
        for match in _WORD.finditer(text, start, end):
            word = match.group()
            reading = self.reading(word.lower())
            if reading is None:
                continue
            if word[0].isupper():
                reading = reading[0].upper() + reading[1:]
            pieces += [text[last:match.start()], reading]
            last = match.end()
        if not pieces:
            return None
        return "".join(pieces) + text[last:end]
