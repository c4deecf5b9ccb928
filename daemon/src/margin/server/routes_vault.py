"""Vault and note routes. Vault calls fsync, so they run in worker threads."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, TypeVar

from aiohttp import web

from margin import errors
from margin.server.routes_core import require_cli
from margin.server.state import STATE_KEY
from margin.vault import UNSET, Vault

routes = web.RouteTableDef()
T = TypeVar("T")


def _holder(request: web.Request):  # type: ignore[no-untyped-def]
    return request.app[STATE_KEY].holder


def _actor(request: web.Request) -> str:
    actor: str = request["caller"]["actor"]
    return actor


async def _with_vault(request: web.Request, action: Callable[[Vault], T]) -> T:
    vault = _holder(request).require()
    return await asyncio.to_thread(action, vault)


# --- the vault ------------------------------------------------------------------------------


@routes.get("/v1/vault")
async def vault_state(request: web.Request) -> web.Response:
    return web.json_response(await asyncio.to_thread(_holder(request).state))


@routes.post("/v1/vault")
async def create_vault(request: web.Request) -> web.Response:
    holder = _holder(request)
    made = await asyncio.to_thread(
        holder.create, request["body"].get("passphrase"), actor=_actor(request)
    )
    state = await asyncio.to_thread(holder.state)
    return web.json_response({"recovery_passphrase": made, "vault": state}, status=201)


@routes.post("/v1/unlock")
async def unlock(request: web.Request) -> web.Response:
    holder = _holder(request)
    await asyncio.to_thread(holder.unlock, request["body"].get("passphrase"),
                            actor=_actor(request))
    return web.json_response(await asyncio.to_thread(holder.state))


@routes.post("/v1/lock")
async def lock(request: web.Request) -> web.Response:
    holder = _holder(request)
    await asyncio.to_thread(holder.lock, actor=_actor(request))
    return web.json_response(await asyncio.to_thread(holder.state))


@routes.post("/v1/passphrase")
async def change_passphrase(request: web.Request) -> web.Response:
    require_cli(request)
    body = request["body"]
    await _with_vault(request, lambda v: v.change_passphrase(
        body["old_passphrase"], body["new_passphrase"], kdf=_holder(request).kdf,
        actor=_actor(request)))
    return web.json_response(await asyncio.to_thread(_holder(request).state))


@routes.get("/v1/settings")
async def get_settings(request: web.Request) -> web.Response:
    return web.json_response(_holder(request).settings.to_json())


@routes.put("/v1/settings")
async def put_settings(request: web.Request) -> web.Response:
    holder = _holder(request)
    await asyncio.to_thread(holder.settings.update, holder.home, request["body"])
    return web.json_response(holder.settings.to_json())


@routes.get("/v1/audit")
async def audit(request: web.Request) -> web.Response:
    def read(vault: Vault) -> dict[str, Any]:
        entries = sorted(vault.audit_entries(), key=lambda e: e.time, reverse=True)
        return {"entries": [e.to_json() for e in entries],
                "verification": vault.verify_audit().to_json()}

    return web.json_response(await _with_vault(request, read))


# --- notes -----------------------------------------------------------------------------------


@routes.post("/v1/notes")
async def create_note(request: web.Request) -> web.Response:
    body = request["body"]
    note = await _with_vault(request, lambda v: v.create_note(
        body["text"], actor=_actor(request), client=body.get("client"),
        context=body.get("context"), tags=body.get("tags", ())))
    await asyncio.to_thread(_holder(request).guard().note_saved, note)
    return web.json_response(note.to_json(), status=201)


@routes.post("/v1/notes/search")
async def search_notes(request: web.Request) -> web.Response:
    body = request["body"]

    def search(vault: Vault) -> list[dict[str, Any]]:
        found = vault.list_notes(client=body.get("client"), site=body.get("site"),
                                 date=body.get("date"),
                                 include_deleted=body.get("include_deleted", False))
        summaries = [s.to_json() for s in found]
        if body.get("client_ref"):
            summaries = [s for s in summaries
                         if s["context"].get("client_ref") == body["client_ref"]]
        query = body.get("query", "").strip()
        if query:
            summaries = _matching_text(vault, summaries, query, _actor(request))
        return sorted(summaries, key=lambda s: s["updated"], reverse=True)

    return web.json_response({"notes": await _with_vault(request, search)})


def _matching_text(vault: Vault, summaries: list[dict[str, Any]], query: str,
                   actor: str) -> list[dict[str, Any]]:
    """Keep the notes whose text has every word of ``query``; add a short snippet."""
    wanted = {s["id"]: s for s in summaries}
    words = query.casefold().split()
    kept = []
    for note_id, text in vault.iter_texts(actor=actor, purpose="search"):
        folded = text.casefold()
        if note_id in wanted and all(word in folded for word in words):
            at = folded.find(words[0])
            snippet = text[max(0, at - 60): at + 100].replace("\n", " ")
            kept.append({**wanted[note_id], "snippet": snippet})
    return kept


@routes.get("/v1/notes/{note_id}")
async def read_note(request: web.Request) -> web.Response:
    note_id = request.match_info["note_id"]
    note = await _with_vault(request, lambda v: v.get_note(note_id, actor=_actor(request)))
    return web.json_response(note.to_json())


@routes.get("/v1/notes/{note_id}/versions/{version_id}")
async def read_version(request: web.Request) -> web.Response:
    note_id, version = request.match_info["note_id"], request.match_info["version_id"]
    note = await _with_vault(request, lambda v: v.get_note(
        note_id, actor=_actor(request), version=version))
    return web.json_response(note.to_json())


@routes.put("/v1/notes/{note_id}")
async def update_note(request: web.Request) -> web.Response:
    note_id, body = request.match_info["note_id"], request["body"]

    def save(vault: Vault) -> dict[str, Any]:
        try:
            note = vault.update_note(
                note_id, body["text"], base_version=body["base_version"],
                actor=_actor(request), client=body.get("client", UNSET),
                context=body.get("context", UNSET), tags=body.get("tags", UNSET))
            _holder(request).guard().note_saved(note)
            return note.to_json()
        except errors.StaleVersion as stale:
            # The panel shows both side by side: give it the note as it is now, in full.
            current = vault.get_note(note_id, actor=_actor(request))
            stale.extra["current"] = current.to_json()
            raise

    return web.json_response(await _with_vault(request, save))


@routes.get("/v1/notes/{note_id}/history")
async def note_history(request: web.Request) -> web.Response:
    note_id = request.match_info["note_id"]
    versions = await _with_vault(request, lambda v: v.history(note_id))
    return web.json_response({"versions": [v.to_json() for v in versions]})


def _check_base(vault: Vault, note_id: str, base_version: str) -> None:
    """Refuse a delete or restore of a version the clinician no longer sees as current."""
    summary = vault.note_summary(note_id)
    if summary.heads != [base_version]:
        raise errors.StaleVersion(current=summary.to_json(), your_version=[base_version])


async def _change_tombstone(request: web.Request,
                            change: Callable[[Vault, str], Any]) -> web.Response:
    note_id = request.match_info["note_id"]

    def apply(vault: Vault) -> dict[str, Any]:
        _check_base(vault, note_id, request["body"]["base_version"])
        result: dict[str, Any] = change(vault, note_id).to_json()
        return result

    return web.json_response(await _with_vault(request, apply))


@routes.post("/v1/notes/{note_id}/delete")
async def delete_note(request: web.Request) -> web.Response:
    def delete(vault: Vault, note_id: str) -> Any:
        summary = vault.delete_note(note_id, actor=_actor(request))
        _holder(request).guard().note_deleted(note_id)
        return summary

    return await _change_tombstone(request, delete)


@routes.post("/v1/notes/{note_id}/restore")
async def restore_note(request: web.Request) -> web.Response:
    def restore(vault: Vault, note_id: str) -> Any:
        note = vault.undelete_note(note_id, actor=_actor(request))
        _holder(request).guard().note_saved(note)
        return note

    return await _change_tombstone(request, restore)


@routes.post("/v1/audit/events")
async def record_event(request: web.Request) -> web.Response:
    body = request["body"]
    entry = await _with_vault(request, lambda v: v.record(
        body["action"], body.get("note_id"), actor=_actor(request), detail=body.get("detail")))
    return web.json_response(
        {"recorded": {"device": entry.device, "seq": entry.seq, "action": entry.action}},
        status=201)
