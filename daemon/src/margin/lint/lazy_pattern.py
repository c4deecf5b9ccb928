"""A rule's regular expression, compiled the first time a sentence needs it.

Compiling the misplacement rules' nine hundred patterns took one and a half seconds of every
daemon start's first check and of every `margin lint`, yet the gate (gate.py) lets only
the few rules whose words a note holds be tried at all. So a rule keeps its pattern's text
and compiles it on first use; the compiled pattern is kept. Two checks that need it at once
may both compile it, which is harmless: the same pattern either way. Every pattern is
compiled in the tests (test_rule_keys.py), so a mistyped rule fails there, not in a note.
"""

from __future__ import annotations

import re
from collections.abc import Iterator


class LazyPattern:
    """The parts of re.Pattern the linter uses, compiling on first use."""

    __slots__ = ("_compiled", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self.pattern, self.flags)
        return compiled

    def finditer(self, text: str, pos: int = 0, endpos: int = 2**63 - 1
                 ) -> Iterator[re.Match[str]]:
        return self.compiled().finditer(text, pos, endpos)

    def search(self, text: str, pos: int = 0, endpos: int = 2**63 - 1) -> re.Match[str] | None:
        return self.compiled().search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = 2**63 - 1) -> re.Match[str] | None:
        return self.compiled().match(text, pos, endpos)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern[:60]!r}, {self.flags})"
