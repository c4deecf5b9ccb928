"""`margin check`: verify a vault folder or a backup (folder or tar) without changing it.

Without the key it checks what it can (every file well framed, the backup manifest's
sizes and SHA-256 sums). With ``read_data`` and the key it opens every object (each one
authenticates), and checks every chain: each version's body and parents are there, each
device's audit chain has no gap or broken link, and no device's history is shorter than
another device recorded having seen. Findings name files and devices, never note content.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from margin.sync.sources import Source, iter_files, open_source
from margin.vault import audit, keyfile
from margin.vault.crypto import KeyRing
from margin.vault.model import VersionMeta
from margin.vault.objfile import (
    Damaged,
    FileIdentity,
    Kind,
    TooNew,
    UnknownKey,
    decode,
    file_key_id,
    frame,
)
from margin.vault.session import SEEN_ACTION, interpret
from margin.vault.store import classify

EXIT_OK, EXIT_PROBLEMS, EXIT_ERROR, EXIT_UNCHECKED = 0, 1, 2, 3
Progress = Callable[[int, int], None]  # (files done, files in all)


@dataclass(frozen=True)
class Finding:
    severity: str  # problem | warning | unchecked
    kind: str
    path: str | None
    message: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class CheckReport:
    target: str
    read_data: bool
    vault_id: str | None = None
    files: int = 0
    objects: int = 0
    notes: int = 0
    devices: int = 0
    findings: list[Finding] = field(default_factory=list)

    def add(self, severity: str, kind: str, path: str | None, message: str) -> None:
        self.findings.append(Finding(severity, kind, path, message))

    @property
    def exit_code(self) -> int:
        severities = {f.severity for f in self.findings}
        if "problem" in severities:
            return EXIT_PROBLEMS
        return EXIT_UNCHECKED if "unchecked" in severities else EXIT_OK

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["ok"] = self.exit_code == EXIT_OK
        data["exit_code"] = self.exit_code
        return data


def vault_id_of(target: Path) -> str | None:
    return _vault_id(open_source(target))


def key_for(target: Path, passphrase: str) -> KeyRing | None:
    """The vault keys unwrapped from the target's newest key file the passphrase opens
    (the one holding the most keys), or None (wrong passphrase)."""
    found: KeyRing | None = None
    for name, data in iter_files(open_source(target)):
        if name.startswith("keys/"):
            try:
                parsed = keyfile.parse(data)
            except (Damaged, TooNew):
                continue
            ring = keyfile.unwrap(parsed, bytes.fromhex(name.split("/")[1]), passphrase)
            if ring is not None and (found is None or len(ring.keys) > len(found.keys)):
                found = ring
    return found


def check(target: Path, key: KeyRing | bytes | bytearray | None = None, *,
          progress: Progress | None = None) -> CheckReport:
    source = open_source(target)
    report = CheckReport(str(target), read_data=key is not None, vault_id=_vault_id(source))
    if report.vault_id is None:
        report.add("problem", "no_key_file", "keys/", "No readable key file: this copy "
                   "cannot be opened with the recovery passphrase.")
    ring = None
    if key is not None and report.vault_id is not None:
        ring = key if isinstance(key, KeyRing) else KeyRing.from_bytes(
            key, bytes.fromhex(report.vault_id))  # a key ring as the keychain keeps it
    names = source.names()
    _check_key_files(source, names, report)
    files = dict(iter_files(source))
    report.files = len(files)
    _check_manifest(source, files, report)
    reader = _Reader(report, ring, report.vault_id)
    for done, (name, data) in enumerate(files.items(), 1):
        reader.file(name, data, files)
        if progress is not None:
            progress(done, len(files))
    if ring is not None:
        reader.chains()
    return report


def _check_key_files(source: Source, names: list[str], report: CheckReport) -> None:
    """A key file that is not current (a copy of one a passphrase change replaced, put
    back by a backup or the sync provider) opens, with the old passphrase, the files
    sealed before that change: the clinician should know and remove it."""
    parsed = {}
    for name in names:
        if name.startswith("keys/"):
            try:
                parsed[name] = keyfile.parse(source.read(name) or b"")
            except (Damaged, TooNew):
                continue
    newest = max((p.ring_size for p in parsed.values()), default=0)
    for name, key_file in sorted(parsed.items()):
        if key_file.ring_size < newest:  # each passphrase change adds a key to the ring
            report.add("problem", "old_key_file", name, (
                "A key file from before a passphrase change is in this copy: with the old "
                "passphrase it opens the notes saved before that change. Delete this file "
                "if you did not put it back on purpose (it is not needed)."))


def _vault_id(source: Source) -> str | None:
    for name, data in iter_files(source):
        if name.startswith("keys/"):
            try:
                return keyfile.parse(data).vault_id.hex()
            except (Damaged, TooNew):
                continue
    return None


def _check_manifest(source: Source, files: dict[str, bytes], report: CheckReport) -> None:
    raw = source.manifest()
    if raw is None:
        return
    try:
        listed = json.loads(raw)["files"]
    except (ValueError, KeyError, TypeError):
        report.add("problem", "manifest_damaged", "margin-backup.json",
                   "The backup's list of files is damaged.")
        return
    for name, expected in sorted(listed.items()):
        data = files.get(name)
        if data is None:
            report.add("problem", "missing_file", name, "A file of the backup is missing.")
        elif hashlib.sha256(data).hexdigest() != expected.get("sha256"):
            report.add("problem", "altered_file", name,
                       "A file of the backup was changed after the backup was made.")
    for name in sorted(set(files) - set(listed)):
        report.add("warning", "extra_file", name, "A file was added after the backup was made.")


class _Reader:
    """Reads every file once; with the key, gathers what the chain checks need."""

    def __init__(self, report: CheckReport, key: KeyRing | None, vault_id: str | None):
        self.report, self.key, self.vault_id = report, key, vault_id
        self.versions: dict[str, VersionMeta] = {}
        self.bodies: set[str] = set()
        self.entries: list[dict[str, Any]] = []
        self.old_key: dict[str, int] = {}  # files per device sealed with an older key
        self._seen: set[tuple[str, int, str]] = set()

    def file(self, name: str, data: bytes, files: dict[str, bytes]) -> None:
        parts = name.split("/")
        if parts[0] == "quarantine":
            if not name.endswith(".why.json"):
                self.report.add("warning", "quarantined", name, "A damaged file kept aside "
                                "in the quarantine folder (not loaded).")
            return
        if parts[0] == "keys":
            return
        kind, file_id = classify(parts[2])
        if kind == "copy":
            original = files.get(f"data/{parts[1]}/{file_id}")
            if original is not None and original == data:
                return  # a sync engine's identical copy
        try:
            count = frame(data)
            if self.key is not None and self.vault_id is not None and file_id is not None:
                self._open(parts[1], file_id, data)
            self.report.objects += count
        except TooNew:
            self.report.add("unchecked", "newer_format", name,
                            "Written by a newer Margin; not checked. Update Margin.")
        except UnknownKey:
            self.report.add("unchecked", "newer_key", name, "Saved with a newer vault key "
                            "than the passphrase given opens; not checked.")
        except Damaged as error:
            severity = "warning" if kind == "copy" else "problem"
            self.report.add(severity, "damaged", name, f"This file is damaged or was altered "
                            f"({error}).")

    def _open(self, device: str, file_id: str, data: bytes) -> None:
        assert self.key is not None and self.vault_id is not None
        identity = FileIdentity(bytes.fromhex(self.vault_id), bytes.fromhex(device),
                                bytes.fromhex(file_id))
        objects = decode(self.key, identity, data)
        if (file_key_id(data) or self.key.ids[-1]) != self.key.current_id:
            self.old_key[device] = self.old_key.get(device, 0) + 1
        parsed = [interpret(device, item) for item in objects]  # Damaged when malformed
        for item, meaning in zip(objects, parsed, strict=True):
            if item.kind is Kind.BODY:
                self.bodies.add(item.object_id.hex())
            elif isinstance(meaning, VersionMeta):
                self.versions[meaning.id] = meaning
            elif item.kind is Kind.AUDIT:
                entry = json.loads(item.plaintext)
                marker = (str(entry["device"]), int(entry["seq"]), audit.entry_hash(entry))
                if marker not in self._seen:  # a pack and the files it replaced: once
                    self._seen.add(marker)
                    self.entries.append(entry)

    def chains(self) -> None:
        report = self.report
        report.notes = len({meta.note for meta in self.versions.values()})
        report.devices = len({str(entry["device"]) for entry in self.entries})
        for meta in self.versions.values():
            if meta.body is not None and meta.body not in self.bodies:
                report.add("problem", "missing_body", None, f"The text of a version of note "
                           f"{meta.note} is not in this copy (lost, or still on its way).")
            for parent in meta.parents:
                if parent not in self.versions:
                    report.add("problem", "missing_version", None, f"A version of note "
                               f"{meta.note} names an earlier version that is not in this copy.")
        for problem in audit.verify(self.entries, {}).problems:
            report.add("problem", "audit_chain", None, f"Audit trail: {problem}.")
        for device, count in sorted(self.old_key.items()):
            report.add("warning", "old_key", None, (
                f"{count} file(s) of device {device[:8]} are sealed with a key from before "
                "a passphrase change; if an old passphrase leaked, run the re-encryption on "
                "that device."))
        self._claims()

    def _claims(self) -> None:
        """What each device recorded having seen of the others must still be there."""
        present = {(str(e["device"]), int(e["seq"])): audit.entry_hash(e) for e in self.entries}
        reported: set[tuple[str, str]] = set()
        for entry in self.entries:
            seen = (entry.get("detail") or {}).get("seen") if entry["action"] == SEEN_ACTION \
                else None
            for device, (seq, entry_hash) in (seen or {}).items():
                found = present.get((device, int(seq)))
                kind = "rolled_back" if found is None else "rewritten"
                if found != entry_hash and (device, kind) not in reported:
                    reported.add((device, kind))
                    self.report.add("problem", kind, None, (
                        f"Device {device[:8]} had written more than this copy holds "
                        if found is None else f"The history of device {device[:8]} differs "
                        "from what another device saw ") + "(files removed, or an old copy "
                        "restored).")
