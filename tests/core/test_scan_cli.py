"""`margin scan` against the real vault: the corpus's notes imported with `margin import`,
its exports checked with and without a running daemon, every verdict as expected."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from margin.schema import first_problem
from tests.conftest import RunningDaemon, run_margin

CORPUS = Path(__file__).resolve().parents[1] / "scan" / "corpus"
PASSPHRASE = "a long recovery passphrase for tests"
EXIT_CODES = {"clean": 0, "leak": 1, "cannot_verify": 3}


def _import_corpus_notes(home: Path, passfile: Path) -> dict[str, str]:
    """Import notes.jsonl; return corpus note id -> vault note id."""
    corpus_ids = [json.loads(line)["id"] for line in
                  (CORPUS / "notes.jsonl").read_text().splitlines() if line.strip()]
    result = run_margin(home, "import", "--json", "--passphrase-file", str(passfile),
                        str(CORPUS / "notes.jsonl"))
    assert result.returncode == 0, result.stderr
    vault_ids = [item["id"] for item in json.loads(result.stdout)]
    return dict(zip(corpus_ids, vault_ids, strict=True))


def _check(report: dict, ids: dict[str, str]) -> None:
    assert first_problem("scan-report", report) is None
    expected = json.loads((CORPUS / "expected.json").read_text())
    got = {Path(f["path"]).name: f for f in report["files"]}
    assert set(got) == set(expected)
    for name, want in expected.items():
        assert got[name]["verdict"] == want["verdict"], (name, got[name])
        leaking = {leak["note_id"] for leak in _leaks(got[name])}
        assert leaking == {ids[n] for n in want["notes"]}, name


def _leaks(file_report: dict) -> list[dict]:
    found = list(file_report["leaks"])
    for member in file_report["members"]:
        found.extend(_leaks(member))
    return found


@pytest.fixture
def passfile(tmp_path: Path) -> Path:
    path = tmp_path / "pass.txt"
    path.write_text(PASSPHRASE)
    return path


def test_scan_without_a_daemon(margin_home: Path, passfile: Path) -> None:
    assert run_margin(margin_home, "init", "--passphrase-file", str(passfile)).returncode == 0
    ids = _import_corpus_notes(margin_home, passfile)
    result = run_margin(margin_home, "scan", "--json", "--passphrase-file", str(passfile),
                        str(CORPUS / "files"))
    report = json.loads(result.stdout)
    assert result.returncode == EXIT_CODES[report["verdict"]] == 1
    _check(report, ids)
    human = run_margin(margin_home, "scan", "--passphrase-file", str(passfile),
                       str(CORPUS / "files"))
    assert "LEAK" in human.stdout and "CANNOT VERIFY" in human.stdout
    trail = json.loads(run_margin(margin_home, "audit", "--json", "--passphrase-file",
                                  str(passfile)).stdout)
    scans = [e for e in trail["entries"] if e["action"] == "scan"]
    assert len(scans) == 2 and scans[0]["detail"]["verdict"] == "leak"


def test_scan_through_the_running_daemon(daemon: RunningDaemon, passfile: Path) -> None:
    assert run_margin(daemon.home, "init", "--passphrase-file", str(passfile)).returncode == 0
    ids = _import_corpus_notes(daemon.home, passfile)
    result = run_margin(daemon.home, "scan", "--json", str(CORPUS / "files"))
    report = json.loads(result.stdout)
    _check(report, ids)
    clean = [CORPUS / "files" / n for n, e in
             json.loads((CORPUS / "expected.json").read_text()).items() if e["verdict"] == "clean"]
    assert run_margin(daemon.home, "scan", *map(str, clean[:3])).returncode == 0
    recent = daemon.cli("GET", "/v1/watch").json()["recent"]
    assert {Path(r["path"]).name for r in recent} >= {p.name for p in clean[:3]}


def test_scan_errors_are_plain(margin_home: Path, passfile: Path, tmp_path: Path) -> None:
    missing = run_margin(margin_home, "scan", str(tmp_path / "nope.pdf"))
    assert missing.returncode == 2 and "no file or folder" in missing.stderr
    assert "Traceback" not in missing.stderr
    (tmp_path / "x.txt").write_text("hello")
    no_vault = run_margin(margin_home, "scan", "--passphrase-file", str(passfile),
                          str(tmp_path / "x.txt"))
    assert no_vault.returncode == 2 and "no Margin vault" in no_vault.stderr


def test_file_dropped_on_the_vault_page(daemon: RunningDaemon, passfile: Path) -> None:
    from tests.conftest import CHROME_ORIGIN

    assert run_margin(daemon.home, "init", "--passphrase-file", str(passfile)).returncode == 0
    ids = _import_corpus_notes(daemon.home, passfile)
    daemon.pair(CHROME_ORIGIN)
    expected = json.loads((CORPUS / "expected.json").read_text())
    leaky = next(n for n, e in expected.items() if e["verdict"] == "leak" and n.endswith(".pdf"))
    reply = daemon.as_extension("POST", "/v1/scan/upload",
                                raw_body=(CORPUS / "files" / leaky).read_bytes(),
                                headers={"Content-Type": "application/octet-stream",
                                         "X-Margin-Filename": "record%20for%20Ada.pdf"})
    assert reply.status == 200, reply.body
    report = reply.json()
    assert first_problem("scan-report", report) is None
    assert report["verdict"] == "leak" and report["files"][0]["path"] == "record for Ada.pdf"
    assert {leak["note_id"] for leak in _leaks(report["files"][0])} == {
        ids[n] for n in expected[leaky]["notes"]}
    as_json = daemon.as_extension("POST", "/v1/scan/upload", body={"path": "/etc/passwd"})
    assert as_json.status == 415


def test_show_where_thumbnails_go_to_the_extension_only_and_are_audited(
    daemon: RunningDaemon, passfile: Path
) -> None:
    from tests.conftest import CHROME_ORIGIN

    assert run_margin(daemon.home, "init", "--passphrase-file", str(passfile)).returncode == 0
    _import_corpus_notes(daemon.home, passfile)
    daemon.pair(CHROME_ORIGIN)
    upload = {"raw_body": (CORPUS / "files" / "leak_chromium.pdf").read_bytes(),
              "headers": {"Content-Type": "application/octet-stream",
                          "X-Margin-Filename": "record.pdf"}}
    reply = daemon.as_extension("POST", "/v1/scan/upload?thumbnails=true", **upload)
    assert reply.status == 200, reply.body
    report = reply.json()
    assert first_problem("scan-report", report) is None
    (found,) = report["files"]
    pages = {leak["page"] for leak in found["leaks"] if leak.get("boxes")}
    assert pages and pages <= {int(page) for page in found["thumbnails"]}
    assert all(url.startswith("data:image/png;base64,") for url in found["thumbnails"].values())
    plain = daemon.as_extension("POST", "/v1/scan/upload", **upload).json()["files"][0]
    assert "thumbnails" not in plain and any("page" in leak for leak in plain["leaks"])
    as_cli = {**upload["headers"], "Authorization": f"Bearer {daemon.cli_token}"}
    from_cli = daemon.request("POST", "/v1/scan/upload?thumbnails=true",
                              raw_body=upload["raw_body"], headers=as_cli)
    assert from_cli.status == 200 and "thumbnails" not in from_cli.json()["files"][0]
    trail = daemon.cli("GET", "/v1/audit").json()["entries"]  # newest first
    shown = [e["detail"].get("pages_shown") for e in trail if e["action"] == "scan"]
    assert shown == [None, None, len(found["thumbnails"])]
