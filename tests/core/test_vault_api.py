"""The vault over real HTTP, as the paired extension uses it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from margin.schema import first_problem
from tests.conftest import CHROME_ORIGIN, RunningDaemon, start_daemon, stop_daemon

PASSPHRASE = "a long recovery passphrase for tests"
DISTINCTIVE = "Marigold-quokka dream about the lighthouse keeper's violin"


def ok(reply, schema: str, status: int = 200):
    assert reply.status == status, reply.body
    body = reply.json()
    assert first_problem(schema, body) is None, (schema, body)
    return body


@pytest.fixture
def unlocked(daemon: RunningDaemon) -> RunningDaemon:
    daemon.pair(CHROME_ORIGIN)
    created = daemon.as_extension("POST", "/v1/vault", body={"passphrase": PASSPHRASE})
    ok(created, "vault-create-response", 201)
    return daemon


def new_note(d: RunningDaemon, text: str = DISTINCTIVE, client: str = "Ada Quill",
             date: str = "2026-01-14") -> dict:
    reply = d.as_extension("POST", "/v1/notes", body={
        "text": text, "client": client,
        "context": {"site": "simplepractice", "appointment_date": date}})
    return ok(reply, "note", 201)


def test_vault_starts_absent_then_created_unlocked(daemon: RunningDaemon) -> None:
    daemon.pair(CHROME_ORIGIN)
    state = ok(daemon.as_extension("GET", "/v1/vault"), "vault-state")
    assert state["exists"] is False
    assert ok(daemon.as_extension("POST", "/v1/notes", body={"text": "x"}), "error", 409)[
        "error"] == "no_vault"
    created = ok(daemon.as_extension("POST", "/v1/vault", body={}), "vault-create-response", 201)
    assert len(created["recovery_passphrase"]) >= 30
    assert created["vault"]["unlocked"] is True
    assert created["vault"]["keychain"]["usable"] is False  # these daemons have no keychain
    again = daemon.as_extension("POST", "/v1/vault", body={})
    assert ok(again, "error", 409)["error"] == "vault_exists"


def test_write_read_update_and_stale_version(unlocked: RunningDaemon) -> None:
    note = new_note(unlocked)
    read = ok(unlocked.as_extension("GET", f"/v1/notes/{note['id']}"), "note")
    assert read["text"] == DISTINCTIVE and read["client"] == "Ada Quill"
    updated = ok(unlocked.as_extension("PUT", f"/v1/notes/{note['id']}", body={
        "text": DISTINCTIVE + " (edited)", "base_version": note["version"]}), "note")
    assert updated["parents"] == [note["version"]]
    stale = unlocked.as_extension("PUT", f"/v1/notes/{note['id']}", body={
        "text": "an edit from an old tab", "base_version": note["version"]})
    body = ok(stale, "error", 409)
    assert body["error"] == "stale_version"
    assert body["current"]["text"] == DISTINCTIVE + " (edited)"  # nothing was overwritten
    history = ok(unlocked.as_extension("GET", f"/v1/notes/{note['id']}/history"), "note-history")
    assert [v["id"] for v in history["versions"]] == [note["version"], updated["version"]]
    old = ok(unlocked.as_extension(
        "GET", f"/v1/notes/{note['id']}/versions/{note['version']}"), "note")
    assert old["text"] == DISTINCTIVE


def test_search_by_client_date_and_words(unlocked: RunningDaemon) -> None:
    first = new_note(unlocked, client="Ada Quill", date="2026-01-14")
    new_note(unlocked, text="Unrelated musings on supervision", client="Bo Reyes",
             date="2026-01-15")
    by_client = ok(unlocked.as_extension("POST", "/v1/notes/search",
                                         body={"client": "Ada Quill"}), "notes-list")
    assert [n["id"] for n in by_client["notes"]] == [first["id"]]
    assert "text" not in by_client["notes"][0]
    by_date = ok(unlocked.as_extension("POST", "/v1/notes/search",
                                       body={"date": "2026-01-15"}), "notes-list")
    assert [n["client"] for n in by_date["notes"]] == ["Bo Reyes"]
    with_ref = unlocked.as_extension("POST", "/v1/notes", body={
        "text": "x", "context": {"client_ref": "C-991"}}).json()
    by_ref = ok(unlocked.as_extension("POST", "/v1/notes/search",
                                      body={"client_ref": "C-991"}), "notes-list")
    assert [n["id"] for n in by_ref["notes"]] == [with_ref["id"]]
    by_words = ok(unlocked.as_extension("POST", "/v1/notes/search",
                                        body={"query": "LIGHTHOUSE violin"}), "notes-list")
    assert [n["id"] for n in by_words["notes"]] == [first["id"]]
    assert "lighthouse" in by_words["notes"][0]["snippet"]


def test_delete_is_a_tombstone_that_can_be_undone(unlocked: RunningDaemon) -> None:
    note = new_note(unlocked)
    deleted = ok(unlocked.as_extension("POST", f"/v1/notes/{note['id']}/delete",
                                       body={"base_version": note["version"]}), "note-summary")
    assert deleted["deleted"] is True
    listed = ok(unlocked.as_extension("POST", "/v1/notes/search", body={}), "notes-list")
    assert listed["notes"] == []
    with_deleted = ok(unlocked.as_extension("POST", "/v1/notes/search",
                                            body={"include_deleted": True}), "notes-list")
    assert [n["id"] for n in with_deleted["notes"]] == [note["id"]]
    restored = ok(unlocked.as_extension("POST", f"/v1/notes/{note['id']}/restore",
                                        body={"base_version": deleted["version"]}), "note")
    assert restored["text"] == DISTINCTIVE and restored["deleted"] is False


def test_lock_unlock_and_wrong_passphrase(unlocked: RunningDaemon) -> None:
    note = new_note(unlocked)
    ok(unlocked.as_extension("POST", "/v1/lock", body={}), "vault-state")
    locked = unlocked.as_extension("GET", f"/v1/notes/{note['id']}")
    assert ok(locked, "error", 423)["error"] == "vault_locked"
    assert DISTINCTIVE.encode() not in locked.body
    no_keychain = unlocked.as_extension("POST", "/v1/unlock", body={})
    assert no_keychain.status >= 400
    wrong = unlocked.as_extension("POST", "/v1/unlock", body={"passphrase": "not it at all"})
    assert ok(wrong, "error", 401)["error"] == "wrong_passphrase"
    state = ok(unlocked.as_extension("POST", "/v1/unlock", body={"passphrase": PASSPHRASE}),
               "vault-state")
    assert state["unlocked"] is True
    assert ok(unlocked.as_extension("GET", f"/v1/notes/{note['id']}"), "note")["text"] == (
        DISTINCTIVE)


def test_audit_trail_records_reads_and_writes(unlocked: RunningDaemon) -> None:
    note = new_note(unlocked)
    unlocked.as_extension("GET", f"/v1/notes/{note['id']}")
    audit = ok(unlocked.as_extension("GET", "/v1/audit"), "audit-response")
    assert audit["verification"]["ok"] is True
    actions = {(e["action"], e["note"]) for e in audit["entries"]}
    assert ("create", note["id"]) in actions or ("write", note["id"]) in actions
    assert ("read", note["id"]) in actions
    pairing_id = unlocked.as_extension("GET", "/v1/status").json()["caller"]["id"]
    assert {e["actor"] for e in audit["entries"]} >= {f"extension:{pairing_id}"}


def test_settings_round_trip(unlocked: RunningDaemon) -> None:
    assert ok(unlocked.as_extension("GET", "/v1/settings"), "settings") == {
        "auto_lock_minutes": 15, "guard_min_words": 8, "private_note_hints": False}
    ok(unlocked.as_extension("PUT", "/v1/settings", body={"auto_lock_minutes": 5}), "settings")
    assert ok(unlocked.as_extension("GET", "/v1/vault"), "vault-state")["auto_lock_minutes"] == 5
    bad = unlocked.as_extension("PUT", "/v1/settings", body={"auto_lock_minutes": 0})
    assert ok(bad, "error", 422)["error"] == "invalid_request"


def test_restart_starts_locked_and_keeps_everything(unlocked: RunningDaemon) -> None:
    note = new_note(unlocked)
    token = unlocked.tokens[CHROME_ORIGIN]
    stop_daemon(unlocked)
    again = start_daemon(unlocked.home)
    again.tokens[CHROME_ORIGIN] = token
    try:
        assert again.as_extension("GET", "/v1/vault").json()["unlocked"] is False
        again.as_extension("POST", "/v1/unlock", body={"passphrase": PASSPHRASE})
        assert again.as_extension("GET", f"/v1/notes/{note['id']}").json()["text"] == DISTINCTIVE
    finally:
        stop_daemon(again)


def _all_bytes_under(root: Path) -> list[tuple[Path, bytes]]:
    return [(p, p.read_bytes()) for p in root.rglob("*") if p.is_file()]


def test_no_plaintext_at_rest_after_the_http_flow(unlocked: RunningDaemon) -> None:
    secrets = [DISTINCTIVE.split()[0], "lighthouse keeper", "Ada Quill", "EHR-CLIENT-77341",
               "APPT-99812"]
    note = unlocked.as_extension("POST", "/v1/notes", body={
        "text": DISTINCTIVE, "client": "Ada Quill", "tags": ["grief"],
        "context": {"site": "simplepractice", "appointment_date": "2026-01-14",
                    "client_ref": "EHR-CLIENT-77341", "appointment_ref": "APPT-99812"}}).json()
    unlocked.as_extension("PUT", f"/v1/notes/{note['id']}", body={
        "text": DISTINCTIVE + " again", "base_version": note["version"]})
    unlocked.as_extension("POST", "/v1/notes/search", body={"client": "Ada Quill",
                                                            "query": "lighthouse"})
    unlocked.as_extension("POST", "/v1/lock", body={})
    stop_daemon(unlocked)
    for path, data in _all_bytes_under(unlocked.home):
        for secret in secrets:
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                assert secret.encode(encoding) not in data, (path, secret, encoding)
            assert secret not in str(path)


def test_lint_route_flags_record_content_with_utf16_offsets(daemon: RunningDaemon) -> None:
    daemon.pair(CHROME_ORIGIN)
    text = "Feeling 🌊 heavy. Denies SI/HI. I wonder about her father's silence."
    body = ok(daemon.as_extension("POST", "/v1/lint", body={"text": text}), "lint-response")
    safety = [f for f in body["findings"] if f["category"] == "safety"]
    assert len(safety) == 1 and safety[0]["severity"] == "critical"
    utf16 = text.encode("utf-16-le")
    flagged = utf16[safety[0]["start"] * 2: safety[0]["end"] * 2].decode("utf-16-le")
    assert "Denies SI/HI" in flagged
    assert "father" not in json.dumps(body)


def test_a_broken_keyring_setup_means_passphrase_only_not_a_crash(margin_home: Path) -> None:
    daemon = start_daemon(margin_home, {"PYTHON_KEYRING_BACKEND": "no.such.Backend"})
    try:
        daemon.pair(CHROME_ORIGIN)
        created = ok(daemon.as_extension("POST", "/v1/vault", body={}), "vault-create-response",
                     201)
        assert created["vault"]["keychain"]["usable"] is False
        assert "recovery passphrase" in created["vault"]["keychain"]["message"]
    finally:
        assert "Traceback" not in stop_daemon(daemon)
