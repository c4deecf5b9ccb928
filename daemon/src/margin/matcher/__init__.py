"""The keyed winnowing matcher shared by the live leak guard and the export checker."""

from margin.matcher.index import (
    EXPORT_MIN_WORDS,
    GUARD_MIN_WORDS,
    FingerprintIndex,
    IndexFormatError,
)
from margin.matcher.normalize import Words, tokenize
from margin.matcher.runs import Match

__all__ = [
    "EXPORT_MIN_WORDS",
    "GUARD_MIN_WORDS",
    "FingerprintIndex",
    "IndexFormatError",
    "Match",
    "Words",
    "tokenize",
]
