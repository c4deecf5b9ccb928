"""A ten-year practice: a 100,000-note vault, and the files a decade of use leaves.

1. Files per note version after a simulated ten years (this bench's own generator: a
   caseload of 25 clients a week, edits, reads, a lock at the end of each week), beside
   the same years with compaction off (the baseline).
2. A synthetic 100,000-note vault, built once and cached outside the repository
   (``$XDG_CACHE_HOME/margin-bench`` or the system temp folder; ``--rebuild`` makes it
   again): unlock without the KDF, one client's notes listed, the guard check's p95
   against 1,000 and 100,000 notes, the leak guard's first index (time and peak memory,
   beside reading every note), the daemon's memory when unlocked, a first sync into
   a new device, and ``margin check --read-data``, each beside a baseline measured in
   this run (the same work on a 1,000-note vault, or reading the same files directly).

``--quick`` runs only part 1 for two simulated years.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench_sync import NoFsync  # building only; nothing measured goes through it
from invented_words import vocabulary, zipf_weights
from keyring.backends import fail

from margin.home import Home, set_vault_dir
from margin.vault import KdfParams, KeyStore, Vault
from margin.vault.compact import Policy

PASSPHRASE = "bench passphrase"  # noqa: S105 - a throwaway vault
CHEAP_KDF = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
BIG = 100_000
SMALL = 1_000
CLIENTS = 200
CACHE_VERSION = "2"  # bump when the vault format or this generator changes


def keystore() -> KeyStore:
    return KeyStore(fail.Keyring())  # benchmarks never touch the user's keychain


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def files_of(vault_dir: Path) -> int:
    return sum(1 for p in (vault_dir / "data").rglob("*") if p.is_file())


# --- 1. ten years -----------------------------------------------------------------------


def ten_years(root: Path, years: int, compacting: bool) -> tuple[int, int]:
    """(object files, note versions) after ``years`` of a caseload; time is compressed,
    so packs may take files of any age (min_age 0)."""
    rng = random.Random(10)
    words = vocabulary(rng, 2000)
    weights = zipf_weights(words)
    vault = Vault.create(Home(root), PASSPHRASE, keystore=keystore(), kdf=CHEAP_KDF,
                         ops=NoFsync())
    vault.policy = Policy(min_age_seconds=0) if compacting else Policy(min_files=10**9)
    versions = 0
    notes: list[tuple[str, str]] = []
    for week in range(52 * years):
        if week:  # the vault was made unlocked in the first week
            vault.unlock_with_passphrase(PASSPHRASE)
        for _day in range(5):
            for _ in range(5):  # five sessions a day
                text = " ".join(rng.choices(words, weights, k=rng.randint(80, 300)))
                note = vault.create_note(text, actor="bench", client=f"c{rng.randrange(25)}")
                notes.append((note.id, note.version))
                versions += 1
                vault.get_note(note.id, actor="bench")
                if rng.random() < 0.3:  # an edit later the same day
                    vault.update_note(note.id, text + " more", base_version=note.version,
                                      actor="bench")
                    versions += 1
            for note_id, _ in rng.sample(notes, min(len(notes), 8)):  # looking back
                vault.get_note(note_id, actor="bench")
        vault.lock()
    return files_of(vault.layout.vault_dir), versions


# --- 2. the 100,000-note vault ----------------------------------------------------------


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or tempfile.gettempdir()
    return Path(base) / "margin-bench" / f"scale-v{CACHE_VERSION}"


def build(home: Home, count: int) -> float:
    """A vault of ``count`` notes (~150 words each), packed as after years of use."""
    rng = random.Random(count)
    words = vocabulary(rng, 4000)
    weights = zipf_weights(words)
    started = time.perf_counter()
    vault = Vault.create(home, PASSPHRASE, keystore=keystore(), kdf=CHEAP_KDF, ops=NoFsync())
    vault.create_notes([{"text": " ".join(rng.choices(words, weights, k=150)),
                         "client": f"Client {number % CLIENTS}",
                         "context": {"site": "ehr.example",
                                     "appointment_date": f"20{number % 10 + 15}-01-01"}}
                        for number in range(count)], actor="bench")
    vault.policy = Policy(min_age_seconds=0, min_files=1, min_packs=1)
    vault.compact()
    vault.lock()
    return time.perf_counter() - started


def cached(count: int, rebuild: bool) -> Home:
    home = Home(cache_dir() / f"notes-{count}")
    if rebuild or not (home.root / "complete").exists():
        shutil.rmtree(home.root, ignore_errors=True)
        print(f"  building the {count:,}-note vault once (cached in {home.root}) ...",
              flush=True)
        print(f"  built in {build(home, count):.0f} s")
        (home.root / "complete").write_text("")
    migrate_local_index(home)
    return home


def migrate_local_index(home: Home) -> None:
    """A cached vault whose local index an older Margin wrote (format 5, JSON) is opened
    once, which saves it in the current format: the bench measures unlocks, not that."""
    from margin.vault import index_legacy

    for path in home.local_dir.glob("index-*.bin"):
        if path.read_bytes()[: len(index_legacy.MAGIC)] == index_legacy.MAGIC:
            vault = Vault.open(home, keystore=keystore())
            cpu = time.process_time()
            vault.unlock_with_passphrase(PASSPHRASE, remember=False)
            print(f"  the cached vault's local index migrated from format 5: "
                  f"{time.process_time() - cpu:.1f} s CPU", flush=True)
            vault.lock()


def unlock_and_list(home: Home) -> tuple[float, float, float, Vault]:
    """Unlock without the KDF (wall and CPU seconds: on a shared machine the wall time
    mostly measures the other processes), then one client's notes listed (median)."""
    kdf = statistics.median(timed(lambda: CHEAP_KDF.derive("x", os.urandom(16)))
                            for _ in range(3))
    vault = Vault.open(home, keystore=keystore())
    cpu = time.process_time()
    unlock = timed(lambda: vault.unlock_with_passphrase(PASSPHRASE, remember=False)) - kdf
    cpu = time.process_time() - cpu - kdf
    listing = [timed(lambda: vault.list_notes(client="Client 7")) for _ in range(30)]
    return unlock, cpu, statistics.median(listing), vault


