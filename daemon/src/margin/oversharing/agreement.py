"""The leak guard and the linter agree: record content found in the progress note is no leak.

The linter tells the clinician to put safety content (and medication, test results and the
other record categories) into the progress note. When the clinician does, by copying the
sentence from the private note, the leak guard sees words from a private note in the
progress note. Such a passage is not a leak: it is marked "from your private note; it
belongs in the record", the save goes on without a question, and the audit trail records it
as documented in the progress note. Only private content keeps the held save.

A matched passage is record content when nearly all of its words lie in sentences the
linter flags in the progress-note text (the linter's rules and model, as the panel runs
them) and none of them is private content by the over-sharing check (a hypothesis, the
clinician's feelings, a third party's secret...: the linter can see a record fact in a
sentence that is still private); its category is the most important of those sentences'
(safety first). A passage that is half record, half private content stays a leak: the
private half still leaks. Safety content is never over-sharing, so it always passes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, Literal, Protocol, TypeVar

from margin.lint import Finding, Linter, default_linter
from margin.oversharing.engine import default_check

MESSAGE = "From your private note; it belongs in the record."
# Share of a passage's word characters that must lie in record sentences.
RECORD_SHARE = 0.9
_WORD = re.compile(r"\w+")


class Span(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


M = TypeVar("M", bound=Span)


@dataclass(frozen=True)
class Documented(Generic[M]):
    """A matched passage that is record content: the match and the linter's category."""

    match: M
    category: str
    message: str = MESSAGE


def record_content(matches: Sequence[M], text: str, *,
                   units: Literal["utf16", "chars"] = "utf16",
                   linter: Linter | None = None) -> list[Documented[M]]:
    """The matches (leak-guard or export matches into `text`) that are record content.

    `units` says how the matches count offsets: "utf16" for the leak guard's answers to the
    extension (GuardMatch), "chars" for code points (the export checker's matches).
    """
    if not matches:
        return []
    linter = linter or default_linter()
    findings = linter.lint(text)
    if not findings:
        return []
    # Private content by the over-sharing check (a hypothesis, a third party's secret...)
    # keeps a passage a leak even where the linter also sees a record fact in it.
    private = [(f.start, f.end) for f in default_check().check(text)]
    to_chars = _from_utf16(text) if units == "utf16" else None
    order = linter.lexicon.order
    documented = []
    for match in matches:
        start, end = (to_chars(match.start), to_chars(match.end)) if to_chars else \
            (match.start, match.end)
        category = _record_category(text, start, end, findings, order)
        if category is not None and not any(s < end and start < e for s, e in private):
            documented.append(Documented(match, category))
    return documented


def record_filter(matches: Sequence[M], text: str) -> list[tuple[M, str]]:
    """The export checker's record-content filter (scan.engine.RecordFilter): the matches
    into `text` (code-point offsets) that are record content, each with its category."""
    return [(d.match, d.category) for d in record_content(matches, text, units="chars")]


def split_matches(matches: Sequence[M], text: str, *,
                  units: Literal["utf16", "chars"] = "utf16",
                  linter: Linter | None = None) -> tuple[list[Documented[M]], list[M]]:
    """(record content, leaks): the matches that are documentation, and the rest."""
    documented = record_content(matches, text, units=units, linter=linter)
    kept = {id(d.match) for d in documented}
    return documented, [m for m in matches if id(m) not in kept]


def audit_detail(documented: Sequence[Documented[M]]) -> list[dict[str, object]]:
    """What the audit trail records for each: note, category and length; never the text."""
    return [{"note_id": getattr(d.match, "note_id", None), "category": d.category,
             "words": getattr(d.match, "words", None), "documented_in": "progress note"}
            for d in documented]


def _record_category(text: str, start: int, end: int, findings: list[Finding],
                     order: tuple[str, ...]) -> str | None:
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, start, end)]
    total = sum(e - s for s, e in words)
    if not total:
        return None
    covering = [f for f in findings if f.start < end and start < f.end]
    inside = sum(e - s for s, e in words
                 if any(f.start <= s and e <= f.end for f in covering))
    if inside < RECORD_SHARE * total:
        return None
    return min((f.category for f in covering), key=order.index)


def _from_utf16(text: str) -> _Utf16ToChars:
    return _Utf16ToChars(text)


class _Utf16ToChars:
    """Maps a UTF-16 offset (as JavaScript counts) back to a code-point offset."""

    def __init__(self, text: str) -> None:
        self._ascii = text.isascii()
        self._chars: list[int] = []
        if not self._ascii:
            for index, char in enumerate(text):
                self._chars.append(index)
                if ord(char) > 0xFFFF:
                    self._chars.append(index)
            self._chars.append(len(text))

    def __call__(self, offset: int) -> int:
        if self._ascii:
            return offset
        return self._chars[min(offset, len(self._chars) - 1)]
