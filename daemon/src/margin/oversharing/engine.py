"""The over-sharing check: which sentences of a progress note belong in the private notes.

It splits the text with the misplacement linter's splitter (the same sentence parts the
panel underlines), gives each part the first category in the rules' order whose rule fires
(tests/oversharing/LABELING.md), and then applies the safety floor: a part with any risk
content is never flagged, in whatever form it comes (a long quote, a dream, a third party's
threat), because a flag there would discourage documenting risk. The floor is the linter's
safety rules read without their "private context" exceptions, the rules file's own list of
risk words, and the safety head of this check's model (model.py). (The linter's own model is
not used: it was trained on private notes only and scores narrative and quotation in a
progress note as risk far too often.)

Why not a label set of the linter's sentence engine (lint/labelset.py)? That engine finds
terms in one sentence part and judges them by context. Over-sharing also needs what its
rule format has no words for: a quotation's length across sentence ends, a question outside
quotation marks, a count of past-tense events, a fact that comes after a person named, and
a floor that vetoes a whole sentence. So this check keeps its own small engine, on the
linter's splitter, safety rules and model features.
"""

from __future__ import annotations

import re
from functools import lru_cache

from margin.lint import Finding, Linter, default_linter
from margin.oversharing.model import OversharingModel, load_model
from margin.oversharing.rules import Rule, Rules, load_rules, rules_dir

# Straight or curly double quotes around at least one word; a quote may run across
# sentence ends, so quotes are found in the whole text, not per part.
QUOTE = re.compile(r"\"([^\"\n]+)\"|“([^”\n]+)”")
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")
MODEL_MIN_WORDS = 8


class OversharingCheck:
    """Holds the compiled rules and the linter it borrows from; build once, call often."""

    def __init__(self, rules: Rules | None = None, linter: Linter | None = None, *,
                 model: OversharingModel | None = None, use_model: bool = True) -> None:
        self.rules = rules or load_rules()
        self.linter = linter or default_linter()
        if model is None and use_model:
            model = load_model(rules_dir())
        self.model = model if use_model else None

    def check(self, text: str) -> list[Finding]:
        quotes = self._long_quotes(text)
        spans = self.linter.splitter.spans(text)
        called = {span: self._category(text, *span, quotes) for span in spans}
        by_model = self._model_calls(text, [span for span, c in called.items() if c is None])
        flagged = [sentence for sentence in _sentences(text, spans)
                   if any(called[span] or span in by_model for span in sentence)]
        # Safety wins over the whole sentence: in "consult re: risk - supervisor advised
        # an evaluation" the second part is the risk assessment's continuation.
        safe = self._safe_by_model(text, [span for sentence in flagged for span in sentence])
        findings = []
        for sentence in flagged:
            if any(span in safe or self._safety_by_rules(text, *span) for span in sentence):
                continue
            findings += [self._finding(span, called[span] or by_model[span], span in by_model)
                         for span in sentence if called[span] or span in by_model]
        return findings

    def _model_calls(self, text: str, spans: list[tuple[int, int]]) -> dict[tuple[int, int], str]:
        """The parts no rule flagged that the model is confident over-share."""
        # Short parts are left to the rules: the model's guesses on a few words (a heading,
        # "she talked about her weekend") are too often wrong.
        spans = [(s, e) for s, e in spans if len(WORD.findall(text, s, e)) >= MODEL_MIN_WORDS]
        if self.model is None or not spans:
            return {}
        scores = self.model.scores(text[s:e] for s, e in spans)
        calls = {span: self.model.decide(row) for span, row in zip(spans, scores, strict=True)}
        return {span: category for span, category in calls.items() if category is not None}

    def _safe_by_model(self, text: str, spans: list[tuple[int, int]]) -> set[tuple[int, int]]:
        """The parts the model's safety head finds risk in, scored in one batch: a part's
        score is the same alone or in a batch, and a batch costs little more than one part
        (numpy's fixed cost per call dominates). The rules' nets run after it, and only
        until one part of a sentence is safe (is_safety is their union, in any order)."""
        if self.model is None or not spans:
            return set()
        scores = self.model.safety_scores(text[s:e] for s, e in spans)
        return {span for span, score in zip(spans, scores, strict=True)
                if score >= self.model.safety_threshold}

    def _finding(self, span: tuple[int, int], category: str, by_model: bool) -> Finding:
        message = self.rules.says[category]
        if by_model:
            message += " (Flagged by its wording, not by a listed phrase.)"
        return Finding(span[0], span[1], category, self.rules.severity_of(category), message)

    def is_safety(self, text: str, start: int, end: int) -> bool:
        """Any risk content in the part, by any of the three nets (see module docstring)."""
        if self._safety_by_rules(text, start, end):
            return True
        return self.model is not None and self.model.is_safety(text[start:end])

    def _safety_by_rules(self, text: str, start: int, end: int) -> bool:
        if self.rules.safety_floor.found(text, start, end):
            return True
        return bool(self.linter.rule_categories(text, start, end, context=False, only="safety"))

    def _long_quotes(self, text: str) -> list[tuple[int, int]]:
        spans = []
        for match in QUOTE.finditer(text):
            inside = match.group(1) or match.group(2) or ""
            if len(WORD.findall(inside)) >= self.rules.quote_min_words:
                spans.append((match.start(), match.end()))
        return spans

    def _category(self, text: str, start: int, end: int,
                  quotes: list[tuple[int, int]]) -> str | None:
        part = text[start:end]
        # Words inside a quotation are the client's: "I think" there is not the clinician's
        # guess, and a quoted "nightmare" is not a dream. The quote rule judges them.
        unquoted = QUOTE.sub(_blank, part)
        for rule in self.rules.rules:
            if self._fires(rule, part, unquoted, start, end, quotes):
                return rule.category
        return None

    def _fires(self, rule: Rule, part: str, unquoted: str, start: int, end: int,
               quotes: list[tuple[int, int]]) -> bool:
        if any(cue.found(part) for cue in rule.unless):
            return False
        if rule.kind == "quote":
            return any(q_start < end and start < q_end for q_start, q_end in quotes)
        if rule.kind == "question":
            return "?" in QUOTE.sub("", part)
        if rule.kind == "narrative":
            rules = self.rules
            return (len(WORD.findall(part)) >= rules.narrative_min_words and
                    len(rules.narrative_events.findall(part)) >= rules.narrative_min_events)
        assert rule.regex is not None
        if rule.after is None:
            return rule.regex.found(unquoted)
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
    if not rule.regex.found(part):
        return False
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
