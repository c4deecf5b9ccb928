"""A part read with what follows its dash: whose matter it is, or how the phrase ends.

The splitter cuts a sentence at a spaced dash, so the part before it is read alone. Some
clinicians put the decisive words after the dash:

- whose matter it is: "Started sertraline 50 this wk - her mum, not pt", "Heart racing most
  of the hour - mine", "Prognosis discussed - her cat's". The part is read as if the owner
  were named first ("her mum: Started sertraline 50 this wk"), so the linter's usual
  reading of a third party, of a child at risk, of a family history of suicide or of the
  clinician's own reaction decides it;
- how the phrase ends: "He keeps a gun by the bed - in the survival game he streams",
  "She said she'd take the whole bottle - of the ghost-pepper sauce". A tail opening with
  a lower-case preposition continues the sentence, so the part is read with it.

The owner must be marked: a possessive ("husband's"), "mine", or a denial ("her mum, not
pt"); "Good prognosis - supportive partner" gives a reason, not an owner. A part of the risk
category is read with an owner only after a denial: "Kept the morphine for when the time
comes - her late husband's" says whose the morphine was, not whose the risk is. rules.json
"contexts": "owner_after" (named groups "owner", "marked" and "denied") and
"continues_after".
"""

from __future__ import annotations

import re

from margin.lint.lexicon import Lexicon

# A spaced dash between two parts: nothing else (a semicolon ends the thought).
_DASH = re.compile(r"[ \t]+[-–—]{1,2}[ \t]+")


def readings(lexicon: Lexicon, text: str, spans: list[tuple[int, int]],
             top: str, flagged: list[str | None]) -> dict[int, str]:
    """Part index -> the text the part is to be read as, for parts a dash's tail finishes.
    `flagged` holds each part's category as read alone (None: nothing), `top` the risk
    category."""
    owner_after = lexicon.contexts.get("owner_after")
    continues_after = lexicon.contexts.get("continues_after")
    if owner_after is None or continues_after is None:
        return {}
    read: dict[int, str] = {}
    for index in range(len(spans) - 1):
        (start, end), (tail_start, tail_end) = spans[index], spans[index + 1]
        if not _DASH.fullmatch(text, end, tail_start):
            continue
        tail = text[tail_start:tail_end]
        owner = owner_after.match(tail)
        if owner is not None and (owner.group("denied") or (
                owner.group("marked") is not None and flagged[index] != top)):
            read[index] = f"{owner.group('owner')}: {text[start:end]}"
        elif continues_after.match(tail):
            read[index] = f"{text[start:end]} {tail}"
    return read
