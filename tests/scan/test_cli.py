"""`margin scan` through click, on real files: exit codes, JSON that meets the schema, words."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from margin.cli import cli
from margin.cli.scan_cmd import scan
from tests.scan.conftest import CORPUS

FILES = CORPUS / "files"
NOTES = str(CORPUS / "notes.jsonl")


def run(*args: str):
    return CliRunner().invoke(scan, ["--notes-jsonl", NOTES, *args])


def test_clean_files_exit_0_and_say_so() -> None:
    result = run(str(FILES / "clean_reportlab.pdf"), str(FILES / "clean_bundle.zip"))
    assert result.exit_code == 0, result.output
    assert "clean" in result.output
    assert "none of your private notes" in result.output


def test_a_leak_exits_1_and_names_note_and_page() -> None:
    result = run(str(FILES / "clean_page.html"), str(FILES / "leak_hyphenated_headers.pdf"))
    assert result.exit_code == 1, result.output
    assert "LEAK" in result.output
    assert "private note n-harbor" in result.output
    assert "page 1 to page 2" in result.output


def test_unverifiable_without_leak_exits_3_with_reason() -> None:
    result = run(str(FILES / "clean_notes.txt"), str(FILES / "cannot_user_password.pdf"))
    assert result.exit_code == 3, result.output
    assert "CANNOT VERIFY" in result.output
    assert "password" in result.output


def test_json_report_of_a_folder_meets_the_schema(tmp_path: Path, report_validator) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    for name in ("leak_nested.zip", "cannot_user_password.pdf", "clean_ccda.xml"):
        shutil.copy(FILES / name, folder / name)
    result = run("--json", str(folder))
    assert result.exit_code == 1, result.output
    document = json.loads(result.output)
    report_validator.validate(document)
    verdicts = {Path(f["path"]).name: f["verdict"] for f in document["files"]}
    assert verdicts == {
        "leak_nested.zip": "leak",
        "cannot_user_password.pdf": "cannot_verify",
        "clean_ccda.xml": "clean",
    }


def test_min_words_is_honoured() -> None:
    # The edited note survives only in runs of 18 words at most.
    assert run("--min-words", "18", str(FILES / "leak_edited_words.docx")).exit_code == 1
    result = run("--min-words", "60", str(FILES / "leak_edited_words.docx"))
    assert result.exit_code == 0, result.output
    assert run("--min-words", "7", str(FILES / "clean_page.html")).exit_code == 2


def test_errors_exit_2_with_a_sentence_and_no_traceback(tmp_path: Path) -> None:
    missing = run(str(tmp_path / "nothing-here.pdf"))
    assert missing.exit_code == 2
    assert "There is no file or folder" in missing.output
    assert "Traceback" not in missing.output
    without_vault = CliRunner().invoke(
        cli, ["--home", str(tmp_path / "home"), "scan", str(FILES / "clean_page.html")])
    assert without_vault.exit_code == 2
    assert "There is no Margin vault here yet" in without_vault.output
    bad_notes = tmp_path / "notes.jsonl"
    bad_notes.write_text("not json\n")
    result = CliRunner().invoke(scan, ["--notes-jsonl", str(bad_notes), str(FILES)])
    assert result.exit_code == 2
    assert "notes file" in result.output
