"""How far a check has got (issue 18): files and archive members found and done, and pages
of pictures read by OCR, as the vault page's bar shows them; nothing left once it ends."""

from __future__ import annotations

import io
import threading
import zipfile
from pathlib import Path

from margin.cli.scan_cmd import index_from_jsonl
from margin.scan import Scanner
from margin.scan.progress import Checks

PICTURES = Path(__file__).parent / "pictures" / "files"


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_files_members_and_pages_are_counted_while_the_check_runs() -> None:
    index = index_from_jsonl(PICTURES.parent / "notes.jsonl")
    inner = zipped({"a.txt": b"first plain words", "b.txt": b"second plain words"})
    scanned = (PICTURES / "container_pdf_scanned_page_leak.pdf").read_bytes()
    outer = zipped({"notes.txt": b"some words", "inner.zip": inner, "scan.pdf": scanned})
    checks = Checks()
    seen: list[dict[str, object]] = []
    stop = threading.Event()

    def watch() -> None:  # as the vault page polls watch_state during the check
        while not stop.wait(0.01):
            seen.extend(checks.to_json())

    watcher = threading.Thread(target=watch)
    watcher.start()
    with checks.running("export.zip") as progress, Scanner(index) as scanner:
        report = scanner.scan_upload("export.zip", outer)
        final = progress.to_json()
    stop.set()
    watcher.join()
    assert report.verdict == "leak"
    # The zip, its three members and the inner zip's two; the scanned page read by OCR.
    assert final["files_done"] == final["files_total"] == 6
    assert final["pages_done"] == final["pages_total"] == 1
    assert any(s["files_done"] < s["files_total"] for s in seen)  # it was seen under way
    assert all(s["name"] == "export.zip" for s in seen)
    assert checks.to_json() == []  # nothing is left once the check ends