def interleaved_p95(checks: dict[int, Callable[[], object]], rounds: int = 80
                    ) -> dict[int, tuple[float, float]]:
    """p95 of the wall and the CPU time of each check, the checks taken in turn round after
    round, so the other processes of a shared machine weigh on each alike (timed one size
    after the other, the ratio moved with the machine's load)."""
    walls: dict[int, list[float]] = {count: [] for count in checks}
    cpus: dict[int, list[float]] = {count: [] for count in checks}
    for _ in range(rounds):
        for count, check in checks.items():
            cpu = time.process_time()
            walls[count].append(timed(check))
            cpus[count].append(time.process_time() - cpu)
    return {count: (percentile(walls[count], 0.95), percentile(cpus[count], 0.95))
            for count in checks}


def guard_index(count: int) -> tuple[Any, str]:
    """The leak guard's matcher over ``count`` notes and a text holding one of them (1,500
    other words around it). The index is built once and cached, as the vault is."""
    from margin.matcher import FingerprintIndex

    rng = random.Random(5)
    words = vocabulary(rng, 4000)
    weights = zipf_weights(words)
    bodies = [" ".join(rng.choices(words, weights, k=150)) for _ in range(count)]
    saved = cache_dir() / f"guard-{count}.bin"
    try:
        index = FingerprintIndex.from_bytes(saved.read_bytes(), b"k" * 32)
    except (OSError, ValueError):
        index = FingerprintIndex(b"k" * 32)
        for number, body in enumerate(bodies):
            index.add(f"{number:032x}", body)
        saved.parent.mkdir(parents=True, exist_ok=True)
        saved.write_bytes(index.to_bytes())
    checked = " ".join(rng.choices(words, k=1500)) + " " + bodies[7]
    assert index.match(checked, 8)
    return index, checked


