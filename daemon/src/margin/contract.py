"""The operations of the OpenAPI document (``shared_schema/openapi.json``), read once.

The document is the one list of what Margin offers. Each operation's ``operationId`` names
the method of the application object (``margin.service.Margin``) that carries it out; its
request body names the schema every caller's input must meet; ``x-margin-cli-only`` marks
what only this user's own `margin` command may ask for. The HTTP server and the command
both read their rules from here, so the document and the code cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import PurePosixPath
from typing import Any

from margin.schema import openapi

HTTP_METHODS = ("get", "put", "post", "delete", "patch")


@dataclass(frozen=True)
class Operation:
    method: str  # "POST"
    path: str  # "/v1/notes/{note_id}"
    name: str  # operationId: the Margin method
    request_schema: str | None  # schema name of a JSON body
    raw_upload: bool  # the body is a file's bytes (application/octet-stream)
    cli_only: bool  # only the local `margin` command may call it
    success_status: int

    def url(self, **path_params: str) -> str:
        return self.path.format(**path_params)


def _operation(method: str, path: str, spec: dict[str, Any]) -> Operation:
    content = spec.get("requestBody", {}).get("content", {})
    ref = content.get("application/json", {}).get("schema", {}).get("$ref")
    success = min(int(code) for code in spec["responses"] if code.isdigit() and code < "300")
    return Operation(
        method=method.upper(),
        path=path,
        name=spec["operationId"],
        request_schema=PurePosixPath(ref).stem if ref else None,
        raw_upload="application/octet-stream" in content,
        cli_only=bool(spec.get("x-margin-cli-only")),
        success_status=success,
    )


@cache
def operations() -> tuple[Operation, ...]:
    return tuple(
        _operation(method, path, spec)
        for path, item in openapi()["paths"].items()
        for method, spec in item.items()
        if method in HTTP_METHODS
    )


@cache
def operation_named(name: str) -> Operation:
    for operation in operations():
        if operation.name == name:
            return operation
    raise KeyError(name)


def documented_operations() -> set[tuple[str, str]]:
    """Every (METHOD, path template) the OpenAPI document lists."""
    return {(op.method, op.path) for op in operations()}
