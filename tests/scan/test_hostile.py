"""Hostile and broken input: every bound reached gives cannot_verify, never a crash or clean."""

from __future__ import annotations

import io
import zipfile

from margin.scan import Limits, Scanner
from margin.scan.headers import set_aside_running_lines
from margin.scan.pdf_worker import PdfWorker
from tests.scan.conftest import CORPUS

FILES = CORPUS / "files"
PDF = (FILES / "clean_reportlab.pdf").read_bytes()


def zipped(name: str, data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, data)
    return out.getvalue()


def test_pdf_time_limit_kills_the_worker_and_a_new_one_takes_over() -> None:
    with PdfWorker(timeout_seconds=0.01, max_memory_bytes=3 << 30) as worker:
        assert "time limit" in worker.read(PDF)["failure"]
        worker.timeout_seconds = 120
        assert len(worker.read(PDF)["pages"]) == 6


def test_pdf_memory_limit_gives_cannot_verify(corpus_index) -> None:
    limits = Limits(pdf_memory_bytes=16 << 20)  # too little to load the PDF libraries
    with Scanner(corpus_index, limits=limits) as scanner:
        report = scanner.scan_bytes("record.pdf", PDF)
    assert report.verdict == "cannot_verify"
    assert report.reason


def test_archives_nested_past_the_depth_limit_are_not_verified(corpus_index) -> None:
    data = (FILES / "clean_page.html").read_bytes()
    for level in range(5):
        data = zipped(f"level{level}.zip" if level else "page.html", data)
    with Scanner(corpus_index, limits=Limits(max_depth=3)) as scanner:
        report = scanner.scan_bytes("deep.zip", data)
    assert report.verdict == "cannot_verify"
    with Scanner(corpus_index, limits=Limits(max_depth=8)) as scanner:
        assert scanner.scan_bytes("deep.zip", data).verdict == "clean"


def test_size_budget_is_shared_across_nested_archives(corpus_index) -> None:
    inner = zipped("big.txt", b"calm words " * 200_000)  # 2.2 MB unpacked
    data = zipped("a.zip", inner)
    with Scanner(corpus_index, limits=Limits(max_unpacked_bytes=1_000_000)) as scanner:
        report = scanner.scan_bytes("outer.zip", data)
    assert report.verdict == "cannot_verify"
    assert "limit" in report.members[0].reason


def test_deeply_nested_json_is_not_verified(corpus_index) -> None:
    with Scanner(corpus_index) as scanner:
        report = scanner.scan_bytes("deep.json", b"[" * 100_000 + b"]" * 100_000)
    assert report.verdict == "cannot_verify"


def test_binary_with_a_text_name_is_not_clean(corpus_index) -> None:
    with Scanner(corpus_index) as scanner:
        report = scanner.scan_bytes("notes.txt", bytes(range(256)) * 50)
    assert report.verdict == "cannot_verify"


def test_running_lines_are_set_aside_only_at_page_ends() -> None:
    bodies = ["the harbor at dusk", "a violin case", "orchard lane again"]
    pages = [
        f"Clinic Header\n{b}\nshared middle\n{b} ends\nPage {i} of 3"
        for i, b in enumerate(bodies, start=1)
    ]
    cleaned, set_aside = set_aside_running_lines(pages)
    assert cleaned == [f"{b}\nshared middle\n{b} ends" for b in bodies]
    assert set_aside == ["Clinic Header", "Page 1 of 3"]