def guard_p95() -> dict[int, tuple[float, float]]:
    """The matcher alone (``FingerprintIndex.match``) against BIG and SMALL notes."""
    made = {count: guard_index(count) for count in (BIG, SMALL)}
    return interleaved_p95({count: (lambda i=index, t=text: i.match(t, 8))
                            for count, (index, text) in made.items()})


def daemon_check_p95(homes: dict[int, Home]) -> dict[str, dict[int, tuple[float, float]]]:
    """The guard's check as the daemon runs it (``NoteFingerprints.check``: the matcher,
    then the matched notes' dates), against each unlocked vault's own index, with one of
    its notes inside 1,500 other words: words of the vault's vocabulary (as the matcher's
    line), and, harder, the note's own words shuffled (its common five-word runs stand in
    more of the other notes of a larger vault)."""
    from margin.note_fingerprints import NoteFingerprints

    rng = random.Random(6)
    texts: dict[str, dict[int, Callable[[], object]]] = {"vocabulary": {}, "own words": {}}
    vaults = []
    for count, home in homes.items():
        vault = Vault.open(home, keystore=keystore())
        vault.unlock_with_passphrase(PASSPHRASE, remember=False)
        vaults.append(vault)
        fingerprints = NoteFingerprints(vault)
        fingerprints.build()
        note = vault.get_note(vault.list_notes(client="Client 7")[0].id, actor="bench")
        words = {"vocabulary": vocabulary(random.Random(count), 4000),  # as ``build`` made
                 "own words": note.text.split()}
        for name, chosen in words.items():
            text = " ".join(rng.choices(chosen, k=1500)) + " " + note.text
            assert fingerprints.check(text)
            texts[name][count] = lambda f=fingerprints, t=text: f.check(t)
    try:
        return {name: interleaved_p95(checks) for name, checks in texts.items()}
    finally:
        for vault in vaults:
            vault.lock()


# The peak is VmHWM, this process's own: ru_maxrss also counts the bench process this
# one was forked from (Linux keeps it across exec), which holds a 100,000-note index.
_BUILD = """
import sys, time
from pathlib import Path
from keyring.backends import fail
from margin.home import Home
from margin.note_fingerprints import NoteFingerprints
from margin.vault import KeyStore, Vault
vault = Vault.open(Home(Path(sys.argv[1])), keystore=KeyStore(fail.Keyring()))
vault.unlock_with_passphrase(sys.argv[2], remember=False)
wall, cpu = time.perf_counter(), time.process_time()
if sys.argv[3] == "build":
    NoteFingerprints(vault).catch_up()
else:
    for _ in vault.iter_texts(actor="bench", purpose="index"):
        pass
status = open("/proc/self/status").read().split("VmHWM:")[1]
print(time.perf_counter() - wall, time.process_time() - cpu, status.split()[0])
vault.lock()
"""


def first_build(home: Home, cache: Home) -> tuple[tuple[float, float, int], tuple[float,
                                                                                 float, int]]:
    """The leak guard's first index of every note, then saved (what a daemon does in the
    background after the first unlock of a vault made elsewhere), and the baseline:
    reading and decrypting every note's text. Each in a process of its own (in a daemon
    the build can outlast the auto-lock on a loaded machine): (wall s, CPU s, peak KiB
    after the unlock and through the work). The index made is kept with the cached vault."""
    for made in [*home.local_dir.glob("fingerprints-*"), *home.local_dir.glob("letters-*")]:
        made.unlink()
    read = _in_process(home, "read")
    built = _in_process(home, "build")
    if not any(cache.local_dir.glob("fingerprints-*.bin")):
        for made in [*home.local_dir.glob("fingerprints-*"),
                     *home.local_dir.glob("letters-*")]:
            shutil.copy2(made, cache.local_dir / made.name)
    return built, read


def _in_process(home: Home, work: str) -> tuple[float, float, int]:
    done = subprocess.run([sys.executable, "-c", _BUILD, str(home.root), PASSPHRASE, work],
                          capture_output=True, text=True, check=True)
    wall, cpu, peak = done.stdout.split()[-3:]
    return float(wall), float(cpu), int(peak)


