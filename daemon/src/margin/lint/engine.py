"""The sentence engine: which sentences of a note carry what a label set flags.

Interface (shared by every label set, see labelset.py):

    linter = Linter(label_set=MISPLACEMENT)   # or Linter(lexicon, model=..., use_model=...)
    findings = linter.lint(text)              # [Finding(start, end, category, severity,
                                              #  message)], one per flagged sentence part
    linter.predict(text)                      # the most important category, or the label
                                              #  set's clear label ("private")

A label set is data: a rules file, a cue file, a model file and a category order, all in
shared_schema/lexicon/. Training (tests/linter/train_model.py --label-set NAME) and
evaluation (tests/linter/eval.py --label-set NAME) take the same name.

The misplacement label set flags sentences of a private note that belong in the record.
One finding per sentence part: every rule is tried, mentions that their context makes
private are dropped, overlapping mentions keep the longest ("med eval" is a plan, not a
drug), and the part gets the most important category left (the order in rules.json,
safety first). Severity is "critical" for safety and "warning" for everything else.
A part with a misspelt key word or note shorthand is also linted as respelled (spelling.py),
and a part quoting the client as told in the third person (quotes.py); each keeps that
finding where it is more important than its own. A part whose dash is
followed by whose matter it is ("- her mum, not pt") or by the end of its phrase ("- in the
game he streams") is read with it (tails.py).
Beside the rules runs a small sentence model (model.py): it adds a finding where no rule
fired, or raises a part to safety, only when it is confident; it drops a rule's finding
only when it is all but sure the part is private, and never a safety one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from itertools import chain

from margin.lint.context import ClauseContext
from margin.lint.gate import word_keys, words
from margin.lint.labelset import MISPLACEMENT, LabelSet
from margin.lint.lazy_pattern import LazyPattern
from margin.lint.lexicon import Lexicon, Rule
from margin.lint.model import SentenceModel
from margin.lint.quotes import told
from margin.lint.sentences import SentenceSplitter
from margin.lint.tails import readings

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’-]*")
# What lies between two parts of one sentence that a risk may be split across: a
# semicolon, a spaced dash, slash or bar (sentences.py cuts there), never a line end.
_JOINABLE = re.compile(r"[ \t,]*(?:;|[-–—]{1,2}|/|\|)[ \t,]*")
_WORDS_KEPT = 50_000  # words whose rules are kept (Linter._rules_opened_by)
# What a word opens (Linter._rules_opened_by): the anchored rules that need no other word,
# as (rule index, pattern); the anchored rules that need one (their inner keys); the rest.
_Opened = tuple[tuple[tuple[int, "re.Pattern[str]"], ...], frozenset[int], tuple[int, ...]]


@dataclass(frozen=True)
class Finding:
    """A flagged sentence: offsets into the linted text, what it is, and why."""

    start: int
    end: int
    category: str
    severity: str
    message: str

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class _Mention:
    rule: Rule
    start: int
    end: int
    matched: str
    anchors: tuple[int, ...]  # where context is judged: each cue of a "together" rule


class Linter:
    """Holds one label set's compiled rules and sentence model; build once (the daemon) and
    call lint() many times. `use_model=False` runs the rules alone (evaluation, comparison)."""

    def __init__(self, lexicon: Lexicon | None = None, *, model: SentenceModel | None = None,
                 use_model: bool = True, label_set: LabelSet = MISPLACEMENT,
                 respell: bool = True) -> None:
        self.label_set = label_set
        self.lexicon = lexicon or label_set.load_lexicon()
        # Misspelt key words and shorthand read as what they stand for (spelling.py).
        self.respeller = label_set.load_respeller() if respell else None
        self.splitter = SentenceSplitter(self.lexicon.abbreviations)
        self._rank = {name: i for i, name in enumerate(self.lexicon.order)}
        # Drug names are looked up only from a word that opens one (most words do not).
        self._drug_openers = frozenset(name.split(" ")[0] for name in self.lexicon.drug_names)
        # Word opening -> rules that need it (gate.py); rules with no keys always run.
        self._gated: dict[str, list[int]] = {}
        # Per word: the rules it opens, see _rules_opened_by.
        self._word_rules: dict[str, _Opened] = {}
        self._ungated = []
        # Rules matched only where a word opens them (_anchored_matches), not by scanning.
        self._anchored = frozenset(
            index for index, rule in enumerate(self.lexicon.rules)
            if rule.anchored and rule.keys is not None and rule.regex is not None
            and not rule.together and rule.lexicon != "drugs")
        for index, rule in enumerate(self.lexicon.rules):
            # A "together" rule needs its first cue at least (_together checks the rest).
            keys = rule.together[0].keys if rule.together else rule.keys
            if keys is None or rule.lexicon == "drugs":
                self._ungated.append(index)
            else:
                for key in keys:
                    self._gated.setdefault(key, []).append(index)
        self._across_parts = any(rule.across_parts for rule in self.lexicon.rules)
        # The anchored rules' patterns by rule index (each has one: see self._anchored),
        # compiled when a word first opens them (lazy_pattern.py).
        self._regexes: dict[int, LazyPattern] = {
            index: rule.regex for index, rule in enumerate(self.lexicon.rules)
            if index in self._anchored and rule.regex is not None}
        # Per rule: openings of a later word every match holds (inner_keys.py); a rule
        # without them is tried wherever the gate opens it.
        self._inner: dict[int, frozenset[str]] = {
            index: rule.inner for index, rule in enumerate(self.lexicon.rules) if rule.inner}
        # Inner key -> the anchored rules that need it: a part's keys name the anchored rules
        # it can hold at all, in a few set unions rather than a test per rule.
        needing: dict[str, set[int]] = {}
        for index, needed in self._inner.items():
            if index in self._anchored:
                for key in needed:
                    needing.setdefault(key, set()).add(index)
        self._needing = {key: frozenset(rules) for key, rules in needing.items()}
        self._compiled: dict[int, re.Pattern[str]] = {}  # anchored patterns compiled so far
        if model is None and use_model:
            model = label_set.load_model()
        self.model = model if use_model else None

    def predict(self, text: str) -> str:
        """The most important category flagged in `text`, or the label set's clear label."""
        categories = {finding.category for finding in self.lint(text)}
        if not categories:
            return self.label_set.clear_label
        return min(categories, key=self._rank.__getitem__)

    def lint(self, text: str) -> list[Finding]:
        spans = self.splitter.spans(text)
        found, read_as = self._findings_and_readings(text, spans)
        if self.model is not None and spans:
            scores = self.model.scores(read_as.get(i, text[s:e]) for i, (s, e) in enumerate(spans))
            for index, (start, end) in enumerate(spans):
                rule_finding = found[index]
                ruled = rule_finding.category if rule_finding else None
                decided = self.model.decide(scores[index], ruled)
                if decided is None:
                    found[index] = None
                elif decided != ruled:
                    found[index] = self._model_finding(start, end, decided)
        return [finding for finding in found if finding is not None]

    def rule_findings(self, text: str, spans: list[tuple[int, int]]) -> list[Finding | None]:
        """The rules' finding for each part (None: nothing flagged), risk split across two
        parts of one sentence included."""
        return self._findings_and_readings(text, spans)[0]

    def _findings_and_readings(self, text: str, spans: list[tuple[int, int]]
                               ) -> tuple[list[Finding | None], dict[int, str]]:
        """The rules' findings, and the parts read with what follows their dash (tails.py):
        part index -> the text it is read as, by the rules here and by the model."""
        found = [self._lint_part(text, start, end) for start, end in spans]
        read_as = readings(self.lexicon, text, spans, self.lexicon.order[0],
                           [f.category if f else None for f in found])
        for index, reading in read_as.items():
            read = self._lint_part(reading, 0, len(reading))
            start, end = spans[index]
            found[index] = read and Finding(start, end, read.category, read.severity,
                                            read.message)
        self._join_split_risk(text, spans, found, read_as)
        self._read_quotes(text, spans, found, read_as)
        self._read_misspellings(text, spans, found, read_as)
        return found, read_as

    def _read_quotes(self, text: str, spans: list[tuple[int, int]],
                     found: list[Finding | None], read_as: dict[int, str]) -> None:
        """A part quoting the client ('Pt: "dont want to be here anymore"') is linted again
        as told (quotes.py), respelled too; its finding is kept where it is more important
        than the part's own, so the telling only adds."""
        top = self.lexicon.order[0]
        for index, (start, end) in enumerate(spans):
            own = found[index]
            if own is not None and own.category == top:
                continue
            base = read_as.get(index)
            reading = told(text, start, end) if base is None else told(base, 0, len(base))
            if reading is None:
                continue
            respelled = self.respeller and self.respeller.respell(reading, 0, len(reading))
            for version in (reading, respelled) if respelled else (reading,):
                self._keep_if_more_important(found, index, start, end,
                                             self._lint_part(version, 0, len(version)))

    def _read_misspellings(self, text: str, spans: list[tuple[int, int]],
                           found: list[Finding | None], read_as: dict[int, str]) -> None:
        """A part with a misspelt key word or shorthand ("sucidal", "laxitives by the box",
        "u wont have to worry abt me") is linted again as respelled; its finding is kept
        where it is more important than the part's own, so respelling only adds."""
        if self.respeller is None:
            return
        top = self.lexicon.order[0]
        for index, (start, end) in enumerate(spans):
            own = found[index]
            if own is not None and own.category == top:
                continue
            # A part read with its tail is respelled as read: "Took 30 paracetomol - with
            # vodka" is risk, whatever the tail.
            reading = read_as.get(index)
            respelled = (self.respeller.respell(text, start, end) if reading is None
                         else self.respeller.respell(reading, 0, len(reading)))
            if respelled is None:
                continue
            self._keep_if_more_important(found, index, start, end,
                                         self._lint_part(respelled, 0, len(respelled)))

    def _keep_if_more_important(self, found: list[Finding | None], index: int, start: int,
                                end: int, read: Finding | None) -> None:
        """A part read another way (as told, as respelled) keeps that reading's finding only
        where it is more important than the part's own: such a reading only adds."""
        own = found[index]
        if read is not None and (
                own is None or self._rank[read.category] < self._rank[own.category]):
            found[index] = Finding(start, end, read.category, read.severity, read.message)

    def _join_split_risk(self, text: str, spans: list[tuple[int, int]],
                         found: list[Finding | None], read_as: dict[int, str]) -> None:
        """Risk split across a semicolon or a dash ("Bought rope; wouldn't say what for",
        "Cleared out her locker - says she won't be back"): neither part alone names it.
        Two neighbouring parts of one sentence, neither flagged safety, are tried together
        with the safety rules written for it (rules.json "across_parts"; the others would
        only find again what each part found); a match that crosses the cut flags both
        parts as safety. So does a match inside one part whose marker (a child, an older
        adult) is named only in the other: "78 y/o client; her pension now goes into his
        account" (since issue 16's ninth round)."""
        top = self.lexicon.order[0]
        if not self._across_parts:
            return
        for index in range(len(spans) - 1):
            (first_start, first_end), (next_start, next_end) = spans[index], spans[index + 1]
            if (not _JOINABLE.fullmatch(text, first_end, next_start) or index in read_as
                    or any(f is not None and f.category == top
                           for f in (found[index], found[index + 1]))):
                continue
            context = ClauseContext(self.lexicon, text, first_start, next_end)
            crossing = [m for m in self._mentions(text, first_start, next_end, top, across=True)
                        if self._keeps(m, context) and self._needs_both(text, spans, index, m)]
            if crossing:
                message = crossing[0].rule.says.replace("{match}", crossing[0].matched)
                severity = self.lexicon.severity.get(top, self.lexicon.severity["default"])
                found[index] = Finding(first_start, first_end, top, severity, message)
                found[index + 1] = Finding(next_start, next_end, top, severity, message)

    def _needs_both(self, text: str, spans: list[tuple[int, int]], index: int,
                    mention: _Mention) -> bool:
        """The mention crosses the cut between part `index` and the next, or its rule's
        markers are missing from the part it lies in (they are in the other one)."""
        (first_start, first_end), (next_start, next_end) = spans[index], spans[index + 1]
        if mention.start < first_end and mention.end > next_start:
            return True
        if not mention.rule.needs:
            return False
        own = (first_start, first_end) if mention.end <= first_end else (next_start, next_end)
        return not self._needs_met(mention, ClauseContext(self.lexicon, text, *own))

    def _model_finding(self, start: int, end: int, category: str) -> Finding:
        severity = self.lexicon.severity.get(category, self.lexicon.severity["default"])
        says = self.lexicon.says.get(category, "This belongs in the progress note.")
        return Finding(start, end, category, severity,
                       f"{says} (Flagged by its wording, not by a listed term.)")

    def _lint_part(self, text: str, start: int, end: int) -> Finding | None:
        context = ClauseContext(self.lexicon, text, start, end)
        mentions = [m for m in self._mentions(text, start, end) if self._keeps(m, context)]
        if not mentions:
            return None
        mentions = _longest_first(mentions)
        best = min(mentions, key=lambda m: (self._rank[m.rule.category], m.start))
        category = best.rule.category
        severity = self.lexicon.severity.get(category, self.lexicon.severity["default"])
        message = best.rule.says.replace("{match}", best.matched)
        return Finding(start, end, category, severity, message)

    def _candidates(self, words: list[tuple[int, str]]) -> list[int]:
        """The indices of the rules, other than anchored ones, whose gate lets this part
        through, in the lexicon's order. Which rules a word opens is kept per word: looking
        up every key of every rule, or every key of every word, was most of the rules'
        time."""
        opened = set(self._ungated)
        for _, word in words:
            opened.update(self._rules_opened_by(word)[2])
        return sorted(opened)

    def _anchored_matches(self, text: str, end: int,
                          words: list[tuple[int, str]]) -> list[tuple[int, re.Match[str]]]:
        """(rule index, match) of every anchored rule, each tried only at the words that
        open one of its keys: what finditer over the part would find, without trying every
        alternative at every character. Word by word rather than rule by rule: most rules
        a part lets through are tried at one word and fail there, and the bookkeeping of
        going rule by rule cost more than the matching. A rule that needs a later word
        (inner_keys.py) is tried only if the part holds one: the part's keys name those
        rules once (_needing), and each word's own are cut to them by a set intersection,
        since testing every rule at every word that opens it was most of the rules' time."""
        held: frozenset[int] | None = None  # rules whose needed word the part holds
        reached: dict[int, int] = {}
        found = []
        for position, word in words:
            free, needing, _ = self._rules_opened_by(word)
            tried: Sequence[tuple[int, re.Pattern[str]]] = free
            if needing:
                if held is None:
                    held = self._held(words)
                if not held.isdisjoint(needing):
                    compiled = self._compiled
                    tried = [*free, *[(index, compiled[index]) for index in needing & held]]
            for index, regex in tried:
                if reached and reached.get(index, 0) > position:
                    continue  # inside this rule's previous match, as finditer would skip it
                match = regex.match(text, position, end)
                if match is not None:
                    reached[index] = match.end()
                    found.append((index, match))
        return found

    def _held(self, words: list[tuple[int, str]]) -> frozenset[int]:
        """The anchored rules needing a later word one of whose keys the part holds."""
        needing = self._needing
        return frozenset().union(*(needing[key] for key in _openings(words) if key in needing))

    def _rules_opened_by(self, word: str) -> _Opened:
        """(anchored rules the word opens that need no later word, as (index, pattern);
        those that need one, by index; other rules it opens), kept per word."""
        rules = self._word_rules.get(word)
        if rules is None:
            if len(self._word_rules) >= _WORDS_KEPT:
                self._word_rules.clear()  # a bound on a long-running daemon's memory
            opened = sorted({i for key in word_keys(word) for i in self._gated.get(key, ())})
            for index in opened:
                if index in self._anchored and index not in self._compiled:
                    self._compiled[index] = self._regexes[index].compiled()
            rules = (tuple((i, self._compiled[i]) for i in opened
                           if i in self._anchored and i not in self._inner),
                     frozenset(i for i in opened if i in self._anchored and i in self._inner),
                     tuple(i for i in opened if i not in self._anchored))
            self._word_rules[word] = rules
        return rules

    def _mentions(self, text: str, start: int, end: int, only: str | None = None,
                  across: bool = False) -> list[_Mention]:
        """Every rule's mentions in text[start:end], in the lexicon's order of rules (the
        order decides ties between equally long mentions)."""
        found: list[tuple[int, _Mention]] = []
        rules = self.lexicon.rules
        part_words = words(text, start, end)
        for index, match in self._anchored_matches(text, end, part_words):
            rule = rules[index]
            if (only is not None and rule.category != only) or (across and not rule.across_parts):
                continue
            if rule.lexicon == "icd10cm" and match.group() not in self.lexicon.icd_codes:
                continue  # "F15" in a sentence about a fighter jet is not a code
            found.append((index, _Mention(rule, match.start(), match.end(), match.group(),
                                          (match.start(),))))
        openings: frozenset[str] | None = None  # every key of the part: "together" rules
        cue_matches: dict[int, list[re.Match[str]]] = {}  # per cue, shared by its rules
        for index in self._candidates(part_words):
            rule = rules[index]
            if (only is not None and rule.category != only) or (across and not rule.across_parts):
                continue
            if rule.lexicon == "drugs":
                found += [(index, _Mention(rule, s, e, text[s:e], (s,)))
                          for s, e in self._drugs(text, start, end)]
            elif rule.together:
                if openings is None:
                    openings = _openings(part_words)
                found += [(index, m) for m in _together(rule, text, start, end, openings,
                                                        cue_matches)]
            elif rule.regex is not None:
                needed = self._inner.get(index)
                if needed is not None:
                    if openings is None:
                        openings = _openings(part_words)
                    if needed.isdisjoint(openings):
                        continue
                found += [(index, _Mention(rule, m.start(), m.end(), m.group(), (m.start(),)))
                          for m in rule.regex.finditer(text, start, end)]
        found.sort(key=lambda pair: pair[0])  # stable: each rule's mentions keep their order
        return [mention for _, mention in found]

    def _drugs(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Spans of drug names: look up one, two and three word sequences."""
        words = list(_WORD.finditer(text, start, end))
        spans = []
        for i, first in enumerate(words):
            if first.group().lower() not in self._drug_openers:
                continue
            for length in (3, 2, 1):
                last = words[min(i + length, len(words)) - 1]
                phrase = " ".join(w.group().lower() for w in words[i:i + length])
                if len(words[i:i + length]) == length and phrase in self.lexicon.drug_names:
                    spans.append((first.start(), last.end()))
                    break
        return spans

    def rule_categories(self, text: str, start: int, end: int, *, context: bool = True,
                        only: str | None = None) -> set[str]:
        """Categories of the rules (of category `only`, if given) that match text[start:end].
        With context=False a mention counts even where a context (a dream, a third party, a
        guess) would make it private: the over-sharing check's safety floor, since risk in a
        progress note is never over-sharing, whatever form it takes."""
        clause = ClauseContext(self.lexicon, text, start, end)
        check = self._keeps if context else self._needs_met
        return {m.rule.category for m in self._mentions(text, start, end, only)
                if check(m, clause)}

    def _needs_met(self, mention: _Mention, context: ClauseContext) -> bool:
        for need in mention.rule.needs:
            if need == "result":
                if not context.result_near(mention.start, mention.end):
                    return False
            elif not context.has_marker(need):
                return False
        return True

    def _keeps(self, mention: _Mention, context: ClauseContext) -> bool:
        if not self._needs_met(mention, context):
            return False
        # A context makes the mention private only if it covers every cue of it.
        return not any(all(context.blocks(kind, anchor) for anchor in mention.anchors)
                       for kind in mention.rule.unless)


def _openings(part_words: list[tuple[int, str]]) -> frozenset[str]:
    """Every key (gate.word_keys) of every word of a part."""
    return frozenset(chain.from_iterable(word_keys(word) for _, word in part_words))


def _together(rule: Rule, text: str, start: int, end: int, openings: frozenset[str],
              cue_matches: dict[int, list[re.Match[str]]]) -> list[_Mention]:
    """One mention per match of the first cue that has every other cue close by.

    For each other cue the nearest match is taken; the mention covers them all. Its context
    is judged where the rule's "about" cue is ("her husband would be better off if she were
    gone" is about the client: the person nearest to "gone" is the client), or at each cue.
    """
    if any(cue.keys is not None and cue.keys.isdisjoint(openings) for cue in rule.together):
        return []
    per_cue = []
    for cue in rule.together:  # a cue list is searched once per part, and only as needed
        matches = cue_matches.get(id(cue))
        if matches is None:
            matches = cue_matches[id(cue)] = list(cue.regex.finditer(text, start, end))
        if not matches:
            return []
        per_cue.append(matches)
    mentions = []
    for first in per_cue[0]:
        picked = [first]
        for matches in per_cue[1:]:
            # One word cannot stand for two cues ("at peace" is in two lists).
            free = [m for m in matches if all(m.end() <= p.start() or p.end() <= m.start()
                                              for p in picked)]
            if not free:
                break
            picked.append(min(free, key=lambda m: abs(m.start() - first.start())))
        if len(picked) < len(per_cue):
            continue
        low = min(m.start() for m in picked)
        high = max(m.end() for m in picked)
        if high - low <= rule.within:
            anchors = tuple(m.start() for m in picked)
            if rule.about is not None:
                anchors = (anchors[rule.about],)
            mentions.append(_Mention(rule, low, high, text[low:high], anchors))
    return mentions


def _longest_first(mentions: list[_Mention]) -> list[_Mention]:
    """Drop a mention inside a longer one of another rule; safety mentions always stay."""
    kept: list[_Mention] = []
    for mention in sorted(mentions, key=lambda m: m.end - m.start, reverse=True):
        overlaps = any(m.start < mention.end and mention.start < m.end for m in kept)
        if mention.rule.category == "safety" or not overlaps:
            kept.append(mention)
    return kept


@lru_cache(maxsize=1)
def default_linter() -> Linter:
    return Linter()


def lint_text(text: str) -> list[Finding]:
    """Flag each sentence of `text` that carries record content (see module docstring)."""
    return default_linter().lint(text)


def to_utf16(text: str, findings: list[Finding]) -> list[Finding]:
    """The same findings with offsets in UTF-16 code units, as JavaScript strings index.

    Python offsets count code points; an emoji before a flagged sentence would shift the
    panel's underline by one for each astral character. POST /v1/lint answers in UTF-16.
    """
    if text.isascii():
        return list(findings)
    prefix = [0]
    for char in text:
        prefix.append(prefix[-1] + (2 if ord(char) > 0xFFFF else 1))
    return [Finding(prefix[f.start], prefix[f.end], f.category, f.severity, f.message)
            for f in findings]
