"""Build the second export-checker corpus, independently of the first.

Run: python tests/scan/corpus2/make_corpus2.py (needs reportlab, pypdf, Pillow,
python-docx's lxml, LibreOffice with hyphen-en-us, Chromium and Info-ZIP's zip). Writes
files/, notes.jsonl and expected.json (every file's verdict and leaking notes); those are
committed so the tests need none of the producers.

What counts, decided here and asserted by the tests:
- a tracked deletion of private text is a LEAK: the words are still in the file and any
  word processor shows them with "show changes";
- a client's sentence quoted in the record (in quotation marks of any style) that a
  private note also quotes is not by itself a leak;
- a file is clean only when every part was read: one scanned page, one member that would
  not open, one attachment that would not decode, keeps it from being clean.
"""

from __future__ import annotations

import gzip
import html
import io
import json
import os
import random
import sys
from pathlib import Path

from PIL import Image

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import office2 as of  # noqa: E402
import pdf2  # noqa: E402
import records2 as rc  # noqa: E402
from people2 import FOOTNOTE, NOTES, SHORT_QUOTE, edited, record, with_note  # noqa: E402

OUT = HERE / "files"


def chromium_page(body: str, *, columns: int = 1, extra_css: str = "") -> bytes:
    css = (
        "@page{size:A4;margin:24mm 16mm 20mm;"
        '@bottom-right{content:"Page " counter(page) " of " counter(pages);font:8pt sans-serif}'
        '@top-left{content:"Larkspur Counseling Associates \\2014  Osric Vell, MRN 448-20-7731";'
        "font:8pt sans-serif}}"
        "body{font:11pt/1.45 'DejaVu Serif',serif;text-align:justify;"
        "font-variant-ligatures:common-ligatures discretionary-ligatures}"
        f"main{{column-count:{columns};column-gap:9mm}}"
        "h1{font:bold 14pt sans-serif;column-span:all}"
        f"{extra_css}"
    )
    return pdf2.chromium(rc.html_doc(f"<main><h1>Visit record</h1>{body}</main>", style=css))


def tiff_of(png: bytes) -> bytes:
    out = io.BytesIO()
    Image.open(io.BytesIO(png)).convert("1").save(out, format="TIFF", compression="group4")
    return out.getvalue()


def jpeg_of(png: bytes) -> bytes:
    out = io.BytesIO()
    Image.open(io.BytesIO(png)).convert("L").save(out, format="JPEG", quality=60)
    return out.getvalue()


def straddling_print(note_id: str) -> str:
    """A text print whose page header block falls in the middle of the note."""
    for lead in range(1, 30):
        body = [*record(lead % 10 + 1), NOTES[note_id], *record(3, 5)]
        for per_page in range(14, 24):
            text = rc.repeated_header_print(body, per_page)
            words = NOTES[note_id].split()
            start = text.find(" ".join(words[:2]))
            end = text.find(" ".join(words[-2:]))
            middle = text.find("Page ", start)
            if 0 <= start < middle < end and text.count("\n", start, middle) > 1:
                return text
    raise RuntimeError("no layout puts a page break inside the note")


