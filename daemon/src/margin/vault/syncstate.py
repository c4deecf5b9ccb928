"""What the sync provider did, as this computer can tell: pieces still on their way, and
files removed or histories rolled back (the provider is treated as an active attacker).

Evidence, all from authenticated objects or this machine's own index:
* each device's audit entries present here (seq -> hash): a gap is a change not arrived;
* the anchors in the local index: the newest entry of each device this computer saw;
* files this computer read that are gone (``lost``), unless they were quarantined;
* SEEN entries other devices wrote (``claims``): the heads *they* saw. A device that saw
  more of X than is here means X's newest files are late or were removed; a hash that
  differs means X's history was cut and written again.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from margin.vault.devices import display_name, known_devices
from margin.vault.session import Session

# A change another device saw and that is still not here after this long is reported as
# probably removed by the sync service, not merely late.
LATE_AFTER_SECONDS = 15 * 60


@dataclass(frozen=True)
class SyncIssue:
    kind: str  # waiting | late | arriving | lost_file | missing | rollback | removed_device_wrote
    alert: bool  # False: normal while a sync is under way; True: something was taken away
    device: str | None
    message: str  # plain words; device names and counts only, never note content

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def issues(session: Session) -> list[SyncIssue]:
    found: list[SyncIssue] = []
    for device in known_devices(session) + sorted(set(session.index.claims) - set(
            known_devices(session))):
        found += _device_issues(session, device)
    found += _lost_files(session)
    arriving = [p for p in session.problems if p.kind == "arriving"]
    if arriving:
        found.append(SyncIssue("arriving", False, None,
                               f"{len(arriving)} file(s) are still being written by the sync "
                               "service; Margin reads them once complete."))
    return found


def _device_issues(session: Session, device: str) -> list[SyncIssue]:
    index = session.index
    name = display_name(session, device)
    seqs = index.audit_seqs.get(device, {})
    top = max(seqs, default=0)
    found = []
    gaps = top - len(seqs)
    if gaps:
        own = device == session.device_id
        found.append(SyncIssue(
            "missing" if own else "waiting", own, device,
            f"{gaps} change(s) written by {name} are not in the vault folder"
            + (" (removed by the sync service or a restore)." if own
               else " yet (waiting for sync).")))
    anchor = index.anchors.get(device)
    if anchor is not None:
        found += _against(session, device, anchor[0], anchor[1], "this computer", seqs, top)
    for claimer, (seq, entry_hash, when) in sorted(index.claims.get(device, {}).items()):
        if claimer != device:
            who = display_name(session, claimer)
            found += _against(session, device, seq, entry_hash, who, seqs, top, when)
    removal = index.removed.get(device)
    if removal is not None and top > int(removal.get("last_seq", 0)):
        found.append(SyncIssue(
            "removed_device_wrote", True, device,
            f"{name} was removed from this vault but has written "
            f"{top - int(removal.get('last_seq', 0))} change(s) since. If that device was "
            "lost or stolen, change your recovery passphrase."))
    return _dedupe(found)


def _against(session: Session, device: str, seq: int, entry_hash: str, who: str,
             seqs: dict[int, str], top: int, when: str | None = None) -> list[SyncIssue]:
    """Compare what ``who`` saw of ``device`` (its entry ``seq``) with what is here."""
    name = display_name(session, device)
    if seq in seqs:
        if seqs[seq] == entry_hash:
            return []
        return [SyncIssue(
            "rollback", True, device,
            f"The history of {name} is not the one {who} saw: part of it was removed and "
            "written again (a rollback by the sync service or a restored old copy). "
            "Nothing was accepted silently; keep both devices and check your backups.")]
    if seq <= top:  # a gap already reported above
        return []
    own = device == session.device_id
    late = own or who == "this computer" or _older_than(when, LATE_AFTER_SECONDS)
    kind = "missing" if late else "late"
    text = (f"{seq - top} change(s) of {name} that {who} already saw are not in the vault "
            "folder")
    text += (" any more: removed by the sync service or rolled back to an old copy."
             if late else " yet (waiting for sync).")
    return [SyncIssue(kind, late, device, text)]


def _lost_files(session: Session) -> list[SyncIssue]:
    by_device: dict[str, int] = {}
    for relative in session.index.lost:
        device = relative.split("/")[1]
        by_device[device] = by_device.get(device, 0) + 1
    return [
        SyncIssue("lost_file", True, device,
                  f"{count} file(s) from {display_name(session, device)} that this computer "
                  "had read disappeared from the vault folder (removed by the sync service?). "
                  "Margin did not accept that silently; restore them from another device or "
                  "a backup.")
        for device, count in sorted(by_device.items())
    ]


def _older_than(when: str | None, seconds: float) -> bool:
    if not when:
        return False
    try:
        stamp = datetime.fromisoformat(when.replace("Z", "+00:00")).timestamp()
    except ValueError:
        return False
    return time.time() - stamp > seconds


def _dedupe(found: list[SyncIssue]) -> list[SyncIssue]:
    seen, kept = set(), []
    for issue in found:
        if (issue.kind, issue.device) not in seen:
            seen.add((issue.kind, issue.device))
            kept.append(issue)
    return kept
