"""Every word the extension pages show comes from the message catalogue
(extension/_locales/en/messages.json, read with chrome.i18n / browser.i18n), so translating
Margin is adding a catalogue, never changing code. A static check over the page scripts and
HTML: keys used exist, and no sentence is written into a script or a page outside it."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

EXTENSION = REPO_ROOT / "extension"
CATALOGUE = json.loads((EXTENSION / "_locales" / "en" / "messages.json").read_text("utf-8"))
PAGE_DIRS = ("panel", "vault", "shared", "background")  # background: notifications, badge, errors
SCRIPTS = sorted(p for d in PAGE_DIRS for p in (EXTENSION / "src" / d).glob("*.js"))
PAGES = sorted(p for d in PAGE_DIRS for p in (EXTENSION / "src" / d).glob("*.html"))

COMMENTS = re.compile(r"/\*.*?\*/|(?<![:'\"`])//[^\n]*", re.S)
LITERAL = re.compile(r"'((?:[^'\\\n]|\\.)*)'|\"((?:[^\"\\\n]|\\.)*)\"|`((?:[^`\\]|\\.)*)`")
KEY_USE = re.compile(r"\bt(?:Or)?\(\s*'([A-Za-z0-9_@]+)'")
# A sentence: a capitalised word then another word, or three words in a row.
SENTENCE = re.compile(r"^[A-Z][a-z']+[ ,:][ ]?[A-Za-z]|\b[a-z']{2,} [a-z']{2,} [a-z']{2,}\b")


# Words for developers, not for the clinician: the console and internal errors.
DEVELOPER = re.compile(r"""(?:console\.\w+|new Error)\(\s*(['"`])(?:(?!\1).)*\1""")


def code_of(path: Path) -> str:
    return DEVELOPER.sub("", COMMENTS.sub("", path.read_text("utf-8")))


def literals(path: Path) -> list[str]:
    found = []
    for match in LITERAL.finditer(code_of(path)):
        text = next(group for group in match.groups() if group is not None)
        found.append(re.sub(r"\$\{[^}]*\}", "", text))
    return found


def test_both_manifests_name_english_as_the_default_locale() -> None:
    for manifest in (EXTENSION / "manifest.json", EXTENSION / "firefox" / "manifest.json"):
        assert json.loads(manifest.read_text("utf-8"))["default_locale"] == "en", manifest


def test_catalogue_keys_are_valid_and_every_message_is_words() -> None:
    for key, entry in CATALOGUE.items():
        assert re.fullmatch(r"[A-Za-z0-9_@]+", key), key
        assert entry["message"].strip(), key


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.relative_to(EXTENSION).as_posix())
def test_a_page_script_uses_only_keys_of_the_catalogue(script: Path) -> None:
    missing = sorted({key for key in KEY_USE.findall(code_of(script)) if key not in CATALOGUE})
    assert not missing, f"{script.name} uses keys missing from messages.json: {missing}"


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.relative_to(EXTENSION).as_posix())
def test_a_page_script_holds_no_sentence_of_its_own(script: Path) -> None:
    written = [text for text in literals(script) if SENTENCE.search(text)]
    assert not written, f"{script.name} writes words outside the catalogue: {written}"


class _PageWords(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[bool] = []  # for each open element: does it or an ancestor translate?
        self.keys: list[str] = []
        self.stray: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = dict(attrs)
        self.keys += [value for name, value in attrs if name.startswith("data-i18n") and value]
        if tag not in {"meta", "link", "input", "br", "img"}:
            self.stack.append(bool(self.stack and self.stack[-1]) or "data-i18n" in names)

    def handle_endtag(self, tag: str) -> None:
        if tag not in {"meta", "link", "input", "br", "img"} and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if re.search(r"[A-Za-z]{2}", data) and not (self.stack and self.stack[-1]):
            self.stray.append(data.strip())


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(EXTENSION).as_posix())
def test_a_page_shows_only_catalogued_words(page: Path) -> None:
    words = _PageWords()
    words.feed(page.read_text("utf-8"))
    assert not words.stray, f"{page.name} shows words without data-i18n: {words.stray}"
    missing = sorted(set(words.keys) - set(CATALOGUE))
    assert not missing, f"{page.name} names keys missing from messages.json: {missing}"


def test_the_check_would_catch_a_sentence() -> None:
    assert SENTENCE.search("Not saved yet")
    assert SENTENCE.search("the note was changed")
    assert not SENTENCE.search("#client-notes button")
    assert not SENTENCE.search("/v1/notes/search")
    assert DEVELOPER.sub("", "console.warn('Margin: a note for developers.', x)") == ", x)"
