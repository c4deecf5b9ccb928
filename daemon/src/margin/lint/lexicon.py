"""Load the linter's rules from ``shared_schema/lexicon/``; each is compiled once, when a note
first needs it (lazy_pattern.py).

The rules are data a clinician can read (see ``rules.json``'s "about"); this module only
turns terms, abbreviations and patterns into regular expressions, with what the gate reads
from each (rule_keys.py). Drug names are looked up by word n-grams in a dictionary instead,
because one regular expression of two thousand names is slow to match.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from margin.errors import LintRulesMissing
from margin.lint.lazy_pattern import LazyPattern
from margin.lint.rule_keys import KeyTable

_HERE = Path(__file__).resolve().parent
# In the source tree the lexicon sits in shared_schema/ at the repository root; in a built
# wheel it is copied into margin/_shared_schema (see pyproject's force-include).
_CANDIDATES = (
    _HERE.parents[3] / "shared_schema" / "lexicon",
    _HERE.parent / "_shared_schema" / "lexicon",
)
CONTEXT_KINDS = frozenset({
    "third_party", "third_party_adult", "therapist", "speculation", "topic", "dream", "life_event",
    "relocation", "dream_unless_frequency", "idiom", "benign_giving", "sport", "leisure",
    "teen_alone", "study", "therapist_own", "finance_rating", "aside", "suicide_topic",
    "dream_absurd", "kin_of_other", "ordinary_use",
})


# An abbreviation ends at a non-word character, but not at "-7" ("GAD" is not "GAD-7").
_ABBREVIATION_END = r"(?![\w]|-\d)"


@dataclass(frozen=True)
class Rule:
    """One readable rule: what fires it, what it means, and what makes it private."""

    category: str
    says: str
    regex: LazyPattern | None  # None for the drug dictionary lookup
    lexicon: str | None
    needs: tuple[str, ...]
    unless: frozenset[str]
    # A "together" rule: one match of each cue, all within `within` characters.
    together: tuple[Cue, ...] = ()
    within: int = 0
    about: int | None = None  # which cue's position decides context (None: all of them)
    keys: frozenset[str] | None = None  # word openings a match needs (gate.py); None: any
    anchored: bool = False  # every match starts at a word with a key: try only those words
    # Openings of a later word every match holds (inner_keys.py), or None.
    inner: frozenset[str] | None = None
    # Also tried across two parts of one sentence ("Bought rope; wouldn't say what for"):
    # rules.json "across_parts", and every "together" rule (two cues that a semicolon or a
    # dash may part: "Purging daily; chest pain last night").
    across_parts: bool = False


@dataclass(frozen=True)
class Cue:
    """One named word list of cues.json, compiled, with the word openings it needs."""

    regex: re.Pattern[str]
    keys: frozenset[str] | None


@dataclass(frozen=True)
class Lexicon:
    order: tuple[str, ...]
    severity: dict[str, str]
    rules: tuple[Rule, ...]
    markers: dict[str, re.Pattern[str]]
    contexts: dict[str, re.Pattern[str]]
    drug_names: dict[str, str]  # lowercase variant -> generic name
    icd_codes: frozenset[str]
    cpt: dict[str, str]  # code -> category
    abbreviations: frozenset[str]
    # Each category's plain message, for findings no single rule made (the sentence model).
    says: dict[str, str] = field(default_factory=dict)
    # Per context: word openings one of which a part must hold for it to match (gate.py),
    # or None (searched in every part it is asked of).
    context_keys: dict[str, frozenset[str] | None] = field(default_factory=dict)


def lexicon_dir() -> Path:
    for candidate in _CANDIDATES:
        if (candidate / "rules.json").is_file():
            return candidate
    raise LintRulesMissing()


def _read(directory: Path, name: str) -> Any:
    try:
        return json.loads((directory / name).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise LintRulesMissing() from exc


def term_regex(term: str) -> str:
    """A plain term as a whole-word pattern: '*' is any ending (of any word in a phrase:
    "keep* looking at" is "keeps looking at" too), space or hyphen match both."""
    pieces = []
    for char in term:
        if char in " -":
            pieces.append(r"[\s-]*" if char == "-" else r"[\s-]+")
        elif char == "*":
            pieces.append(r"\w*")
        else:
            pieces.append(re.escape(char))
    return "".join(pieces)


def _alternation(items: list[str]) -> str:
    return "|".join(sorted(items, key=len, reverse=True))


def _compile_cues(raw: dict[str, Any], table: KeyTable) -> dict[str, Cue]:
    """Each named cue list of cues.json as one whole-word pattern."""
    cues = {}
    for name, spec in raw["cues"].items():
        loose = [term_regex(t) for t in spec.get("terms", [])] + spec.get("patterns", [])
        pattern = re.compile(rf"(?<![\w])(?:{_alternation(loose)})(?![\w])", re.IGNORECASE)
        cues[name] = Cue(pattern, table.keys(loose))
    return cues


def _pattern(source: str, flags: int, table: KeyTable) -> tuple[LazyPattern, frozenset[str] | None]:
    """A rule's pattern, compiled when first used, and its inner keys."""
    regex = LazyPattern(source, flags)
    return regex, table.inner(regex)


