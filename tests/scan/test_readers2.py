"""Reader details the second corpus found: wide text, RTF groups, pictures, PDF streams."""

from __future__ import annotations

import base64
import struct
import zlib

from margin.scan.pdf_pages import _strict_decode
from margin.scan.pictures import may_show_text, picture_size
from margin.scan.plain import decode_text, utf8_if_wide
from margin.scan.rtf_reader import read_rtf, split_text_groups


def _png(width: int, height: int) -> bytes:
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I4sII", 13, b"IHDR", width, height) + bytes(5)


def test_utf16_without_a_byte_order_mark_in_either_order() -> None:
    text = "Client seen for a fifty minute session."
    assert decode_text(text.encode("utf-16-be"), guess=False) == text
    assert decode_text(text.encode("utf-16-le"), guess=False) == text
    noise = bytes((i * 37) % 256 if i % 3 else 0 for i in range(600))
    assert utf8_if_wide(noise) == noise  # zero bytes on both sides: not text


def test_wide_xml_is_re_encoded_with_its_declaration() -> None:
    xml = '<?xml version="1.0" encoding="UTF-16"?><a>t\u00e9</a>'
    assert utf8_if_wide(xml.encode("utf-16")) == xml.replace("UTF-16", "UTF-8").encode()


def test_rtf_footnotes_headers_and_comments_are_read_apart() -> None:
    rtf = (
        r"{\rtf1\ansi{\fonttbl{\f0 Times;}}{\header\pard Running head\par}"
        r"\pard Body one{\super\chftn}{\*\footnote\ftnalt\pard Foot \{text\}}"
        r" body two.{\*\annotation{\*\atnref 0}\pard A remark\par}\par}"
    )
    _body, groups = split_text_groups(rtf)
    assert [kind for kind, _ in groups] == ["header", "footnote", "annotation"]
    out = read_rtf(rtf.encode())
    texts = {s.places[0]: s.text.strip() for s in out.streams}
    assert texts["text"].replace("\n", " ") == "Body one body two."
    assert texts["footnote"] == "Foot {text}"
    assert texts["page header"] == "Running head"
    assert texts["comment"] == "A remark"
    assert not out.problems


def test_pictures_are_judged_by_their_pixels() -> None:
    assert picture_size(_png(1240, 1754)) == (1240, 1754)
    assert may_show_text(_png(1240, 1754))  # a scanned page, however well it compresses
    assert not may_show_text(_png(64, 64))  # an icon
    assert not may_show_text(_png(300, 100))  # a letterhead logo


def test_pdf_streams_cut_short_are_caught() -> None:
    packed = zlib.compress(b"BT /F1 10 Tf (Hello) Tj ET" * 50)
    assert _strict_decode("/FlateDecode", packed) is not None
    assert _strict_decode("/FlateDecode", packed[: len(packed) // 2]) is None
    a85 = base64.a85encode(packed) + b"~>"
    assert _strict_decode("/ASCII85Decode", a85) == packed
    assert _strict_decode("/ASCII85Decode", a85[:-40]) is None


# Helvetica's advance widths (thousandths of the font size) for the letters used.
_WIDTHS = {
    **dict.fromkeys("ilj", 222),
    **dict.fromkeys("tf", 278),
    "r": 333,
    **dict.fromkeys("cky", 500),
    "w": 722,
    "m": 833,
}  # every other letter used here is 556


def _glyph_by_glyph_pdf(letter_gap: float) -> bytes:
    """One line drawn a glyph at a time with no space glyphs, as Chromium draws spaced text."""
    parts, x = [], 40.0
    for word in ("Lucian told me about the winter he worked the night ferry " * 2).split():
        for ch in word:
            parts.append(f"1 0 0 1 {x:.2f} 700 Tm ({ch}) Tj")
            x += _WIDTHS.get(ch, 556) * 0.011 + letter_gap
        x += 278 * 0.011 + letter_gap
    content = ("BT /F1 11 Tf " + " ".join(parts) + " ET").encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 1800 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>stream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 6\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref


def test_text_spaced_letter_by_letter_is_not_vouched_for() -> None:
    from margin.scan.pdf_worker import read_pdf

    plain = read_pdf(_glyph_by_glyph_pdf(0.0))
    assert plain["problems"] == []
    assert "Lucian told me" in plain["pages"][0]
    spaced = read_pdf(_glyph_by_glyph_pdf(4.0))
    assert spaced["problems"] == [
        "page 1 has text spaced letter by letter, which Margin cannot read"
    ]
