"""Schemathesis against shared_schema/openapi.json, over real HTTP to the daemon: every
operation, with inputs made from its own schemas and beyond, never gets a 5xx, and every
answer meets the schema the document promises. The paired extension calls the operations
it may; the command-only ones are called with the local command token, as `margin` does.

`make test` runs a few examples per operation; `make soak` (MARGIN_SOAK=1) runs many.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error, response_schema_conformance

from margin.schema import schema_root
from tests.conftest import CHROME_ORIGIN, InProcessDaemon, stop_daemon

SCHEMA = schemathesis.openapi.from_path(str(schema_root() / "openapi.json"))
EXAMPLES = 300 if os.environ.get("MARGIN_SOAK") else 6
PASSPHRASE = "a passphrase long enough for the fuzzer"


@pytest.fixture(scope="module")
def fuzzed_daemon(tmp_path_factory: pytest.TempPathFactory) -> Iterator[InProcessDaemon]:
    running = InProcessDaemon.start(tmp_path_factory.mktemp("fuzz-home"))
    assert running.cli("POST", "/v1/vault", {"passphrase": PASSPHRASE}).status == 201
    running.pair(CHROME_ORIGIN)
    yield running
    log = stop_daemon(running)
    assert "Traceback" not in log and "internal error" not in log, log


def _headers(daemon: InProcessDaemon, case: Any) -> dict[str, str]:
    if case.operation.definition.raw.get("x-margin-cli-only"):
        return {"Authorization": f"Bearer {daemon.cli_token}"}
    return {"Origin": CHROME_ORIGIN, "Authorization": f"Bearer {daemon.tokens[CHROME_ORIGIN]}"}


@SCHEMA.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, derandomize=not os.environ.get("MARGIN_SOAK"),
          suppress_health_check=list(HealthCheck))
def test_no_operation_gives_a_server_error(case: Any, fuzzed_daemon: InProcessDaemon,
                                           tmp_path: Path) -> None:
    daemon = fuzzed_daemon
    if daemon.margin.holder.exists and not daemon.margin.holder.unlocked:
        daemon.cli("POST", "/v1/unlock", {"passphrase": PASSPHRASE})  # a fuzzed lock came first
    response = case.call(base_url=f"http://127.0.0.1:{daemon.port}",
                         headers=_headers(daemon, case))
    case.validate_response(response, checks=(not_a_server_error, response_schema_conformance))
