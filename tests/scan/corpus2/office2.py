"""LibreOffice exports from a hand-written flat ODT, and hand-built DOCX packages.

The flat ODT carries what EHR letters and printouts have: two columns, justified text with
automatic hyphenation, a running header, a footer "Page N of M", footnotes, endnotes,
tables, tracked changes, comments and text frames. soffice then writes PDF, DOCX, RTF,
HTML and legacy DOC from it, so those files come from a real producer.
"""

from __future__ import annotations

import html
import io
import json
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from people2 import CLIENT, CLINIC

_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"'
)


@dataclass
class Fodt:
    """A record as flat ODT; each body item is a paragraph string or a ready XML snippet."""

    body: list[str] = field(default_factory=list)
    columns: int = 1
    hyphenate: bool = True
    justify: bool = True
    font_size: str = "10.5pt"
    changes: list[str] = field(default_factory=list)  # deleted paragraphs (tracked)

    def para(self, text: str) -> Fodt:
        self.body.append(f'<text:p text:style-name="Body">{html.escape(text)}</text:p>')
        return self

    def paras(self, texts: list[str]) -> Fodt:
        for text in texts:
            self.para(text)
        return self

    def raw(self, xml: str) -> Fodt:
        self.body.append(xml)
        return self

    def xml(self) -> str:
        hyph = (
            'fo:hyphenate="true" fo:hyphenation-remain-char-count="2" '
            'fo:hyphenation-push-char-count="2"'
            if self.hyphenate
            else 'fo:hyphenate="false"'
        )
        align = "justify" if self.justify else "start"
        columns = (
            f'<style:columns fo:column-count="{self.columns}" fo:column-gap="0.8cm"/>'
            if self.columns > 1
            else ""
        )
        tracked = ""
        if self.changes:
            regions = "".join(
                f'<text:changed-region text:id="ct{i}"><text:deletion><office:change-info>'
                "<dc:creator>Clinician</dc:creator><dc:date>2026-03-02T10:00:00</dc:date>"
                f"</office:change-info><text:p>{html.escape(t)}</text:p></text:deletion>"
                "</text:changed-region>"
                for i, t in enumerate(self.changes)
            )
            tracked = (
                f'<text:tracked-changes text:track-changes="true">{regions}</text:tracked-changes>'
            )
            self.body.append(
                '<text:p text:style-name="Body">Addendum follows.'
                + "".join(
                    f'<text:change text:change-id="ct{i}"/>' for i in range(len(self.changes))
                )
                + "</text:p>"
            )
        return (
            f'<?xml version="1.0" encoding="UTF-8"?><office:document {_NS} office:version="1.3" '
            'office:mimetype="application/vnd.oasis.opendocument.text">'
            '<office:font-face-decls><style:font-face style:name="Liberation Serif" '
            "svg:font-family=\"'Liberation Serif'\"/></office:font-face-decls>"
            "<office:styles>"
            '<style:default-style style:family="paragraph"><style:text-properties '
            'style:font-name="Liberation Serif" fo:language="en" fo:country="US" '
            f'fo:font-size="{self.font_size}"/></style:default-style>'
            '<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties '
            f'fo:text-align="{align}" fo:margin-bottom="0.2cm"/><style:text-properties {hyph} '
            'fo:language="en" fo:country="US"/></style:style>'
            "</office:styles>"
            '<office:automatic-styles><style:page-layout style:name="PL"><style:page-layout-properties '  # noqa: E501
            'fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm" '
            'fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm">'
            f"{columns}</style:page-layout-properties>"
            '<style:header-style><style:header-footer-properties fo:min-height="0.8cm" '
            'fo:margin-bottom="0.4cm"/></style:header-style><style:footer-style>'
            '<style:header-footer-properties fo:min-height="0.8cm" fo:margin-top="0.4cm"/>'
            "</style:footer-style></style:page-layout></office:automatic-styles>"
            '<office:master-styles><style:master-page style:name="Standard" '
            'style:page-layout-name="PL">'
            f"<style:header><text:p>{html.escape(CLINIC)} \u2014 {html.escape(CLIENT)}</text:p>"
            "</style:header><style:footer><text:p>Confidential \u2014 Page <text:page-number/> "
            "of <text:page-count/></text:p></style:footer></style:master-page>"
            "</office:master-styles>"
            f"<office:body><office:text>{tracked}{''.join(self.body)}</office:text></office:body>"
            "</office:document>"
        )


def footnote(text: str, kind: str = "footnote", n: int = 1) -> str:
    return (
        f'<text:note text:id="{kind}{n}" text:note-class="{kind}"><text:note-citation>{n}'
        f"</text:note-citation><text:note-body><text:p>{html.escape(text)}</text:p>"
        "</text:note-body></text:note>"
    )


def annotation(text: str) -> str:
    return (
        "<office:annotation><dc:creator>Clinician</dc:creator><dc:date>2026-03-02T10:00:00"
        f"</dc:date><text:p>{html.escape(text)}</text:p></office:annotation>"
    )


def frame(text: str) -> str:
    return (
        '<draw:frame text:anchor-type="paragraph" svg:width="8cm" svg:height="5cm" '
        'svg:x="9cm" svg:y="0cm"><draw:text-box>'
        f"<text:p>{html.escape(text)}</text:p></draw:text-box></draw:frame>"
    )


