"""The application object (margin.service.Margin) in this process, and its HTTP face through
pytest-aiohttp's test client: the contract's rules hold whoever calls."""

from __future__ import annotations

import contextlib
import errno
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import keyring.backends.fail
import pytest
from aiohttp.test_utils import TestClient

from margin import errors
from margin import note_fingerprints as fingerprints_module
from margin.contract import operations
from margin.home import Home
from margin.server.app import create_app
from margin.service import COMMAND, Caller, Margin
from margin.vault import KdfParams, KeyStore

PASSPHRASE = "a passphrase long enough to use"
EXTENSION = Caller(kind="extension", actor="extension:test", id="test", origin="chrome-extension://"
                   + "a" * 32)
PRIVATE = ("She wondered aloud whether her brother's silence at the funeral was his way of "
           "punishing their mother for the years of drinking nobody named.")


@pytest.fixture
def margin(tmp_path: Path) -> Margin:
    return Margin(Home(tmp_path / "home").ensure(),
                  keystore=KeyStore(keyring.backends.fail.Keyring()),
                  kdf=KdfParams(time_cost=1, memory_kib=8192, parallelism=1))


@pytest.fixture
def unlocked(margin: Margin) -> Margin:
    margin.call("create_vault", caller=COMMAND, body={"passphrase": PASSPHRASE})
    return margin


ClientMaker = Callable[..., Awaitable[TestClient[Any, Any]]]


@pytest.fixture
async def http(unlocked: Margin, aiohttp_client: ClientMaker,
               unused_tcp_port: int) -> TestClient[Any, Any]:
    port = unused_tcp_port
    app = create_app(unlocked, port=port, cli_token="command-token")
    client = await aiohttp_client(app, server_kwargs={"port": port})
    token = (await (await client.post(
        "/v1/pair", json={"code": unlocked.pairing_store.new_code()},
        headers={"Origin": EXTENSION.origin})).json())["token"]
    client.session.headers.update({"Host": f"127.0.0.1:{port}", "Origin": EXTENSION.origin,
                                   "Authorization": f"Bearer {token}"})
    return client


# --- the contract and the code cannot drift --------------------------------------------------


def test_every_operation_has_its_method() -> None:
    for operation in operations():
        assert callable(getattr(Margin, operation.name, None)), operation.name


CLI_ONLY = [op for op in operations() if op.cli_only]


def test_the_document_marks_the_operations_that_read_this_computer() -> None:
    assert {op.name for op in CLI_ONLY} >= {"pairing_code", "scan", "watch_add", "check",
                                            "change_passphrase", "remove_device"}


@pytest.mark.parametrize("operation", CLI_ONLY, ids=lambda op: op.name)
async def test_cli_only_operations_refuse_the_extension(http: TestClient[Any, Any],
                                                        operation: Any) -> None:
    url = operation.path.format(device_id="0" * 32)
    reply = await http.request(operation.method, url, json={})
    assert reply.status == 403
    assert (await reply.json())["error"] == "cli_only"


@pytest.mark.parametrize("operation", CLI_ONLY, ids=lambda op: op.name)
def test_cli_only_operations_refuse_an_extension_in_process(unlocked: Margin,
                                                            operation: Any) -> None:
    with pytest.raises(errors.CliOnly):
        unlocked.call(operation.name, caller=EXTENSION, body={}, device_id="0" * 32)


# --- one schema whoever calls ------------------------------------------------------------------


@pytest.mark.parametrize("body", [
    {"text": "x" * 600_000},
    {"text": "fine", "client": {"name": "an object"}},
    {"text": 42},
    {"words": "no text"},
], ids=["too long", "client object", "text number", "no text"])
def test_a_bad_note_is_refused_in_process_too(unlocked: Margin, body: dict[str, Any]) -> None:
    with pytest.raises(errors.InvalidRequest):
        unlocked.call("create_note", caller=COMMAND, body=body)
    assert unlocked.call("search_notes", caller=COMMAND, body={})["notes"] == []


