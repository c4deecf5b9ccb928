"""Issue 21 item 5: a leak-guard match that is record content by the linter's rules is not a
leak. Real vault, real fingerprint index, real guard matches (NoteFingerprints.check)."""

from __future__ import annotations

import os
from pathlib import Path

from margin.home import Home
from margin.matcher import FingerprintIndex
from margin.note_fingerprints import NoteFingerprints
from margin.oversharing.agreement import MESSAGE, audit_detail, record_content, split_matches
from margin.oversharing.operations import guard_split
from margin.vault import Vault
from tests.vault.helpers import CHEAP_KDF, PASSPHRASE, no_keychain

RISK = ("She said she has been saving her sleeping pills in a jar and thinks about taking them "
        "all at once when the kids are at their father's.")
HUNCH = ("I keep wondering whether her lateness is a test of whether I will abandon her the way "
         "her father left when she was seven years old.")


def _fingerprints(tmp_path: Path) -> NoteFingerprints:
    vault = Vault.create(Home(tmp_path / "home"), PASSPHRASE, keystore=no_keychain(),
                         kdf=CHEAP_KDF)
    vault.create_note(f"{RISK}\n{HUNCH}\n", actor="test", client="A. B.")
    fingerprints = NoteFingerprints(vault)
    fingerprints.build()
    return fingerprints


def test_a_copied_safety_sentence_is_documentation_not_a_leak(tmp_path: Path) -> None:
    progress = f"Session 50 min. 🙂 {RISK} Safety plan reviewed."
    matches = _fingerprints(tmp_path).check(progress)
    assert matches, "the guard must see the copied words"
    documented, leaks = split_matches(matches, progress)
    assert leaks == []
    assert [d.category for d in documented] == ["safety"]
    assert documented[0].message == MESSAGE
    [detail] = audit_detail(documented)
    assert detail["category"] == "safety" and detail["documented_in"] == "progress note"
    assert RISK not in str(detail)


def test_a_copied_hypothesis_stays_a_leak(tmp_path: Path) -> None:
    progress = f"Client engaged. {HUNCH}"
    matches = _fingerprints(tmp_path).check(progress)
    assert matches
    assert record_content(matches, progress) == []
    documented, leaks = split_matches(matches, progress)
    assert documented == [] and leaks == matches


def test_a_passage_half_record_half_private_stays_a_leak(tmp_path: Path) -> None:
    progress = f"{RISK} {HUNCH}"
    matches = _fingerprints(tmp_path).check(progress)
    _documented, leaks = split_matches(matches, progress)
    hunch_at = progress.index(HUNCH)
    assert any(m.start <= hunch_at < m.end for m in leaks), "the private half still leaks"


def test_the_guard_answer_splits_leaks_from_documentation(tmp_path: Path) -> None:
    fingerprints = _fingerprints(tmp_path)
    progress = f"🙂 Session 50 min. {RISK}"
    leaks, documented = guard_split(fingerprints.check(progress), progress)
    assert leaks == [] and [d["category"] for d in documented] == ["safety"]
    assert documented[0]["message"] == MESSAGE
    assert set(documented[0]) >= {"start", "end", "note_id", "words"}
    progress = f"🙂 Client engaged. {HUNCH}"
    leaks, documented = guard_split(fingerprints.check(progress), progress)
    assert documented == [] and len(leaks) == 1


def test_a_private_passage_the_linter_misreads_stays_a_leak() -> None:
    """The linter sees risk words in this affair story; the over-sharing check sees a third
    party's secret. Private content wins: a leak, not documentation."""
    note = ("Bartholomew told me that the affair with his business partner's sister started in "
            "the garage apartment after the holiday party and is still going on.")
    index = FingerprintIndex(os.urandom(32))
    index.add("n1", note)
    matches = index.match(note, 12)
    assert matches
    assert record_content(matches, note, units="chars") == []
