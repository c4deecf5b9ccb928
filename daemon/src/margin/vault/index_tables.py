"""The local index's big tables, each a few numpy arrays plus a small dict of what changed
since they were loaded (issue 18: 100,000 notes, 300,000 objects).

As Python dicts of strings and tuples the tables of 100,000 notes held about 330 MB and
took over a second to rebuild from their file at each unlock. Here each table's loaded
part is arrays read straight from the decrypted file (ids as 32 ASCII hex digits, so
numpy's ``S32`` never trims them and a sorted column is searched in O(log n)); a lookup
looks in the dict of changes first. ``settle()`` merges the changes into new arrays (after
a save, so a rebuild of every note does not stay in dicts).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np

from margin.vault.model import VersionMeta

ID = "S32"  # an id of 16 bytes as 32 hex digits
# Rows made into Python objects are kept for the next ask (listing a client's notes again
# is then a few dict lookups), up to this many; past it the cache starts again, so a pass
# over every note does not bring back the memory of a dict of 100,000 of them.
MADE_CACHE = 20_000
_NO_ID = np.empty(0, dtype=ID)


def id_array(ids: Iterable[str]) -> np.ndarray:
    found = [value.encode() for value in ids]
    return np.array(found, dtype=ID) if found else _NO_ID.copy()


def texts(ids: np.ndarray) -> list[str]:
    return [value.decode() for value in ids.tolist()]


def find(sorted_ids: np.ndarray, key: object) -> int:
    """The row of ``key`` in a sorted id column, or -1."""
    if not isinstance(key, str) or len(key) != 32 or not key.isascii():
        return -1
    encoded = key.encode()
    at = int(sorted_ids.searchsorted(encoded))
    return at if at < len(sorted_ids) and sorted_ids[at] == encoded else -1


def ragged_take(starts: np.ndarray, values: np.ndarray, rows: np.ndarray
                ) -> tuple[np.ndarray, np.ndarray]:
    """(starts, values) of a ragged column (row i is ``values[starts[i]:starts[i+1]]``)
    with only ``rows``, in that order."""
    lengths = (starts[1:] - starts[:-1])[rows].astype(np.int64)
    new_starts = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum(lengths, out=new_starts[1:])
    shift = np.repeat(starts[:-1][rows].astype(np.int64) - new_starts[:-1], lengths)
    return new_starts, values[np.arange(int(new_starts[-1]), dtype=np.int64) + shift]


class Locations:
    """object id -> (file, record index, record offset) in the vault folder."""

    def __init__(self, names: list[str] | None = None, ids: np.ndarray = _NO_ID,
                 files: np.ndarray | None = None, positions: np.ndarray | None = None,
                 offsets: np.ndarray | None = None):
        empty = np.empty(0, dtype=np.uint32)
        self._names = list(names or [])
        self._ids = ids  # sorted
        self._files = empty if files is None else files  # index into _names
        self._positions = empty if positions is None else positions
        self._offsets = empty if offsets is None else offsets
        self._added: dict[str, tuple[str, int, int]] = {}

    def get(self, object_id: str, default: Any = None) -> Any:
        found = self._added.get(object_id)
        if found is not None:
            return found
        at = find(self._ids, object_id)
        if at < 0:
            return default
        return (self._names[int(self._files[at])], int(self._positions[at]),
                int(self._offsets[at]))

    def __getitem__(self, object_id: str) -> tuple[str, int, int]:
        found = self.get(object_id)
        if found is None:
            raise KeyError(object_id)
        return found  # type: ignore[no-any-return]

    def __contains__(self, object_id: object) -> bool:
        return object_id in self._added or find(self._ids, object_id) >= 0

    def __setitem__(self, object_id: str, where: tuple[str, int, int]) -> None:
        self._added[object_id] = where

    def __len__(self) -> int:
        return len(self._ids) + sum(1 for key in self._added if find(self._ids, key) < 0)

    def held_by(self, relatives: set[str]) -> dict[str, list[str]]:
        """The objects read from each of these files."""
        found: dict[str, list[str]] = {relative: [] for relative in relatives}
        wanted = [number for number, name in enumerate(self._names) if name in found]
        if wanted:
            for row in np.flatnonzero(np.isin(self._files, wanted)).tolist():
                object_id = self._ids[row].decode()
                if object_id not in self._added:
                    found[self._names[int(self._files[row])]].append(object_id)
        for object_id, (relative, _, _) in self._added.items():
            if relative in found:
                found[relative].append(object_id)
        return found

    def columns(self) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """(file names, sorted ids, file numbers, record indexes, offsets), changes merged."""
        if not self._added:
            return self._names, self._ids, self._files, self._positions, self._offsets
        kept = ~np.isin(self._ids, id_array(self._added))
        names = list(self._names)
        number = {name: at for at, name in enumerate(names)}
        for relative, _, _ in self._added.values():
            if relative not in number:
                number[relative] = len(names)
                names.append(relative)
        added = list(self._added.items())
        ids = np.concatenate([self._ids[kept], id_array(key for key, _ in added)])
        files = np.concatenate([self._files[kept], np.array(
            [number[where[0]] for _, where in added], dtype=np.uint32)])
        positions = np.concatenate([self._positions[kept], np.array(
            [where[1] for _, where in added], dtype=np.uint32)])
        offsets = np.concatenate([self._offsets[kept], np.array(
            [where[2] for _, where in added], dtype=np.uint32)])
        order = np.argsort(ids, kind="stable")
        used = np.unique(files)  # files no object is read from any more are left out
        renumber = np.zeros(len(names), dtype=np.uint32)
        renumber[used] = np.arange(len(used), dtype=np.uint32)
        return ([names[i] for i in used.tolist()], ids[order], renumber[files[order]],
                positions[order], offsets[order])

    def settle(self) -> None:
        names, ids, files, positions, offsets = self.columns()
        self.__init__(names, ids, files, positions, offsets)  # type: ignore[misc]


class IdSet:
    """A set of ids (the objects that are audit entries)."""

    def __init__(self, ids: np.ndarray = _NO_ID):
        self._ids = ids  # sorted
        self._added: set[str] = set()

    def add(self, value: str) -> None:
        if find(self._ids, value) < 0:
            self._added.add(value)

    def __contains__(self, value: object) -> bool:
        return value in self._added or find(self._ids, value) >= 0

    def __iter__(self) -> Iterator[str]:
        yield from texts(self._ids)
        yield from list(self._added)

    def __len__(self) -> int:
        return len(self._ids) + len(self._added)

    def column(self) -> np.ndarray:
        if not self._added:
            return self._ids
        return np.sort(np.concatenate([self._ids, id_array(self._added)]))

    def settle(self) -> None:
        self.__init__(self.column())  # type: ignore[misc]


# --- versions ------------------------------------------------------------------------------

VERSION_COLUMNS = ("ids", "notes", "bodies", "deleted", "parent_starts", "parents",
                   "meta_starts", "meta")


class Versions:
    """Version metadata by id. The loaded ones are columns sorted by id (their client,
    context, tags, times, device and actor a small JSON array each, in one blob), made into
    ``VersionMeta`` only when asked for."""

    def __init__(self, columns: dict[str, np.ndarray] | None = None):
        if columns is None:
            columns = {"ids": _NO_ID, "notes": _NO_ID, "bodies": _NO_ID,
                       "deleted": np.empty(0, dtype=bool),
                       "parent_starts": np.zeros(1, dtype=np.int64), "parents": _NO_ID,
                       "meta_starts": np.zeros(1, dtype=np.int64),
                       "meta": np.empty(0, dtype=np.uint8)}
        self.base = columns
        self._added: dict[str, VersionMeta] = {}
        self._made: dict[str, VersionMeta] = {}  # loaded rows asked for lately

    def __contains__(self, version_id: object) -> bool:
        return (version_id in self._added or version_id in self._made
                or find(self.base["ids"], version_id) >= 0)

    def __len__(self) -> int:
        return len(self.base["ids"]) + len(self._added)

    def __getitem__(self, version_id: str) -> VersionMeta:
        found = self.peek(version_id)
        if version_id not in self._added and version_id not in self._made:  # made: kept
            if len(self._made) >= MADE_CACHE:
                self._made = {}
            self._made[version_id] = found
        return found

    def peek(self, version_id: str) -> VersionMeta:
        """As ``self[version_id]``, without keeping the row made: a pass over every note
        (the leak guard's first index) would fill the cache with rows asked for once."""
        found = self._added.get(version_id) or self._made.get(version_id)
        if found is not None:
            return found
        at = find(self.base["ids"], version_id)
        if at < 0:
            raise KeyError(version_id)
        return self.row(at)

    def body(self, version_id: str) -> str | None:
        """The body object of a version, without making its row (its metadata)."""
        found = self._added.get(version_id) or self._made.get(version_id)
        if found is not None:
            return found.body
        at = find(self.base["ids"], version_id)
        if at < 0:
            raise KeyError(version_id)
        body = self.base["bodies"][at]
        return body.decode() if body else None

    def row(self, at: int) -> VersionMeta:
        base = self.base
        parents = base["parents"][base["parent_starts"][at] : base["parent_starts"][at + 1]]
        meta = base["meta"][base["meta_starts"][at] : base["meta_starts"][at + 1]]
        client, context, tags, created, when, device, actor = json.loads(meta.tobytes())
        body = base["bodies"][at]
        return VersionMeta(base["ids"][at].decode(), base["notes"][at].decode(),
                           tuple(texts(parents)), bool(base["deleted"][at]),
                           body.decode() if body else None, client, dict(context),
                           tuple(tags), created, when, device, actor)

    def __setitem__(self, version_id: str, meta: VersionMeta) -> None:
        self._added[version_id] = meta

    def get(self, version_id: str) -> VersionMeta | None:
        try:
            return self[version_id]
        except KeyError:
            return None

    def is_deleted(self, version_id: str) -> bool:
        found = self._added.get(version_id)
        if found is not None:
            return found.deleted
        return bool(self.base["deleted"][find(self.base["ids"], version_id)])

    def values(self) -> Iterator[VersionMeta]:
        for at in range(len(self.base["ids"])):
            yield self.row(at)
        yield from list(self._added.values())

    def columns(self) -> dict[str, np.ndarray]:
        if not self._added:
            return self.base
        added = list(self._added.values())
        metas = [json.dumps([m.client, m.context, list(m.tags), m.created, m.time, m.device,
                             m.actor], separators=(",", ":")).encode() for m in added]
        parent_lengths = np.array([len(m.parents) for m in added], dtype=np.int64)
        meta_lengths = np.array([len(m) for m in metas], dtype=np.int64)
        base = self.base
        merged = {
            "ids": np.concatenate([base["ids"], id_array(m.id for m in added)]),
            "notes": np.concatenate([base["notes"], id_array(m.note for m in added)]),
            "bodies": np.concatenate([base["bodies"], id_array(m.body or "" for m in added)]),
            "deleted": np.concatenate([base["deleted"], [m.deleted for m in added]]),
            "parent_starts": np.concatenate([base["parent_starts"], base["parent_starts"][-1]
                                             + np.cumsum(parent_lengths)]),
            "parents": np.concatenate([base["parents"],
                                       id_array(p for m in added for p in m.parents)]),
            "meta_starts": np.concatenate([base["meta_starts"], base["meta_starts"][-1]
                                           + np.cumsum(meta_lengths)]),
            "meta": np.concatenate([base["meta"], np.frombuffer(b"".join(metas), np.uint8)]),
        }
        order = np.argsort(merged["ids"], kind="stable")
        for name in ("ids", "notes", "bodies", "deleted"):
            merged[name] = merged[name][order]
        for starts, values in (("parent_starts", "parents"), ("meta_starts", "meta")):
            merged[starts], merged[values] = ragged_take(merged[starts], merged[values], order)
        return merged

    def settle(self) -> None:
        self.__init__(self.columns())  # type: ignore[misc]


class NoteVersions:
    """note id -> the ids of its versions: the loaded versions grouped by note (worked
    out at load: one sort), and the notes that gained a version since, in a dict."""

    def __init__(self, versions: Versions):
        self.versions = versions
        notes = versions.base["notes"]
        self._rows = np.argsort(notes, kind="stable")
        ordered = notes[self._rows]
        firsts = np.flatnonzero(np.concatenate([[True], ordered[1:] != ordered[:-1]])) \
            if len(ordered) else np.empty(0, dtype=np.int64)
        self._notes = ordered[firsts]
        self._starts = np.append(firsts, len(ordered))
        self._added: dict[str, set[str]] = {}
        self._made: dict[object, frozenset[str]] = {}  # loaded notes asked for lately

    def _base(self, note_id: object) -> set[str] | None:
        made = self._made.get(note_id)
        if made is None:
            at = find(self._notes, note_id)
            if at < 0:
                return None
            rows = self._rows[self._starts[at] : self._starts[at + 1]]
            if len(self._made) >= MADE_CACHE:
                self._made = {}
            made = self._made[note_id] = frozenset(texts(self.versions.base["ids"][rows]))
        return set(made)

    def get(self, note_id: str, default: Any = None) -> Any:
        found = self._added.get(note_id)
        if found is None:
            found = self._base(note_id)
        return default if found is None else found

    def __getitem__(self, note_id: str) -> set[str]:
        found = self.get(note_id)
        if found is None:
            raise KeyError(note_id)
        return found  # type: ignore[no-any-return]

    def __contains__(self, note_id: object) -> bool:
        return note_id in self._added or find(self._notes, note_id) >= 0

    def __iter__(self) -> Iterator[str]:
        for note_id in texts(self._notes):
            if note_id not in self._added:
                yield note_id
        yield from list(self._added)

    def __len__(self) -> int:
        return len(self._notes) + sum(1 for n in self._added if find(self._notes, n) < 0)

    def add(self, note_id: str, version_id: str) -> None:
        found = self._added.get(note_id)
        if found is None:
            found = self._added[note_id] = self._base(note_id) or set()
        found.add(version_id)

    def single_versions(self) -> dict[str, tuple[str, bool]]:
        """Loaded notes with one version and no change since: note -> (version, deleted),
        worked out on the columns (most notes; the leak guard asks at every unlock)."""
        counts = self._starts[1:] - self._starts[:-1]
        alone = np.flatnonzero(counts == 1)
        rows = self._rows[self._starts[alone]]
        base = self.versions.base
        found = dict(zip(texts(self._notes[alone]),
                         zip(texts(base["ids"][rows]), base["deleted"][rows].tolist(),
                             strict=True), strict=True))
        for note_id in self._added:
            found.pop(note_id, None)
        return found

    def others(self) -> list[str]:
        """The notes ``single_versions`` leaves out."""
        counts = self._starts[1:] - self._starts[:-1]
        return [*(n for n in texts(self._notes[counts != 1]) if n not in self._added),
                *self._added]


# --- the client, site and date filters -----------------------------------------------------


class Filters:
    """filter name -> value -> note ids. The loaded part is, per name, its values and the
    sorted note ids of each; a note refiled since is left out of it (``_moved``) and kept
    in the dict of changes wherever it belongs now."""

    def __init__(self, base: dict[str, tuple[list[str], np.ndarray, np.ndarray]] | None = None):
        self._base = base or {}  # name -> (values, starts, note ids)
        self._where = {name: {value: at for at, value in enumerate(values)}
                       for name, (values, _, _) in self._base.items()}
        self._moved: set[str] = set()
        self._added: dict[str, dict[str, set[str]]] = {}

    def notes(self, name: str, value: str) -> set[str]:
        found = set(self._added.get(name, {}).get(value, ()))
        at = self._where.get(name, {}).get(value)
        if at is not None:
            _, starts, notes = self._base[name]
            found.update(n for n in texts(notes[starts[at] : starts[at + 1]])
                         if n not in self._moved)
        return found

    def add(self, name: str, value: str, note_id: str) -> None:
        self._added.setdefault(name, {}).setdefault(value, set()).add(note_id)

    def discard(self, name: str, value: str, note_id: str) -> None:
        self._added.get(name, {}).get(value, set()).discard(note_id)

    def move(self, note_id: str) -> None:
        """The note leaves the loaded part (its place there is not known without a search)."""
        self._moved.add(note_id)

    def columns(self) -> dict[str, tuple[list[str], np.ndarray, np.ndarray]]:
        if not self._moved and not any(self._added.values()):
            return self._base
        found: dict[str, tuple[list[str], np.ndarray, np.ndarray]] = {}
        moved = id_array(self._moved)
        for name in sorted(set(self._base) | set(self._added)):
            values, starts, notes = self._base.get(name, ([], np.zeros(1, np.int64), _NO_ID))
            added = self._added.get(name, {})
            columns: list[np.ndarray] = []
            kept: list[str] = []
            for value in sorted(set(values) | set(added)):
                at = self._where.get(name, {}).get(value)
                ids = notes[starts[at] : starts[at + 1]] if at is not None else _NO_ID
                ids = np.union1d(ids[~np.isin(ids, moved)], id_array(added.get(value, ())))
                if len(ids):
                    kept.append(value)
                    columns.append(ids)
            lengths = np.array([len(c) for c in columns], dtype=np.int64)
            found[name] = (kept, np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64),
                           np.concatenate(columns) if columns else _NO_ID)
        return found

    def settle(self) -> None:
        self.__init__(self.columns())  # type: ignore[misc]
