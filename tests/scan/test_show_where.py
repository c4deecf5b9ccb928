"""Show where (issue 17): a leak or an unread picture comes with its page and its box there,
and, when the vault page asks, a small picture of that page to draw the box on."""

from __future__ import annotations

import base64
import io
import json
import textwrap
from pathlib import Path

import jsonschema
import pytest
from PIL import Image, ImageDraw, ImageFont

from margin.cli.scan_cmd import index_from_jsonl
from margin.matcher import FingerprintIndex
from margin.scan import Scanner
from margin.scan.model import FileReport
from tests.scan.conftest import CORPUS, assert_report_holds_no_private_text

PICTURES = Path(__file__).parent / "pictures"
DPI = 200
PAGE = (int(8.5 * DPI), 11 * DPI)
CLEAN = ("Client attended the scheduled session by video and described the week as steadier. "
         "We reviewed the activity log; three of five planned walks were completed. ") * 3


def _typed(paragraphs: list[str]) -> tuple[Image.Image, list[tuple[int, int, int, int]]]:
    """A 200 dpi scan of typed paragraphs, and each paragraph's rectangle in pixels."""
    page = Image.new("L", PAGE, 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype("DejaVuSerif.ttf", round(11 * DPI / 72))
    top, rectangles = DPI, []
    for paragraph in paragraphs:
        first = top
        for line in textwrap.wrap(paragraph, 78):
            draw.text((DPI, top), line, fill=0, font=font)
            top += round(11 * DPI / 72 * 1.5)
        rectangles.append((DPI, first, PAGE[0] - DPI, top))
        top += DPI // 3
    return page, rectangles


def _pdf_of(pages: list[Image.Image]) -> bytes:
    out = io.BytesIO()
    pages[0].save(out, "PDF", resolution=DPI, save_all=True, append_images=pages[1:])
    return out.getvalue()


def _overlaps(box: list[float], rectangle: tuple[int, int, int, int]) -> bool:
    left, top, right, bottom = (rectangle[0] / PAGE[0], rectangle[1] / PAGE[1],
                                rectangle[2] / PAGE[0], rectangle[3] / PAGE[1])
    return box[0] < right and left < box[2] and box[1] < bottom and top < box[3]


def _png(url: str) -> Image.Image:
    assert url.startswith("data:image/png;base64,")
    return Image.open(io.BytesIO(base64.b64decode(url.split(",", 1)[1])))


@pytest.fixture(scope="module")
def pictures_index() -> FingerprintIndex:
    return index_from_jsonl(PICTURES / "notes.jsonl")


def _private(note_id: str) -> str:
    notes = (json.loads(line) for line in (PICTURES / "notes.jsonl").read_text().splitlines())
    return next(n["text"] for n in notes if n["id"] == note_id).split("\n\n")[0]


def test_a_leak_in_a_scanned_pdf_page_is_boxed_on_its_page(
    pictures_index: FingerprintIndex, report_validator: jsonschema.Draft202012Validator,
) -> None:
    first, _ = _typed([CLEAN])
    second, rectangles = _typed([CLEAN, _private("p-lantern")])
    with Scanner(pictures_index, locate=True) as scanner:
        found = scanner.scan_bytes("faxed.pdf", _pdf_of([first, second]))
    assert found.verdict == "leak", found.reason
    (leak,) = found.leaks
    assert (leak.note_id, leak.page) == ("p-lantern", 2)
    assert leak.boxes and all(_overlaps(box, rectangles[1]) for box in leak.boxes)
    assert not any(_overlaps(box, rectangles[0]) for box in leak.boxes)  # the clean paragraph
    assert set(found.thumbnails) == {2}
    thumbnail = _png(found.thumbnails[2])
    assert thumbnail.width == 360 and abs(thumbnail.height / thumbnail.width - 11 / 8.5) < 0.01
    assert_report_holds_no_private_text(
        {"verdict": "leak", "files": [found.to_json()]}, report_validator,
        PICTURES / "notes.jsonl")


def test_page_and_boxes_come_without_thumbnails_unless_asked(
    pictures_index: FingerprintIndex,
) -> None:
    second, rectangles = _typed([_private("p-lantern")])
    with Scanner(pictures_index) as scanner:
        found = scanner.scan_bytes("faxed.pdf", _pdf_of([second]))
    (leak,) = found.leaks
    assert leak.page == 1 and any(_overlaps(box, rectangles[0]) for box in leak.boxes)
    assert found.thumbnails == {} and "thumbnails" not in found.to_json()


def test_a_text_leak_in_a_pdf_is_boxed_where_the_reader_found_it(
    corpus_index: FingerprintIndex,
) -> None:
    data = (CORPUS / "files" / "leak_chromium.pdf").read_bytes()
    with Scanner(corpus_index, locate=True) as scanner:
        found = scanner.scan_bytes("leak_chromium.pdf", data)
    assert found.verdict == "leak"
    placed = [leak for leak in found.leaks if leak.page is not None]
    assert placed and all(leak.boxes for leak in placed)
    for leak in placed:
        assert leak.page in found.thumbnails
        for left, top, right, bottom in leak.boxes:
            assert 0 <= left < right <= 1 and 0 <= top < bottom <= 1


def test_an_unread_picture_is_boxed_and_shown(pictures_index: FingerprintIndex) -> None:
    data = (PICTURES / "files" / "unreadable_blurred.png").read_bytes()
    with Scanner(pictures_index, locate=True) as scanner:
        found = scanner.scan_bytes("unreadable_blurred.png", data)
    assert found.verdict == "cannot_verify"
    (unread,) = found.unread_pictures
    assert (unread.page, unread.box) == (1, [0.0, 0.0, 1.0, 1.0])
    assert _png(found.thumbnails[1]).width == 360
    again = FileReport.from_json(found.to_json())
    assert again.unread_pictures == found.unread_pictures
