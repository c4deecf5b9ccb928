"""`margin doctor`: each piece Margin needs, checked, and for each problem the fix.

The facts that need the running Margin (its vault state, the paired extensions) are
gathered by the command and handed in as ``Facts``, so each check is a small function of
what is on this computer.
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from margin.desktop.autostart import LoginEntry
from margin.desktop.hosts import BROWSERS, HostPlaces
from margin.desktop.launch import Platform, current_platform
from margin.desktop.report import Step, done, not_done
from margin.home import Home
from margin.vault.keystore import KeyStore

DEFAULT_PORT = 47311


@dataclass
class Facts:
    home: Home
    running_port: int | None  # None: Margin is not running
    vault: dict[str, Any]  # {"exists", "unlocked"}
    pairings: list[dict[str, Any]]
    platform: Platform = field(default_factory=current_platform)
    user_home: Path = field(default_factory=Path.home)
    port: int = DEFAULT_PORT


def running(facts: Facts) -> Step:
    if facts.running_port is not None:
        return done(f"Margin is running at http://127.0.0.1:{facts.running_port}.")
    return not_done("Margin is not running. Start it with 'margin serve', or run "
                    "'margin setup' once so that it starts by itself at every login.")


def starts_at_login(facts: Facts) -> Step:
    if LoginEntry(facts.platform, facts.user_home).is_installed():
        return done("Margin starts when you log in.")
    return not_done("Margin does not start when you log in, so the panel will say it is not "
                    "running after a restart. Fix: 'margin setup'.")


def vault(facts: Facts) -> Step:
    if not facts.vault.get("exists"):
        return not_done("There is no vault yet. Create it in the Margin panel, or with "
                        "'margin init'; write down the recovery passphrase it shows.")
    if facts.vault.get("unlocked"):
        return done("Your vault is unlocked.")
    return done("Your vault is locked (as it should be when you step away). Unlock it in the "
                "panel or with 'margin unlock'.")


def keychain(facts: Facts) -> Step:
    reason = KeyStore().unavailable_reason
    if reason is None:
        return done("The system keychain can hold the vault key, so unlocking needs no "
                    "passphrase on this computer.")
    return not_done(f"The system keychain cannot be used: {reason}. Margin still works, but "
                    "asks for your recovery passphrase at each unlock. Fix: log in to a "
                    "desktop session with a keychain (GNOME Keyring, KWallet, macOS Keychain).")


def native_hosts(facts: Facts) -> list[Step]:
    places = HostPlaces(facts.platform, facts.user_home, facts.home)
    steps = []
    for browser in BROWSERS:
        if not places.is_found(browser):
            continue
        if places.is_registered(browser):
            steps.append(done(f"{browser.name} can pair the extension without a code."))
        else:
            steps.append(not_done(f"{browser.name} cannot start Margin's pairing helper, so "
                                  "the extension cannot pair by itself. Fix: 'margin setup'."))
    return steps or [done("No supported browser was found (Chrome, Chromium, Edge, Brave, "
                          "Firefox); nothing to register.")]


def paired(facts: Facts) -> Step:
    if facts.pairings:
        names = ", ".join(sorted({str(p["name"]) for p in facts.pairings}))
        return done(f"Paired browser extensions: {names} ('margin pair --list').")
    return not_done("No browser extension is paired. Open the Margin panel in your browser: "
                    "it pairs by itself once 'margin setup' has run; otherwise type the code "
                    "that 'margin pair' shows.")


def port_free(facts: Facts) -> Step:
    if facts.running_port is not None:
        return done(f"Margin holds its port ({facts.running_port}).")
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind(("127.0.0.1", facts.port))
        except OSError:
            return not_done(f"Another program uses port {facts.port}, so Margin cannot start "
                            "there. Fix: close that program, or run 'margin serve --port N' "
                            "and enter N in the panel.")
    return done(f"Port {facts.port} is free for Margin.")


def ocr(facts: Facts) -> Step:
    from margin.scan import ocr as ocr_engine  # what the checker itself uses: tesserocr + model

    reason = ocr_engine.unavailable_reason()
    if reason is None:
        return done("OCR is installed: text in pictures inside exports is checked.")
    return not_done(f"OCR is not available ({reason}), so exports that hold pictures of "
                    "text are reported as 'could not be fully checked'. "
                    f"Fix: {ocr_engine.HOW_TO_INSTALL}")


CHECKS: tuple[Callable[[Facts], Step | list[Step]], ...] = (
    running, starts_at_login, vault, keychain, native_hosts, paired, port_free, ocr,
)


def examine(facts: Facts) -> list[Step]:
    steps: list[Step] = []
    for check in CHECKS:
        result = check(facts)
        steps.extend(result if isinstance(result, list) else [result])
    return steps
