"""The compact postings (issue 18) answer exactly as a plain table rebuilt after every
change would, through adds, removals, merges and a trip through bytes; and the whole
index answers alike whether its notes came one by one, in bulk or from bytes."""

from __future__ import annotations

import random
import tempfile
import tracemalloc
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from margin.matcher import FingerprintIndex, glyphs, postings
from margin.matcher.postings import Postings
from tests.scan.corpus.corpus_text import CLEAN_PARAGRAPHS, NOTES

LIMIT = 3  # small, so that the boilerplate limit is met and crossed often
KEY = b"postings-test-key-32-bytes-long!"


def model_lookup(owners: dict[int, list[tuple[int, int]]], probes: list[int]
                 ) -> list[tuple[int, int, int]]:
    """The plain table: fingerprint -> every (owner, position) of the live owners."""
    table: dict[int, list[tuple[int, int]]] = {}
    for owner, pairs in owners.items():
        for key, position in pairs:
            table.setdefault(key, []).append((owner, position))
    found = []
    for q, key in enumerate(probes):
        places = table.get(key, [])
        if 0 < len(places) <= LIMIT:
            found += [(q, owner, position) for owner, position in places]
    return sorted(found)


operations = st.lists(
    st.one_of(
        st.tuples(st.just("add"), st.lists(st.integers(0, 12), max_size=8)),
        st.tuples(st.just("remove"), st.integers(0, 40)),
        st.tuples(st.just("lookup"), st.lists(st.integers(0, 14), max_size=10)),
        st.tuples(st.just("reload"), st.just(0)),
    ),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(operations=operations, merge_at=st.sampled_from([0, 3, 10, 10**6]),
       run_at=st.sampled_from([0, 4, 10**9]), scratch=st.booleans())
def test_lookups_match_a_table_rebuilt_after_every_change(
    operations: list[tuple[str, object]], merge_at: int, run_at: int, scratch: bool
) -> None:
    """Also with sorted runs (a bulk build), in memory or put aside in a folder."""
    with pytest.MonkeyPatch.context() as patch, tempfile.TemporaryDirectory() as folder:
        patch.setattr(postings, "_MERGE_PLACES", merge_at)
        patch.setattr(postings, "_RUN_PLACES", run_at)
        check_against_the_table(operations, Path(folder) if scratch else None)


def streamed(table: Postings, owners: list[int]) -> tuple[np.ndarray, ...]:
    """``export_streamed`` read back as ``export`` gives it."""
    lengths, count, pieces = table.export_streamed(owners)
    data = b"".join(pieces)
    assert len(data) == 12 * count
    return (lengths, np.frombuffer(data, "<u8", count),
            np.frombuffer(data, "<u4", count, offset=8 * count))


def check_against_the_table(operations: list[tuple[str, object]], scratch: Path | None
                            ) -> None:
    table = Postings()
    table.scratch = scratch
    live: dict[int, list[tuple[int, int]]] = {}  # owner -> (key, position)
    renumbered: dict[int, int] = {}  # model owner -> owner in the table
    for kind, value in operations:
        if kind == "add":
            keys = list(value)  # type: ignore[call-overload]
            length = len(keys) + 2
            positions = sorted(random.Random(len(live)).sample(range(length), len(keys)))
            model_owner = len(renumbered)  # never reused, as the index never reuses one
            renumbered[model_owner] = table.add(length, np.array(keys, dtype=np.uint64),
                                                np.array(positions, dtype=np.uint32))
            live[model_owner] = list(zip(keys, positions, strict=True))
        elif kind == "remove":
            mine = sorted(live)
            if mine:
                owner = mine[int(value) % len(mine)]  # type: ignore[call-overload]
                table.remove(renumbered[owner])
                table.remove(renumbered[owner])  # twice: harmless
                del live[owner]
        elif kind == "reload":  # through export/load, as a saved index comes back
            order = sorted(live)
            owners = [renumbered[o] for o in order]
            # streamed (range by range, from runs) before the merge ``export`` makes
            made_later = streamed(table, owners)
            exported = table.export(owners)
            for part, expected in zip(made_later, exported, strict=True):
                assert part.tolist() == expected.tolist()
            table = Postings.load(*exported)
            table.scratch = scratch
            renumbered = {owner: -1 for owner in renumbered}  # the dead are gone
            renumbered.update({owner: number for number, owner in enumerate(order)})
        else:
            probes = list(value)  # type: ignore[call-overload]
            back = {number: owner for owner, number in renumbered.items() if owner in live}
            found_at, owners, positions = table.lookup(np.array(probes, dtype=np.uint64), LIMIT)
            got = sorted(zip(found_at, [back[o] for o in owners], positions, strict=True))
            assert got == model_lookup(live, probes)


def test_one_by_one_in_bulk_and_from_bytes_answer_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = {f"n{i}": text for i, text in enumerate([*NOTES.values(), *CLEAN_PARAGRAPHS])}
    checks = [f"{CLEAN_PARAGRAPHS[1]} {text} {CLEAN_PARAGRAPHS[3]}" for text in NOTES.values()]
    bulk = FingerprintIndex(KEY)
    for note_id, text in texts.items():
        bulk.add(note_id, text)
    monkeypatch.setattr(postings, "_MERGE_PLACES", 5)  # merge at almost every lookup
    single = FingerprintIndex(KEY)
    for note_id, text in texts.items():
        single.add(note_id, text)
        single.match(checks[0], 8)
    for note_id in list(texts)[::3]:  # edits and deletes on both
        for index in (bulk, single):
            index.remove(note_id)
            index.add(f"{note_id}-again", texts[note_id])
    loaded = FingerprintIndex.from_bytes(bulk.to_bytes(), KEY)
    assert loaded.to_bytes() == bulk.to_bytes() == single.to_bytes()
    for text in checks:
        expected = bulk.match(text, 8)
        assert expected
        assert single.match(text, 8) == loaded.match(text, 8) == expected
        assert single.match_ocr(text, 12) == loaded.match_ocr(text, 12) == bulk.match_ocr(text, 12)


def test_letters_loaded_when_first_needed_with_the_changes_made_meanwhile() -> None:
    notes = list(NOTES.items())
    full = FingerprintIndex(KEY)
    for note_id, text in notes:
        full.add(note_id, text)
    words, letters = full.to_parts()
    assert letters is not None
    loads: list[int] = []

    def letters_from_disk() -> bytes:
        loads.append(1)
        return b"".join(letters)

    deferred = FingerprintIndex.from_bytes(b"".join(words), KEY, letters=letters_from_disk)
    first_id, first_text = notes[0]
    second_id, second_text = notes[1]
    for index in (full, deferred):  # an edit, a delete and a new note before any OCR check
        index.add(first_id, first_text + " and one more sentence about the week")
        index.remove(second_id)
        index.add("new", second_text)
    # Saved and loaded again still waiting: the changes travel with the words' part.
    words_again, no_letters = deferred.to_parts()
    assert no_letters is None and deferred.letters_waiting
    deferred = FingerprintIndex.from_bytes(b"".join(words_again), KEY, letters=letters_from_disk)
    assert not loads
    for _note_id, text in notes:
        assert deferred.match_ocr(text, 12) == full.match_ocr(text, 12)
        assert deferred.match(text, 8) == full.match(text, 8)
    assert loads == [1] and not deferred.letters_waiting
    assert deferred.to_bytes() == full.to_bytes()


def test_letters_let_go_after_a_save_come_back_for_an_ocr_check() -> None:
    index = FingerprintIndex(KEY)
    for note_id, text in NOTES.items():
        index.add(note_id, text)
    expected = {note_id: index.match_ocr(text, 12) for note_id, text in NOTES.items()}
    _, letters = index.to_parts()
    assert letters is not None
    index.defer_letters(lambda: b"".join(letters))
    assert index.letters_waiting
    for note_id, text in NOTES.items():
        assert index.match_ocr(text, 12) == expected[note_id]
    assert not index.letters_waiting


def invented_notes(count: int, words: int = 150) -> dict[str, str]:
    rng = random.Random(18)
    vocabulary = ["".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=rng.randint(3, 9)))
                  for _ in range(3000)]
    return {f"note-{i}": " ".join(rng.choices(vocabulary, k=words)) for i in range(count)}


