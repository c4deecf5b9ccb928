"""Text to comparable words, keeping where each word came from in the original text.

Both sides of a comparison (a private note, and the text being checked) go through the same
function, so a rule only has to be consistent, not linguistically right: a hyphen inside a
word is dropped ("self-harm" -> "selfharm"), which makes a line-end hyphenation
("self-\\nharm", "thera-\\npist") read the same as the unbroken word.

Offsets always point into the ORIGINAL text, so the leak guard can mark spans in the EHR's
field without ever sending text back.
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

# Characters that never separate words: soft hyphen, zero-width (non-)joiners and spaces,
# combining accents (NFD text from some PDFs), and apostrophes of every shape.
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_APOSTROPHES = "'\u2019\u02bc\u2018\u2032"
# Hyphen-like characters that may be followed by a line break inside a word. PDFium reports
# a line-end soft hyphen as U+0002 or U+FFFE.
_HYPHENS = "\\-\u2010\u2011\u00ad\x02\ufffe"

_JOIN = rf"(?:[{_ZERO_WIDTH}{_MARKS}{_APOSTROPHES}]|[{_HYPHENS}][ \t]*(?:\r\n|\r|\n)?[ \t]*)"
_WORD = re.compile(rf"[^\W_]+(?:{_JOIN}+[^\W_]+)*[{_MARKS}]*")
_NOT_WORD_CHAR = re.compile(rf"[\s{_ZERO_WIDTH}{_APOSTROPHES}{_HYPHENS}]+")

# Markup is recognized only in its unambiguous shapes, so "BP <140/90" stays text.
_MARKUP = re.compile(
    r"<!--.*?-->|<(/?)([A-Za-z][A-Za-z0-9]*)(?:\s[^<>]*)?/?>"
    r"|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});",
    re.S,
)
# Tags that end a line when rendered (HTML, and the section tags of C-CDA narratives);
# every other tag (b, i, span, a...) joins its sides.
BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "caption",
        "title",
        "td",
        "paragraph",
        "content",
        "item",
        "list",
    ]
)

_QUOTE_CHARS = re.compile(r"[\"“”„«»]")
# Single quotation marks double as apostrophes: one opens only before a word and after a
# space or an opening bracket, and closes only where no letter follows it.
# An opening one must be followed by a letter, not a digit ('90s is an apostrophe), and one
# right after a digit is a prime (5'6"), not a quotation mark.
_SINGLE_QUOTES = re.compile(
    r"(?P<open>(?:^|(?<=[\s(\[—–]))[‘'‹](?=[^\W\d_]))"
    r"|(?P<close>(?<=[^\W\d_]|[.,!?;:…])[’'›](?!\w))"
)
# A straight double mark: it opens after a space, a bracket or the start and before a
# non-space; it closes after a non-space and before a space, punctuation or the end;
# after a digit it is an inch mark or a second (5'6", 30"), neither.
_DOUBLE_OPENS = re.compile(r"(?:^|(?<=[\s(\[{—–/]))\"(?=\S)")
_DOUBLE_CLOSES = re.compile(r"(?<=[^\s\d])\"(?=$|[\s.,;:!?)\]}—–/…])")
# A quotation longer than this is not a "short client quote" but a passage.
QUOTE_MAX_WORDS = 30


@dataclass(frozen=True, slots=True)
class Words:
    """Normalized words of a text with their [start, end) offsets in the original text."""

    words: list[str]
    starts: list[int]
    ends: list[int]
    quoted: list[bool]  # the word sits inside a short quotation ("...", “...”)

    def __len__(self) -> int:
        return len(self.words)


class _OffsetMap:
    """Maps positions in markup-stripped text back to the original text."""

    def __init__(self) -> None:
        self.clean_starts: list[int] = []
        self.segments: list[tuple[int, int, int, int]] = []  # clean [s, e) <- orig [s, e)

    def add(self, clean_start: int, clean_end: int, orig_start: int, orig_end: int) -> None:
        self.clean_starts.append(clean_start)
        self.segments.append((clean_start, clean_end, orig_start, orig_end))

    def to_orig(self, pos: int, *, is_end: bool) -> int:
        probe = pos - 1 if is_end else pos
        i = bisect_right(self.clean_starts, probe) - 1
        if i < 0:
            return pos
        _, c_end, o_start, o_end = self.segments[i]
        if probe < c_end:  # inside a replaced entity: the word covers all of it
            return o_end if is_end else o_start
        return o_end + (pos - c_end)


def _strip_markup(text: str) -> tuple[str, _OffsetMap | None]:
    if "<" not in text and "&" not in text:
        return text, None
    pieces: list[str] = []
    offsets = _OffsetMap()
    clean_len = 0
    last = 0
    for m in _MARKUP.finditer(text):
        pieces.append(text[last : m.start()])
        clean_len += m.start() - last
        token = m.group(0)
        if token.startswith("&"):
            replacement = html.unescape(token)
        elif token.startswith("<!--"):
            replacement = " "
        else:
            replacement = " " if m.group(2).lower() in BLOCK_TAGS else ""
        pieces.append(replacement)
        offsets.add(clean_len, clean_len + len(replacement), m.start(), m.end())
        clean_len += len(replacement)
        last = m.end()
    if not offsets.segments:
        return text, None
    pieces.append(text[last:])
    return "".join(pieces), offsets


def _normalize_word(token: str) -> str:
    if token.isascii():
        if token.isalnum():
            return token.lower()
        return _NOT_WORD_CHAR.sub("", token).lower()
    folded = unicodedata.normalize("NFKC", _NOT_WORD_CHAR.sub("", token)).casefold()
    if folded.isalnum():
        return folded
    # NFKC can turn one character into several, some not letters ("½" -> "1⁄2").
    return "".join(ch for ch in folded if ch.isalnum())


def _quoted_flags(clean: str, starts: list[int]) -> list[bool]:
    flags = [False] * len(starts)
    if not starts:
        return flags
    marks: list[tuple[bool, int, int]] = []  # (opens, start, end) of double quotation marks
    for m in _QUOTE_CHARS.finditer(clean):
        ch, at = m.group(0), m.start()
        if ch == '"':
            if _DOUBLE_OPENS.match(clean, at):
                marks.append((True, at, m.end()))
            elif _DOUBLE_CLOSES.match(clean, at):
                marks.append((False, at, m.end()))
            continue  # a prime, or a mark with no side to it: not a quotation
        marks.append((ch in "“„«", at, m.end()))
    _flag_quotations(marks, starts, flags)
    if "‘" in clean or "'" in clean or "‹" in clean:
        singles = [(m.group("open") is not None, m.start(), m.end())
                   for m in _SINGLE_QUOTES.finditer(clean)]  # fmt: skip
        _flag_quotations(singles, starts, flags)
    return flags


def _flag_quotations(
    marks: list[tuple[bool, int, int]], starts: list[int], flags: list[bool]
) -> None:
    """Flag the words between an opening mark and the next closing one, if few enough."""
    open_at: int | None = None
    for opens, start, end in marks:
        if opens:
            open_at = end
            continue
        if open_at is None:
            continue
        first = bisect_right(starts, open_at - 1)
        last = bisect_right(starts, start - 1)  # words starting inside the quotation
        if 0 < last - first <= QUOTE_MAX_WORDS:
            for i in range(first, last):
                flags[i] = True
        open_at = None


# The same joins as _JOIN for text that is all ASCII (where the only joiners are the
# apostrophe, the hyphen and PDFium's U+0002), applied to the whole text at once. It
# starts with the joiner itself (then looks back for the letter before it) so that the
# regex engine can skip ahead to the next joiner instead of trying every position.
_ASCII_HYPHEN_BREAK = r"[ \t]*(?:\r\n|\r|\n)?[ \t]*"
_ASCII_JOINS = re.compile(
    rf"['\-\x02](?<=[a-z0-9].)(?:(?<=')|(?<=[\-\x02]){_ASCII_HYPHEN_BREAK})"
    rf"(?:'|[\-\x02]{_ASCII_HYPHEN_BREAK})*(?=[a-z0-9])"
)
_ASCII_WORD = re.compile(r"[a-z0-9]+")


def words_only(text: str) -> list[str]:
    """The same words as ``tokenize(text).words``, without offsets (the fast path).

    Most exports are ASCII: they are lowercased and joined in two passes over the whole
    text and split by the simplest pattern, with no Python work per word.
    """
    clean, _ = _strip_markup(text)
    if clean.isascii():
        return _ASCII_WORD.findall(_ASCII_JOINS.sub("", clean.lower()))
    normalize = _normalize_word
    words = [
        w.lower() if w.isascii() and w.isalnum() else normalize(w) for w in _WORD.findall(clean)
    ]
    return [w for w in words if w] if "" in words else words


def tokenize(text: str) -> Words:
    """Split ``text`` into normalized words, each mapped back to its original offsets."""
    clean, offsets = _strip_markup(text)
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for m in _WORD.finditer(clean):
        word = _normalize_word(m.group(0))
        if not word:
            continue
        words.append(word)
        starts.append(m.start())
        ends.append(m.end())
    has_quotes = _QUOTE_CHARS.search(clean) is not None or "‘" in clean or "'" in clean
    quoted = _quoted_flags(clean, starts) if has_quotes else [False] * len(words)
    if offsets is not None:
        starts = [offsets.to_orig(s, is_end=False) for s in starts]
        ends = [offsets.to_orig(e, is_end=True) for e in ends]
    return Words(words, starts, ends, quoted)
