"""Status and pairing routes."""

from __future__ import annotations

import asyncio
from typing import Any

from aiohttp import web

from margin import errors
from margin.server.pairing import CODE_LIFETIME_SECONDS
from margin.server.state import STATE_KEY, AppState

routes = web.RouteTableDef()


def _state(request: web.Request) -> AppState:
    return request.app[STATE_KEY]


def require_cli(request: web.Request) -> None:
    """Routes that prove someone sits at this computer: only `margin` commands may call them."""
    if request["caller"]["kind"] != "cli":
        raise errors.CliOnly()


def _caller_view(caller: dict[str, Any]) -> dict[str, Any]:
    return {key: caller[key] for key in ("kind", "id", "name") if key in caller}


@routes.get("/v1/status")
async def status(request: web.Request) -> web.Response:
    state = _state(request)
    return web.json_response(
        {
            "version": state.version,
            "vault": {"exists": state.vault_exists(), "unlocked": state.vault_unlocked()},
            "caller": _caller_view(request["caller"]),
        }
    )


@routes.post("/v1/pair")
async def pair(request: web.Request) -> web.Response:
    body = request["body"]
    pairing, token = _state(request).pairings.redeem(
        body["code"], request["caller"]["origin"], body.get("name", "Browser extension")
    )
    return web.json_response({"token": token, "pairing": pairing.public()}, status=201)


@routes.post("/v1/pairings/native")
async def pair_natively(request: web.Request) -> web.Response:
    """For `margin native-host` only: the browser vouched for the extension, no code."""
    require_cli(request)
    state, body = _state(request), request["body"]
    pairing, token = state.pairings.issue(body["origin"], body["name"])
    if state.vault_unlocked():  # a locked vault cannot be written; the pairing list remains
        detail = {"origin": pairing.origin, "via": "native"}
        await asyncio.to_thread(state.holder.require().record, "pair", None,
                                actor="cli", detail=detail)
    return web.json_response({"token": token, "pairing": pairing.public()}, status=201)


@routes.post("/v1/pairing-code")
async def pairing_code(request: web.Request) -> web.Response:
    require_cli(request)
    store = _state(request).pairings
    return web.json_response(
        {"code": store.new_code(), "expires_in_seconds": CODE_LIFETIME_SECONDS}, status=201
    )


@routes.get("/v1/pairings")
async def list_pairings(request: web.Request) -> web.Response:
    pairings = _state(request).pairings.list()
    return web.json_response({"pairings": [p.public() for p in pairings]})


@routes.delete("/v1/pairings/{pairing_id}")
async def revoke_pairing(request: web.Request) -> web.Response:
    revoked = _state(request).pairings.revoke(request.match_info["pairing_id"])
    return web.json_response({"revoked": revoked.public()})
