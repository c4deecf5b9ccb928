"""What `margin setup` and `margin doctor` tell the clinician: one plain line per step."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    ok: bool
    text: str  # what was done, or what could not be done and what to do about it

    def line(self, ok_word: str = "done", problem_word: str = "NOT DONE") -> str:
        return f"  {ok_word if self.ok else problem_word}: {self.text}"


def done(text: str) -> Step:
    return Step(True, text)


def not_done(text: str) -> Step:
    return Step(False, text)
