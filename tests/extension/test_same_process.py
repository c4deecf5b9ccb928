"""The browser tests and the daemon's asyncio tests in one pytest process, either order.

Sync Playwright's loop counts as the main thread's running loop while it is open, so it
must be closed before asyncio tests run (tests/extension/conftest.py, playwright_session).
Run in a child pytest: what fails is the order within one process.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import REPO_ROOT

pytestmark = pytest.mark.browser

BROWSER_TEST = (
    "tests/extension/test_detection_parsing.py"
    "::test_b7_a_field_found_earlier_stays_the_note_only_while_open"
)
AIOHTTP_TEST = "tests/core/test_service.py::test_cli_only_operations_refuse_the_extension"


def test_aiohttp_tests_pass_after_playwright_tests_in_the_same_process() -> None:
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    done = subprocess.run(
        [*command, BROWSER_TEST, AIOHTTP_TEST],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert " passed" in done.stdout and "error" not in done.stdout.lower(), done.stdout[-2000:]
