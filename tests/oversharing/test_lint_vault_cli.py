"""`margin lint --vault` as a real process against a real vault: every private note's
sentences that belong in the record, safety first, each linked to its note; --client and
--since; the JSON against its schema; plain errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from margin.schema import first_problem
from tests.conftest import run_margin

PASSPHRASE = "a long recovery passphrase for tests"
NOTES = [
    {"client": c, "date": d, "text": t} for c, d, t in (
        ("Ana", "2026-10-01", "She loved the beach. Started sertraline 50 mg."),
        ("Ana", "2026-11-05", "I wonder about her mother. Denies SI/HI."),
        ("Ben", "2026-11-06", "He talked about his garden and tomatoes."),
        ("Ben", "2026-11-07", "Reports passive SI, no plan; safety plan reviewed."),
    )
]


@pytest.fixture
def vault_home(margin_home: Path, tmp_path: Path) -> tuple[Path, Path]:
    passfile = tmp_path / "pass.txt"
    passfile.write_text(PASSPHRASE)
    assert run_margin(margin_home, "init", "--passphrase-file", str(passfile)).returncode == 0
    notes = tmp_path / "notes.jsonl"
    notes.write_text("".join(json.dumps(n) + "\n" for n in NOTES))
    imported = run_margin(margin_home, "import", "--passphrase-file", str(passfile), str(notes))
    assert imported.returncode == 0, imported.stderr
    return margin_home, passfile


def _lint_vault(home: Path, passfile: Path, *args: str) -> dict:
    result = run_margin(home, "lint", "--vault", "--json", "--passphrase-file", str(passfile),
                        *args)
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert first_problem("vault-lint-report", report) is None
    return report


def test_every_note_with_record_content_safety_first(vault_home: tuple[Path, Path]) -> None:
    report = _lint_vault(*vault_home)
    assert [(n["client"], n["date"]) for n in report["notes"]] == [
        ("Ben", "2026-11-07"), ("Ana", "2026-11-05"), ("Ana", "2026-10-01")]
    assert report["notes"][1]["findings"][0]["category"] == "safety"
    assert "Denies" not in json.dumps(report), "offsets and note ids, never note text"


def test_client_and_since(vault_home: tuple[Path, Path]) -> None:
    only_ana = _lint_vault(*vault_home, "--client", "Ana")
    assert [n["date"] for n in only_ana["notes"]] == ["2026-11-05", "2026-10-01"]
    recent = _lint_vault(*vault_home, "--since", "2026-11-01")
    assert [n["date"] for n in recent["notes"]] == ["2026-11-07", "2026-11-05"]


def test_human_output_names_each_note(vault_home: tuple[Path, Path]) -> None:
    home, passfile = vault_home
    result = run_margin(home, "lint", "--vault", "--passphrase-file", str(passfile))
    assert result.returncode == 1
    assert "SAFETY" in result.stdout and "margin show" in result.stdout


def test_plain_errors(margin_home: Path, tmp_path: Path) -> None:
    no_vault = run_margin(margin_home, "lint", "--vault")
    assert no_vault.returncode == 2 and "Traceback" not in no_vault.stderr
    both = run_margin(margin_home, "lint", "--vault", str(tmp_path / "x.txt"))
    assert both.returncode == 2 and "Traceback" not in both.stderr
    bad_date = run_margin(margin_home, "lint", "--vault", "--since", "yesterday")
    assert bad_date.returncode == 2 and "YYYY-MM-DD" in bad_date.stderr
