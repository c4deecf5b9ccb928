"""Steps several cross-engine flows share: pairing, creating the vault, opening a client."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import RunningDaemon, run_margin, start_daemon, stop_daemon
from tests.extension.engines.driver import Engine, EnginePage


def pair(panel: EnginePage, daemon: RunningDaemon) -> None:
    code = daemon.cli("POST", "/v1/pairing-code", {}).json()["code"]
    panel.wait_visible("#pair-code")
    panel.fill("#pair-code", code)
    panel.click("#pair-submit")


def create_vault(panel: EnginePage) -> str:
    """Create the vault from the panel; returns the recovery passphrase it showed."""
    panel.click("#create-vault")
    panel.wait_visible("#recovery-passphrase")
    shown = panel.text("#recovery-passphrase") or ""
    assert shown.strip(), "the panel showed no recovery passphrase"
    panel.check("#wrote-it-down")
    panel.click("#recovery-done")
    panel.wait_hidden("#setup")
    return shown


@contextmanager
def paired_with_vault(engine: Engine, home: Path) -> Iterator[RunningDaemon]:
    """A daemon on ``home`` that the engine's extension paired with and made the vault in."""
    with vault_made(engine, home) as (daemon, _):
        yield daemon


@contextmanager
def vault_made(engine: Engine, home: Path) -> Iterator[tuple[RunningDaemon, str]]:
    """As ``paired_with_vault``, with the recovery passphrase the panel showed (these
    daemons have no keychain: an unlock takes it)."""
    daemon = start_daemon(home)
    try:
        engine.set_port(daemon.port)
        panel = engine.panel()
        panel.wait_attribute("#setup", "data-state", "not_paired")
        pair(panel, daemon)
        panel.wait_attribute("#setup", "data-state", "no_vault")
        passphrase = create_vault(panel).strip()
        panel.close()
        yield daemon, passphrase
    finally:
        if daemon.alive():
            stop_daemon(daemon)


def open_client(engine: Engine, site: str = "simplepractice") -> tuple[EnginePage, int]:
    """The EHR page with client Ada Lovelace's note open; returns the page and its tab id."""
    page = engine.open_ehr(site)
    if site == "simplepractice":
        page.click("#open-c-1001")
    tab = engine.tab_id(page)
    engine.wait_report(
        tab, lambda r: r["client"] == "Ada Lovelace" and r["field"] is not None, "the editor"
    )
    return page, tab


def notes_of(daemon: RunningDaemon, client: str) -> list[str]:
    listing = daemon.cli("POST", "/v1/notes/search", {"client": client}).json()["notes"]
    return [daemon.cli("GET", f"/v1/notes/{n['id']}").json()["text"] for n in listing]


def paired_origins(home: Path) -> list[str]:
    """The extension origins the daemon paired, as `margin pair --list --json` says."""
    done = run_margin(home, "pair", "--list", "--json")
    assert done.returncode == 0, done.stderr
    return [pairing["origin"] for pairing in json.loads(done.stdout)]


def find_field_here(engine: Engine, tab: int) -> None:
    """What the toolbar button does on a site without an adapter: look for a note field."""
    helper = engine.panel(tab)
    helper.evaluate(
        f"(globalThis.browser ?? chrome).runtime.sendMessage("
        f"{{type: 'find_field_here', tabId: {int(tab)}}}).then(() => true)"
    )
    helper.close()


def content_messages(page: EnginePage) -> list[dict[str, object]]:
    """Every message the content script sent or received (the test build logs them)."""
    return list(page.content_script("globalThis.Margin.messageLog") or [])
