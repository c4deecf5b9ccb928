"""Builds the pictures corpus: text as pictures, the way EHR exports carry it.

Run: python tests/scan/pictures/make_pictures.py (needs Pillow and reportlab: the `corpus`
and `ocr` extras). It writes files/ and expected.json; both are committed. Every file's name
starts with its kind (the table the README's report is grouped by), and expected.json says
the verdict and the notes. Private paragraphs come from notes.jsonl; the clean text is an
invented progress note that shares no passage with them.
"""

from __future__ import annotations

import base64
import io
import json
import math
import random
import textwrap
import zipfile
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont, ImageOps
from reportlab.lib.pagesizes import letter
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

HERE = Path(__file__).parent
FONTS = ""  # Pillow finds DejaVu among the system fonts
NOTES = {n["id"]: n for n in map(json.loads, (HERE / "notes.jsonl").read_text().splitlines())}
CLEAN = [
    "Progress note. Client attended the scheduled 50 minute session by video. Mood was "
    "described as better than last week and affect was congruent. Sleep has improved to "
    "about seven hours on most nights with the routine agreed at intake.",
    "Client practised the breathing exercise in session and reported using it twice at work "
    "when meetings ran late. We reviewed the weekly activity log together; three of the five "
    "planned walks were completed and one social contact was kept.",
    "Risk: client denies thoughts of self harm or harming others. Safety plan reviewed and "
    "unchanged. Plan: continue weekly sessions, repeat the PHQ-9 in two weeks, and keep the "
    "activity log. Next appointment confirmed for the same time next week.",
]


def private(note_id: str, paragraph: int = 0) -> str:
    return NOTES[note_id]["text"].split("\n\n")[paragraph]


# --- pictures ------------------------------------------------------------------------------


def render(
    paragraphs: list[str],
    dpi: int,
    *,
    font: str = "DejaVuSerif.ttf",
    points: float = 11,
    width_in: float = 6.5,
    margin_in: float = 0.4,
) -> Image.Image:
    """Paragraphs typed on white, as a scanner at ``dpi`` sees them."""
    size = round(points * dpi / 72)
    face = ImageFont.truetype(FONTS + font, size)
    chars = int(width_in * 72 / (points * 0.55))
    lines = [line for p in paragraphs for line in [*textwrap.wrap(p, chars), ""]]
    margin = round(margin_in * dpi)
    step = round(size * 1.45)
    picture = Image.new(
        "L", (round((width_in + 2 * margin_in) * dpi), 2 * margin + step * len(lines)), 255
    )
    draw = ImageDraw.Draw(picture)
    for i, line in enumerate(lines):
        draw.text((margin, margin + i * step), line, fill=0, font=face)
    return picture


def skewed(picture: Image.Image, degrees: float = 2.5) -> Image.Image:
    return picture.rotate(degrees, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)


