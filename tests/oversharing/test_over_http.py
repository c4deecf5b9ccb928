"""Issue 21 over real HTTP, as the extension calls it: POST /v1/review (UTF-16 offsets, no
text echoed), the guard's record content apart from leaks (no held save, audited once), and
POST /v1/lint/vault for the vault page's review."""

from __future__ import annotations

import pytest

from margin.schema import first_problem
from tests.conftest import CHROME_ORIGIN, RunningDaemon

PASSPHRASE = "a long recovery passphrase for tests"
RISK = ("She said she has been saving her sleeping pills in a jar and thinks about taking them "
        "all at once when the kids are at their father's.")
HUNCH = ("I keep wondering whether her lateness is a test of whether I will abandon her the way "
         "her father left when she was seven years old.")


@pytest.fixture
def vault(daemon: RunningDaemon) -> RunningDaemon:
    daemon.pair(CHROME_ORIGIN)
    daemon.as_extension("POST", "/v1/vault", body={"passphrase": PASSPHRASE})
    daemon.as_extension("POST", "/v1/notes", body={
        "text": f"{RISK}\n{HUNCH}\n", "client": "Ada Quill",
        "context": {"appointment_date": "2026-11-14"}})
    return daemon


def test_review_answers_spans_in_utf16_and_no_text(daemon: RunningDaemon) -> None:
    daemon.pair(CHROME_ORIGIN)
    text = "🙂 Client engaged. I felt bored and sleepy the whole hour. Plan: weekly CBT."
    reply = daemon.as_extension("POST", "/v1/review", body={"text": text})
    assert reply.status == 200, reply.body
    body = reply.json()
    assert first_problem("review-response", body) is None
    [finding] = body["findings"]
    units = text.encode("utf-16-le")
    assert units[finding["start"] * 2:finding["end"] * 2].decode("utf-16-le") == \
        "I felt bored and sleepy the whole hour."
    assert "bored" not in reply.body.decode()


def test_a_copied_safety_sentence_is_record_content_not_a_leak(vault: RunningDaemon) -> None:
    progress = f"Session 50 min. {RISK} Safety plan reviewed."
    for _ in range(2):  # the guard checks at every pause in typing: audited once
        reply = vault.as_extension("POST", "/v1/guard/check", body={"text": progress})
        body = reply.json()
        assert first_problem("guard-check-response", body) is None
        assert body["matches"] == []
        [documented] = body["record_content"]
        assert documented["category"] == "safety"
        assert documented["message"] == "From your private note; it belongs in the record."
    entries = vault.as_extension("GET", "/v1/audit").json()["entries"]
    audited = [e for e in entries if e["action"] == "documented_in_record"]
    assert len(audited) == 1 and "pills" not in str(audited)
    leaking = vault.as_extension("POST", "/v1/guard/check",
                                 body={"text": f"Client engaged. {HUNCH}"}).json()
    assert len(leaking["matches"]) == 1 and leaking["record_content"] == []


def test_the_vault_page_reviews_the_private_notes(vault: RunningDaemon) -> None:
    reply = vault.as_extension("POST", "/v1/lint/vault", body={"since": "2026-11-01"})
    assert reply.status == 200, reply.body
    body = reply.json()
    assert first_problem("vault-lint-report", body) is None
    [note] = body["notes"]
    assert note["client"] == "Ada Quill" and note["findings"][0]["category"] == "safety"


def test_files_are_reviewed_by_this_user_only(vault: RunningDaemon) -> None:
    reply = vault.as_extension("POST", "/v1/review/files", body={"paths": ["/tmp"]})
    assert reply.status == 403