def table(rows: list[tuple[str, str]]) -> str:
    cells = "".join(
        f"<table:table-row><table:table-cell><text:p>{html.escape(a)}</text:p></table:table-cell>"
        f'<table:table-cell><text:p text:style-name="Body">{html.escape(b)}</text:p>'
        "</table:table-cell></table:table-row>"
        for a, b in rows
    )
    return (
        '<table:table table:name="Visits"><table:table-column table:number-columns-repeated="2"/>'
        f"{cells}</table:table>"
    )


def soffice(doc: Fodt | str, target: str, suffix: str = ".fodt") -> bytes:
    """Convert with LibreOffice headless in a private profile; ``target`` may hold a filter."""
    office = shutil.which("soffice")
    if office is None:
        raise RuntimeError("LibreOffice is needed: apt-get install libreoffice-writer-nogui")
    source_text = doc.xml() if isinstance(doc, Fodt) else doc
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / f"record{suffix}"
        source.write_text(source_text, encoding="utf-8")
        subprocess.run(
            [
                office,
                f"-env:UserInstallation=file://{work}/profile",
                "--headless",
                "--convert-to",
                target,
                "--outdir",
                work,
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=240,
        )
        return (Path(work) / f"record.{target.split(':')[0]}").read_bytes()


def pdf_filter(**options: tuple[str, object]) -> str:
    """soffice's PDF export options as its JSON filter string."""
    values = {k: {"type": t, "value": v} for k, (t, v) in options.items()}
    return "pdf:writer_pdf_Export:" + json.dumps(values)


# --- hand-built DOCX parts ------------------------------------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def run(text: str, props: str = "") -> str:
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{html.escape(text)}</w:t></w:r>'


def p(*runs: str) -> str:
    return f"<w:p>{''.join(runs)}</w:p>"


def docx_package(
    body: str,
    parts: dict[str, bytes | str] | None = None,
    rels: list[tuple[str, str, str]] | None = None,
) -> bytes:
    """A WordprocessingML package: body XML, extra parts and document relationships."""
    parts = parts or {}
    rels = rels or []
    content_types = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org'
        '/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
        'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="'
        'application/xml"/><Default Extension="htm" ContentType="application/xhtml+xml"/>'
        '<Default Extension="png" ContentType="image/png"/><Default Extension="docx" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    package_rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="'
        f'{_R}/officeDocument" Target="word/document.xml"/></Relationships>'
    )
    doc_rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships">'
        + "".join(
            f'<Relationship Id="{rid}" Type="{_R}/{kind}" Target="{target}"/>'
            for rid, kind, target in rels
        )
        + "</Relationships>"
    )
    document = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}" xmlns:r="{_R}" '
        'xmlns:v="urn:schemas-microsoft-com:vml">'
        f"<w:body>{body}</w:body></w:document>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", content_types)
        package.writestr("_rels/.rels", package_rels)
        package.writestr("word/document.xml", document)
        package.writestr("word/_rels/document.xml.rels", doc_rels)
        for name, data in parts.items():
            package.writestr(name, data)
    return out.getvalue()


def part_xml(root: str, inner: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?><w:{root} xmlns:w="{W}">{inner}</w:{root}>'


def split_word_runs(text: str) -> str:
    """Every word cut across runs, with proofing marks, bookmarks and run-level controls."""
    out: list[str] = []
    for i, word in enumerate(text.split(" ")):
        cut = max(1, len(word) // 2)
        head, tail = word[:cut], word[cut:] + " "
        if i % 4 == 0:
            out.append(run(head, "<w:b/>") + '<w:proofErr w:type="spellStart"/>' + run(tail))
        elif i % 4 == 1:
            out.append(
                f'<w:sdt><w:sdtPr><w:tag w:val="f{i}"/></w:sdtPr><w:sdtContent>{run(head)}'
                f"</w:sdtContent></w:sdt>{run(tail, '<w:i/>')}"
            )
        elif i % 4 == 2:
            out.append(
                f'{run(head)}<w:bookmarkStart w:id="{i}" w:name="b{i}"/><w:bookmarkEnd '
                f'w:id="{i}"/><w:hyperlink w:anchor="b{i}">{run(tail)}</w:hyperlink>'
            )
        else:
            # A soft hyphen (shown only at a line end) and a no-break hyphen in longer words.
            if len(word) > 6:
                out.append(run(word[:3]) + "<w:r><w:softHyphen/></w:r>" + run(word[3:] + " "))
            else:
                out.append(run(word + " "))
    return p(*out)


def field_result(text: str) -> str:
    """Text that is the shown result of a field (what Word prints), after its field code."""
    return p(
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> DOCPROPERTY Addendum \\* MERGEFORMAT </w:instrText></w:r>'  # noqa: E501
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + run(text)
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def vml_text_box(text: str) -> str:
    return p(
        '<w:r><w:pict><v:shape style="width:300pt;height:80pt"><v:textbox><w:txbxContent>'
        f"{p(run(text))}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )


def deleted(text: str) -> str:
    return p(
        '<w:del w:id="9" w:author="Clinician" w:date="2026-03-02T10:00:00Z"><w:r>'
        f'<w:delText xml:space="preserve">{html.escape(text)}</w:delText></w:r></w:del>'
    )


def moved(text: str) -> str:
    return p(
        '<w:moveFrom w:id="11" w:author="Clinician" w:date="2026-03-02T10:00:00Z"><w:r>'
        f'<w:t xml:space="preserve">{html.escape(text)}</w:t></w:r></w:moveFrom>'
    )
