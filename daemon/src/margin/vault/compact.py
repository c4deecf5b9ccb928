"""Compaction: each device merges its own small files into packs, as restic packs blobs.

Every save is one small file and every audit segment another; over ten years that is tens
of thousands of files, and sync engines and backups slow down on many small files. So a
device reads its own small files (saves, segments, small packs), seals their objects
again into one pack (a file of format 2 with up to ``MAX_OBJECTS`` objects), and retires
the files the pack replaced (docs/FORMAT.md, "Packs").

* **Crash-safe.** The pack is written and made durable first (temp file, fsync, rename,
  folder fsync); only then may a replaced file be removed. A crash in between leaves both,
  and an object found in two files is read from the one holding more objects, so nothing
  is ever missing or counted twice; the next compaction removes what the pack replaced.
* **Safe under sync.** Objects keep their ids, and audit entries their content, so a
  device that sees the pack before, after or without the old files finds the same
  entries and reports no rollback. A replaced file is removed only once every other
  active device wrote (in a ``sync-seen`` entry) that it holds this device's audit chain
  without a gap up to the newest pack's own entry, i.e. it has the pack; or, for a device
  silent for ``retire_anyway_seconds``, after that long. So a device normally never sees
  old files vanish before their pack arrives; if it does (a device away for weeks), it
  reports the files as taken away until the pack arrives, never silently.
* **Own files only.** A device writes and removes files in its own folder only.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from margin.vault import objfile
from margin.vault.devices import known_devices
from margin.vault.objfile import Damaged, SealedObject, TooNew, UnknownKey
from margin.vault.session import PACK_ACTION, Session

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Policy:
    """Tiers, as a log-structured store keeps them: saves and segments (under
    ``tiny_bytes``) are packed once ``min_files`` have gathered; the small packs that makes
    are merged once ``min_packs`` of them have; a pack of ``small_bytes`` or more is left
    alone. So each object is sealed again a few times in its life, not at every lock."""

    min_files: int = 32  # pack once this many saves and segments of this device gathered
    min_packs: int = 8  # merge small packs once this many gathered
    min_age_seconds: float = 3600.0  # let fresh files reach the other devices first
    tiny_bytes: int = 64 << 10  # saves and segments are smaller than this
    small_bytes: int = 2 << 20  # a pack smaller than this is merged again
    pack_bytes: int = 8 << 20  # a pack holds about this much at most
    retire_anyway_seconds: float = 14 * 24 * 3600.0  # a device silent this long waits no more


@dataclass(frozen=True)
class Result:
    packed: int  # files whose objects went into a pack
    packs: int  # packs written
    retired: int  # replaced files removed

    def to_json(self) -> dict[str, int]:
        return {"packed": self.packed, "packs": self.packs, "retired": self.retired}


def compact(session: Session, policy: Policy, *, progress: Progress | None = None,
            actor: str = "margin") -> Result:
    retired = retire(session, policy)
    now = time.time()
    aged = {r: size for r, (size, mtime, _) in _own(session).items()
            if now - mtime / 1e9 >= policy.min_age_seconds}
    tiny = [r for r, size in aged.items() if size < policy.tiny_bytes]
    small = [r for r, size in aged.items() if policy.tiny_bytes <= size < policy.small_bytes]
    packed = packs = 0
    for chosen, enough in ((tiny, policy.min_files), (small, policy.min_packs)):
        if len(chosen) >= enough:
            done, made = _pack(session, chosen, policy, progress, actor)
            packed, packs = packed + done, packs + made
    if packs:
        retired += retire(session, policy)
    return Result(packed, packs, retired)


def reencrypt(session: Session, policy: Policy, *, progress: Progress | None = None,
              actor: str = "margin") -> int:
    """Seal again with the current key every file of this device sealed with an older one."""
    old = [r for r in _own(session) if _key_id(session, r) != session.ring.current_id]
    packed, _ = _pack(session, old, policy, progress, actor)
    retire(session, policy)
    return packed


def retire(session: Session, policy: Policy) -> int:
    """Remove this device's files whose every object a pack holds, when that is safe."""
    own = _own(session)
    redundant = sorted(r for r, ids in session.index.held_by(set(own)).items() if not ids)
    if not redundant or not _others_have_packs(session, policy):
        return 0
    ops = session.store.ops
    for relative in redundant:
        with contextlib.suppress(FileNotFoundError):  # a sync engine removed it already
            ops.unlink(session.layout.vault_dir / relative)
    ops.fsync_dir(session.layout.device_dir(session.device_id))
    session.index.forget_files(set(redundant))
    return len(redundant)


def _own(session: Session) -> dict[str, tuple[int, int, int]]:
    prefix = f"data/{session.device_id}/"
    return {r: v for r, v in session.index.files.items() if r.startswith(prefix)}


def _others_have_packs(session: Session, policy: Policy) -> bool:
    index = session.index
    others = [d for d in known_devices(session)
              if d != session.device_id and d not in index.removed]
    held = index.complete.get(session.device_id, {})
    if all(held.get(device, 0) >= index.pack_seq for device in others):
        return True
    return _age(index.pack_time) >= policy.retire_anyway_seconds


def _age(when: str) -> float:
    try:
        return time.time() - datetime.fromisoformat(when.replace("Z", "+00:00")).timestamp()
    except ValueError:
        return 0.0


def _key_id(session: Session, relative: str) -> bytes | None:
    try:
        with (session.layout.vault_dir / relative).open("rb") as handle:
            return objfile.file_key_id(handle.read(objfile.FILE_HEADER.size))
    except (OSError, Damaged, TooNew):
        return session.ring.current_id  # unreadable now: not ours to judge here


def _pack(session: Session, files: list[str], policy: Policy, progress: Progress | None,
          actor: str) -> tuple[int, int]:
    """Seal the objects these files hold into packs of about ``pack_bytes``; returns
    (files packed, packs written)."""
    order = sorted(files, key=lambda r: (session.index.files[r][1], r))
    held = session.index.held_by(set(order))
    batch: list[SealedObject] = []
    size = packed = packs = 0
    batch_files = 0
    for done, relative in enumerate(order, 1):
        objects = _objects(session, relative, set(held[relative]))
        if objects:
            batch += objects
            size += sum(len(item.plaintext) for item in objects)
            batch_files += 1
        if batch and (size >= policy.pack_bytes or len(batch) >= objfile.MAX_OBJECTS // 2
                      or done == len(order)):
            session.commit(batch, actor=actor, action=PACK_ACTION, note=None,
                           detail={"files": batch_files, "objects": len(batch)})
            packed, packs = packed + batch_files, packs + 1
            batch, size, batch_files = [], 0, 0
        if progress is not None:
            progress(done, len(order))
    return packed, packs


def _objects(session: Session, relative: str, wanted: set[str]) -> list[SealedObject]:
    """The objects still read from this file, ready to be sealed again."""
    if not wanted:
        return []
    path: Path = session.layout.vault_dir / relative
    try:
        found = objfile.decode(session.ring, session.identity(relative), path.read_bytes())
    except (OSError, Damaged, TooNew, UnknownKey):
        return []  # a damaged file is for the reader to quarantine, not for a pack
    return [SealedObject(item.kind, item.object_id, item.plaintext)
            for item in found if item.object_id.hex() in wanted]
