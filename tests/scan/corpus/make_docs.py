"""DOCX (python-docx, and hand-built parts python-docx cannot write), HTML, RTF, C-CDA, FHIR."""

from __future__ import annotations

import base64
import html
import io
import json
import textwrap
import zipfile

import docx
from corpus_text import HEADER

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def python_docx(
    paragraphs: list[str], *, split_words: str = "", comment: str = "", header: str = HEADER
) -> bytes:
    """A record written with python-docx; ``split_words`` goes in runs cut mid-word."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = header
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if split_words:
        target = document.add_paragraph()
        for i, word in enumerate(split_words.split(" ")):
            cut = max(1, len(word) // 2)
            target.add_run(word[:cut]).bold = i % 2 == 0
            target.add_run(word[cut:] + " ").italic = True
    if comment:
        anchor = document.add_paragraph("Reviewed with supervisor.")
        document.add_comment(anchor.runs, text=comment, author="Clinician", initials="C")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _runs(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{html.escape(text)}</w:t></w:r>'


def hand_docx(body_xml: str, extra_parts: dict[str, str] | None = None) -> bytes:
    """A minimal WordprocessingML package with the given body and parts (footnotes...)."""
    extra_parts = extra_parts or {}
    overrides = "".join(
        f'<Override PartName="/{name}" ContentType="application/vnd.openxmlformats-'
        f'officedocument.wordprocessingml.{name.split("/")[-1][:-4]}+xml"/>'
        for name in extra_parts
    )
    content_types = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org'
        '/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
        'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="'
        'application/xml"/><Override PartName="/word/document.xml" ContentType="application/'
        f'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>{overrides}'
        "</Types>"
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxml'
        'formats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas'
        '.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/'
        'document.xml"/></Relationships>'
    )
    document = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        f"<w:body>{body_xml}</w:body></w:document>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", content_types)
        package.writestr("_rels/.rels", rels)
        package.writestr("word/document.xml", document)
        for name, xml in extra_parts.items():
            package.writestr(name, xml)
    return out.getvalue()


def paragraphs_xml(paragraphs: list[str]) -> str:
    return "".join(f"<w:p>{_runs(p)}</w:p>" for p in paragraphs)


def footnotes_part(text: str) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><w:footnotes xmlns:w="{W_NS}">'
        f'<w:footnote w:id="1"><w:p>{_runs(text)}</w:p></w:footnote></w:footnotes>'
    )


def tracked_insertion(text: str) -> str:
    half = len(text) // 2
    return (
        f'<w:p><w:ins w:id="1" w:author="Clinician" w:date="2026-01-14T10:00:00Z">'
        f'{_runs(text[:half])}</w:ins><w:ins w:id="2" w:author="Clinician" '
        f'w:date="2026-01-14T10:01:00Z">{_runs(text[half:])}</w:ins></w:p>'
    )


def content_control(text: str) -> str:
    return (
        '<w:sdt><w:sdtPr><w:alias w:val="Addendum"/></w:sdtPr><w:sdtContent>'
        f"<w:p>{_runs(text)}</w:p></w:sdtContent></w:sdt>"
    )


def text_box(text: str) -> str:
    return (
        '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>'
        f"<w:txbxContent><w:p>{_runs(text)}</w:p></w:txbxContent></wps:txbx></w:drawing>"
        "</mc:Choice></mc:AlternateContent></w:r></w:p>"
    )


def html_page(paragraphs: list[str], title: str = "Visit summary") -> str:
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><h1>{title}</h1>{body}</body></html>"
    )


def marked_up(text: str) -> str:
    """Leak text as a web EHR might render it: entities, soft hyphens, tags inside words."""
    out = []
    for i, word in enumerate(text.split()):
        word = html.escape(word).replace("&#x27;", "&rsquo;")
        if len(word) > 8 and i % 3 == 0:
            word = word[:4] + "&shy;" + word[4:]
        elif len(word) > 6 and i % 3 == 1:
            word = f"{word[:3]}<b>{word[3:5]}</b><span class='x'>{word[5:]}</span>"
        out.append(word)
    return " \n  ".join(out)


def rtf(paragraphs: list[str]) -> bytes:
    def escape(text: str) -> str:
        out = []
        for ch in text:
            if ch in "\\{}":
                out.append("\\" + ch)
            elif ord(ch) > 127:
                out.append(f"\\u{ord(ch)}?")
            else:
                out.append(ch)
        return "".join(out)

    body = "".join(f"{{\\pard\\sa120 {escape(p)}\\par}}\n" for p in paragraphs)
    return (
        f"{{\\rtf1\\ansi\\deff0{{\\fonttbl{{\\f0 Times New Roman;}}}}\\f0\\fs22\n{body}}}"
    ).encode("ascii")


def ccda(sections: list[tuple[str, str]], *, attachment: tuple[str, bytes] | None = None) -> bytes:
    """A C-CDA document: narrative sections, or a nonXMLBody carrying a base64 file."""
    if attachment is not None:
        media_type, data = attachment
        encoded = base64.encodebytes(data).decode()
        body = (
            f'<nonXMLBody><text mediaType="{media_type}" representation="B64">{encoded}'
            "</text></nonXMLBody>"
        )
    else:
        parts = "".join(
            f"<component><section><title>{html.escape(title)}</title><text>{text}</text>"
            "</section></component>"
            for title, text in sections
        )
        body = f"<structuredBody>{parts}</structuredBody>"
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<ClinicalDocument xmlns="urn:hl7-org:v3" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><realmCode code="US"/>'
        '<templateId root="2.16.840.1.113883.10.20.22.1.1"/><title>Progress Note</title>'
        '<effectiveTime value="20260114"/><recordTarget><patientRole><patient><name>'
        "<given>Nadia</given><family>Quell</family></name></patient></patientRole>"
        f"</recordTarget><component>{body}</component></ClinicalDocument>"
    ).encode()


def fhir_bundle(
    texts: list[str],
    *,
    attachment: tuple[str, bytes] | None = None,
    narrative: str = "",
    bundle_type: str = "searchset",
    raw_data: str | None = None,
) -> bytes:
    entries: list[dict[str, object]] = [
        {
            "resource": {
                "resourceType": "Patient",
                "id": "p1",
                "name": [{"family": "Quell", "given": ["Nadia"]}],
            }
        },
    ]
    for i, text in enumerate(texts):
        entries.append(
            {
                "resource": {
                    "resourceType": "Observation",
                    "id": f"o{i}",
                    "status": "final",
                    "code": {"text": "Clinical note"},
                    "valueString": text,
                    "note": [{"text": "Reviewed."}],
                }
            }
        )
    if narrative:
        entries.append(
            {
                "resource": {
                    "resourceType": "Composition",
                    "id": "c1",
                    "status": "final",
                    "title": "Visit",
                    "section": [
                        {
                            "title": "Assessment",
                            "text": {
                                "status": "generated",
                                "div": f'<div xmlns="http://www.w3.org/1999/xhtml"><p>{narrative}</p></div>',
                            },
                        }
                    ],
                }
            }
        )
    if attachment is not None or raw_data is not None:
        content_type, data = attachment or ("application/pdf", b"")
        encoded = raw_data if raw_data is not None else base64.b64encode(data).decode()
        entries.append(
            {
                "resource": {
                    "resourceType": "DocumentReference",
                    "id": "d1",
                    "status": "current",
                    "content": [
                        {
                            "attachment": {
                                "contentType": content_type,
                                "data": encoded,
                                "title": "Scanned letter",
                            }
                        }
                    ],
                }
            }
        )
    bundle = {"resourceType": "Bundle", "type": bundle_type, "entry": entries}
    return json.dumps(bundle, indent=1).encode()


def fhir_xml(texts: list[str], attachment: tuple[str, bytes]) -> bytes:
    """A FHIR Bundle in XML: values sit in attributes, attachments in <data value=...>."""
    observations = "".join(
        f'<entry><resource><Observation><status value="final"/><valueString '
        f'value="{html.escape(t)}"/></Observation></resource></entry>'
        for t in texts
    )
    content_type, data = attachment
    return (
        '<?xml version="1.0" encoding="UTF-8"?><Bundle xmlns="http://hl7.org/fhir">'
        f'<type value="collection"/>{observations}<entry><resource><DocumentReference>'
        f'<status value="current"/><content><attachment><contentType value="{content_type}"/>'
        f'<data value="{base64.b64encode(data).decode()}"/></attachment></content>'
        "</DocumentReference></resource></entry></Bundle>"
    ).encode()


def paged_text(paragraphs: list[str], header: str, lines_per_page: int = 20) -> bytes:
    """A plain-text print file: form feeds between pages, a header on each."""
    lines = [line for p in paragraphs for line in (*textwrap.wrap(p, 72), "")]
    pages = [lines[i : i + lines_per_page] for i in range(0, len(lines), lines_per_page)]
    return "\f".join(
        f"{header}\n\n" + "\n".join(page) + f"\n\nPage {n} of {len(pages)}\n"
        for n, page in enumerate(pages, start=1)
    ).encode()
