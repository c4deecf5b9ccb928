"""The audit log: one hash chain per device, each entry its own sealed, immutable object."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from typing import Any

from margin.vault.model import AuditEntry, AuditReport

GENESIS = "0" * 64
ACTION_PATTERN = re.compile(r"^[a-z][a-z0-9_.-]{0,39}$")


def canonical(entry: dict[str, Any]) -> bytes:
    return json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def entry_hash(entry: dict[str, Any]) -> str:
    return hashlib.sha256(canonical(entry)).hexdigest()


def make_entry(
    *,
    device: str,
    seq: int,
    prev: str,
    time: str,
    actor: str,
    action: str,
    note: str | None,
    detail: Any,
) -> dict[str, Any]:
    if not ACTION_PATTERN.match(action):
        raise ValueError(f"audit action must be a short lowercase word, not {action!r}")
    if not actor or len(actor) > 200:
        raise ValueError("audit actor must be a short string such as 'cli'")
    return {
        "device": device,
        "seq": seq,
        "prev": prev,
        "time": time,
        "actor": actor,
        "action": action,
        "note": note,
        "detail": detail,
    }


def to_entry(plain: dict[str, Any], known_hash: str | None = None) -> AuditEntry:
    return AuditEntry(
        device=str(plain["device"]),
        seq=int(plain["seq"]),
        prev=str(plain["prev"]),
        time=str(plain["time"]),
        actor=str(plain["actor"]),
        action=str(plain["action"]),
        note=plain.get("note"),
        detail=plain.get("detail"),
        hash=known_hash or entry_hash(plain),
    )


def verify(entries: Iterable[dict[str, Any]], anchors: dict[str, tuple[int, str]]) -> AuditReport:
    """Gaps (removed), broken links (edited or reordered), duplicates, cut tails."""
    chains: dict[str, list[dict[str, Any]]] = {}
    for entry in entries:
        chains.setdefault(str(entry["device"]), []).append(entry)
    problems: list[str] = []
    total = 0
    for device, chain in sorted(chains.items()):
        chain.sort(key=lambda entry: int(entry["seq"]))
        total += len(chain)
        problems += _verify_chain(device, chain)
    for device, (seq, anchored_hash) in sorted(anchors.items()):
        by_seq = {int(entry["seq"]): entry for entry in chains.get(device, [])}
        if seq not in by_seq:
            problems.append(
                f"device {device}: entry {seq}, which this computer saw, is missing"
                " (entries were removed from the end)"
            )
        elif entry_hash(by_seq[seq]) != anchored_hash:
            problems.append(
                f"device {device}: entry {seq} is not the one this computer saw"
                " (entries were removed and the log written again)"
            )
    return AuditReport(ok=not problems, entries=total, problems=problems)


def _verify_chain(device: str, chain: list[dict[str, Any]]) -> list[str]:
    problems = []
    previous_hash = GENESIS
    expected_seq = 1
    for entry in chain:
        seq = int(entry["seq"])
        if seq < expected_seq:
            problems.append(f"device {device}: entry {seq} appears twice")
            continue
        if seq > expected_seq:
            problems.append(f"device {device}: entries {expected_seq} to {seq - 1} are missing")
        elif entry["prev"] != previous_hash:
            problems.append(
                f"device {device}: entry {seq} does not follow entry {seq - 1}"
                " (an entry was edited or the order changed)"
            )
        previous_hash = entry_hash(entry)
        expected_seq = seq + 1
    return problems
