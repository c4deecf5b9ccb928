"""Regenerate ``shared_schema/lexicon/rule_keys.json``: what the gate reads from every pattern
of the rules and cues (margin.lint.rule_keys), so the daemon does not parse them at start.

Run by hand after a change to the rules or cues (test_rule_keys.py fails until then):

    python tests/linter/build_rule_keys.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

if not __package__:  # run as a script: the repository root holds tests/
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from margin.lint.labelset import MISPLACEMENT
from margin.lint.lexicon import load_lexicon
from margin.lint.rule_keys import FILE_NAME, KeyTable

OUTPUT = MISPLACEMENT.folder() / FILE_NAME
ABOUT = ("Made by tests/linter/build_rule_keys.py from rules.json and cues.json: per pattern "
         "(a digest of what was read), the word openings the gate needs, or null. A pattern "
         "not here is read at start instead (margin/lint/rule_keys.py).")


def build() -> dict[str, list[str] | None]:
    """Every entry the rules and cues ask for, read afresh from their patterns."""
    table = KeyTable()  # knows nothing: reads every pattern
    load_lexicon(MISPLACEMENT.folder(), MISPLACEMENT.rules_file, MISPLACEMENT.cues_file, table)
    return table.asked


def render(entries: dict[str, list[str] | None]) -> str:
    return json.dumps({"about": ABOUT, "entries": dict(sorted(entries.items()))},
                      ensure_ascii=False, separators=(",", ":")) + "\n"


if __name__ == "__main__":
    OUTPUT.write_text(render(build()), encoding="utf-8")
    print(f"wrote {OUTPUT.name}")
