"""The leak guard's index is made in the background after an unlock (issue 18: a first
index of 100,000 notes takes minutes). Meanwhile the vault's state says "building" with
how far it is, and a check or an export check is refused, never answered as clean."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from margin.cli.status_cmd import guard_words
from margin.errors import GuardBuilding, GuardStopped
from margin.home import Home
from margin.note_fingerprints import NoteFingerprints
from margin.schema import first_problem
from margin.server.app import create_app
from margin.service import COMMAND, Margin
from margin.vault import Vault
from tests.conftest import CHROME_ORIGIN, RunningDaemon, run_margin
from tests.core.test_guard_api import PASSPHRASE, PRIVATE, PROGRESS, add_note
from tests.vault.helpers import CHEAP_KDF, no_keychain


def _guard(d: RunningDaemon) -> dict:
    """The guard's state as GET /v1/status and GET /v1/vault say it (they may differ by
    a note or two while the build runs)."""
    status = d.cli("GET", "/v1/status").json()
    assert first_problem("status-response", status) is None
    state = d.cli("GET", "/v1/vault").json()
    assert first_problem("vault-state", state) is None
    if state["guard"]["state"] == "building" and state["guard"]["total"] == 0:
        assert status["vault"]["guard"] == state["guard"]  # held at its start: no race
    return state["guard"]


def _wait_ready(d: RunningDaemon, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while _guard(d)["state"] != "ready":
        assert time.monotonic() < deadline, "the leak guard's index was never ready"
        time.sleep(0.1)


def _slow_index_file(home: Path) -> Path:
    """The saved fingerprint file made a FIFO: reading it waits until this test writes to
    it, as a very slow disk would, so the build stays at its start for as long as needed."""
    (saved,) = (home / "local").glob("fingerprints-*.bin")
    saved.unlink()
    os.mkfifo(saved, 0o600)
    return saved


def _release(fifo: Path) -> None:
    """Let the waiting read go on: it reads nothing (a damaged file), so the index is made
    again from the notes."""
    with fifo.open("wb"):
        pass


def test_building_state_and_checks_refused_over_http(daemon: RunningDaemon,
                                                     tmp_path: Path) -> None:
    daemon.pair(CHROME_ORIGIN)
    daemon.as_extension("POST", "/v1/vault", body={"passphrase": PASSPHRASE})
    note = add_note(daemon)
    daemon.as_extension("POST", "/v1/lock", body={})
    fifo = _slow_index_file(daemon.home)
    released = False
    try:
        started = time.monotonic()
        unlocked = daemon.as_extension("POST", "/v1/unlock", body={"passphrase": PASSPHRASE})
        assert unlocked.status == 200
        assert time.monotonic() - started < 30  # it did not wait for the index
        assert unlocked.json()["guard"] == {"state": "building", "done": 0, "total": 0}
        assert _guard(daemon) == {"state": "building", "done": 0, "total": 0}
        told = run_margin(daemon.home, "status")
        assert told.returncode == 0, told.stderr
        assert "The leak guard is still indexing your private notes." in told.stdout

        refused = daemon.as_extension("POST", "/v1/guard/check", body={"text": PROGRESS})
        assert refused.status == 503
        body = refused.json()
        assert first_problem("error", body) is None
        assert body["error"] == "guard_building"
        assert "still indexing" in body["message"] and "Nothing was saved" in body["hint"]
        assert "winter" not in str(body).lower()

        export = tmp_path / "export.txt"
        export.write_text(PROGRESS)
        scanned = daemon.cli("POST", "/v1/scan", {"paths": [str(export)]})
        assert scanned.status == 503 and scanned.json()["error"] == "guard_building"

        _release(fifo)
        released = True
        _wait_ready(daemon)
    finally:
        if not released:
            _release(fifo)
    found = daemon.as_extension("POST", "/v1/guard/check", body={"text": PROGRESS}).json()
    assert [m["note_id"] for m in found["matches"]] == [note["id"]]
    assert PRIVATE not in str(found)


def test_progress_while_building_then_ready(tmp_path: Path) -> None:
    vault = Vault.create(Home(tmp_path / "home"), PASSPHRASE, keystore=no_keychain(),
                         kdf=CHEAP_KDF)
    ids = [vault.create_note(f"{PRIVATE} Session {n} of the series, with more words.",
                             actor="cli").id for n in range(25)]
    fingerprints = NoteFingerprints(vault)
    assert fingerprints.state() == {"state": "building", "done": 0, "total": 0}
    with pytest.raises(GuardBuilding):
        fingerprints.check(PROGRESS)
    fingerprints.build()
    assert fingerprints.state() == {"state": "ready"}
    assert fingerprints.progress == (len(ids), len(ids))
    assert {m.note_id for m in fingerprints.check(PROGRESS)} == set(ids)


def test_a_save_while_building_is_indexed_before_ready(tmp_path: Path) -> None:
    """A note saved while the first catch-up runs must not be missed: the listener only
    notes it (a save never waits for the build), and the build catches up once more."""
    vault = Vault.create(Home(tmp_path / "home"), PASSPHRASE, keystore=no_keychain(),
                         kdf=CHEAP_KDF)
    for n in range(40):
        vault.create_note(f"an older note number {n} about other matters entirely", actor="cli")
    fingerprints = NoteFingerprints(vault)
    saved: list[str] = []
    reads = vault.iter_texts

    def iter_texts_then_save(**options: object):  # a save lands in the middle of the pass
        for number, item in enumerate(reads(**options)):  # type: ignore[arg-type]
            if number == 5 and not saved:
                saved.append(vault.create_note(PRIVATE, actor="cli").id)
            yield item

    vault.iter_texts = iter_texts_then_save  # type: ignore[method-assign]
    fingerprints.build()
    assert saved and fingerprints.ready.is_set()
    assert [m.note_id for m in fingerprints.check(PROGRESS)] == saved


@pytest.mark.parametrize(("fault", "said"), [
    (OSError(5, "Input/output error"), "the disk is full or could not be written"),
    (RuntimeError("a bug"), "an unexpected fault"),
])
def test_an_index_that_stopped_on_a_fault_is_not_called_still_indexing(
        tmp_path: Path, fault: Exception, said: str) -> None:
    """The build's thread ends on a fault (a read error of the disk): checks stay refused,
    and the refusal says what happened and what to do instead of "wait"."""
    from margin.holder import VaultHolder
    home = Home(tmp_path / "home")
    vault = Vault.create(home, PASSPHRASE, keystore=no_keychain(), kdf=CHEAP_KDF)
    for n in range(3):
        vault.create_note(f"{PRIVATE} Session {n}.", actor="cli")
    holder = VaultHolder(home, keystore=no_keychain())
    holder._vault = vault  # the vault unlocked above

    def iter_texts_failing(**options: object):  # the disk fails during the first pass
        raise fault
    vault.iter_texts = iter_texts_failing  # type: ignore[method-assign]
    fingerprints = NoteFingerprints(vault)
    holder._build(fingerprints)
    with pytest.raises(GuardStopped) as refused:
        fingerprints.check(PROGRESS)
    assert said in refused.value.message and "could not finish" in refused.value.message
    assert "Lock Margin and unlock it again" in refused.value.hint
    assert PRIVATE not in refused.value.message + refused.value.hint
    state = fingerprints.state()  # the vault's state says so too, not "building"
    assert state == {"state": "stopped", "reason": said}
    assert first_problem("guard-state", state) is None
    assert "margin lock" in (guard_words(state) or "") and said in (guard_words(state) or "")


async def test_a_stopped_index_over_http_says_so_and_a_lock_and_unlock_retries(
        tmp_path: Path, aiohttp_client, unused_tcp_port: int,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Over HTTP, in this process (the fault is a read error of the disk in the middle of
    the build, which no outside process can cause on demand): the vault's state says
    "stopped" with why, a check is refused as guard_stopped (the extension's "Guard off"),
    and a lock and unlock makes the index again."""
    margin = Margin(Home(tmp_path / "home").ensure(), keystore=no_keychain(), kdf=CHEAP_KDF)
    margin.call("create_vault", caller=COMMAND, body={"passphrase": PASSPHRASE})
    note = margin.call("create_note", caller=COMMAND, body={"text": PRIVATE})
    margin.call("lock", caller=COMMAND, body={})
    for saved in (tmp_path / "home" / "local").glob("fingerprints-*.bin"):
        saved.unlink()  # so the unlock reads every note again, and meets the fault
    reads = Vault.iter_texts

    def disk_read_error(self: Vault, **options: object):
        raise OSError(5, "Input/output error")
    monkeypatch.setattr(Vault, "iter_texts", disk_read_error)
    client = await aiohttp_client(create_app(margin, port=unused_tcp_port, cli_token="t"),
                                  server_kwargs={"port": unused_tcp_port})
    headers = {"Host": f"127.0.0.1:{unused_tcp_port}", "Authorization": "Bearer t"}
    assert (await client.post("/v1/unlock", json={"passphrase": PASSPHRASE},
                              headers=headers)).status == 200
    margin.holder._builder.join(30)
    state = await (await client.get("/v1/vault", headers=headers)).json()
    assert first_problem("vault-state", state) is None
    assert state["guard"] == {"state": "stopped",
                              "reason": "the disk is full or could not be written"}
    refused = await client.post("/v1/guard/check", json={"text": PROGRESS}, headers=headers)
    body = await refused.json()
    assert refused.status == 503 and first_problem("error", body) is None
    assert body["error"] == "guard_stopped" and "Lock Margin" in body["hint"]

    monkeypatch.setattr(Vault, "iter_texts", reads)  # the disk is well again
    assert (await client.post("/v1/lock", json={}, headers=headers)).status == 200
    assert (await client.post("/v1/unlock", json={"passphrase": PASSPHRASE},
                              headers=headers)).status == 200
    margin.holder._builder.join(30)
    found = await (await client.post("/v1/guard/check", json={"text": PROGRESS},
                                     headers=headers)).json()
    assert [m["note_id"] for m in found["matches"]] == [note["id"]]


