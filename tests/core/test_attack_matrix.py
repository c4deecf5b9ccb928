"""Invariant 3: only the paired extension gets in.

Each row is a request a web page, another extension, another program or a confused
browser could send. Every one gets a 4xx with the error envelope, no data, and the daemon
keeps serving. Named after the attack each pins.
"""

from __future__ import annotations

import pytest

from margin.schema import first_problem
from tests.conftest import CHROME_ORIGIN, FIREFOX_ORIGIN, OTHER_CHROME_ORIGIN, RunningDaemon


@pytest.fixture
def daemon(daemon_process: RunningDaemon) -> RunningDaemon:
    """The real `margin serve` process: this file is about what reaches the process."""
    return daemon_process


def assert_refused(reply, status: int, code: str) -> None:
    assert reply.status == status, (reply.status, reply.body)
    body = reply.json()
    assert first_problem("error", body) is None
    assert body["error"] == code
    assert set(body) <= {"error", "message", "hint", "attempts_left", "detail"}
    # Only an already paired origin may read even an error; never a wildcard.
    assert reply.headers.get("Access-Control-Allow-Origin") in {None, CHROME_ORIGIN}


@pytest.fixture
def paired(daemon: RunningDaemon) -> RunningDaemon:
    daemon.pair(CHROME_ORIGIN)
    return daemon


def good_headers(daemon: RunningDaemon) -> dict[str, str]:
    return {"Origin": CHROME_ORIGIN, "Authorization": f"Bearer {daemon.tokens[CHROME_ORIGIN]}"}


HOST_ATTACKS = ["evil.example:{port}", "127.0.0.1.nip.io:{port}", "127.0.0.1", "localhost",
                "127.0.0.1:1", "[::1]:{port}", "0.0.0.0:{port}", ""]


@pytest.mark.parametrize("host", HOST_ATTACKS)
def test_dns_rebinding_wrong_host_is_refused(paired: RunningDaemon, host: str) -> None:
    reply = paired.request("GET", "/v1/status", host=host.format(port=paired.port),
                           headers=good_headers(paired))
    assert_refused(reply, 421, "forbidden_host")


def test_localhost_name_is_accepted(paired: RunningDaemon) -> None:
    reply = paired.request("GET", "/v1/status", host=f"localhost:{paired.port}",
                           headers=good_headers(paired))
    assert reply.status == 200


@pytest.mark.parametrize(("method", "path", "body"), [
    ("POST", "/v1/lock", {}), ("POST", "/v1/notes/search", {}), ("DELETE", "/v1/pairings/x", None),
    ("PUT", "/v1/settings", {"auto_lock_minutes": 5})])
def test_valid_token_without_origin_cannot_change_anything(
        paired: RunningDaemon, method: str, path: str, body: object) -> None:
    token = paired.tokens[CHROME_ORIGIN]
    reply = paired.request(method, path, body=body, headers={"Authorization": f"Bearer {token}"})
    assert_refused(reply, 403, "forbidden_origin")


def test_valid_token_without_origin_may_read(paired: RunningDaemon) -> None:
    # Chromium omits Origin on an extension's GET when it holds host permission; a web page
    # cannot send a token without its Origin, and any other Origin is refused (rows above).
    token = paired.tokens[CHROME_ORIGIN]
    reply = paired.request("GET", "/v1/status", headers={"Authorization": f"Bearer {token}"})
    assert reply.status == 200
    assert reply.json()["caller"]["kind"] == "extension"


@pytest.mark.parametrize("origin", ["https://ehr.example", "http://127.0.0.1:8000", "null",
                                    "file://", "chrome-extension://not-an-id"])
def test_web_page_origin_is_refused_even_with_a_stolen_token(paired: RunningDaemon,
                                                             origin: str) -> None:
    token = paired.tokens[CHROME_ORIGIN]
    reply = paired.request("GET", "/v1/status",
                           headers={"Origin": origin, "Authorization": f"Bearer {token}"})
    assert_refused(reply, 403, "forbidden_origin")