def guard_index_at_unlock(home: Home) -> float:
    """CPU seconds the daemon adds to an unlock to have the leak guard ready: its index
    read from its files and checked against the notes' versions (nothing stale here)."""
    from margin.note_fingerprints import NoteFingerprints

    vault = Vault.open(home, keystore=keystore())
    vault.unlock_with_passphrase(PASSPHRASE, remember=False)
    cpu = time.process_time()
    reread = NoteFingerprints(vault).catch_up()
    cpu = time.process_time() - cpu
    vault.lock()
    assert reread == 0
    return cpu


def daemon_memory(home: Home) -> int:
    """Peak resident memory (KiB) of a daemon that unlocked this vault and checked a text,
    the leak guard's index read from its files (made by ``first_build``)."""
    from bench_sync import Daemon

    daemon = Daemon(home, PASSPHRASE, timeout=3600)  # starts, unlocks, indexes every note
    try:
        daemon.call("POST", "/v1/guard/check", {"text": "a few words to check here"})
        status = Path(f"/proc/{daemon.process.pid}/status").read_text()
        peak = int(next(line.split()[1] for line in status.splitlines()
                        if line.startswith("VmHWM")))
        print(f"    (daemon of {home.root.name}: peak {peak // 1024} MiB; its leak guard ready "
              f"{daemon.guard_ready_after:.1f} s after the unlock answered)", flush=True)
        return peak
    finally:
        daemon.stop()


def first_sync(home: Home, root: Path) -> tuple[float, float]:
    """A new device joins a copy of the folder: its first unlock reads every file.
    Baseline: reading and decrypting the same files directly."""
    from margin.vault import objfile

    folder = root / "synced"
    shutil.copytree(home.vault_dir, folder)
    joined = Home(root / "new-device")
    set_vault_dir(joined.local_dir, folder)
    writer = Vault.open(home, keystore=keystore())
    writer.unlock_with_passphrase(PASSPHRASE, remember=False)
    ring = writer._session.ring  # type: ignore[union-attr]
    started = time.perf_counter()
    for path in (folder / "data").rglob("*"):
        if path.is_file():
            identity = objfile.FileIdentity(bytes.fromhex(writer.vault_id),
                                            bytes.fromhex(path.parent.name),
                                            bytes.fromhex(path.name))
            objfile.decode(ring, identity, path.read_bytes())
    direct = time.perf_counter() - started
    writer.lock()
    vault = Vault.open(joined, keystore=keystore())
    take_in = timed(lambda: vault.unlock_with_passphrase(PASSPHRASE, remember=False,
                                                         device_name="new"))
    vault.lock()
    return take_in, direct


def check_read_data(home: Home) -> tuple[float, float]:
    from margin.sync import checker

    vault = Vault.open(home, keystore=keystore())
    vault.unlock_with_passphrase(PASSPHRASE, remember=False)
    took = timed(lambda: vault.check_copy(home.vault_dir, read_data=True))
    vault.lock()
    raw = timed(lambda: [p.read_bytes() for p in home.vault_dir.rglob("*") if p.is_file()])
    assert checker.EXIT_OK == 0
    return took, raw


def report_guard(name: str, found: dict[int, tuple[float, float]]) -> None:
    (p95_big, cpu_big), (p95_small, cpu_small) = found[BIG], found[SMALL]
    print(f"  guard check p95 ({name}), 1,650 words, the two sizes in turn: "
          f"{p95_big * 1e3:.2f} ms wall, {cpu_big * 1e3:.2f} ms CPU against {BIG:,} notes "
          f"(aim < 5 ms); {p95_small * 1e3:.2f} ms wall, {cpu_small * 1e3:.2f} ms CPU against "
          f"{SMALL:,}; CPU ratio {cpu_big / cpu_small:.2f} (aim <= 1.3); load average "
          f"{os.getloadavg()[0]:.1f}")


