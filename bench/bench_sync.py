"""Multi-device sync: how fast what lands in the vault folder shows in the other daemon.

1. Landing-to-visible latency: a note saved on one device; its file is renamed into the
   other device's folder (as a sync engine does); time until the other daemon's API serves
   it. p50 and p95, beyond the carrier's own delay (the clock starts after the rename).
   Baseline: decrypting that same file directly plus one API round trip for a note
   already visible, measured in the same run.
2. A first sync of a large vault: ~10,000 objects (3,334 saves of body + version + audit)
   land at once; the cost of taking them all in, as a ratio to reading and decrypting the
   same files directly; and the time until a running daemon lists every note.
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from margin.durable import FileOps
from margin.home import Home, set_vault_dir
from margin.vault import KdfParams, KeyStore, Vault, objfile
from margin.vault.objfile import FileIdentity

PASSPHRASE = "correct horse battery staple"  # noqa: S105 - a throwaway test vault
CHEAP_KDF = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
LATENCY_SAMPLES = 60
BULK_SAVES = 3334  # x3 objects each = 10,002 objects
NO_KEYCHAIN = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}


class NoFsync(FileOps):
    """Setup only: making thousands of saves fast. Nothing measured goes through it."""

    def fsync(self, fd: int) -> None:
        return None

    def fsync_dir(self, folder: Path) -> None:
        return None


def no_keychain() -> KeyStore:
    from keyring.backends import fail

    return KeyStore(fail.Keyring())


def joined_home(root: Path, writer: Vault, name: str) -> tuple[Home, Path]:
    home, folder = Home(root / name), root / f"{name}-synced"
    shutil.copytree(writer.layout.vault_dir / "keys", folder / "keys")
    set_vault_dir(home.local_dir, folder)
    vault = Vault.open(home, keystore=no_keychain())
    vault.unlock_with_passphrase(PASSPHRASE, device_name=name)
    vault.lock()
    return home, folder


class Daemon:
    def __init__(self, home: Home, passphrase: str = PASSPHRASE, timeout: float = 60):
        self.timeout = timeout  # an unlock of a very large vault also indexes every note
        env = {**os.environ, **NO_KEYCHAIN}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "margin", "--home", str(home.root), "serve", "--port", "0"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        runtime = home.local_dir / "daemon.json"
        while not (runtime.exists() and json.loads(runtime.read_text())["pid"] ==
                   self.process.pid):
            time.sleep(0.05)
        info = json.loads(runtime.read_text())
        self.port, self.token = info["port"], info["cli_token"]
        assert self.call("POST", "/v1/unlock", {"passphrase": passphrase})[0] == 200
        self.guard_ready_after = self.wait_for_guard()

    def wait_for_guard(self) -> float:
        """Seconds until the leak guard's index, made in the background after the unlock
        answered, is ready (checks meanwhile are refused as "still indexing")."""
        started = time.perf_counter()
        while True:
            status, state = self.call("GET", "/v1/vault")
            guard = state.get("guard", {}) if isinstance(state, dict) else {}
            if status == 200 and guard.get("state", "ready") == "ready":
                return time.perf_counter() - started
            time.sleep(0.1)

    def call(self, method: str, path: str, body: object = None) -> tuple[int, object]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        headers = {"Host": f"127.0.0.1:{self.port}", "Authorization": f"Bearer {self.token}"}
        payload = None
        if body is not None:
            payload, headers["Content-Type"] = json.dumps(body).encode(), "application/json"
        connection.request(method, path, body=payload, headers=headers)
        response = connection.getresponse()
        data = response.read()
        connection.close()
        return response.status, json.loads(data) if data else None

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=max(30, self.timeout))  # it saves what it holds first


def land(source: Path, target_root: Path, writer_root: Path) -> Path:
    target = target_root / source.relative_to(writer_root)
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f".syncthing.{target.name}.tmp")
    shutil.copyfile(source, temp)
    temp.replace(target)
    return target


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def latency(root: Path) -> None:
    writer = Vault.create(Home(root / "desk"), PASSPHRASE, keystore=no_keychain(),
                          kdf=CHEAP_KDF, device_name="desk")
    home, folder = joined_home(root, writer, "laptop")
    for path in (writer.layout.vault_dir / "data").rglob("*"):
        if path.is_file():
            land(path, folder, writer.layout.vault_dir)
    daemon = Daemon(home)
    own = writer.layout.vault_dir / "data" / writer.device_id
    samples, baseline = [], []
    try:
        for number in range(LATENCY_SAMPLES):
            before = set(own.iterdir())
            note = writer.create_note(f"note {number} " * 40, actor="bench", client="Kim")
            (saved,) = set(own.iterdir()) - before
            land(saved, folder, writer.layout.vault_dir)
            landed = time.perf_counter()
            while daemon.call("GET", f"/v1/notes/{note.id}")[0] != 200:
                time.sleep(0.002)
            samples.append(time.perf_counter() - landed)
            start = time.perf_counter()  # baseline: decrypt the file + one round trip
            relative = saved.relative_to(writer.layout.vault_dir).as_posix().split("/")
            identity = FileIdentity(bytes.fromhex(writer.vault_id), bytes.fromhex(relative[1]),
                                    bytes.fromhex(relative[2]))
            objfile.decode(writer._session.key, identity, saved.read_bytes())  # type: ignore[union-attr]
            daemon.call("GET", f"/v1/notes/{note.id}")
            baseline.append(time.perf_counter() - start)
    finally:
        daemon.stop()
    base = statistics.median(baseline)
    p50, p95 = percentile(samples, 0.5), percentile(samples, 0.95)
    print(f"landing-to-visible latency over {LATENCY_SAMPLES} notes: p50 {p50 * 1000:.1f} ms, "
          f"p95 {p95 * 1000:.1f} ms (aim: under 1000 ms)")
    print(f"  baseline (decrypt the file + one API round trip): {base * 1000:.2f} ms; "
          f"ratios p50 {p50 / base:.1f}x, p95 {p95 / base:.1f}x")


def bulk(root: Path) -> None:
    writer = Vault.create(Home(root / "big"), PASSPHRASE, keystore=no_keychain(),
                          kdf=CHEAP_KDF, ops=NoFsync())
    for number in range(BULK_SAVES):
        writer.create_note(f"note {number} about the week " * 10, actor="bench",
                           client=f"client {number % 50}")
    files = [p for p in (writer.layout.vault_dir / "data").rglob("*") if p.is_file()]
    key = bytes(writer._session.key)  # type: ignore[union-attr]
    home, folder = joined_home(root, writer, "new")
    for path in files:
        land(path, folder, writer.layout.vault_dir)
    objects = 0
    start = time.perf_counter()  # baseline: read and decrypt every landed file directly
    for path in (folder / "data").rglob("*"):
        if path.is_file():
            identity = FileIdentity(bytes.fromhex(writer.vault_id),
                                    bytes.fromhex(path.parent.name), bytes.fromhex(path.name))
            objects += len(objfile.decode(key, identity, path.read_bytes()))
    direct = time.perf_counter() - start
    reader = Vault.open(home, keystore=no_keychain())
    reader.unlock_with_passphrase(PASSPHRASE)
    reader.lock()  # the folder was already there at unlock: measure a take-in instead
    shutil.rmtree(folder / "data" / writer.device_id)
    set_vault_dir(home.local_dir, folder)
    reader = Vault.open(home, keystore=no_keychain())
    reader.unlock_with_passphrase(PASSPHRASE)
    for path in files:
        land(path, folder, writer.layout.vault_dir)
    start = time.perf_counter()
    reader.refresh()
    take_in = time.perf_counter() - start
    listed = len(reader.list_notes())
    reader.lock()
    print(f"taking in {objects} objects ({len(files)} files) at once: {take_in:.2f} s "
          f"({listed} notes listed); reading+decrypting them directly: {direct:.2f} s; "
          f"ratio {take_in / direct:.2f}x")
    shutil.rmtree(folder / "data" / writer.device_id)
    daemon = Daemon(home)
    try:
        for path in files:
            land(path, folder, writer.layout.vault_dir)
        start = time.perf_counter()
        while len(daemon.call("POST", "/v1/notes/search", {})[1]["notes"]) < BULK_SAVES:  # type: ignore[index]
            time.sleep(0.05)
        visible = time.perf_counter() - start
    finally:
        daemon.stop()
    print(f"  a running daemon lists all {BULK_SAVES} notes {visible:.2f} s after the last "
          f"file landed (taking in + leak-guard fingerprints); ratio to direct decrypt "
          f"{visible / direct:.2f}x")


def main() -> None:
    root = Path(tempfile.mkdtemp(prefix="margin-bench-sync-"))
    try:
        latency(root)
        bulk(root)
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
