"""One browser per engine for this folder's flows, reset between them (two cores: starting a
browser per flow would cost more than the flows). ``engine`` runs a flow once in each."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Playwright

from tests.extension.ehr_server import EhrServer
from tests.extension.engines.chromium import ChromiumEngine
from tests.extension.engines.driver import Engine
from tests.extension.engines.firefox import FirefoxEngine
from tests.extension.engines.firefox_launch import FIREFOX, start_firefox
from tests.extension.harness import build, launch


@pytest.fixture(scope="session")
def firefox_extension() -> Path:
    return build("firefox-test")


@pytest.fixture(scope="package")
def firefox_engine(
    firefox_extension: Path, ehr_server: EhrServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[FirefoxEngine]:
    if not FIREFOX.exists():
        pytest.fail("Debian's firefox-esr is not installed: run 'make system-deps'")
    running = start_firefox(tmp_path_factory.mktemp("firefox") / "profile", firefox_extension)
    try:
        engine = FirefoxEngine(running, ehr_server)  # inside: a failure here stops Firefox too
        yield engine
    finally:
        running.stop()


@pytest.fixture(scope="package")
def chromium_engine(
    playwright_session: Playwright,
    test_extension: Path,
    ehr_server: EhrServer,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[ChromiumEngine]:
    profile = tmp_path_factory.mktemp("chromium") / "profile"
    browser = launch(playwright_session, profile, test_extension, ehr_server)
    try:
        yield ChromiumEngine(browser)
    finally:
        browser.context.close()


@pytest.fixture
def firefox(firefox_engine: FirefoxEngine) -> Iterator[FirefoxEngine]:
    """For the Firefox-only checks: the same Firefox, reset."""
    firefox_engine.reset()
    yield firefox_engine
    firefox_engine.reset()


@pytest.fixture(scope="package", params=["chromium", "firefox"])
def engine_browser(request: pytest.FixtureRequest) -> Engine:
    # Package-scoped and parametrized: pytest runs every flow here in one engine, then the
    # other, and closes both browsers when this folder is done.
    return request.getfixturevalue(f"{request.param}_engine")  # type: ignore[no-any-return]


@pytest.fixture
def engine(engine_browser: Engine) -> Iterator[Engine]:
    engine_browser.reset()
    yield engine_browser
    engine_browser.reset()
