"""Fixtures for the extension's tests: the EHR page server, the test build, the browser."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Playwright, expect, sync_playwright

from tests.extension.ehr_server import EhrServer, start_ehr_server
from tests.extension.harness import CHROMIUM, ExtensionBrowser, build, build_editors, launch

# Two cores running Chromium, the daemon and heap snapshots at once: give the UI time.
expect.set_options(timeout=10_000)


# Package scope, not session: while sync Playwright is open its event loop counts as the
# running loop of the main thread (its dispatcher greenlet runs the loop there, and switching
# greenlets does not unset asyncio's per-thread running loop). Kept open for the whole
# session, it made every asyncio test run after the browser tests in the same process (the
# daemon's aiohttp tests) fail with "cannot be called from a running event loop". Stopped
# when the last test of tests/extension is done, it unsets the loop.
@pytest.fixture(scope="package")
def playwright_session() -> Iterator[Playwright]:
    if not CHROMIUM.exists():
        pytest.skip(
            "Debian's chromium is not installed at /usr/bin/chromium (make test installs it)"
        )
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def test_extension() -> Path:
    return build("chromium-test")


@pytest.fixture(scope="session")
def editor_bundles() -> Path:
    """The real editor libraries bundled for the pages' /_editors/NAME.js (tests/editors/)."""
    return build_editors()


@pytest.fixture(scope="session")
def ehr_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EhrServer]:
    server = start_ehr_server(tmp_path_factory.mktemp("ehr-tls"))
    yield server
    server.stop()


@pytest.fixture
def browser(
    playwright_session: Playwright, test_extension: Path, ehr_server: EhrServer, tmp_path: Path
) -> Iterator[ExtensionBrowser]:
    launched = launch(playwright_session, tmp_path / "profile", test_extension, ehr_server)
    yield launched
    launched.context.close()
