"""Regenerate ``shared_schema/lexicon/spelling.json``: the key words the linter may read a
misspelling as, the real English words near them that must never be respelled, and note
shorthand (margin.lint.spelling).

Run by hand after a change to the rules, cues or drug names (test_spelling.py fails until
then), in the test venv, which has the build-time package:

    python tests/linter/build_spelling.py

The key words are the words the rules spell: their terms, the literal words of their
patterns and cues, and the drug names, each of five letters or more; a term's opening
("suicid*") gives every word of the word list that starts with it. The real words are the
word list's words one edit from a key word and used at least REAL_WORD_COUNT times in its
sample. The word list is the English word-frequency list inside ``pyspellchecker``; the linter
reads only the JSON at run time, so the package is not a runtime dependency.
"""

from __future__ import annotations

import json
import re
import string
import sys
from pathlib import Path

if not __package__:  # run as a script: the repository root holds tests/
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from margin.lint.spelling import MIN_LENGTH, one_edit

LEXICON_DIR = Path(__file__).resolve().parents[2] / "shared_schema" / "lexicon"
OUTPUT = LEXICON_DIR / "spelling.json"
# Below this count in the word list's sample a word is as likely a common misspelling
# ("sucidal" is in it) as a word; above it, respelling it would change what was written.
REAL_WORD_COUNT = 40
# A term's opening gives the word list's words that start with it and are at most this
# much longer ("overdos*": overdose, overdosed, overdoses, overdosing).
OPENING_GROWTH = 5

# Shorthand of fast notes and what each stands for. Only words a clinician types for a
# longer one, or a slip too short to read by its distance from a key ("slef"); never a
# real word whose reading would change ("ill", "id", "wed").
SHORTHAND = {
    "abt": "about", "bout": "about", "slef": "self", "bc": "because", "cos": "because",
    "coz": "because", "cuz": "because",
    "b4": "before", "thru": "through", "tmrw": "tomorrow", "tmw": "tomorrow",
    "tomoz": "tomorrow", "nite": "night", "tonite": "tonight", "2nite": "tonight",
    "2day": "today", "sesh": "session", "ppl": "people", "smth": "something",
    "bf": "boyfriend", "gf": "girlfriend", "bfs": "boyfriend's", "gfs": "girlfriend's",
    "u": "you", "ur": "your", "wanna": "want to", "gonna": "going to",
    "wont": "won't", "cant": "can't", "dont": "don't", "didnt": "didn't",
    "doesnt": "doesn't", "isnt": "isn't", "wasnt": "wasn't", "werent": "weren't",
    "arent": "aren't", "hasnt": "hasn't", "havent": "haven't", "hadnt": "hadn't",
    "couldnt": "couldn't", "wouldnt": "wouldn't", "shouldnt": "shouldn't",
    "hes": "he's", "shes": "she's", "im": "I'm", "ive": "I've", "youre": "you're",
    "theyre": "they're", "thats": "that's", "whats": "what's", "theres": "there's",
    "lets": "let's", "mums": "mum's", "moms": "mom's", "dads": "dad's",
}

# A literal word of a pattern, and what follows it: nothing (a whole word), "?" (its last
# letter optional) or a repeat ("overdos\\w*": an opening).
_PATTERN_WORD = re.compile(r"(?<![\\a-z])([a-z]{" + str(MIN_LENGTH) + r",})(\\w[*+]|[*?+{\[])?")


def rule_words(rules: dict, cues: dict) -> tuple[set[str], set[str]]:
    """(whole words, openings) the rules and cues spell."""
    words: set[str] = set()
    openings: set[str] = set()
    terms: list[str] = []
    patterns: list[str] = []
    for spec in rules["categories"].values():
        for rule in spec["rules"]:
            terms += rule.get("terms", []) + rule.get("abbreviations", [])
            patterns += rule.get("patterns", [])
    for spec in cues["cues"].values():
        terms += spec.get("terms", [])
        patterns += spec.get("patterns", [])
    for lexicon in rules.get("lexicons", {}).values():
        if isinstance(lexicon, list):
            terms += [t for t in lexicon if isinstance(t, str)]
    for term in terms:
        for word in term.lower().split():
            if word.endswith("*"):
                openings.add(word.rstrip("*"))
            else:
                words.add(word)
    for pattern in patterns:
        for word, after in _PATTERN_WORD.findall(pattern.lower()):
            if not after:
                words.add(word)
            elif after == "?":
                words |= {word, word[:-1]}
            elif after.startswith("\\w") or after in "*+":
                openings.add(word)
    return words, openings


def drug_words(drugs: dict) -> set[str]:
    words: set[str] = set()
    for generic, names in drugs["drugs"].items():
        for name in [generic, *names["generic"], *names["brand"]]:
            words.update(name.lower().split())
    return words


def build() -> dict:
    from spellchecker import SpellChecker  # build time only

    counts = SpellChecker(language="en", distance=1).word_frequency.dictionary
    rules = json.loads((LEXICON_DIR / "rules.json").read_text(encoding="utf-8"))
    cues = json.loads((LEXICON_DIR / "cues.json").read_text(encoding="utf-8"))
    drugs = json.loads((LEXICON_DIR / "drugs.json").read_text(encoding="utf-8"))
    words, openings = rule_words(rules, cues)
    words |= drug_words(drugs)
    by_opening: dict[str, list[str]] = {}
    for word in counts:
        by_opening.setdefault(word[:MIN_LENGTH], []).append(word)
    for opening in openings:
        if opening in counts:
            words.add(opening)
        if len(opening) >= MIN_LENGTH:
            words.update(w for w in by_opening.get(opening[:MIN_LENGTH], ())
                         if w.startswith(opening) and len(w) <= len(opening) + OPENING_GROWTH
                         and counts[w] >= REAL_WORD_COUNT)
    keys = sorted(w for w in words if len(w) >= MIN_LENGTH and w.isalpha() and w.isascii())
    real = sorted({near for key in keys for near in _edits(key)
                   if len(near) >= MIN_LENGTH and near not in words
                   and counts.get(near, 0) >= REAL_WORD_COUNT and one_edit(near, key)})
    return {
        "about": "Generated by tests/linter/build_spelling.py; do not edit by hand. keys: the "
                 "words the rules spell, which a word one edit from exactly one of them is read "
                 "as; real: English words one edit from a key, never respelled; shorthand: "
                 "note shorthand and what it stands for.",
        "keys": keys,
        "real": real,
        "shorthand": SHORTHAND,
    }


def _edits(word: str) -> set[str]:
    """Every string one edit from `word` (Norvig's edits1)."""
    letters = string.ascii_lowercase
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    swaps = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    changes = [a + c + b[1:] for a, b in splits if b for c in letters]
    inserts = [a + c + b for a, b in splits for c in letters]
    return set(deletes + swaps + changes + inserts)


def render(data: dict) -> str:
    return json.dumps(data, indent=0, ensure_ascii=False) + "\n"


def main() -> int:
    OUTPUT.write_text(render(build()), encoding="utf-8")
    print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
