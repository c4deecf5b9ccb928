"""The vault from the command line, with and without a running daemon."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import RunningDaemon, run_margin

PASSPHRASE = "correct horse battery staple for tests"


@pytest.fixture
def passfile(tmp_path: Path) -> Path:
    path = tmp_path / "pass.txt"
    path.write_text(PASSPHRASE + "\n")
    return path


@pytest.fixture
def note_files(tmp_path: Path) -> list[Path]:
    first = tmp_path / "first.txt"
    first.write_text("Transference: I felt protective, like with my sister.\n")
    second = tmp_path / "second.md"
    second.write_text("# Hunch\nThe silence after the holiday story matters.\n")
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join(json.dumps(r) for r in [
        {"client": "Rosa Lind", "date": "2026-02-03", "text": "Dream of the flooded cellar."},
        {"client": "Omar Vale", "date": "2026-02-04", "text": "Supervision: pacing."},
    ]) + "\n")
    return [first, second, batch]


def margin_ok(home: Path, *args: str) -> str:
    result = run_margin(home, *args)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def margin_fails(home: Path, *args: str, phrase: str) -> None:
    result = run_margin(home, *args)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert phrase in result.stderr, result.stderr


def test_offline_round_trip(margin_home: Path, passfile: Path, note_files: list[Path],
                            tmp_path: Path) -> None:
    pf = ("--passphrase-file", str(passfile))
    assert "vault is ready" in margin_ok(margin_home, "init", *pf)
    imported = json.loads(margin_ok(margin_home, "import", "--client", "Ada Quill", "--date",
                                    "2026-01-14", "--json", *pf, *map(str, note_files)))
    assert [i["source"] for i in imported] == [
        str(note_files[0]), str(note_files[1]), f"{note_files[2]}:1", f"{note_files[2]}:2"]
    listed = json.loads(margin_ok(margin_home, "notes", "--json", *pf))
    assert len(listed) == 4
    for_rosa = json.loads(margin_ok(margin_home, "notes", "--client", "Rosa Lind", "--json", *pf))
    assert [n["id"] for n in for_rosa] == [imported[2]["id"]]
    shown = margin_ok(margin_home, "show", imported[0]["id"], *pf)
    assert "felt protective" in shown and "Ada Quill" in shown
    out = tmp_path / "export"
    margin_ok(margin_home, "export-notes", str(out), *pf)
    exported = sorted(out.iterdir())
    assert len(exported) == 4
    assert not any("Ada" in p.name or "Rosa" in p.name for p in exported)
    assert any("flooded cellar" in p.read_text() for p in exported)
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in exported)  # this user only
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temp file left
    trail = json.loads(margin_ok(margin_home, "audit", "--verify", "--json", *pf))
    actions = [e["action"] for e in trail["entries"]]
    assert "export" in actions and trail["verification"]["ok"] is True
    assert "intact" in margin_ok(margin_home, "audit", "--verify", *pf)


def test_init_without_a_file_shows_the_recovery_passphrase_once(margin_home: Path,
                                                                  tmp_path: Path) -> None:
    out = margin_ok(margin_home, "init")
    assert "shown only this once" in out and "Write it down" in out
    recovery = next(line.strip() for line in out.splitlines()
                    if line.strip().count("-") == 5 and len(line.strip()) == 35)
    pf = tmp_path / "recovery.txt"
    pf.write_text(recovery)
    assert json.loads(margin_ok(margin_home, "notes", "--json", "--passphrase-file", str(pf))) == []
    margin_fails(margin_home, "init", phrase="already")


def test_wrong_or_missing_passphrase(margin_home: Path, passfile: Path, tmp_path: Path) -> None:
    margin_ok(margin_home, "init", "--passphrase-file", str(passfile))
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("this is not the passphrase")
    margin_fails(margin_home, "notes", "--passphrase-file", str(wrong), phrase="passphrase")
    margin_fails(margin_home, "notes", phrase="no passphrase was given")
    margin_fails(margin_home, "notes", "--passphrase-file", str(tmp_path / "absent.txt"),
                 phrase="could not read a passphrase")


def test_no_vault_yet(margin_home: Path, passfile: Path) -> None:
    margin_fails(margin_home, "notes", "--passphrase-file", str(passfile), phrase="no Margin vault")


def test_bad_import_saves_nothing(margin_home: Path, passfile: Path, tmp_path: Path,
                                  note_files: list[Path]) -> None:
    pf = ("--passphrase-file", str(passfile))
    margin_ok(margin_home, "init", *pf)
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"text": "fine"}\n{not json\n')
    margin_fails(margin_home, "import", *pf, str(note_files[0]), str(broken),
                 phrase="broken.jsonl line 2")
    unknown = tmp_path / "notes.docx"
    unknown.write_bytes(b"PK\x03\x04")
    margin_fails(margin_home, "import", *pf, str(unknown), phrase="not a .txt, .md or .jsonl")
    margin_fails(margin_home, "import", *pf, "--date", "14/01/2026", str(note_files[0]),
                 phrase="YYYY-MM-DD")
    assert json.loads(margin_ok(margin_home, "notes", "--json", *pf)) == []


def test_change_passphrase(margin_home: Path, passfile: Path, tmp_path: Path) -> None:
    margin_ok(margin_home, "init", "--passphrase-file", str(passfile))
    new = tmp_path / "new.txt"
    new.write_text("an entirely new recovery passphrase")
    margin_ok(margin_home, "passphrase", "--passphrase-file", str(passfile),
              "--new-passphrase-file", str(new))
    margin_fails(margin_home, "notes", "--passphrase-file", str(passfile), phrase="passphrase")
    margin_ok(margin_home, "notes", "--passphrase-file", str(new))


def test_commands_go_through_the_running_daemon(daemon: RunningDaemon, passfile: Path,
                                                note_files: list[Path]) -> None:
    home = daemon.home
    margin_ok(home, "init", "--passphrase-file", str(passfile))
    assert daemon.cli("GET", "/v1/vault").json()["unlocked"] is True  # the daemon made it
    imported = json.loads(margin_ok(home, "import", "--json", str(note_files[2])))
    assert len(imported) == 2  # no passphrase needed: the daemon is unlocked
    assert "Locked" in margin_ok(home, "lock")
    margin_fails(home, "notes", phrase="no passphrase was given")
    margin_ok(home, "unlock", "--passphrase-file", str(passfile))
    assert len(json.loads(margin_ok(home, "notes", "--json"))) == 2
    status = json.loads(margin_ok(home, "status", "--json"))
    assert status["vault"] == {"exists": True, "unlocked": True} | {
        k: v for k, v in status["vault"].items() if k not in {"exists", "unlocked"}}
    trail = daemon.cli("GET", "/v1/audit").json()
    assert {e["actor"] for e in trail["entries"]} == {"cli"}


def test_unlock_and_lock_without_a_daemon(margin_home: Path, passfile: Path) -> None:
    margin_ok(margin_home, "init", "--passphrase-file", str(passfile))
    margin_fails(margin_home, "unlock", phrase="Margin is not running")
    assert "is locked" in margin_ok(margin_home, "lock")


def test_export_to_a_folder_that_cannot_be_written_is_a_plain_error(
        margin_home: Path, passfile: Path, note_files: list[Path], tmp_path: Path) -> None:
    pf = ("--passphrase-file", str(passfile))
    margin_ok(margin_home, "init", *pf)
    margin_ok(margin_home, "import", *pf, str(note_files[0]))
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    margin_fails(margin_home, "export-notes", *pf, str(blocker / "inside"),
                 phrase="could not write the decrypted copies")


@pytest.mark.parametrize(("line", "phrase"), [
    ('{"text": "fine", "date": 20260114}', '"date" that is not text'),
    ('{"text": "fine", "client": {"name": "Ada"}}', '"client" that is not text'),
    ('{"text": "' + "word " * 120_000 + '"}', "longer than a note can be"),
    ('{"text": "fine", "date": "2026-1-4"}', "YYYY-MM-DD"),
], ids=["numeric date", "client object", "oversized", "bad date"])
def test_a_bad_later_line_saves_nothing_offline(margin_home: Path, passfile: Path, tmp_path: Path,
                                                line: str, phrase: str) -> None:
    pf = ("--passphrase-file", str(passfile))
    margin_ok(margin_home, "init", *pf)
    notes = tmp_path / "notes.jsonl"
    notes.write_text('{"text": "a first note that is fine"}\n' + line + "\n")
    margin_fails(margin_home, "import", *pf, str(notes), phrase=phrase)
    assert json.loads(margin_ok(margin_home, "notes", "--json", *pf)) == []


def test_a_bad_later_line_saves_nothing_through_the_daemon(daemon: RunningDaemon,
                                                           passfile: Path, tmp_path: Path) -> None:
    pf = ("--passphrase-file", str(passfile))
    margin_ok(daemon.home, "init", *pf)
    notes = tmp_path / "notes.jsonl"
    notes.write_text('{"text": "fine"}\n{"text": "' + "word " * 120_000 + '"}\n')
    margin_fails(daemon.home, "import", *pf, str(notes), phrase="longer than a note can be")
    assert json.loads(margin_ok(daemon.home, "notes", "--json", *pf)) == []


def test_change_passphrase_and_reencrypt(margin_home: Path, passfile: Path, tmp_path: Path,
                                         note_files: list[Path]) -> None:
    """A leaked passphrase: change it and seal this computer's files again with the new key."""
    margin_ok(margin_home, "init", "--passphrase-file", str(passfile))
    margin_ok(margin_home, "import", "--passphrase-file", str(passfile), str(note_files[0]))
    new = tmp_path / "new.txt"
    new.write_text("an entirely new recovery passphrase")
    said = margin_ok(margin_home, "passphrase", "--passphrase-file", str(passfile),
                     "--new-passphrase-file", str(new), "--reencrypt")
    resealed = int(said.split("Sealed ", 1)[1].split(" ", 1)[0])
    assert resealed > 0
    assert json.loads(margin_ok(margin_home, "notes", "--json", "--passphrase-file", str(new)))
