"""The OS keychain, through ``keyring``, refusing any backend that is not a real keychain.

Margin never keeps the vault key in clear. keyring's ``fail`` and ``null`` backends store
nothing, and ``keyrings.alt`` (and anything named plaintext) stores secrets in a file
readable by anyone who copies the disk; all of those are refused and the clinician is told
plainly that the key is only recoverable with the passphrase.
"""

from __future__ import annotations

import base64
import binascii

import keyring
import keyring.errors
from keyring.backend import KeyringBackend
from keyring.backends import fail as fail_backend

from margin.errors import KeychainDenied, KeychainUnavailable, KeyNotInKeychain

SERVICE = "Margin vault"
_REFUSED_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")


def refusal_reason(backend: KeyringBackend) -> str | None:
    """Why this backend cannot hold the key, or None when it is a real keychain."""
    module = type(backend).__module__
    name = type(backend).__name__
    if module.startswith(_REFUSED_MODULES[:2]):
        return "no keychain is available on this computer"
    if module.startswith(_REFUSED_MODULES[2]) or "plaintext" in name.lower():
        return f"the only keychain found ({module}.{name}) stores secrets in a plain file"
    chained = getattr(backend, "backends", None)
    if chained is not None:  # keyring's ChainerBackend: every link must be acceptable
        reasons = [refusal_reason(link) for link in chained]
        if not chained or any(reasons):
            return next((reason for reason in reasons if reason), "no keychain is available")
    return None


def _system_keyring() -> KeyringBackend:
    """keyring's choice for this computer; a broken keyring setup means no keychain."""
    try:
        return keyring.get_keyring()
    except Exception:
        return fail_backend.Keyring()


class KeyStore:
    """The vault key in the OS keychain, one entry per vault id."""

    def __init__(self, backend: KeyringBackend | None = None):
        self.backend = backend if backend is not None else _system_keyring()

    @property
    def unavailable_reason(self) -> str | None:
        return refusal_reason(self.backend)

    @property
    def usable(self) -> bool:
        return self.unavailable_reason is None

    def _require_usable(self) -> None:
        reason = self.unavailable_reason
        if reason is not None:
            raise KeychainUnavailable(
                f"Margin cannot use a keychain here: {reason}. The vault key is not kept there."
            )

    def store(self, vault_id: str, key: bytes | bytearray) -> None:
        self._require_usable()
        try:
            self.backend.set_password(SERVICE, vault_id, base64.b64encode(bytes(key)).decode())
        except keyring.errors.KeyringError as error:
            raise KeychainDenied() from error

    def load(self, vault_id: str) -> bytearray:
        self._require_usable()
        try:
            stored = self.backend.get_password(SERVICE, vault_id)
        except keyring.errors.KeyringError as error:
            raise KeychainDenied() from error
        if stored is None:
            raise KeyNotInKeychain()
        try:
            return bytearray(base64.b64decode(stored, validate=True))
        except binascii.Error as error:
            raise KeyNotInKeychain(
                hint="The keychain entry is damaged; unlock with your passphrase."
            ) from error

    def forget(self, vault_id: str) -> None:
        self._require_usable()
        try:
            self.backend.delete_password(SERVICE, vault_id)
        except keyring.errors.PasswordDeleteError:
            pass
        except keyring.errors.KeyringError as error:
            raise KeychainDenied() from error
