"""The OpenAPI document decides which request schema each route's body must meet."""

from __future__ import annotations

from functools import cache
from pathlib import PurePosixPath

from aiohttp import web

from margin.schema import openapi

HTTP_METHODS = {"get", "put", "post", "delete", "patch", "options", "head"}


@cache
def request_schemas() -> dict[tuple[str, str], str]:
    """(METHOD, path template) -> schema name, for every operation that takes a JSON body."""
    found: dict[tuple[str, str], str] = {}
    for path, item in openapi()["paths"].items():
        for method, operation in item.items():
            if method not in HTTP_METHODS:
                continue
            content = operation.get("requestBody", {}).get("content", {})
            ref = content.get("application/json", {}).get("schema", {}).get("$ref")
            if ref:
                found[(method.upper(), path)] = PurePosixPath(ref).stem
    return found


@cache
def raw_upload_operations() -> set[tuple[str, str]]:
    """Operations whose body is a file's bytes (application/octet-stream), not JSON."""
    return {
        (method.upper(), path)
        for path, item in openapi()["paths"].items()
        for method, operation in item.items()
        if method in HTTP_METHODS
        and "application/octet-stream" in operation.get("requestBody", {}).get("content", {})
    }


def is_raw_upload(request: web.Request) -> bool:
    resource = request.match_info.route.resource
    return resource is not None and (request.method, resource.canonical) in raw_upload_operations()


def request_schema_for(request: web.Request) -> str | None:
    resource = request.match_info.route.resource
    if resource is None:
        return None
    return request_schemas().get((request.method, resource.canonical))


def documented_operations() -> set[tuple[str, str]]:
    """Every (METHOD, path template) the OpenAPI document lists."""
    return {
        (method.upper(), path)
        for path, item in openapi()["paths"].items()
        for method in item
        if method in HTTP_METHODS
    }
