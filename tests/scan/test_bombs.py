"""The hostile-file set: zip bombs flat and nested, XML entity bombs, PDFs that lie about
their pages, archives that claim less than they hold. Each is "cannot verify" (or clean
where there is nothing to read), within the limits, never a crash and never a false clean
of a file that holds a private passage. `make soak` (MARGIN_SOAK=1) runs bigger ones.
"""

from __future__ import annotations

import io
import os
import zipfile

import pytest

from margin.matcher import FingerprintIndex
from margin.scan import Limits, Scanner
from tests.scan.conftest import CORPUS

SOAK = bool(os.environ.get("MARGIN_SOAK"))
BOMB_BYTES = (900 << 20) if SOAK else (24 << 20)  # unpacked size of each bomb
# The real budget in a soak; a small one that the short bombs pass in `make test`.
LIMITS = Limits() if SOAK else Limits(max_unpacked_bytes=16 << 20)
PRIVATE = next(line for line in (CORPUS / "notes.jsonl").read_text().splitlines() if line)


def _zip(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method, compresslevel=9) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def _flat_bomb() -> bytes:
    return _zip({f"zeros{i}.txt": bytes(BOMB_BYTES // 4) for i in range(4)})


def _nested_bomb(levels: int = 4) -> bytes:
    data = bytes(BOMB_BYTES // 4)
    for level in range(levels):
        data = _zip({f"layer{level}-{i}.bin": data for i in range(2)})
    return data


def _billion_laughs(root: str) -> bytes:
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)]
    return (f'<?xml version="1.0"?><!DOCTYPE {root} [{"".join(entities)}]>'
            f"<{root}>&lol9;</{root}>").encode()


def _lying_pdf(pages_claimed: int) -> bytes:
    """A one-page PDF whose page tree says it has ``pages_claimed`` pages."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count %d >>" % pages_claimed,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length 0 >>\nstream\n\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


@pytest.fixture(scope="module")
def scanner(corpus_index: FingerprintIndex) -> Scanner:
    with Scanner(corpus_index, limits=LIMITS) as made:
        yield made


@pytest.mark.parametrize(("name", "make"), [
    ("flat.zip", _flat_bomb),
    ("nested.zip", _nested_bomb),
], ids=["flat zip bomb", "nested zip bomb"])
def test_zip_bombs_are_not_unpacked_past_the_budget(scanner: Scanner, name: str,
                                                    make: object) -> None:
    report = scanner.scan_bytes(name, make())  # type: ignore[operator]
    assert report.verdict == "cannot_verify"
    assert "limit" in _reasons(report)


def _reasons(report: object) -> str:
    """Every reason in a report and the reports of what is inside it."""
    return " ".join([getattr(report, "reason", None) or "",
                     *(_reasons(m) for m in getattr(report, "members", []))])


@pytest.mark.parametrize(("name", "data"), [
    ("bomb.xml", _billion_laughs("ClinicalDocument")),
    ("bomb-ccda.xml", _billion_laughs("ClinicalDocument").replace(
        b"<ClinicalDocument>", b'<ClinicalDocument xmlns="urn:hl7-org:v3">')),
    ("bomb.html", _billion_laughs("html")),
], ids=["xml", "c-cda", "xhtml"])
def test_xml_entity_bombs_are_refused(scanner: Scanner, name: str, data: bytes) -> None:
    report = scanner.scan_bytes(name, data)
    assert report.verdict in ("cannot_verify", "clean")
    assert report.verdict != "leak"


def test_a_docx_with_an_entity_bomb_is_not_verified(scanner: Scanner) -> None:
    docx = _zip({"[Content_Types].xml": b"<Types/>",
                 "word/document.xml": _billion_laughs("document")})
    assert scanner.scan_bytes("bomb.docx", docx).verdict == "cannot_verify"


@pytest.mark.parametrize("claimed", [0, 10_000_000, -5])
def test_a_pdf_lying_about_its_pages_is_checked_by_what_it_holds(scanner: Scanner,
                                                                claimed: int) -> None:
    report = scanner.scan_bytes("liar.pdf", _lying_pdf(claimed))
    assert report.verdict in ("clean", "cannot_verify")


def test_a_private_passage_beside_a_bomb_is_still_found(scanner: Scanner) -> None:
    import json

    text = json.loads(PRIVATE)["text"].encode()
    archive = _zip({"note.txt": text, "bomb.zip": _flat_bomb()})
    report = scanner.scan_bytes("mixed.zip", archive)
    assert report.verdict == "leak"
