"""A part read with what follows its dash (tails.py), by the rules and by the model."""

from __future__ import annotations

import functools

import pytest

from margin.lint.engine import Linter


@functools.cache
def linter(use_model: bool) -> Linter:
    return Linter(use_model=use_model)


@pytest.mark.parametrize("use_model", [False, True])
@pytest.mark.parametrize("text", [
    "Started citalopram 20 last week - her dad, not pt.",
    "Stomach in knots the whole session - mine, skipped lunch.",
    "Outlook discussed at length - her dog's; the vet gives it a year.",
    "Sleeping twelve hours a day - her husband's, since the night shifts ended.",
    "Diagnosed with ADHD in March - his brother, not him.",
    "She wants to disappear for a while - to her aunt's farm in Wales, no wifi.",
])
def test_the_tail_says_whose_it_is_or_how_the_phrase_ends(text: str, use_model: bool) -> None:
    assert linter(use_model).predict(text) == "private"


def test_a_tail_that_continues_the_phrase_is_read_with_it() -> None:
    # By the rules; the model (v13) still reads a weapon named in a game as risk, and it may
    # raise a part to risk on its own.
    text = "He keeps a rifle under the bed - in the zombie game he plays online."
    assert linter(False).predict(text) == "private"


@pytest.mark.parametrize("use_model", [False, True])
@pytest.mark.parametrize(("text", "expected"), [
    # A possessive after risk says whose the means was, not whose the risk is.
    ("Keeps the old oxycodone for when the time comes - her late father's.", "safety"),
    ("Overdosed on Saturday - flatmate, called the ambulance.", "safety"),
    # A family history of suicide and a child at risk stay risk when the tail names them.
    ("Hanged himself in 2015 - her uncle, not her.", "safety"),
    ("Left alone overnight twice this week - her 5-year-old, not pt.", "safety"),
    # A preposition that continues the risk keeps it, misspelt or not.
    ("Took all her tablets - with half a bottle of gin.", "safety"),
    ("Took 30 paracetomol last night - with a bottle of vodka.", "safety"),
    ("Took all her tablets - with her mum in the next room.", "safety"),
    # A reason after the dash is not an owner.
    ("Good prognosis - supportive partner, no substance use.", "prognosis"),
    ("Started sertraline 50 mg - her mum's idea, she says.", "medication"),
])
def test_risk_and_record_stay_where_the_tail_does_not_take_them(
        text: str, expected: str, use_model: bool) -> None:
    assert linter(use_model).predict(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("His brother drinks too much, but he himself is on six to eight beers most nights.",
     "symptoms"),
    ("Her mum has panic attacks, whereas she herself sleeps four hours a night.", "symptoms"),
    ("His mum mentioned she's on sertraline herself.", "private"),
])
def test_a_contrast_sets_the_emphatic_pronoun_against_the_person_before_it(
        text: str, expected: str) -> None:
    assert linter(False).predict(text) == expected
