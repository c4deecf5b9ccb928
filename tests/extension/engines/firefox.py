"""The Firefox engine: Debian's Firefox ESR driven over WebDriver BiDi (see firefox_launch).

BiDi may not navigate to moz-extension:// pages, so the Firefox test build's background
opens a driver page of its own at install (extension/test-driver). Everything privileged
goes through that page: opening the panel or vault page (``tabs.create``, then the new tab
is found in the browsing-context tree), storage, and evaluating in a page's content-script
world (``scripting.executeScript``, which runs in the same sandbox as the content scripts).
"""

from __future__ import annotations

import base64
import time
from typing import Any

from tests.extension.ehr_server import EhrServer
from tests.extension.engines.bidi import BidiSession, remote_value
from tests.extension.engines.driver import Engine, EnginePage, eventually, js
from tests.extension.engines.firefox_launch import RunningFirefox
from tests.extension.harness import ARTIFACTS

# The element's centre when its box is the same across two animation frames and a click
# there would land on it (or inside it); null otherwise, so the caller measures again.
_STEADY_CENTRE = """(el.scrollIntoView({block: 'center'}), new Promise((done) => {
  const before = el.getBoundingClientRect();
  requestAnimationFrame(() => requestAnimationFrame(() => {
    const r = el.getBoundingClientRect();
    const x = r.x + r.width / 2, y = r.y + r.height / 2;
    const hit = document.elementFromPoint(x, y);
    const still = ['x', 'y', 'width', 'height'].every((k) => r[k] === before[k]);
    done(still && hit && (hit === el || el.contains(hit)) ? [x, y] : null);
  }));
}))"""

DRIVER_PAGE = "test-driver/driver.html"


def _evaluate(session: BidiSession, context: str, expression: str) -> Any:
    reply = session.command("script.evaluate", {
        "expression": expression,
        "target": {"context": context},
        "awaitPromise": True,
        "resultOwnership": "none",
    })
    if reply["type"] == "exception":
        raise AssertionError(f"{reply['exceptionDetails']['text']} in: {expression[:300]}")
    return reply["result"]


class FirefoxPage(EnginePage):
    engine: FirefoxEngine

    def __init__(self, engine: FirefoxEngine, context: str) -> None:
        self.engine = engine
        self.context = context
        self._tab_id: int | None = None

    @property
    def session(self) -> BidiSession:
        return self.engine.running.session

    @property
    def url(self) -> str:
        return str(self.evaluate("location.href"))

    def evaluate(self, expression: str) -> Any:
        return remote_value(_evaluate(self.session, self.context, expression))

    def _centre(self, selector: str) -> tuple[float, float]:
        """The middle of the element's box, scrolled into view, once the box has stopped
        moving and the element is what a click there would hit (Playwright's actionability
        check: a status line rewrapping above a button moved it between measure and click).
        (BiDi's element origin uses the first of its client rects, which misses an inline
        host around a block editor.)"""
        self.wait_visible(selector)
        box = eventually(lambda: self.query(selector, _STEADY_CENTRE), f"{selector} to hold still")
        return float(box[0]), float(box[1])

    def _act(self, source: dict[str, Any]) -> None:
        self.session.command("input.performActions", {"context": self.context, "actions": [source]})

    def _press(self, move: dict[str, Any]) -> None:
        self._act({"type": "pointer", "id": "mouse", "parameters": {"pointerType": "mouse"},
                   "actions": [
                       {"type": "pointerMove", **move},
                       {"type": "pointerDown", "button": 0},
                       {"type": "pointerUp", "button": 0},
                   ]})

    def click(self, selector: str) -> None:
        self.click_at(*self._centre(selector))

    def click_at(self, x: float, y: float) -> None:
        self._press({"x": round(x), "y": round(y), "origin": "viewport"})

    def type(self, selector: str | None, text: str) -> None:
        if selector is not None:
            self.focus_end(selector)
        keys: list[dict[str, Any]] = []
        for char in text:
            key = "\ue007" if char == "\n" else char
            keys += [{"type": "keyDown", "value": key}, {"type": "keyUp", "value": key}]
        self._act({"type": "key", "id": "keyboard", "actions": keys})

    def set_files(self, selector: str, paths: list[str]) -> None:
        node = _evaluate(self.session, self.context, f"document.querySelector({js(selector)})")
        self.session.command("input.setFiles", {
            "context": self.context, "element": {"sharedId": node["sharedId"]}, "files": paths})

    def screenshot(self, name: str) -> None:
        shot = self.session.command("browsingContext.captureScreenshot", {
            "context": self.context, "origin": "document"})
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        (ARTIFACTS / f"{name}-firefox.png").write_bytes(base64.b64decode(shot["data"]))

    def reload(self) -> None:
        self.session.command(
            "browsingContext.reload", {"context": self.context, "wait": "complete"}
        )

    def close(self) -> None:
        self.session.command("browsingContext.close", {"context": self.context})

    def content_script(self, expression: str) -> Any:
        if self._tab_id is None:
            self._tab_id = self.engine.tab_id(self)
        return self.engine.extension(
            "async (api, tabId) => (await api.scripting.executeScript({target: {tabId},"
            f" func: async () => ({expression})}}))[0].result ?? null",
            self._tab_id,
        )


