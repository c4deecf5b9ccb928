"""The built package: everything Margin reads at run time travels inside it."""

from __future__ import annotations

import subprocess
import tarfile
import zipfile
from pathlib import Path

from tests.install.wheel import REPO_ROOT, Installed

SAFETY_NOTE = "Client reported suicidal ideation last night and has a plan.\n"


def _contract_files() -> set[str]:
    root = REPO_ROOT / "shared_schema"
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def test_the_wheel_carries_the_whole_contract(built: tuple[Path, Path]) -> None:
    names = set(zipfile.ZipFile(built[1]).namelist())
    carried = {n.removeprefix("margin/_shared_schema/") for n in names
               if n.startswith("margin/_shared_schema/")}
    assert carried == _contract_files()
    assert "margin/_shared_schema/lexicon/sentence_model.npz" in names  # the model weights


def test_the_sdist_carries_the_contract_and_no_tests(built: tuple[Path, Path]) -> None:
    with tarfile.open(built[0]) as sdist:
        names = {n.split("/", 1)[1] for n in sdist.getnames() if "/" in n}
    carried = {n.removeprefix("src/margin/_shared_schema/") for n in names
               if n.startswith("src/margin/_shared_schema/")}
    assert carried == _contract_files()
    assert not any(n.startswith("tests/") for n in names)


def test_installed_margin_reads_the_contract_from_the_package(
        installed: Installed, tmp_path: Path) -> None:
    probe = ("import margin.schema, margin.lint.lexicon as lx; "
             "print(margin.schema.schema_root()); print(lx.lexicon_dir())")
    out = subprocess.run([str(installed.python), "-c", probe], cwd=installed.cwd,
                         capture_output=True, text=True, check=True).stdout.split()
    for folder in out:
        assert Path(folder).is_relative_to(installed.venv), folder


def test_installed_margin_runs_outside_the_repository(
        installed: Installed, tmp_path: Path) -> None:
    help_text = installed.run("--help", home=tmp_path)
    assert help_text.returncode == 0, help_text.stderr
    assert "margin" in help_text.stdout.lower()

    status = installed.run("status", home=tmp_path)
    assert status.returncode == 0, status.stderr
    assert "Margin is not running" in status.stdout

    note = installed.cwd / "note.txt"
    note.write_text(SAFETY_NOTE)
    lint = installed.run("lint", "--json", str(note), home=tmp_path)
    assert lint.returncode == 1, lint.stderr  # flagged: safety belongs in the record
    assert "safety" in lint.stdout
