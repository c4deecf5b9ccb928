"""The Chromium engine: Debian's Chromium through Playwright, as in tests/extension/harness.

The panel and the vault page are opened as tabs at their chrome-extension:// URLs; the
privileged context is the extension's service worker; the content-script world is reached
over the Chrome DevTools Protocol (harness.content_script_eval).
"""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page

from tests.extension.ehr_server import EhrServer
from tests.extension.engines.driver import Engine, EnginePage, js
from tests.extension.harness import (
    ARTIFACTS,
    EXTENSION_ORIGIN,
    ExtensionBrowser,
    content_script_eval,
)


class ChromiumPage(EnginePage):
    def __init__(self, engine: ChromiumEngine, page: Page) -> None:
        self.engine = engine
        self.page = page

    @property
    def url(self) -> str:
        return self.page.url

    def evaluate(self, expression: str) -> Any:
        # Wrapped so Playwright never mistakes an expression for a function to call.
        return self.page.evaluate(f"async () => ({expression})")

    def click(self, selector: str) -> None:
        self.page.click(selector)

    def click_at(self, x: float, y: float) -> None:
        self.page.mouse.click(x, y)

    def type(self, selector: str | None, text: str) -> None:
        if selector is not None:
            self.focus_end(selector)
        self.page.keyboard.type(text, delay=5)

    def set_files(self, selector: str, paths: list[str]) -> None:
        self.page.set_input_files(selector, paths)

    def screenshot(self, name: str) -> None:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}-chromium.png"), full_page=True)

    def reload(self) -> None:
        self.page.reload()

    def close(self) -> None:
        self.page.close()

    def content_script(self, expression: str) -> Any:
        return content_script_eval(self.page, f"(async () => ({expression}))()")


class ChromiumEngine(Engine):
    name = "chromium"

    def __init__(self, browser: ExtensionBrowser) -> None:
        self.browser = browser
        self.ehr: EhrServer = browser.ehr
        self.origin = EXTENSION_ORIGIN

    def extension(self, function: str, argument: Any = None) -> Any:
        return self.browser.worker.evaluate(f"(arg) => ({function})(chrome, arg)", argument)

    def open_ehr(self, site: str, path: str = "/") -> EnginePage:
        return ChromiumPage(self, self.browser.open_ehr(site, path))

    def open_extension_page(self, path: str) -> EnginePage:
        page = self.browser.context.new_page()
        page.goto(f"{EXTENSION_ORIGIN}/{path}")
        return ChromiumPage(self, page)

    def reset(self) -> None:
        for page in list(self.browser.context.pages):
            page.close()
        self.extension("async (api) => { await api.storage.local.clear();"
                       " await api.storage.session.clear(); return true; }")


__all__ = ["ChromiumEngine", "js"]
