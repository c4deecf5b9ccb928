"""The checks every request passes before a handler runs, in this order:

1. ``Host`` is exactly our loopback address and port (defeats DNS rebinding).
2. A CORS preflight is answered only for an origin that is already paired.
3. The caller proves who it is: a paired extension's token sent from the very origin it was
   issued to, or the local command-line token sent with no Origin at all. Only the pairing
   handshake goes without a token, and it only accepts extension origins.
4. An operation marked ``x-margin-cli-only`` in the OpenAPI document is refused to anyone
   but the local command.
5. A body is JSON, within the size limit and nesting depth. (Its schema is checked by
   ``Margin.call``, the same for every caller.)

Refusals carry the error envelope and nothing else: no data, no echo of the request.
"""

from __future__ import annotations

import hmac
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from margin import errors
from margin.contract import Operation, operation_named
from margin.logsafe import describe_bug
from margin.pairing import is_extension_origin
from margin.server.served import BODY_KEY, CALLER_KEY, SERVED_KEY, Served
from margin.service import COMMAND, Caller

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
log = logging.getLogger("margin.server")

PAIRING_PATH = "/v1/pair"
SAFE_METHODS = {"GET", "HEAD"}  # reads: Chromium sends no Origin on an extension's GET
CORS_ALLOWED_HEADERS = "Authorization, Content-Type, X-Margin-Filename"
CORS_ALLOWED_METHODS = "GET, POST, PUT, DELETE"


def error_response(error: errors.MarginError, origin_to_allow: str | None = None) -> web.Response:
    response = web.json_response(error.envelope(), status=error.http_status)
    if origin_to_allow:
        _allow_origin(response, origin_to_allow)
    return response


def _allow_origin(response: web.StreamResponse, origin: str) -> None:
    response.headers["Access-Control-Allow-Origin"] = origin
    response.headers["Vary"] = "Origin"


def _check_host(request: web.Request, served: Served) -> None:
    allowed = {f"127.0.0.1:{served.port}", f"localhost:{served.port}"}
    if request.headers.get("Host", "").lower() not in allowed:
        raise errors.ForbiddenHost()


def _bearer_token(request: web.Request) -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def _authenticate(request: web.Request, served: Served) -> Caller:
    """Who is calling, or raise. The pairing handshake needs an extension origin."""
    origin = request.headers.get("Origin")
    if request.path == PAIRING_PATH:
        if not is_extension_origin(origin):
            raise errors.ForbiddenOrigin()
        return Caller(kind="pairing", actor="pairing", origin=origin)
    token = _bearer_token(request)
    if token is not None and served.cli_token and hmac.compare_digest(
            token.encode(), served.cli_token.encode()):
        if origin is not None:  # the local token is for this user's own commands, never a page
            raise errors.ForbiddenOrigin()
        return COMMAND
    if origin is not None and not is_extension_origin(origin):
        raise errors.ForbiddenOrigin()
    if token is None:
        raise errors.NotPaired() if origin else errors.ForbiddenOrigin()
    pairing = served.margin.pairing_store.authenticate(
        token, origin, origin_required=request.method not in SAFE_METHODS)
    return Caller(kind="extension", actor=f"extension:{pairing.id}", id=pairing.id,
                  name=pairing.name, origin=origin)


def _operation(request: web.Request) -> Operation | None:
    name = request.match_info.route.name
    return operation_named(name) if name else None


async def _read_body(request: web.Request, operation: Operation | None) -> Any:
    if operation is not None and operation.raw_upload:  # streamed by the handler, capped there
        if request.content_type != "application/octet-stream":
            raise errors.UnsupportedMediaType(
                message="Margin expects the file's bytes here.",
                hint="Drop the file on the vault page again; nothing was checked.")
        return None
    schema_name = operation.request_schema if operation is not None else None
    if not request.body_exists and schema_name is None:
        return None
    if request.content_type != "application/json":
        raise errors.UnsupportedMediaType()
    try:
        raw = await request.read()
    except web.HTTPRequestEntityTooLarge:
        raise errors.PayloadTooLarge() from None
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise errors.MalformedJson() from None
    except RecursionError:  # nested deeper than any request of Margin's
        raise errors.MalformedJson(message="The request was nested too deeply to read.") from None


@web.middleware
async def check_requests(request: web.Request, handler: Handler) -> web.StreamResponse:
    served = request.app[SERVED_KEY]
    origin = request.headers.get("Origin")
    paired_origin = origin if origin and served.margin.pairing_store.is_paired_origin(
        origin) else None
    try:
        _check_host(request, served)
        if request.method == "OPTIONS":
            return _preflight(paired_origin)
        request[CALLER_KEY] = caller = _authenticate(request, served)
        operation = _operation(request)
        if operation is not None and operation.cli_only and caller.kind != "cli":
            raise errors.CliOnly()  # before the body is read: nothing of it is looked at
        request[BODY_KEY] = await _read_body(request, operation)
        response = await handler(request)
    except errors.MarginError as error:
        return error_response(error, paired_origin)
    except web.HTTPNotFound:
        return error_response(errors.NotFound(), paired_origin)
    except web.HTTPMethodNotAllowed:
        return error_response(errors.MethodNotAllowed(), paired_origin)
    except web.HTTPRequestEntityTooLarge:
        return error_response(errors.PayloadTooLarge(), paired_origin)
    except Exception as bug:
        # A bug. Log the kind of failure and where, never the request, its body or the message.
        log.error("internal error on %s %s: %s", request.method, request.path, describe_bug(bug))
        return error_response(errors.MarginError(), paired_origin)
    if paired_origin:
        _allow_origin(response, paired_origin)
    return response


def _preflight(paired_origin: str | None) -> web.Response:
    if paired_origin is None:
        raise errors.ForbiddenOrigin()
    response = web.Response(status=204)
    _allow_origin(response, paired_origin)
    response.headers["Access-Control-Allow-Methods"] = CORS_ALLOWED_METHODS
    response.headers["Access-Control-Allow-Headers"] = CORS_ALLOWED_HEADERS
    response.headers["Access-Control-Max-Age"] = "600"
    return response
