"""The path a new user takes, written once and run in Chromium and Firefox: Margin not
running, pairing with a code from the extension's own origin (a random per-install
moz-extension:// origin in Firefox), creating the vault, autosave, the note found again
after a reload, and typed text kept while the daemon stops and comes back locked."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import start_daemon, stop_daemon
from tests.extension.engines.driver import Engine
from tests.extension.engines.steps import (
    create_vault,
    notes_of,
    open_client,
    pair,
    paired_origins,
)
from tests.extension.harness import free_port, start_daemon_on

pytestmark = pytest.mark.browser


def test_first_run_pair_create_write_reload_and_survive_a_daemon_restart(
    engine: Engine, margin_home: Path
) -> None:
    engine.set_port(free_port())
    ehr, tab = open_client(engine)
    panel = engine.panel(tab)
    panel.wait_attribute("#setup", "data-state", "not_running")
    panel.wait_text("#setup", "make run", contains=True)

    daemon = start_daemon(margin_home)
    try:
        panel.fill("#daemon-port", str(daemon.port))
        panel.click("#save-port")
        panel.wait_attribute("#setup", "data-state", "not_paired")
        pair(panel, daemon)
        panel.wait_attribute("#setup", "data-state", "no_vault")
        # The daemon paired the origin the panel really runs at, whatever the engine made it.
        assert paired_origins(margin_home) == [engine.origin]
        passphrase = create_vault(panel)
        panel.screenshot("first-run-unlocked")

        # Unlocked: the EHR tab's context, then autosave.
        panel.wait_text("#context-client", "Ada Lovelace")
        panel.wait_text("#context-date", "2025-03-04")
        panel.type("#note-text", "Client spoke about the lighthouse dream.")
        panel.wait_text("#save-status", "Saved")
        assert notes_of(daemon, "Ada Lovelace") == ["Client spoke about the lighthouse dream."]

        # Reload the EHR page: the same client and date bring the same note back.
        ehr.reload()
        engine.wait_report(
            tab, lambda r: r["client"] == "Ada Lovelace" and r["field"] is not None, "the editor"
        )
        second = engine.panel(tab)
        second.wait_value("#note-text", "Client spoke about the lighthouse dream.")
        second.close()

        # Stop the daemon while typing: the text stays, the status says so.
        panel.type("#note-text", " Then silence.")
        stop_daemon(daemon)
    finally:
        if daemon.alive():
            stop_daemon(daemon)
    panel.wait_text("#save-status", "Margin is not running", contains=True)
    panel.wait_text("#save-status", "kept", contains=True)
    panel.wait_value("#note-text", "Client spoke about the lighthouse dream. Then silence.")
    panel.type("#note-text", " More while down.")

    # Back on the same port: the vault is locked; unlocking saves the kept text.
    restarted = start_daemon_on(margin_home, daemon.port)
    try:
        panel.wait_attribute("#setup", "data-state", "locked")
        panel.wait_text("#save-status", "locked", contains=True)  # the line agrees at once
        kept = "Client spoke about the lighthouse dream. Then silence. More while down."
        panel.wait_value("#note-text", kept)
        panel.fill("#unlock-passphrase", passphrase)
        panel.click("#unlock-submit")
        panel.wait_text("#save-status", "Saved")
        assert notes_of(restarted, "Ada Lovelace") == [kept]
    finally:
        stop_daemon(restarted)
