"""Hints for the private notes themselves (issue 21 item 6; off by default, a setting).

The same guidance that keeps progress notes lean asks for care in the private notes too:
long direct quotations of the client, and third parties' full names, identify people if a
note is ever disclosed. These are hints, not findings: nothing is wrong with the sentence,
and the panel shows them gently (a dotted underline and the reason at the caret), never in
the banner or the count of sentences that belong in the record.

A long quotation is the over-sharing check's (its quote marks and its length, rules.json
"quote_min_words"); a full name is two or three capitalized words in a row that are not
a title, a relation, a day, a month or a common opening word ("Dr Smith", "Her Boss" and
"Monday Morning" are not).
"""

from __future__ import annotations

import re
from functools import lru_cache

from margin.lint import Finding
from margin.oversharing.engine import QUOTE, WORD
from margin.oversharing.rules import load_rules

KINDS = ("long_quote", "full_name")
MESSAGES = {
    "long_quote": "A short paraphrase keeps the point and identifies the client less than a long "
                  "quotation, if this note is ever disclosed.",
    "full_name": "Initials or a role (\"her sister\") identify this person less than a full "
                 "name, if this note is ever disclosed.",
}
_CAPITALIZED = r"[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?"
_CAPITALIZED_RUN = re.compile(rf"\b{_CAPITALIZED}(?:[ \t]+{_CAPITALIZED})+\b")
_CAPITALIZED_WORD = re.compile(_CAPITALIZED)
# Capitalized words that are not part of a name: a word list reads better than a literal.
_NOT_NAMES = frozenset("""
a an the i he she they we it his her their our my this that these those there here then
when if but and or so as at in on of to for from with by after before during since while
client pt patient therapist clinician dr mr mrs ms mx miss prof st mt
monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
god christmas easter thanksgiving ramadan hanukkah new year years eve day yesterday today
mother father mom dad sister brother aunt uncle husband wife partner boss friend teacher
coach officer nurse doctor grandma grandpa
""".split())  # noqa: SIM905


SEVERITY = "hint"  # a finding's shape (the panel draws it), with its own severity


@lru_cache(maxsize=1)
def _quote_min_words() -> int:
    return load_rules().quote_min_words


def hints(text: str) -> list[Finding]:
    """The long quotations and full names in a private note, in text order; each as a
    finding whose category is the kind of hint and whose severity is "hint"."""
    found = [_hint(m, "long_quote") for m in QUOTE.finditer(text)
             if len(WORD.findall(m.group(1) or m.group(2) or "")) >= _quote_min_words()]
    found += [Finding(start, end, "full_name", SEVERITY, MESSAGES["full_name"])
              for run in _CAPITALIZED_RUN.finditer(text) for start, end in _names(run)]
    return sorted(found, key=lambda hint: hint.start)


def _names(run: re.Match[str]) -> list[tuple[int, int]]:
    """In a run of capitalized words ("Then Maria Lopez"), the stretches of two or more
    that are not opening words, titles or dates ("Maria Lopez")."""
    names: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    for word in _CAPITALIZED_WORD.finditer(run.group()):
        if word.group().lower() in _NOT_NAMES:
            names.append(current)
            current = []
        else:
            current.append(word)
    names.append(current)
    return [(run.start() + words[0].start(), run.start() + words[-1].end())
            for words in names if len(words) >= 2]


def _hint(match: re.Match[str], kind: str) -> Finding:
    return Finding(match.start(), match.end(), kind, SEVERITY, MESSAGES[kind])

