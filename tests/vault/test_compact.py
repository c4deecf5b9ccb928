"""Audit segments and packs: reads add no file, a device merges its own small files into
packs, the pack is durable before anything it replaces goes, and nothing is lost."""

from __future__ import annotations

from pathlib import Path

from margin.home import Home
from margin.vault import Vault
from margin.vault.compact import Policy

from .helpers import CHEAP_KDF, PASSPHRASE, no_keychain, object_files, reopen
from .powercut import RecordingOps

EAGER = Policy(min_files=4, min_age_seconds=0)


def busy_vault(home: Home, notes: int = 12, **options: object) -> tuple[Vault, list[str]]:
    vault = Vault.create(home, PASSPHRASE, keystore=no_keychain(), kdf=CHEAP_KDF,
                         **options)  # type: ignore[arg-type]
    vault.policy = EAGER
    made = []
    for number in range(notes):
        note = vault.create_note(f"note {number}", actor="cli", client=f"client {number % 3}")
        note = vault.update_note(note.id, f"note {number}, edited", base_version=note.version,
                                 actor="cli")
        vault.get_note(note.id, actor="cli")
        made.append(note.id)
    return vault, made


def test_an_audited_read_adds_no_file_and_survives_a_crash(vault: Vault, home: Home) -> None:
    note = vault.create_note("words", actor="cli")
    before = object_files(home)
    for _ in range(20):
        vault.get_note(note.id, actor="extension:abc")
    assert object_files(home) == before  # in the local journal, fsynced, not in the folder
    # A crash now (the vault object is simply dropped, never locked) loses no entry.
    again = reopen(home)
    reads = [e for e in again.audit_entries() if e.action == "read"]
    assert len(reads) == 20 and again.verify_audit().ok
    assert len(object_files(home)) == len(before) + 1  # written out as one segment


def test_a_save_carries_the_reads_before_it(vault: Vault, home: Home) -> None:
    note = vault.create_note("words", actor="cli")
    vault.get_note(note.id, actor="cli")
    before = set(object_files(home))
    vault.update_note(note.id, "more", base_version=note.version, actor="cli")
    (made,) = set(object_files(home)) - before  # one file: the read entry, body, version, entry
    assert vault.verify_audit().ok
    assert [e.action for e in vault.audit_entries()][-2:] == ["read", "update"]
    assert made.exists()


def test_many_reads_close_a_segment_when_full(vault: Vault, home: Home) -> None:
    from margin.vault.session import SEGMENT_ENTRIES

    note = vault.create_note("words", actor="cli")
    before = len(object_files(home))
    for _ in range(SEGMENT_ENTRIES + 5):
        vault.get_note(note.id, actor="cli")
    assert len(object_files(home)) == before + 1
    assert vault.verify_audit().ok


def test_compaction_packs_small_files_and_loses_nothing(home: Home) -> None:
    vault, made = busy_vault(home)
    texts = {n: vault.get_note(n, actor="cli").text for n in made}
    entries = [(e.device, e.seq, e.hash) for e in vault.audit_entries()]
    small = len(object_files(home))
    result = vault.compact()
    assert result.packs == 1 and result.packed == small and result.retired == small
    assert len(object_files(home)) == 1
    assert {n: vault.get_note(n, actor="cli").text for n in made} == texts
    vault.lock()
    again = reopen(home)
    assert again.verify_audit().ok and again.problems() == [] and again.sync_issues() == []
    assert [(e.device, e.seq, e.hash) for e in again.audit_entries()][: len(entries)] == entries
    assert {n: again.get_note(n, actor="cli").text for n in made} == texts
    assert again.check() == []
    assert len({v.id for n in made for v in again.history(n)}) == 2 * len(made)


def test_the_pack_is_durable_before_any_replaced_file_is_removed(home: Home) -> None:
    ops = RecordingOps(home.root.parent)
    vault, _ = busy_vault(home, ops=ops)
    ops.trace.clear()
    assert vault.compact().retired > 0
    names = [op.name for op in ops.trace]
    first_unlink = names.index("unlink")
    pack_rename = max(i for i, op in enumerate(ops.trace[:first_unlink]) if op.name == "rename")
    assert "fsync" in names[:pack_rename]  # the pack's bytes, then its name, then the folder
    assert "fsync_dir" in names[pack_rename:first_unlink]


