"""PDFs drawn the ways EHR print engines draw them, and the ways PDFs get damaged.

reportlab here draws with manual positioning: glyph by glyph, word by word (no space
characters in the content stream: a reader must infer them from the gaps), in two columns,
rotated, in a landscape page. pypdf adds what a viewer adds later: free-text and popup
comments, filled form fields, attached files, AES-256 passwords. Chromium prints HTML with
CSS columns, fixed running headers, soft hyphens and ligatures.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pypdf
from people2 import CLIENT, CLINIC
from PIL import Image, ImageDraw, ImageFont
from pypdf.annotations import FreeText, Popup, Text
from pypdf.generic import NameObject, TextStringObject
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

_FONT = "Times-Roman"


def _wrap(text: str, width_pt: float, size: float) -> list[str]:
    lines, current = [], ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if current and stringWidth(trial, _FONT, size) > width_pt:
            lines.append(current)
            current = word
        else:
            current = trial
    return [*lines, current]


def _draw_words(pdf: canvas.Canvas, x: float, y: float, line: str, size: float, mode: str) -> None:
    """A line drawn without space characters: each word, or each glyph, placed by itself."""
    cursor = x
    space = stringWidth(" ", _FONT, size)
    for word in line.split(" "):
        if mode == "glyphs":
            for ch in word:
                pdf.drawString(cursor, y, ch)
                cursor += stringWidth(ch, _FONT, size) + 0.15
        else:
            pdf.drawString(cursor, y, word)
            cursor += stringWidth(word, _FONT, size)
        cursor += space * 1.1


def positioned_pdf(
    paragraphs: list[str],
    *,
    mode: str = "words",
    columns: int = 1,
    lines_per_column: int = 46,
    size: float = 10.0,
    page_label: str = "{n}/{total}",
    logo: bool = False,
    straddle: str = "",
) -> bytes:
    """A paginated record; running header and page label on every page; the paragraph
    ``straddle`` is cut by a page break (and so by the footer and the next header)."""
    page_w, page_h = A4
    gutter = 24
    col_w = (page_w - 120 - gutter * (columns - 1)) / columns
    lines: list[str] = []
    per_page = lines_per_column * columns
    for paragraph in paragraphs:
        wrapped = _wrap(paragraph, col_w, size)
        if paragraph == straddle:  # start it so that a page break falls in its middle
            middle = len(lines) + len(wrapped) // 2
            lines += [""] * ((per_page - middle % per_page) % per_page)
        lines += wrapped
        lines.append("")
    pages = [lines[i : i + per_page] for i in range(0, len(lines), per_page)]
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, pageCompression=1)
    for n, page in enumerate(pages, start=1):
        pdf.setFont("Helvetica", 8)
        pdf.drawString(60, page_h - 40, f"{CLINIC} | {CLIENT}")
        pdf.drawRightString(page_w - 60, 30, page_label.format(n=n, total=len(pages)))
        if logo and n == 1:
            pdf.drawImage(ImageReader(_logo()), page_w - 110, page_h - 60, 40, 40)
        pdf.setFont(_FONT, size)
        for i, line in enumerate(page):
            column, row = divmod(i, lines_per_column)
            x = 60 + column * (col_w + gutter)
            y = page_h - 70 - row * size * 1.5
            _draw_words(pdf, x, y, line, size, mode)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _logo() -> io.BytesIO:
    picture = Image.new("RGB", (64, 64), (40, 90, 160))
    ImageDraw.Draw(picture).ellipse((8, 8, 56, 56), fill=(250, 250, 250))
    out = io.BytesIO()
    picture.save(out, format="PNG")
    out.seek(0)
    return out


def rotated_pdf(body: list[str], margin_note: str) -> bytes:
    """A landscape page (/Rotate 90) whose margin holds a note written bottom to top."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=landscape(A4))
    pdf.setFont(_FONT, 10)
    y = 520
    for paragraph in body:
        for line in _wrap(paragraph, 620, 10):
            pdf.drawString(60, y, line)
            y -= 14
        y -= 8
    pdf.saveState()
    pdf.translate(780, 60)
    pdf.rotate(90)
    pdf.setFont(_FONT, 8)
    for i, line in enumerate(_wrap(margin_note, 460, 8)):
        pdf.drawString(0, -12 * i, line)
    pdf.restoreState()
    pdf.showPage()
    pdf.save()
    reader = pypdf.PdfReader(io.BytesIO(buffer.getvalue()))
    writer = pypdf.PdfWriter(clone_from=reader)
    writer.pages[0].rotate(90)
    return _write(writer)


def _write(writer: pypdf.PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def with_comments(pdf_bytes: bytes, free_text: str = "", popup_note: str = "") -> bytes:
    """Comments a reviewer adds in a viewer: a free-text box, a sticky note with its popup."""
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(pdf_bytes)))
    if free_text:
        writer.add_annotation(
            0, FreeText(text=free_text, rect=(300, 80, 560, 200), font_size="8pt")
        )
    if popup_note:
        note = Text(rect=(500, 700, 520, 720), text=popup_note, open=False)
        added = writer.add_annotation(0, note)
        writer.add_annotation(0, Popup(rect=(500, 600, 580, 700), parent=added, open=False))
    return _write(writer)


