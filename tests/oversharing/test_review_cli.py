"""`margin review` as a real process: exit codes, the JSON report against its schema, the
comparison with the private notes skipped with no vault, and done against a real vault
(in this process and through the running daemon), record content reported apart."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import jsonschema
import pytest
from referencing import Registry, Resource

from margin.schema import first_problem
from tests.conftest import RunningDaemon, run_margin

SCHEMAS = Path(__file__).resolve().parents[2] / "shared_schema" / "schemas"
PASSPHRASE = "a long recovery passphrase for tests"
RISK = ("She said she has been saving her sleeping pills in a jar and thinks about taking them "
        "all at once when the kids are at their father's.")
HUNCH = ("I keep wondering whether her lateness is a test of whether I will abandon her the way "
         "her father left when she was seven years old.")


def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMAS / "review-response.json").read_text())
    registry = Registry().with_resource(schema["$id"], Resource.from_contents(schema))
    return jsonschema.Draft202012Validator({"$ref": schema["$id"] + "#/$defs/cliReport"},
                                           registry=registry)


@pytest.fixture
def passfile(tmp_path: Path) -> Path:
    path = tmp_path / "pass.txt"
    path.write_text(PASSPHRASE)
    return path


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_without_a_vault_it_reviews_and_says_the_comparison_was_skipped(
        margin_home: Path, tmp_path: Path) -> None:
    note = _write(tmp_path, "note.txt", "Client engaged.\nI felt bored and sleepy all hour.\n")
    result = run_margin(margin_home, "review", "--json", str(note))
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    validator().validate(report)
    [entry] = report["files"]
    assert entry["path"] == str(note) and entry["leak"] is None
    [finding] = entry["findings"]
    assert note.read_text()[finding["start"]:finding["end"]] == "I felt bored and sleepy all hour."
    assert "skipped" in result.stderr
    human = run_margin(margin_home, "review", str(note))
    assert "[transference] I felt bored" in human.stdout and "skipped" in human.stdout


def test_exit_codes_clean_error_and_unreadable(margin_home: Path, tmp_path: Path) -> None:
    clean = _write(tmp_path, "clean.txt", "Client engaged. Plan: continue weekly sessions.\n")
    assert run_margin(margin_home, "review", str(clean)).returncode == 0
    missing = run_margin(margin_home, "review", str(tmp_path / "nowhere.txt"))
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
    assert "no file or folder" in missing.stderr
    export = tmp_path / "export.zip"
    with zipfile.ZipFile(export, "w") as archive:
        archive.writestr("note.txt", clean.read_text())
        archive.writestr("scan.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    unread = run_margin(margin_home, "review", str(export))
    assert unread.returncode == 3, unread.stdout
    assert "scan.png" in unread.stdout


def _vault_with_note(home: Path, passfile: Path, tmp_path: Path) -> None:
    assert run_margin(home, "init", "--passphrase-file", str(passfile)).returncode == 0
    private = _write(tmp_path, "private.txt", f"{RISK}\n{HUNCH}\n")
    imported = run_margin(home, "import", "--passphrase-file", str(passfile), str(private))
    assert imported.returncode == 0, imported.stderr


def _compared(home: Path, passfile: Path, tmp_path: Path) -> dict[str, dict]:
    documented = _write(tmp_path, "documented.txt", f"Session 50 min.\n{RISK}\n")
    leaking = _write(tmp_path, "leaking.txt", f"Client engaged.\n{HUNCH}\n")
    result = run_margin(home, "review", "--json", "--passphrase-file", str(passfile),
                        str(documented), str(leaking))
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    validator().validate(report)
    return {Path(f["path"]).name: f["leak"] for f in report["files"]}


def test_with_the_vault_record_content_is_not_a_leak(
        margin_home: Path, passfile: Path, tmp_path: Path) -> None:
    _vault_with_note(margin_home, passfile, tmp_path)
    leaks = _compared(margin_home, passfile, tmp_path)
    assert leaks["documented.txt"]["verdict"] == "clean"
    assert [r["category"] for r in leaks["documented.txt"]["record_content"]] == ["safety"]
    assert leaks["leaking.txt"]["verdict"] == "leak"
    assert leaks["leaking.txt"]["record_content"] == []


def test_through_the_running_daemon(daemon: RunningDaemon, passfile: Path,
                                    tmp_path: Path) -> None:
    _vault_with_note(daemon.home, passfile, tmp_path)
    leaks = _compared(daemon.home, passfile, tmp_path)
    assert leaks["documented.txt"]["verdict"] == "clean"
    assert leaks["leaking.txt"]["verdict"] == "leak"


def test_margin_scan_reports_record_content_apart_from_leaks(
        margin_home: Path, passfile: Path, tmp_path: Path) -> None:
    _vault_with_note(margin_home, passfile, tmp_path)
    documented = _write(tmp_path, "documented.txt", f"Session 50 min.\n{RISK}\n")
    result = run_margin(margin_home, "scan", "--json", "--passphrase-file", str(passfile),
                        str(documented))
    assert result.returncode == 0, result.stdout
    report = json.loads(result.stdout)
    assert first_problem("scan-report", report) is None
    [found] = report["files"][0]["record_content"]
    assert found["category"] == "safety" and report["verdict"] == "clean"
    human = run_margin(margin_home, "scan", "--passphrase-file", str(passfile), str(documented))
    assert "not a leak" in human.stdout and "belong in the record" in human.stdout
