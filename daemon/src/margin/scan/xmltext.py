"""Text of XML documents, read safely (no DTD entities are ever expanded)."""

from __future__ import annotations

from collections.abc import Callable
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeXml

# Elements that end a line when shown; inline elements (span, content, w:r) join their
# neighbours with nothing, so a word split across them reads whole. Any other element is
# a data field, kept apart from the next by a space.
_BLOCKS = frozenset(
    [
        "p",
        "h",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "paragraph",
        "para",
        "item",
        "li",
        "tr",
        "td",
        "th",
        "br",
        "title",
        "div",
        "section",
        "caption",
        "heading",
        "list",
        "table",
        "row",
        "cell",
        "entry",
        "text",
        "si",
        "comment",
        "note",
        "footnote",
        "endnote",
        "tc",
        "table-cell",
        "list-item",
        "line-break",
        "annotation",
    ]
)
_INLINE = frozenset(
    [
        "span",
        "b",
        "i",
        "u",
        "em",
        "strong",
        "sub",
        "sup",
        "a",
        "font",
        "small",
        "big",
        "mark",
        "abbr",
        "content",
        "r",
        "t",
        "ins",
        "del",
        "s",
        "tab",
        "bookmarkStart",
        "bookmarkEnd",
        "proofErr",
        "linkHtml",
        "sdtContent",
    ]
)
_FHIR = "{http://hl7.org/fhir}"


class XmlUnreadable(Exception):
    """The XML is malformed, or uses entities or a DTD that are refused."""


def parse(data: bytes) -> Element:
    try:
        root: Element = SafeXml.fromstring(data, forbid_dtd=False)
    except DefusedXmlException as exc:
        raise XmlUnreadable("it uses XML entities, which Margin refuses to expand") from exc
    except (SafeXml.ParseError, ValueError) as exc:
        raise XmlUnreadable("it is not well-formed XML (damaged or cut short)") from exc
    return root


def local_name(tag: object) -> str:
    if not isinstance(tag, str):
        return ""  # comments and processing instructions
    return tag.rsplit("}", 1)[-1]


def element_text(
    root: Element,
    emit: Callable[[str], None],
    *,
    skip: Callable[[Element], bool] = lambda _e: False,
    enter: Callable[[Element], None] = lambda _e: None,
) -> None:
    """Feed the text of ``root`` to ``emit`` in document order, iteratively (deep XML)."""
    stack: list[tuple[Element, bool]] = [(root, False)]
    while stack:
        element, closing = stack.pop()
        name = local_name(element.tag)
        if closing:
            if name in _BLOCKS:
                emit("\n")
            elif name == "s" or name not in _INLINE:
                emit(" ")
            if element.tail:
                emit(element.tail)
            continue
        if skip(element):
            if element.tail:
                emit(element.tail)
            continue
        enter(element)
        if name == "tab":
            emit("\t")
        if isinstance(element.tag, str) and element.tag.startswith(_FHIR):
            value = element.get("value")
            if value:
                emit(value)
        if element.text and isinstance(element.tag, str):
            emit(element.text)
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(list(element)))
