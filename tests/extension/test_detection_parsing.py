"""Dates and names as EHR pages show them, read by the content script's own code (in node).

The browser tests (test_detection.py, test_detection_holdout.py) check whole pages; this pins
the formats one by one, fast: every way the issue lists of writing 14 January 2026, time
ranges and birth dates that must not be taken for the session, and what passes for a name.
"""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.extension.harness import EXTENSION_DIR, node_or_skip

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
