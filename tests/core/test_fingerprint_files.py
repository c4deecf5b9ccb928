"""The leak guard's index on disk (issue 18): read back at unlock instead of rebuilt, the
letter fingerprints read only when an OCR check needs them, and rebuilt from the notes
when their file is damaged or belongs to another save."""

from __future__ import annotations

from pathlib import Path

from margin.home import Home
from margin.note_fingerprints import NoteFingerprints
from margin.vault import Vault
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
