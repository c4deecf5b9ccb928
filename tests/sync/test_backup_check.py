"""`margin backup` and `margin check` through the real command; restore with `margin join`."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

import pytest

from tests.conftest import run_margin
from tests.sync.cli import run_sync

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def made(tmp_path: Path) -> tuple[Path, Path, list[str]]:
    """A home with a vault holding two notes; the passphrase file; the note ids."""
    home, secret = tmp_path / "home", tmp_path / "passphrase"
    secret.write_text(PASSPHRASE + "\n")
    assert run_margin(home, "init", "--passphrase-file", str(secret)).returncode == 0
    notes = tmp_path / "notes.jsonl"
    notes.write_text(json.dumps({"client": "Kim", "date": "2026-01-05", "text": "Kim spoke of "
                                 "the lighthouse"}) + "\n" + json.dumps(
        {"client": "Ada", "date": "2026-01-06", "text": "Ada and the orchard"}) + "\n")
    imported = run_margin(home, "import", "--json", str(notes),
                          env={"MARGIN_PASSPHRASE_FILE": str(secret)})
    assert imported.returncode == 0, imported.stderr
    return home, secret, [item["id"] for item in json.loads(imported.stdout)]


def check(home: Path, target: Path, secret: Path, *extra: str) -> tuple[int, dict]:
    done = run_sync(home, "check", "--json", *extra, "--passphrase-file", str(secret),
                    str(target))
    assert done.returncode in (0, 1, 3), done.stderr
    return done.returncode, json.loads(done.stdout)


def test_folder_backup_checks_clean_and_restores_on_a_new_home(
        made: tuple[Path, Path, list[str]], tmp_path: Path) -> None:
    home, secret, ids = made
    destination = tmp_path / "backup"
    done = run_sync(home, "backup", str(destination))
    assert done.returncode == 0, done.stderr
    code, report = check(home, destination, secret, "--read-data")
    assert code == 0 and report["ok"] and report["notes"] == 2, report
    assert run_sync(home, "check", str(destination)).returncode == 0  # without the key too
    restored = tmp_path / "restored-home"
    joined = run_sync(restored, "join", str(destination), "--name", "new laptop",
                      "--passphrase-file", str(secret))
    assert joined.returncode == 0, joined.stderr
    shown = run_margin(restored, "show", ids[0], env={"MARGIN_PASSPHRASE_FILE": str(secret)})
    assert shown.returncode == 0 and "lighthouse" in shown.stdout, shown.stderr
    devices = run_sync(restored, "devices", "--json", "--passphrase-file", str(secret))
    listed = json.loads(devices.stdout)
    assert [d["name"] for d in listed if d["this_device"]] == ["new laptop"]
    assert len(listed) == 2


def test_a_tampered_folder_backup_is_reported(made: tuple[Path, Path, list[str]],
                                              tmp_path: Path) -> None:
    home, secret, _ = made
    destination = tmp_path / "backup"
    assert run_sync(home, "backup", str(destination)).returncode == 0
    victim = max((p for p in (destination / "data").rglob("*") if p.is_file()),
                 key=lambda p: p.stat().st_size)
    data = bytearray(victim.read_bytes())
    data[len(data) // 2] ^= 0x01
    victim.write_bytes(bytes(data))
    without_key = run_sync(home, "check", str(destination))
    assert without_key.returncode == 1 and "changed after the backup" in without_key.stdout
    (destination / "margin-backup.json").unlink()  # the tamperer hides the manifest too
    code, report = check(home, destination, secret, "--read-data")
    assert code == 1
    assert any(f["kind"] == "damaged" and f["path"] for f in report["findings"]), report
    assert "lighthouse" not in json.dumps(report) and "Kim" not in json.dumps(report)


def test_a_missing_file_in_a_backup_breaks_a_chain_and_is_reported(
        made: tuple[Path, Path, list[str]], tmp_path: Path) -> None:
    home, secret, _ = made
    destination = tmp_path / "backup"
    assert run_sync(home, "backup", str(destination)).returncode == 0
    (destination / "margin-backup.json").unlink()
    # Remove a file from the middle of the chain, in the order the vault wrote them (the
    # copies' own times say nothing: the backup may write them in any order).
    def written_at(copy: Path) -> int:
        return (home / "vault" / copy.relative_to(destination)).stat().st_mtime_ns

    files = sorted((p for p in (destination / "data").rglob("*") if p.is_file()), key=written_at)
    files[len(files) // 2].unlink()
    code, report = check(home, destination, secret, "--read-data")
    assert code == 1 and any(f["kind"] == "audit_chain" for f in report["findings"]), report


def test_tar_backup_checks_and_a_tampered_tar_is_reported(
        made: tuple[Path, Path, list[str]], tmp_path: Path) -> None:
    home, secret, ids = made
    archive = tmp_path / "vault-backup.tar"
    assert run_sync(home, "backup", str(archive)).returncode == 0
    assert check(home, archive, secret, "--read-data")[0] == 0
    again = run_sync(home, "backup", str(archive))
    assert again.returncode == 2 and "never overwrites" in again.stderr
    tampered = tmp_path / "tampered.tar"
    with tarfile.open(archive) as source, tarfile.open(tampered, "w") as target:
        for member in source:
            data = source.extractfile(member).read()  # type: ignore[union-attr]
            if member.name.startswith("data/") and len(data) > 600:
                data = data[:-1] + bytes([data[-1] ^ 0x80])
            target.addfile(member, io.BytesIO(data))
    code, report = check(home, tampered, secret, "--read-data")
    assert code == 1 and any(f["kind"] in ("damaged", "altered_file")
                             for f in report["findings"])
    restored_folder = tmp_path / "from-tar"
    with tarfile.open(archive) as source:
        source.extractall(restored_folder, filter="data")
    restored = tmp_path / "restored-home"
    assert run_sync(restored, "join", str(restored_folder), "--passphrase-file",
                    str(secret)).returncode == 0
    shown = run_margin(restored, "show", ids[1], env={"MARGIN_PASSPHRASE_FILE": str(secret)})
    assert "orchard" in shown.stdout


def test_check_errors_are_plain_and_exit_2(made: tuple[Path, Path, list[str]],
                                           tmp_path: Path) -> None:
    home, _, _ = made
    wrong = tmp_path / "wrong"
    wrong.write_text("not the passphrase at all\n")
    done = run_sync(home, "check", "--read-data", "--passphrase-file", str(wrong))
    assert done.returncode == 2 and "Traceback" not in done.stderr and "passphrase" in \
        done.stderr.lower()
    missing = run_sync(home, "check", str(tmp_path / "nowhere"))
    assert missing.returncode == 2 and "no vault or backup" in missing.stderr
    nowhere = run_sync(tmp_path / "other", "join", str(tmp_path / "nowhere"))
    assert nowhere.returncode == 2 and "does not hold a Margin vault" in nowhere.stderr