def test_an_index_rebuild_after_a_crash_mid_compaction_finds_everything(home: Home) -> None:
    vault, made = busy_vault(home)
    device = vault.device_id
    # A crash right after the pack was written: both the pack and the old files are there.
    kept = {p: p.read_bytes() for p in object_files(home)}
    vault.compact()
    for path, data in kept.items():
        path.write_bytes(data)
    for index_file in home.local_dir.glob("index-*.bin"):
        index_file.unlink()
    again = reopen(home)
    assert again.verify_audit().ok and again.problems() == [] and again.sync_issues() == []
    assert all(again.get_note(n, actor="cli").text.endswith("edited") for n in made)
    again.policy = Policy(min_files=100, min_age_seconds=0)
    assert again.compact().retired == len(kept)  # the next compaction removes them
    assert len(list((home.vault_dir / "data" / device).iterdir())) == 1
    assert again.verify_audit().ok


def test_a_removed_pack_is_reported_not_taken_silently(home: Home) -> None:
    vault, _ = busy_vault(home)
    vault.compact()
    vault.lock()
    pack = max(object_files(home), key=lambda p: p.stat().st_size)  # beside the lock's segment
    pack.unlink()
    again = reopen(home)
    assert any(i.kind == "lost_file" and i.alert for i in again.sync_issues())
    assert not again.verify_audit().ok


def test_kill_minus_nine_leaves_no_stray_temp_file_of_this_device(home: Home) -> None:
    vault = Vault.create(home, PASSPHRASE, keystore=no_keychain(), kdf=CHEAP_KDF)
    own = home.vault_dir / "data" / vault.device_id
    vault.lock()
    stray = own / f".{'ab' * 16}.{'0' * 12}.tmp"  # what a write killed before its rename leaves
    stray.write_bytes(b"half")
    theirs = home.vault_dir / "data" / ("cd" * 16) / f".{'ef' * 16}.{'1' * 12}.tmp"
    theirs.parent.mkdir()
    theirs.write_bytes(b"another device's")
    engine = own / f".syncthing.{'ab' * 16}.tmp"
    engine.write_bytes(b"the sync engine's")
    local = home.local_dir / f".index-x.bin.{'2' * 12}.tmp"
    local.write_bytes(b"half an index")
    reopen(home)
    assert not stray.exists() and not local.exists()
    assert theirs.exists() and engine.exists()  # never another device's or the engine's


def test_a_temp_file_being_written_is_never_swept(home: Home, tmp_path: Path) -> None:
    import os

    from margin.durable import claim
    from margin.vault.tempfiles import sweep

    vault = Vault.create(home, PASSPHRASE, keystore=no_keychain(), kdf=CHEAP_KDF)
    live = home.vault_dir / "data" / vault.device_id / f".{'ab' * 16}.{'3' * 12}.tmp"
    fd = os.open(live, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        claim(fd)  # a writer still at work (this or another process of this computer)
        assert sweep(vault.layout, vault.device_id) == []
        assert live.exists()
    finally:
        os.close(fd)
    assert sweep(vault.layout, vault.device_id) == [live.name]


def test_an_import_of_many_notes_writes_few_files_and_audits_each(vault: Vault,
                                                                   home: Home) -> None:
    before = len(object_files(home))
    seen: list[tuple[int, int]] = []
    items = [{"text": f"imported {n}", "client": f"client {n % 7}"} for n in range(1200)]
    made = vault.create_notes(items, actor="import", progress=lambda d, t: seen.append((d, t)))
    assert len(object_files(home)) == before + 3  # 500 notes a file
    assert seen == [(500, 1200), (1000, 1200), (1200, 1200)]
    creates = [e for e in vault.audit_entries() if e.action == "create" and e.note]
    assert [(e.note, e.detail["version"]) for e in creates] == made
    assert vault.get_note(made[1199][0], actor="cli").text == "imported 1199"
    assert len(vault.list_notes(client="client 3")) == len(range(3, 1200, 7))
    assert vault.verify_audit().ok
