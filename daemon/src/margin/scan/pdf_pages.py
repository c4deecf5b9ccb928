"""Reads a PDF inside the worker process: every page's text, judged page by page.

PDFium gives the text. It says nothing when it could not read a page (a corrupt content
stream comes back as ""), so each page is judged: text that reads as words passes; a page
without text is blank only if it truly draws nothing or only pictures (which are read with
OCR afterwards, region by region: see pdf_pictures), and pypdf, a second reader, confirms
that its content streams decode completely. Annotation contents and form field values are
not part of the page text and are read separately.
"""

from __future__ import annotations

import base64
import ctypes
import io
import re
import zlib
from typing import Any

import pypdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from margin.scan.pdf_pictures import page_pictures

_TEXT_SHOWING = re.compile(rb"(?:Tj|TJ|'|\"|\bDo|\bBI)\s")
# Operators that each make one page object in PDFium: text shown after a string or array,
# an XObject drawn, an inline image.
_OBJECT_OPERATORS = re.compile(rb"[)\]>]\s*(?:Tj|TJ|'|\")|/[^\s/]+\s+Do\b|\bBI\b")
_FEW_WORDS = 150  # below this, look at what else the page draws (images, shapes)
_SHAPES_AS_TEXT = 300  # this many vector shapes and no text: text drawn as outlines


def _annot_string(annot: Any, key: str) -> str:
    size = pdfium_c.FPDFAnnot_GetStringValue(annot, key.encode(), None, 0)
    if size <= 2:
        return ""
    buffer = ctypes.create_string_buffer(size)
    pointer = ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR))
    pdfium_c.FPDFAnnot_GetStringValue(annot, key.encode(), pointer, size)
    return buffer.raw[: size - 2].decode("utf-16-le", "replace")


def _field_value(form: Any, annot: Any) -> str:
    size = pdfium_c.FPDFAnnot_GetFormFieldValue(form, annot, None, 0)
    if size <= 2:
        return ""
    buffer = ctypes.create_string_buffer(size)
    pointer = ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR))
    pdfium_c.FPDFAnnot_GetFormFieldValue(form, annot, pointer, size)
    return buffer.raw[: size - 2].decode("utf-16-le", "replace")


def _annotations(
    pdf: pdfium.PdfDocument, page: pdfium.PdfPage, result: dict[str, Any], number: int
) -> None:
    form = pdf.formenv.raw if pdf.formenv is not None else None
    for i in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
        annot = pdfium_c.FPDFPage_GetAnnot(page.raw, i)
        if not annot:
            result["problems"].append(f"an annotation on page {number} could not be read")
            continue
        try:
            subtype = pdfium_c.FPDFAnnot_GetSubtype(annot)
            if subtype == pdfium_c.FPDF_ANNOT_POPUP:
                continue  # repeats its parent's contents
            if subtype == pdfium_c.FPDF_ANNOT_WIDGET:
                value = _field_value(form, annot) if form else _annot_string(annot, "V")
                result["extras"].append((f"page {number}, form field", value))
                result["extras"].append(
                    (f"page {number}, form field", _annot_string(annot, "Contents"))
                )
                continue
            for key in ("Contents", "RC", "Subj"):
                result["extras"].append((f"page {number}, comment", _annot_string(annot, key)))
            if subtype == pdfium_c.FPDF_ANNOT_FILEATTACHMENT:
                attachment = pdfium_c.FPDFAnnot_GetFileAttachment(annot)
                if not attachment:
                    result["problems"].append(f"a file attached on page {number} is unreadable")
                    continue
                data = pdfium.PdfAttachment(attachment, pdf).get_data()
                result["attachments"].append((f"page {number}, attached file", bytes(data)))
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)


def _looks_like_words(text: str) -> bool:
    """False for the control characters and private-use glyph codes of fonts without a map."""
    visible = [ch for ch in text if not ch.isspace()]
    if not visible:
        return False
    readable = sum(1 for ch in visible if ch.isalnum() or ch in ".,;:!?'\"()-/%&+*#@$")
    return readable / len(visible) >= 0.7


_SPACED_LETTERS = re.compile(r"(?:\b[^\W\d_] ){20}")


def _letter_spaced(text: str) -> bool:
    """Twenty single letters in a row ("L u c i a n t o l d"): glyphs placed one by one
    with wide spacing, where PDFium puts a space after every letter and word breaks are
    lost. The words cannot be matched, so the page cannot be vouched for."""
    return _SPACED_LETTERS.search(text) is not None


def _drawn(page: pdfium.PdfPage) -> tuple[int, int, int]:
    """Counts of text, image and path objects."""
    texts = images = paths = 0
    for obj in page.get_objects(max_depth=4):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_TEXT:
            texts += 1
        elif obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            images += 1
        elif obj.type == pdfium_c.FPDF_PAGEOBJ_PATH:
            paths += 1
    return texts, images, paths


def _strict_decode(name: str, data: bytes) -> bytes | None:
    """One filter applied strictly: None when the data is cut short or damaged.

    pypdf repairs Flate and ASCII85 data that ends early without saying so (PDFium then
    draws part of the page), so these two, the filters content streams use, are decoded
    here and must end where their format says they end.
    """
    if name in ("/FlateDecode", "/Fl"):
        inflater = zlib.decompressobj()
        try:
            out = inflater.decompress(data) + inflater.flush()
        except zlib.error:
            return None
        return out if inflater.eof else None
    if name in ("/ASCII85Decode", "/A85"):
        packed = re.sub(rb"\s+", b"", data)
        if b"~>" not in packed:
            return None
        try:
            return base64.a85decode(packed[: packed.index(b"~>")].removeprefix(b"<~"))
        except ValueError:
            return None
    raise KeyError(name)


