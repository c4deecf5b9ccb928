"""The lexicon and schemas are valid data, and the parts the linter relies on are there."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import jsonschema
import pytest

from margin.lint import Finding, Linter, to_utf16
from margin.lint.lexicon import lexicon_dir, load_lexicon, term_regex
from margin.lint.sentences import SentenceSplitter

ROOT = Path(__file__).resolve().parents[2]


@functools.cache
def shipped_lexicon():
    """The shipped lexicon, compiled once for the tests that only read it (each compile of
    about a thousand rules takes seconds)."""
    return load_lexicon()


def test_lexicon_is_found_and_loads() -> None:
    lexicon = load_lexicon()
    assert lexicon_dir() == ROOT / "shared_schema" / "lexicon"
    assert lexicon.order[0] == "safety"
    assert lexicon.severity["safety"] == "critical"


@pytest.mark.parametrize(("name", "generic"), [
    ("zoloft", "sertraline"), ("lexapro", "escitalopram"), ("suboxone", None),
    ("adderall", "amphetamine"), ("seroquel", "quetiapine"), ("lithium", "lithium"),
])
def test_drug_dictionary_has_brand_and_generic_names(name: str, generic: str | None) -> None:
    drugs = shipped_lexicon().drug_names
    assert name in drugs
    if generic:
        assert drugs[name] == generic


def test_icd_codes_cover_chapter_f_and_psychosocial_z() -> None:
    codes = shipped_lexicon().icd_codes
    assert {"F33.1", "F41.1", "F43.10", "Z63.0", "Z62.820"} <= codes
    assert "E11.9" not in codes  # diabetes is not a mental-health code


def test_cpt_codes_are_sorted_into_time_and_modality() -> None:
    cpt = shipped_lexicon().cpt
    assert cpt["90837"] == "session_times"
    assert cpt["90853"] == "modality_frequency"


def test_terms_match_hyphen_and_space_variants() -> None:
    import re

    pattern = re.compile(term_regex("self harm*"), re.IGNORECASE)
    assert pattern.fullmatch("self-harming") and pattern.fullmatch("self harm")


@pytest.mark.parametrize("name", ["lint-request.json", "lint-response.json"])
def test_schemas_are_valid_2020_12(name: str) -> None:
    schema = json.loads((ROOT / "shared_schema" / "schemas" / name).read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$id"] == f"https://margin.local/schemas/{name}"


def test_utf16_offsets_count_astral_characters_twice() -> None:
    text = "😀 ok. Denies SI."
    [finding] = Linter().lint(text)
    assert text[finding.start:finding.end] == "Denies SI."
    [converted] = to_utf16(text, [finding])
    assert (converted.start, converted.end) == (finding.start + 1, finding.end + 1)
    assert to_utf16("plain", [Finding(0, 5, "safety", "critical", "m")])[0].start == 0


@pytest.mark.parametrize(("text", "parts"), [
    ("Pt. denies SI. Dr. Smith to f/u.", ["Pt. denies SI.", "Dr. Smith to f/u."]),
    ("Seroquel 50 q.h.s. Sleep better", ["Seroquel 50 q.h.s.", "Sleep better"]),
    ("sleep poor / appetite ok; SI/HI neg", ["sleep poor", "appetite ok", "SI/HI neg"]),
    ("- mood low\n* GAD-7 9\n1. plan: CBT", ["mood low", "GAD-7 9", "plan: CBT"]),
    ("anxious - 3-4 panic attacks", ["anxious", "3-4 panic attacks"]),
    ("Weight 3.5 kg down? Unclear!", ["Weight 3.5 kg down?", "Unclear!"]),
])
def test_sentence_splitter_copes_with_shorthand(text: str, parts: list[str]) -> None:
    splitter = SentenceSplitter(shipped_lexicon().abbreviations)
    assert [text[s:e] for s, e in splitter.spans(text)] == parts
