"""A note's heads side by side, for the clinician to merge or pick (nothing merged silently).

Two devices that edited the same version leave two heads; an edit on one device and a
delete on another leave a live head and a tombstone. Resolving writes a new version naming
every head (``update_note(..., base_version=[all heads])``), or a delete naming them all.
"""

from __future__ import annotations

from typing import Any

from margin.errors import WaitingForSync
from margin.vault.devices import display_name
from margin.vault.model import VersionMeta
from margin.vault.notes import _heads
from margin.vault.session import Session


def view(session: Session, note_id: str, *, actor: str) -> dict[str, Any]:
    """Every head with its device, time and text (audited as one read of the note)."""
    heads = _heads(session, note_id)
    shown = [_head(session, meta) for meta in heads]
    session.commit([], actor=actor, action="read", note=note_id,
                   detail={"versions": [meta.id for meta in heads], "conflict": True})
    return {
        "id": note_id,
        "conflict": len(heads) > 1,
        "heads": shown,
        "base": _common_ancestor(session, heads),
        "resolve": "PUT /v1/notes/{id} with base_version set to the list of every head",
    }


def _head(session: Session, meta: VersionMeta) -> dict[str, Any]:
    text: str | None = None
    waiting = False
    if not meta.deleted:
        try:
            text = session.read_text(meta.body or "")
        except WaitingForSync:
            waiting = True
    info = session.index.devices.get(meta.device, {})
    return {
        "version": meta.id,
        "parents": list(meta.parents),
        "device": meta.device,
        "device_name": info.get("name"),
        "device_label": display_name(session, meta.device),
        "time": meta.time,
        "actor": meta.actor,
        "deleted": meta.deleted,
        "text": text,
        "waiting_for_sync": waiting,
    }


def _common_ancestor(session: Session, heads: list[VersionMeta]) -> str | None:
    """The newest version every head descends from (what both edits started from)."""
    if len(heads) < 2:
        return None
    common: set[str] | None = None
    for head in heads:
        found = _ancestors(session, head.id)
        common = found if common is None else common & found
    if not common:
        return None
    versions = session.index.versions
    return max(common, key=lambda v: (versions[v].time, v))


def _ancestors(session: Session, version_id: str) -> set[str]:
    found: set[str] = set()
    stack = [version_id]
    while stack:
        current = stack.pop()
        meta = session.index.versions.get(current)
        if meta is None or current in found:
            continue
        found.add(current)
        stack.extend(meta.parents)
    return found