def test_a_bulk_build_in_sorted_runs_is_the_whole_build_byte_for_byte(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The first index of a vault, built in runs put aside in a folder and merged range by
    range, is the index built whole: the same bytes, the same matches, nothing left
    behind in the folder."""
    texts = {**invented_notes(60), **{f"n{i}": t for i, t in enumerate(NOTES.values())}}
    removed = list(texts)[5::7]
    whole = FingerprintIndex(KEY)
    monkeypatch.setattr(postings, "_RUN_PLACES", 300)  # a run every few notes
    in_runs = FingerprintIndex(KEY)
    in_runs.use_scratch(tmp_path)
    for index, runs_at in ((whole, 10**9), (in_runs, 300)):
        monkeypatch.setattr(postings, "_RUN_PLACES", runs_at)
        for note_id, text in texts.items():
            index.add(note_id, text)
        for note_id in removed:  # deletes and edits once runs are made
            index.remove(note_id)
        index.add(removed[0], texts[removed[1]])
    assert in_runs._postings.in_runs and in_runs._glyphs._postings.in_runs
    assert not whole._postings.in_runs
    words, letters = in_runs.to_parts()
    assert letters is not None and any(tmp_path.iterdir()) is False
    expected_words, expected_letters = whole.to_parts()
    assert b"".join(words) == b"".join(expected_words)
    assert b"".join(letters) == b"".join(expected_letters)
    for note_id, text in list(texts.items())[:12]:
        check = f"{CLEAN_PARAGRAPHS[0]} {text} {CLEAN_PARAGRAPHS[2]}"
        assert in_runs.match(check, 8) == whole.match(check, 8)
        assert (note_id in removed) != bool(whole.match(check, 8)) or note_id == removed[1]
        assert in_runs.match_ocr(check, 12) == whole.match_ocr(check, 12)
    assert in_runs.to_bytes() == whole.to_bytes()


def test_a_bulk_builds_letters_are_written_range_by_range(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The letter fingerprints of a first build are let go once saved: writing them never
    holds them sorted whole in memory (that made the peak of a first index of 100,000
    notes 1.6 GB), only one range of fingerprints at a time."""
    monkeypatch.setattr(postings, "_RUN_PLACES", 2_000)
    index = FingerprintIndex(KEY)
    index.use_scratch(tmp_path)
    for note_id, text in invented_notes(300).items():
        index.add(note_id, text)
    size = 0
    tracemalloc.start()
    try:
        for piece in glyphs.pack(index._glyphs):
            size += len(piece)
            del piece
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert size > 500_000  # enough postings that a whole copy would show
    # sorted whole (the keys, the places, their order, renumbered places): over 1.5 times
    # their size; range by range: a share a few runs and ranges make
    assert peak < size / 2, (peak, size)


def test_notes_sharing_only_lone_five_word_phrases_are_not_followed(
    monkeypatch: pytest.MonkeyPatch
) -> None:
    """A text shares chance five-word phrases with more notes the larger the vault; a note
    where each stands alone (no neighbouring k-gram shared) cannot hold a run of the
    guaranteed length, so its sequence is not read: the check's cost stops growing with
    them. The answers are those of following every hit."""
    rng = random.Random(7)
    words = [f"w{i}" for i in range(10)]  # few words: many chance phrases
    notes = {f"note-{i}": " ".join(rng.choices(words, k=120)) for i in range(300)}
    index = FingerprintIndex.from_bytes(_built(notes).to_bytes(), KEY)
    inside = notes["note-3"]
    checks = [" ".join(rng.choices(words, k=400)) + " " + inside,
              " ".join(rng.choices(inside.split(), k=300)),
              " ".join(rng.choices(words, k=300))]
    read: list[int] = []
    original = FingerprintIndex._sequence
    monkeypatch.setattr(FingerprintIndex, "_sequence",
                        lambda self, slot: read.append(slot) or original(self, slot))
    found = [index.match(text, 8) for text in checks]
    followed = len(set(read))
    monkeypatch.setattr(FingerprintIndex, "_with_a_second_kgram",
                        lambda self, hashes, *hits: hits)
    read.clear()
    assert [index.match(text, 8) for text in checks] == found
    assert any(m.note_id == "note-3" for m in found[0])
    assert followed < len(set(read)) / 3, (followed, len(set(read)))


def _built(notes: dict[str, str]) -> FingerprintIndex:
    index = FingerprintIndex(KEY)
    for note_id, text in notes.items():
        index.add(note_id, text)
    return index


def test_fingerprints_computed_for_many_notes_at_once_are_each_notes_own() -> None:
    """``add_many`` (a first build) gives the index ``add`` gives note by note, short,
    empty and non-ASCII notes among them."""
    notes = [*invented_notes(40).items(), ("empty", ""), ("short", "two words"),
             ("letters", "ab"), ("accents", "Señora Öztürk said «ça va» — 𝔘nicode too"),
             *[(f"n{i}", text) for i, text in enumerate(NOTES.values())]]
    one_by_one = FingerprintIndex(KEY)
    for note_id, text in notes:
        one_by_one.add(note_id, text)
    together = FingerprintIndex(KEY)
    together.add_many(notes[:7])
    together.add_many([])
    together.add_many(notes[7:])
    assert together.to_bytes() == one_by_one.to_bytes()
