"""Misplacement linter speed: lint time per 1,000 words, p50 and p95.

Figures are printed as ratios to two baselines measured in the same run on the same text:
lowercasing and tokenizing it (the least any text check does) and splitting it into
sentences (the linter's own first step). The text is made of the labeled corpus sentences,
shuffled with a fixed seed into notes of 1,000 words, one sentence a line or run together.
Times are CPU time of this process (time.process_time), best of five runs per note, the
lint and its baselines timed in turn on each note.
"""

from __future__ import annotations

import json
import random
import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from margin.lint import Linter
from margin.lint.lexicon import lexicon_dir, load_lexicon
from margin.lint.model import load_model
from margin.lint.rule_keys import KeyTable

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "linter" / "corpus"
WORDS_PER_NOTE = 1000
NOTES = 40
ROUNDS = 5


def make_notes(files: list[Path] | None = None, seed: int = 8) -> list[str]:
    """NOTES notes of about WORDS_PER_NOTE words from the labeled sentences in ``files``
    (default: the linter's corpus), one sentence a line or run together, by turns."""
    chosen = files or [CORPUS / "main.jsonl", CORPUS / "heldout.jsonl"]
    sentences = [json.loads(line)["text"]
                 for path in chosen
                 for line in path.read_text(encoding="utf-8").splitlines() if line]
    rng = random.Random(seed)  # a repeatable sample, not a secret
    notes = []
    for index in range(NOTES):
        picked, words = [], 0
        while words < WORDS_PER_NOTE:
            sentence = rng.choice(sentences)
            picked.append(sentence)
            words += len(sentence.split())
        notes.append(("\n" if index % 2 else " ").join(picked))
    return notes


def per_thousand_words(action: Callable[[str], object], notes: list[str]) -> list[float]:
    """Seconds per 1,000 words for each note, best of ROUNDS (less scheduler noise)."""
    timings = []
    for note in notes:
        words = len(note.split())
        best = min(_time_once(action, note) for _ in range(ROUNDS))
        timings.append(best * 1000 / words)
    return timings


def interleaved(actions: dict[str, Callable[[str], object]],
                notes: list[str]) -> dict[str, list[float]]:
    """``per_thousand_words`` of several actions, their runs taken in turn on each note
    (a burst of another process's load then slows all of them alike, instead of whichever
    action's loop it fell in: the ratios stay fair on a shared machine)."""
    timings: dict[str, list[float]] = {name: [] for name in actions}
    for note in notes:
        words = len(note.split())
        best = dict.fromkeys(actions, float("inf"))
        for _ in range(ROUNDS):
            for name, action in actions.items():
                best[name] = min(best[name], _time_once(action, note))
        for name in actions:
            timings[name].append(best[name] * 1000 / words)
    return timings


def _time_once(action: Callable[[str], object], note: str) -> float:
    # CPU time of this process: on a shared machine, wall time mostly measures the wait
    # for a free core (other agents' load), not the linter.
    start = time.process_time()
    action(note)
    return time.process_time() - start


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def main() -> None:
    started = time.perf_counter()
    lexicon = load_lexicon()
    load_seconds = time.perf_counter() - started
    started = time.perf_counter()
    model = load_model(lexicon_dir(), "sentence_model.npz")
    model_seconds = time.perf_counter() - started
    linter = Linter(lexicon, model=model)
    rules_only = Linter(lexicon, use_model=False)
    notes = make_notes()
    for note in notes:  # compile the rules these notes need (lazy_pattern.py), as a daemon
        linter.lint(note)  # that has checked a few notes has them
    token = re.compile(r"\w+")
    timed = interleaved({"tokenize": lambda t: token.findall(t.lower()),
                         "split": linter.splitter.spans, "rules": rules_only.lint,
                         "lint": linter.lint}, notes)
    tokenize, split, rules, lint = (timed[n] for n in ("tokenize", "split", "rules", "lint"))
    print(f"notes: {NOTES} of ~{WORDS_PER_NOTE} words; best of {ROUNDS} runs each, the four "
          "timed in turn on each note")
    print(f"lexicon load: {load_seconds * 1000:.0f} ms, sentence model load: "
          f"{model_seconds * 1000:.0f} ms (once per daemon, once per CLI call)")
    for label, values in (("p50", statistics.median), ("p95", p95)):
        lint_ms, tok_ms, split_ms = values(lint), values(tokenize), values(split)
        print(f"lint {label}: {lint_ms * 1000:.2f} ms per 1,000 words = "
              f"{lint_ms / tok_ms:.0f}x lowercase+tokenize ({tok_ms * 1000:.3f} ms), "
              f"{lint_ms / split_ms:.1f}x sentence split ({split_ms * 1000:.3f} ms), "
              f"{lint_ms / values(rules):.2f}x the rules alone ({values(rules) * 1000:.2f} ms)")
    run_on_report(rules_only, notes, statistics.median(rules))
    start_report(notes[0])


def run_on_report(rules_only: Linter, notes: list[str], punctuated: float) -> None:
    """A paste with no sentence ends is one long part: its mentions and the persons named in
    it grow together, which once made context checks quadratic (45 s for 12,000 words)."""
    pastes = [re.sub(r"[.!?;\n]+", " ", " ".join(notes[i:i + 5])) for i in (0, 5, 10)]
    timings = per_thousand_words(rules_only.lint, pastes)
    worst = max(timings)
    print(f"run-on paste (~5,000 words, no sentence ends), rules alone, worst of 3: "
          f"{worst * 1000:.2f} ms per 1,000 words = {worst / punctuated:.1f}x the notes' p50")


def start_report(note: str) -> None:
    """The first check after the daemon starts: the rules read with what rule_keys.json holds
    and compiled as the note needs them, against every pattern read and compiled at start."""
    timings: dict[str, list[float]] = {"lazy": [], "eager": []}
    for _ in range(3):
        for kind in timings:
            re.purge()  # the re module's own cache of compiled patterns would help either
            started = time.perf_counter()
            lexicon = load_lexicon(table=None if kind == "lazy" else KeyTable())
            if kind == "eager":
                for rule in lexicon.rules:
                    if rule.regex is not None:
                        rule.regex.compiled()
            Linter(lexicon, use_model=False).lint(note)
            timings[kind].append(time.perf_counter() - started)
    lazy, eager = min(timings["lazy"]), min(timings["eager"])
    print(f"first check after start, rules alone, best of 3: {lazy * 1000:.0f} ms = "
          f"{lazy / eager:.2f}x every pattern read and compiled at start ({eager * 1000:.0f} ms)")


if __name__ == "__main__":
    main()
