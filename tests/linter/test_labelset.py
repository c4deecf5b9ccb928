"""One sentence engine, several label sets: a second set runs from its own files alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from margin.errors import LintRulesMissing
from margin.lint import Linter
from margin.lint.labelset import MISPLACEMENT, LabelSet

# A tiny label set of another shape: its own categories, no drug or ICD lists, no model.
RULES = {
    "severity": {"risk_detail": "critical", "default": "warning"},
    "markers": {},
    "contexts": {"third_party": "\\b(?:her sister)\\b", "client": "\\b(?:she|he)\\b",
                 "client_takes_other": "(?!)", "recipient": "(?!)"},
    "order": ["risk_detail", "impression"],
    "categories": {
        "risk_detail": {"says": "Keep the method out of the record.",
                        "rules": [{"terms": ["rope", "bridge*"], "unless": ["third_party"]}]},
        "impression": {"says": "An impression belongs in the private note.",
                       "rules": [{"terms": ["boring", "annoying"]}]},
    },
}
CUES = {"cues": {}}


@pytest.fixture
def second(tmp_path: Path) -> LabelSet:
    (tmp_path / "other_rules.json").write_text(json.dumps(RULES), encoding="utf-8")
    (tmp_path / "other_cues.json").write_text(json.dumps(CUES), encoding="utf-8")
    return LabelSet("other", "other_rules.json", "other_cues.json", None,
                    clear_label="fine", directory=tmp_path)


def test_a_second_label_set_runs_on_the_same_engine(second: LabelSet) -> None:
    linter = Linter(label_set=second)
    assert linter.model is None and linter.lexicon.order == ("risk_detail", "impression")
    [finding] = linter.lint("Talked about the bridge near his work.")
    assert (finding.category, finding.severity) == ("risk_detail", "critical")
    assert linter.predict("He finds the meetings boring; the rope in the garage is gone.") \
        == "risk_detail"  # the first category of the set's order wins
    assert linter.predict("Her sister crossed the bridge.") == "fine"  # its own contexts
    assert linter.predict("We planned the week.") == "fine"


def test_the_misplacement_set_is_the_default() -> None:
    assert Linter(use_model=False).label_set is MISPLACEMENT
    assert MISPLACEMENT.load_lexicon().order[0] == "safety"


def test_a_label_set_with_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    broken = LabelSet("broken", "absent.json", "absent_cues.json", None, "fine", tmp_path)
    with pytest.raises(LintRulesMissing):
        Linter(label_set=broken)


def test_a_rule_whose_context_is_not_defined_is_refused(tmp_path: Path) -> None:
    rules = json.loads(json.dumps(RULES))
    rules["categories"]["impression"]["rules"][0]["unless"] = ["dream"]
    (tmp_path / "r.json").write_text(json.dumps(rules), encoding="utf-8")
    (tmp_path / "c.json").write_text(json.dumps(CUES), encoding="utf-8")
    with pytest.raises(ValueError, match="context dream needs"):
        Linter(label_set=LabelSet("x", "r.json", "c.json", None, "fine", tmp_path))
