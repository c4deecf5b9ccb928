"""Pairing with no code typed, in real Chromium: `margin setup` wrote the host manifest, the
test profile's NativeMessagingHosts folder holds it, Margin is not running; opening the panel
starts Margin through the native host, pairs, and a private note is saved. A revoked
pairing is respected: pairing again without a code takes the clinician's click."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from playwright.sync_api import Playwright, expect

from tests.conftest import NO_KEYCHAIN, run_margin
from tests.extension.ehr_server import EhrServer
from tests.extension.harness import EXTENSION_ORIGIN, free_port, launch, screenshot

pytestmark = pytest.mark.browser
HOST_MANIFEST = ".config/chromium/NativeMessagingHosts/org.margin.host.json"


def _setup_for(user: Path, margin_home: Path) -> Path:
    """`margin setup` in a fresh HOME; returns the Chromium host manifest it wrote."""
    done = subprocess.run(
        [sys.executable, "-m", "margin", "--home", str(margin_home), "setup"],
        env={**os.environ, "HOME": str(user)}, capture_output=True, text=True, timeout=120,
        check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return user / HOST_MANIFEST


def _stop_margin(margin_home: Path) -> None:
    runtime_file = margin_home / "local" / "daemon.json"
    if not runtime_file.exists():
        return
    pid = json.loads(runtime_file.read_text())["pid"]
    os.kill(pid, signal.SIGINT)
    deadline = time.monotonic() + 30
    while runtime_file.exists() and time.monotonic() < deadline:
        time.sleep(0.1)


def test_the_panel_pairs_with_no_code_and_saves_a_note(
    playwright_session: Playwright, test_extension: Path, ehr_server: EhrServer,
    margin_home: Path, tmp_path: Path,
) -> None:
    manifest = _setup_for(tmp_path / "user", margin_home)
    profile = tmp_path / "profile"
    (profile / "NativeMessagingHosts").mkdir(parents=True)
    shutil.copy(manifest, profile / "NativeMessagingHosts" / manifest.name)
    # The browser's environment reaches the host and the Margin it starts: no keychain, any port.
    env = {**os.environ, **NO_KEYCHAIN, "MARGIN_PORT": "0"}
    browser = launch(playwright_session, profile, test_extension, ehr_server, env=env)
    try:
        browser.set_port(free_port())  # nothing listens there: Margin is not running
        ehr = browser.open_ehr("simplepractice")
        ehr.click("#open-c-1001")
        tab = browser.tab_id(ehr)
        browser.wait_report(tab, lambda r: r["field"] is not None, "the editor")
        panel = browser.panel(tab)
        # No code typed: the host started Margin and paired this extension.
        expect(panel.locator("#setup")).to_have_attribute("data-state", "no_vault",
                                                          timeout=120_000)
        assert panel.locator("#pair-code").count() == 0
        screenshot(panel, "native-pairing-no-vault")
        panel.click("#create-vault")
        expect(panel.locator("#recovery-passphrase")).not_to_be_empty()
        # The panel's next poll finds the vault unlocked ("ready"); it once hid the recovery
        # passphrase, shown this once, before the clinician had written it down.
        time.sleep(4)
        expect(panel.locator("#recovery-passphrase")).to_be_visible()
        panel.check("#wrote-it-down")
        panel.click("#recovery-done")
        expect(panel.locator("#setup")).to_be_hidden()
        panel.locator("#note-text").press_sequentially("Paired without a code.", delay=5)
        expect(panel.locator("#save-status")).to_have_text("Saved")

        pairings = json.loads(run_margin(margin_home, "pair", "--list", "--json").stdout)
        assert [(p["origin"], p["via"]) for p in pairings] == [(EXTENSION_ORIGIN, "native")]
        listed = json.loads(run_margin(margin_home, "notes", "--json").stdout)
        assert [n["client"] for n in listed] == ["Ada Lovelace"]

        # Revoked by the clinician: the extension does not pair again by itself...
        assert run_margin(margin_home, "pair", "--revoke", pairings[0]["id"]).returncode == 0
        panel.reload()
        expect(panel.locator("#setup")).to_have_attribute("data-state", "not_paired")
        time.sleep(3)  # a few of the panel's own refreshes
        assert json.loads(run_margin(margin_home, "pair", "--list", "--json").stdout) == []
        # ...until asked to, with one click and still no code.
        panel.click("#pair-native")
        expect(panel.locator("#setup")).to_be_hidden(timeout=60_000)
        again = json.loads(run_margin(margin_home, "pair", "--list", "--json").stdout)
        assert [p["via"] for p in again] == ["native"]
    finally:
        browser.context.close()
        _stop_margin(margin_home)
