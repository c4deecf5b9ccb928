"""Checks the extension asks for: the misplacement linter (private note text, from the panel)
and the leak guard (progress-note text, from the content script via the worker). The text
is checked in memory and never stored or logged; answers carry offsets, never note text."""

from __future__ import annotations

import asyncio

from aiohttp import web

from margin.guard import MAX_CHECK_CHARS
from margin.lint import default_linter, to_utf16
from margin.server.state import STATE_KEY

routes = web.RouteTableDef()


@routes.post("/v1/lint")
async def lint(request: web.Request) -> web.Response:
    text = request["body"]["text"]

    def check() -> list[dict[str, object]]:
        # JavaScript indexes strings in UTF-16 code units; the panel underlines by those.
        return [f.as_dict() for f in to_utf16(text, default_linter().lint(text))]

    return web.json_response({"findings": await asyncio.to_thread(check)})


@routes.post("/v1/guard/check")
async def guard_check(request: web.Request) -> web.Response:
    """Spans of the progress-note text that stand in a private note; never private text."""
    body = request["body"]
    text: str = body["text"]
    truncated = len(text) > MAX_CHECK_CHARS
    checked = text[:MAX_CHECK_CHARS]
    holder = request.app[STATE_KEY].holder
    min_words = body.get("min_words", holder.settings.guard_min_words)
    fingerprints = await asyncio.to_thread(holder.guard)
    matches = await asyncio.to_thread(fingerprints.check, checked, min_words)
    return web.json_response({
        "matches": [m.to_json() for m in matches],
        "checked_chars": len(checked.encode("utf-16-le")) // 2,
        "truncated": truncated,
        "min_words": min_words,
    })
