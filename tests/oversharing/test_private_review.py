"""Review of the vault (issue 21 item 4): every private note's record sentences, safety
first, each linked to its note; filters by client and date. A real vault in-process."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from margin.home import Home
from margin.oversharing.operations import lint_vault
from margin.oversharing.private_review import chosen_notes, report_json, review_private_notes
from margin.schema import first_problem
from margin.vault import Vault
from tests.vault.helpers import CHEAP_KDF, PASSPHRASE, no_keychain

NOTES = [
    ("Ana", "2026-10-01", "She loved the beach as a child. Started sertraline 50 mg."),
    ("Ana", "2026-11-05", "I wonder about her mother. Denies SI/HI.\nPHQ-9 today 12."),
    ("Ben", "2026-11-06", "He talked about his garden and the tomatoes."),
    ("Ben", "2026-11-07", "Reports passive SI, no plan; safety plan reviewed."),
]


def _vault(tmp_path: Path) -> Vault:
    vault = Vault.create(Home(tmp_path / "home"), PASSPHRASE, keystore=no_keychain(),
                         kdf=CHEAP_KDF)
    for client, date, text in NOTES:
        vault.create_note(text, actor="test", client=client,
                          context={"appointment_date": date})
    return vault


def _review(vault: Vault, **filters: Any) -> list[Any]:
    chosen = chosen_notes([s.to_json() for s in vault.list_notes()], **filters)
    texts = dict(vault.iter_texts(actor="test", purpose="lint", only=[s["id"] for s in chosen]))
    return review_private_notes(chosen, texts)


def test_notes_with_record_content_are_listed_safety_first(tmp_path: Path) -> None:
    vault = _vault(tmp_path)
    reviews = _review(vault)
    assert [(r.client, r.date) for r in reviews] == [
        ("Ben", "2026-11-07"), ("Ana", "2026-11-05"), ("Ana", "2026-10-01")]
    ana_november = reviews[1]
    assert [f.category for f in ana_november.findings] == ["safety", "test_results"]
    text = vault.get_note(ana_november.note_id, actor="test").text
    assert text[ana_november.findings[0].start:ana_november.findings[0].end] == "Denies SI/HI."
    shown = report_json(reviews)
    assert first_problem("vault-lint-report", shown) is None
    assert shown["notes"][0]["note_id"] == reviews[0].note_id
    assert "Denies" not in str(shown), "the report gives offsets, never note text"


def test_client_and_since_filters(tmp_path: Path) -> None:
    vault = _vault(tmp_path)
    assert [r.date for r in _review(vault, client="Ana")] == ["2026-11-05", "2026-10-01"]
    assert [r.date for r in _review(vault, since="2026-11-01")] == ["2026-11-07", "2026-11-05"]


def test_the_operation_reads_the_notes_in_one_audited_pass(tmp_path: Path) -> None:
    vault = _vault(tmp_path)
    before = len(vault.audit_entries())
    shown = lint_vault(vault, {"client": "Ben"}, actor="test")
    assert [n["date"] for n in shown["notes"]] == ["2026-11-07"]
    assert len(vault.audit_entries()) == before + 1


def test_with_text_gives_the_vault_page_texts_versions_and_utf16_offsets(tmp_path: Path) -> None:
    vault = _vault(tmp_path)
    note = vault.create_note("\U0001F33B Sunflowers. Denies SI/HI.", client="Cy", actor="test")
    plain = lint_vault(vault, {"client": "Cy"}, actor="test")
    assert "text" not in plain["notes"][0], "the command's report never repeats note text"
    shown = lint_vault(vault, {"client": "Cy", "with_text": True}, actor="test")
    assert first_problem("vault-lint-report", shown) is None
    entry = shown["notes"][0]
    assert (entry["text"], entry["version"]) == (note.text, note.version)
    finding = entry["findings"][0]
    # JavaScript counts the sunflower as two code units.
    assert entry["text"].encode("utf-16-le")[2 * finding["start"]:2 * finding["end"]].decode(
        "utf-16-le") == "Denies SI/HI."
    assert first_problem("vault-lint-request", {"with_text": True}) is None
