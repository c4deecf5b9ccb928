"""The client's own words read as told: quoted speech retold in the third person.

Clinicians quote: 'She said, "Sometimes I picture letting go of him at the top of the
stairs"', 'Pt: "dont want to be here anymore tbh"', 'He swallowed "a handful of whatever
was in the cabinet"'. The rules are written for the clinician's telling ("she pictures",
"doesn't want to be here", "swallowed a handful"), so a quote hid a risk or a record fact
from them: a quotation mark between a verb and its object, the client's "I".

A part with quoted speech is read again as told: quotation marks dropped around a quote of
three words or more, and inside the quote (or after a "Pt:" or "Client:" label) "I" and
"myself" become "she" and "herself", with the verb that follows "I" agreeing ("I keep" ->
"she keeps"). "Me" and "my" stay: the rules read "going to kill me" and "my own funeral" as
figures of speech, and "kill her" as a threat. A quote with no subject ('Pt: "haven't eaten
since Friday"') gets one, unless its label names someone else ("Pt re colleague:"). The
engine lints the reading beside the part as written and keeps the more important finding, as
it does for respelling, so a reading can add a finding, never take one away. Only words
inside a quote change: the clinician's own "I" ("I felt sick in the session", "I wrote 'I
felt helpless'") stays hers. On every corpus file, rules alone, the reading found 28 rows
more and flagged 8 private rows (figures of speech in quotes) it had not.
"""

from __future__ import annotations

import re

# A quotation mark, not an apostrophe: not between two letters or digits ("she's", "dogs'"
# are left alone; so is an inch or a minute mark after a digit).
# A plural possessive ("the counsellors' jargon") is not one either.
_QUOTE = re.compile(
    r"(?<![A-Za-z0-9])[\"“”‘’'](?=[A-Za-z0-9.…])"
    r"|(?<=[A-Za-z0-9.,!?…])(?<!s)[\"“”‘’'](?![A-Za-z0-9])"
    r"|(?<=s)[\"“”‘’'](?!\s+[a-z])(?![A-Za-z0-9])"
    r"|(?<![A-Za-z0-9])[\"“”](?![A-Za-z0-9])")
# A label line: the client's words follow ("Pt:", "Client re her sister:", "Pt said:").
_LABEL = re.compile(
    r"^\s*(?:pt|client|cl|patient|c|yp|su)\b(?:\s+(?:said|says|reports?|states?)\b)?"
    r"(?P<about>\s+(?:re|about|on)\b[^:\"“]{0,40})?\s*:\s*", re.IGNORECASE)
# What comes before a quote is read this far back: a part with thousands of quotation marks
# would otherwise be searched from its start once per quote.
_LOOK_BACK = 80
# The clinician quoting herself: "I wrote 'I felt helpless'", "I said, 'I'm worried'".
_CLINICIAN_SAYS = re.compile(
    r"\bI\s+(?:\w+\s+)?(?:wrote|write|said|say|asked|ask|told\s+(?:her|him|them)|put\s+it|"
    r"noted|note|replied|reflected|suggested)\b[^\"“‘']{0,20}[\"“‘']?$")
_PRONOUNS = {"i": "she", "mine": "hers", "myself": "herself",
             "i'm": "she's", "i’m": "she’s", "im": "she's", "i've": "she has", "i’ve": "she has",
             "ive": "she has", "i'd": "she'd", "i’d": "she’d", "i'll": "she'll", "i’ll": "she’ll",
             "am": "is"}
# After "I": the verb agrees with "she". Only these (a past tense or a modal is the same
# for both; guessing at every word would turn "I went" into "she wents").
_AGREES = {"have": "has", "do": "does", "go": "goes", "don't": "doesn't", "don’t": "doesn’t",
           "dont": "doesn't", "haven't": "hasn't", "haven’t": "hasn’t", "havent": "hasn't",
           "was": "was", "want": "wants", "wanna": "wants to", "need": "needs", "keep": "keeps",
           "think": "thinks", "feel": "feels", "wish": "wishes", "picture": "pictures",
           "imagine": "imagines", "see": "sees", "hear": "hears", "know": "knows",
           "try": "tries", "get": "gets", "plan": "plans", "mean": "means", "hate": "hates",
           "drink": "drinks", "take": "takes", "cut": "cuts", "hurt": "hurts", "hide": "hides",
           "use": "uses", "sleep": "sleeps", "eat": "eats", "stop": "stops", "save": "saves",
           "deserve": "deserves", "look": "looks", "lie": "lies", "sit": "sits",
           "stand": "stands", "walk": "walks", "drive": "drives", "buy": "buys",
           "count": "counts", "collect": "collects", "skip": "skips", "miss": "misses",
           "binge": "binges", "purge": "purges", "starve": "starves", "struggle": "struggles",
           "live": "lives", "cry": "cries", "shake": "shakes", "panic": "panics",
           "smoke": "smokes", "gamble": "gambles", "spend": "spends", "work": "works",
           "forget": "forgets", "worry": "worries", "fear": "fears", "dream": "dreams",
           "make": "makes", "let": "lets", "can't": "can't", "cant": "can't", "won't": "won't",
           "wont": "won't", "just": "just", "really": "really", "still": "still",
           "never": "never", "always": "always", "sometimes": "sometimes", "even": "even",
           "honestly": "honestly", "only": "only", "barely": "barely", "hardly": "hardly"}
_ADVERBS = {"just", "really", "still", "never", "always", "sometimes", "even", "honestly",
            "only", "barely", "hardly"}
