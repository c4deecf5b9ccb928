"""HTML, plain text, RTF, C-CDA, FHIR and ZIP exports, written the ways EHRs write them."""

from __future__ import annotations

import base64
import html
import io
import json
import subprocess
import tempfile
import zipfile
import zlib
from pathlib import Path

from people2 import CLIENT, CLINIC

# --- HTML ----------------------------------------------------------------------------


def html_doc(
    body: str, *, title: str = "Visit record", style: str = "", charset: str = "utf-8"
) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="{charset}"><title>{title}</title>'
        f"<style>{style}</style></head><body>{body}</body></html>"
    )


def paragraphs_html(texts: list[str]) -> str:
    return "".join(f"<p>{html.escape(t)}</p>\n" for t in texts)


def entity_soup(text: str) -> str:
    """Every third letter as a numeric entity, words split by inline tags, <wbr> and &shy;,
    non-breaking spaces between some words and curly quotes as named entities."""
    words = []
    for i, word in enumerate(text.split()):
        letters = [f"&#{ord(c)};" if j % 3 == 1 else html.escape(c) for j, c in enumerate(word)]
        if len(letters) > 5 and i % 3 == 0:
            letters.insert(3, "<wbr>")
        elif len(letters) > 5 and i % 3 == 1:
            letters.insert(2, "&shy;")
        elif len(letters) > 4:
            letters.insert(2, '</em><em class="k">')
            letters = ["<em>", *letters, "</em>"]
        words.append("".join(letters).replace("&#8220;", "&ldquo;").replace("&#8221;", "&rdquo;"))
    return "".join(w + ("&nbsp;" if i % 5 == 4 else " ") for i, w in enumerate(words))


def spans_per_letter_group(text: str) -> str:
    """A renderer that places every few letters in its own span (PDF-to-HTML style)."""
    out = []
    for word in text.split():
        pieces = [word[i : i + 3] for i in range(0, len(word), 3)]
        out.append("".join(f'<span class="c{len(p)}">{html.escape(p)}</span>' for p in pieces))
    return " ".join(out)


# --- text ----------------------------------------------------------------------------