def test_a_note_file_gone_while_indexing_is_passed_over_then_indexed_when_it_returns(
        tmp_path: Path) -> None:
    """A sync engine or antivirus moves one note's file away during the first index: the
    other notes are indexed and the guard is ready (one missing file must not turn the
    guard off for every note); the state says how many were not read, and the note is
    indexed once its file is back."""
    vault = Vault.create(Home(tmp_path / "home"), PASSPHRASE, keystore=no_keychain(),
                         kdf=CHEAP_KDF)
    others = [vault.create_note(f"{PRIVATE} Session {n} of the series.", actor="cli").id
              for n in range(4)]
    moved = vault.create_note(f"{PRIVATE} The session that was moved away.", actor="cli")
    session = vault._require()
    body = session.index.versions.body(moved.version)
    relative = session.index.objects[body or ""][0]
    held = tmp_path / "quarantine"
    (vault.home.vault_dir / relative).rename(held)

    fingerprints = NoteFingerprints(vault)
    fingerprints.build()
    state = fingerprints.state()
    assert state == {"state": "ready", "unread": 1}
    assert first_problem("guard-state", state) is None
    said = guard_words(state) or ""
    assert "read 1 of your" in said and "arrived" in said
    assert {m.note_id for m in fingerprints.check(PROGRESS)} == set(others)

    held.rename(vault.home.vault_dir / relative)  # the file is back, as a sync brings it
    vault.refresh()
    assert fingerprints.state() == {"state": "ready"}
    assert {m.note_id for m in fingerprints.check(PROGRESS)} == {*others, moved.id}
