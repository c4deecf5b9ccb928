"""Load the over-sharing rules from ``shared_schema/oversharing/rules.json``, compiled once.

The rules are data a clinician can read (see the file's "about"); this module only turns
terms and patterns into regular expressions, the same way the misplacement linter does.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from margin.errors import OversharingRulesMissing
from margin.oversharing.literal_gate import GatedPattern

_HERE = Path(__file__).resolve().parent
# Source tree: shared_schema/ at the repository root; a built wheel: margin/_shared_schema.
_CANDIDATES = (
    _HERE.parents[3] / "shared_schema" / "oversharing",
    _HERE.parent / "_shared_schema" / "oversharing",
)
RULES_FILE = "rules.json"
FORMAT_VERSION = 1
KINDS = frozenset({"patterns", "question", "quote", "narrative"})


@dataclass(frozen=True)
class Rule:
    """One rule of one category: a kind, its pattern, and what makes it record content."""

    category: str
    kind: str
    regex: GatedPattern | None = None
    after: GatedPattern | None = None  # a cue that must come first (a third party)
    within: int = 80
    unless: tuple[GatedPattern, ...] = ()


@dataclass(frozen=True)
class Rules:
    order: tuple[str, ...]
    severity: dict[str, str]
    says: dict[str, str]
    rules: tuple[Rule, ...]
    safety_floor: GatedPattern
    quote_min_words: int
    narrative_min_words: int
    narrative_min_events: int
    narrative_events: re.Pattern[str]

    def severity_of(self, category: str) -> str:
        return self.severity.get(category, self.severity["default"])


def rules_dir() -> Path:
    for candidate in _CANDIDATES:
        if (candidate / RULES_FILE).is_file():
            return candidate
    raise OversharingRulesMissing()


def _either(patterns: list[str]) -> GatedPattern:
    return GatedPattern(patterns, re.IGNORECASE)


def _compile_rule(category: str, raw: dict[str, Any], cues: dict[str, GatedPattern]) -> Rule:
    kind = raw.get("kind", "patterns")
    if kind not in KINDS:
        raise ValueError(f"rules.json: unknown kind {kind!r} in {category}")
    missing = [n for n in [*raw.get("unless", []), raw.get("after", "")] if n and n not in cues]
    if missing:
        raise ValueError(f"rules.json: unknown cue {missing} in {category}")
    return Rule(
        category=category,
        kind=kind,
        regex=_either(raw["patterns"]) if kind == "patterns" else None,
        after=cues[raw["after"]] if "after" in raw else None,
        within=int(raw.get("within", 80)),
        unless=tuple(cues[name] for name in raw.get("unless", [])),
    )


def load_rules(directory: Path | None = None) -> Rules:
    directory = directory or rules_dir()
    try:
        data = json.loads((directory / RULES_FILE).read_text(encoding="utf-8"))
        if data.get("format_version") != FORMAT_VERSION:
            raise ValueError("unknown over-sharing rules format")
        return _compile(data)
    except (OSError, ValueError, KeyError, re.error) as exc:
        raise OversharingRulesMissing() from exc


def _compile(data: dict[str, Any]) -> Rules:
    cues = {k: _either([v]) for k, v in data["cues"].items()
            if not k.startswith("_")}
    rules = [_compile_rule(category, raw, cues)
             for category in data["order"] for raw in data["categories"][category]["rules"]]
    narrative = data["narrative"]
    return Rules(
        order=tuple(data["order"]),
        severity=data["severity"],
        says={c: data["categories"][c]["says"] for c in data["order"]},
        rules=tuple(rules),
        safety_floor=_either(data["safety_floor"]["patterns"]),
        quote_min_words=int(data["quote_min_words"]),
        narrative_min_words=int(narrative["min_words"]),
        narrative_min_events=int(narrative["min_events"]),
        narrative_events=re.compile(narrative["events"], re.IGNORECASE),
    )
