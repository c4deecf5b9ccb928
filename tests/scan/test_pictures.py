"""Pictures of text are read: every kind in the pictures corpus gets its verdict, and without
OCR every picture that may show text is "cannot verify" saying OCR is not installed."""

from __future__ import annotations

import io
import json
import sys
import threading
import zlib
from pathlib import Path

import pytest
from PIL import Image

from margin.cli.scan_cmd import index_from_jsonl
from margin.matcher import FingerprintIndex
from margin.scan import FileReport, Limits, Scanner, ScanReport, ocr, picture_read, scan_paths
from margin.scan.picture_text import page_list
from tests.scan.conftest import CORPUS, CORPUS2, assert_report_holds_no_private_text, assert_verdict

PICTURES = Path(__file__).parent / "pictures"
EXPECTED: dict[str, dict[str, object]] = json.loads((PICTURES / "expected.json").read_text())


@pytest.fixture(scope="module")
def pictures_index() -> FingerprintIndex:
    return index_from_jsonl(PICTURES / "notes.jsonl")


@pytest.fixture(scope="module")
def report(pictures_index: FingerprintIndex) -> ScanReport:
    return scan_paths([PICTURES / "files"], pictures_index)


@pytest.fixture(scope="module")
def by_name(report: ScanReport) -> dict[str, FileReport]:
    return {Path(f.path).name: f for f in report.files}


def test_manifest_lists_every_file_and_only_those() -> None:
    assert sorted(EXPECTED) == sorted(p.name for p in (PICTURES / "files").iterdir())


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_verdict(name: str, by_name: dict[str, FileReport]) -> None:
    assert_verdict(by_name[name], EXPECTED[name])


def test_where_names_the_picture(by_name: dict[str, FileReport]) -> None:
    on_text_page = by_name["container_pdf_picture_on_text_page_leak.pdf"]
    assert {leak.where for leak in on_text_page.leaks} == {"page 2, picture"}
    assert {leak.where for leak in by_name["rendered_300dpi_leak.png"].leaks} == {"picture"}
    (member,) = by_name["container_docx_leak.docx"].members
    assert member.path == "picture word/media/image1.png"


def test_a_picture_read_too_poorly_says_why(by_name: dict[str, FileReport]) -> None:
    assert "OCR could not read" in (by_name["unreadable_blurred.png"].reason or "")


def test_report_holds_no_private_text(report: ScanReport, report_validator) -> None:
    assert_report_holds_no_private_text(
        report.to_json(), report_validator, PICTURES / "notes.jsonl"
    )


def test_without_ocr_pictures_cannot_be_verified(
    pictures_index: FingerprintIndex, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tesseract's model made unreachable for the worker (it inherits the environment)."""
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path))
    names = [
        "rendered_200dpi_leak.png",
        "container_pdf_picture_on_text_page_leak.pdf",
        "container_zip_leak.zip",
        "decorative_rule.png",
    ]
    found = scan_paths([PICTURES / "files" / n for n in names], pictures_index)
    png, pdf, archive, rule = found.files
    for unread in (png, pdf, archive.members[0]):
        assert unread.verdict == "cannot_verify"
        assert "OCR is not installed" in (unread.reason or "")
    assert "page 2" in (pdf.reason or "")
    assert rule.verdict == "clean"  # judged by its pixels, no OCR needed


def test_mixed_scan_without_ocr_names_the_scanned_page(
    corpus2_index: FingerprintIndex, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path))
    (found,) = scan_paths([CORPUS2 / "files" / "clean_ocr_rl_mixed_scan.pdf"], corpus2_index).files
    assert found.verdict == "cannot_verify"
    assert "OCR is not installed" in (found.reason or "")
    assert "page 2" in (found.reason or "")


def test_engine_missing_in_process_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    """As the worker sees it when tesserocr cannot be imported."""
    monkeypatch.setitem(sys.modules, "tesserocr", None)
    monkeypatch.setattr(ocr, "_engines", threading.local())  # no engine started yet
    assert ocr.engine() is None
    data = (PICTURES / "files" / "rendered_150dpi_leak.png").read_bytes()
    (reading,) = picture_read.read_bytes(data)
    assert reading["status"] == "unavailable"
    assert reading["why"].startswith("OCR is not installed")
    assert reading["text"] == ""


def test_a_damaged_picture_cannot_be_verified(
    pictures_index: FingerprintIndex, tmp_path: Path
) -> None:
    data = (PICTURES / "files" / "rendered_150dpi_leak.png").read_bytes()
    (tmp_path / "cut.png").write_bytes(data[: len(data) // 2])
    (found,) = scan_paths([tmp_path / "cut.png"], pictures_index).files
    assert found.verdict == "cannot_verify"
    assert "damaged" in (found.reason or "")


def test_a_small_icon_is_not_read(pictures_index: FingerprintIndex, tmp_path: Path) -> None:
    out = io.BytesIO()
    Image.new("RGB", (64, 64), (200, 30, 30)).save(out, format="PNG")
    (tmp_path / "icon.png").write_bytes(out.getvalue())
    (found,) = scan_paths([tmp_path / "icon.png"], pictures_index).files
    assert found.verdict == "clean"


def _png_claiming(width: int, height: int) -> bytes:
    """A PNG whose header claims a huge picture (a decompression bomb), with valid checksums."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            len(body).to_bytes(4, "big") + kind + body + zlib.crc32(kind + body).to_bytes(4, "big")
        )

    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([1, 0, 0, 0, 0])
    rows = zlib.compress(b"\x00" * 1024)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")
    )


def test_a_picture_bomb_is_refused_before_decoding(
    pictures_index: FingerprintIndex, tmp_path: Path
) -> None:
    (tmp_path / "bomb.png").write_bytes(_png_claiming(100_000, 100_000))
    (found,) = scan_paths([tmp_path / "bomb.png"], pictures_index).files
    assert found.verdict == "cannot_verify"
    assert "larger than Margin reads" in (found.reason or "")


def test_a_picture_cut_short_inside_a_pdf_is_not_vouched_for(
    corpus_index: FingerprintIndex, tmp_path: Path
) -> None:
    """PDFium draws the part of a damaged picture it could decode; OCR must not vouch for it."""
    data = bytearray((CORPUS / "files" / "clean_ocr_image_only.pdf").read_bytes())
    start = data.index(b"stream", data.index(b"/Subtype /Image")) + len(b"stream\n")
    middle = (start + data.index(b"endstream", start)) // 2
    data[middle : middle + 400] = bytes(400)
    (tmp_path / "damaged.pdf").write_bytes(bytes(data))
    (found,) = scan_paths([tmp_path / "damaged.pdf"], corpus_index).files
    assert found.verdict == "cannot_verify"
    assert "page 1: a picture on it is damaged" in (found.reason or "")


def test_pages_not_read_are_listed_as_ranges() -> None:
    assert page_list([9, 1, 2, 3, 7, 10, 11]) == "1-3, 7, 9-11"
    assert page_list([4]) == "4"


def test_time_limit_for_pictures_names_the_pages_left(
    corpus2_index: FingerprintIndex,
) -> None:
    scan = CORPUS2 / "files" / "clean_ocr_rl_mixed_scan.pdf"
    with Scanner(corpus2_index, limits=Limits(ocr_seconds=-1)) as scanner:
        found = scanner.scan_file(scan)
    assert found.verdict == "cannot_verify"
    assert "time limit for pictures" in (found.reason or "")
    assert "the pictures on page 2 were not read" in (found.reason or "")