def build() -> dict[str, dict[str, object]]:
    files: dict[str, bytes] = {}
    expected: dict[str, dict[str, object]] = {}

    def add(name: str, data: bytes | str, verdict: str, *notes: str) -> None:
        files[name] = data.encode() if isinstance(data, str) else data
        expected[name] = {"verdict": verdict, "notes": sorted(notes)}

    rng = random.Random(20260304)

    # --- producers' outputs reused below -------------------------------------------------
    clean_rl = pdf2.positioned_pdf(record(14), mode="words", logo=True)
    leak_rl_small = pdf2.positioned_pdf(with_note("q-greenhouse", count=4), mode="words")
    clean_lo = of.soffice(
        of.Fodt(columns=2)
        .paras(record(10))
        .raw(f'<text:p text:style-name="Body">Measures reviewed.{of.footnote(FOOTNOTE)}</text:p>')
        .raw(of.table([("03/04", record(1, 4)[0]), ("02/25", record(1, 6)[0])]))
        .paras(record(10, 3))
        .paras(record(10, 7)),
        "pdf",
    )
    clean_docx = of.soffice(of.Fodt().paras(record(6, 2)), "docx")
    scan_png = pdf2.scanned_page(record(5))
    leak_docx_runs = of.docx_package(
        of.p(of.run(record(1)[0])) + of.split_word_runs(NOTES["q-ring"])
    )

    # --- clean records that share the notes' vocabulary ---------------------------------
    add("clean_lo_columns_footnotes.pdf", clean_lo, "clean")
    add("clean_rl_words_logo.pdf", clean_rl, "clean")
    add(
        "clean_chromium_columns.pdf",
        chromium_page(rc.paragraphs_html(record(16)), columns=2),
        "clean",
    )
    add(
        "clean_chromium_quote.pdf",
        chromium_page(
            rc.paragraphs_html(record(3)) + f"<p>Client stated <q>{html.escape(SHORT_QUOTE)}</q> "
            "and was tearful.</p>" + rc.paragraphs_html(record(3, 5))
        ),
        "clean",
    )
    add(
        "clean_quote_q.html",
        rc.html_doc(
            rc.paragraphs_html(record(2))
            + f"<p>Daughter's words, per client: <q>{html.escape(SHORT_QUOTE)}"
            "</q> Client cried when recalling this.</p>"
        ),
        "clean",
    )
    add(
        "clean_quote_single.txt",
        f"{record(1)[0]}\n\nShe repeated her daughter's words, \u2018{SHORT_QUOTE}\u2019 and "
        f"became tearful.\n\n{record(1, 3)[0]}\n",
        "clean",
    )
    add(
        "clean_quote_block.txt",
        f'{record(1, 2)[0]}\r\n\r\nClient quote:\r\n    "{SHORT_QUOTE[:-1]}."\r\n\r\n{record(1, 4)[0]}\r\n',  # noqa: E501
        "clean",
    )
    add("clean_lo_table.docx", clean_docx, "clean")
    add(
        "clean_docx_tracked_insertions.docx",
        of.docx_package(
            "".join(of.p(of.run(t)) for t in record(3))
            + of.p(
                f'<w:ins w:id="1" w:author="Clinician" w:date="2026-03-04T09:00:00Z">{of.run(record(1, 6)[0])}</w:ins>'  # noqa: E501
            ),
            {"word/media/logo.png": pdf2._logo().getvalue()},
        ),
        "clean",
    )
    add("clean_txt_crlf.txt", "\r\n\r\n".join(rc.hard_wrapped(t) for t in record(8)), "clean")
    add("clean_rtf_lo.rtf", of.soffice(of.Fodt().paras(record(5, 1)), "rtf"), "clean")
    add(
        "clean_cda_sections.xml",
        rc.cda(rc.cda_sections([("Assessment", rc.cda_content_split(t)) for t in record(5)])),
        "clean",
    )
    add("clean_cda_nonxml_pdf.xml", rc.cda(rc.cda_nonxml("application/pdf", clean_rl)), "clean")
    add(
        "clean_fhir_searchset.json",
        rc.bundle(
            "searchset",
            [
                rc.fhir_patient(),
                *(rc.observation(t, i) for i, t in enumerate(record(6))),
                rc.doc_reference("text/plain; charset=utf-8", record(1, 7)[0].encode()),
            ],
        ),
        "clean",
    )
    add(
        "clean_zip_mixed_methods.zip",
        rc.zip_mixed_methods(
            {
                "export/record.pdf": clean_rl,
                "export/letter.docx": clean_docx,
                "export/summary.html": rc.html_doc(rc.paragraphs_html(record(4))).encode(),
                "export/ccd.xml": files["clean_cda_sections.xml"],
                "export/bundle.json": files["clean_fhir_searchset.json"],
                "export/notes.txt": files["clean_txt_crlf.txt"],
                "export/inner.zip": rc.zip_of({"a/b.txt": record(1)[0].encode()}),
                "__MACOSX/export/._record.pdf": b"\x00\x05\x16\x07",
            }
        ),
        "clean",
    )

    # --- leaks through every robustness case -------------------------------------------
    add(
        "leak_lo_columns_hyphenated.pdf",
        of.soffice(of.Fodt(columns=2).paras(with_note("q-ferry", at=19, count=26)), "pdf"),
        "leak",
        "q-ferry",
    )
    attic = NOTES["q-attic"].split(" ")
    attic_with_footnote = (
        '<text:p text:style-name="Body">'
        + html.escape(" ".join(attic[:11]))
        + of.footnote(FOOTNOTE)
        + " "
        + html.escape(" ".join(attic[11:]))
        + "</text:p>"
    )
    attic_doc = of.Fodt().paras(record(3)).raw(attic_with_footnote).paras(record(2, 5))
    add("leak_lo_footnote_mid.odt", of.soffice(attic_doc, "odt"), "leak", "q-attic")
    add("leak_lo_footnote_mid.pdf", of.soffice(attic_doc, "pdf"), "leak", "q-attic")
    add("leak_lo_footnote_mid.docx", of.soffice(attic_doc, "docx"), "leak", "q-attic")
    add(
        "leak_lo_table_narrow.pdf",
        of.soffice(
            of.Fodt(font_size="9pt")
            .paras(record(2))
            .raw(
                of.table(
                    [
                        ("02/11", record(1, 3)[0]),
                        ("02/18", NOTES["q-bakery"]),
                        ("02/25", record(1, 5)[0]),
                    ]
                )
            ),
            "pdf",
        ),
        "leak",
        "q-bakery",
    )
    add(
        "leak_lo_tracked_deletion.docx",
        of.soffice(of.Fodt(changes=[NOTES["q-ring"]]).paras(record(3)), "docx"),
        "leak",
        "q-ring",
    )
    add(
        "leak_lo_comment.docx",
        of.soffice(
            of.Fodt()
            .paras(record(2))
            .raw(
                f'<text:p text:style-name="Body">Reviewed.{of.annotation(NOTES["q-tattoo"])}</text:p>'  # noqa: E501
            ),
            "docx",
        ),
        "leak",
        "q-tattoo",
    )
    add(
        "leak_lo_frame.docx",
        of.soffice(
            of.Fodt()
            .paras(record(2))
            .raw(
                f'<text:p text:style-name="Body">{of.frame(NOTES["q-greenhouse"])}See box.</text:p>'
            ),
            "docx",
        ),
        "leak",
        "q-greenhouse",
    )
    add(
        "leak_lo_endnote.rtf",
        of.soffice(
            of.Fodt()
            .paras(record(3))
            .raw(
                f'<text:p text:style-name="Body">Addendum.{of.footnote(NOTES["q-chess"], "endnote")}</text:p>'  # noqa: E501
            ),
            "rtf",
        ),
        "leak",
        "q-chess",
    )
    add(
        "leak_lo_export.html",
        of.soffice(of.Fodt().paras(with_note("q-bus")), "html"),
        "leak",
        "q-bus",
    )
    add(
        "leak_lo_permissions_only.pdf",
        of.soffice(
            of.Fodt().paras(with_note("q-quarry")),
            of.pdf_filter(
                RestrictPermissions=("boolean", True),
                PermissionPassword=("string", "owner-only"),
                Changes=("long", 0),
                EnableCopyingOfContent=("boolean", False),
            ),
        ),
        "leak",
        "q-quarry",
    )

    add(
        "leak_rl_glyphs.pdf",
        pdf2.positioned_pdf(with_note("q-ferry", at=3, count=8), mode="glyphs"),
        "leak",
        "q-ferry",
    )
    add(
        "leak_rl_short_note_page_break.pdf",
        pdf2.positioned_pdf(
            with_note("q-attic", at=9, count=14),
            mode="words",
            lines_per_column=30,
            straddle=NOTES["q-attic"],
            page_label="- {n} -",
        ),
        "leak",
        "q-attic",
    )
    add(
        "leak_rl_two_columns_edited.pdf",
        pdf2.positioned_pdf(
            [*record(5), edited(NOTES["q-bakery"]), *record(5, 5)],
            columns=2,
            lines_per_column=40,
            straddle=edited(NOTES["q-bakery"]),
        ),
        "leak",
        "q-bakery",
    )
    add("leak_rl_rotated_margin.pdf", pdf2.rotated_pdf(record(3), NOTES["q-bus"]), "leak", "q-bus")
    add(
        "leak_rl_freetext.pdf",
        pdf2.with_comments(pdf2.positioned_pdf(record(5)), free_text=NOTES["q-tattoo"]),
        "leak",
        "q-tattoo",
    )
    add(
        "leak_rl_popup_note.pdf",
        pdf2.with_comments(pdf2.positioned_pdf(record(5)), popup_note=NOTES["q-chess"]),
        "leak",
        "q-chess",
    )
    add("leak_rl_form_field.pdf", pdf2.form_pdf(record(3), NOTES["q-quarry"]), "leak", "q-quarry")
    add(
        "leak_rl_attached_docx.pdf",
        pdf2.with_attachment(clean_rl, "addendum.docx", leak_docx_runs),
        "leak",
        "q-ring",
    )

    add(
        "leak_chromium_soft_hyphens.pdf",
        chromium_page(
            rc.paragraphs_html(record(4))
            + f"<p>{rc.entity_soup(NOTES['q-greenhouse'])}</p>"
            + rc.paragraphs_html(record(8, 4)),
            columns=2,
        ),
        "leak",
        "q-greenhouse",
    )
    add(
        "leak_chromium_letter_spacing.pdf",
        chromium_page(
            rc.paragraphs_html(record(3))
            + f'<p class="ls">{html.escape(NOTES["q-bakery"])}</p>'
            + f'<p class="sc">{html.escape(NOTES["q-ring"])}</p>',
            extra_css=".ls{letter-spacing:.08em;word-spacing:.2em}.sc{font-variant:small-caps;"
            "text-transform:uppercase}",
        ),
        "leak",
        "q-bakery",
        "q-ring",
    )
    add(
        "leak_chromium_table.pdf",
        chromium_page(
            rc.paragraphs_html(record(2))
            + "<table border=1 style='border-collapse:collapse'>"
            + "".join(
                f"<tr><td>0{i + 1}/1{i}</td><td>{html.escape(t)}</td></tr>"
                for i, t in enumerate([*record(2, 3), NOTES["q-ferry"], *record(2, 6)])
            )
            + "</table>"
        ),
        "leak",
        "q-ferry",
    )
    add(
        "leak_chromium_spans.pdf",
        chromium_page(
            rc.paragraphs_html(record(5)) + f"<p>{rc.spans_per_letter_group(NOTES['q-chess'])}</p>",
            extra_css=".c3{color:#222}.c2{font-style:italic}.c1{font-weight:bold}",
        ),
        "leak",
        "q-chess",
    )

    add(
        "leak_docx_split_runs_everything.docx",
        leak_docx_runs,
        "leak",
        "q-ring",
    )
    add(
        "leak_docx_field_result.docx",
        of.docx_package(of.p(of.run(record(1)[0])) + of.field_result(NOTES["q-chess"])),
        "leak",
        "q-chess",
    )
    add(
        "leak_docx_vml_text_box.docx",
        of.docx_package(of.p(of.run(record(1)[0])) + of.vml_text_box(NOTES["q-bus"])),
        "leak",
        "q-bus",
    )
    add(
        "leak_docx_deleted.docx",
        of.docx_package(of.p(of.run(record(1)[0])) + of.deleted(NOTES["q-tattoo"])),
        "leak",
        "q-tattoo",
    )
    add(
        "leak_docx_moved_from.docx",
        of.docx_package(of.p(of.run(record(1)[0])) + of.moved(NOTES["q-quarry"])),
        "leak",
        "q-quarry",
    )
    add(
        "leak_docx_endnote.docx",
        of.docx_package(
            of.p(of.run(record(1)[0])),
            {
                "word/endnotes.xml": of.part_xml(
                    "endnotes", f'<w:endnote w:id="1">{of.p(of.run(NOTES["q-ferry"]))}</w:endnote>'
                )
            },
            [("rId5", "endnotes", "endnotes.xml")],
        ),
        "leak",
        "q-ferry",
    )
    add(
        "leak_docx_footer.docx",
        of.docx_package(
            of.p(of.run(record(1)[0])),
            {"word/footer1.xml": of.part_xml("ftr", of.p(of.run(NOTES["q-attic"])))},
            [("rId6", "footer", "footer1.xml")],
        ),
        "leak",
        "q-attic",
    )
    add(
        "leak_docx_altchunk_html.docx",
        of.docx_package(
            of.p(of.run(record(1)[0])) + '<w:altChunk r:id="rId9"/>',
            {"word/afchunk.htm": rc.html_doc(f"<p>{rc.entity_soup(NOTES['q-greenhouse'])}</p>")},
            [("rId9", "aFChunk", "afchunk.htm")],
        ),
        "leak",
        "q-greenhouse",
    )
    add(
        "leak_docx_embedded_docx.docx",
        of.docx_package(
            of.p(of.run(record(1)[0])),
            {
                "word/embeddings/Microsoft_Word_Document1.docx": of.soffice(
                    of.Fodt().paras(with_note("q-bakery")), "docx"
                )
            },
            [("rId7", "package", "embeddings/Microsoft_Word_Document1.docx")],
        ),
        "leak",
        "q-bakery",
    )

    add(
        "leak_html_entities.html",
        rc.html_doc(rc.paragraphs_html(record(3)) + f"<p>{rc.entity_soup(NOTES['q-ferry'])}</p>"),
        "leak",
        "q-ferry",
    )
    add(
        "leak_html_letter_spans.html",
        rc.html_doc(
            rc.paragraphs_html(record(2))
            + f"<div>{rc.spans_per_letter_group(NOTES['q-chess'])}</div>"
        ),
        "leak",
        "q-chess",
    )
    add(
        "leak_html_cp1252.html",
        rc.html_doc(
            rc.paragraphs_html([*record(2), NOTES["q-quote"]]), charset="windows-1252"
        ).encode("cp1252"),
        "leak",
        "q-quote",
    )
    add(
        "leak_html_utf16.html",
        rc.html_doc(rc.paragraphs_html(with_note("q-bakery"))).encode("utf-16"),
        "leak",
        "q-bakery",
    )
    add(
        "leak_html_form_fields.html",
        rc.html_doc(
            rc.paragraphs_html(record(2))
            + f'<form><textarea name="a">{html.escape(NOTES["q-ring"])}</textarea>'
            f'<input type="hidden" name="b" value="{html.escape(NOTES["q-attic"])}"></form>'
        ),
        "leak",
        "q-attic",
        "q-ring",
    )

    add(
        "leak_txt_crlf_hyphenated.txt",
        "\r\n\r\n".join(rc.hard_wrapped(t) for t in with_note("q-ferry", at=3)),
        "leak",
        "q-ferry",
    )
    add(
        "leak_txt_unicode_forms.txt",
        "\n\n".join([*record(2), rc.unicode_variants(NOTES["q-bakery"])]),
        "leak",
        "q-bakery",
    )
    add(
        "leak_txt_utf16be.txt",
        "\n".join(with_note("q-greenhouse")).encode("utf-16-be"),
        "leak",
        "q-greenhouse",
    )
    add(
        "leak_txt_cr_only.txt",
        "\r\r".join(rc.hard_wrapped(t, 50, "  ", "\r") for t in with_note("q-chess")),
        "leak",
        "q-chess",
    )
    add("leak_txt_header_blocks.txt", straddling_print("q-attic"), "leak", "q-attic")
    add(
        "leak_txt_latin1_caps.txt",
        "\n\n".join([*record(2), NOTES["q-tattoo"].upper()]).encode("latin-1"),
        "leak",
        "q-tattoo",
    )

    add(
        "leak_rtf_optional_hyphens.rtf",
        rc.rtf_tricky(record(3), NOTES["q-ferry"]),
        "leak",
        "q-ferry",
    )
    add(
        "leak_rtf_page_header.rtf",
        rc.rtf_tricky(record(3), NOTES["q-attic"], where="header"),
        "leak",
        "q-attic",
    )
    add(
        "leak_rtf_footnote.rtf",
        rc.rtf_tricky(record(3), NOTES["q-tattoo"], where="footnote"),
        "leak",
        "q-tattoo",
    )

    add(
        "leak_cda_table_cell.xml",
        rc.cda(
            rc.cda_sections(
                [
                    ("Assessment", rc.cda_content_split(record(1)[0])),
                    (
                        "Visit notes",
                        rc.cda_table(
                            [
                                ("02/11", record(1, 2)[0]),
                                ("02/18", rc.cda_content_split(NOTES["q-bakery"])),
                            ]
                        ),
                    ),
                ]
            )
        ),
        "leak",
        "q-bakery",
    )
    add(
        "leak_cda_prefixed.xml",
        rc.cda(
            rc.cda_sections(
                [("Plan", record(1, 6)[0]), ("Notes", rc.cda_content_split(NOTES["q-ring"]))]
            ),
            prefix="cda",
        ),
        "leak",
        "q-ring",
    )
    add(
        "leak_cda_nonxml_text.xml",
        rc.cda(rc.cda_nonxml("text/plain", "\n".join(with_note("q-quarry")).encode())),
        "leak",
        "q-quarry",
    )
    add(
        "leak_cda_nonxml_deflate_html.xml",
        rc.cda(
            rc.cda_nonxml(
                "text/html",
                rc.html_doc(f"<p>{rc.entity_soup(NOTES['q-tattoo'])}</p>").encode(),
                compression="DF",
            )
        ),
        "leak",
        "q-tattoo",
    )
    add(
        "leak_cda_observation_media_pdf.xml",
        rc.cda(
            rc.cda_observation_media(
                [("Documents", "Letter attached."), ("Plan", record(1, 6)[0])],
                "application/pdf",
                leak_rl_small,
            )
        ),
        "leak",
        "q-greenhouse",
    )
    add(
        "leak_cda_utf16_rtf.xml",
        rc.cda(rc.cda_nonxml("text/rtf", rc.rtf_tricky(record(2), NOTES["q-chess"])))
        .replace('encoding="UTF-8"', 'encoding="UTF-16"')
        .encode("utf-16"),
        "leak",
        "q-chess",
    )

    add(
        "leak_fhir_transaction_binary_html.json",
        rc.bundle(
            "transaction",
            [
                rc.fhir_patient(),
                rc.observation(record(1)[0], 0),
                rc.binary(
                    "text/html", rc.html_doc(f"<p>{rc.entity_soup(NOTES['q-bus'])}</p>").encode()
                ),
            ],
        ),
        "leak",
        "q-bus",
    )
    add(
        "leak_fhir_document_pdf.json",
        rc.bundle(
            "document",
            [
                {
                    "resourceType": "Composition",
                    "status": "final",
                    "title": "Visit",
                    "section": [
                        {"title": "Assessment", "text": rc.narrative(rc.paragraphs_html(record(2)))}
                    ],
                },
                rc.fhir_patient(),
                rc.doc_reference("application/pdf", leak_rl_small, "Letter"),
            ],
        ),
        "leak",
        "q-greenhouse",
    )
    add(
        "leak_fhir_searchset_docx.json",
        rc.bundle(
            "searchset",
            [
                rc.fhir_patient(),
                rc.doc_reference(
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    leak_docx_runs,
                ),
            ],
        ),
        "leak",
        "q-ring",
    )
    add(
        "leak_fhir_collection_narrative.json",
        rc.bundle(
            "collection",
            [
                rc.fhir_patient(),
                {
                    "resourceType": "Condition",
                    "clinicalStatus": {"text": "active"},
                    "text": rc.narrative(f"<p>{rc.entity_soup(NOTES['q-attic'])}</p>"),
                },
            ],
        ),
        "leak",
        "q-attic",
    )
    add(
        "leak_fhir_bulk.ndjson",
        "\n".join(
            json.dumps(r)
            for r in [
                rc.fhir_patient(),
                rc.observation(record(1)[0], 1),
                rc.doc_reference("text/plain; charset=utf-8", NOTES["q-quarry"].encode()),
            ]
        )
        + "\n",
        "leak",
        "q-quarry",
    )
    add(
        "leak_fhir_zip_attachment.json",
        rc.bundle(
            "collection",
            [
                rc.fhir_patient(),
                rc.doc_reference(
                    "application/zip",
                    rc.zip_of(
                        {
                            "inner/notes.zip": rc.zip_of(
                                {"visit.txt": "\n".join(with_note("q-tattoo")).encode()}
                            )
                        }
                    ),
                ),
            ],
        ),
        "leak",
        "q-tattoo",
    )
    add(
        "leak_fhir_value_attachment_rtf.json",
        rc.bundle(
            "collection",
            [
                {
                    "resourceType": "Observation",
                    "status": "final",
                    "code": {"text": "Letter"},
                    "valueAttachment": {
                        "contentType": "application/rtf",
                        "data": __import__("base64")
                        .b64encode(rc.rtf_tricky(record(1), NOTES["q-ring"]))
                        .decode(),
                    },
                }
            ],
        ),
        "leak",
        "q-ring",
    )

    leak_txt = "\n\n".join(with_note("q-tattoo")).encode()
    add(
        "leak_zip_three_deep.zip",
        rc.zip_of(
            {
                "record.pdf": clean_rl,
                "level1/inner.zip": rc.zip_of(
                    {
                        "summary.html": rc.html_doc(rc.paragraphs_html(record(3))).encode(),
                        "level2/deeper.zip": rc.zip_of(
                            {
                                "ccd.xml": files["clean_cda_sections.xml"],
                                "level3/deepest.zip": rc.zip_of({"visit.txt": leak_txt}),
                            }
                        ),
                    }
                ),
            }
        ),
        "leak",
        "q-tattoo",
    )
    clean_members = {"record.pdf": clean_rl, "summary.txt": files["clean_txt_crlf.txt"]}
    add(
        "leak_zip_bad_crc_and_leak.zip",
        rc.bad_crc(rc.zip_of({**clean_members, "letter.docx": leak_docx_runs}), "summary.txt"),
        "leak",
        "q-ring",
    )
    add(
        "leak_zip_no_extensions.zip",
        rc.zip_of(
            {
                "DOC0001": clean_rl,
                "DOC0002": leak_docx_runs,
                "DOC0003": files["clean_fhir_searchset.json"],
            }
        ),
        "leak",
        "q-ring",
    )

    # --- files that cannot be verified ------------------------------------------------------
    add(
        "cannot_lo_password.pdf",
        of.soffice(
            of.Fodt().paras(record(4)),
            of.pdf_filter(EncryptFile=("boolean", True), DocumentOpenPassword=("string", "r3cord")),
        ),
        "cannot_verify",
    )
    add("cannot_lo_garbled_page.pdf", pdf2.garble_stream(clean_lo, 1), "cannot_verify")
    add("cannot_lo_legacy.doc", of.soffice(of.Fodt().paras(record(3)), "doc"), "cannot_verify")
    add("cannot_rl_aes256.pdf", pdf2.aes256(clean_rl, "visit-2026"), "cannot_verify")
    add(
        "clean_ocr_rl_mixed_scan.pdf",
        pdf2.mixed_scan_pdf([record(3), record(3, 3), record(2, 6)], scan_png),
        "clean",
    )
    add("cannot_rl_cut_stream.pdf", pdf2.cut_stream_length(clean_rl, 0), "cannot_verify")
    add("cannot_rl_truncated_tail.pdf", clean_rl[: len(clean_rl) - 60], "cannot_verify")
    add("cannot_rl_truncated_middle.pdf", clean_lo[: len(clean_lo) // 2], "cannot_verify")
    add(
        "clean_ocr_chromium_scan.pdf",
        chromium_page(
            '<img style="width:100%" src="data:image/png;base64,'
            + __import__("base64").b64encode(scan_png).decode()
            + '">'
        ),
        "clean",
    )
    add(
        "clean_ocr_docx_scanned_picture.docx",
        of.docx_package(
            of.p(of.run("Consent form, scanned:")), {"word/media/image1.png": scan_png}
        ),
        "clean",
    )
    add(
        "clean_ocr_html_scanned_image.html",
        rc.html_doc(
            rc.paragraphs_html(record(2))
            + '<img alt="" src="data:image/png;base64,'
            + __import__("base64").b64encode(scan_png).decode()
            + '">'
        ),
        "clean",
    )
    add(
        "cannot_rtf_truncated.rtf",
        files["clean_rtf_lo.rtf"][: len(files["clean_rtf_lo.rtf"]) * 2 // 3],
        "cannot_verify",
    )
    add(
        "clean_ocr_cda_tiff_scan.xml",
        rc.cda(rc.cda_nonxml("image/tiff", tiff_of(scan_png))),
        "clean",
    )
    add(
        "cannot_cda_bad_base64.xml",
        rc.cda(rc.cda_nonxml("application/pdf", clean_rl)).replace("JVBER", "JVB!R", 1),
        "cannot_verify",
    )
    add("cannot_cda_external_entity.xml", rc.external_entity_cda(), "cannot_verify")
    add(
        "clean_ocr_fhir_jpeg_letter.json",
        rc.bundle(
            "searchset",
            [
                rc.fhir_patient(),
                rc.observation(record(1)[0], 0),
                rc.doc_reference("image/jpeg", jpeg_of(scan_png)),
            ],
        ),
        "clean",
    )
    add(
        "cannot_fhir_password_pdf.json",
        rc.bundle(
            "document",
            [
                rc.fhir_patient(),
                rc.doc_reference("application/pdf", pdf2.aes256(leak_rl_small, "x")),
            ],
        ),
        "cannot_verify",
    )
    add("cannot_fhir_deep_nesting.json", rc.deep_json(), "cannot_verify")
    add("cannot_fhir_xml_entities.xml", rc.billion_laughs_fhir(), "cannot_verify")
    add(
        "cannot_zip_bad_crc.zip",
        rc.bad_crc(rc.zip_of(clean_members), "summary.txt"),
        "cannot_verify",
    )
    add(
        "cannot_zip_encrypted_members.zip",
        rc.encrypted_member_zip(
            {"summary.txt": files["clean_txt_crlf.txt"], "record.pdf": clean_rl}, "s3cret"
        ),
        "cannot_verify",
    )
    add(
        "cannot_zip_too_deep.zip",
        rc.nested(11, "visit.txt", record(1)[0].encode()),
        "cannot_verify",
    )
    add("cannot_zip_nested_bomb.zip", rc.nested_bomb(), "cannot_verify")
    add(
        "cannot_gzip_export.txt.gz",
        gzip.compress("\n".join(record(4)).encode(), mtime=0),
        "cannot_verify",
    )
    add("cannot_random.pdf", bytes(rng.getrandbits(8) for _ in range(3000)), "cannot_verify")

    # --- added after the first run of the checker on this corpus --------------------------
    attic_words = NOTES["q-attic"].split()
    add(
        "leak_txt_header_block_mid_sentence.txt",
        "\n\n".join(record(2))
        + "\n\n"
        + " ".join(attic_words[:11])
        + "\n\n"
        + rc.repeated_header_print(["Continued."], 4).replace("Continued.", "").strip()
        + "\n\n"
        + " ".join(attic_words[11:])
        + "\n\n"
        + "\n\n".join(record(2, 4)),
        "leak",
        "q-attic",
    )
    add(
        "leak_csv_quoted_cell.csv",
        "date,clinician,note\r\n"
        + "".join(
            f'03/0{i + 1}/2026,T. Ames,"{t}"\r\n'
            for i, t in enumerate([*record(2), NOTES["q-attic"], *record(2, 5)])
        ),
        "leak",
        "q-attic",
    )
    add(
        "leak_html_script_data.html",
        rc.html_doc(
            rc.paragraphs_html(record(2))
            + '<script type="application/json" id="state">'
            + json.dumps({"notes": [{"text": NOTES["q-quarry"]}]})
            + "</script>"
        ),
        "leak",
        "q-quarry",
    )
    add(
        "clean_record.csv",
        "date,note\n" + "".join(f'03/0{i}/2026,"{t}"\n' for i, t in enumerate(record(5))),
        "clean",
    )

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
    total = sum(p.stat().st_size for p in OUT.iterdir())
    print(f"{len(expected)} files, {total / 1e6:.1f} MB written to {OUT.name}/")


if __name__ == "__main__":
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1772600000")
    main()
