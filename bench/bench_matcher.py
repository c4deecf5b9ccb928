"""Leak-guard matcher: check latency against 1,000 and 10,000 notes, index size, rebuild time.

Figures are printed as ratios to baselines measured in this run: the 10k/1k latency ratio
(the cost must follow the text checked, not the vault), and the check's cost relative to
only normalizing and fingerprinting the same text. Last, what the over-sharing check adds
to a guard check that asks for it (issue 21): the matcher alone, then the matcher and the
check, on progress notes of 1,000 words made from the over-sharing corpus.
"""

from __future__ import annotations

import gc
import os
import random
import statistics
import time

from bench_lint import make_notes, p95, per_thousand_words
from bench_review import CORPUS
from invented_words import vocabulary, zipf_weights

from margin.matcher import FingerprintIndex
from margin.matcher.fingerprint import derive_keys, kgram_hashes
from margin.matcher.normalize import words_only

NOTE_WORDS = 150
TEXT_WORDS = 1500
REPEATS = 60


def notes(rng: random.Random, words: list[str], count: int) -> list[str]:
    # Zipf-like choice: common words recur across notes as in real prose.
    weights = zipf_weights(words)
    return [" ".join(rng.choices(words, weights, k=NOTE_WORDS)) for _ in range(count)]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def measure(count: int, rng: random.Random, words: list[str], text: str) -> dict[str, float]:
    bodies = notes(rng, words, count)
    key = os.urandom(32)
    index = FingerprintIndex(key)
    started = time.perf_counter()
    for number, body in enumerate(bodies):
        index.add(f"note-{number:05d}", body)
    rebuild = time.perf_counter() - started
    # Paste two notes of this vault into the checked text, so matches are really found.
    checked = f"{text} {bodies[7]} {bodies[count // 2][:400]}"
    latencies = []
    index.match(checked, 8)  # warm up
    gc.collect()
    gc.disable()  # a collection landing in one run would measure the collector, not us
    for _ in range(REPEATS):
        started = time.perf_counter()
        found = index.match(checked, 8)
        latencies.append(time.perf_counter() - started)
    gc.enable()
    assert {m.note_id for m in found} >= {"note-00007"}
    data = index.to_bytes()
    started = time.perf_counter()
    FingerprintIndex.from_bytes(data, key)
    load = time.perf_counter() - started
    return {
        "load": load,
        "p50": statistics.median(latencies),
        "p95": percentile(latencies, 0.95),
        "rebuild": rebuild,
        "bytes_per_1000": len(data) / count * 1000,
    }


def oversharing_cost(rng: random.Random, words: list[str]) -> tuple[list[float], list[float]]:
    """A guard check against 1,000 notes without and with over-sharing: CPU seconds per
    1,000 words of progress note, best of a few rounds (bench_lint's measure: on a shared
    machine, wall time mostly measures the wait for a free core)."""
    from margin.oversharing.operations import guard_oversharing

    index = FingerprintIndex(os.urandom(32))
    for number, body in enumerate(notes(rng, words, 1_000)):
        index.add(f"note-{number:05d}", body)
    progress = make_notes([CORPUS / "main.jsonl"], seed=21)
    guard_oversharing(progress[0])  # rules and model load once per daemon, not per check
    alone = per_thousand_words(lambda text: index.match(text, 8), progress)
    both = per_thousand_words(
        lambda text: (index.match(text, 8), guard_oversharing(text)), progress
    )
    return alone, both


def main() -> None:
    rng = random.Random(7)
    words = vocabulary(rng)
    text = " ".join(rng.choices(words, k=TEXT_WORDS))
    keys = derive_keys(os.urandom(32))
    baseline = []
    cache: dict[str, int] = {}  # as the index keeps one
    for _ in range(REPEATS):
        started = time.perf_counter()
        kgram_hashes(words_only(text), keys, 5, cache)
        baseline.append(time.perf_counter() - started)
    base = statistics.median(baseline)
    small = measure(1_000, rng, words, text)
    large = measure(10_000, rng, words, text)
    print("bench_matcher: 1,500-word text checked against private notes of ~150 words")
    for label, figures in (("1,000 notes", small), ("10,000 notes", large)):
        print(
            f"  {label:>12}: p50 {figures['p50'] * 1e3:6.2f} ms  p95 {figures['p95'] * 1e3:6.2f} ms"
            f"  ({figures['p50'] / base:.2f}x fingerprinting the text alone)"
            f"  rebuild {figures['rebuild']:.2f} s, load {figures['load']:.2f} s"
            f"  index {figures['bytes_per_1000'] / 1024:.0f} KiB per 1,000 notes"
        )
    print(
        f"  ratio 10k/1k: p50 {large['p50'] / small['p50']:.2f}"
        f"  p95 {large['p95'] / small['p95']:.2f}  (aim: close to 1)"
    )
    print(f"  baseline (normalize + fingerprint the text only): {base * 1e3:.2f} ms")
    alone, both = oversharing_cost(rng, words)
    print("  guard check of progress notes against 1,000 notes, CPU ms per 1,000 words,")
    print("  without -> with over-sharing (asked only on sites where the check is on):")
    for label, value in (("p50", statistics.median), ("p95", p95)):
        without, with_it = value(alone), value(both)
        print(f"    {label}: {without * 1e3:.2f} -> {with_it * 1e3:.2f} ms"
              f" ({with_it / without:.1f}x; added {(with_it - without) * 1e3:.1f} ms)")

if __name__ == "__main__":
    main()
