"""The vault locks by itself after the idle time the clinician chose, and after sleep."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from margin import holder as holder_module
from margin.holder import VaultHolder
from margin.home import Home
from margin.vault import KeyStore

PASSPHRASE = "a passphrase long enough to use"


@pytest.fixture
def holder(tmp_path: Path) -> VaultHolder:
    import keyring.backends.fail

    made = VaultHolder(Home(tmp_path), keystore=KeyStore(keyring.backends.fail.Keyring()))
    made.create(PASSPHRASE, actor="test")
    return made


def test_not_due_while_in_use(holder: VaultHolder) -> None:
    assert holder.unlocked and holder.auto_lock_due() is None


def test_due_after_the_chosen_idle_time(holder: VaultHolder) -> None:
    holder.settings.auto_lock_minutes = 5
    holder._last_activity = time.monotonic() - 4 * 60
    assert holder.auto_lock_due() is None
    holder._last_activity = time.monotonic() - 5 * 60 - 1
    assert holder.auto_lock_due() == "idle"
    holder.lock(actor="auto-lock:idle")
    assert not holder.unlocked
    assert holder.auto_lock_due() is None  # nothing to lock any more


def test_any_vault_request_counts_as_activity(holder: VaultHolder) -> None:
    holder._last_activity = time.monotonic() - 3600
    holder.require()
    assert holder.auto_lock_due() is None


def test_due_after_the_machine_slept(holder: VaultHolder,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    base = holder_module._sleep_offset()
    monkeypatch.setattr(holder_module, "_sleep_offset", lambda: base + 600)  # 10 min asleep
    assert holder.auto_lock_due() == "sleep"


def test_lock_wipes_access_until_unlocked_again(holder: VaultHolder) -> None:
    note = holder.require().create_note("private words", actor="test")
    holder.lock(actor="test")
    with pytest.raises(Exception, match="locked"):
        holder.require()
    holder.unlock(PASSPHRASE, actor="test")
    assert holder.require().get_note(note.id, actor="test").text == "private words"
