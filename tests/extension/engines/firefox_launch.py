"""Start Debian's Firefox ESR headless with WebDriver BiDi and the Firefox test build.

Firefox's remote agent listens on a port it picks (``--remote-debugging-port=0``) and says
which on stderr. The profile's user.js maps the EHR host names to 127.0.0.1 (Chromium's
``--host-resolver-rules``). The test build is installed as a temporary add-on (BiDi
``webExtension.install``), which keeps its fixed id but gets a random moz-extension:// origin.
"""

from __future__ import annotations

import contextlib
import json
import re
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from tests.extension.ehr_server import HOSTS
from tests.extension.engines.bidi import BidiSession

FIREFOX = Path("/usr/bin/firefox-esr")
ADDON_ID = "margin@margin.local"
# The oldest Firefox the suite runs (Debian 12's firefox-esr from the security suite): the
# Firefox manifest's strict_min_version says the same, so no user runs an untested Firefox.
OLDEST_TESTED_FIREFOX = 153
LISTENING = re.compile(r"WebDriver BiDi listening on (ws://\S+)")


def firefox_version() -> tuple[int, ...]:
    """Firefox's version as numbers, e.g. (153, 8, 0) for "Mozilla Firefox 153.8.0esr"."""
    text = subprocess.run(
        [str(FIREFOX), "--version"], capture_output=True, text=True, timeout=60, check=True
    ).stdout
    found = re.search(r"(\d+(?:\.\d+)*)", text)
    assert found, text
    return tuple(int(part) for part in found.group(1).split("."))


def _user_js(extra: dict[str, str | bool | int] | None) -> str:
    prefs: dict[str, str | bool | int] = {
        # The EHR sites and the generic test host resolve to the local test server.
        "network.dns.localDomains": ",".join(sorted(HOSTS.values())),
        "browser.shell.checkDefaultBrowser": False,
        "datareporting.policy.dataSubmissionEnabled": False,
        "toolkit.telemetry.reportingpolicy.firstRun": False,
        "app.update.disabledForTesting": True,
        "extensions.update.enabled": False,
        "browser.startup.homepage_override.mstone": "ignore",
        # The session store (which keeps what pages' form fields hold) writes each second,
        # so the profile test sees what Firefox would keep on disk. Driven input is not user
        # activity to Firefox's idle service: after idleDelay (three minutes) of a long run
        # it would write only hourly (interval.idle), so both intervals are one second.
        "browser.sessionstore.interval": 1000,
        "browser.sessionstore.interval.idle": 1000,
        **(extra or {}),
    }
    lines = []
    for name, value in prefs.items():
        shown = json.dumps(value)  # true/false, numbers and strings as prefs spell them
        lines.append(f'user_pref("{name}", {shown});')
    return "\n".join(lines) + "\n"


@dataclass
class RunningFirefox:
    process: subprocess.Popen[str]
    session: BidiSession
    profile: Path

    def stop(self) -> None:
        with contextlib.suppress(Exception):  # closing anyway: the process is killed below
            self.session.command("browser.close", {}, timeout=15)
        self.session.close()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=15)
        shutil.rmtree(self.profile, ignore_errors=True)


def _drain(stream: IO[str]) -> None:
    for _ in stream:  # keep Firefox's stderr from filling its pipe
        pass


def start_firefox(
    profile: Path, extension: Path, prefs: dict[str, str | bool | int] | None = None
) -> RunningFirefox:
    profile.mkdir(parents=True, exist_ok=True)
    (profile / "user.js").write_text(_user_js(prefs))
    process = subprocess.Popen(
        [str(FIREFOX), "--headless", "--no-remote", "--profile", str(profile),
         "--remote-debugging-port=0", "about:blank"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    deadline = time.monotonic() + 60
    url = None
    while url is None:
        line = process.stderr.readline()
        if not line and (process.poll() is not None or time.monotonic() > deadline):
            process.kill()
            raise AssertionError("Firefox did not start its WebDriver BiDi agent")
        found = LISTENING.search(line)
        url = found.group(1) if found else None
    threading.Thread(target=_drain, args=(process.stderr,), daemon=True).start()
    try:
        session = BidiSession(f"{url}/session")
        session.command(
            "session.new", {"capabilities": {"alwaysMatch": {"acceptInsecureCerts": True}}}
        )
        installed = session.command(
            "webExtension.install",
            {"extensionData": {"type": "path", "path": str(extension.resolve())}},
        )
    except BaseException:
        process.kill()  # no Firefox left behind when the session or the install fails
        process.wait(timeout=15)
        raise
    assert installed["extension"] == ADDON_ID, installed
    return RunningFirefox(process, session, profile)
