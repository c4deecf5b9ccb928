"""RTF documents, with the text RTF keeps outside the body.

striprtf skips every "destination" group, which is right for font tables and metadata but
drops footnotes, endnotes, page headers and footers, comments and text boxes, all of which
a word processor shows. Those groups are taken out first and read as texts of their own
(so a footnote does not cut the paragraph it is anchored in), then the body is read.
"""

from __future__ import annotations

import re

from striprtf.striprtf import font_table_group, rtf_to_text

from margin.scan.model import Extracted
from margin.scan.rtf_pictures import group_end, take_pictures

_TEXT_GROUP = re.compile(
    r"\{\s*(?:\\\*\s*)?\\(footnote|header[lrf]?|footer[lrf]?|annotation|shptxt|dptxbxtext)"
    r"(?![a-zA-Z])"
)
_PLACES = {"footnote": "footnote", "annotation": "comment", "shptxt": "text box"}
_CODE_PAGE = re.compile(r"\\ansicpg\d+")


def split_text_groups(rtf: str) -> tuple[str, list[tuple[str, str]]]:
    """The RTF without its footnote, header, comment and text-box groups, and those groups
    (kind, inner RTF), in order. Groups nested in a taken group stay inside it."""
    body: list[str] = []
    groups: list[tuple[str, str]] = []
    position = 0
    for found in _TEXT_GROUP.finditer(rtf):
        if found.start() < position:
            continue
        end = group_end(rtf, found.start())
        body.append(rtf[position : found.start()])
        groups.append((found.group(1), rtf[found.end() : end - 1]))
        position = end
    body.append(rtf[position:])
    return "".join(body), groups


def _place(kind: str) -> str:
    if kind.startswith("header"):
        return "page header"
    if kind.startswith("footer"):
        return "page footer"
    return _PLACES.get(kind, "text box")


def read_rtf(data: bytes) -> Extracted:
    out = Extracted(note="RTF document")
    rtf = data.decode("latin-1")  # RTF is 7-bit; \'xx escapes carry the code page
    body, groups = split_text_groups(rtf)
    # Each group is read as a document of its own, with the fonts and code page of the file.
    code_page = _CODE_PAGE.search(rtf[:2000])
    prelude = "{\\rtf1\\ansi" + (code_page.group(0) if code_page else "") + font_table_group(rtf)
    try:
        out.stream("text", rtf_to_text(body, errors="replace"))
        for kind, inner in groups:
            out.stream(_place(kind), rtf_to_text(f"{prelude} {inner}}}", errors="replace"))
    except Exception:
        out.problems.append("the RTF could not be read (damaged)")
        return out
    if rtf.rstrip().count("{") > rtf.count("}") or not rtf.rstrip().endswith("}"):
        out.problems.append("the RTF is cut short (it looks truncated)")
    take_pictures(rtf, out)
    if "\\object" in rtf:
        out.problems.append("it holds an embedded object Margin cannot open")
    return out
