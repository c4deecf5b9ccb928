"""Hints for the private notes themselves (issue 21 item 6): long direct quotations and
third parties' full names; off by default, a setting, answered with the lint over HTTP."""

from __future__ import annotations

import pytest

from margin.oversharing.hints import hints
from margin.schema import first_problem
from tests.conftest import CHROME_ORIGIN, RunningDaemon

QUOTE = '"I cannot keep doing this every single day with him in the house"'
NOTE = f"🙂 Then Maria Lopez called. She said {QUOTE} and left. Started sertraline 50 mg."


def shown(text: str) -> list[tuple[str, str]]:
    return [(text[h.start:h.end], h.category) for h in hints(text)]


def test_long_quotes_and_full_names_in_text_order() -> None:
    assert shown(NOTE) == [("Maria Lopez", "full_name"), (QUOTE, "long_quote")]
    assert {h.severity for h in hints(NOTE)} == {"hint"}


@pytest.mark.parametrize("text", [
    'Mood "okay, I guess".',  # a short quote is fine
    "Saw Dr Smith on Monday Morning.",  # a title and a surname, a day
    "The Client arrived. She seemed tired.",  # opening words are not names
    "her sister and her boss",
])
def test_no_hint(text: str) -> None:
    assert shown(text) == []


def test_the_stretch_of_a_run_that_is_a_name() -> None:
    assert shown("Yesterday Her Boss John Paul Jones yelled.") == [
        ("John Paul Jones", "full_name")]


def test_off_by_default_then_on_over_http(daemon: RunningDaemon) -> None:
    daemon.pair(CHROME_ORIGIN)
    settings = daemon.as_extension("GET", "/v1/settings").json()
    assert settings["private_note_hints"] is False
    plain = daemon.as_extension("POST", "/v1/lint", body={"text": NOTE}).json()
    assert "hints" not in plain
    reply = daemon.as_extension("PUT", "/v1/settings", body={"private_note_hints": True})
    assert reply.status == 200 and reply.json()["private_note_hints"] is True
    body = daemon.as_extension("POST", "/v1/lint", body={"text": NOTE}).json()
    assert first_problem("lint-response", body) is None
    assert [f["category"] for f in body["findings"]] == ["medication"]
    units = NOTE.encode("utf-16-le")
    assert [units[h["start"] * 2:h["end"] * 2].decode("utf-16-le") for h in body["hints"]] == [
        "Maria Lopez", QUOTE]
    bad = daemon.as_extension("PUT", "/v1/settings", body={"private_note_hints": "yes"})
    assert bad.status == 422