def _compile_rule(category: str, raw: dict[str, Any], default_says: str,
                  cues: dict[str, Cue], table: KeyTable) -> Rule:
    loose: list[str] = [term_regex(t) for t in raw.get("terms", [])]
    loose += list(raw.get("patterns", []))
    exact = [term_regex(a) for a in raw.get("abbreviations", [])]
    parts = []
    if loose:
        parts.append(rf"(?<![\w])(?:{_alternation(loose)})(?![\w])")
    if exact:  # abbreviations match only in capitals: "ACT" the therapy, not "act"
        parts.append(rf"(?-i:(?<![\w])(?:{_alternation(exact)}){_ABBREVIATION_END})")
    unless = frozenset(raw.get("unless", []))
    unknown = unless - CONTEXT_KINDS
    if unknown:
        raise ValueError(f"rules.json: unknown context {sorted(unknown)} in {category}")
    missing = [name for name in raw.get("together", []) if name not in cues]
    if missing:
        raise ValueError(f"rules.json: unknown cue {missing} in {category}")
    regex, inner = _pattern("|".join(parts), re.IGNORECASE, table) if parts else (None, None)
    return Rule(
        category=category,
        says=raw.get("says", default_says),
        regex=regex,
        lexicon=raw.get("lexicon"),
        needs=tuple(raw.get("needs", [])),
        unless=unless,
        together=tuple(cues[name] for name in raw.get("together", [])),
        within=int(raw.get("within", 60)),
        about=raw["together"].index(raw["about"]) if "about" in raw else None,
        keys=table.keys(loose + exact) if parts else None,
        anchored=bool(parts) and table.anchored(loose + exact),
        inner=inner,
        across_parts=bool(raw.get("across_parts", False)) or bool(raw.get("together")),
    )


def _lexicon_rule(rule: Rule, lists: dict[str, Any], table: KeyTable) -> Rule:
    """Rules that point at a named list get that list's regex (drugs stay a dictionary)."""
    name = rule.lexicon
    if name in ("instruments", "diagnoses", "modalities"):
        items = lists[name]
        loose = [term_regex(t) for t in items if not t.isupper()]
        exact = [term_regex(t) for t in items if t.isupper()]
        pattern = (rf"(?<![\w])(?:{_alternation(loose)})(?![\w])|"
                   rf"(?-i:(?<![\w])(?:{_alternation(exact)}){_ABBREVIATION_END})")
        regex, inner = _pattern(pattern, re.IGNORECASE, table)
        return replace(rule, regex=regex, inner=inner,
                       keys=table.keys(loose + exact), anchored=table.anchored(loose + exact))
    if name == "icd10cm":
        regex, inner = _pattern(r"(?<![\w.])[FZ]\d{2}(?:\.[0-9A-Z]{1,4})?(?![\w])", 0, table)
        return replace(rule, regex=regex, inner=inner, keys=frozenset({"f", "z"}), anchored=True)
    if name in ("cpt_time", "cpt_modality"):
        codes = list(lists[name])
        regex, inner = _pattern(rf"(?<![\w])(?:{_alternation(codes)})(?![\w])", 0, table)
        return replace(rule, regex=regex, inner=inner,
                       keys=table.keys(codes), anchored=table.anchored(codes))
    return rule  # drugs: matched by dictionary lookup in the engine