def hard_wrapped(text: str, width: int = 58, indent: str = "    ", newline: str = "\r\n") -> str:
    """Lines cut at ``width``, long words broken with a hyphen at the line end, indented."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            room = width - len(current) - 2
            if room >= 3 and len(word) - room >= 3:
                lines.append(f"{current} {word[:room]}-")
                current = word[room:]
                continue
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    lines.append(current)
    return newline.join(indent + line for line in lines)


_FULLWIDTH = {
    ord(c): ord(c) + 0xFEE0 for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
}


def unicode_variants(text: str) -> str:
    """The same words as Unicode that NFKC folds: full-width letters, ligatures, odd spaces."""
    words = text.split(" ")
    out = []
    for i, word in enumerate(words):
        if i % 5 == 0:
            word = word.translate(_FULLWIDTH)
        elif i % 5 == 1:
            word = word.replace("fi", "\ufb01").replace("fl", "\ufb02").replace("ff", "\ufb00")
        elif i % 5 == 2:
            word = word.replace("'", "\u2019").replace("-", "\u2011")
        elif i % 5 == 3:
            word = word.upper()
        out.append(word)
    spaces = ["\u00a0", "\u2009", "\u3000", "  ", "\t"]
    return "".join(w + spaces[i % len(spaces)] for i, w in enumerate(out)).rstrip()


def repeated_header_print(paragraphs: list[str], lines_per_page: int = 18) -> str:
    """A text print with a header and a footer block every page, and no form feeds."""
    lines = [line for p in paragraphs for line in (*hard_wrapped(p, 70, "", "\n").split("\n"), "")]
    pages = [lines[i : i + lines_per_page] for i in range(0, len(lines), lines_per_page)]
    blocks = []
    for n, page in enumerate(pages, start=1):
        blocks.append(
            f"{CLINIC.upper()}\n{CLIENT}\n{'=' * 70}\n"
            + "\n".join(page)
            + f"\n{'-' * 70}\nPrinted 03/04/2026 11:52   Page {n} of {len(pages)}\n\n"
        )
    return "".join(blocks)


# --- RTF -----------------------------------------------------------------------------


def rtf_escape(text: str) -> str:
    out = []
    for ch in text:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ch in "\u2018\u2019\u201c\u201d":
            out.append("\\'" + format(ch.encode("cp1252")[0], "02x"))
        elif ord(ch) > 127:
            out.append(f"\\u{ord(ch) if ord(ch) < 32768 else ord(ch) - 65536}?")
        else:
            out.append(ch)
    return "".join(out)


def rtf_tricky(body: list[str], note: str, *, where: str = "body") -> bytes:
    """RTF with optional hyphens and bold groups inside words; the note in the body, the
    page header, or a footnote."""
    words = []
    for i, word in enumerate(note.split()):
        escaped = rtf_escape(word)
        if len(word) > 7 and i % 2 == 0:
            escaped = escaped[:3] + "\\-" + escaped[3:]
        elif len(word) > 5:
            escaped = escaped[:2] + "{\\b " + escaped[2:4] + "}" + escaped[4:]
        words.append(escaped)
    marked = " ".join(words)
    paras = "".join(f"\\pard\\sa120 {rtf_escape(t)}\\par\n" for t in body)
    header = f"{{\\header\\pard {rtf_escape(CLINIC)}\\par}}"
    if where == "header":
        header = f"{{\\header\\pard {marked}\\par}}"
    elif where == "footnote":
        paras += f"\\pard Addendum{{\\super\\chftn}}{{\\footnote\\pard\\plain{{\\super\\chftn}} {marked}}}\\par\n"  # noqa: E501
    else:
        paras += f"\\pard\\qj {marked}\\par\n"
    return (
        "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\froman Times New Roman;}}"
        f"\\uc1\\f0\\fs22{header}\n{paras}}}"
    ).encode("ascii")


# --- C-CDA ---------------------------------------------------------------------------

_CDA_HEAD = (
    '<realmCode code="US"/><typeId root="2.16.840.1.113883.1.3" extension="POCD_HD000040"/>'
    '<templateId root="2.16.840.1.113883.10.20.22.1.9" extension="2015-08-01"/>'
    '<id root="1.2.3.4" extension="r-8812"/><code code="11506-3" codeSystem="2.16.840.1.113883.6.1" '  # noqa: E501
    'displayName="Progress note"/><title>Progress Note</title><effectiveTime value="20260304"/>'
    '<recordTarget><patientRole><id extension="448207731" root="2.16.840.1.113883.4.1"/>'
    "<patient><name><given>Osric</given><family>Vell</family></name>"
    '<birthTime value="19790923"/></patient></patientRole></recordTarget>'
)


def cda(body: str, *, prefix: str = "", stylesheet: bool = True) -> str:
    """A C-CDA document; ``prefix`` writes every element with a namespace prefix."""
    pi = '<?xml-stylesheet type="text/xsl" href="CDA.xsl"?>' if stylesheet else ""
    doc = (
        f'<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '  # noqa: E501
        f'xmlns:sdtc="urn:hl7-org:sdtc">{_CDA_HEAD}<component>{body}</component></ClinicalDocument>'
    )
    if prefix:
        import re

        doc = re.sub(r"<(/?)([A-Za-z][\w]*)(?=[\s/>])", rf"<\1{prefix}:\2", doc)
        doc = doc.replace('xmlns="urn:hl7-org:v3"', f'xmlns:{prefix}="urn:hl7-org:v3"')
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{pi}\n{doc}\n'


def cda_sections(sections: list[tuple[str, str]]) -> str:
    parts = "".join(
        f'<component><section><templateId root="2.16.840.1.113883.10.20.22.2.10"/>'
        f"<title>{html.escape(title)}</title><text>{text}</text></section></component>"
        for title, text in sections
    )
    return f"<structuredBody>{parts}</structuredBody>"


def cda_table(rows: list[tuple[str, str]]) -> str:
    body = "".join(f"<tr><td>{html.escape(a)}</td><td>{b}</td></tr>" for a, b in rows)
    return f'<table border="1"><thead><tr><th>Date</th><th>Note</th></tr></thead><tbody>{body}</tbody></table>'  # noqa: E501


def cda_content_split(text: str) -> str:
    """Narrative with <content>, <br/>, <sup> and <linkHtml> cutting words and lines."""
    out = []
    for i, word in enumerate(text.split()):
        word = html.escape(word)
        if len(word) > 6 and i % 3 == 0:
            word = f'{word[:3]}<content styleCode="Bold">{word[3:]}</content>'
        elif len(word) > 6 and i % 3 == 1:
            word = f'<content ID="w{i}">{word[:4]}</content>{word[4:]}'
        out.append(word)
        if i % 9 == 8:
            out.append("<br/>")
    return " ".join(out)


def cda_nonxml(media_type: str, data: bytes, *, compression: str = "") -> str:
    if compression == "DF":
        packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
        data = packer.compress(data) + packer.flush()
    attr = f' compression="{compression}"' if compression else ""
    encoded = base64.encodebytes(data).decode()
    return f'<nonXMLBody><text mediaType="{media_type}" representation="B64"{attr}>{encoded}</text></nonXMLBody>'  # noqa: E501


def cda_observation_media(
    text_sections: list[tuple[str, str]], media_type: str, data: bytes
) -> str:
    """A structured body whose entry carries a file (observationMedia, base64)."""
    encoded = base64.b64encode(data).decode()
    entry = (
        '<entry><observationMedia classCode="OBS" moodCode="EVN" ID="m1"><value xsi:type="ED" '
        f'mediaType="{media_type}" representation="B64">{encoded}</value></observationMedia></entry>'  # noqa: E501
    )
    parts = "".join(
        f"<component><section><title>{html.escape(t)}</title><text>{x}</text>{entry if i == 0 else ''}"  # noqa: E501
        "</section></component>"
        for i, (t, x) in enumerate(text_sections)
    )
    return f"<structuredBody>{parts}</structuredBody>"


# --- FHIR ----------------------------------------------------------------------------


def fhir_patient() -> dict[str, object]:
    return {
        "resourceType": "Patient",
        "id": "pt-vell",
        "name": [{"family": "Vell", "given": ["Osric"]}],
        "birthDate": "1979-09-23",
    }


def narrative(xhtml: str) -> dict[str, str]:
    return {
        "status": "generated",
        "div": f'<div xmlns="http://www.w3.org/1999/xhtml">{xhtml}</div>',
    }


def doc_reference(
    content_type: str, data: bytes, title: str = "Document", **extra: object
) -> dict[str, object]:
    attachment: dict[str, object] = {
        "contentType": content_type,
        "data": base64.b64encode(data).decode(),
        "title": title,
    }
    attachment.update(extra)
    return {
        "resourceType": "DocumentReference",
        "status": "current",
        "content": [{"attachment": attachment}],
    }


def binary(content_type: str, data: bytes) -> dict[str, object]:
    return {
        "resourceType": "Binary",
        "contentType": content_type,
        "data": base64.b64encode(data).decode(),
    }


def observation(text: str, i: int) -> dict[str, object]:
    return {
        "resourceType": "Observation",
        "id": f"obs-{i}",
        "status": "final",
        "code": {
            "coding": [{"system": "http://loinc.org", "code": "11506-3"}],
            "text": "Progress note",
        },
        "subject": {"reference": "Patient/pt-vell"},
        "valueString": text,
    }


def bundle(kind: str, resources: list[dict[str, object]]) -> bytes:
    entries: list[dict[str, object]] = []
    for i, resource in enumerate(resources):
        entry: dict[str, object] = {
            "fullUrl": f"urn:uuid:00000000-0000-4000-8000-{i:012d}",
            "resource": resource,
        }
        if kind == "transaction":
            entry["request"] = {"method": "POST", "url": str(resource["resourceType"])}
        if kind == "searchset":
            entry["search"] = {"mode": "match"}
        entries.append(entry)
    document = {
        "resourceType": "Bundle",
        "id": "b-1",
        "type": kind,
        "timestamp": "2026-03-04T11:52:00Z",
        "entry": entries,
    }
    return json.dumps(document, indent=2, ensure_ascii=False).encode()


# --- ZIP -----------------------------------------------------------------------------


def zip_of(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def zip_mixed_methods(members: dict[str, bytes]) -> bytes:
    """Members stored, deflated, bzip2- and LZMA-compressed, and a folder entry."""
    methods = [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(zipfile.ZipInfo("export/"), b"")
        for i, (name, data) in enumerate(members.items()):
            archive.writestr(name, data, compress_type=methods[i % len(methods)])
    return out.getvalue()


def bad_crc(archive: bytes, member: str) -> bytes:
    """Flip the stored CRC of one member in both headers: its bytes no longer check out."""
    info = zipfile.ZipFile(io.BytesIO(archive)).getinfo(member)
    crc = info.CRC.to_bytes(4, "little")
    wrong = (info.CRC ^ 0xFFFF).to_bytes(4, "little")
    assert archive.count(crc) == 2
    return archive.replace(crc, wrong)


def encrypted_member_zip(members: dict[str, bytes], secret: str) -> bytes:
    """A ZIP made by Info-ZIP with every member ZipCrypto-encrypted (zip -e)."""
    with tempfile.TemporaryDirectory() as work:
        for name, data in members.items():
            (Path(work) / name).write_bytes(data)
        subprocess.run(["zip", "-q", "-P", secret, "out.zip", *members], cwd=work, check=True)
        return (Path(work) / "out.zip").read_bytes()


def nested(depth: int, leaf_name: str, leaf: bytes) -> bytes:
    data, name = leaf, leaf_name
    for level in range(depth):
        data, name = (
            zip_of({name: data, f"readme{level}.txt": b"Export part."}),
            f"level{level}.zip",
        )
    return data


def nested_bomb(copies: int = 3, members: int = 4, size: int = 100_000_000) -> bytes:
    """42.zip in small: a ZIP of ZIPs whose members are long runs of zeros."""
    inner = zip_of({f"z{i}.txt": bytes(size) for i in range(members)})
    return zip_of({f"part{i}.zip": inner for i in range(copies)})


def deep_json(depth: int = 200_000) -> bytes:
    return b'{"resourceType":"Bundle","entry":' + b"[" * depth + b"]" * depth + b"}"


def billion_laughs_fhir() -> bytes:
    return (
        b'<?xml version="1.0"?><!DOCTYPE Bundle [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;">'
        b'<!ENTITY c "&b;&b;&b;&b;&b;&b;">]><Bundle xmlns="http://hl7.org/fhir"><type value="collection"/>'  # noqa: E501
        b'<entry><resource><Observation><valueString value="&c;"/></Observation></resource></entry></Bundle>'  # noqa: E501
    )


def external_entity_cda() -> bytes:
    return (
        b'<?xml version="1.0"?><!DOCTYPE ClinicalDocument [<!ENTITY ext SYSTEM "file:///etc/hostname">]>'
        b'<ClinicalDocument xmlns="urn:hl7-org:v3"><title>&ext;</title></ClinicalDocument>'
    )
