"""PDF exports made by real producers: reportlab, LibreOffice headless, Chromium."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pypdf
from corpus_text import FOOTER, HEADER, hyphenate_lines
from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import letter
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

_LINES_PER_PAGE = 24


def reportlab_pdf(
    paragraphs: list[str],
    *,
    hyphenate: bool = False,
    comment: str = "",
    field: str = "",
    blank_page: bool = False,
) -> bytes:
    """A paginated record with a running header and footer on every page."""
    lines: list[str] = []
    for paragraph in paragraphs:
        lines += hyphenate_lines(paragraph, 70) if hyphenate else _wrap(paragraph, 84)
        lines.append("")
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=letter, pageCompression=1)
    pages = [lines[i : i + _LINES_PER_PAGE] for i in range(0, len(lines), _LINES_PER_PAGE)]
    for number, page in enumerate(pages, start=1):
        pdf.setFont("Helvetica", 9)
        pdf.drawString(50, 750, HEADER)
        pdf.drawString(50, 40, f"{FOOTER}    Page {number} of {len(pages)}")
        pdf.setFont("Helvetica", 11)
        for i, line in enumerate(page):
            pdf.drawString(60, 710 - 24 * i, line)
        if number == 1 and comment:
            pdf.textAnnotation(comment, Rect=(400, 600, 420, 620), relative=0)
        if number == 1 and field:
            pdf.acroForm.textfield(
                name="addendum", value=field, x=60, y=80, width=480, height=40, fontSize=8
            )
        pdf.showPage()
        if blank_page and number == 1:
            pdf.showPage()  # an intentionally blank page
    pdf.save()
    return buffer.getvalue()


def _wrap(text: str, width: int) -> list[str]:
    lines, current = [], ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return [*lines, current]


def image_only_pdf(paragraphs: list[str]) -> bytes:
    """A scanned page: the text exists only as pixels."""
    picture = Image.new("L", (850, 1100), 255)
    draw = ImageDraw.Draw(picture)
    y = 60
    for paragraph in paragraphs:
        for line in _wrap(paragraph, 90):
            draw.text((50, y), line, fill=0)
            y += 16
        y += 10
    png = io.BytesIO()
    picture.save(png, format="PNG", optimize=True)
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=letter)
    pdf.drawImage(ImageReader(io.BytesIO(png.getvalue())), 0, 0, 612, 792)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def encrypted(pdf_bytes: bytes, *, user_password: str) -> bytes:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(pdf_bytes)))
    writer.encrypt(
        user_password=user_password, owner_password="owner-secret-42", algorithm="AES-128"
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def corrupt_page_stream(pdf_bytes: bytes, page_index: int = 1) -> bytes:
    """Flip bytes inside one page's compressed content stream, keeping every length."""
    reader = pypdf.PdfReader(io.BytesIO(pdf_bytes))
    ref = reader.pages[page_index].raw_get("/Contents")
    found = re.search(rb"\n%d 0 obj\b" % ref.idnum, pdf_bytes)
    assert found is not None
    start = pdf_bytes.index(b"stream", found.end()) + len(b"stream\r\n") + 40
    damaged = bytearray(pdf_bytes)
    for i in range(start, start + 60):
        damaged[i] ^= 0x5A
    return bytes(damaged)


def libreoffice_convert(source: Path, target_ext: str) -> bytes:
    """Convert with LibreOffice headless (in a private profile, so runs do not collide)."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise RuntimeError("LibreOffice is needed: apt-get install libreoffice-writer-nogui")
    with tempfile.TemporaryDirectory() as work:
        subprocess.run(
            [
                office,
                f"-env:UserInstallation=file://{work}/profile",
                "--headless",
                "--convert-to",
                target_ext,
                "--outdir",
                work,
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        return (Path(work) / f"{source.stem}.{target_ext.split(':')[0]}").read_bytes()


def chromium_pdf(html: str) -> bytes:
    """Chromium's print-to-PDF, with its own running header and footer."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        raise RuntimeError("Chromium is needed for the print-to-PDF exports")
    # Chromium prints the page's address in its footer: a fixed, neutral place, so the
    # committed PDFs name no machine's folders.
    work = Path(tempfile.gettempdir()) / "margin-corpus"
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