# What each context of a rule's "unless" reads (context.py), so a label set that uses one
# must define these patterns ("contexts") and markers ("markers").
_CONTEXT_NEEDS = {
    "third_party": ("third_party", "client", "client_takes_other", "recipient"),
    "third_party_adult": ("third_party", "client", "client_takes_other", "recipient", "child"),
    "dream_unless_frequency": ("dream", "frequency"),
    "idiom": ("idiom", "approach", "means"),
    "kin_of_other": ("kin_owner",),
}


def _check_contexts(rules: list[Rule], contexts: dict[str, re.Pattern[str]],
                    markers: dict[str, re.Pattern[str]], rules_file: str) -> None:
    for rule in rules:
        for kind in rule.unless:
            missing = [name for name in _CONTEXT_NEEDS.get(kind, (kind,))
                       if name not in contexts and name not in markers]
            if missing:
                raise ValueError(f"{rules_file}: context {kind} needs {missing} defined")


def load_lexicon(directory: Path | None = None, rules_file: str = "rules.json",
                 cues_file: str = "cues.json", table: KeyTable | None = None) -> Lexicon:
    """Compile one label set's rules; the drug and ICD lists are read only when a rule
    points at them (another label set may not need them). What the gate reads from each
    pattern comes from the folder's rule_keys.json where it holds it (rule_keys.py)."""
    directory = directory or lexicon_dir()
    table = table or KeyTable.load(directory)
    rules_data = _read(directory, rules_file)
    lists = rules_data.get("lexicons", {})
    cues = _compile_cues(_read(directory, cues_file), table) if cues_file else {}
    rules: list[Rule] = []
    for category in rules_data["order"]:
        spec = rules_data["categories"][category]
        for raw in spec["rules"]:
            rule = _compile_rule(category, raw, spec["says"], cues, table)
            rules.append(_lexicon_rule(rule, lists, table))
    named = {rule.lexicon for rule in rules}
    drug_names = {}
    if "drugs" in named:
        for generic, names in _read(directory, "drugs.json")["drugs"].items():
            for variant in [generic, *names["generic"], *names["brand"]]:
                drug_names[variant.lower()] = generic
    icd = _read(directory, "icd10cm.json")["codes"] if "icd10cm" in named else {}
    contexts = {k: re.compile(v, re.IGNORECASE) for k, v in rules_data["contexts"].items()
                if not k.startswith("_")}
    # The therapist's "I" is only ever a capital; matching it any case would catch "i.e.".
    if "therapist" in contexts:
        contexts["therapist"] = re.compile(rules_data["contexts"]["therapist"])
    for kind in ("benign_giving", "sport", "leisure"):
        if kind in rules_data:
            contexts[kind] = re.compile(rules_data[kind], re.IGNORECASE)
    markers = {k: re.compile(v, re.IGNORECASE) for k, v in rules_data["markers"].items()
               if not k.startswith("_")}
    _check_contexts(rules, contexts, markers, rules_file)
    cpt = {code: "session_times" for code in lists.get("cpt_time", [])}
    cpt.update({code: "modality_frequency" for code in lists.get("cpt_modality", [])})
    return Lexicon(
        order=tuple(rules_data["order"]),
        severity=rules_data["severity"],
        rules=tuple(rules),
        markers=markers,
        contexts=contexts,
        drug_names=drug_names,
        icd_codes=frozenset(icd),
        cpt=cpt,
        abbreviations=frozenset(
            a.lower() for a in rules_data.get("abbreviations_not_ending_sentences", [])),
        says={c: rules_data["categories"][c]["says"] for c in rules_data["order"]},
        context_keys={kind: table.keys([pattern.pattern]) for kind, pattern in contexts.items()},
    )
