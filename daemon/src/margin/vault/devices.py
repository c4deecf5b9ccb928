"""The devices of a vault: who they are, whether they are still active, and removing one.

Removing a device writes a removal record (kind 6) into this device's own folder; the
removed device's past writes stay in the vault and in the audit trail. If it writes again
after the removal (a lost laptop someone unlocked), every device says so.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from margin.errors import DeviceIsThisOne, DeviceNotFound
from margin.vault.model import now_iso
from margin.vault.objfile import Kind, SealedObject
from margin.vault.session import Session, new_id


@dataclass(frozen=True)
class DeviceInfo:
    id: str
    name: str | None
    created: str | None
    this_device: bool
    active: bool
    removed: str | None  # when it was removed
    removed_by: str | None
    last_activity: str | None  # time of its newest audit entry seen here
    changes: int  # audit entries of it present here
    wrote_after_removal: bool

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def known_devices(session: Session) -> list[str]:
    index = session.index
    return sorted(set(index.devices) | set(index.audit_seqs) | {session.device_id})


def describe(session: Session, device_id: str) -> DeviceInfo:
    index = session.index
    record = index.devices.get(device_id, {})
    removal = index.removed.get(device_id)
    seqs = index.audit_seqs.get(device_id, {})
    top = max(seqs, default=0)
    return DeviceInfo(
        id=device_id,
        name=record.get("name"),
        created=record.get("created"),
        this_device=device_id == session.device_id,
        active=removal is None,
        removed=None if removal is None else str(removal.get("time")),
        removed_by=None if removal is None else str(removal.get("by")),
        last_activity=index.audit_times.get(device_id),
        changes=len(seqs),
        wrote_after_removal=removal is not None and top > int(removal.get("last_seq", 0)),
    )


def listing(session: Session) -> list[DeviceInfo]:
    found = [describe(session, device) for device in known_devices(session)]
    return sorted(found, key=lambda d: (not d.this_device, not d.active, d.created or "", d.id))


def display_name(session: Session, device_id: str) -> str:
    """How messages name a device: its name and the start of its id (never note content)."""
    name = session.index.devices.get(device_id, {}).get("name")
    short = device_id[:8]
    if device_id == session.device_id:
        return "this computer"
    return f'"{name}" ({short})' if name else f"device {short}"


def remove(session: Session, device_id: str, *, actor: str) -> DeviceInfo:
    if device_id == session.device_id:
        raise DeviceIsThisOne()
    if device_id not in known_devices(session):
        raise DeviceNotFound()
    if device_id in session.index.removed:
        return describe(session, device_id)
    plain = {
        "device": session.device_id,
        "removed": device_id,
        "time": now_iso(),
        "actor": actor,
        "last_seq": session.index.audit_heads.get(device_id, (0, ""))[0],
    }
    record = SealedObject(Kind.DEVICE_REMOVED, new_id(), json.dumps(plain).encode(), plain)
    session.commit(
        [record], actor=actor, action="device-remove", note=None, detail={"device": device_id}
    )
    return describe(session, device_id)
