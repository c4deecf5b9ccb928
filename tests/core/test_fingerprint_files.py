"""The leak guard's index on disk (issue 18): read back at unlock instead of rebuilt, the
letter fingerprints read only when an OCR check needs them, and rebuilt from the notes
when their file is damaged or belongs to another save."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from margin import note_fingerprints
from margin.home import Home
from margin.matcher import postings
from margin.matcher.sorted_runs import PutAside
from margin.note_fingerprints import NoteFingerprints
from margin.scan import scan_paths
from margin.vault import Vault
from tests.matcher.test_postings import invented_notes
from tests.scan.corpus.corpus_text import NOTES
from tests.vault.helpers import CHEAP_KDF, PASSPHRASE, no_keychain


def unlocked(root: Path) -> Vault:
    home = Home(root)
    if Vault.exists(home):
        vault = Vault.open(home, keystore=no_keychain())
        vault.unlock_with_passphrase(PASSPHRASE, remember=False)
        return vault
    return Vault.create(home, PASSPHRASE, keystore=no_keychain(), kdf=CHEAP_KDF)


def test_saved_index_comes_back_and_its_letters_only_when_needed(tmp_path: Path) -> None:
    vault = unlocked(tmp_path / "home")
    ids = {vault.create_note(text, actor="cli").id: text for text in NOTES.values()}
    first = NoteFingerprints(vault)
    assert first.catch_up() == len(ids)  # built from every note, saved, letters let go
    assert first.index.letters_waiting
    vault.lock()

    vault = unlocked(tmp_path / "home")
    again = NoteFingerprints(vault)
    assert again.catch_up() == 0  # read from its files: nothing re-read
    assert again.index.letters_waiting
    again.build()  # following the vault, and ready: checks are answered
    note_id, text = next(iter(ids.items()))
    assert [m.note_id for m in again.check(text, 12)] == [note_id]
    assert again.index.letters_waiting  # the word check did not need them
    assert {m.note_id for m in again.index.match_ocr(text, 12)} == {note_id}
    assert not again.index.letters_waiting


def test_a_damaged_letters_file_is_rebuilt_from_the_notes(tmp_path: Path) -> None:
    vault = unlocked(tmp_path / "home")
    ids = {vault.create_note(text, actor="cli").id: text for text in NOTES.values()}
    NoteFingerprints(vault).catch_up()
    (letters,) = vault.home.local_dir.glob("letters-*.bin")
    damaged = bytearray(letters.read_bytes())
    damaged[len(damaged) // 2] ^= 1
    letters.write_bytes(bytes(damaged))
    fingerprints = NoteFingerprints(vault)
    assert fingerprints.catch_up() == 0
    note_id, text = next(iter(ids.items()))
    assert {m.note_id for m in fingerprints.index.match_ocr(text, 12)} == {note_id}


def test_letters_of_another_save_make_the_index_rebuild(tmp_path: Path) -> None:
    vault = unlocked(tmp_path / "home")
    for text in NOTES.values():
        vault.create_note(text, actor="cli")
    NoteFingerprints(vault).catch_up()
    (letters,) = vault.home.local_dir.glob("letters-*.bin")
    older = letters.read_bytes()
    vault.create_note("a new note after the first save, long enough to index", actor="cli")
    fingerprints = NoteFingerprints(vault)
    fingerprints.catch_up()
    fingerprints.index.match_ocr("anything", 12)  # loads the letters: the next save rewrites them
    fingerprints.save()
    letters.write_bytes(older)  # a backup put back the letters of the older save only
    assert NoteFingerprints(vault).catch_up() == len(NOTES) + 1  # the pair does not match


def test_a_first_build_in_bulk_saves_and_answers_as_one_made_note_by_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first build puts its postings and sequences aside (encrypted, in the local
    folder) and is then read back from its files: the same files and the same answers as
    an index made note by note, and nothing left in the local folder but those files."""
    vault = unlocked(tmp_path / "home")
    texts = [*NOTES.values(), *invented_notes(120).values()]
    ids = {note_id: text for (note_id, _), text in zip(
        vault.create_notes([{"text": t} for t in texts], actor="cli"), texts, strict=True)}
    before = set(vault.home.local_dir.iterdir())
    monkeypatch.setattr(note_fingerprints, "BULK_NOTES", 10**9)
    one_by_one = NoteFingerprints(vault)
    one_by_one.catch_up()
    expected = one_by_one.index.to_bytes()
    for made in set(vault.home.local_dir.iterdir()) - before:
        made.unlink()
    monkeypatch.setattr(note_fingerprints, "BULK_NOTES", 10)
    monkeypatch.setattr(postings, "_RUN_PLACES", 500)  # many runs
    monkeypatch.setattr(PutAside, "BATCH", 700)
    in_bulk = NoteFingerprints(vault)
    built = []
    monkeypatch.setattr(in_bulk, "_read_back", lambda real=in_bulk._read_back: (
        built.append(in_bulk.index), real()))
    assert in_bulk.catch_up() == len(ids)
    assert built and built[0]._aside is not None and built[0]._postings.in_runs
    assert in_bulk.index is not built[0]  # read back from its files
    assert in_bulk.index.to_bytes() == expected
    assert sorted(p.name for p in vault.home.local_dir.iterdir()) == sorted(
        p.name for p in before | {vault.home.local_dir / n for n in (
            f"fingerprints-{vault.vault_id}.bin", f"letters-{vault.vault_id}.bin")})
    in_bulk.build()
    one_by_one.build()
    for text in list(ids.values())[::9]:
        check = f"Met for the weekly session. {text} Plan: continue."
        assert in_bulk.check(check, 12) == one_by_one.check(check, 12)
        assert in_bulk.check(check, 12)


