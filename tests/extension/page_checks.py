"""What every screenshot of an extension page also checks: it fits the side panel's width
without a horizontal scroll bar, and axe-core finds no serious or critical accessibility
violation (contrast included) in the light and in the dark theme.

axe-core comes from npm (extension/tools/package.json, pinned by its lockfile). Extension
pages forbid inline and injected scripts (CSP script-src 'self'), so axe is evaluated through
the DevTools protocol, which the page's CSP does not govern.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest
from playwright.sync_api import Page

from tests.conftest import REPO_ROOT

AXE = REPO_ROOT / "extension" / "tools" / "node_modules" / "axe-core" / "axe.min.js"
PANEL_WIDTH = 360
WIDE_PANEL = 600  # a side panel dragged wider: checked to fit, not captured
WIDTHS = (PANEL_WIDTH, 1280)
SCHEMES = ("light", "dark")
BLOCKING = {"serious", "critical"}
SETTLED = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"


@cache
def axe_source() -> str:
    if not AXE.exists():
        pytest.fail("axe-core is missing: run 'bash extension/tools/install-deps.sh'")
    return AXE.read_text(encoding="utf-8")


def _evaluate(page: Page, expression: str) -> Any:
    cdp = page.context.new_cdp_session(page)
    try:
        reply = cdp.send(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
        )
    finally:
        cdp.detach()
    assert "exceptionDetails" not in reply, reply["exceptionDetails"]
    return reply["result"].get("value")


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """The serious and critical axe violations of the page as it is now."""
    if not _evaluate(page, "typeof axe !== 'undefined'"):
        _evaluate(page, axe_source())
    found = _evaluate(
        page,
        "axe.run(document, {resultTypes: ['violations']}).then((r) => r.violations.map((v) => "
        "({id: v.id, impact: v.impact, help: v.help, "
        "nodes: v.nodes.map((n) => n.target.join(' ') + ': ' + n.failureSummary)})))",
    )
    return [violation for violation in found if violation["impact"] in BLOCKING]


def assert_accessible(page: Page, where: str) -> None:
    violations = axe_violations(page)
    assert not violations, f"axe, {where}: " + "; ".join(
        f"{v['id']} ({v['impact']}): {v['help']} at {v['nodes'][:3]}" for v in violations
    )


def assert_fits_width(page: Page, where: str) -> None:
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"{where}: horizontal scroll ({widths[0]} > {widths[1]} px)"


def check_and_capture(page: Page, name: str, capture: Any) -> None:
    """Capture ``name`` at each width and theme (``capture(page, file_stem)``), checking
    width and accessibility before each capture; the viewport and theme are restored after."""
    original = page.viewport_size or {"width": 1280, "height": 720}
    try:
        page.set_viewport_size({"width": WIDE_PANEL, "height": original["height"]})
        assert_fits_width(page, f"{name} at {WIDE_PANEL} px")
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": original["height"]})
            for scheme in SCHEMES:
                page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
                where = f"{name} at {width} px, {scheme}"
                if width == PANEL_WIDTH:
                    assert_fits_width(page, where)
                assert_accessible(page, where)
                capture(page, f"{name}-{width}-{scheme}")
    finally:
        page.set_viewport_size(original)
        page.emulate_media(color_scheme="no-preference")
        # Let the page lay itself out again before the test goes on, so that the next event
        # the test sends is not charged with this relayout (test_lint_panel times events).
        page.evaluate(SETTLED)
