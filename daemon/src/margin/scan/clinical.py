"""C-CDA XML and FHIR JSON: every text, narrative and base64 attachment.

Both carry whole documents (a scanned note, a PDF, an RTF) as base64 inside them; those are
decoded and checked as embedded files, read by what they turn out to be (the declared
media type is only a hint).
"""

from __future__ import annotations

import base64
import binascii
import gzip
import json
import re
import zlib
from typing import Any
from xml.etree.ElementTree import Element

from margin.scan.archive import Budget
from margin.scan.html_reader import html_text
from margin.scan.model import Embedded, Extracted, Stream
from margin.scan.xmltext import element_text, local_name

_SPACE = re.compile(rb"\s+")


def _b64(text: str) -> bytes:
    return base64.b64decode(_SPACE.sub(b"", text.encode("ascii", "strict")), validate=True)


def _inflate(data: bytes, method: str, budget: Budget) -> bytes:
    if method == "GZ":
        inflater = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)
    elif method == "ZL":
        inflater = zlib.decompressobj()
    elif method == "DF":
        inflater = zlib.decompressobj(wbits=-zlib.MAX_WBITS)
    else:
        raise ValueError(method)
    out = inflater.decompress(data, budget.remaining_bytes + 1)
    if inflater.unconsumed_tail or len(out) > budget.remaining_bytes:
        raise ValueError("size limit")
    budget.take(len(out))
    return out


def _ccda_attachment(element: Element, count: int, budget: Budget, out: Extracted) -> None:
    media_type = element.get("mediaType") or "application/octet-stream"
    name = f"attachment {count} ({media_type})"
    try:
        data = _b64(element.text or "")
        if element.get("compression"):
            data = _inflate(data, element.get("compression", ""), budget)
    except (binascii.Error, ValueError, UnicodeEncodeError, zlib.error, gzip.BadGzipFile):
        out.problems.append(f"{name} could not be decoded")
        return
    out.embedded.append(Embedded(name, data, media_type))


def read_ccda(root: Element, budget: Budget) -> Extracted:
    out = Extracted(note="C-CDA document")
    body = Stream()
    pieces: list[str] = []
    place = ["document header"]
    sections = [0]
    attachments = [0]

    def flush() -> None:
        body.append(place[0], "".join(pieces).strip())
        pieces.clear()

    def skip(element: Element) -> bool:
        if element.get("representation") == "B64":
            attachments[0] += 1
            _ccda_attachment(element, attachments[0], budget, out)
            return True
        media_type = element.get("mediaType")
        if (
            local_name(element.tag) == "text"
            and media_type
            and media_type != "text/plain"
            and (element.get("representation") in (None, "TXT") and element.text)
        ):  # e.g. RTF or HTML carried as text: read it as what it is
            attachments[0] += 1
            out.embedded.append(
                Embedded(
                    f"attachment {attachments[0]} ({media_type})", element.text.encode(), media_type
                )
            )
            return True
        return False

    def enter(element: Element) -> None:
        name = local_name(element.tag)
        if name == "section":
            flush()
            sections[0] += 1
            place[0] = f"section {sections[0]}"
        elif name == "nonXMLBody":
            flush()
            place[0] = "document body"

    element_text(root, pieces.append, skip=skip, enter=enter)
    flush()
    if body.chunks:
        out.streams.append(body)
    return out


def _is_attachment(node: dict[str, Any]) -> bool:
    return isinstance(node.get("data"), str) and (
        "contentType" in node or node.get("resourceType") == "Binary"
    )


def read_fhir(document: Any) -> Extracted:
    out = Extracted(note="FHIR JSON")
    body = Stream()
    resources = [0]
    attachments = [0]
    stack: list[tuple[Any, str]] = [(document, "document")]
    while stack:
        node, place = stack.pop()
        if isinstance(node, dict):
            if "resourceType" in node:
                resources[0] += 1
                place = f"resource {resources[0]} ({str(node['resourceType'])[:40]})"
            if _is_attachment(node):
                attachments[0] += 1
                media_type = str(node.get("contentType") or "application/octet-stream")
                name = f"attachment {attachments[0]} ({media_type[:60]})"
                try:
                    out.embedded.append(Embedded(name, _b64(node["data"]), media_type))
                except (binascii.Error, ValueError, UnicodeEncodeError):
                    out.problems.append(f"{name} could not be decoded")
            for key, value in reversed(list(node.items())):
                if key == "data" and _is_attachment(node):
                    continue
                if key == "div" and isinstance(value, str):
                    body.append(f"{place}, narrative", html_text(value))
                    continue
                stack.append((value, place))
        elif isinstance(node, list):
            stack.extend((item, place) for item in reversed(node))
        elif isinstance(node, str):
            body.append(place, node)
    if body.chunks:
        out.streams.append(body)
    return out


def parse_json(text: str) -> Any:
    """One JSON document, or the resources of an NDJSON (bulk export) file as a list."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        lines = [line for line in text.splitlines() if line.strip()]
        if len(lines) < 2:
            raise
        return [json.loads(line) for line in lines]


_FHIR_NS = "{http://hl7.org/fhir}"


def read_xml(root: Element) -> Extracted:
    """Any other XML: all its text; for FHIR XML also value attributes and base64 data."""
    out = Extracted(note="FHIR XML" if root.tag.startswith(_FHIR_NS) else "XML document")
    pieces: list[str] = []
    attachments = [0]

    def skip(element: Element) -> bool:
        if element.tag != _FHIR_NS + "data" or element.get("value") is None:
            return False
        attachments[0] += 1
        name = f"attachment {attachments[0]}"
        try:
            out.embedded.append(Embedded(name, _b64(element.get("value", ""))))
        except (binascii.Error, ValueError, UnicodeEncodeError):
            out.problems.append(f"{name} could not be decoded")
        return True

    element_text(root, pieces.append, skip=skip)
    out.stream("document", "".join(pieces))
    return out
