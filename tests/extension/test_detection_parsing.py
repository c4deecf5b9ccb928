"""Dates and names as EHR pages show them, read by the content script's own code (in node),
and the context rules that need a page (in a plain headless Chromium, without the extension).

The browser tests (test_detection.py, test_detection_holdout.py) check whole pages; this pins
the formats one by one, fast: every way the issue lists of writing 14 January 2026, time
ranges and birth dates that must not be taken for the session, and what passes for a name;
then each rule batch 7 of the held-out pages brought, on a fragment of page of its own.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

import pytest
from playwright.sync_api import Browser, Playwright

from tests.extension.harness import CHROMIUM, EXTENSION_DIR, node_or_skip

READER = EXTENSION_DIR / "src" / "content" / "context-reading.js"

# Evaluated as of 23 November 2026: a date without a year is this year's unless it would be
# more than two months ahead.
DATES: list[tuple[str, str | None]] = [
    ("Jan 14, 2026", "2026-01-14"),
    ("14/01/2026", "2026-01-14"),  # day first: 14 cannot be a month
    ("01/14/2026", "2026-01-14"),
    ("03/04/2026", "2026-03-04"),  # ambiguous: US order
    ("2026-01-14", "2026-01-14"),
    ("2026-01-14T10:00:00Z", "2026-01-14"),
    ("2026/01/14", "2026-01-14"),
    ("14.01.2026", "2026-01-14"),
    ("Wed 1/14/26", "2026-01-14"),
    ("Tuesday, January 14", "2026-01-14"),
    ("Tuesday, January 14 · 10:00 AM - 10:50 AM", "2026-01-14"),
    ("January 14th, 2026 at 10:00 AM", "2026-01-14"),
    ("14 Jan 2026", "2026-01-14"),
    ("Wednesday, 14 January 2026", "2026-01-14"),
    ("Jan. 14, 2026", "2026-01-14"),
    ("14-Jan-2026", "2026-01-14"),
    ("Jan-14-2026", "2026-01-14"),
    ("Session Jan 14, 2026 (moved from 01/07/2026)", "2026-01-14"),  # the first date shown
    ("Dec 30", "2026-12-30"),  # five weeks ahead: this year
    ("Feb 2", "2026-02-02"),
    ("10:00 AM - 10:50 AM", None),
    ("50 min", None),
    ("decided 12 times", None),
    ("may 5 things to do", None),
    ("13/13/2026", None),
    ("02/30/2026", None),
    ("Today, 3:00 PM", "2026-11-23"),  # relative: only with a time or a separator after it
    ("Next: Yesterday at 10:00", "2026-11-22"),
    ("Today's schedule", None),
]

# The same slashed dates on a page written day first (en-GB, or a day-first browser locale).
DAY_FIRST: list[tuple[str, str | None]] = [
    ("03/04/2026", "2026-04-03"),
    ("12/03/2026 14:30", "2026-03-12"),
    ("01/14/2026", "2026-01-14"),  # 14 cannot be a month, whatever the locale
    ("2026-03-04", "2026-03-04"),
]

# Which order slashed dates take, from the page's language and then the browser's.
LOCALES: list[tuple[str, str, bool]] = [
    ("en-GB", "en-US", True),
    ("en", "en-GB", True),
    ("", "en-US", False),
    ("en-US", "en-GB", False),
    ("fr", "en-US", True),
    ("en", "en-US", False),
]

NAMES: list[tuple[str, str | None]] = [
    ("Jane Doe", "Jane Doe"),
    ("Doe, Jane", "Doe, Jane"),
    ("Client: Doe, Jane", "Doe, Jane"),
    ("RK Rina Kapoor", "Rina Kapoor"),  # an avatar's initials before the name
    ("Noor Al-Sayed", "Noor Al-Sayed"),
    ("Lucía García", "Lucía García"),
    ("Ludwig van Beethoven", "Ludwig van Beethoven"),
    ("Progress Note", None),
    ("Cedar Clinic", None),
    ("Dr. Sarah Kim", None),
    ("Eve Stone, LCSW", None),
    ("Next session", None),
    ("Farah Aziz she/her", None),
    ("Person1 Name1", None),
    ("Jane", None),
]


def run_reader(expression: str, setup: str = "") -> object:
    script = (
        "globalThis.Node = {};"
        f"{setup}"
        f"require({json.dumps(str(READER))});"
        "const M = globalThis.Margin;"
        f"process.stdout.write(JSON.stringify({expression}));"
    )
    done = subprocess.run(
        [node_or_skip(), "-e", script], capture_output=True, text=True, timeout=30, check=False
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def parsed_dates() -> dict[str, str | None]:
    texts = json.dumps([text for text, _ in DATES])
    today = "new Date(2026, 10, 23, 12)"
    results = run_reader(f"{texts}.map((text) => M.parseDate(text, {today}))")
    assert isinstance(results, list)
    return dict(zip([text for text, _ in DATES], results, strict=True))


@pytest.mark.parametrize(("text", "expected"), DATES, ids=[text for text, _ in DATES])
def test_dates_as_pages_show_them(
    parsed_dates: dict[str, str | None], text: str, expected: str | None
) -> None:
    assert parsed_dates[text] == expected


def test_day_first_pages() -> None:
    texts = json.dumps([text for text, _ in DAY_FIRST])
    results = run_reader(f"{texts}.map((text) => M.parseDate(text, new Date(2026, 10, 23), true))")
    assert isinstance(results, list)
    assert dict(zip([t for t, _ in DAY_FIRST], results, strict=True)) == dict(DAY_FIRST)


@pytest.mark.parametrize(("page", "browser", "day_first"), LOCALES)
def test_date_order_by_locale(page: str, browser: str, day_first: bool) -> None:
    setup = (
        f"globalThis.document = {{documentElement: {{lang: {json.dumps(page)}}}}};"
        "Object.defineProperty(globalThis, 'navigator',"
        f" {{value: {{language: {json.dumps(browser)}}}}});"
    )
    assert run_reader("M.dayFirst()", setup) is day_first


def test_names_as_pages_show_them() -> None:
    texts = json.dumps([text for text, _ in NAMES])
    results = run_reader(f"{texts}.map((text) => M.looksLikeName(text))")
    assert isinstance(results, list)
    assert dict(zip([t for t, _ in NAMES], results, strict=True)) == dict(NAMES)


# --- the batch-7 context rules, one page fragment each (real Chromium, no extension) -------
# The rules read the DOM (labels beside values, headings over lists, inputs, a banner's
# strip), so each runs on a small fragment in a plain headless Chromium page with the
# content script's reading files loaded, fast and one by one. Whole b7-* pages:
# test_detection_holdout.py.

READING_FILES = [
    "dom-search.js", "field-labels.js", "text-items.js", "context-reading.js", "context-order.js"
]
TODAY = "2026-11-23"  # the page's clock is fixed at noon that day


@pytest.fixture(scope="module")
def fragment_browser(playwright_session: Playwright) -> Iterator[Browser]:
    browser = playwright_session.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox", "--disable-gpu"]
    )
    yield browser
    browser.close()


@pytest.fixture
def read(fragment_browser: Browser) -> Iterator[Callable[[str, str], Any]]:
    """``read(html, expression)``: the expression's value on a fresh page showing ``html``,
    with ``M`` the content script's functions and ``roots`` the page's places to look."""
    context = fragment_browser.new_context(locale="en-US")
    page = context.new_page()
    page.clock.set_fixed_time(datetime(2026, 11, 23, 12, 0))

    def run(html: str, expression: str) -> Any:
        page.set_content(f"<!doctype html><html lang='en-US'><body>{html}</body></html>")
        for name in READING_FILES:
            page.add_script_tag(path=str(EXTENSION_DIR / "src" / "content" / name))
        return page.evaluate(
            f"(() => {{ const M = globalThis.Margin; const roots = M.collectRoots(document);"
            f" return {expression}; }})()"
        )

    yield run
    context.close()


CLIENT = "M.readGenericClient(roots)"
DATE = "M.readGenericDate(roots)"
CLIENT_REF = "M.readGenericClientRef(roots)"

B7_CLIENTS: list[tuple[str, str, str | None]] = [
    # 'Client of record' is a client label; the partner beside it is not the client.
    (
        "client of record",
        "<dl><dt>Client of record</dt><dd>Theo Lindgren</dd>"
        "<dt>Also attending</dt><dd>Ana Lindgren (partner, collateral)</dd></dl>",
        "Theo Lindgren",
    ),
    (
        "patient of record",
        "<p>Patient of record: Theo Lindgren</p><p>Partner: Ana Lindgren</p>",
        "Theo Lindgren",
    ),
    # A label in two languages, either way round.
    (
        "label in Arabic and English",
        "<div dir='rtl'><span>المراجع · Client</span><b>Layla Haddad</b></div>",
        "Layla Haddad",
    ),
    ("label in English and Spanish", "<div><span>Client / Cliente</span><b>Layla Haddad</b></div>",
     "Layla Haddad"),
    # An avatar showing initials: the name is in its aria-label or title after the label.
    (
        "avatar's aria-label",
        "<span class='avatar' role='img' aria-label='Client: Yusuf Haddad'>YH</span>",
        "Yusuf Haddad",
    ),
    ("avatar's title", "<span class='avatar' title='Client: Yusuf Haddad'>YH</span>",
     "Yusuf Haddad"),
    # A patient banner: the name before the birth date or chart number, in a strip of texts
    # or in one text; a name after them is someone else's.
    (
        "banner strip",
        "<div class='strip'><span class='nm'>Imogen Fairweather</span><span>Born 14 Feb 1992"
        "</span><span>Patient #5120</span></div>",
        "Imogen Fairweather",
    ),
    (
        "banner in one text",
        "<div><b>Rhodri Pritchard</b> · Patient #2207 · Referred by Dr A. Moss (GP)</div>",
        "Rhodri Pritchard",
    ),
    ("banner, a name after the birth date", "<div><span>DOB 02/11/1987</span>"
     "<span>Insurer Alan Moss</span></div>", None),
    # A telehealth call's video tile names the person on the other end.
    (
        "video tile",
        "<div class='video'><div class='tile'>Esperanza Villalobos</div></div>",
        "Esperanza Villalobos",
    ),
    ("participant tile", "<div class='participant'>Esperanza Villalobos</div>",
     "Esperanza Villalobos"),
]  # fmt: skip



B7_DATES: list[tuple[str, str, str | None]] = [
    # A bare Yesterday/Today/Tomorrow heading over a list groups a sidebar's sessions by day.
    (
        "day headings over lists, the session's own date",
        "<aside><h4>Yesterday</h4><ul><li>A. Berg · 3:00 PM</li></ul><h4>Today</h4><ul><li>"
        "T. Ruiz · 9:00 AM</li></ul><h4>Tomorrow</h4><ul><li>M. Ode · 11:00 AM</li></ul></aside>"
        "<p>Session on Nov 21, 2026 · 53 min</p>",
        "2026-11-21",
    ),
    (
        "day headings over lists alone",
        "<aside><h4>Yesterday</h4><ul><li>A. Berg · 3:00 PM</li></ul></aside>",
        None,
    ),
    ("a bare 'Tomorrow' over a list, not a heading",
     "<div>Tomorrow</div><ul><li>M. Ode · 11:00 AM</li></ul>", None),
    ("'Today at' with a time is still the session's date", "<p>Today at 1:00 PM · 53 min</p>",
     TODAY),
    # A datetime-local input holds the session's date; a next session's date does not.
    (
        "datetime-local input",
        "<label>Start <input type='datetime-local' value='2026-11-30T09:00'></label>",
        "2026-11-30",
    ),
    (
        "next session's date input beside it",
        "<label>Start <input type='datetime-local' value='2026-11-30T09:00'></label>"
        "<label>Next session <input type='date' value='2026-12-07'></label>",
        "2026-11-30",
    ),
    ("next session's date in the text", "<p>Next session Dec 7, 2026</p>", None),
]  # fmt: skip



B7_CLIENT_REFS: list[tuple[str, str, str | None]] = [
    # An id in brackets right after the client's name is the client's.
    ("after the name in one text", "<p>Fairbanks, Delphine (ID 30418)</p>", "30418"),
    ("after the name in its own element",
     "<div class='hdr'>Client: <b>Fairbanks, Delphine</b> (ID 30418) · Staff: Hughes, Martin</div>",
     "30418"),
    ("an MRN", "<p>Delphine Fairbanks (MRN: 77120)</p>", "77120"),
    ("after something that is not a name", "<p>Room 4 (ID 30418)</p>", None),
]  # fmt: skip



B7_CASES = [
    *[("client", CLIENT, *case) for case in B7_CLIENTS],
    *[("date", DATE, *case) for case in B7_DATES],
    *[("client id", CLIENT_REF, *case) for case in B7_CLIENT_REFS],
]


@pytest.mark.browser
@pytest.mark.parametrize(
    ("expression", "html", "expected"),
    [case[1:2] + case[3:] for case in B7_CASES],
    ids=[f"{what}: {name}" for what, _, name, _, _ in B7_CASES],
)
def test_b7_context_rules(
    read: Callable[[str, str], Any], expression: str, html: str, expected: str | None
) -> None:
    assert read(html, expression) == expected


@pytest.mark.browser
@pytest.mark.parametrize(
    ("change", "still_open"),
    [
        ("", True),
        ("el.disabled = true", False),  # "Missed appointment" disables the note after load
        ("el.setAttribute('aria-disabled', 'true')", False),
        ("el.style.display = 'none'", False),
        ("el.remove()", False),
    ],
    ids=["open", "disabled", "aria-disabled", "hidden", "removed"],
)
def test_b7_a_field_found_earlier_stays_the_note_only_while_open(
    read: Callable[[str, str], Any], change: str, still_open: bool
) -> None:
    html = "<label>Progress note <textarea id='n' rows='8' cols='60'></textarea></label>"
    expression = (
        "(() => { const el = document.getElementById('n');"
        " const found = {element: el, inIframe: false};"
        f" {change}; return M.stillOpen(found); }})()"
    )
    assert read(html, expression) is still_open