def form_pdf(body: list[str], field_value: str) -> bytes:
    """A form whose multi-line field is filled after printing (value set, no appearance)."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setFont(_FONT, 10)
    y = 780
    for paragraph in body:
        for line in _wrap(paragraph, 470, 10):
            pdf.drawString(60, y, line)
            y -= 14
        y -= 8
    pdf.drawString(60, 210, "Clinician addendum:")
    pdf.acroForm.textfield(
        name="addendum", x=60, y=60, width=470, height=140, fieldFlags="multiline", fontSize=9
    )
    pdf.acroForm.checkbox(name="reviewed", x=60, y=30, size=12, checked=True)
    pdf.showPage()
    pdf.save()
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(buffer.getvalue())))
    for annot in writer.pages[0]["/Annots"]:
        widget = annot.get_object()
        if widget.get("/T") == "addendum":
            widget[NameObject("/V")] = TextStringObject(field_value)
    writer.set_need_appearances_writer(True)
    return _write(writer)


def with_attachment(pdf_bytes: bytes, name: str, data: bytes) -> bytes:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(pdf_bytes)))
    writer.add_attachment(name, data)
    return _write(writer)


def aes256(pdf_bytes: bytes, user_password: str) -> bytes:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(pdf_bytes)))
    writer.encrypt(
        user_password=user_password, owner_password="o-" + user_password, algorithm="AES-256"
    )
    return _write(writer)


def scanned_page(paragraphs: list[str]) -> bytes:
    """A PNG picture of typed text, the way a scanner or fax server makes a page."""
    picture = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(picture)
    try:
        font = ImageFont.truetype("DejaVuSerif.ttf", 22)
    except OSError:
        font = ImageFont.load_default()
    y = 120
    for paragraph in paragraphs:
        for line in _wrap(paragraph, 520, 10):
            draw.text((100, y), line, fill=0, font=font)
            y += 34
        y += 20
    out = io.BytesIO()
    picture.save(out, format="PNG", optimize=True)
    return out.getvalue()


def mixed_scan_pdf(text_pages: list[list[str]], scan: bytes) -> bytes:
    """Typed pages with one scanned page in the middle (a faxed consent form)."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for i, page in enumerate(text_pages):
        if i == 1:
            pdf.drawImage(ImageReader(io.BytesIO(scan)), 0, 0, *A4)
            pdf.showPage()
        pdf.setFont(_FONT, 10)
        y = 780
        for paragraph in page:
            for line in _wrap(paragraph, 470, 10):
                pdf.drawString(60, y, line)
                y -= 14
            y -= 8
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def garble_stream(pdf_bytes: bytes, page_index: int) -> bytes:
    """Replace one page's content stream with valid Flate data that holds no operators."""
    reader = pypdf.PdfReader(io.BytesIO(pdf_bytes))
    writer = pypdf.PdfWriter(clone_from=reader)
    page_index = min(page_index, len(writer.pages) - 1)
    contents = writer.pages[page_index].get_contents()
    assert contents is not None
    original = contents.get_data()
    noise = bytes((b * 7 + 13) % 256 for b in original[: len(original) // 2])
    stream = writer.pages[page_index]["/Contents"].get_object()
    if isinstance(stream, pypdf.generic.ArrayObject):
        stream = stream[0].get_object()
    stream.set_data(noise)
    return _write(writer)


def cut_stream_length(pdf_bytes: bytes, page_index: int) -> bytes:
    """A page whose compressed stream is cut short while its /Length still claims it all."""
    reader = pypdf.PdfReader(io.BytesIO(pdf_bytes))
    ref = reader.pages[page_index].raw_get("/Contents")
    found = re.search(rb"\n%d 0 obj\b" % ref.idnum, pdf_bytes)
    assert found is not None
    start = pdf_bytes.index(b"stream", found.end()) + len(b"stream")
    while pdf_bytes[start : start + 1] in (b"\r", b"\n"):
        start += 1
    end = pdf_bytes.index(b"endstream", start)
    body = pdf_bytes[start:end]
    keep = len(body) // 3
    damaged = body[:keep] + bytes(len(body) - keep)
    return pdf_bytes[:start] + damaged + pdf_bytes[end:]


def chromium(html: str) -> bytes:
    """Chromium's print-to-PDF without its own header and footer (the page brings its own)."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        raise RuntimeError("Chromium is needed")
    work = Path(tempfile.gettempdir()) / "margin-corpus2"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    try:
        page = work / "record.html"
        page.write_text(html, encoding="utf-8")
        target = work / "record.pdf"
        subprocess.run(
            [
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--no-pdf-header-footer",
                f"--user-data-dir={work}/profile",
                f"--print-to-pdf={target}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        return target.read_bytes()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def page_count(pdf_bytes: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(pdf_bytes)).pages)
