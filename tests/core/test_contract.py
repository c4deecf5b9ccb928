"""The contract in shared_schema/ is the one truth: every route is documented, every
documented route exists, every schema is valid, and real answers meet their schemas."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from margin.contract import HTTP_METHODS, documented_operations
from margin.schema import first_problem, openapi, schema_root
from margin.server.app import create_app
from tests.conftest import CHROME_ORIGIN, RunningDaemon

SCHEMA_FILES = sorted((schema_root() / "schemas").glob("*.json"))


def served_operations() -> set[tuple[str, str]]:
    app = create_app(margin=None)  # type: ignore[arg-type]  # routes only; no request is made
    found = set()
    for route in app.router.routes():
        if route.method in {"HEAD", "OPTIONS"}:
            continue
        found.add((route.method, route.resource.canonical))
    return found


def test_every_route_is_documented_and_every_documented_route_exists() -> None:
    assert served_operations() == documented_operations()


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: p.name)
def test_schema_is_valid_2020_12_with_matching_id(path: Path) -> None:
    schema = json.loads(path.read_text())
    Draft202012Validator.check_schema(schema)
    assert schema["$id"] == f"https://margin.local/schemas/{path.name}"


def test_every_openapi_reference_points_at_an_existing_schema() -> None:
    refs: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            refs.extend(v for k, v in node.items() if k == "$ref")
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(openapi()["paths"])
    assert refs
    for ref in refs:
        assert (schema_root() / ref).is_file(), ref


def test_openapi_lists_responses_for_every_operation() -> None:
    for path, item in openapi()["paths"].items():
        for method, operation in item.items():
            if method in HTTP_METHODS:
                assert "4XX" in operation["responses"], (method, path)


def _response_schema(method: str, template: str, status: int) -> str:
    operation = openapi()["paths"][template][method.lower()]
    responses = operation["responses"]
    entry = responses.get(str(status)) or responses[f"{str(status)[0]}XX"]
    return Path(entry["content"]["application/json"]["schema"]["$ref"]).stem


def test_real_answers_meet_their_schemas(daemon: RunningDaemon) -> None:
    code_reply = daemon.cli("POST", "/v1/pairing-code", {})
    checks = [("POST", "/v1/pairing-code", code_reply)]
    pair_reply = daemon.request("POST", "/v1/pair", body={"code": code_reply.json()["code"]},
                                headers={"Origin": CHROME_ORIGIN})
    checks.append(("POST", "/v1/pair", pair_reply))
    daemon.tokens[CHROME_ORIGIN] = pair_reply.json()["token"]
    checks.append(("GET", "/v1/status", daemon.as_extension("GET", "/v1/status")))
    checks.append(("GET", "/v1/status", daemon.cli("GET", "/v1/status")))
    listed = daemon.cli("GET", "/v1/pairings")
    checks.append(("GET", "/v1/pairings", listed))
    pairing_id = listed.json()["pairings"][0]["id"]
    checks.append(("DELETE", "/v1/pairings/{pairing_id}",
                   daemon.cli("DELETE", f"/v1/pairings/{pairing_id}")))
    checks.append(("DELETE", "/v1/pairings/{pairing_id}",
                   daemon.cli("DELETE", "/v1/pairings/00000000")))
    for method, template, reply in checks:
        schema = _response_schema(method, template, reply.status)
        assert first_problem(schema, reply.json()) is None, (method, template, reply.body)
