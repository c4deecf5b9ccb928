"""The login entries and host manifests for all three platforms, checked by their content
(macOS and Windows cannot run here; Linux also runs for real in test_setup.py)."""

from __future__ import annotations

import plistlib
import shlex
import subprocess
import sys
from pathlib import Path

from margin.desktop import autostart, installer
from margin.desktop.hosts import BROWSERS, AllowedIds, HostPlaces, host_manifest, launcher_script
from margin.desktop.launch import Launch
from margin.desktop.words import as_typed, margin_command
from margin.home import Home

DEV_ID = "fpnnpibeginceicokanofmpeadgagfge"
STORE_ID = "abcdefghijklmnopabcdefghijklmnop"


def _launch(tmp_path: Path, home_name: str = "Margin home") -> Launch:
    return Launch(python=Path(sys.executable), home=tmp_path / home_name)


def test_one_command_line_for_all_three_platforms(tmp_path: Path) -> None:
    launch = _launch(tmp_path)
    expected = [sys.executable, "-m", "margin", "--home", str(tmp_path / "Margin home"), "serve"]
    plist = plistlib.loads(autostart.launchd_plist(launch))
    assert plist["ProgramArguments"] == expected
    assert plist["Label"] == "org.margin.daemon" and plist["RunAtLoad"] is True
    assert plist["KeepAlive"] == {"SuccessfulExit": False}
    windows = autostart.windows_run_command(launch)
    assert windows.startswith(f'"{Path(sys.executable).with_name("pythonw.exe")}" "-m" "margin"')
    assert windows.endswith(f'"--home" "{tmp_path / "Margin home"}" "serve"')
    unit = autostart.systemd_unit(launch)
    exec_start = next(x for x in unit.splitlines() if x.startswith("ExecStart="))
    assert shlex.split(exec_start.removeprefix("ExecStart=")) == expected
    assert "WantedBy=default.target" in unit


def test_a_home_with_odd_characters_still_makes_a_valid_unit(tmp_path: Path) -> None:
    unit_file = tmp_path / "margin.service"
    unit_file.write_text(autostart.systemd_unit(_launch(tmp_path, "50% of $HOME \"x\"")))
    verify = subprocess.run(["systemd-analyze", "verify", str(unit_file)],
                            capture_output=True, text=True, check=False)
    assert verify.returncode == 0, verify.stderr
    assert "50%% of $$HOME \\\"x\\\"" in unit_file.read_text()


def test_login_entries_live_where_each_service_manager_looks(tmp_path: Path) -> None:
    assert autostart.LoginEntry("linux", tmp_path).path == (
        tmp_path / ".config/systemd/user/margin.service")
    assert autostart.LoginEntry("darwin", tmp_path).path == (
        tmp_path / "Library/LaunchAgents/org.margin.daemon.plist")
    assert autostart.LoginEntry("windows", tmp_path).path is None  # the HKCU Run key
    assert autostart.RUN_KEY == r"Software\Microsoft\Windows\CurrentVersion\Run"


def test_host_manifests_for_each_browser_on_each_platform(tmp_path: Path) -> None:
    home = Home(tmp_path / "margin")
    mac = HostPlaces("darwin", tmp_path, home)
    support = tmp_path / "Library" / "Application Support"
    assert {b.name: mac.manifest_path(b) for b in BROWSERS} == {
        "Chrome": support / "Google/Chrome/NativeMessagingHosts/org.margin.host.json",
        "Chromium": support / "Chromium/NativeMessagingHosts/org.margin.host.json",
        "Edge": support / "Microsoft Edge/NativeMessagingHosts/org.margin.host.json",
        "Brave": support / "BraveSoftware/Brave-Browser/NativeMessagingHosts/org.margin.host.json",
        "Firefox": support / "Mozilla/NativeMessagingHosts/org.margin.host.json",
    }
    windows = HostPlaces("windows", tmp_path, home)
    assert {windows.registry_key(b) for b in BROWSERS} == {
        r"Software\Google\Chrome\NativeMessagingHosts\org.margin.host",
        r"Software\Chromium\NativeMessagingHosts\org.margin.host",
        r"Software\Microsoft\Edge\NativeMessagingHosts\org.margin.host",
        r"Software\BraveSoftware\Brave-Browser\NativeMessagingHosts\org.margin.host",
        r"Software\Mozilla\NativeMessagingHosts\org.margin.host",
    }
    bat = launcher_script(_launch(tmp_path), "windows")
    assert bat.startswith("@echo off\r\n") and bat.rstrip().endswith('"native-host" %*')
    ids = AllowedIds.load([])
    assert host_manifest("chromium", tmp_path / "x", ids)["allowed_origins"] == [
        f"chrome-extension://{DEV_ID}/"]
    assert host_manifest("firefox", tmp_path / "x", ids)["allowed_extensions"] == [
        "margin@margin.local"]


def test_a_store_id_from_the_setting_is_allowed_too(tmp_path: Path) -> None:
    home = Home(tmp_path / "margin")
    installer.setup(home, new_ids=[STORE_ID, "margin@store.example"], user_home=tmp_path,
                    platform="linux")
    chromium = tmp_path / ".config/chromium/NativeMessagingHosts/org.margin.host.json"
    firefox = tmp_path / ".mozilla/native-messaging-hosts/org.margin.host.json"
    assert f"chrome-extension://{STORE_ID}/" in chromium.read_text()
    assert DEV_ID in chromium.read_text()
    assert "margin@store.example" in firefox.read_text()
    # Setting up again keeps the ids it was given before.
    installer.setup(home, user_home=tmp_path, platform="linux")
    assert STORE_ID in chromium.read_text()
    installer.undo(home, user_home=tmp_path, platform="linux")


def test_messages_name_the_command_that_runs_here(tmp_path: Path) -> None:
    clone = tmp_path / "margin-repo"
    launcher = clone / ".venv" / "bin" / "margin"
    launcher.parent.mkdir(parents=True)
    launcher.write_text("#!/bin/sh\n")
    assert margin_command(str(launcher), cwd=clone) == ".venv/bin/margin"
    assert margin_command(str(launcher), cwd=tmp_path / "elsewhere") == str(launcher)
    assert as_typed("Run 'margin pair'.", ".venv/bin/margin") == "Run '.venv/bin/margin pair'."
    assert as_typed("Run 'margin pair'.", "margin") == "Run 'margin pair'."