# A quote that opens with one of these has left its subject out ("haven't eaten since
# Friday", "dont want to be here"): "she" is put before it.
_NO_SUBJECT = {"don't", "don’t", "dont", "can't", "can’t", "cant", "won't", "won’t", "wont",
               "didn't", "didn’t", "didnt", "haven't", "haven’t", "havent", "hasn't",
               "wasn't", "wasnt", "couldn't", "couldnt", "wouldn't", "wouldnt", "been",
               "going", "gonna", "wanna", "want", "wanted", "need", "needed", "keep", "kept",
               "feel", "felt", "went", "took", "got", "had", "tried", "thinking", "think",
               "thought", "wish", "wished", "bought", "saved", "stopped", "started",
               "haven", "just", "really", "never", "still", "always", "sometimes", "can",
               "could", "would", "will", "might", "should", "must", "am", "cannot",
               "hardly", "barely", "nearly", "almost", "finally", "missed", "skipped",
               "stayed", "slept", "drank", "ate", "threw", "cut", "hurt", "smashed", "hit",
               "lost", "left", "quit", "sold", "gave", "made", "spent", "walked", "drove",
               "stood", "sat", "lay", "cried", "called", "rang", "texted", "told", "said"}
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")


def told(text: str, start: int, end: int) -> str | None:
    """text[start:end] with its quoted speech retold, or None when it quotes nothing."""
    part = text[start:end]
    label = _LABEL.match(part)
    marks = [m.start() for m in _QUOTE.finditer(part)]
    if not marks and label is None:
        return None
    spans = _quoted_spans(part, marks, label.end() if label else None)
    about_another = bool(label and label.group("about"))
    pieces, last = [], 0
    for begin, finish in spans:
        if _CLINICIAN_SAYS.search(part[max(0, begin - _LOOK_BACK):begin]):
            continue  # "I wrote 'I felt helpless'": the clinician's own words stay hers
        opens = _opens_clause(part, begin - 1) and not about_another
        pieces += [part[last:begin], _retell(part[begin:finish], opens)]
        last = finish
    pieces.append(part[last:])
    reading = _unmark("".join(pieces))
    return reading if reading != part else None


def _quoted_spans(part: str, marks: list[int], after_label: int | None
                  ) -> list[tuple[int, int]]:
    """The stretches of the part that are the client's words: between pairs of marks (an
    unpaired last mark runs to the part's end), or all after a label line."""
    if after_label is not None and not marks:
        return [(after_label, len(part))]
    spans = []
    for index in range(0, len(marks), 2):
        begin = marks[index] + 1
        finish = marks[index + 1] if index + 1 < len(marks) else len(part)
        spans.append((begin, finish))
    return spans


# Before a quote that is a whole utterance: the part's start, a label's colon, a dash, or a
# verb of saying ('She said, "..."', 'texted "..."'). After "she's" or "he was" the quote
# carries on a clause that has its subject.
_UTTERANCE_BEFORE = re.compile(
    r"(?:^|[:—–-]|\b(?:said|says|saying|told\s+(?:me|us|her|him)|tells\s+(?:me|us)|wrote|"
    r"writes|texted|texts|messaged|asked|asks|whispered|added|adds|replied|shouted|yelled|"
    r"posted|put\s+it|words?|quote))[\s,:]*[\"“”‘’']?$", re.IGNORECASE)


def _opens_clause(part: str, begin: int) -> bool:
    return _UTTERANCE_BEFORE.search(part[max(0, begin - _LOOK_BACK):begin]) is not None


def _retell(quote: str, opens_clause: bool = True) -> str:
    words = list(_WORD.finditer(quote))
    if not words:
        return quote
    out, last, after_i = [], 0, False
    for position, match in enumerate(words):
        word = match.group()
        lower = word.lower()
        reading = None
        if after_i and lower in _AGREES:
            reading = _AGREES[lower]
            after_i = lower in _ADVERBS  # "I just want": the verb after the adverb agrees
        else:
            after_i = lower == "i"
            reading = _PRONOUNS.get(lower) if lower != "am" or position else None
            if (position == 0 and reading is None and opens_clause and lower in _NO_SUBJECT
                    and not _subject_follows(words)):
                reading = f"she {_AGREES.get(lower, word)}"
                after_i = lower in _ADVERBS
        if reading is not None:
            out += [quote[last:match.start()], reading]
            last = match.end()
    out.append(quote[last:])
    return "".join(out)


def _subject_follows(words: list[re.Match[str]]) -> bool:
    """'Sometimes I picture...': an opening adverb before the speaker's own "I"."""
    return len(words) > 1 and words[0].group().lower() in _ADVERBS and (
        words[1].group().lower() in ("i", "i'm", "i’m", "im", "i've", "i’ve", "i'd", "i’d"))


# 'wants to "disappear to Skye for a fortnight"': a phrase set apart, not words said.
_AFTER_TO = re.compile(r"\bto\s*$")


def _unmark(reading: str) -> str:
    """Quotation marks dropped around a quote of three words or more, so that 'swallowed "a
    handful of whatever"' reads on; a word or two in quotes, or a phrase after "to", is set
    apart ('kill', 'wants to "disappear to Skye"'), and the rules read those marks as a
    figure of speech."""
    marks = list(_QUOTE.finditer(reading))
    out, last = [], 0
    for opening, closing in zip(marks[::2], marks[1::2], strict=False):
        before = reading[max(0, opening.start() - _LOOK_BACK):opening.start()]
        set_apart = _AFTER_TO.search(before) is not None
        if not set_apart and len(_WORD.findall(reading, opening.end(), closing.start())) >= 3:
            out += [reading[last:opening.start()], reading[opening.end():closing.start()]]
            last = closing.end()
    out.append(reading[last:])
    return "".join(out)
