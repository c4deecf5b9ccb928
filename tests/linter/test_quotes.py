"""The client's words read as told (quotes.py): by the rules alone, since the model may
raise a part on its own. Each sentence here is new wording, not a corpus row."""

from __future__ import annotations

import functools

import pytest

from margin.lint.engine import Linter
from margin.lint.quotes import told


@functools.cache
def rules() -> Linter:
    return Linter(use_model=False)


@pytest.mark.parametrize(("text", "expected"), [
    # A quote with no subject, apostrophes left out.
    ('Client: "dont want to be here anymore, honestly"', "safety"),
    # A quotation mark between the verb and its object.
    ('He said he swallowed "a fistful of whatever was in the kitchen drawer" on Sunday night.',
     "safety"),
    ('She says her family would "do fine, maybe better" without her.', "safety"),
    ('She said the kids would "manage fine, probably better" without her around.', "safety"),
    # A record fact in the client's words: the client's "I".
    ('Pt: "I\'m checking the oven ten, fifteen times before I can leave the flat."',
     "symptoms"),
])
def test_a_quote_is_read_as_told(text: str, expected: str) -> None:
    assert rules().predict(text) == expected


@pytest.mark.parametrize("text", [
    # Figures of speech in quotes stay private: "me" and "my" are kept as said.
    'She said, "My landlord is going to kill me when he sees the carpet."',
    'He joked, "I\'ll be late for my own wedding at this rate."',
    # A word or two set apart in quotes keeps its marks.
    "She wants to 'vanish' to the coast for the half-term break.",
    # A phrase after "to" is set apart, however long.
    "Wants to 'disappear to Mull for a fortnight' after her finals.",
    # The clinician's own words stay hers.
    "In supervision I said 'I feel out of my depth with her' and we looked at why.",
    # A label that names someone else: no subject is put in for the client.
    'Client re her flatmate: "stopped eating properly, barely leaves her room."',
])
def test_figures_of_speech_and_others_words_stay_private(text: str) -> None:
    assert rules().predict(text) == "private"


def test_the_reading_changes_only_the_quote() -> None:
    said = 'I felt tense. She said, "I want to stop now."'
    assert told(said, 0, len(said)) == "I felt tense. She said, she wants to stop now."
    assert told("I felt tense in the room.", 0, 25) is None
    assert told('Pt: "haven\'t slept since Friday"', 0, 32) == "Pt: she hasn't slept since Friday"
    # A plural possessive is not a quotation mark.
    aside = "Her sisters' kids stayed over, and I thought it went well enough."
    assert told(aside, 0, len(aside)) is None
