"""`margin lint` as a real process: exit codes, JSON shape (checked against the schema),
human output, and the error cases (missing, folder, binary, not UTF-8)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from referencing import Registry, Resource

SCHEMAS = Path(__file__).resolve().parents[2] / "shared_schema" / "schemas"


def margin_lint(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "margin", "lint", *map(str, args)],
                          capture_output=True, text=True, timeout=60, check=False)


def cli_report_validator() -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMAS / "lint-response.json").read_text())
    registry = Registry().with_resource(schema["$id"], Resource.from_contents(schema))
    return jsonschema.Draft202012Validator({"$ref": schema["$id"] + "#/$defs/cliReport"},
                                           registry=registry)


@pytest.fixture
def notes(tmp_path: Path) -> dict[str, Path]:
    files = {
        "clean": "We talked about her garden.\nShe seemed lighter today.\n",
        "flagged": "Talked about her trip.\n- Denies SI/HI\n- Zoloft 50 mg, tolerating\n",
    }
    paths = {}
    for name, text in files.items():
        paths[name] = tmp_path / f"{name}.txt"
        paths[name].write_text(text, encoding="utf-8")
    return paths


def test_exit_0_when_nothing_is_flagged(notes: dict[str, Path]) -> None:
    result = margin_lint(notes["clean"])
    assert result.returncode == 0, result.stderr
    assert "nothing to move" in result.stdout


def test_exit_1_and_line_numbers_when_something_is_flagged(notes: dict[str, Path]) -> None:
    result = margin_lint(notes["flagged"])
    assert result.returncode == 1, result.stderr
    assert "line 2: [SAFETY] Denies SI/HI" in result.stdout
    assert "line 3: [medication]" in result.stdout


def test_json_output_matches_the_schema_and_the_text(notes: dict[str, Path]) -> None:
    result = margin_lint("--json", notes["clean"], notes["flagged"])
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    cli_report_validator().validate(report)
    clean, flagged = report["files"]
    assert clean == {"path": str(notes["clean"]), "findings": []}
    text = notes["flagged"].read_text()
    assert [(text[f["start"]:f["end"]], f["category"], f["severity"])
            for f in flagged["findings"]] == [("Denies SI/HI", "safety", "critical"),
                                               ("Zoloft 50 mg, tolerating", "medication",
                                                "warning")]


def test_the_schema_rejects_a_wrong_shape() -> None:
    bad = {"files": [{"path": "a.txt", "findings": [{"start": 0, "end": 3,
                                                      "category": "gossip",
                                                      "severity": "warning", "message": "x"}]}]}
    with pytest.raises(jsonschema.ValidationError):
        cli_report_validator().validate(bad)


@pytest.mark.parametrize(("make", "says"), [
    (lambda d: d / "missing.txt", "does not exist"),
    (lambda d: d, "could not be read"),
    (lambda d: _write(d / "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR"), "not a plain text"),
    (lambda d: _write(d / "latin1.txt", "café".encode("latin-1")), "not a plain text"),
])
def test_errors_exit_2_with_a_sentence_and_no_traceback(tmp_path: Path, make, says) -> None:
    result = margin_lint(make(tmp_path))
    assert result.returncode == 2
    assert says in result.stderr
    assert "nothing was changed" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_an_error_in_any_file_stops_before_printing_findings(notes: dict[str, Path]) -> None:
    result = margin_lint("--json", notes["flagged"], notes["flagged"].parent / "gone.txt")
    assert result.returncode == 2
    assert "gone.txt" in result.stderr
    assert result.stdout == ""


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
