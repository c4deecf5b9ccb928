"""The over-sharing check: the issue's hard pairs in both directions (sentences not in the
corpus), the safety floor, offsets, and the corpus aims."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from margin.errors import OversharingRulesMissing
from margin.lint import to_utf16
from margin.oversharing import CATEGORIES
from margin.oversharing.engine import OversharingCheck, check_text
from margin.oversharing.model import load_model
from margin.oversharing.operations import review
from margin.oversharing.rules import load_rules
from tests.oversharing.eval import CORPUS_DIR, evaluate, read_corpus

ROOT = Path(__file__).resolve().parents[2]


def flagged(text: str) -> str | None:
    found = check_text(text)
    return found[0].category if found else None


@pytest.mark.parametrize(("record", "over"), [
    ("Nightmares about the crash 4x/wk, waking at 3 am.",
     "In the nightmare the car slid off an icy road into a field of sunflowers."),
    ("Therapist used Socratic questioning to challenge the belief that she is a failure.",
     "I used Socratic questioning, though I was irritated with her the whole time."),
    ("Reports ongoing conflict with her sister over their mother's care.",
     "Then her sister said she was useless, and then she threw the casserole dish, and then "
     "the kids came in and they all went out to the porch."),
    ('Mood: "flat"; affect blunted.',
     'She said, "My whole life is a rerun of the same boring episode and nobody changes the '
     'channel."'),
    ("Working dx: MDD, recurrent; r/o bipolar II.",
     "I suspect the low mood is really anger at her husband that she cannot admit."),
    ("Coordinated with her psychiatrist about the dose change.",
     "Bring to supervision: I keep rescuing her and I do not know why."),
    ("Case reviewed in clinical supervision per agency policy; plan unchanged.",
     "Sup says I'm over-functioning for pt; hold back on hw reminders."),
    ("Pt reports argument w/ spouse re finances; felt hurt.",
     "While we processed the rupture I felt hurt that she said I never listen to her."),
])
def test_hard_pairs(record: str, over: str) -> None:
    assert flagged(record) is None
    assert flagged(over) in CATEGORIES


@pytest.mark.parametrize("text", [
    'He said, "I keep thinking everyone would be better off if I drove into the river."',
    "She dreamed she took every pill in the cabinet and felt calm.",
    "Her boyfriend told her he would break her neck if she called the police.",
    "Client's sister leaves her 4-year-old alone in the apartment overnight.",
    "Consulted supervisor re: duty to warn - supervisor agreed a call is needed.",
    "I felt hurt when he said he wants to hurt his little brother.",
    "He walked in, sat down, said he wrote letters to his kids last night, and then handed me "
    "the spare key to his gun safe.",
    'He told me, "Some nights I\'d like to shut my eyes and never open them, honestly."',
])
def test_safety_is_never_flagged(text: str) -> None:
    assert check_text(text) == []


def test_only_the_over_sharing_part_of_a_mixed_line_is_flagged() -> None:
    text = "Practiced paced breathing; I felt bored and sleepy the whole hour."
    [finding] = check_text(text)
    assert text[finding.start:finding.end] == "I felt bored and sleepy the whole hour."
    assert finding.category == "transference"
    assert "your own feelings" in finding.message


def test_offsets_in_utf16_for_the_extension() -> None:
    text = "Good week 🙂. I wonder if her smile hides her fear of ending therapy."
    [finding] = check_text(text)
    [shifted] = to_utf16(text, [finding])
    assert shifted.start == finding.start + 1
    assert text.encode("utf-16-le")[shifted.start * 2:shifted.end * 2].decode("utf-16-le") \
        == text[finding.start:finding.end]


def test_rules_file_matches_its_schema() -> None:
    schema = json.loads((ROOT / "shared_schema/schemas/oversharing-rules.json").read_text())
    rules = json.loads((ROOT / "shared_schema/oversharing/rules.json").read_text())
    jsonschema.validate(rules, schema)
    assert tuple(sorted(rules["order"])) == tuple(sorted(CATEGORIES))


def test_a_missing_or_damaged_rules_file_is_a_plain_error(tmp_path: Path) -> None:
    with pytest.raises(OversharingRulesMissing):
        load_rules(tmp_path)
    (tmp_path / "rules.json").write_text("{not json")
    with pytest.raises(OversharingRulesMissing):
        OversharingCheck(load_rules(tmp_path))


@pytest.mark.parametrize("name", ["main.jsonl", "holdout1.jsonl", "train_more.jsonl"])
def test_corpus_aims(name: str) -> None:
    """Aims of issue 21 on the corpora the rules were tuned on (never on holdout2)."""
    counts = evaluate(read_corpus(CORPUS_DIR / name))
    over_n = sum(counts[c]["n"] for c in CATEGORIES)
    over_found = sum(counts[c]["flagged"] for c in CATEGORIES)
    assert over_found / over_n >= 0.90
    assert counts["record"]["flagged"] / counts["record"]["n"] <= 0.05
    assert counts["safety"]["flagged"] == 0


def test_corpus_has_three_styles_and_every_label() -> None:
    rows = read_corpus(CORPUS_DIR / "main.jsonl")
    assert len(rows) >= 400
    assert {r["style"] for r in rows} == {"terse", "full", "soap"}
    assert {r["label"] for r in rows} == {*CATEGORIES, "record", "safety"}
    assert all(r["source"] for r in rows)


def test_a_damaged_model_file_is_a_plain_error(tmp_path: Path) -> None:
    (tmp_path / "sentence_model.npz").write_bytes(b"not a model")
    with pytest.raises(OversharingRulesMissing):
        load_model(tmp_path)


def test_the_model_adds_only_where_no_rule_fired_and_says_so() -> None:
    rules_alone = OversharingCheck(use_model=False)
    with_model = OversharingCheck()
    texts = ["Her cousin Marco owes the bank a great deal and nobody in the family knows yet.",
             "The room smelled like lavender and she wore her grandmother's old green cardigan.",
             "It crossed my mind that the weight gain shields her from attention from men."]
    for text in texts:
        assert rules_alone.check(text) == []
        [finding] = with_model.check(text)
        assert finding.message.endswith("(Flagged by its wording, not by a listed phrase.)")
    assert with_model.check("She talked about her weekend.") == [], "short parts: rules only"


def test_the_review_operation_answers_in_utf16() -> None:
    text = "🙂 Client engaged. I felt bored and sleepy all hour."
    [finding] = review({"text": text})["findings"]
    assert (finding["start"], finding["category"]) == (text.index("I felt") + 1, "transference")
