"""The thin driver interface every cross-engine flow is written against.

A flow asks an ``Engine`` for pages (an EHR page, the panel, the vault page) and works them
through ``EnginePage``: click, fill, type with real keystrokes, read text, values and
attributes, evaluate in the page or in the extension's content-script world, screenshot.
The waits (``wait_text``, ``wait_value``, ...) are written once here on top of those
primitives, so the two engines differ only in how a primitive reaches the browser:
Playwright for Chromium (chromium.py), WebDriver BiDi for Firefox (firefox.py).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

from tests.extension.ehr_server import EhrServer

# Two cores shared by several browsers and daemons: the UI gets time, assertions stay exact.
WAIT = 15.0


def eventually(check: Callable[[], Any], what: str, timeout: float = WAIT) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")
        time.sleep(0.1)


def js(value: Any) -> str:
    """A Python value as a JavaScript literal, to embed in an expression."""
    return json.dumps(value)


class EnginePage:
    """One tab. Subclasses implement the primitives; the waits are shared."""

    engine: Engine

    # --- primitives, one per engine -----------------------------------------------------------
    @property
    def url(self) -> str:
        raise NotImplementedError

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression (promises awaited) in the page's own world."""
        raise NotImplementedError

    def click(self, selector: str) -> None:
        """A real pointer click in the middle of the element."""
        raise NotImplementedError

    def click_at(self, x: float, y: float) -> None:
        """A real pointer click at a point of the viewport."""
        raise NotImplementedError

    def type(self, selector: str | None, text: str) -> None:
        """Focus the element (None: where the focus is) and type ``text`` key by key."""
        raise NotImplementedError

    def set_files(self, selector: str, paths: list[str]) -> None:
        """Choose files in an <input type=file>, as the file picker would."""
        raise NotImplementedError

    def screenshot(self, name: str) -> None:
        raise NotImplementedError

    def reload(self) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def content_script(self, expression: str) -> Any:
        """Evaluate in the extension's content-script world of this page's top frame."""
        raise NotImplementedError

    # --- built on the primitives --------------------------------------------------------------
    def query(self, selector: str, body: str) -> Any:
        """``body`` evaluated with ``el`` bound to the first match (null when none)."""
        return self.evaluate(f"((el) => ({body}))(document.querySelector({js(selector)}))")

    def click_within(self, selector: str, dx: float, dy: float) -> None:
        """A real click ``dx``, ``dy`` pixels into the element's box (for a host element
        wider than the editor inside it)."""
        self.wait_visible(selector)
        box = self.query(selector, "((r) => [r.x, r.y])(el.getBoundingClientRect())")
        self.click_at(box[0] + dx, box[1] + dy)

    def fill(self, selector: str, text: str) -> None:
        """Set a form field's value at once and tell the page, as pasting does."""
        self.wait_visible(selector)
        self.query(
            selector,
            f"(el.focus(), el.value = {js(text)},"
            " el.dispatchEvent(new Event('input', {bubbles: true})),"
            " el.dispatchEvent(new Event('change', {bubbles: true})), true)",
        )

    def focus_end(self, selector: str) -> None:
        """Focus a field with the caret at its end, where a person carrying on would type."""
        self.wait_visible(selector)
        self.query(selector, "(el.focus(), el.setSelectionRange?.(el.value.length, 1e9), true)")

    def check(self, selector: str) -> None:
        self.wait_visible(selector)
        if not self.query(selector, "el.checked"):
            self.click(selector)
        eventually(lambda: self.query(selector, "el.checked"), f"{selector} checked")

    def text(self, selector: str) -> str | None:
        return self.query(selector, "el ? el.innerText : null")  # type: ignore[no-any-return]

    def value(self, selector: str) -> str | None:
        return self.query(selector, "el ? el.value : null")  # type: ignore[no-any-return]

    def attribute(self, selector: str, name: str) -> str | None:
        return self.query(selector, f"el ? el.getAttribute({js(name)}) : null")  # type: ignore[no-any-return]

    def count(self, selector: str) -> int:
        return int(self.evaluate(f"document.querySelectorAll({js(selector)}).length"))

    def visible(self, selector: str) -> bool:
        return bool(
            self.query(selector, "!!el && el.checkVisibility() && el.getClientRects().length > 0")
        )

    def wait_visible(self, selector: str, timeout: float = WAIT) -> None:
        eventually(lambda: self.visible(selector), f"{selector} to show", timeout)

    def wait_editable(self, selector: str, timeout: float = WAIT) -> None:
        eventually(
            lambda: self.query(selector, "!!el && !el.readOnly && !el.disabled"),
            f"{selector} to be editable", timeout,
        )

    def wait_hidden(self, selector: str, timeout: float = WAIT) -> None:
        eventually(lambda: not self.visible(selector), f"{selector} to hide", timeout)

    def _wait(self, read: Callable[[], Any], test: Callable[[Any], bool], what: str,
              timeout: float) -> None:
        seen: list[Any] = []

        def check() -> bool:
            seen[:] = [read()]
            return test(seen[0])

        try:
            eventually(check, what, timeout)
        except AssertionError as error:
            raise AssertionError(f"{error}; last seen: {seen[0] if seen else None!r}") from None

    def wait_text(self, selector: str, text: str, *, contains: bool = False,
                  timeout: float = WAIT) -> None:
        def test(seen: Any) -> bool:
            return seen is not None and (text in seen if contains else seen.strip() == text)

        self._wait(lambda: self.text(selector), test, f"{selector} text {text!r}", timeout)

    def wait_value(self, selector: str, value: str, timeout: float = WAIT) -> None:
        self._wait(
            lambda: self.value(selector), lambda seen: seen == value,
            f"{selector} value {value!r}", timeout,
        )

    def wait_attribute(self, selector: str, name: str, value: str,
                       timeout: float = WAIT) -> None:
        self._wait(
            lambda: self.attribute(selector, name), lambda seen: seen == value,
            f"{selector} [{name}={value!r}]", timeout,
        )

    def dom(self) -> str:
        """The page's markup as the page itself sees it (open shadow roots included)."""
        return str(self.evaluate(
            "(() => { const out = [];"
            " const walk = (root) => { out.push(root.innerHTML ?? '');"
            "  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);"
            "  for (const f of root.querySelectorAll('iframe')) { try { walk(f.contentDocument); }"
            "   catch { } } };"
            " walk(document.documentElement); return out.join('\\n'); })()"
        ))