async def test_deeply_nested_json_is_a_plain_400(http: TestClient[Any, Any]) -> None:
    nested = "[" * 100_000 + "]" * 100_000
    reply = await http.post("/v1/notes", data=nested,
                            headers={"Content-Type": "application/json"})
    assert reply.status == 400
    assert (await reply.json())["error"] == "malformed_json"


# --- the fingerprint index follows the vault ----------------------------------------------


def _guard(margin: Margin, text: str) -> list[dict[str, Any]]:
    matches: list[dict[str, Any]] = margin.call("guard_check", caller=EXTENSION,
                                                body={"text": text})["matches"]
    return matches


def test_the_index_follows_every_change(unlocked: Margin) -> None:
    note = unlocked.call("create_note", caller=COMMAND, body={"text": PRIVATE})
    assert [m["note_id"] for m in _guard(unlocked, "Session went well. " + PRIVATE)] == [
        note["id"]]
    changed = unlocked.call("update_note", caller=COMMAND, note_id=note["id"],
                            body={"text": "Nothing alike now.", "base_version": note["version"]})
    assert _guard(unlocked, PRIVATE) == []
    unlocked.call("update_note", caller=COMMAND, note_id=note["id"],
                  body={"text": PRIVATE, "base_version": changed["version"]})
    current = unlocked.call("read_note", caller=COMMAND, note_id=note["id"])
    unlocked.call("delete_note", caller=COMMAND, note_id=note["id"],
                  body={"base_version": current["version"]})
    assert _guard(unlocked, PRIVATE) == []


async def test_the_index_follows_changes_made_over_http(http: TestClient[Any, Any]) -> None:
    made = await (await http.post("/v1/notes", json={"text": PRIVATE})).json()
    found = await (await http.post("/v1/guard/check", json={"text": PRIVATE})).json()
    assert [m["note_id"] for m in found["matches"]] == [made["id"]]


# --- lock always locks (docs/DESIGN.md, invariant 8) -----------------------------------------


def test_lock_on_a_full_disk_still_locks(unlocked: Margin, monkeypatch: pytest.MonkeyPatch) -> None:
    unlocked.call("create_note", caller=COMMAND, body={"text": PRIVATE})
    unlocked.holder.note_fingerprints()

    def disk_full(*args: Any, **kwargs: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fingerprints_module, "write_atomically", disk_full)
    state = unlocked.call("lock", caller=COMMAND)
    assert state["unlocked"] is False
    assert state["not_saved"] and "index" in state["not_saved"][0]
    with pytest.raises(errors.VaultLocked):
        unlocked.call("search_notes", caller=COMMAND, body={})


def test_background_work_starts_and_stops_in_one_call(unlocked: Margin) -> None:
    unlocked.start()
    unlocked.stop()
    assert unlocked.call("vault_state", caller=COMMAND)["unlocked"] is False



# --- a broken character from a paste (a lone UTF-16 surrogate) -------------------------------

BROKEN = "Mood low \ud83d today; said \"I can't\" twice \udc00 end."


def test_a_note_with_a_broken_character_is_stored_exactly(unlocked: Margin) -> None:
    note = unlocked.call("create_note", caller=COMMAND,
                         body={"text": BROKEN, "client": "A \ud800 B", "tags": ["x\udfff"]})
    unlocked.holder.lock(actor="test")
    unlocked.call("unlock", caller=COMMAND, body={"passphrase": PASSPHRASE})
    again = unlocked.call("read_note", caller=COMMAND, note_id=note["id"])
    assert (again["text"], again["client"], again["tags"]) == (BROKEN, "A \ud800 B", ["x\udfff"])
    changed = unlocked.call("update_note", caller=COMMAND, note_id=note["id"],
                            body={"text": BROKEN + "\ud800", "base_version": again["version"]})
    assert changed["text"] == BROKEN + "\ud800"


