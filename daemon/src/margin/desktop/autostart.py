"""Start Margin at login: a systemd user unit (Linux), a launchd agent (macOS), a per-user
Run entry (Windows). All three come from the same `Launch` command line; only Linux is
exercised for real by the tests, the other two are checked by their content."""

from __future__ import annotations

import plistlib
import subprocess
from dataclasses import dataclass
from pathlib import Path

from margin.desktop.launch import Launch, Platform, windows_quote
from margin.desktop.report import Step, done, not_done

UNIT_NAME = "margin.service"
AGENT_LABEL = "org.margin.daemon"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE = "Margin"
DESCRIPTION = "Margin: private psychotherapy notes, encrypted on this computer"
# `margin serve` exits 2 for a problem only the clinician can fix (another Margin already
# runs, a damaged settings file): restarting would only repeat the message.
CLINICIAN_EXIT = 2


def systemd_quote(arg: str) -> str:
    escaped = arg.replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%").replace("$", "$$")
    return f'"{escaped}"'


def systemd_unit(launch: Launch) -> str:
    command = " ".join(systemd_quote(a) for a in launch.argv("serve"))
    return f"""[Unit]
Description={DESCRIPTION}

[Service]
Type=simple
ExecStart={command}
Restart=on-failure
RestartSec=5
RestartPreventExitStatus={CLINICIAN_EXIT}

[Install]
WantedBy=default.target
"""


def launchd_plist(launch: Launch) -> bytes:
    return plistlib.dumps({
        "Label": AGENT_LABEL,
        "ProgramArguments": launch.argv("serve"),
        "RunAtLoad": True,
        "KeepAlive": {"SuccessfulExit": False},
        "ProcessType": "Interactive",
    })


def windows_run_command(launch: Launch) -> str:
    return windows_quote(launch.windowless_argv("serve"))


@dataclass(frozen=True)
class LoginEntry:
    """Where the login entry lives on one platform, and how to make it take effect."""

    platform: Platform
    user_home: Path

    @property
    def path(self) -> Path | None:
        if self.platform == "linux":
            return self.user_home / ".config" / "systemd" / "user" / UNIT_NAME
        if self.platform == "darwin":
            return self.user_home / "Library" / "LaunchAgents" / f"{AGENT_LABEL}.plist"
        return None  # Windows: a registry value, see install_windows

    def content(self, launch: Launch) -> bytes:
        if self.platform == "linux":
            return systemd_unit(launch).encode()
        return launchd_plist(launch)

    def is_installed(self) -> bool:
        if self.path is not None:
            return self.path.is_file()
        return _windows_run_value() is not None

    def install(self, launch: Launch, *, already_running: bool) -> list[Step]:
        if self.path is None:
            return [_install_windows(launch)]
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_bytes(self.content(launch))
        steps = [done(f"Margin will start when you log in ({self.path}).")]
        if self.platform == "linux":
            steps.append(_systemctl_enable(start=not already_running))
        else:
            steps.append(_run_quietly(["launchctl", "load", "-w", str(self.path)],
                                      "Margin's login agent is loaded.",
                                      "macOS did not load the login agent now"))
        return steps

    def remove(self) -> list[Step]:
        if self.path is None:
            return [_remove_windows()]
        if not self.path.exists():
            return [done("Margin was not set to start at login.")]
        if self.platform == "linux":
            _run(["systemctl", "--user", "disable", "--now", UNIT_NAME])
        else:
            _run(["launchctl", "unload", "-w", str(self.path)])
        self.path.unlink()
        if self.platform == "linux":
            _run(["systemctl", "--user", "daemon-reload"])
        return [done("Margin no longer starts at login.")]


def _run(argv: list[str]) -> subprocess.CompletedProcess[str] | None:
    try:
        return subprocess.run(argv, capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None


def _run_quietly(argv: list[str], success: str, failure: str) -> Step:
    result = _run(argv)
    if result is not None and result.returncode == 0:
        return done(success)
    return not_done(f"{failure}; it will start at your next login.")


def _systemctl_enable(*, start: bool) -> Step:
    reload = _run(["systemctl", "--user", "daemon-reload"])
    if reload is None or reload.returncode != 0:
        now = ("" if not start else
               " Margin was not started now; until then run 'margin serve'.")
        return not_done("No systemd user session answers here (for example over ssh or in a "
                        "container), so the login entry takes effect at your next graphical "
                        f"login.{now}")
    argv = ["systemctl", "--user", "enable", *(["--now"] if start else []), UNIT_NAME]
    return _run_quietly(argv, "Margin is enabled" + (" and started." if start else "."),
                        "systemd did not enable Margin now")


def _windows_run_value() -> str | None:
    try:
        import winreg
    except ImportError:
        return None
    try:
        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:  # type: ignore[attr-defined]
            return str(winreg.QueryValueEx(key, RUN_VALUE)[0])  # type: ignore[attr-defined]
    except OSError:
        return None


def _install_windows(launch: Launch) -> Step:  # pragma: no cover - Windows only
    import winreg

    with winreg.CreateKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:  # type: ignore[attr-defined]
        winreg.SetValueEx(key, RUN_VALUE, 0, winreg.REG_SZ,  # type: ignore[attr-defined]
                          windows_run_command(launch))
    return done("Margin will start when you log in to Windows.")


def _remove_windows() -> Step:  # pragma: no cover - Windows only
    import winreg

    try:
        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY, 0,  # type: ignore[attr-defined]
                            winreg.KEY_SET_VALUE) as key:  # type: ignore[attr-defined]
            winreg.DeleteValue(key, RUN_VALUE)  # type: ignore[attr-defined]
    except OSError:
        return done("Margin was not set to start at login.")
    return done("Margin no longer starts at login.")
