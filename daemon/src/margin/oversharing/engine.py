"""The over-sharing check: which sentences of a progress note belong in the private notes.

It splits the text with the misplacement linter's splitter (the same sentence parts the
panel underlines), gives each part the first category in the rules' order whose rule fires
(tests/oversharing/LABELING.md), and then applies the safety floor: a part with any risk
content is never flagged, in whatever form it comes (a long quote, a dream, a third party's
threat), because a flag there would discourage documenting risk. The floor is the linter's
safety rules read without their "private context" exceptions, and the rules file's own list
of risk words. (The linter's sentence model is not used: it was trained on private notes and
scores narrative and quotation in a progress note as risk far too often.)
"""

from __future__ import annotations

import re
from functools import lru_cache

from margin.lint import Finding, Linter, default_linter
from margin.oversharing.rules import Rule, Rules, load_rules

# Straight or curly double quotes around at least one word; a quote may run across
# sentence ends, so quotes are found in the whole text, not per part.
_QUOTE = re.compile(r"\"([^\"\n]+)\"|“([^”\n]+)”")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")


class OversharingCheck:
    """Holds the compiled rules and the linter it borrows from; build once, call often."""

    def __init__(self, rules: Rules | None = None, linter: Linter | None = None) -> None:
        self.rules = rules or load_rules()
        self.linter = linter or default_linter()

    def check(self, text: str) -> list[Finding]:
        quotes = self._long_quotes(text)
        findings = []
        for sentence in _sentences(text, self.linter.splitter.spans(text)):
            flagged = [(start, end, self._category(text, start, end, quotes))
                       for start, end in sentence]
            if not any(category for _, _, category in flagged):
                continue
            # Safety wins over the whole sentence: in "consult re: risk - supervisor advised
            # an evaluation" the second part is the risk assessment's continuation.
            if any(self.is_safety(text, start, end) for start, end in sentence):
                continue
            findings += [Finding(start, end, category, self.rules.severity_of(category),
                                 self.rules.says[category])
                         for start, end, category in flagged if category is not None]
        return findings

    def is_safety(self, text: str, start: int, end: int) -> bool:
        """Any risk content in the part, by any of the three nets (see module docstring)."""
        if self.rules.safety_floor.search(text, start, end):
            return True
        return bool(self.linter.rule_categories(text, start, end, context=False, only="safety"))

    def _long_quotes(self, text: str) -> list[tuple[int, int]]:
        spans = []
        for match in _QUOTE.finditer(text):
            inside = match.group(1) or match.group(2) or ""
            if len(_WORD.findall(inside)) >= self.rules.quote_min_words:
                spans.append((match.start(), match.end()))
        return spans

    def _category(self, text: str, start: int, end: int,
                  quotes: list[tuple[int, int]]) -> str | None:
        part = text[start:end]
        for rule in self.rules.rules:
            if self._fires(rule, part, start, end, quotes):
                return rule.category
        return None

    def _fires(self, rule: Rule, part: str, start: int, end: int,
               quotes: list[tuple[int, int]]) -> bool:
        if any(cue.search(part) for cue in rule.unless):
            return False
        if rule.kind == "quote":
            return any(q_start < end and start < q_end for q_start, q_end in quotes)
        if rule.kind == "question":
            return "?" in _QUOTE.sub("", part)
        if rule.kind == "narrative":
            rules = self.rules
            return (len(_WORD.findall(part)) >= rules.narrative_min_words and
                    len(rules.narrative_events.findall(part)) >= rules.narrative_min_events)
        assert rule.regex is not None
        # Words inside a quotation are the client's: "I think" there is not the clinician's
        # guess, and a quoted "nightmare" is not a dream. The quote rule judges them.
        unquoted = _QUOTE.sub(_blank, part)
        if rule.after is None:
            return rule.regex.search(unquoted) is not None
        return _after(rule, unquoted)


def _sentences(text: str, spans: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Group the splitter's parts into sentences: parts cut by a semicolon, a spaced slash or
    dash stay together; a full stop, question or exclamation mark or a line end starts anew."""
    groups: list[list[tuple[int, int]]] = []
    for start, end in spans:
        if groups:
            last_end = groups[-1][-1][1]
            gap = text[last_end:start]
            if text[last_end - 1] not in ".!?" and not any(c in gap for c in "\r\n\u2028\u2029"):
                groups[-1].append((start, end))
                continue
        groups.append([(start, end)])
    return groups


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


def _after(rule: Rule, part: str) -> bool:
    """A match of the rule that comes after its cue (a person named), close enough."""
    assert rule.after is not None and rule.regex is not None
    cues = [m.end() for m in rule.after.finditer(part)]
    if not cues:
        return False
    return any(any(0 <= m.start() - cue <= rule.within for cue in cues)
               for m in rule.regex.finditer(part))


@lru_cache(maxsize=1)
def default_check() -> OversharingCheck:
    return OversharingCheck()


def check_text(text: str) -> list[Finding]:
    """Flag each sentence of a progress note that over-shares (see module docstring)."""
    return default_check().check(text)
