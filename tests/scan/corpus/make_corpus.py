"""Build the export-checker corpus: invented private notes and EHR exports from real producers.

Run from anywhere: python tests/scan/corpus/make_corpus.py. It needs reportlab, python-docx,
pypdf, Pillow, LibreOffice (soffice) and Chromium. Output, committed so CI needs none of
them: files/, notes.jsonl and expected.json (every file's verdict and leaking notes).
"""

from __future__ import annotations

import io
import json
import os
import struct
import sys
import tempfile
import textwrap
import zipfile
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_docs as docs  # noqa: E402
import make_pdfs as pdfs  # noqa: E402
from corpus_text import (  # noqa: E402
    FOOTER,
    HEADER,
    NOTES,
    SHORT_QUOTE,
    clean_record,
    edited,
    with_leak,
)

OUT = HERE / "files"


def zip_of(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def overlapping_zip_bomb(entries: int = 20) -> bytes:
    """Many central-directory entries sharing one compressed stream (Fifield's trick)."""
    plain = b"A" * 5_000_000
    packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    packed = packer.compress(plain) + packer.flush()
    crc = zlib.crc32(plain)
    name = b"k.txt"
    local = (
        struct.pack(
            "<4sHHHHHIIIHH",
            b"PK\x03\x04",
            20,
            0,
            8,
            0,
            0x21,
            crc,
            len(packed),
            len(plain),
            len(name),
            0,
        )
        + name
        + packed
    )
    central = b""
    for i in range(entries):
        entry_name = f"k{i}.txt".encode()
        central += (
            struct.pack(
                "<4sHHHHHHIIIHHHHHII",
                b"PK\x01\x02",
                20,
                20,
                0,
                8,
                0,
                0x21,
                crc,
                len(packed),
                len(plain),
                len(entry_name),
                0,
                0,
                0,
                0,
                0,
                0,
            )
            + entry_name
        )
    end = struct.pack(
        "<4sHHHHIIH", b"PK\x05\x06", 0, 0, entries, entries, len(central), len(local), 0
    )
    return local + central + end


def size_zip_bomb(members: int = 11, size: int = 100_000_000) -> bytes:
    """Honest entries that together unpack to more than the checker's 1 GiB budget."""
    out = io.BytesIO()
    zeros = bytes(size)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for i in range(members):
            archive.writestr(f"part{i}.txt", zeros)
    return out.getvalue()


def libreoffice(name: str, data: bytes, target: str) -> bytes:
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / name
        source.write_bytes(data)
        return pdfs.libreoffice_convert(source, target)


def chromium_record(paragraphs: list[str]) -> bytes:
    style = "<style>body{font:16px serif;max-width:34em}</style>"
    page = docs.html_page(paragraphs, "Progress notes").replace("</head>", style + "</head>")
    return pdfs.chromium_pdf(page)


def build() -> dict[str, dict[str, object]]:
    files: dict[str, bytes] = {}
    expected: dict[str, dict[str, object]] = {}

    def add(name: str, data: bytes, verdict: str, *notes: str) -> None:
        files[name] = data
        expected[name] = {"verdict": verdict, "notes": sorted(notes)}

    clean7 = clean_record(7)
    long_clean = clean_record(30)
    clean_pdf = pdfs.reportlab_pdf(long_clean)
    # --- clean records that share the notes' vocabulary ---
    add("clean_reportlab.pdf", clean_pdf, "clean")
    add("clean_blank_page.pdf", pdfs.reportlab_pdf(clean7, blank_page=True), "clean")
    add("clean_chromium.pdf", chromium_record(clean_record(24)), "clean")
    clean_docx = docs.python_docx(clean7)
    add("clean_python_docx.docx", clean_docx, "clean")
    add("clean_libreoffice.pdf", libreoffice("record.docx", clean_docx, "pdf"), "clean")
    add("clean_page.html", docs.html_page(clean7).encode(), "clean")
    add("clean_notes.txt", "\r\n\r\n".join(clean7).encode("utf-16"), "clean")
    add("clean_letter.rtf", docs.rtf(clean7), "clean")
    add("clean_ccda.xml", docs.ccda([("Assessment", p) for p in clean7]), "clean")
    add("clean_fhir_bundle.json", docs.fhir_bundle(clean7, narrative=clean7[0]), "clean")
    add(
        "clean_client_quote.txt",
        (f"{clean7[0]}\n\nClient said {SHORT_QUOTE} and laughed.\n\n{clean7[1]}").encode(),
        "clean",
    )
    add(
        "clean_bundle.zip",
        zip_of(
            {
                "record.pdf": clean_pdf,
                "letter.docx": clean_docx,
                "summary.html": docs.html_page(clean7).encode(),
                "__MACOSX/._record.pdf": b"\0\5\26\7",
            }
        ),
        "clean",
    )
    add("empty.txt", b"", "clean")

    # --- leaks through every robustness case ---
    add(
        "leak_hyphenated_headers.pdf",
        pdfs.reportlab_pdf(with_leak("n-harbor", at=5, paragraphs=9), hyphenate=True),
        "leak",
        "n-harbor",
    )
    add(
        "leak_chromium.pdf",
        chromium_record(with_leak("n-violin", at=12, paragraphs=22)),
        "leak",
        "n-violin",
    )
    leak_docx = docs.python_docx(with_leak("n-orchard"))
    add("leak_libreoffice.pdf", libreoffice("record.docx", leak_docx, "pdf"), "leak", "n-orchard")
    add("leak_libreoffice.rtf", libreoffice("record.docx", leak_docx, "rtf"), "leak", "n-orchard")
    add("leak_python_docx.docx", leak_docx, "leak", "n-orchard")
    add(
        "leak_edited_words.docx",
        docs.python_docx([*clean7[:3], edited(NOTES["n-ledger"]), *clean7[3:]]),
        "leak",
        "n-ledger",
    )
    add(
        "leak_split_runs.docx",
        docs.python_docx(clean7, split_words=NOTES["n-kite"]),
        "leak",
        "n-kite",
    )
    add(
        "leak_docx_comment.docx",
        docs.python_docx(clean7, comment=NOTES["n-garage"]),
        "leak",
        "n-garage",
    )
    add(
        "leak_docx_footnote.docx",
        docs.hand_docx(
            docs.paragraphs_xml(clean7),
            {"word/footnotes.xml": docs.footnotes_part(NOTES["n-lighthouse"])},
        ),
        "leak",
        "n-lighthouse",
    )
    add(
        "leak_docx_tracked.docx",
        docs.hand_docx(docs.paragraphs_xml(clean7[:2]) + docs.tracked_insertion(NOTES["n-harbor"])),
        "leak",
        "n-harbor",
    )
    add(
        "leak_docx_content_control.docx",
        docs.hand_docx(docs.paragraphs_xml(clean7[:2]) + docs.content_control(NOTES["n-violin"])),
        "leak",
        "n-violin",
    )
    add(
        "leak_docx_text_box.docx",
        docs.hand_docx(docs.paragraphs_xml(clean7[:2]) + docs.text_box(NOTES["n-ledger"])),
        "leak",
        "n-ledger",
    )
    add(
        "leak_case_quotes.txt",
        (
            clean7[0]
            + "\r\n\r\n"
            + "\r\n    ".join(
                textwrap.wrap(
                    NOTES["n-quote"]
                    .upper()
                    .replace("\u201c", '"')
                    .replace("\u201d", '"')
                    .replace(" ", "   ", 5),
                    60,
                )
            )
        ).encode("utf-8"),
        "leak",
        "n-quote",
    )
    add(
        "leak_markup.html",
        docs.html_page(clean7[:2])
        .replace("</body>", f"<div class='note'>{docs.marked_up(NOTES['n-garage'])}</div></body>")
        .encode(),
        "leak",
        "n-garage",
    )
    add(
        "leak_annotation.pdf", pdfs.reportlab_pdf(clean7, comment=NOTES["n-kite"]), "leak", "n-kite"
    )
    add(
        "leak_form_field.pdf",
        pdfs.reportlab_pdf(clean7, field=NOTES["n-orchard"]),
        "leak",
        "n-orchard",
    )
    add(
        "leak_owner_password_only.pdf",
        pdfs.encrypted(pdfs.reportlab_pdf(with_leak("n-lighthouse")), user_password=""),
        "leak",
        "n-lighthouse",
    )
    add("leak_rtf_handwritten.rtf", docs.rtf(with_leak("n-garage")), "leak", "n-garage")
    add(
        "leak_ccda_narrative.xml",
        docs.ccda(
            [
                ("Assessment", clean7[0]),
                (
                    "Notes",
                    docs.marked_up(NOTES["n-ledger"])
                    .replace("<b>", "<content>")
                    .replace("</b>", "</content>")
                    .replace("<span class='x'>", "<content>")
                    .replace("</span>", "</content>")
                    .replace("&shy;", "")
                    .replace("&rsquo;", "'"),
                ),
            ]
        ),
        "leak",
        "n-ledger",
    )
    add(
        "leak_ccda_base64_pdf.xml",
        docs.ccda([], attachment=("application/pdf", pdfs.reportlab_pdf(with_leak("n-kite")))),
        "leak",
        "n-kite",
    )
    add(
        "leak_fhir_base64_rtf.json",
        docs.fhir_bundle(
            clean7[:2],
            bundle_type="document",
            attachment=("text/rtf", docs.rtf(with_leak("n-violin"))),
        ),
        "leak",
        "n-violin",
    )
    add(
        "leak_fhir_narrative.json",
        docs.fhir_bundle(
            clean7[:2], bundle_type="collection", narrative=docs.marked_up(NOTES["n-harbor"])
        ),
        "leak",
        "n-harbor",
    )
    add(
        "leak_nested.zip",
        zip_of(
            {
                "export/record.pdf": clean_pdf,
                "export/inner.zip": zip_of(
                    {
                        "notes/visit.docx": docs.python_docx(with_leak("n-quote")),
                        "notes/summary.html": docs.html_page(clean7).encode(),
                    }
                ),
            }
        ),
        "leak",
        "n-quote",
    )

    add(
        "leak_fhir_xml_base64.xml",
        docs.fhir_xml(clean7[:2], ("text/plain", NOTES["n-lighthouse"].encode())),
        "leak",
        "n-lighthouse",
    )
    add(
        "leak_paged_print.txt",
        docs.paged_text(with_leak("n-garage", at=4, paragraphs=8), HEADER),
        "leak",
        "n-garage",
    )
    add(
        "leak_libreoffice.docx",
        libreoffice("record.rtf", docs.rtf(with_leak("n-kite")), "docx"),
        "leak",
        "n-kite",
    )
    add("clean_libreoffice.odt", libreoffice("record.docx", clean_docx, "odt"), "clean")
    add("clean_fhir_xml.xml", docs.fhir_xml(clean7, ("text/plain", clean7[3].encode())), "clean")

    # --- files that cannot be verified ---
    add("clean_ocr_image_only.pdf", pdfs.image_only_pdf(clean7[:4]), "clean")  # read with OCR
    add(
        "cannot_user_password.pdf",
        pdfs.encrypted(clean_pdf, user_password="letmein"),
        "cannot_verify",
    )
    add("cannot_truncated.pdf", clean_pdf[: len(clean_pdf) * 2 // 3], "cannot_verify")
    add("cannot_corrupt_page_stream.pdf", pdfs.corrupt_page_stream(clean_pdf), "cannot_verify")
    add(
        "cannot_zip_with_encrypted_pdf.zip",
        zip_of(
            {
                "summary.html": docs.html_page(clean7).encode(),
                "record.pdf": pdfs.encrypted(clean_pdf, user_password="letmein"),
            }
        ),
        "cannot_verify",
    )
    add("cannot_unknown_format.bin", os.urandom(4096), "cannot_verify")
    add("cannot_zip_bomb_overlap.zip", overlapping_zip_bomb(), "cannot_verify")
    add("cannot_zip_bomb_size.zip", size_zip_bomb(), "cannot_verify")
    add("cannot_truncated.zip", files["clean_bundle.zip"][:-200], "cannot_verify")
    add(
        "cannot_fhir_bad_base64.json",
        docs.fhir_bundle(clean7[:2], raw_data="JVBERi0xLjQK$$not-base64$$"),
        "cannot_verify",
    )
    add(
        "cannot_ccda_entities.xml",
        (
            b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 '
            b'"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
            b'<ClinicalDocument xmlns="urn:hl7-org:v3">'
            b"<title>&lol2;</title></ClinicalDocument>"
        ),
        "cannot_verify",
    )

    assert HEADER and FOOTER
    OUT.mkdir(exist_ok=True)
    for old in OUT.iterdir():
        old.unlink()
    for name, data in files.items():
        (OUT / name).write_bytes(data)
    return expected


def main() -> None:
    expected = build()
    (HERE / "expected.json").write_text(json.dumps(expected, indent=1, sort_keys=True) + "\n")
    with (HERE / "notes.jsonl").open("w", encoding="utf-8") as notes:
        for note_id, text in NOTES.items():
            notes.write(json.dumps({"id": note_id, "text": text}) + "\n")
    print(f"{len(expected)} files written to {OUT.name}/")


if __name__ == "__main__":
    main()