class FirefoxEngine(Engine):
    name = "firefox"

    def __init__(self, running: RunningFirefox, ehr: EhrServer) -> None:
        self.running = running
        self.ehr = ehr
        self.driver = self._loaded(FirefoxPage(self, self._find_context(DRIVER_PAGE)))
        self.origin = str(self.driver.evaluate("location.origin"))

    @property
    def session(self) -> BidiSession:
        return self.running.session

    def _contexts(self) -> list[dict[str, Any]]:
        return list(self.session.command("browsingContext.getTree", {"maxDepth": 0})["contexts"])

    def _find_context(self, url_end: str) -> str:
        def found() -> str | None:
            matches = [c["context"] for c in self._contexts() if c["url"].endswith(url_end)]
            return matches[-1] if matches else None

        return str(eventually(found, f"a tab showing {url_end}", timeout=30))

    def _loaded(self, page: FirefoxPage) -> FirefoxPage:
        def ready() -> bool:
            try:  # a tab just opened may still show about:blank, or be between documents
                return bool(page.evaluate("document.readyState === 'complete' && !!document.body"))
            except AssertionError:
                return False

        eventually(ready, "the page to load")
        return page

    def extension(self, function: str, argument: Any = None) -> Any:
        return self.driver.evaluate(f"({function})(browser, {js(argument)})")

    def open_ehr(self, site: str, path: str = "/") -> EnginePage:
        context = self.session.command("browsingContext.create", {"type": "tab"})["context"]
        self.session.command("browsingContext.navigate", {
            "context": context, "url": self.ehr.url(site, path), "wait": "complete"})
        return FirefoxPage(self, context)

    def open_extension_page(self, path: str) -> EnginePage:
        before = {c["context"] for c in self._contexts()}
        self.extension("(api, path) => api.tabs.create({url: api.runtime.getURL(path)})"
                       ".then(() => true)", path)

        def new_context() -> str | None:
            fresh = [c["context"] for c in self._contexts()
                     if c["context"] not in before and c["url"].startswith(self.origin)]
            return fresh[0] if fresh else None

        return self._loaded(FirefoxPage(self, str(eventually(new_context, f"the tab of {path}"))))

    def reset(self) -> None:
        for context in self._contexts():
            if context["context"] != self.driver.context:
                self.session.command("browsingContext.close", {"context": context["context"]})
        self.extension("async (api) => { await api.storage.local.clear();"
                       " await api.storage.session.clear(); return true; }")
        time.sleep(0.2)  # the background's tabs.onRemoved handlers settle
