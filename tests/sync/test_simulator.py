"""Three real daemons and a carrier with delays, reordering, duplicates, partial files,
vanishing files and the conflict-copy names of real engines: every device ends with the
same notes and heads, every acknowledged edit exists, concurrent edits are a conflict."""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.sync.cluster import Cluster, make_cluster

NAMES = ("a", "b", "c")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    made = make_cluster(tmp_path_factory.mktemp("cluster"))
    yield made
    made.stop()


def assert_every_acknowledged_version_everywhere(cluster: Cluster) -> None:
    for note_id, versions in cluster.acknowledged.items():
        for name in NAMES:
            assert versions <= cluster.history(name, note_id), (name, note_id)


def assert_nothing_quarantined_and_no_alert(cluster: Cluster) -> None:
    for name in NAMES:
        vault = cluster.api(name, "GET", "/v1/vault").json()
        assert vault["problems"] == 0 or _only_sync_copies(cluster, name), vault
        sync = cluster.api(name, "GET", "/v1/sync").json()
        assert not sync["alert"], sync["issues"]
        assert not list((cluster.folders[name] / "quarantine").rglob("*"))


def _only_sync_copies(cluster: Cluster, name: str) -> bool:
    """Problems listed are the engines' (identical) copies, reported and left alone."""
    audit = cluster.api(name, "GET", "/v1/audit").json()
    return audit["verification"]["ok"]


def test_three_devices_converge_through_a_bad_carrier(cluster: Cluster) -> None:
    cluster.carrier.rng = random.Random(7)
    notes = [cluster.create(name, f"first words from {name}") for name in NAMES]
    for round_number in range(6):
        for name in NAMES:
            note = notes[(round_number + NAMES.index(name)) % len(notes)]
            cluster.edit(name, note["id"], f"round {round_number} on {name}")
        for _ in range(12):
            cluster.carrier.step(chaos=True)
    final = cluster.converge()
    assert set(final) >= {n["id"] for n in notes}
    assert_every_acknowledged_version_everywhere(cluster)
    assert_nothing_quarantined_and_no_alert(cluster)
    copies = [p for f in cluster.folders.values() for p in (f / "data").rglob("*")
              if " " in p.name or "sync-conflict" in p.name]
    assert all(p.exists() for p in copies)  # the engines' copies are never deleted


def test_concurrent_edits_end_as_a_visible_conflict_and_a_merge_clears_it(
        cluster: Cluster) -> None:
    note = cluster.create("a", "the shared base")
    cluster.converge()
    base = note["version"]
    mine = cluster.edit("a", note["id"], "edited on a", base=base)
    theirs = cluster.edit("b", note["id"], "edited on b", base=base)
    assert mine is not None and theirs is not None  # both acknowledged
    final = cluster.converge()
    assert final[note["id"]]["conflict"]
    assert final[note["id"]]["heads"] == sorted([mine["version"], theirs["version"]])
    view = cluster.api("c", "GET", f"/v1/notes/{note['id']}/conflict").json()
    shown = {(h["text"], h["device"]) for h in view["heads"]}
    assert shown == {("edited on a", cluster.device_ids["a"]),
                     ("edited on b", cluster.device_ids["b"])}
    assert view["base"] == base and {h["device_label"] for h in view["heads"]}
    merged = cluster.edit("c", note["id"], "merged on c", base=view["heads"][0]["version"])
    assert merged is None  # naming one head only is refused: nothing dropped silently
    merged = cluster.edit("c", note["id"], "merged on c",
                          base=[h["version"] for h in view["heads"]])
    assert merged is not None and set(merged["parents"]) == {mine["version"], theirs["version"]}
    final = cluster.converge()
    assert final[note["id"]]["heads"] == [merged["version"]]
    assert not final[note["id"]]["conflict"]


def test_edit_on_one_device_and_delete_on_another_keeps_the_edit(cluster: Cluster) -> None:
    note = cluster.create("b", "to be edited and deleted")
    cluster.converge()
    edited = cluster.edit("a", note["id"], "kept edit", base=note["version"])
    deleted = cluster.daemons["c"].cli("POST", f"/v1/notes/{note['id']}/delete",
                                       {"base_version": note["version"]})
    assert edited is not None and deleted.status == 200
    final = cluster.converge()
    assert not final[note["id"]]["deleted"] and final[note["id"]]["conflict"]
    listed = cluster.api("c", "POST", "/v1/notes/search", {}).json()["notes"]
    assert note["id"] in {n["id"] for n in listed}  # not hidden by the delete
    assert cluster.api("c", "GET", f"/v1/notes/{note['id']}").json()["text"] == "kept edit"
    view = cluster.api("a", "GET", f"/v1/notes/{note['id']}/conflict").json()
    assert sorted((h["deleted"], h["device"]) for h in view["heads"]) == sorted(
        [(False, cluster.device_ids["a"]), (True, cluster.device_ids["c"])])


operation = st.tuples(st.sampled_from(NAMES), st.sampled_from(["create", "edit", "edit"]),
                      st.integers(0, 5), st.integers(0, 8))


@settings(max_examples=6, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(script=st.lists(operation, min_size=3, max_size=10), seed=st.integers(0, 10**6),
       pair=st.permutations(NAMES))
def test_any_arrival_order_converges(cluster: Cluster, script: list[tuple[str, str, int, int]],
                                     seed: int, pair: list[str]) -> None:
    cluster.carrier.rng = random.Random(seed)
    made: list[str] = [cluster.create(script[0][0], "opening note")["id"]]
    for name, action, which, steps in script:
        if action == "create":
            made.append(cluster.create(name, f"note by {name}")["id"])
        else:
            cluster.edit(name, made[which % len(made)], f"{name} edits {steps}")
        for _ in range(steps):
            cluster.carrier.step(chaos=True)
    cluster.converge()
    # A concurrent edit from two devices that have the same version.
    target = made[-1]
    base = cluster.state(pair[0])[target]["heads"]
    first = cluster.edit(pair[0], target, "one side", base=base)
    second = cluster.edit(pair[1], target, "other side", base=base)
    assert first is not None and second is not None
    final = cluster.converge()
    assert final[target]["conflict"]
    assert {first["version"], second["version"]} <= set(final[target]["heads"])
    assert_every_acknowledged_version_everywhere(cluster)


def test_a_file_taken_away_by_the_provider_is_reported_until_it_returns(
        cluster: Cluster) -> None:
    own = cluster.folders["a"] / "data" / cluster.device_ids["a"]
    before = set(own.iterdir())
    cluster.create("a", "b reads this, then the provider takes the file away")
    (saved,) = set(own.iterdir()) - before  # one save is one file
    cluster.converge()  # b shows the note: it has read that file
    victim = cluster.folders["b"] / saved.relative_to(cluster.folders["a"])
    kept = victim.read_bytes()
    victim.unlink()
    issues = _wait_issues(cluster, "b", lambda found: any(i["alert"] for i in found))
    assert any(i["kind"] in ("lost_file", "missing") and i["device"] == cluster.device_ids["a"]
               for i in issues)
    victim.write_bytes(kept)  # the provider brings it back
    _wait_issues(cluster, "b", lambda found: not any(i["alert"] for i in found))


def _wait_issues(cluster: Cluster, name: str,
                 done: Callable[[list[dict[str, Any]]], bool]) -> list[dict[str, Any]]:
    deadline = time.monotonic() + 20
    while True:
        issues: list[dict[str, Any]] = cluster.api(name, "GET", "/v1/sync").json()["issues"]
        if done(issues):
            return issues
        assert time.monotonic() < deadline, issues
        time.sleep(0.1)