def test_checks_of_text_with_a_broken_character_keep_their_offsets(unlocked: Margin) -> None:
    unlocked.call("create_note", caller=COMMAND, body={"text": PRIVATE})
    text = "\ud83d Start. " + PRIVATE + " \udc00"
    [match] = _guard(unlocked, text)
    # UTF-16 offsets, as the page counts: each broken character is one unit
    assert text.encode("utf-16-le", "surrogatepass")[2 * match["start"]:2 * match["end"]] \
        .decode("utf-16-le") == PRIVATE.rstrip(".")[: match["end"] - match["start"]]
    said = "\ud800 Denies SI, HI. \udc00"
    [finding] = unlocked.call("lint", caller=COMMAND, body={"text": said})["findings"]
    units = said.encode("utf-16-le", "surrogatepass")
    flagged = units[2 * finding["start"]:2 * finding["end"]].decode("utf-16-le", "replace")
    assert "Denies SI, HI." in flagged


def test_a_broken_character_elsewhere_is_refused_plainly(unlocked: Margin) -> None:
    with pytest.raises(errors.BrokenCharacter):
        unlocked.call("record_event", caller=COMMAND,
                      body={"action": "disclosure", "detail": {"why": "\ud800"}})


async def test_broken_characters_over_http_are_never_a_500(http: TestClient[Any, Any]) -> None:
    raw = '{"text": "a \\ud800 b private words here", "client": "C \\udc00"}'
    made = await http.post("/v1/notes", data=raw, headers={"Content-Type": "application/json"})
    assert made.status == 201
    assert (await made.json())["text"] == "a \ud800 b private words here"
    for path in ("/v1/guard/check", "/v1/lint"):
        reply = await http.post(path, data='{"text": "x \\ud800 y"}',
                                headers={"Content-Type": "application/json"})
        assert reply.status == 200, path
    refused = await http.post("/v1/audit/events", data='{"action": "scan", "detail": {"a": '
                              '"\\ud800"}}', headers={"Content-Type": "application/json"})
    assert refused.status == 422 and (await refused.json())["error"] == "broken_character"


# --- paths that cannot name a file ------------------------------------------------------------

UNUSABLE_PATHS = ["/tmp/a\x00b", "/" + "x" * 5000, "/" + "/".join(["y" * 250] * 30)]


@pytest.mark.parametrize("path", UNUSABLE_PATHS, ids=["nul", "long name", "long path"])
@pytest.mark.parametrize(("name", "body_of"), [
    ("scan", lambda p: {"paths": [p]}),
    ("check", lambda p: {"path": p}),
    ("watch_add", lambda p: {"folder": p[:4096]}),
    ("watch_remove", lambda p: {"folder": p[:4096]}),
], ids=["scan", "check", "watch add", "watch remove"])
def test_an_unusable_path_is_a_plain_error(unlocked: Margin, name: str, body_of: Any,
                                           path: str) -> None:
    with pytest.raises((errors.PathUnusable, errors.WatchFolderMissing,
                        errors.WatchFolderUnknown)):
        unlocked.call(name, caller=COMMAND, body=body_of(path))


async def test_an_unusable_path_over_http_is_a_4xx(unlocked: Margin, aiohttp_client: ClientMaker,
                                                   unused_tcp_port: int) -> None:
    app = create_app(unlocked, port=unused_tcp_port, cli_token="command-token")
    client = await aiohttp_client(app, server_kwargs={"port": unused_tcp_port})
    headers = {"Host": f"127.0.0.1:{unused_tcp_port}", "Authorization": "Bearer command-token"}
    for path, body in [("/v1/scan", {"paths": ["a\x00b"]}),
                       ("/v1/check", {"path": "/" + "x" * 5000}),
                       ("/v1/watch", {"folder": "a\x00b"}),
                       ("/v1/watch/remove", {"folder": "a\x00b"})]:
        reply = await client.post(path, json=body, headers=headers)
        assert 400 <= reply.status < 500, (path, reply.status)


