"""Office packages (DOCX, and XLSX, PPTX, ODT read generically): every XML part is read.

python-docx reads only the body; tracked insertions, content controls, footnotes,
endnotes, comments and text boxes live elsewhere or in elements it skips. So each XML part
of the package is walked here. In WordprocessingML, runs are joined with nothing (a word
split over two runs reads whole), paragraphs end lines, text boxes and tracked deletions
are read as texts of their own (they do not belong in the middle of their paragraph).
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from margin.scan.archive import ArchiveProblem, Budget, is_metadata, open_zip, read_member
from margin.scan.model import Embedded, Extracted
from margin.scan.pictures import may_show_text
from margin.scan.xmltext import XmlUnreadable, element_text, local_name, parse

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PICTURE_EXTENSIONS = (
    ".png",
    ".jpg",
    ".jpeg",
    ".gif",
    ".tif",
    ".tiff",
    ".bmp",
    ".emf",
    ".wmf",
    ".webp",
)
_NO_TEXT_PARTS = ("fonts/", "printerSettings", "vbaProject", "thumbnail")

_PART_PLACES = {
    "document": "body",
    "hdr": "page header",
    "ftr": "page footer",
    "footnotes": "footnotes",
    "endnotes": "endnotes",
    "comments": "comments",
    "glossaryDocument": "building blocks",
}


def _word_part(root: Element, place: str, out: Extracted) -> None:
    main: list[str] = []
    deleted: list[str] = []
    text_boxes: list[list[str]] = []

    def walk(element: Element, sink: list[str]) -> None:
        stack: list[tuple[Element, bool]] = [(element, False)]
        while stack:
            node, closing = stack.pop()
            tag = node.tag if isinstance(node.tag, str) else ""
            if closing:
                if tag in (_W + "p", _W + "tc"):
                    sink.append("\n")
                continue
            if tag == _W + "txbxContent" and node is not element:
                box: list[str] = []
                text_boxes.append(box)
                walk(node, box)
                continue
            if tag == _W + "t" and node.text:
                sink.append(node.text)
            elif tag == _W + "delText" and node.text:
                deleted.append(node.text)
            elif tag == _W + "tab":
                sink.append("\t")
            elif tag in (_W + "br", _W + "cr"):
                sink.append("\n")
            elif tag == _W + "noBreakHyphen":
                sink.append("-")
            elif tag == _W + "softHyphen":
                sink.append("\u00ad")
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(list(node)))

    walk(root, main)
    out.stream(place, "".join(main))
    out.stream(f"{place}, tracked deletions", "".join(deleted))
    for box in text_boxes:
        out.stream(f"{place}, text box", "".join(box))


# OpenDocument keeps footnotes, comments and text boxes inside the paragraph they are
# anchored in; read in place they would cut that paragraph in two, so they are set apart.
_ODF_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_ODF_APART = {
    _ODF_TEXT + "note": "footnote",
    "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}annotation": "comment",
    "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}text-box": "text box",
    _ODF_TEXT + "tracked-changes": "tracked changes",
}


def _generic_part(root: Element, place: str, out: Extracted) -> None:
    pieces: list[str] = []
    apart: list[tuple[str, Element]] = []

    def set_apart(element: Element) -> bool:
        kind = _ODF_APART.get(element.tag) if isinstance(element.tag, str) else None
        if kind is None or element is root:
            return False
        apart.append((kind, element))
        return True

    element_text(root, pieces.append, skip=set_apart)
    out.stream(place, "".join(pieces))
    for kind, element in apart:
        _generic_part(element, f"{place}, {kind}", out)


def _place(name: str, root: Element) -> str:
    kind = local_name(root.tag)
    if root.tag.startswith(_W) and kind in _PART_PLACES:
        return _PART_PLACES[kind]
    return f"part {name}"


def read_office(data: bytes, budget: Budget, kind: str) -> Extracted:
    out = Extracted(note=kind)
    try:
        package = open_zip(data)
    except ArchiveProblem as exc:
        out.problems.append(str(exc))
        return out
    with package:
        for info in package.infolist():
            name = info.filename
            lower = name.lower()
            if info.is_dir() or is_metadata(name) or any(p in name for p in _NO_TEXT_PARTS):
                continue
            try:
                blob = read_member(package, info, budget)
            except ArchiveProblem as exc:
                out.problems.append(f"part {name}: {exc}")
                continue
            if lower.endswith((".xml", ".rels")) or lower == "mimetype":
                if (
                    lower.endswith(".rels")
                    or lower == "[content_types].xml"
                    or (lower == "mimetype")
                ):
                    continue  # relationships and content types name parts, hold no text
                try:
                    root = parse(blob)
                except XmlUnreadable as exc:
                    out.problems.append(f"part {name}: {exc}")
                    continue
                place = _place(name, root)
                if root.tag.startswith(_W):
                    _word_part(root, place, out)
                else:
                    _generic_part(root, place, out)
            elif lower.endswith(_PICTURE_EXTENSIONS):
                if not may_show_text(blob):
                    continue  # an icon, a bullet, a small logo
                if lower.endswith((".emf", ".wmf")):
                    out.problems.append(f"part {name} is a drawing Margin cannot read")
                else:
                    out.embedded.append(Embedded(f"picture {name}", blob))  # read with OCR
            else:
                out.embedded.append(Embedded(name, blob))
    return out
