"""What the gate reads from each rule's pattern, read once when the rules are built.

A rule's keys (gate.py), whether it is anchored, and its inner keys (inner_keys.py) come
from parsing its pattern: three seconds for the misplacement rules, paid on the daemon's
first check after every start and by every `margin lint`. They depend on the pattern's
text alone, so `tests/linter/build_rule_keys.py` writes them to ``rule_keys.json`` beside
the rules, under a digest of what was read. A pattern the file does not hold (a rule
edited since) is read as before: a stale or damaged file is slower, never wrong, and
test_rule_keys.py fails until it is rebuilt.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from margin.lint import gate
from margin.lint.inner_keys import inner_keys
from margin.lint.lazy_pattern import LazyPattern

FILE_NAME = "rule_keys.json"
Keys = frozenset[str] | None


def _digest(*parts: str) -> str:
    return hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=12).hexdigest()


class KeyTable:
    """Digest -> keys (a sorted list, or None: none could be read). Every entry asked for is
    kept in `asked`, hit or not: what the build script writes."""

    def __init__(self, known: dict[str, Any] | None = None) -> None:
        self._known = known or {}
        self.asked: dict[str, list[str] | None] = {}

    @classmethod
    def load(cls, folder: Path) -> KeyTable:
        try:
            data = json.loads((folder / FILE_NAME).read_text(encoding="utf-8"))
        except (OSError, ValueError):  # missing or damaged: every pattern is read
            return cls()
        entries = data.get("entries") if isinstance(data, dict) else None
        return cls(entries if isinstance(entries, dict) else None)

    def keys(self, alternatives: list[str], symbols: bool = True) -> Keys:
        return self._look_up(_digest("keys", str(symbols), *alternatives),
                             lambda: gate.keys(alternatives, symbols))

    def anchored(self, alternatives: list[str]) -> bool:
        return self.keys(alternatives, symbols=False) is not None

    def inner(self, pattern: LazyPattern) -> Keys:
        return self._look_up(_digest("inner", str(pattern.flags), pattern.pattern),
                             lambda: inner_keys(pattern))

    def _look_up(self, digest: str, read: Callable[[], Keys]) -> Keys:
        entry = self._known.get(digest, False)
        if entry is None or (isinstance(entry, list)
                             and all(isinstance(key, str) for key in entry)):
            found = None if entry is None else frozenset(entry)
        else:
            found = read()
        self.asked[digest] = None if found is None else sorted(found)
        return found