class Engine:
    """One running browser with the extension's test build installed."""

    name: str
    ehr: EhrServer
    origin: str  # the extension's origin (random per install in Firefox)

    def open_ehr(self, site: str, path: str = "/") -> EnginePage:
        raise NotImplementedError

    def open_extension_page(self, path: str) -> EnginePage:
        """One of the extension's own pages (``src/panel/panel.html?tab=3``) in a new tab."""
        raise NotImplementedError

    def extension(self, function: str, argument: Any = None) -> Any:
        """Call ``function(api, argument)`` in a privileged extension context (``api`` is
        ``browser`` or ``chrome``) and return its (awaited) JSON-able result."""
        raise NotImplementedError

    def reset(self) -> None:
        """Between flows: close every tab but the engine's own, forget storage."""
        raise NotImplementedError

    # --- built on the primitives --------------------------------------------------------------
    def panel(self, tab_id: int | None = None) -> EnginePage:
        query = f"?tab={tab_id}" if tab_id is not None else ""
        return self.open_extension_page(f"src/panel/panel.html{query}")

    def vault_page(self) -> EnginePage:
        return self.open_extension_page("src/vault/vault.html")

    def set_port(self, port: int) -> None:
        self.extension("(api, port) => api.storage.local.set({daemon_port: port})", port)

    def tab_id(self, page: EnginePage) -> int:
        url = page.url
        found = eventually(
            lambda: self.extension(
                "async (api, url) => (await api.tabs.query({}))"
                ".find((tab) => tab.url === url)?.id ?? null",
                url,
            ),
            f"the tab of {url}",
        )
        return int(found)

    def stored_report(self, tab_id: int) -> Any:
        return self.extension(
            "async (api, id) => (await api.storage.session.get(`tab_context_${id}`))"
            "[`tab_context_${id}`] ?? null",
            tab_id,
        )

    def wait_report(self, tab_id: int, check: Callable[[Any], bool], what: str) -> Any:
        def ready() -> Any:
            report = self.stored_report(tab_id)
            return report if report and check(report) else None

        return eventually(ready, what)

    def wait_report_gone(self, tab_id: int) -> None:
        eventually(lambda: self.stored_report(tab_id) is None, f"tab {tab_id}'s context forgotten")
