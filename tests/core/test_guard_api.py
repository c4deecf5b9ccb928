"""The leak guard over real HTTP: spans, never private text; kept current; off when locked."""

from __future__ import annotations

import pytest

from margin.schema import first_problem
from tests.conftest import CHROME_ORIGIN, RunningDaemon, start_daemon, stop_daemon

PASSPHRASE = "a long recovery passphrase for tests"
PRIVATE = ("She spoke of the winter her brother left for the coast and never wrote back, "
           "and I noticed my own chest tighten the way it does with my father.")
PROGRESS = ("Client attended 50 minute session. Discussed family stressors. "
            "she spoke of the WINTER her brother left for the coast and never wrote back, "
            "Plan: continue weekly CBT.")


def check(d: RunningDaemon, text: str, **extra: object) -> dict:
    reply = d.as_extension("POST", "/v1/guard/check", body={"text": text, **extra})
    assert reply.status == 200, reply.body
    body = reply.json()
    assert first_problem("guard-check-response", body) is None
    return body


@pytest.fixture
def vault(daemon: RunningDaemon) -> RunningDaemon:
    daemon.pair(CHROME_ORIGIN)
    daemon.as_extension("POST", "/v1/vault", body={"passphrase": PASSPHRASE})
    return daemon


def add_note(d: RunningDaemon, text: str = PRIVATE) -> dict:
    return d.as_extension("POST", "/v1/notes", body={
        "text": text, "client": "Ada Quill",
        "context": {"appointment_date": "2026-01-14"}}).json()


def test_pasted_private_words_are_found_as_offsets(vault: RunningDaemon) -> None:
    note = add_note(vault)
    body = check(vault, PROGRESS)
    assert len(body["matches"]) == 1
    match = body["matches"][0]
    assert match["note_id"] == note["id"] and match["note_date"] == "2026-01-14"
    assert match["words"] >= 15
    marked = PROGRESS[match["start"]:match["end"]]
    assert marked.lower().startswith("she spoke of the winter")
    assert "father" not in str(body)  # nothing of the note beyond the checked text


def test_offsets_count_utf16_code_units(vault: RunningDaemon) -> None:
    add_note(vault)
    text = "🙂🙂 " + PROGRESS
    match = check(vault, text)["matches"][0]
    units = text.encode("utf-16-le")
    marked = units[match["start"] * 2: match["end"] * 2].decode("utf-16-le")
    assert marked.lower().startswith("she spoke of the winter")


def test_clean_progress_note_is_not_flagged(vault: RunningDaemon) -> None:
    add_note(vault)
    clean = ("Client attended 50 minute session via telehealth. Mood anxious, affect congruent. "
             "Discussed family stressors including a sibling's move. Plan: continue weekly CBT.")
    assert check(vault, clean)["matches"] == []


def test_follows_edits_and_deletes(vault: RunningDaemon) -> None:
    note = add_note(vault)
    edited = vault.as_extension("PUT", f"/v1/notes/{note['id']}", body={
        "text": "Completely different reflections about supervision and pacing this week.",
        "base_version": note["version"]}).json()
    assert check(vault, PROGRESS)["matches"] == []
    vault.as_extension("PUT", f"/v1/notes/{note['id']}", body={
        "text": PRIVATE, "base_version": edited["version"]})
    assert len(check(vault, PROGRESS)["matches"]) == 1
    current = vault.as_extension("GET", f"/v1/notes/{note['id']}").json()
    vault.as_extension("POST", f"/v1/notes/{note['id']}/delete",
                       body={"base_version": current["version"]})
    assert check(vault, PROGRESS)["matches"] == []


def test_guard_is_off_visibly_when_locked(vault: RunningDaemon) -> None:
    add_note(vault)
    vault.as_extension("POST", "/v1/lock", body={})
    reply = vault.as_extension("POST", "/v1/guard/check", body={"text": PROGRESS})
    assert reply.status == 423 and reply.json()["error"] == "vault_locked"


def test_long_text_is_checked_in_part_and_says_so(vault: RunningDaemon) -> None:
    add_note(vault)
    long_text = PROGRESS + " filler words here." * 12000
    body = check(vault, long_text)
    assert body["truncated"] is True and body["checked_chars"] == 200_000
    assert len(body["matches"]) == 1


def test_non_text_is_refused(vault: RunningDaemon) -> None:
    reply = vault.as_extension("POST", "/v1/guard/check", body={"text": 42})
    assert reply.status == 422