def test_web_page_origin_without_token_is_refused(paired: RunningDaemon) -> None:
    reply = paired.request("GET", "/v1/status", headers={"Origin": "https://ehr.example"})
    assert_refused(reply, 403, "forbidden_origin")


def test_another_extension_with_no_token_is_told_to_pair(paired: RunningDaemon) -> None:
    reply = paired.request("GET", "/v1/status", headers={"Origin": OTHER_CHROME_ORIGIN})
    assert_refused(reply, 401, "not_paired")


def test_token_from_another_origin_is_refused(paired: RunningDaemon) -> None:
    token = paired.tokens[CHROME_ORIGIN]
    reply = paired.request("GET", "/v1/status", headers={
        "Origin": OTHER_CHROME_ORIGIN, "Authorization": f"Bearer {token}"})
    assert_refused(reply, 403, "forbidden_origin")


def test_missing_token_is_refused(paired: RunningDaemon) -> None:
    reply = paired.request("GET", "/v1/status", headers={"Origin": CHROME_ORIGIN})
    assert_refused(reply, 401, "not_paired")


@pytest.mark.parametrize("authorization", ["Bearer wrong-token-0000000000000000000000000000",
                                           "Bearer ", "Basic dXNlcjpwYXNz", "token"])
def test_wrong_token_is_refused(paired: RunningDaemon, authorization: str) -> None:
    reply = paired.request("GET", "/v1/status",
                           headers={"Origin": CHROME_ORIGIN, "Authorization": authorization})
    assert reply.status == 401
    assert reply.json()["error"] in {"bad_token", "not_paired"}


def test_revoked_token_is_refused(paired: RunningDaemon) -> None:
    pairing_id = paired.cli("GET", "/v1/pairings").json()["pairings"][0]["id"]
    assert paired.cli("DELETE", f"/v1/pairings/{pairing_id}").status == 200
    reply = paired.request("GET", "/v1/status", headers=good_headers(paired))
    assert_refused(reply, 401, "bad_token")


def test_cli_token_with_an_origin_is_refused(paired: RunningDaemon) -> None:
    reply = paired.request("GET", "/v1/status", headers={
        "Origin": "https://ehr.example", "Authorization": f"Bearer {paired.cli_token}"})
    assert_refused(reply, 403, "forbidden_origin")


def test_extension_cannot_mint_pairing_codes(paired: RunningDaemon) -> None:
    reply = paired.request("POST", "/v1/pairing-code", body={}, headers=good_headers(paired))
    assert_refused(reply, 403, "cli_only")


