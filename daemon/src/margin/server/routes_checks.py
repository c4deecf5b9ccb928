"""Checks the panel and the content script ask for: the misplacement linter (and, later, the
leak guard). The text is checked in memory and never stored or logged."""

from __future__ import annotations

import asyncio

from aiohttp import web

from margin.lint import default_linter, to_utf16

routes = web.RouteTableDef()


@routes.post("/v1/lint")
async def lint(request: web.Request) -> web.Response:
    text = request["body"]["text"]

    def check() -> list[dict[str, object]]:
        # JavaScript indexes strings in UTF-16 code units; the panel underlines by those.
        return [f.as_dict() for f in to_utf16(text, default_linter().lint(text))]

    return web.json_response({"findings": await asyncio.to_thread(check)})
