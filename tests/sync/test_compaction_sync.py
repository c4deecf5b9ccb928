"""Two devices compacting while their files cross through a bad carrier (reordering,
duplicates, conflict copies, files written in place, removals carried late): no entry is
lost, every chain verifies, nothing is taken as tampering, and a rollback by the provider
is still caught after compaction."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from margin.vault import Vault
from margin.vault.compact import Policy
from margin.vault.store import classify
from tests.sync.carrier import Carrier
from tests.sync.test_rollback import two_devices

EAGER = Policy(min_files=3, min_age_seconds=0)


class Scene:
    def __init__(self, tmp_path: Path, seed: int):
        self.desk, self.laptop = two_devices(tmp_path)
        self.devices = {"desk": self.desk, "laptop": self.laptop}
        for vault in self.devices.values():
            vault.policy = EAGER
            vault.arrival_grace = 60.0  # as the daemon sets it: a file written in place waits
            (vault.layout.vault_dir / ".owner").write_text(vault.device_id)
        self.rng = random.Random(seed)
        self.carrier = Carrier({n: v.layout.vault_dir for n, v in self.devices.items()},
                               random.Random(seed), vanishing=False)
        self.acknowledged: dict[str, str] = {}  # version -> its text
        self.reads: set[tuple[str, int, str]] = set()  # (device, seq, hash) of each read

    def work(self, vault: Vault) -> None:
        vault.refresh()
        notes = [n for n in vault.list_notes() if not n.waiting_for_sync]
        if not notes or self.rng.random() < 0.4:
            note = vault.create_note(f"note {self.rng.random()}", actor="cli", client="Kim")
        else:
            target = self.rng.choice(notes)
            base = target.heads if target.conflict else target.version
            note = vault.update_note(target.id, f"edit {self.rng.random()}", base_version=base,
                                     actor="cli")
        self.acknowledged[note.version] = note.text
        vault.get_note(note.id, actor="cli")
        entry = vault.audit_entries(device=vault.device_id)[-1]
        self.reads.add((entry.device, entry.seq, entry.hash))
        if self.rng.random() < 0.5:
            vault.record_seen()
        if self.rng.random() < 0.3:
            vault.flush_index()
        if self.rng.random() < 0.4:
            vault.compact()

    def assert_no_false_alarm(self) -> None:
        for name, vault in self.devices.items():
            vault.refresh()
            alerts = [i for i in vault.sync_issues() if i.alert]
            assert not alerts, (name, alerts)
            assert vault.quarantined() == [], name
            assert not [p for p in vault.problems() if p.kind not in ("sync_copy", "arriving")]

    def converge(self) -> None:
        """The carrier finishes; each device records what it saw and writes it out; packs
        are then safe to retire everywhere."""
        for _ in range(3):
            self.carrier.settle()
            for vault in self.devices.values():
                vault.refresh()
                vault.record_seen()
                vault.flush_index()
            self.carrier.settle()
            for vault in self.devices.values():
                vault.refresh()
                vault.compact()
        self.carrier.settle()  # the last packs and removals reach the other device
        for vault in self.devices.values():
            vault.refresh()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_two_devices_compacting_while_files_cross(tmp_path: Path, seed: int) -> None:
    scene = Scene(tmp_path, seed)
    for _ in range(30):
        for vault in scene.devices.values():
            scene.work(vault)
        for _ in range(scene.rng.randint(0, 10)):
            scene.carrier.step(chaos=True)
        scene.assert_no_false_alarm()
    scene.converge()
    scene.assert_no_false_alarm()
    entries = {}
    for name, vault in scene.devices.items():
        assert vault.verify_audit().ok, (name, vault.verify_audit().problems)
        versions = {v.id for n in vault.list_notes(include_deleted=True)
                    for v in vault.history(n.id)}
        assert set(scene.acknowledged) <= versions, name  # no acknowledged version lost
        seen = {(e.device, e.seq, e.hash) for e in vault.audit_entries()}
        assert scene.reads <= seen, name  # every acknowledged read's entry is everywhere
        entries[name] = seen
    assert entries["desk"] == entries["laptop"]
    for note in scene.desk.list_notes():
        for head in note.heads:
            text = scene.desk.get_note(note.id, actor="cli", version=head).text
            assert text == scene.acknowledged[head]
    saves = len(scene.acknowledged)
    files = [p for p in (tmp_path / "laptop-synced" / "data").rglob("*")
             if classify(p.name)[0] == "object"]  # the engine's own conflict copies aside
    assert len(files) < saves / 3  # packs, not one file a save


def test_a_rollback_is_still_caught_after_compaction(tmp_path: Path) -> None:
    scene = Scene(tmp_path, 9)
    for _ in range(8):
        scene.work(scene.desk)
    scene.converge()
    desk_folder = scene.desk.layout.vault_dir / "data" / scene.desk.device_id
    old_copy = tmp_path / "old-desk"
    shutil.copytree(desk_folder, old_copy)
    for _ in range(8):
        scene.work(scene.desk)
    scene.converge()
    scene.assert_no_false_alarm()
    # The provider puts the old copy of the desk's folder back on the laptop.
    on_laptop = scene.laptop.layout.vault_dir / "data" / scene.desk.device_id
    shutil.rmtree(on_laptop)
    shutil.copytree(old_copy, on_laptop)
    scene.laptop.refresh()
    alerts = {i.kind for i in scene.laptop.sync_issues() if i.alert}
    assert alerts & {"lost_file", "missing", "rollback"}, scene.laptop.sync_issues()