def test_cors_preflight_from_web_origin_is_refused(paired: RunningDaemon) -> None:
    reply = paired.request("OPTIONS", "/v1/status", headers={
        "Origin": "https://ehr.example", "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "authorization"})
    assert_refused(reply, 403, "forbidden_origin")
    assert "Access-Control-Allow-Origin" not in reply.headers


def test_cors_preflight_from_paired_origin_names_only_that_origin(paired: RunningDaemon) -> None:
    reply = paired.request("OPTIONS", "/v1/status", headers={
        "Origin": CHROME_ORIGIN, "Access-Control-Request-Method": "GET"})
    assert reply.status == 204
    assert reply.headers["Access-Control-Allow-Origin"] == CHROME_ORIGIN
    assert reply.body == b""


def test_no_wildcard_cors_on_answers(paired: RunningDaemon) -> None:
    reply = paired.request("GET", "/v1/status", headers=good_headers(paired))
    assert reply.headers.get("Access-Control-Allow-Origin") == CHROME_ORIGIN
    refused = paired.request("GET", "/v1/status", headers={"Origin": "https://ehr.example"})
    assert "Access-Control-Allow-Origin" not in refused.headers


def test_pairing_brute_force_locks_out(daemon: RunningDaemon) -> None:
    real_code = daemon.cli("POST", "/v1/pairing-code", {}).json()["code"]
    statuses = []
    for attempt in range(6):
        wrong = f"ZZZZ-ZZZ{'23456789'[attempt]}"
        reply = daemon.request("POST", "/v1/pair", body={"code": wrong},
                               headers={"Origin": CHROME_ORIGIN})
        statuses.append((reply.status, reply.json()["error"]))
    assert statuses[:4] == [(403, "pairing_code_wrong")] * 4
    assert statuses[4:] == [(429, "pairing_locked_out")] * 2
    # Even the right code no longer works: a new `margin pair` is needed.
    reply = daemon.request("POST", "/v1/pair", body={"code": real_code},
                           headers={"Origin": CHROME_ORIGIN})
    assert reply.status in {409, 429}
    assert daemon.pair(CHROME_ORIGIN)  # a fresh code works


def test_pairing_code_works_once(daemon: RunningDaemon) -> None:
    code = daemon.cli("POST", "/v1/pairing-code", {}).json()["code"]
    first = daemon.request("POST", "/v1/pair", body={"code": code.lower().replace("-", " ")},
                           headers={"Origin": FIREFOX_ORIGIN})
    assert first.status == 201
    again = daemon.request("POST", "/v1/pair", body={"code": code},
                           headers={"Origin": OTHER_CHROME_ORIGIN})
    assert_refused(again, 409, "no_pairing_in_progress")


@pytest.mark.parametrize("origin", [None, "https://ehr.example", "null"])
def test_pairing_from_a_web_page_is_refused(daemon: RunningDaemon, origin: str | None) -> None:
    code = daemon.cli("POST", "/v1/pairing-code", {}).json()["code"]
    headers = {"Origin": origin} if origin else {}
    reply = daemon.request("POST", "/v1/pair", body={"code": code}, headers=headers)
    assert_refused(reply, 403, "forbidden_origin")
    # The code was not used up by the refused attempt.
    assert daemon.request("POST", "/v1/pair", body={"code": code},
                          headers={"Origin": CHROME_ORIGIN}).status == 201


def test_oversized_body_is_refused(paired: RunningDaemon) -> None:
    big = b'{"code": "' + b"A" * (3 * 1024 * 1024) + b'"}'
    reply = paired.request("POST", "/v1/pair", raw_body=big, headers={
        "Origin": CHROME_ORIGIN, "Content-Type": "application/json"})
    assert_refused(reply, 413, "payload_too_large")


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded",
                                          "multipart/form-data; boundary=x"])
def test_wrong_content_type_is_refused(daemon: RunningDaemon, content_type: str) -> None:
    reply = daemon.request("POST", "/v1/pair", raw_body=b'{"code": "ABCD-EFGH"}',
                           headers={"Origin": CHROME_ORIGIN, "Content-Type": content_type})
    assert_refused(reply, 415, "unsupported_media_type")


@pytest.mark.parametrize("raw", [b"{", b"not json", b"\xff\xfe", b""])
def test_malformed_json_is_refused(daemon: RunningDaemon, raw: bytes) -> None:
    reply = daemon.request("POST", "/v1/pair", raw_body=raw,
                           headers={"Origin": CHROME_ORIGIN, "Content-Type": "application/json"})
    assert_refused(reply, 400, "malformed_json")


@pytest.mark.parametrize("body", [{}, {"code": 12345678}, {"code": "ABCD-EFGH", "extra": 1}, []])
def test_body_that_breaks_the_schema_is_refused(daemon: RunningDaemon, body: object) -> None:
    reply = daemon.request("POST", "/v1/pair", body=body, headers={"Origin": CHROME_ORIGIN})
    assert_refused(reply, 422, "invalid_request")


def test_unknown_route_and_method(paired: RunningDaemon) -> None:
    assert_refused(paired.request("GET", "/v1/nothing-here", headers=good_headers(paired)),
                   404, "not_found")
    assert_refused(paired.request("PUT", "/v1/status", headers=good_headers(paired)),
                   405, "method_not_allowed")


def test_daemon_keeps_serving_after_the_whole_matrix(paired: RunningDaemon) -> None:
    for host in HOST_ATTACKS:
        paired.request("GET", "/v1/status", host=host.format(port=paired.port))
    paired.request("POST", "/v1/pair", raw_body=b"{", headers={"Content-Type": "application/json"})
    reply = paired.request("GET", "/v1/status", headers=good_headers(paired))
    assert reply.status == 200
    assert paired.alive()
