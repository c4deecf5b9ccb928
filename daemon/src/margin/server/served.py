"""What the HTTP server adds to the application object: where it listens, its command token."""

from __future__ import annotations

from dataclasses import dataclass

from aiohttp import web

from margin.service import Caller, Margin


@dataclass(frozen=True)
class Served:
    margin: Margin
    port: int
    cli_token: str


SERVED_KEY = web.AppKey("served", Served)
CALLER_KEY = web.RequestKey("caller", Caller)  # who is calling, once the checks passed
BODY_KEY = web.RequestKey("body", object)  # the parsed JSON body, or None