def noisy(picture: Image.Image, sigma: float = 28, seed: int = 1) -> Image.Image:
    rng = np.random.default_rng(seed)
    pixels = np.asarray(picture, dtype=np.float32) + rng.normal(0, sigma, picture.size[::-1])
    specks = rng.random(picture.size[::-1]) < 0.002
    pixels[specks] = 0
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def fax(picture: Image.Image, dpi: int, lines_dpi: int | None = None) -> bytes:
    """1-bit, Group 4, at ``dpi`` across and ``lines_dpi`` down (a standard-mode fax has
    half as many lines as dots), scaled from a 300 dpi rendering."""
    down = lines_dpi or dpi
    small = picture.resize((picture.width * dpi // 300, picture.height * down // 300))
    bits = small.point(lambda v: 255 if v > 150 else 0).convert("1")
    out = io.BytesIO()
    bits.save(out, format="TIFF", compression="group4", dpi=(dpi, down))
    return out.getvalue()


def photographed(picture: Image.Image, seed: int = 2) -> Image.Image:
    """A phone photo of a page: tilted in perspective, lit unevenly, a little soft, in colour."""
    w, h = picture.size
    rng = random.Random(seed)
    dx, dy = (rng.uniform(0.02, 0.05) * w for _ in range(2))
    quad = (dx, dy, 0, h, w, h - dy, w - dx, 0)  # source corners: UL, LL, LR, UR
    page = picture.transform(
        (w, h), Image.Transform.QUAD, quad, Image.Resampling.BICUBIC, fillcolor=90
    )
    y, x = np.mgrid[0:h, 0:w]
    light = 0.72 + 0.28 * np.cos((x / w - 0.3) * math.pi * 0.8) * np.cos((y / h - 0.4) * 1.2)
    shaded = np.asarray(page, dtype=np.float32) * light
    gray = Image.fromarray(np.clip(shaded, 0, 255).astype(np.uint8)).filter(
        ImageFilter.GaussianBlur(1.1)
    )
    return Image.merge(
        "RGB", (gray.point(lambda v: v * 0.98), gray, gray.point(lambda v: v * 0.88))
    )


def screenshot(text: str) -> Image.Image:
    """An EHR's progress note as a 96 dpi screenshot: a menu, a header, the note in a box."""
    picture = Image.new("RGB", (1280, 720), (246, 247, 249))
    draw = ImageDraw.Draw(picture)
    ui = ImageFont.truetype(FONTS + "DejaVuSans.ttf", 13)
    bold = ImageFont.truetype(FONTS + "DejaVuSans-Bold.ttf", 15)
    draw.rectangle((0, 0, 1280, 44), fill=(32, 76, 140))
    draw.text((16, 13), "Clinic EHR   Schedule   Clients   Billing", fill="white", font=bold)
    draw.rectangle((0, 44, 200, 720), fill=(228, 232, 238))
    for i, item in enumerate(("Overview", "Notes", "Documents", "Insurance", "Messages")):
        draw.text((20, 70 + 32 * i), item, fill=(40, 40, 40), font=ui)
    draw.text((230, 64), "Progress note - session of 03/18", fill=(20, 20, 20), font=bold)
    draw.rectangle((228, 100, 1240, 520), fill="white", outline=(180, 186, 196))
    for i, line in enumerate(textwrap.wrap(text, 120)):
        draw.text((240, 112 + 20 * i), line, fill=(25, 25, 25), font=ui)
    draw.rectangle((228, 540, 330, 570), fill=(32, 120, 60))
    draw.text((250, 547), "Sign", fill="white", font=bold)
    return picture


def logo() -> Image.Image:
    picture = Image.new("RGB", (520, 180), "white")
    draw = ImageDraw.Draw(picture)
    draw.ellipse((10, 10, 170, 170), fill=(30, 80, 160))
    draw.polygon([(50, 130), (90, 40), (130, 130)], fill="white")
    draw.text(
        (190, 60),
        "Riverside",
        fill=(30, 80, 160),
        font=ImageFont.truetype(FONTS + "DejaVuSans-Bold.ttf", 48),
    )
    return picture


def signature() -> Image.Image:
    picture = Image.new("L", (640, 200), 255)
    draw = ImageDraw.Draw(picture)
    points = [
        (40 + 5 * i, 100 + 38 * math.sin(i / 3.1) + 18 * math.sin(i / 1.3)) for i in range(110)
    ]
    draw.line(points, fill=20, width=3)
    draw.line([(50, 160), (560, 150)], fill=20, width=2)
    return picture


def photo() -> Image.Image:
    """A photo with no writing: smooth shapes and light."""
    field = np.random.default_rng(5).normal(size=(45, 60)).cumsum(0).cumsum(1)
    field = (field - field.min()) / (field.max() - field.min()) * 255
    picture = Image.fromarray(field.astype(np.uint8)).resize((960, 720), Image.Resampling.BICUBIC)
    picture = Image.merge(
        "RGB", (picture, picture.point(lambda v: 255 - v // 2), picture.point(lambda v: v // 2))
    )
    draw = ImageDraw.Draw(picture)
    rng = random.Random(4)
    for _ in range(14):
        x, y, r = rng.randrange(960), rng.randrange(720), rng.randrange(20, 120)
        draw.ellipse((x, y, x + r, y + r), fill=tuple(rng.randrange(256) for _ in range(3)))
    return picture.filter(ImageFilter.GaussianBlur(3))


def rule() -> Image.Image:
    picture = Image.new("L", (1600, 60), 255)
    ImageDraw.Draw(picture).rectangle((0, 28, 1600, 32), fill=0)
    return picture


def png(picture: Image.Image) -> bytes:
    out = io.BytesIO()
    picture.save(out, format="PNG", optimize=True)
    return out.getvalue()


def jpeg(picture: Image.Image, quality: int) -> bytes:
    out = io.BytesIO()
    picture.convert("RGB" if picture.mode == "RGB" else "L").save(
        out, format="JPEG", quality=quality
    )
    return out.getvalue()


# --- containers ---------------------------------------------------------------------------


def pdf_text_and_picture(
    paragraphs: list[str], picture: bytes, *, scan_page: bool = False
) -> bytes:
    """Typed pages; the picture either drawn under the text of page 2 or as page 2 itself."""
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=letter, invariant=True)
    for page in range(3):
        if page == 1 and scan_page:
            pdf.drawImage(ImageReader(io.BytesIO(picture)), 0, 0, *letter)
            pdf.showPage()
            continue
        text = pdf.beginText(72, 720)
        text.setFont("Helvetica", 10)
        for paragraph in paragraphs:
            for line in textwrap.wrap(paragraph, 95):
                text.textLine(line)
            text.textLine("")
        pdf.drawText(text)
        if page == 1:
            size = Image.open(io.BytesIO(picture)).size
            height = 468 * size[1] / size[0]
            pdf.drawImage(ImageReader(io.BytesIO(picture)), 72, 420 - height, 468, height)
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def docx_with(picture: bytes) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in CLEAN)
    document = (
        '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.'
        f'openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>'
    )
    types = (
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="png" ContentType="image/png"/></Types>'
    )
    return zip_of(
        {
            "[Content_Types].xml": types.encode(),
            "word/document.xml": document.encode(),
            "word/media/image1.png": picture,
        }
    )


def zip_of(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name, (2026, 3, 18, 12, 0, 0)), data)
    return out.getvalue()


def fhir_with(media_type: str, picture: bytes) -> bytes:
    reference = {
        "resourceType": "DocumentReference",
        "status": "current",
        "content": [
            {
                "attachment": {
                    "contentType": media_type,
                    "title": "Scanned letter",
                    "data": base64.b64encode(picture).decode(),
                }
            }
        ],
    }
    bundle = {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": reference}]}
    return json.dumps(bundle, indent=1).encode()


def html_with(picture: bytes) -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in CLEAN)
    image = base64.b64encode(picture).decode()
    body = f'{paragraphs}<img src="data:image/png;base64,{image}">'
    return f"<!doctype html><html><body>{body}</body></html>".encode()


def rtf_with(picture: bytes) -> bytes:
    size = Image.open(io.BytesIO(picture)).size
    hexdata = picture.hex()
    wrapped = "\n".join(hexdata[i : i + 128] for i in range(0, len(hexdata), 128))
    return (
        "{\\rtf1\\ansi{\\fonttbl{\\f0 Times;}}\\f0 "
        + " \\par ".join(CLEAN)
        + f" \\par {{\\pict\\pngblip\\picw{size[0]}\\pich{size[1]}\n{wrapped}}}\\par }}"
    ).encode()


# --- the corpus ---------------------------------------------------------------------------


def build() -> dict[str, tuple[bytes, str, list[str]]]:
    lantern, orchard, harbour = private("p-lantern"), private("p-orchard"), private("p-harbour")
    page = [CLEAN[0], lantern, CLEAN[1]]
    files: dict[str, tuple[bytes, str, list[str]]] = {}

    def add(name: str, data: bytes, verdict: str, notes: list[str] | None = None) -> None:
        files[name] = (data, verdict, notes or [])

    # Rendered pages at three resolutions, and their damage.
    for dpi in (150, 200, 300):
        add(f"rendered_{dpi}dpi_leak.png", png(render(page, dpi)), "leak", ["p-lantern"])
    add("rendered_300dpi_clean.png", png(render(CLEAN, 300)), "clean")
    add("skewed_leak.png", png(skewed(render([orchard], 300))), "leak", ["p-orchard"])
    add("noisy_leak.jpg", jpeg(noisy(render([harbour], 300)), 70), "leak", ["p-harbour"])
    add("jpeg_q25_leak.jpg", jpeg(render([lantern], 200), 25), "leak", ["p-lantern"])
    add("fax_fine_leak.tif", fax(render([orchard, CLEAN[2]], 300), 200), "leak", ["p-orchard"])
    add("fax_fine_clean.tif", fax(render(CLEAN, 300), 200), "clean")
    add("fax_standard_leak.tif", fax(render([harbour], 300), 204, 98), "leak", ["p-harbour"])
    add(
        "photographed_leak.jpg",
        jpeg(photographed(render([harbour], 200)), 80),
        "leak",
        ["p-harbour"],
    )
    add("photographed_clean.jpg", jpeg(photographed(render(CLEAN[:2], 200)), 80), "clean")
    add("screenshot_leak.png", png(screenshot(orchard)), "leak", ["p-orchard"])
    add("screenshot_clean.png", png(screenshot(CLEAN[0] + " " + CLEAN[1])), "clean")
    dark = ImageOps.invert(screenshot(lantern))  # the EHR in dark mode
    add("screenshot_dark_mode_leak.png", png(dark), "leak", ["p-lantern"])
    add("grey_16_bit_leak.png", png(render([harbour], 200).convert("I;16")), "leak", ["p-harbour"])
    # Pictures with no writing that could hold a passage: neither read nor blocking.
    add("decorative_logo.png", png(logo()), "clean")
    add("decorative_signature.png", png(signature()), "clean")
    add("decorative_photo.jpg", jpeg(photo(), 85), "clean")
    add("decorative_rule.png", png(rule()), "clean")
    # Writing too small and blurred to read: honest "cannot verify" (a leak in it is still
    # reported when enough of it is read: see the tests).
    blurred = render(CLEAN[:2], 300).resize((600, 170)).filter(ImageFilter.GaussianBlur(2.2))
    add("unreadable_blurred.png", png(blurred), "cannot_verify")
    # The private paragraph inside the containers exports come in.
    picture = png(render([lantern], 200))
    add(
        "container_pdf_picture_on_text_page_leak.pdf",
        pdf_text_and_picture(CLEAN, picture),
        "leak",
        ["p-lantern"],
    )
    scan = jpeg(noisy(render([CLEAN[0], harbour, CLEAN[2]], 150, points=12, width_in=7.5), 18), 60)
    add(
        "container_pdf_scanned_page_leak.pdf",
        pdf_text_and_picture(CLEAN, scan, scan_page=True),
        "leak",
        ["p-harbour"],
    )
    add(
        "container_pdf_logo_on_text_page_clean.pdf",
        pdf_text_and_picture(CLEAN, png(logo())),
        "clean",
    )
    add("container_docx_leak.docx", docx_with(picture), "leak", ["p-lantern"])
    add(
        "container_zip_leak.zip",
        zip_of({"scans/letter.png": picture, "notes.txt": CLEAN[0].encode()}),
        "leak",
        ["p-lantern"],
    )
    add(
        "container_fhir_leak.json",
        fhir_with("image/jpeg", jpeg(render([orchard], 200), 60)),
        "leak",
        ["p-orchard"],
    )
    add("container_html_leak.html", html_with(png(render([harbour], 150))), "leak", ["p-harbour"])
    add("container_rtf_leak.rtf", rtf_with(png(render([orchard], 150))), "leak", ["p-orchard"])
    return files


def main() -> None:
    folder = HERE / "files"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    expected = {}
    for name, (data, verdict, notes) in sorted(build().items()):
        (folder / name).write_bytes(data)
        expected[name] = {"verdict": verdict, "notes": notes}
    (HERE / "expected.json").write_text(json.dumps(expected, indent=1) + "\n")


if __name__ == "__main__":
    main()
