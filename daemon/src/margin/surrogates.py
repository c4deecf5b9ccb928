"""Lone UTF-16 surrogates: half of a character, as JavaScript's JSON.stringify sends a pair
broken by a paste or a cut. Python accepts them in a string but cannot write them as UTF-8.

Note text keeps them exactly (the vault writes them with ``surrogatepass``, so a save stores
what the panel holds); text that is only checked (leak guard, linter) has each one replaced
by U+FFFD, which is one UTF-16 unit as well, so every offset still lands where it should;
anything else is refused in plain words (``errors.BrokenCharacter``).
"""

from __future__ import annotations

import re
from typing import Any

_LONE = re.compile(r"[\ud800-\udfff]")  # a valid pair is one code point in Python, never two


def has_lone_surrogate(value: Any) -> bool:
    if isinstance(value, str):
        return _LONE.search(value) is not None
    if isinstance(value, dict):
        return any(has_lone_surrogate(k) or has_lone_surrogate(v) for k, v in value.items())
    if isinstance(value, list):
        return any(has_lone_surrogate(item) for item in value)
    return False


def scrub(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD (same UTF-16 length)."""
    return _LONE.sub("\ufffd", text)
