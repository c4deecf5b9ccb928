"""From raw shared runs to the matches a person is shown.

A run is a stretch of the checked text whose k-gram fingerprints equal, one after the
other, those of one private note. A few edited words cut a copied paragraph into several
runs of the same note on (almost) the same diagonal; they are grouped into one match whose
``words`` is the longest run that survived and ``covered_words`` all the shared words.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from margin.matcher.normalize import Words

# Runs of one note this close (in words) and this little shifted (words inserted or
# deleted by the edit) belong to one copied passage.
_GROUP_GAP_WORDS = 12
_GROUP_SHIFT_WORDS = 6
# A run that picks up the note where the previous one stopped continues the same passage
# even after a longer interruption: a page footer and header, a footnote, a caption.
_INTERRUPTION_WORDS = 80
_RESUME_SLACK_WORDS = 6


@dataclass(frozen=True, slots=True)
class Run:
    slot: int  # which note
    first_word: int  # in the checked text
    last_word: int  # inclusive
    note_first_word: int

    @property
    def words(self) -> int:
        return self.last_word - self.first_word + 1

    @property
    def note_last_word(self) -> int:
        return self.note_first_word + self.words - 1

    @property
    def diagonal(self) -> int:
        return self.note_first_word - self.first_word


@dataclass(frozen=True, slots=True)
class Match:
    """Words of the checked text that also stand in one private note.

    ``start``/``end`` are offsets into the checked text as given (never into the note), so
    the caller can mark the span; no private text is held.
    """

    start: int
    end: int
    note_id: str
    words: int  # the longest unbroken shared run
    covered_words: int  # all shared words in the span, edits set aside


def _client_quoted(run: Run, words: Words, note_quoted: frozenset[int]) -> list[bool]:
    """For each word of the run: a short quotation in the checked text AND in the note.

    The client's own words, quoted in the progress note and quoted in the private note
    too, are the client's, not the clinician's private writing. A passage that the note
    holds as the clinician's own words is private however it is marked in the record:
    wrapping a pasted private passage in quotation marks does not hide it.
    """
    offset = run.note_first_word - run.first_word
    return [words.quoted[i] and (i + offset) in note_quoted
            for i in range(run.first_word, run.last_word + 1)]


def _qualifies(group: list[Run], words: Words, quoted: Mapping[int, frozenset[int]], min_words: int,
               guaranteed: int) -> bool:
    """A group is a leak when it has one long run, or several runs that together are long.

    Words of a client quote (quoted in both texts) count for little: a client's sentence
    quoted both in the record and in a private note is not by itself a leak.
    """
    enough_unquoted = math.ceil(min_words / 2)

    def counts(run: Run) -> bool:
        if run.words < guaranteed:
            return False
        note_quoted = quoted.get(run.slot)
        client = _client_quoted(run, words, note_quoted) if note_quoted else []
        return not any(client) or client.count(False) >= enough_unquoted

    longest = max(group, key=lambda r: r.words)
    if longest.words >= min_words and counts(longest):
        return True
    solid = [r for r in group if counts(r)]
    return len(solid) >= 2 and sum(r.words for r in solid) >= math.ceil(min_words * 1.5)


def group_runs(runs: list[Run]) -> list[list[Run]]:
    by_note: dict[int, list[Run]] = {}
    for run in runs:
        by_note.setdefault(run.slot, []).append(run)
    groups: list[list[Run]] = []
    for note_runs in by_note.values():
        note_runs.sort(key=lambda r: (r.first_word, r.last_word))
        current: list[Run] = [note_runs[0]]
        for run in note_runs[1:]:
            last = current[-1]
            gap = run.first_word - last.last_word
            aligned = abs(run.diagonal - last.diagonal) <= _GROUP_SHIFT_WORDS
            resumed = -2 <= run.note_first_word - last.note_last_word - 1 <= _RESUME_SLACK_WORDS
            if (gap <= _GROUP_GAP_WORDS and aligned) or (gap <= _INTERRUPTION_WORDS and resumed):
                current.append(run)
            else:
                groups.append(current)
                current = [run]
        groups.append(current)
    return groups


def of_notes_with_a_long_run(runs: list[Run], guaranteed: int) -> list[Run]:
    """The runs of the notes that have a run of at least ``guaranteed`` words: a note
    without one never qualifies (``_qualifies`` counts no shorter run), and the larger the
    vault, the more notes share a chance five-word phrase with a text (the check's cost
    grew with the vault through them)."""
    slots = {run.slot for run in runs if run.words >= guaranteed}
    return [run for run in runs if run.slot in slots] if len(slots) < len(runs) else runs


def may_qualify(runs: list[Run], min_words: int, guaranteed: int) -> bool:
    """Whether any group could be a leak, quotations aside (they only take words away).

    Most texts share a few five-word phrases with some note by chance; this lets the
    matcher skip working out offsets for them.
    """
    long_runs = [r for r in runs if r.words >= guaranteed]
    if not long_runs:
        return False
    if any(r.words >= min_words for r in long_runs):
        return True
    return any(
        len(group) >= 2 and sum(r.words for r in group) >= math.ceil(min_words * 1.5)
        for group in group_runs(long_runs)
    )


def to_matches(
    runs: list[Run],
    words: Words,
    note_ids: Mapping[int, str | None],  # slot -> note id
    quoted: Mapping[int, frozenset[int]],  # slot -> quoted positions (absent: none)
    *,
    min_words: int,
    guaranteed: int,
) -> list[Match]:
    matches: list[Match] = []
    for group in group_runs(runs) if runs else []:
        if not _qualifies(group, words, quoted, min_words, guaranteed):
            continue
        first = min(r.first_word for r in group)
        last = max(r.last_word for r in group)
        covered: set[int] = set()
        for r in group:
            covered.update(range(r.first_word, r.last_word + 1))
        note_id = note_ids[group[0].slot]
        assert note_id is not None
        matches.append(
            Match(
                start=words.starts[first],
                end=words.ends[last],
                note_id=note_id,
                words=max(r.words for r in group),
                covered_words=len(covered),
            )
        )
    matches.sort(key=lambda m: (m.start, m.note_id))
    return matches
