"""The native messaging host: how Chrome, Chromium, Edge, Brave and Firefox find Margin.

Each browser looks for ``org.margin.host.json`` in a per-user folder (Linux, macOS) or under
a per-user registry key (Windows). The manifest names a launcher that runs
`margin native-host` and the only extension ids the browser may let connect to it.
"""

from __future__ import annotations

import contextlib
import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from margin.desktop.launch import Launch, Platform, windows_quote
from margin.desktop.report import Step, done
from margin.home import Home
from margin.schema import load_data

Kind = Literal["chromium", "firefox"]


@dataclass(frozen=True)
class Browser:
    name: str
    kind: Kind
    linux_dir: str  # under the user's home
    darwin_dir: str  # under ~/Library/Application Support
    windows_key: str  # under HKEY_CURRENT_USER
    commands: tuple[str, ...]  # how it is started on Linux, to tell whether it is installed


BROWSERS = (
    Browser("Chrome", "chromium", ".config/google-chrome", "Google/Chrome",
            r"Software\Google\Chrome", ("google-chrome", "google-chrome-stable")),
    Browser("Chromium", "chromium", ".config/chromium", "Chromium",
            r"Software\Chromium", ("chromium", "chromium-browser")),
    Browser("Edge", "chromium", ".config/microsoft-edge", "Microsoft Edge",
            r"Software\Microsoft\Edge", ("microsoft-edge", "microsoft-edge-stable")),
    Browser("Brave", "chromium", ".config/BraveSoftware/Brave-Browser",
            "BraveSoftware/Brave-Browser", r"Software\BraveSoftware\Brave-Browser",
            ("brave-browser", "brave")),
    Browser("Firefox", "firefox", ".mozilla", "Mozilla", r"Software\Mozilla",
            ("firefox", "firefox-esr")),
)


@dataclass(frozen=True)
class AllowedIds:
    chromium: tuple[str, ...]
    gecko: tuple[str, ...]

    @classmethod
    def load(cls, extra: list[str]) -> AllowedIds:
        """The shipped ids (development and store) plus any added on this computer."""
        shipped = load_data("extension-ids.json")
        chromium = [shipped["chromium_development_id"], *shipped["chromium_store_ids"]]
        gecko = [shipped["gecko_id"]]
        for extension_id in extra:
            (chromium if is_chromium_id(extension_id) else gecko).append(extension_id)
        return cls(tuple(dict.fromkeys(chromium)), tuple(dict.fromkeys(gecko)))

    def origins(self) -> list[str]:
        return [f"chrome-extension://{i}/" for i in self.chromium]


def host_name() -> str:
    return str(load_data("extension-ids.json")["host_name"])


def is_chromium_id(extension_id: str) -> bool:
    return len(extension_id) == 32 and all("a" <= c <= "p" for c in extension_id)


def host_manifest(kind: Kind, launcher: Path, ids: AllowedIds) -> dict[str, Any]:
    manifest: dict[str, Any] = {
        "name": host_name(),
        "description": "Margin pairs your browser extension with the Margin app on this computer",
        "path": str(launcher),
        "type": "stdio",
    }
    if kind == "chromium":
        manifest["allowed_origins"] = ids.origins()
    else:
        manifest["allowed_extensions"] = list(ids.gecko)
    return manifest


def launcher_path(home: Home, platform: Platform) -> Path:
    return home.local_dir / ("native-host.bat" if platform == "windows" else "native-host")


def launcher_script(launch: Launch, platform: Platform) -> str:
    """Browsers start the host's ``path`` with no arguments of ours, hence a small script."""
    if platform == "windows":
        return f"@echo off\r\n{windows_quote(launch.argv('native-host'))} %*\r\n"
    return f'#!/bin/sh\nexec {launch.shell_line("native-host")} "$@"\n'


@dataclass(frozen=True)
class HostPlaces:
    """Where each browser looks for the host manifest, for one user on one platform."""

    platform: Platform
    user_home: Path
    home: Home

    def manifest_path(self, browser: Browser) -> Path:
        name = f"{host_name()}.json"
        if self.platform == "linux":
            firefox = browser.kind == "firefox"
            folder = "native-messaging-hosts" if firefox else "NativeMessagingHosts"
            return self.user_home / browser.linux_dir / folder / name
        if self.platform == "darwin":
            folder = "NativeMessagingHosts"
            support = self.user_home / "Library" / "Application Support"
            return support / browser.darwin_dir / folder / name
        # Windows: the manifest sits in Margin's folder; the registry key points at it.
        return self.home.local_dir / f"{host_name()}.{browser.kind}.json"

    def registry_key(self, browser: Browser) -> str:
        return rf"{browser.windows_key}\NativeMessagingHosts\{host_name()}"

    def is_found(self, browser: Browser) -> bool:
        """Installed, as far as one can tell: its command, or a profile folder holding more
        than the host folder `margin setup` itself created there."""
        if self.platform == "linux" and any(shutil.which(c) for c in browser.commands):
            return True
        if self.platform == "windows":
            return True  # registry keys are not examined: each browser's entry is checked
        host_folder = self.manifest_path(browser).parent
        try:
            return any(entry != host_folder for entry in host_folder.parent.iterdir())
        except OSError:
            return False

    def is_registered(self, browser: Browser) -> bool:
        """The manifest is there and its launcher exists (a stale one counts as missing)."""
        try:
            manifest = json.loads(self.manifest_path(browser).read_text())
        except (OSError, ValueError):
            return False
        return isinstance(manifest, dict) and Path(str(manifest.get("path"))).is_file()

    def register(self, launch: Launch, ids: AllowedIds) -> list[Step]:
        launcher = launcher_path(self.home, self.platform)
        self.home.ensure()
        launcher.write_text(launcher_script(launch, self.platform))
        launcher.chmod(0o700)
        for browser in BROWSERS:
            target = self.manifest_path(browser)
            target.parent.mkdir(parents=True, exist_ok=True)
            body = host_manifest(browser.kind, launcher, ids)
            target.write_text(json.dumps(body, indent=2) + "\n")
            if self.platform == "windows":  # pragma: no cover - Windows only
                _set_registry_default(self.registry_key(browser), str(target))
        names = ", ".join(b.name for b in BROWSERS)
        return [done(f"{names} can reach Margin to pair its extension without a code "
                     f"(only Margin's own extension is allowed).")]

    def unregister(self) -> list[Step]:
        for browser in BROWSERS:
            self.manifest_path(browser).unlink(missing_ok=True)
            if self.platform == "windows":  # pragma: no cover - Windows only
                _delete_registry_key(self.registry_key(browser))
        launcher_path(self.home, self.platform).unlink(missing_ok=True)
        return [done("Browsers can no longer start Margin's pairing helper. "
                     "Extensions already paired stay paired ('margin pair --list').")]


def _set_registry_default(key_path: str, value: str) -> None:  # pragma: no cover - Windows
    import winreg

    with winreg.CreateKey(winreg.HKEY_CURRENT_USER, key_path) as key:  # type: ignore[attr-defined]
        winreg.SetValueEx(key, "", 0, winreg.REG_SZ, value)  # type: ignore[attr-defined]


def _delete_registry_key(key_path: str) -> None:  # pragma: no cover - Windows only
    import winreg

    with contextlib.suppress(OSError):
        winreg.DeleteKey(winreg.HKEY_CURRENT_USER, key_path)  # type: ignore[attr-defined]
