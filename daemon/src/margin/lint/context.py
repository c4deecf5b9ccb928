"""Is a mention a fact about the client, or private material? (after medspaCy's ConText)

ConText attaches modifiers (negated, hypothetical, family, ...) to a mention when a cue
phrase's scope covers it. Here the scope is one sentence part, and the modifiers are the
ones HIPAA's line needs: who the mention is about (a third party, the therapist), whether
it is a guess, a topic, a dream or a joke. Negation is deliberately NOT a modifier:
"denies SI" or "no med changes" are record content too.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cached_property
from itertools import chain

from margin.lint.gate import word_keys, words
from margin.lint.lexicon import Lexicon

# How far before a mention "client_takes_other" is looked for: the longest such cue ("stealing
# the bottle of her husband's ") is about 50 characters.
_TAKES_OTHER_REACH = 160

# The start of a mention that names a loss, read with the owner before it (kin_of_other).
_LOSS = re.compile(r"(?:lost|loses|losing)\s+(?:(?:his|her|their)\s+)?", re.IGNORECASE)

# The pronoun an emphatic reflexive points back to.
_PRONOUN_OF_REFLEXIVE = {"herself": "she", "himself": "he",
                         "themselves": "they", "themself": "they"}


class ClauseContext:
    """Cue positions in one sentence part, computed on first use."""

    def __init__(self, lexicon: Lexicon, text: str, start: int, end: int) -> None:
        self.lexicon = lexicon
        self.text = text
        self.start = start
        self.end = end
        self.clause = text[start:end]
        # Each cue list is searched once per part: several mentions ask about the same ones.
        self._starts: dict[str, list[int]] = {}
        self._markers: dict[str, bool] = {}

    def _cue_starts(self, kind: str) -> list[int]:
        starts = self._starts.get(kind)
        if starts is None:
            keys = self.lexicon.context_keys.get(kind)
            if keys is not None and keys.isdisjoint(self._openings):
                starts = []  # no word of the part opens the context (gate.py)
            else:
                starts = [self.start + m.start()
                          for m in self.lexicon.contexts[kind].finditer(self.clause)]
            self._starts[kind] = starts
        return starts

    @cached_property
    def _openings(self) -> frozenset[str]:
        """Every key (gate.word_keys) of every word of the part."""
        return frozenset(chain.from_iterable(
            word_keys(word) for _, word in words(self.text, self.start, self.end)))

    @cached_property
    def _person_cues(self) -> list[tuple[int, bool]]:
        """(position, is_third_party) of every person named, in order."""
        client = [(self.start + m.start(), self.start + m.end())
                  for m in self.lexicon.contexts["client"].finditer(self.clause)]
        starts = [start for start, _ in client]

        def inside_client(position: int) -> bool:
            # A third party's word inside the client's own cue ("the child", said of the
            # client in child work) is the client: "The child meets criteria for ...".
            index = bisect_right(starts, position) - 1
            return index >= 0 and position < client[index][1]

        cues = [(p, True) for p in self._cue_starts("third_party") if not inside_client(p)]
        cues += [(start, False) for start in starts]
        return self._reflexives_point_back(sorted(cues), self._emphasised_pronouns(client))

    def _reflexives_point_back(self, cues: list[tuple[int, bool]],
                               emphasised: set[int]) -> list[tuple[int, bool]]:
        """A reflexive ("herself", "his own") names no new person: it points back to the one
        named before it. It is the client's only when the client was named nearer than anyone
        else; "His sister told me about her own panic attacks" is the sister's. Optional for a
        label set (rules.json "reflexive"). So does a pronoun its own emphatic reflexive
        follows, right after a third party and not set against them: in "His mum mentioned
        she's on sertraline herself", "she" is his mum."""
        reflexive = self.lexicon.contexts.get("reflexive")
        if reflexive is None:
            return cues
        kept: list[tuple[int, bool]] = []
        for position, is_third in cues:
            if not is_third and kept and kept[-1][1]:
                if reflexive.match(self.text, position):
                    if self._reflexive_fits(kept[-1][0], position):
                        continue
                    kept.append((position, False))  # "her husband's ...; her own PHQ-9"
                    continue
                is_third = (position in emphasised and self._could_be(kept[-1][0], position)
                            and not self._contrasted(kept[-1][0], position))
            kept.append((position, is_third))
        return kept

    def _reflexive_fits(self, person: int, reflexive: int) -> bool:
        """Whether a reflexive can point back to the person named before it: "her own" or
        "herself" not to a husband, "his own" or "himself" not to a mother. One that cannot
        is the client's, set against that person: "Since her husband's stroke, her own PHQ-9
        has risen" (rules.json "emphatic_male" and "emphatic_female")."""
        word = self.text[reflexive:reflexive + 3].lower()
        contexts = self.lexicon.contexts
        other = {"her": contexts.get("emphatic_male"), "his": contexts.get("emphatic_female"),
                 "him": contexts.get("emphatic_female")}.get(word)
        return other is None or other.match(self.text, person) is None

    def _contrasted(self, person: int, pronoun: int) -> bool:
        """A contrast between the person and the pronoun ("His brother drinks too much, but
        he himself is on eight beers a night") sets the pronoun against the person: it is
        someone else, the client here (rules.json "emphatic_contrast")."""
        contrast = self.lexicon.contexts.get("emphatic_contrast")
        return contrast is not None and contrast.search(self.text, person, pronoun) is not None

    def _could_be(self, person: int, pronoun: int) -> bool:
        """Whether the pronoun at `pronoun` can stand for the person named at `person`: not
        "she" for a father, nor "he" for a mother (rules.json "emphatic_male" and
        "emphatic_female"; anyone else, a friend or a colleague, can be either)."""
        word = self.text[pronoun:pronoun + 4].lower()
        contexts = self.lexicon.contexts
        male, female = contexts.get("emphatic_male"), contexts.get("emphatic_female")
        if word.startswith("she") and male is not None and male.match(self.text, person):
            return False
        return not (word.startswith("he") and not word.startswith("her")
                    and female is not None and female.match(self.text, person) is not None)

    def _emphasised_pronouns(self, client: list[tuple[int, int]]) -> set[int]:
        """Positions of the pronouns ("she", "he", "they") an emphatic reflexive later in the
        part points back to: "she herself", "she's on sertraline herself", not the object of
        what was done ("she cut herself" says nothing of who "she" is). One after the deed
        ("she took the tablets herself") is not read so where a means or a risk word is
        named: risk stays flagged. Optional for a label set (rules.json "emphatic", which
        matches the reflexive where it is emphatic, with the pronoun as "adjacent" when it
        stands right before it)."""
        emphatic = self.lexicon.contexts.get("emphatic")
        # Most parts name no reflexive: skip the pattern, which tries every word there.
        if emphatic is None or "sel" not in self.clause.lower():
            return set()
        pronouns = [(start, self.text[start:end].lower()) for start, end in client
                    if self.text[start:end].lower() in _PRONOUN_OF_REFLEXIVE.values()]
        found: set[int] = set()
        for match in emphatic.finditer(self.clause):
            if match.group("adjacent") is None and self._risk_named():
                continue  # "she took the tablets herself" may be the client's: risk stays
            word = match.group("reflexive").lower()
            at = self.start + match.start("reflexive")
            before = [start for start, pronoun in pronouns
                      if start < at and pronoun == _PRONOUN_OF_REFLEXIVE[word]]
            if before:
                found.add(before[-1])
        return found

    def _risk_named(self) -> bool:
        """A means or a risk word in the part (rules.json marker "means", context
        "emphatic_risk"): a reflexive after the deed is not read as emphatic there."""
        risk = self.lexicon.contexts.get("emphatic_risk")
        return self.has_marker("means") or (risk is not None and self._has_cue("emphatic_risk"))

    def has_marker(self, name: str) -> bool:
        found = self._markers.get(name)
        if found is None:
            found = self._markers[name] = self.lexicon.markers[name].search(self.clause) is not None
        return found

    def _has_cue(self, kind: str) -> bool:
        return bool(self._cue_starts(kind))

    def _cue_before(self, kind: str, position: int) -> bool:
        return any(p < position and not self._terminated(kind, p, position)
                   for p in self._cue_starts(kind))

    def _terminated(self, kind: str, cue: int, position: int) -> bool:
        """A word such as "but" between a cue and the mention ends the cue's scope (ConText's
        terminate): "I wondered about my own pace, but he has met his goal" is a finding.
        For a musing or a guess only. Optional for a label set (rules.json "terminate").
        The clinician's own reaction also ends where the client's matter is taken up again
        ("I felt tired; she sleeps four hours", "I should add that...", "I noticed he was
        tangential"): rules.json "therapist_terminate"."""
        names = ("terminate", "therapist_terminate") if kind == "therapist" else ("terminate",)
        for name in names:
            pattern = self.lexicon.contexts.get(name)
            if pattern is not None and pattern.search(self.text, cue, position) is not None:
                return True
        return False

    def about_third_party(self, position: int) -> bool:
        """The nearest person named before the mention is not the client."""
        return self._deciding_third_party(position) is not None

    def _deciding_third_party(self, position: int) -> int | None:
        """Where the third party who decides the mention is named, or None when the mention
        is the client's (no one named before it, or the nearest one is the client)."""
        # The cue ends right before the mention ("taking her husband's |Ambien"), so a short
        # look-back is enough; searching the whole part per mention is quadratic in a long
        # run-on paste with many mentions (seconds for a few thousand unpunctuated words).
        before = self.text[max(self.start, position - _TAKES_OTHER_REACH):position]
        if self.lexicon.contexts["client_takes_other"].search(before):
            return None  # "taking her husband's Ambien": the client takes it
        # No "but" here: "her sister has bipolar disorder but manages it with lithium" is
        # still the sister's; a new subject after it ("but she...") already takes over.
        # The nearest one before the mention decides, found by bisection: a long run-on part
        # can name hundreds of people and hold hundreds of mentions.
        positions, third = self._deciding_persons
        index = bisect_left(positions, position)
        return positions[index - 1] if index > 0 and third[index - 1] else None

    def kin_suicide(self, position: int) -> bool:
        """A relative's suicide or attempt: family history, a risk factor of the client
        (LABELING.md), though a third party decides the mention. A friend's stays theirs."""
        kin, act = self.lexicon.contexts.get("kin"), self.lexicon.markers.get("suicide_act")
        if kin is None or act is None or not self.has_marker("suicide_act"):
            return False
        person = self._deciding_third_party(position)
        return (person is not None and kin.match(self.text, person) is not None
                and not self.kin_of_other(person))

    def kin_of_other(self, position: int) -> bool:
        """The relative named at `position` is someone else's: a friend's, a neighbour's, a
        colleague's ("Her best friend Marisol's father", "a mate who lost his brother",
        "her neighbour, whose son"). Their suicide is not the client's family history.
        Optional for a label set (rules.json "kin_owner", read on the text just before)."""
        owner = self.lexicon.contexts.get("kin_owner")
        if owner is None:
            return False
        before = self.text[max(self.start, position - 80):position]
        # A mention that starts at the loss ("lost his brother to suicide") is read with it:
        # "Best friend Jodie |lost her sister to suicide".
        loss = _LOSS.match(self.text, position, self.end)
        return owner.search(before + (loss.group() if loss else "")) is not None

    @cached_property
    def _deciding_persons(self) -> tuple[list[int], list[bool]]:
        """Positions of the persons who can decide whose matter a mention is, in order, and
        whether each is a third party (one given or told something, or one who only tells of
        the client's matter, is not)."""
        cues = [(p, is_third) for p, is_third in self._person_cues
                if not (is_third and (self._receives(p) or self._reports(p)
                                      or self._owns_next(p)))]
        return [p for p, _ in cues], [is_third for _, is_third in cues]

    def _owns_next(self, position: int) -> bool:
        """An owner named right before another person ("a friend's mum stopped her") is not
        the one who acts: the person after it decides, reporter or not."""
        third = self.lexicon.contexts["third_party"]
        named = third.match(self.text, position)
        if named is None or not named.group().endswith(("'s", "’s")):
            return False
        # A short look-ahead: slicing to the part's end per owner is quadratic in a long
        # unpunctuated paste full of possessives.
        rest = self.text[named.end():min(self.end, named.end() + 40)]
        after = named.end() + len(rest) - len(rest.lstrip())
        return after < self.end and third.match(self.text, after) is not None

    def _receives(self, position: int) -> bool:
        """A third party named as the one given or told something ("gave her sister the
        passwords", "texted her brother") is not the one who acts in the sentence."""
        before = self.text[max(self.start, position - 30):position]
        return self.lexicon.contexts["recipient"].search(before) is not None

    def _reports(self, position: int) -> bool:
        """A third party who only found, saw, stopped or rang about what the client did
        ("Sister found her in the garage", "Mate used the nasal spray on him"), reported a
        change in the client or filled in a rating form ("Teacher Vanderbilt: ..."), or whom
        the client thinks would be better off without them ("feels her family would be
        better off without her"), tells of the client's matter, not their own. Optional for
        a label set (rules.json "witness", "burden_thinker" and "burden_modal")."""
        contexts = self.lexicon.contexts
        named = contexts["third_party"].match(self.text, position)
        if named is None or named.group().endswith(("'s", "’s")):
            return False  # "her husband's sleep questionnaire": an owner, not a reporter
        after = named.end()
        witness = contexts.get("witness")
        if witness is not None and witness.match(self.text, after, self.end):
            return True
        thinker, modal = contexts.get("burden_thinker"), contexts.get("burden_modal")
        if thinker is None or modal is None or not modal.match(self.text, after, self.end):
            return False
        return thinker.search(self.text[max(self.start, position - 40):position]) is not None

    def _own_reaction(self) -> bool:
        """The clinician's own body or reaction, marked anywhere in the part ("Heart racing
        (mine)", "Tearful (me, not pt)") or opening it ("My palms were sweating", "Me:
        restless"): rules.json "therapist_own", optional for a label set."""
        return "therapist_own" in self.lexicon.contexts and self._has_cue("therapist_own")

    def result_near(self, match_start: int, match_end: int) -> bool:
        """A score or finding right after (or just before) an instrument's name."""
        after = self.text[match_end:min(self.end, match_end + 50)]
        before = self.text[max(self.start, match_start - 25):match_start]
        pattern = self.lexicon.markers["result"]
        return bool(pattern.search(after) or pattern.search(before))

    def blocks(self, kind: str, match_start: int) -> bool:
        """True when context `kind` makes the mention at match_start private."""
        if kind == "third_party":
            return self.about_third_party(match_start) and not self.kin_suicide(match_start)
        if kind == "third_party_adult":
            return (self.about_third_party(match_start) and not self.has_marker("child")
                    and not self.kin_suicide(match_start))
        if kind in ("therapist", "therapist_own") and self._own_reaction():
            return True
        if kind == "therapist_own":
            return False  # only the clinician's own marks, not their musings
        if kind in ("therapist", "speculation"):
            # Forward scope: the cue must come first ("I wonder if her insomnia...").
            question = kind == "speculation" and "?" in self.clause
            return question or self._cue_before(kind, match_start)
        if kind == "kin_of_other":
            return self.kin_of_other(match_start)
        if kind == "dream_unless_frequency":
            return self._has_cue("dream") and not self.has_marker("frequency")
        if kind == "idiom":
            lifted = self.has_marker("approach") or self.has_marker("means")
            return self._has_cue("idiom") and not lifted
        return self._has_cue(kind)  # topic, dream, benign_giving, sport: whole part
