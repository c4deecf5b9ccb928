"""Multi-device routes: sync state, devices, a note's conflicting heads, checks.

``install(app)`` adds the routes and runs the vault-folder watcher (``margin.sync``) for
the daemon's lifetime: started with the server, stopped before the vault is locked.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiohttp import web

from margin.server.routes_core import require_cli
from margin.server.state import STATE_KEY
from margin.sync.service import SyncService
from margin.vault import Vault

routes = web.RouteTableDef()


@dataclass
class SyncSlot:
    service: SyncService | None = None


SYNC_KEY = web.AppKey("sync", SyncSlot)


def install(app: web.Application) -> None:
    app[SYNC_KEY] = SyncSlot()
    app.add_routes(routes)
    app.cleanup_ctx.append(_run_watcher)


async def _run_watcher(app: web.Application) -> AsyncIterator[None]:
    service = SyncService(app[STATE_KEY].holder)
    app[SYNC_KEY].service = service
    service.start()
    yield
    await asyncio.to_thread(service.stop)


def _service(request: web.Request) -> SyncService:
    service = request.app[SYNC_KEY].service
    assert service is not None, "the watcher starts with the server"
    return service


def _actor(request: web.Request) -> str:
    actor: str = request["caller"]["actor"]
    return actor


async def _with_vault(request: web.Request, action: Any) -> Any:
    vault: Vault = request.app[STATE_KEY].holder.require()
    return await asyncio.to_thread(action, vault)


@routes.get("/v1/sync")
async def sync_state(request: web.Request) -> web.Response:
    service = _service(request)
    await asyncio.to_thread(service.take_in)  # show what has landed, not the last poll
    return web.json_response(await asyncio.to_thread(service.state))


@routes.get("/v1/devices")
async def devices(request: web.Request) -> web.Response:
    found = await _with_vault(request, lambda v: [d.to_json() for d in v.devices()])
    return web.json_response({"devices": found})


@routes.post("/v1/devices/{device_id}/remove")
async def remove_device(request: web.Request) -> web.Response:
    require_cli(request)  # only someone at this computer removes a device
    device_id = request.match_info["device_id"]
    removed = await _with_vault(
        request, lambda v: v.remove_device(device_id, actor=_actor(request)).to_json())
    return web.json_response(removed)


@routes.get("/v1/notes/{note_id}/conflict")
async def note_conflict(request: web.Request) -> web.Response:
    note_id = request.match_info["note_id"]
    view = await _with_vault(request, lambda v: v.conflict(note_id, actor=_actor(request)))
    return web.json_response(view)


@routes.post("/v1/check")
async def check(request: web.Request) -> web.Response:
    require_cli(request)  # the daemon reads the path given: only this user's own command
    body = request["body"]

    def run(vault: Vault) -> dict[str, Any]:
        target = Path(body["path"]) if body.get("path") else vault.layout.vault_dir
        report = vault.check_copy(target, read_data=bool(body.get("read_data")))
        vault.record("check", None, actor=_actor(request),
                     detail={"read_data": report.read_data, "exit_code": report.exit_code})
        result: dict[str, Any] = report.to_json()
        return result

    return web.json_response(await _with_vault(request, run))