def test_minimum_run_is_configurable(vault: RunningDaemon) -> None:
    add_note(vault)
    ten_words = "she spoke of the winter her brother left for the"
    assert check(vault, ten_words)["matches"] != []
    assert check(vault, ten_words, min_words=12)["matches"] == []
    vault.as_extension("PUT", "/v1/settings", body={"guard_min_words": 12})
    assert check(vault, ten_words)["matches"] == []


def test_index_survives_restart_and_catches_up_with_offline_imports(
        vault: RunningDaemon, tmp_path) -> None:  # type: ignore[no-untyped-def]
    add_note(vault)
    token = vault.tokens[CHROME_ORIGIN]
    vault.as_extension("POST", "/v1/lock", body={})
    stop_daemon(vault)
    fingerprint_files = list((vault.home / "local").glob("fingerprints-*.bin"))
    assert len(fingerprint_files) == 1
    from tests.conftest import run_margin
    passfile = tmp_path / "p.txt"
    passfile.write_text(PASSPHRASE)
    other = tmp_path / "other.txt"
    other.write_text("An entirely separate reflection on the dream of the burning orchard "
                     "and the ladder that would not reach the highest branch.")
    assert run_margin(vault.home, "import", "--passphrase-file", str(passfile),
                      str(other)).returncode == 0
    again = start_daemon(vault.home)
    again.tokens[CHROME_ORIGIN] = token
    try:
        again.as_extension("POST", "/v1/unlock", body={"passphrase": PASSPHRASE})
        assert len(check(again, PROGRESS)["matches"]) == 1
        orchard = "notes: the dream of the burning orchard and the ladder that would not reach"
        assert len(check(again, orchard)["matches"]) == 1
    finally:
        stop_daemon(again)


# --- over-sharing in the guard's answer (issue 21) ---------------------------------------------

OVERSHARING = ("Client attended 50 minute session. Mood euthymic, affect congruent. "
               "I wonder if her lateness is really anger at her mother that she cannot say. "
               "Client reported passive SI without plan, \"I just want it all to stop,\" "
               "and the safety plan was reviewed. Plan: continue weekly CBT.")
HUNCH = "I wonder if her lateness is really anger at her mother that she cannot say."


def test_oversharing_spans_only_when_asked(vault: RunningDaemon) -> None:
    add_note(vault)
    assert "oversharing" not in check(vault, OVERSHARING)
    body = check(vault, OVERSHARING, oversharing=True)
    assert [OVERSHARING[f["start"]:f["end"]] for f in body["oversharing"]] == [HUNCH]
    finding = body["oversharing"][0]
    assert finding["category"] == "hypothesis" and finding["severity"] == "notice"
    assert "private notes" in finding["message"]
    # The same findings the review answers, and the leak spans as before.
    review = vault.as_extension("POST", "/v1/review", body={"text": OVERSHARING}).json()
    assert review["findings"] == body["oversharing"]
    assert body["matches"] == check(vault, OVERSHARING)["matches"]


def test_oversharing_offsets_count_utf16_code_units(vault: RunningDaemon) -> None:
    add_note(vault)
    text = "🙂 Mood 🙂 bright. " + OVERSHARING
    finding = check(vault, text, oversharing=True)["oversharing"][0]
    units = text.encode("utf-16-le")
    assert units[finding["start"] * 2: finding["end"] * 2].decode("utf-16-le") == HUNCH


def test_oversharing_and_leaks_in_one_answer_never_on_safety(vault: RunningDaemon) -> None:
    add_note(vault)
    body = check(vault, PROGRESS + " " + OVERSHARING, oversharing=True)
    assert len(body["matches"]) == 1
    flagged = [(PROGRESS + " " + OVERSHARING)[f["start"]:f["end"]] for f in body["oversharing"]]
    assert HUNCH in flagged
    assert not any("SI" in sentence or "safety" in sentence for sentence in flagged)


def test_oversharing_reads_the_first_50000_characters(vault: RunningDaemon) -> None:
    add_note(vault)
    filler = "Mood stable. " * 4000  # 52,000 characters
    body = check(vault, HUNCH + " " + filler + HUNCH, oversharing=True)
    assert body["truncated"] is False
    assert [(f["start"], f["end"]) for f in body["oversharing"]] == [(0, len(HUNCH))]


def test_oversharing_switch_must_be_a_yes_or_no(vault: RunningDaemon) -> None:
    reply = vault.as_extension("POST", "/v1/guard/check",
                               body={"text": OVERSHARING, "oversharing": "yes"})
    assert reply.status == 422
    assert first_problem("error", reply.json()) is None and b"Traceback" not in reply.body
