"""Real Syncthing instances for the end-to-end test, on loopback only.

Each instance listens on 127.0.0.1, has its GUI/API on 127.0.0.1, and has global and local
discovery, relays, NAT traversal, STUN, usage reporting, crash reporting and upgrades off:
the two instances know each other's loopback address and talk to nothing else.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
from dataclasses import dataclass
from pathlib import Path

FOLDER_ID = "margin-vault"

CONFIG = """<configuration version="36">
    <folder id="{folder_id}" label="Margin vault" path="{path}" type="sendreceive"
            rescanIntervalS="2" fsWatcherEnabled="true" fsWatcherDelayS="1"
            ignorePerms="false" autoNormalize="true">
        <filesystemType>basic</filesystemType>
        <device id="{me}" introducedBy=""></device>
        <device id="{peer}" introducedBy=""></device>
        <minDiskFree unit="%">0</minDiskFree>
        <markerName>.stfolder</markerName>
    </folder>
    <device id="{me}" name="me" compression="metadata" introducer="false">
        <address>dynamic</address>
    </device>
    <device id="{peer}" name="peer" compression="metadata" introducer="false">
        <address>tcp://127.0.0.1:{peer_port}</address>
    </device>
    <gui enabled="true" tls="false" debugging="false">
        <address>127.0.0.1:{gui_port}</address>
        <apikey>margin-test-api-key</apikey>
    </gui>
    <options>
        <listenAddress>tcp://127.0.0.1:{port}</listenAddress>
        <globalAnnounceEnabled>false</globalAnnounceEnabled>
        <localAnnounceEnabled>false</localAnnounceEnabled>
        <relaysEnabled>false</relaysEnabled>
        <natEnabled>false</natEnabled>
        <stunKeepaliveStartS>0</stunKeepaliveStartS>
        <stunKeepaliveMinS>0</stunKeepaliveMinS>
        <startBrowser>false</startBrowser>
        <urAccepted>-1</urAccepted>
        <crashReportingEnabled>false</crashReportingEnabled>
        <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
        <announceLANAddresses>false</announceLANAddresses>
    </options>
</configuration>
"""


def available() -> bool:
    return shutil.which("syncthing") is not None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class Instance:
    home: Path
    folder: Path
    device_id: str
    port: int
    gui_port: int
    process: subprocess.Popen[bytes] | None = None

    def start(self, peer: Instance) -> None:
        (self.folder / ".stfolder").mkdir(parents=True, exist_ok=True)
        (self.home / "config.xml").write_text(CONFIG.format(
            folder_id=FOLDER_ID, path=self.folder, me=self.device_id, peer=peer.device_id,
            peer_port=peer.port, port=self.port, gui_port=self.gui_port))
        log = (self.home / "syncthing.log").open("wb")
        self.process = subprocess.Popen(
            ["syncthing", "serve", f"--home={self.home}", "--no-browser", "--no-restart",
             "--no-upgrade", "--no-default-folder"],
            stdout=log, stderr=subprocess.STDOUT,
            env={**os.environ, "STNOUPGRADE": "1", "STNORESTART": "1", "HOME": str(self.home)})

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()


def make_instance(home: Path, folder: Path) -> Instance:
    home.mkdir(parents=True, exist_ok=True)
    made = subprocess.run(["syncthing", "generate", f"--home={home}", "--no-default-folder"],
                          capture_output=True, text=True, check=True, timeout=60)
    device_id = re.search(r"Device ID: ([A-Z0-9-]+)", made.stdout + made.stderr)
    assert device_id, made.stdout + made.stderr
    return Instance(home, folder, device_id.group(1), free_port(), free_port())
