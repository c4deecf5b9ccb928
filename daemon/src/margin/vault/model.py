"""What the vault hands out: plain dataclasses with ``to_json()`` for the HTTP layer."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


@dataclass(frozen=True)
class VersionMeta:
    """One version of a note (or a tombstone), without its text."""

    id: str
    note: str
    parents: tuple[str, ...]
    deleted: bool
    body: str | None
    client: str | None
    context: dict[str, Any]
    tags: tuple[str, ...]
    created: str
    time: str
    device: str
    actor: str

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["parents"] = list(self.parents)
        data["tags"] = list(self.tags)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> VersionMeta:
        return cls(
            id=str(data["id"]),
            note=str(data["note"]),
            parents=tuple(str(p) for p in data["parents"]),
            deleted=bool(data.get("deleted", False)),
            body=None if data.get("body") is None else str(data["body"]),
            client=None if data.get("client") is None else str(data["client"]),
            context=dict(data.get("context") or {}),
            tags=tuple(str(t) for t in data.get("tags") or ()),
            created=str(data["created"]),
            time=str(data["time"]),
            device=str(data["device"]),
            actor=str(data["actor"]),
        )


@dataclass(frozen=True)
class NoteSummary:
    """A note as listed: its current metadata, never its text."""

    id: str
    version: str
    heads: list[str]
    client: str | None
    context: dict[str, Any]
    tags: list[str]
    created: str
    updated: str
    deleted: bool
    waiting_for_sync: bool

    @property
    def conflict(self) -> bool:
        return len(self.heads) > 1

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "conflict": self.conflict}


@dataclass(frozen=True)
class Note:
    """A note as read: one version's text and metadata, plus the note's current heads."""

    id: str
    version: str
    parents: list[str]
    heads: list[str]
    text: str
    client: str | None
    context: dict[str, Any]
    tags: list[str]
    created: str
    updated: str
    deleted: bool

    @property
    def conflict(self) -> bool:
        return len(self.heads) > 1

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "conflict": self.conflict}


@dataclass(frozen=True)
class AuditEntry:
    device: str
    seq: int
    prev: str
    time: str
    actor: str
    action: str
    note: str | None
    detail: Any
    hash: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class AuditReport:
    ok: bool
    entries: int
    problems: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Problem:
    """Something in the vault folder the clinician should know about (no note content)."""

    kind: str  # quarantined | newer_format | sync_copy | unknown_file
    path: str
    detail: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class QuarantinedFile:
    path: str
    original: str
    reason: str
    time: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)