def test_a_check_during_a_bulk_saves_streaming_write_waits_for_it_and_is_right(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sync brings many notes while the guard is ready: the catch-up builds them in bulk
    and saves, the file's pieces made from the put-aside runs as they are written. An
    export check that comes meanwhile must wait for the write (it would merge the same
    runs) and then answer with the new notes."""
    vault = unlocked(tmp_path / "home")
    for text in NOTES.values():
        vault.create_note(text, actor="cli")
    fingerprints = NoteFingerprints(vault)
    fingerprints.build()
    monkeypatch.setattr(note_fingerprints, "BULK_NOTES", 10)
    monkeypatch.setattr(postings, "_RUN_PLACES", 500)  # many runs, merged while written
    monkeypatch.setattr(PutAside, "BATCH", 700)
    arriving = list(invented_notes(60).values())
    wanted = arriving[7]
    answers: list[tuple[set[str | None], bool]] = []
    written = threading.Event()
    checking: list[threading.Thread] = []
    write = note_fingerprints.write_atomically

    export = tmp_path / "progress-note-export.txt"
    export.write_text(f"Met for the weekly session. {wanted} Plan: continue weekly.\n")

    def check_meanwhile() -> None:  # as the export check reads the index: not via ``check``
        report = scan_paths([export], fingerprints.index, min_words=12)
        answers.append(({leak.note_id for f in report.files for leak in f.leaks},
                        written.is_set()))

    def write_with_a_check_in_the_middle(path: Path, pieces):  # type: ignore[no-untyped-def]
        def pieces_then_check():
            for number, piece in enumerate(pieces):
                if number == 2 and not checking and path.name.startswith("fingerprints-"):
                    checking.append(threading.Thread(target=check_meanwhile))
                    checking[0].start()
                    checking[0].join(0.5)  # given every chance to run now, if it could
                yield piece
        write(path, pieces_then_check())
        if path.name.startswith("fingerprints-"):
            written.set()

    monkeypatch.setattr(note_fingerprints, "write_atomically", write_with_a_check_in_the_middle)
    made = vault.create_notes([{"text": t} for t in arriving], actor="cli")  # as a sync brings
    assert checking, "the save wrote its pieces without the check coming in between"
    checking[0].join(30)
    new_id = made[7][0]
    assert answers == [({new_id}, True)]  # after the write, and with the arrived note
    assert fingerprints.ready.is_set() and not fingerprints.unread
