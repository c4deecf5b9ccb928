"""Invented words for the benchmarks' synthetic notes and records: no real text is needed,
and Zipf-like weights make phrases recur as they do in real prose."""

from __future__ import annotations

import random

SYLLABLES = ["an", "be", "cor", "da", "el", "fi", "gor", "ha", "is", "jo", "ka", "lum", "mo",
             "ner", "o", "pa", "qui", "ra", "sen", "ti", "ul", "ve", "wy", "zo"]


def vocabulary(rng: random.Random, size: int = 6000) -> list[str]:
    made = {"".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 4)))
            for _ in range(size * 2)}
    return sorted(made)[:size]


def zipf_weights(words: list[str]) -> list[float]:
    return [1 / (rank + 1) for rank in range(len(words))]
