"""The operation behind pairing with no code (`pair_natively`): only the local command may
ask for it, the token is bound to the origin, and with the vault unlocked it is audited."""

from __future__ import annotations

from pathlib import Path

import keyring.backends.fail
import pytest

from margin import errors
from margin.home import Home
from margin.service import COMMAND, Caller, Margin
from margin.vault import KdfParams, KeyStore

ORIGIN = "chrome-extension://fpnnpibeginceicokanofmpeadgagfge"
EXTENSION = Caller(kind="extension", actor="extension:test", id="t", origin=ORIGIN)


@pytest.fixture
def margin(tmp_path: Path) -> Margin:
    return Margin(Home(tmp_path / "home").ensure(),
                  keystore=KeyStore(keyring.backends.fail.Keyring()),
                  kdf=KdfParams(time_cost=1, memory_kib=8192, parallelism=1))


def test_only_the_command_may_pair_without_a_code(margin: Margin) -> None:
    with pytest.raises(errors.CliOnly):
        margin.call("pair_natively", caller=EXTENSION, body={"origin": ORIGIN, "name": "x"})
    with pytest.raises(errors.InvalidRequest):  # a web origin is not an extension's
        margin.call("pair_natively", caller=COMMAND,
                    body={"origin": "https://ehr.example", "name": "x"})
    assert margin.pairing_store.list() == []


def test_the_token_is_bound_to_its_origin_and_the_pairing_audited(margin: Margin) -> None:
    margin.call("create_vault", caller=COMMAND, body={"passphrase": "a passphrase long enough"})
    answer = margin.call("pair_natively", caller=COMMAND, body={"origin": ORIGIN, "name": "Chrome"})
    assert answer["pairing"]["via"] == "native" and answer["pairing"]["origin"] == ORIGIN
    assert margin.pairing_store.authenticate(answer["token"], ORIGIN).origin == ORIGIN
    with pytest.raises(errors.ForbiddenOrigin):
        margin.pairing_store.authenticate(answer["token"], "chrome-extension://" + "b" * 32)
    entries = margin.call("audit_view", caller=COMMAND)["entries"]
    paired = [e for e in entries if e["action"] == "pair"]
    assert len(paired) == 1 and paired[0]["detail"] == {"origin": ORIGIN, "via": "native"}
