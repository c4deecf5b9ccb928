"""Note operations on an unlocked session: every change is one new immutable file."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from margin.errors import NoteDeleted, NoteNotFound, StaleVersion
from margin.vault.model import Note, NoteSummary, VersionMeta, now_iso
from margin.vault.objfile import Kind, SealedObject
from margin.vault.session import Session, new_id, version_from_plain
from margin.vault.store import ID_PATTERN


class Unset:
    """Marks a metadata field an update leaves as it was."""


UNSET: Any = Unset()


def create(
    session: Session,
    text: str,
    *,
    client: str | None,
    context: dict[str, Any] | None,
    tags: Sequence[str],
    actor: str,
) -> Note:
    note_id = new_id().hex()
    time = now_iso()
    fields = {"client": client, "context": dict(context or {}), "tags": list(tags), "created": time}
    meta = _save(session, note_id, text, None, [], fields, actor=actor, action="create")
    return _note(session, meta, text)


def update(
    session: Session,
    note_id: str,
    text: str | None,
    *,
    base_version: str | Sequence[str],
    client: Any,
    context: Any,
    tags: Any,
    actor: str,
) -> Note:
    heads = _heads(session, note_id)
    base = {base_version} if isinstance(base_version, str) else set(base_version)
    if base != {head.id for head in heads}:
        raise StaleVersion(
            current=session.index.summary(note_id).to_json(), your_version=sorted(base)
        )
    current = heads[0]
    if current.deleted:
        raise NoteDeleted()
    fields = {
        "client": current.client if client is UNSET else client,
        "context": dict(current.context if context is UNSET else context or {}),
        "tags": list(current.tags if tags is UNSET else tags),
        "created": current.created,
    }
    parents = [head.id for head in heads]  # naming every head resolves a conflict
    body = None if text is None else text
    meta = _save(
        session, note_id, body, current.body, parents, fields, actor=actor, action="update"
    )
    return _note(session, meta, text if text is not None else session.read_text(current.body or ""))


def read(session: Session, note_id: str, version: str | None, *, actor: str) -> Note:
    heads = _heads(session, note_id)
    meta = heads[0] if version is None else session.index.versions.get(version)
    if meta is None or meta.note != note_id:
        raise NoteNotFound(message="This note has no such version.")
    shown = _shown(session, meta)
    text = session.read_text(shown.body or "")
    # Audited before the text leaves the vault: no audit entry, no text.
    session.commit([], actor=actor, action="read", note=note_id, detail={"version": meta.id})
    return _note(session, meta, text, shown)


def delete(session: Session, note_id: str, *, actor: str) -> NoteSummary:
    heads = _heads(session, note_id)
    if heads[0].deleted and len(heads) == 1:
        return session.index.summary(note_id)
    plain = {
        "note": note_id,
        "parents": [h.id for h in heads],
        "time": now_iso(),
        "device": session.device_id,
        "actor": actor,
    }
    tombstone_id = new_id()
    meta = version_from_plain(Kind.TOMBSTONE, tombstone_id, plain)
    tombstone = SealedObject(Kind.TOMBSTONE, tombstone_id, _json(plain), meta)
    session.commit([tombstone], actor=actor, action="delete", note=note_id)
    return session.index.summary(note_id)


def undelete(session: Session, note_id: str, *, actor: str) -> Note:
    heads = _heads(session, note_id)
    tombstone = heads[0]
    if not tombstone.deleted:
        return read(session, note_id, None, actor=actor)
    before = _shown(session, tombstone)
    fields = {
        "client": before.client,
        "context": dict(before.context),
        "tags": list(before.tags),
        "created": before.created,
    }
    parents = [head.id for head in heads]
    meta = _save(
        session, note_id, None, before.body, parents, fields, actor=actor, action="undelete"
    )
    return _note(session, meta, session.read_text(meta.body or ""))


def summary(session: Session, note_id: str) -> NoteSummary:
    _heads(session, note_id)
    return session.index.summary(note_id)


def history(session: Session, note_id: str) -> list[VersionMeta]:
    _heads(session, note_id)
    versions = [session.index.versions[v] for v in session.index.note_versions[note_id]]
    return sorted(versions, key=lambda meta: (meta.time, meta.id))


def listing(
    session: Session, client: str | None, site: str | None, date: str | None, include_deleted: bool
) -> list[NoteSummary]:
    summaries = [session.index.summary(n) for n in session.index.matching(client, site, date)]
    if not include_deleted:
        summaries = [summary for summary in summaries if not summary.deleted]
    return sorted(summaries, key=lambda summary: (summary.updated, summary.id), reverse=True)


# --- helpers -----------------------------------------------------------------------------


def _save(
    session: Session,
    note_id: str,
    text: str | None,
    old_body: str | None,
    parents: list[str],
    fields: dict[str, Any],
    *,
    actor: str,
    action: str,
) -> VersionMeta:
    """Body (when the text changed), then the version naming it, then the audit entry."""
    objects = []
    body_id = old_body
    if text is not None:
        # surrogatepass: a broken character from a paste is kept exactly (margin/surrogates.py)
        body = SealedObject(Kind.BODY, new_id(), text.encode("utf-8", "surrogatepass"),
                            parsed=True)
        objects.append(body)
        body_id = body.object_id.hex()
    version_id = new_id()
    plain = {
        "note": note_id,
        "parents": parents,
        "body": body_id,
        **fields,
        "time": now_iso(),
        "device": session.device_id,
        "actor": actor,
    }
    meta = version_from_plain(Kind.VERSION, version_id, plain)
    objects.append(SealedObject(Kind.VERSION, version_id, _json(plain), meta))
    session.commit(
        objects, actor=actor, action=action, note=note_id, detail={"version": version_id.hex()}
    )
    return session.index.versions[version_id.hex()]


def _heads(session: Session, note_id: str) -> list[VersionMeta]:
    heads = session.index.heads(note_id) if ID_PATTERN.match(note_id or "") else []
    if not heads:
        raise NoteNotFound()
    return heads


def _shown(session: Session, meta: VersionMeta) -> VersionMeta:
    shown = session.index.shown(meta)
    if shown.deleted:
        raise NoteNotFound(message="This note was deleted and its text has not arrived here.")
    return shown


def _note(session: Session, meta: VersionMeta, text: str, shown: VersionMeta | None = None) -> Note:
    shown = shown or meta
    return Note(
        id=meta.note,
        version=meta.id,
        parents=list(meta.parents),
        heads=[head.id for head in session.index.heads(meta.note)],
        text=text,
        client=shown.client,
        context=dict(shown.context),
        tags=list(shown.tags),
        created=shown.created,
        updated=meta.time,
        deleted=meta.deleted,
    )


def _json(plain: dict[str, Any]) -> bytes:
    # json.loads reads bytes with surrogatepass, so a broken character comes back exactly
    return json.dumps(plain, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8", "surrogatepass")