# --- a full disk ---------------------------------------------------------------------------------


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    def fill() -> None:
        def no_space(*args: Any, **kwargs: Any) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr("margin.durable.FileOps.create_exclusive", no_space)
        monkeypatch.setattr("margin.durable.FileOps.append", no_space)  # the audit journal

    return fill


def test_unlock_on_a_full_disk_says_so(unlocked: Margin, full_disk: Callable[[], None]) -> None:
    unlocked.call("lock", caller=COMMAND)
    full_disk()
    with pytest.raises(errors.DiskFull) as refused:
        unlocked.call("unlock", caller=COMMAND, body={"passphrase": PASSPHRASE})
    assert "nothing was lost" in (refused.value.message + refused.value.hint).lower()
    assert unlocked.call("vault_state", caller=COMMAND)["unlocked"] is False


def test_a_read_on_a_full_disk_says_the_access_could_not_be_recorded(
        unlocked: Margin, full_disk: Callable[[], None]) -> None:
    note = unlocked.call("create_note", caller=COMMAND, body={"text": PRIVATE})
    full_disk()
    with pytest.raises(errors.AccessNotRecorded) as refused:
        unlocked.call("read_note", caller=COMMAND, note_id=note["id"])
    words = (refused.value.message + " " + refused.value.hint).lower()
    assert "not saved" not in words and "nothing was lost" in words


def test_a_vault_holding_an_oversized_note_still_opens(unlocked: Margin) -> None:
    """A note longer than any entrance accepts (from an older Margin): left out of the index
    and reported, never a failed open; the other notes are still guarded."""
    vault = unlocked.holder.require()
    vault.create_note("word " * 600_000, actor="older-margin")
    guarded = unlocked.call("create_note", caller=COMMAND, body={"text": PRIVATE})
    unlocked.call("lock", caller=COMMAND)
    unlocked.call("unlock", caller=COMMAND, body={"passphrase": PASSPHRASE})
    assert unlocked.call("vault_state", caller=COMMAND)["not_indexed"] == 1
    assert [m["note_id"] for m in _guard(unlocked, PRIVATE)] == [guarded["id"]]
    unlocked.call("lock", caller=COMMAND)
    unlocked.call("unlock", caller=COMMAND, body={"passphrase": PASSPHRASE})
    assert unlocked.call("vault_state", caller=COMMAND)["not_indexed"] == 1


def test_journalled_reads_reach_the_vault_folder_in_the_background(unlocked: Margin) -> None:
    """Reads wait in the local journal (no file each); the background writes them out so the
    other devices see them, and only when something waits."""
    note = unlocked.call("create_note", caller=COMMAND, body={"text": PRIVATE})
    # The leak guard's first index is built in the background and journals its own pass
    # over the notes: wait for it, or that entry can land between the two flushes below.
    unlocked.holder.ready_wait = None
    unlocked.holder.note_fingerprints()
    unlocked.call("read_note", caller=COMMAND, note_id=note["id"])
    vault = unlocked.holder.require()
    assert vault.journalled() > 0
    assert unlocked.holder.flush_journal_if_waiting(0) is True
    assert vault.journalled() == 0
    assert unlocked.holder.flush_journal_if_waiting(0) is False


def _inotify_instances() -> int:
    count = 0
    for fd in Path("/proc/self/fd").iterdir():
        with contextlib.suppress(OSError):
            count += "inotify" in str(fd.readlink())
    return count


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="counts /proc's descriptors")
def test_a_margin_that_never_starts_holds_no_watch(tmp_path: Path) -> None:
    """A command run in-process makes a Margin and never starts it: it must not keep the
    system's inotify instances (128 a user), and start/stop must give them back."""
    before = _inotify_instances()
    made = [Margin(Home(tmp_path / f"home{i}").ensure()) for i in range(5)]
    assert _inotify_instances() == before
    made[0].start()
    made[0].stop()
    assert _inotify_instances() == before
