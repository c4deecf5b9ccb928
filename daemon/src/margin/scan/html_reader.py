"""HTML pages: text as a browser shows it, plus what it hides (comments, field values).

Entities are decoded by the parser; inline elements (b, span, a...) join their sides with
nothing, so "pa<b>tie</b>nt" reads "patient"; block elements end a line. Soft hyphens are
left for the matcher, which ignores them inside words.
"""

from __future__ import annotations

import base64
import binascii
import re
from html.parser import HTMLParser

from margin.matcher.normalize import BLOCK_TAGS
from margin.scan.model import Embedded, Extracted
from margin.scan.pictures import may_show_text

# Block tags end a line; a browser also breaks around these form and page-structure tags.
_BLOCKS = BLOCK_TAGS | {"option", "legend", "summary", "details", "body", "html", "head"}
_SKIPPED = frozenset(("script", "style"))
_DATA_URI = re.compile(r"data:([\w.+/-]+)?((?:;[\w=.+-]+)*);base64,(.*)", re.S)


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.hidden: list[str] = []  # comments, alt text, field values
        self.embedded: list[Embedded] = []
        self.problems: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skipping += 1
        if tag in _BLOCKS:
            self.text.append("\n")
        elif tag == "q":  # a browser shows quotation marks around it
            self.text.append("\u201c")
        for name, value in attrs:
            if not value:
                continue
            if name in ("alt", "title", "placeholder") or (name == "value" and tag != "li"):
                self.hidden.append(value)
            elif name in ("src", "href", "data") and value.startswith("data:"):
                self._data_uri(value)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in _SKIPPED:
            self._skipping -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED and self._skipping:
            self._skipping -= 1
        if tag in _BLOCKS:
            self.text.append("\n")
        elif tag == "q":
            self.text.append("\u201d")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.text.append(data)
        elif data.strip():  # a script's data (a record as JSON) is in the file all the same
            self.hidden.append(data)

    def handle_comment(self, data: str) -> None:
        self.hidden.append(data)

    def _data_uri(self, value: str) -> None:
        found = _DATA_URI.match(value)
        if found is None:
            return
        try:
            blob = base64.b64decode(re.sub(r"\s+", "", found.group(3)), validate=True)
        except (binascii.Error, ValueError):
            self.problems.append("an embedded file in the page could not be decoded")
            return
        media_type = found.group(1) or "application/octet-stream"
        if media_type.startswith("image/") and not may_show_text(blob):
            return  # a logo or an icon
        self.embedded.append(Embedded(f"embedded file ({media_type})", blob, media_type))


def html_text(markup: str) -> str:
    """Visible text only (used for FHIR narratives)."""
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    return "".join(parser.text)


def read_html(markup: str, place: str = "page") -> Extracted:
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    out = Extracted(note="HTML page", problems=parser.problems, embedded=parser.embedded)
    out.stream(place, "".join(parser.text))
    out.stream(f"{place}, hidden text (comments, field values)", "\n".join(parser.hidden))
    return out
