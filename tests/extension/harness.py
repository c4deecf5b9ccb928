"""Drive the real extension in Debian's headless Chromium with Playwright.

The side panel cannot be driven headless (microsoft/playwright#26693), so the panel is
opened as a tab at its extension URL, pinned to the EHR tab with ``?tab=ID``; the button
that opens the side panel is tested on its own. The test build (dist/chromium-test, made by
extension/tools/build.mjs) is the shipped tree plus a content-script message log and the
EHR sites' host permissions, which headless Chromium cannot be asked for.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, Playwright, Worker, expect

from tests.conftest import REPO_ROOT, RunningDaemon, start_daemon, stop_daemon
from tests.extension.ehr_server import EhrServer
from tests.extension.page_checks import check_and_capture

CHROMIUM = Path("/usr/bin/chromium")
EXTENSION_DIR = REPO_ROOT / "extension"
# The development manifest's fixed "key" pins this id (see the README, "The browser extension").
EXTENSION_ID = "fpnnpibeginceicokanofmpeadgagfge"
EXTENSION_ORIGIN = f"chrome-extension://{EXTENSION_ID}"
ARTIFACTS = REPO_ROOT / "tests" / "artifacts"
SCHEMAS = REPO_ROOT / "shared_schema" / "schemas"


def node_or_skip() -> str:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed to build the extension's test build: run 'make extension-deps'")
    return node


def node_json(module_script: str, timeout: int = 60) -> Any:
    """Run an ES-module script with node and read the JSON it prints on its last line (the
    tests that drive one of the extension's modules with the browser's APIs stubbed)."""
    done = subprocess.run(
        [node_or_skip(), "--input-type=module", "-e", module_script],
        capture_output=True, text=True, timeout=timeout, check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def run_node(script: Path, *args: str, timeout: int = 60) -> Path:
    """Run a build script with node; it prints the folder it wrote on its last line."""
    done = subprocess.run(
        [node_or_skip(), str(script), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return Path(done.stdout.strip().splitlines()[-1])


def build(target: str) -> Path:
    return run_node(EXTENSION_DIR / "tools" / "build.mjs", target)


def build_editors() -> Path:
    """tests/editors/dist: the editor bundles, rebuilt when their sources changed."""
    editors = REPO_ROOT / "tests" / "editors"
    if not (editors / "node_modules" / "esbuild").exists():
        pytest.fail("the editor libraries are not installed: run 'make extension-deps'")
    return run_node(editors / "build.mjs", timeout=300)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(check: Callable[[], Any], what: str, timeout: float = 10.0) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


@dataclass
class ExtensionBrowser:
    context: BrowserContext
    ehr: EhrServer

    @property
    def worker(self) -> Worker:
        workers = [w for w in self.context.service_workers if w.url.startswith(EXTENSION_ORIGIN)]
        if not workers:
            return self.context.wait_for_event("serviceworker", timeout=10000)
        return workers[-1]

    def set_port(self, port: int) -> None:
        self.worker.evaluate("port => chrome.storage.local.set({daemon_port: port})", port)

    def open_ehr(self, site: str, path: str = "/") -> Page:
        page = self.context.new_page()
        page.goto(self.ehr.url(site, path))
        return page

    def tab_id(self, page: Page) -> int:
        url = page.url
        found = wait_for(
            lambda: self.worker.evaluate(
                "async (url) => (await chrome.tabs.query({}))"
                ".find((tab) => tab.url === url)?.id ?? null",
                url,
            ),
            f"the tab of {url}",
        )
        return int(found)

    def panel(self, tab_id: int | None = None) -> Page:
        page = self.context.new_page()
        query = f"?tab={tab_id}" if tab_id is not None else ""
        page.goto(f"{EXTENSION_ORIGIN}/src/panel/panel.html{query}")
        return page

    def stored_report(self, tab_id: int) -> Any:
        return self.worker.evaluate(
            "async (id) => (await chrome.storage.session.get(`tab_context_${id}`))"
            "[`tab_context_${id}`] ?? null",
            tab_id,
        )

    def wait_report(self, tab_id: int, check: Callable[[Any], bool], what: str) -> Any:
        return wait_for(
            lambda: (lambda r: r if r and check(r) else None)(self.stored_report(tab_id)), what
        )

    def content_scripts_registered(self) -> list[Any]:
        return list(self.worker.evaluate("chrome.scripting.getRegisteredContentScripts()"))


def launch(
    playwright: Playwright, profile: Path, extension: Path, ehr: EhrServer,
    env: dict[str, str] | None = None,
) -> ExtensionBrowser:
    context = playwright.chromium.launch_persistent_context(
        str(profile),
        executable_path=str(CHROMIUM),
        env=env,
        headless=True,
        ignore_https_errors=True,
        args=[
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-sync",
            f"--disable-extensions-except={extension}",
            f"--load-extension={extension}",
            f"--host-resolver-rules={ehr.host_resolver_rules()}",
        ],
    )
    browser = ExtensionBrowser(context, ehr)
    assert browser.worker.url.startswith(EXTENSION_ORIGIN), browser.worker.url
    # Installed with the EHR sites' permissions (test build): wait until they are registered.
    wait_for(browser.content_scripts_registered, "the content scripts' registration")
    return browser


# --- looking inside the EHR page's renderer -----------------------------------------------------


def open_generic_with_field(browser: ExtensionBrowser, path: str) -> tuple[Page, int]:
    """A page of the generic EHR host, the content script started on it as the toolbar button
    does (activeTab, asked from a panel), once it reported a field."""
    page = browser.open_ehr("generic", path)
    tab = browser.tab_id(page)
    helper = browser.panel(tab)
    helper.evaluate(
        "(tab) => chrome.runtime.sendMessage({type: 'find_field_here', tabId: tab})", tab
    )
    helper.close()
    browser.wait_report(tab, lambda r: r["field"] is not None, f"the field of {path}")
    return page, tab


def content_script_eval(page: Page, expression: str) -> Any:
    """Evaluate in the content script's isolated world of the top frame (not the page's)."""
    cdp = page.context.new_cdp_session(page)
    try:
        contexts: list[dict[str, Any]] = []
        cdp.on("Runtime.executionContextCreated", lambda event: contexts.append(event["context"]))
        cdp.send("Runtime.enable")
        top = cdp.send("Page.getFrameTree")["frameTree"]["frame"]["id"]
        ours = [
            c
            for c in contexts
            if c.get("auxData", {}).get("type") == "isolated"
            and c.get("auxData", {}).get("frameId") == top
            and c.get("origin") == EXTENSION_ORIGIN
        ]
        assert ours, f"no content-script world in the page: {[c.get('name') for c in contexts]}"
        reply = cdp.send(
            "Runtime.evaluate",
            {
                "expression": expression,
                "contextId": ours[-1]["id"],
                "returnByValue": True,
                "awaitPromise": True,
            },
        )
        assert "exceptionDetails" not in reply, reply
        return reply["result"].get("value")
    finally:
        cdp.detach()


def content_script_messages(page: Page) -> list[dict[str, Any]]:
    return list(content_script_eval(page, "globalThis.Margin.messageLog") or [])


def page_heap_snapshot(page: Page) -> str:
    """Every string in the page's JavaScript heap: page scripts and content script alike."""
    cdp = page.context.new_cdp_session(page)
    try:
        chunks: list[str] = []
        cdp.on("HeapProfiler.addHeapSnapshotChunk", lambda event: chunks.append(event["chunk"]))
        cdp.send("HeapProfiler.enable")
        cdp.send("HeapProfiler.takeHeapSnapshot", {"reportProgress": False})
        return "".join(chunks)
    finally:
        cdp.detach()


