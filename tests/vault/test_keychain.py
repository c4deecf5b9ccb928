"""The OS keychain: a real Secret Service (gnome-keyring under dbus-run-session), and the
no-keychain path, where Margin says so plainly and never stores the key in clear.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import ClassVar

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null

from margin.errors import KeychainUnavailable
from margin.home import Home
from margin.vault import KeyStore, Vault

from .helpers import CHEAP_KDF, PASSPHRASE, no_keychain

SECRET_SERVICE_ROUND_TRIP = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from keyring.backends import SecretService
    from margin.home import Home
    from margin.vault import KdfParams, KeyStore, Vault

    backend = SecretService.Keyring()
    keystore = KeyStore(backend)
    assert keystore.usable, keystore.unavailable_reason
    home = Home(Path(sys.argv[1]))
    vault = Vault.create(home, "pass phrase", keystore=keystore, kdf=KdfParams(1, 8192, 1))
    assert vault.keychain_status == "stored", vault.keychain_status
    note = vault.create_note("kept secret", actor="cli", client="Client")
    vault.lock()
    again = Vault.open(home, keystore=keystore)
    again.unlock_from_keychain()  # no passphrase needed
    assert again.get_note(note.id, actor="cli").text == "kept secret"
    keystore.forget(again.vault_id)
    third = Vault.open(home, keystore=keystore)
    try:
        third.unlock_from_keychain()
    except Exception as error:
        print("AFTER-FORGET", type(error).__name__)
    print("ROUND-TRIP-OK")
    """
)


def _under_secret_service(tmp_path: Path, script: str, keyring_start: str) -> str:
    """Run a Python script in a fresh D-Bus session with gnome-keyring; its output."""
    programs = ("dbus-run-session", "gnome-keyring-daemon")
    missing = [p for p in programs if shutil.which(p) is None]
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed (scripts/system-deps.sh installs them)")
    script_file = tmp_path / "under_keyring.py"
    script_file.write_text(script)
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    home = tmp_path / "home"
    python = sys.executable
    shell = f'eval "$({keyring_start})" >/dev/null; exec "{python}" "{script_file}" "{home}"'
    env = {
        **os.environ,
        "HOME": str(tmp_path),
        "XDG_RUNTIME_DIR": str(runtime),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    done = subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", shell],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    return done.stdout + done.stderr


def test_round_trip_with_a_real_secret_service(tmp_path: Path) -> None:
    # An unlocked login keyring that lives in tmp_path only (an empty keyring password
    # makes gnome-keyring ask a GUI prompter, which fails headless).
    unlocked = 'printf "test-keyring-password" | gnome-keyring-daemon --unlock --components=secrets'
    output = _under_secret_service(tmp_path, SECRET_SERVICE_ROUND_TRIP, unlocked)
    assert "ROUND-TRIP-OK" in output, output
    assert "AFTER-FORGET KeyNotInKeychain" in output


LOCKED_KEYCHAIN = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from keyring.backends import SecretService
    from margin.home import Home
    from margin.vault import KdfParams, KeyStore, Vault

    keystore = KeyStore(SecretService.Keyring())
    home = Home(Path(sys.argv[1]))
    vault = Vault.create(home, "pass phrase", keystore=keystore, kdf=KdfParams(1, 8192, 1))
    print("STATUS", vault.keychain_status)
    vault.lock()
    locked = Vault.open(home, keystore=keystore)
    try:
        locked.unlock_from_keychain()
    except Exception as error:
        print("REFUSED", type(error).__name__, error.hint)
    locked.unlock_with_passphrase("pass phrase", remember=False)
    print("PASSPHRASE-OK", locked.is_unlocked)
    """
)


def test_a_keychain_that_refuses_falls_back_to_the_passphrase(tmp_path: Path) -> None:
    # No login keyring: storing needs a GUI prompt, which cannot be shown, so it is refused.
    output = _under_secret_service(
        tmp_path, LOCKED_KEYCHAIN, "gnome-keyring-daemon --start --components=secrets"
    )
    assert "STATUS not stored: The keychain refused" in output, output
    assert "REFUSED KeychainDenied" in output or "REFUSED KeyNotInKeychain" in output, output
    assert "PASSPHRASE-OK True" in output, output


class PlaintextKeyring(KeyringBackend):
    """Stands in for keyrings.alt's file backends: stores secrets readable by anyone."""

    priority = 1  # type: ignore[assignment]
    stored: ClassVar[dict[tuple[str, str], str]] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.stored.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.stored[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.stored.pop((service, username), None)


PlaintextKeyring.__module__ = "keyrings.alt.file"


@pytest.mark.parametrize(
    "backend",
    [fail.Keyring(), null.Keyring(), PlaintextKeyring()],
    ids=["fail", "null", "keyrings.alt-plaintext"],
)
def test_no_usable_keychain_means_passphrase_only_said_plainly(
    home: Home, backend: KeyringBackend
) -> None:
    keystore = KeyStore(backend)
    assert not keystore.usable
    vault = Vault.create(home, PASSPHRASE, keystore=keystore, kdf=CHEAP_KDF)
    assert vault.keychain_status.startswith("not stored:")
    assert "passphrase" in vault.keychain_status
    assert PlaintextKeyring.stored == {}  # the key never went to a plaintext store
    vault.lock()
    locked = Vault.open(home, keystore=keystore)
    with pytest.raises(KeychainUnavailable) as refused:
        locked.unlock_from_keychain()
    assert "passphrase" in refused.value.hint.lower()
    locked.unlock_with_passphrase(PASSPHRASE)  # the fallback works
    assert locked.is_unlocked


def test_a_chained_backend_with_a_plaintext_link_is_refused() -> None:
    from keyring.backends.chainer import ChainerBackend

    chained = ChainerBackend()
    chained.__dict__["backends"] = [PlaintextKeyring()]
    assert "plain file" in (KeyStore(chained).unavailable_reason or "")


def test_vault_default_does_not_fall_back_to_clear_storage(home: Home) -> None:
    vault = Vault.create(home, PASSPHRASE, keystore=no_keychain(), kdf=CHEAP_KDF)
    vault.lock()
    raw_key_files = list((home.vault_dir / "keys").iterdir())
    assert len(raw_key_files) == 1 and raw_key_files[0].stat().st_size == 84 + 48