def scale(rebuild: bool) -> None:
    big, small = cached(BIG, rebuild), cached(SMALL, rebuild)
    with tempfile.TemporaryDirectory(prefix="margin-bench-scale-") as tmp:
        work = {}
        for name, home in (("big", big), ("small", small)):
            copy = Home(Path(tmp) / name)
            shutil.copytree(home.root, copy.root)
            work[name] = copy
        unlock_big, cpu_big, list_big, vault = unlock_and_list(work["big"])
        found = len(vault.list_notes(client="Client 7"))
        files = files_of(work["big"].vault_dir)
        vault.lock()
        unlock_small, cpu_small, list_small, vault = unlock_and_list(work["small"])
        vault.lock()
        print(f"  unlock of {BIG:,} notes ({files} files) without the KDF: "
              f"{unlock_big * 1e3:.0f} ms wall, {cpu_big * 1e3:.0f} ms CPU (aim < 1000 ms); "
              f"{SMALL:,} notes: {unlock_small * 1e3:.0f} ms wall, {cpu_small * 1e3:.0f} ms "
              f"CPU; load average {os.getloadavg()[0]:.1f}")
        print(f"  one client's notes listed ({found} of {BIG:,}): {list_big * 1e3:.2f} ms "
              f"(aim < 20 ms); of {SMALL:,}: {list_small * 1e3:.2f} ms")
        report_guard("matcher", guard_p95())
        (wall, cpu, peak), (read_wall, read_cpu, read_peak) = first_build(work["big"], big)
        first_build(work["small"], small)
        print(f"  the leak guard's first index of {BIG:,} notes (made and saved): {wall:.0f} s "
              f"wall, {cpu:.0f} s CPU, peak {peak / 1024:.0f} MiB (aim < 500 MiB); reading and "
              f"decrypting every note: {read_wall:.0f} s wall, {read_cpu:.0f} s CPU, peak "
              f"{read_peak / 1024:.0f} MiB; CPU ratio {cpu / read_cpu:.1f}x; load average "
              f"{os.getloadavg()[0]:.1f}")
        memory_big, memory_small = daemon_memory(work["big"]), daemon_memory(work["small"])
        print(f"  daemon peak memory, unlocked and checking: {memory_big / 1024:.0f} MiB with "
              f"{BIG:,} notes (aim < 500 MiB), {memory_small / 1024:.0f} MiB with {SMALL:,}")
        for text, found in daemon_check_p95({BIG: work["big"], SMALL: work["small"]}).items():
            report_guard(f"as the daemon runs it, the note in {text}", found)
        print(f"  the leak guard's index made ready at unlock (read from its files): "
              f"{guard_index_at_unlock(work['big']) * 1e3:.0f} ms CPU with {BIG:,} notes, "
              f"{guard_index_at_unlock(work['small']) * 1e3:.0f} ms with {SMALL:,}")
        take_in, direct = first_sync(big, Path(tmp) / "sync")
        print(f"  first sync into a new device (its first unlock reads every file): "
              f"{take_in:.1f} s; reading and decrypting the same files directly: "
              f"{direct:.1f} s; ratio {take_in / direct:.1f}x")
        took, raw = check_read_data(work["big"])
        print(f"  margin check --read-data of {BIG:,} notes: {took:.1f} s; reading every "
              f"file's bytes: {raw:.2f} s")


def main() -> int:
    quick = "--quick" in sys.argv
    years = 2 if quick else 10
    print(f"bench_scale: files per note version after {years} simulated years")
    with tempfile.TemporaryDirectory(prefix="margin-bench-years-") as tmp:
        files, versions = ten_years(Path(tmp) / "packed", years, compacting=True)
        plain, _ = ten_years(Path(tmp) / "plain", years, compacting=False)
    print(f"  {versions:,} note versions: {files} object files = {files / versions:.3f} per "
          f"version (aim <= 3); without compaction: {plain} = {plain / versions:.2f} per "
          "version (baseline)")
    if not quick:
        print(f"bench_scale: a vault of {BIG:,} notes against {SMALL:,}")
        scale("--rebuild" in sys.argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