def full_dom(page: Page) -> str:
    """The whole DOM as the browser holds it: frames and shadow roots, closed ones too."""
    cdp = page.context.new_cdp_session(page)
    try:
        return json.dumps(cdp.send("DOM.getDocument", {"depth": -1, "pierce": True}))
    finally:
        cdp.detach()


def _capture(page: Page, stem: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{stem}.png"), full_page=True)


def screenshot(page: Page, name: str) -> None:
    """A state worth seeing: an extension page is captured at the side panel's width and at
    1280 px, light and dark, after checking it fits and passes axe (page_checks.py)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    if page.url.startswith(EXTENSION_ORIGIN):
        check_and_capture(page, name, _capture)
    else:
        _capture(page, name)


def pair_through_panel(panel: Page, daemon: RunningDaemon) -> None:
    code = daemon.cli("POST", "/v1/pairing-code", {}).json()["code"]
    panel.locator("#pair-code").wait_for()
    panel.fill("#pair-code", code)
    panel.click("#pair-submit")


def create_vault_through_panel(panel: Page) -> str:
    panel.click("#create-vault")
    passphrase = panel.locator("#recovery-passphrase")
    passphrase.wait_for()
    shown = passphrase.inner_text()
    panel.check("#wrote-it-down")
    panel.click("#recovery-done")
    return shown


def pair_and_create_vault(browser: ExtensionBrowser, daemon: RunningDaemon) -> None:
    """Point the browser at ``daemon``, pair through a panel and create the vault there."""
    browser.set_port(daemon.port)
    setup = browser.panel()
    pair_through_panel(setup, daemon)
    create_vault_through_panel(setup)
    expect(setup.locator("#setup")).to_be_hidden()
    setup.close()


@contextmanager
def paired_browser_with_vault(
    playwright: Playwright, profile: Path, extension: Path, server: EhrServer, home: Path
) -> Iterator[tuple[ExtensionBrowser, RunningDaemon]]:
    """A daemon on ``home`` and a browser whose panel paired with it and created the vault."""
    daemon = start_daemon(home)
    browser = launch(playwright, profile, extension, server)
    try:
        pair_and_create_vault(browser, daemon)
        yield browser, daemon
    finally:
        try:
            browser.context.close()
        finally:
            stop_daemon(daemon)


def env_flag(name: str) -> bool:
    return os.environ.get(name, "") not in ("", "0")


def start_daemon_on(home: Path, port: int) -> RunningDaemon:
    """`margin serve --port PORT` (the conftest's start_daemon always picks a new port; a
    restart must come back where the extension expects it)."""
    import sys

    process = subprocess.Popen(
        [sys.executable, "-m", "margin", "--home", str(home), "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    runtime_file = home / "local" / "daemon.json"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"margin serve died at start:\n{process.communicate()[1].decode()}")
        if runtime_file.exists():
            info = json.loads(runtime_file.read_text())
            if info["pid"] == process.pid:
                return RunningDaemon(home, process, info["port"], info["cli_token"])
        time.sleep(0.05)
    process.kill()
    pytest.fail("margin serve did not start within 20 seconds")
