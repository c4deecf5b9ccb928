"""Export checks: `margin scan` through the daemon, and watched folders."""

from __future__ import annotations

import asyncio
from pathlib import Path
from urllib.parse import unquote

from aiohttp import web

from margin import errors
from margin.matcher import EXPORT_MIN_WORDS
from margin.server.routes_core import require_cli
from margin.server.state import STATE_KEY

routes = web.RouteTableDef()
MAX_UPLOAD_BYTES = 512 * 1024 * 1024


@routes.post("/v1/scan")
async def scan(request: web.Request) -> web.Response:
    require_cli(request)  # the daemon reads these paths: only this user's own command may ask
    body = request["body"]
    state = request.app[STATE_KEY]
    report = await asyncio.to_thread(
        state.scans.scan, [Path(p) for p in body["paths"]], actor=request["caller"]["actor"],
        min_words=body.get("min_words", EXPORT_MIN_WORDS), origin="margin scan")
    return web.json_response(report.to_json())


@routes.post("/v1/scan/upload")
async def scan_upload(request: web.Request) -> web.Response:
    """A file dropped on the vault page: its bytes, its name in X-Margin-Filename."""
    name = unquote(request.headers.get("X-Margin-Filename", "")).strip() or "dropped file"
    data = await _read_capped(request, MAX_UPLOAD_BYTES)
    state = request.app[STATE_KEY]
    report = await asyncio.to_thread(state.scans.scan_upload, Path(name).name, data,
                                     actor=request["caller"]["actor"])
    return web.json_response(report.to_json())


async def _read_capped(request: web.Request, limit: int) -> bytes:
    chunks, size = [], 0
    async for chunk in request.content.iter_chunked(1 << 20):
        size += len(chunk)
        if size > limit:
            raise errors.PayloadTooLarge(
                message="That file is larger than Margin checks from the browser (512 MB).",
                hint="Check it with 'margin scan FILE' in a terminal instead; nothing was lost.")
        chunks.append(chunk)
    return b"".join(chunks)


@routes.get("/v1/watch")
async def watch_state(request: web.Request) -> web.Response:
    return web.json_response(request.app[STATE_KEY].exports.summary())


@routes.post("/v1/watch")
async def watch_add(request: web.Request) -> web.Response:
    require_cli(request)
    exports = request.app[STATE_KEY].exports
    await asyncio.to_thread(exports.add, request["body"]["folder"])
    return web.json_response(exports.summary())


@routes.post("/v1/watch/remove")
async def watch_remove(request: web.Request) -> web.Response:
    require_cli(request)
    exports = request.app[STATE_KEY].exports
    await asyncio.to_thread(exports.remove, request["body"]["folder"])
    return web.json_response(exports.summary())
