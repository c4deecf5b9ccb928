"""The derived, rebuildable index of notes: metadata only, kept encrypted on this machine.

It lets Margin list one client's notes without decrypting every note, and lets unlock read
only the object files it has not seen yet. Losing it costs a rebuild, never data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from margin.vault.index_tables import Filters, IdSet, Locations, NoteVersions, Versions
from margin.vault.model import NoteSummary, VersionMeta


def filter_key(value: object) -> str | None:
    """Lists match clients, sites and dates ignoring case and surrounding spaces."""
    if value is None:
        return None
    text = str(value).strip().casefold()
    return text or None


@dataclass
class NoteIndex:
    # Each object file read, with the (size, mtime_ns) it had and its object count: a file
    # whose stat changed is read again at unlock, so an altered file is caught even though
    # the index knew it; the count says which of two files holding an object is the pack.
    files: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    versions: Versions = field(default_factory=Versions)
    # Where each object is read from: (file, record index, record offset). An object can
    # be in two files while a pack replaces small files; the file with more objects wins.
    objects: Locations = field(default_factory=Locations)
    audit_ids: IdSet = field(default_factory=IdSet)  # the objects that are audit entries
    devices: dict[str, dict[str, Any]] = field(default_factory=dict)
    audit_heads: dict[str, tuple[int, str]] = field(default_factory=dict)
    # The newest audit entry this computer has seen per device, kept across rebuilds, so a
    # log cut short (or cut and written again) is noticed by verify.
    anchors: dict[str, tuple[int, str]] = field(default_factory=dict)
    # Every audit entry present, per device: seq -> hash (gaps show pieces not arrived).
    audit_seqs: dict[str, dict[int, str]] = field(default_factory=dict)
    audit_times: dict[str, str] = field(default_factory=dict)  # device -> newest entry's time
    # What other devices wrote they had seen: claims[target][claimer] = (seq, hash, time).
    claims: dict[str, dict[str, tuple[int, str, str]]] = field(default_factory=dict)
    # What other devices wrote they hold of each device without a gap: [target][claimer].
    complete: dict[str, dict[str, int]] = field(default_factory=dict)
    pack_seq: int = 0  # this device's newest pack's audit entry (compact.py)
    pack_time: str = ""
    removed: dict[str, dict[str, Any]] = field(default_factory=dict)  # device -> removal
    # Object files this computer read that are gone (not quarantined) with objects found
    # nowhere else: file -> (when noticed, its object ids). Kept across rebuilds like the
    # anchors; cleared when the file comes back or a pack holding its objects arrives.
    lost: dict[str, tuple[str, list[str]]] = field(default_factory=dict)
    _filters: Filters = field(default_factory=Filters)
    _note_keys: dict[str, dict[str, str | None]] = field(default_factory=dict)
    note_versions: NoteVersions = field(init=False)  # note id -> its versions' ids

    def __post_init__(self) -> None:
        self.note_versions = NoteVersions(self.versions)

    def settle(self) -> None:
        """Merge what changed since loading into the tables' arrays (after a save)."""
        for table in (self.objects, self.audit_ids, self.versions, self._filters):
            table.settle()
        self.note_versions = NoteVersions(self.versions)
        self._note_keys = {}

    # --- building ------------------------------------------------------------------------

    def add_version(self, meta: VersionMeta) -> None:
        if meta.id in self.versions:
            return
        self.versions[meta.id] = meta
        self.note_versions.add(meta.note, meta.id)
        self._refile(meta.note)

    def add_audit_head(self, device: str, seq: int, entry_hash: str, time: str = "") -> None:
        self.audit_seqs.setdefault(device, {})[seq] = entry_hash
        if seq > self.audit_heads.get(device, (0, ""))[0]:
            self.audit_heads[device] = (seq, entry_hash)
            if time:
                self.audit_times[device] = time

    def add_claims(self, claimer: str, seen: dict[str, Any], time: str) -> None:
        """A device wrote which audit heads it had seen; keep each claimer's newest."""
        for target, head in seen.items():
            seq, entry_hash = int(head[0]), str(head[1])
            known = self.claims.setdefault(str(target), {}).get(claimer)
            if known is None or seq > known[0]:
                self.claims[str(target)][claimer] = (seq, entry_hash, time)

    def add_complete(self, claimer: str, complete: dict[str, Any]) -> None:
        for target, seq in complete.items():
            known = self.complete.setdefault(str(target), {})
            known[claimer] = max(known.get(claimer, 0), int(seq))

    def complete_seq(self, device: str) -> int:
        """The newest entry of ``device`` held here with none missing before it."""
        seqs = self.audit_seqs.get(device, {})
        top = max(seqs, default=0)
        if top == len(seqs):
            return top
        seq = 0
        while seq + 1 in seqs:
            seq += 1
        return seq

    def all_anchors(self) -> dict[str, tuple[int, str]]:
        merged = dict(self.anchors)
        for device, head in self.audit_heads.items():
            if head[0] > merged.get(device, (0, ""))[0]:
                merged[device] = head
        return merged

    def _refile(self, note_id: str) -> None:
        """Keep the client/site/date filters pointing at the note's current metadata."""
        if note_id in self._note_keys:
            for name, value in self._note_keys.pop(note_id).items():
                if value is not None:
                    self._filters.discard(name, value, note_id)
        else:  # loaded from disk (keys not kept): out of the loaded part wherever it is
            self._filters.move(note_id)
        current = self.shown(self.current(note_id))
        keys = {
            "client": filter_key(current.client),
            "site": filter_key(current.context.get("site")),
            "date": filter_key(current.context.get("appointment_date")),
        }
        for name, value in keys.items():
            if value is not None:
                self._filters.add(name, value, note_id)
        self._note_keys[note_id] = keys

    def locate(self, object_id: str, where: tuple[str, int, int], present: set[str]) -> None:
        """Read ``object_id`` from ``where`` unless a file with more objects (a pack that
        replaced the small file, or a bigger pack that replaced a pack) already holds it."""
        known = self.objects.get(object_id)
        if (known is not None and known[0] in present and known[0] != where[0]
                and self._count(known[0]) >= self._count(where[0])):
            return
        self.objects[object_id] = where

    def _count(self, relative: str) -> int:
        return self.files.get(relative, (0, 0, 0))[2]

    def held_by(self, relatives: set[str]) -> dict[str, list[str]]:
        """The objects read from each of these files (none: every object is elsewhere)."""
        return self.objects.held_by(relatives)

    def forget_files(self, relatives: set[str]) -> None:
        """Files whose every object is read from elsewhere now (retired after a pack)."""
        for relative in relatives:
            self.files.pop(relative, None)

    # --- reading -------------------------------------------------------------------------

    def heads(self, note_id: str) -> list[VersionMeta]:
        """Versions no other version names as a parent: live ones first, newest first.

        An edit on one device and a delete on another leave two heads; the edit comes
        first, so the note stays listed (with its conflict) instead of vanishing.
        """
        return self._heads_and_gap(note_id)[0]

    def _heads_and_gap(self, note_id: str) -> tuple[list[VersionMeta], bool]:
        """The heads, and whether a version here names a parent that has not arrived.

        Files arrive in any order, so a device can hold an edit before the version it
        edited; the heads may already be the other devices' heads (the edit, or a merge
        naming the missing version) while the history still lacks that version. The gap
        is found with the parents the heads need anyway, at no extra cost.
        """
        ids = self.note_versions.get(note_id, set())
        if len(ids) == 1:  # most notes: one version, its own head
            only = self.versions[next(iter(ids))]
            return [only], bool(only.parents)
        named = {parent for version in ids for parent in self.versions[version].parents}
        heads = [self.versions[v] for v in ids if v not in named]
        ordered = sorted(
            heads, key=lambda meta: (not meta.deleted, meta.time, meta.id), reverse=True
        )
        return ordered, not named <= ids

    def current(self, note_id: str) -> VersionMeta:
        return self.heads(note_id)[0]

    def current_versions(self) -> dict[str, tuple[str, bool]]:
        """Every note's current version and whether it is deleted: what ``summary`` says,
        without making every version's metadata (the leak guard asks at each unlock; a
        summary of each of 100,000 notes took seconds)."""
        found = self.note_versions.single_versions()  # most notes: one version, its head
        for note_id in self.note_versions.others():
            head = self.current(note_id)
            found[note_id] = (head.id, head.deleted)
        return found

    def shown(self, meta: VersionMeta) -> VersionMeta:
        """A tombstone carries no metadata: a deleted note shows the version it deleted."""
        while meta.deleted:
            parents = [self.versions[p] for p in meta.parents if p in self.versions]
            if not parents:
                return meta
            meta = max(parents, key=lambda parent: (parent.time, parent.id))
        return meta

    def summary(self, note_id: str) -> NoteSummary:
        heads, parent_missing = self._heads_and_gap(note_id)
        current = heads[0]
        shown = self.shown(current)
        return NoteSummary(
            id=note_id,
            version=current.id,
            heads=[meta.id for meta in heads],
            client=shown.client,
            context=dict(shown.context),
            tags=list(shown.tags),
            created=shown.created,
            updated=current.time,
            deleted=current.deleted,
            # A head's body, or a version of its history, still on its way (FORMAT.md):
            # until both are here, the note's history here lacks what other devices show.
            waiting_for_sync=parent_missing or any(
                meta.body is not None and meta.body not in self.objects for meta in heads
            ),
        )

    def matching(self, client: str | None, site: str | None, date: str | None) -> set[str]:
        chosen: set[str] | None = None
        for name, value in (("client", client), ("site", site), ("date", date)):
            key = filter_key(value)
            if value is None:
                continue
            found = self._filters.notes(name, key or "")
            chosen = found if chosen is None else chosen & found
        return set(self.note_versions) if chosen is None else chosen