def _stream_problem(stream: Any) -> str | None:
    """Why a content stream does not decode completely, or None."""
    try:
        stream = stream.get_object()
        filters = stream.get("/Filter")
        names = [str(f) for f in filters] if isinstance(filters, list) else [str(filters)]
        data = stream._data if hasattr(stream, "_data") else None
        if filters is not None and data is not None:
            for name in names:
                data = _strict_decode(name, data)
                if data is None:
                    return "its content is cut short or damaged"
        elif stream.get_data() is None:
            return "its content is missing"
    except KeyError:  # another filter: pypdf's decoders say whether it decodes
        try:
            stream.get_data()
        except Exception:
            return "its content is damaged and cannot be decoded"
    except Exception:
        return "its content is damaged and cannot be decoded"
    return None


def _mostly_binary(content: bytes) -> bool:
    """Content streams are text (operators, numbers, names); noise is not. Binary strings
    of CID fonts and inline images only appear with operators PDFium would have found."""
    sample = content[:4096]
    if len(sample) < 64:
        return False
    printable = sum(1 for b in sample if 32 <= b < 127 or b in (9, 10, 13))
    return printable < 0.8 * len(sample)


def _content_check(reader: pypdf.PdfReader | None, index: int) -> tuple[str | None, bytes]:
    if reader is None:
        return None, b""
    try:
        contents = reader.pages[index].get("/Contents")
        if contents is None:
            return None, b""
        contents = contents.get_object()
        streams = list(contents) if isinstance(contents, list) else [contents]
        data = b""
        for stream in streams:
            problem = _stream_problem(stream)
            if problem:
                return problem, b""
            data += stream.get_object().get_data()
        return None, data
    except Exception:
        return "its content is damaged and cannot be decoded", b""


def _picture_problem(reader: pypdf.PdfReader | None, index: int) -> str | None:
    """Why a picture of the page does not decode completely, or None. PDFium draws what it
    could decode of a damaged picture and says nothing; OCR would then vouch for a part."""
    if reader is None:
        return None
    try:
        pending = [reader.pages[index].get("/Resources")]
        for _ in range(4):  # pictures inside forms inside forms, as far as PDFium looks
            found = []
            for resources in pending:
                xobjects = resources.get_object().get("/XObject") if resources else None
                for xobject in (xobjects.get_object().values() if xobjects else []):
                    xobject = xobject.get_object()
                    if xobject.get("/Subtype") == "/Image":
                        problem = _stream_problem(xobject)
                        if problem:
                            return problem
                    elif xobject.get("/Subtype") == "/Form":
                        found.append(xobject.get("/Resources"))
            pending = found
    except Exception:
        return "its content is damaged and cannot be decoded"
    return None


def judge_page(
    pdf: pdfium.PdfDocument, reader: pypdf.PdfReader | None, index: int, result: dict[str, Any]
) -> None:
    number = index + 1
    page = pdf[index]
    try:
        text = page.get_textpage().get_text_range()
        words = len(text.split())
        problem, content = _content_check(reader, index)
        if problem:
            result["problems"].append(f"page {number}: {problem}")
        expected = len(_OBJECT_OPERATORS.findall(content))
        found = pdfium_c.FPDFPage_CountObjects(page.raw)
        if not problem and expected >= 4 and found < expected // 2:
            result["problems"].append(f"page {number} is damaged (part of it could not be read)")
        elif not problem and not found and (len(content.split()) > 16 or _mostly_binary(content)):
            result["problems"].append(f"page {number} could not be read (damaged content)")
        if _letter_spaced(text):
            result["problems"].append(
                f"page {number} has text spaced letter by letter, which Margin cannot read"
            )
        if words and not _looks_like_words(text):
            result["problems"].append(
                f"page {number} has text Margin cannot read (its font has no text map)"
            )
        elif words < _FEW_WORDS:
            texts, images, paths = _drawn(page)
            # Pictures are not a problem here: they are read with OCR afterwards.
            if not words and texts:
                result["problems"].append(f"page {number} has text Margin cannot read")
            elif not words and paths >= _SHAPES_AS_TEXT:
                result["problems"].append(f"page {number} is drawn as shapes, not text")
            elif not (words or texts or images) and _TEXT_SHOWING.search(content + b"\n"):
                result["problems"].append(f"page {number} could not be read (damaged content)")
        result["pages"].append(text)
        pictures = page_pictures(page)
        if pictures:
            result["pictures"].append((index, pictures))
            damaged = _picture_problem(reader, index)
            if damaged:
                result["problems"].append(f"page {number}: a picture on it is damaged ({damaged})")
        _annotations(pdf, page, result, number)
    finally:
        page.close()


def open_second_reader(data: bytes, result: dict[str, Any]) -> pypdf.PdfReader | None:
    try:
        return pypdf.PdfReader(io.BytesIO(data), strict=False)
    except Exception:
        result["problems"].append("the file is damaged (its structure cannot be read)")
        return None
