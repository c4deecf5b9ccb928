"""Helpers shared by the vault tests: a cheap KDF, no keychain, reopening a vault."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from keyring.backends import fail

from margin.home import Home
from margin.vault import KdfParams, KeyStore, Vault, objfile
from margin.vault.objfile import Kind, SealedObject

# Argon2id at its cheapest, so hundreds of unlocks fit in a test run; production uses
# KdfParams() (see bench/bench_vault.py for its cost).
CHEAP_KDF = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
PASSPHRASE = "correct horse battery staple"


def no_keychain() -> KeyStore:
    """keyring's fail backend: what a headless Linux box without Secret Service has."""
    return KeyStore(fail.Keyring())


def reopen(home: Home, **options: object) -> Vault:
    options.setdefault("keystore", no_keychain())
    fresh = Vault.open(home, **options)  # type: ignore[arg-type]
    fresh.unlock_with_passphrase(PASSPHRASE)
    return fresh


def object_files(home: Home) -> list[Path]:
    return sorted(p for p in (home.vault_dir / "data").rglob("*") if p.is_file())


def vault_key(vault: Vault) -> bytearray:
    """The live key, for tests that play an insider who holds it (a forger)."""
    assert vault._session is not None
    return vault._session.key


def reseal(
    vault: Vault, path: Path, change: Callable[[list[SealedObject]], list[SealedObject]]
) -> None:
    """Rewrite an object file's contents with the real key, as a forger with the key could."""
    relative = path.relative_to(vault.home.vault_dir).as_posix()
    assert vault._session is not None
    identity = vault._session.identity(relative)
    objects = objfile.decode(vault_key(vault), identity, path.read_bytes())
    path.write_bytes(objfile.encode(vault_key(vault), identity, change(objects)))


def audit_files(vault: Vault) -> dict[int, Path]:
    """This device's audit entries by seq -> the file holding each."""
    found = {}
    assert vault._session is not None
    for path in object_files(vault.home):
        relative = path.relative_to(vault.home.vault_dir).as_posix()
        for item in objfile.decode(
            vault_key(vault), vault._session.identity(relative), path.read_bytes()
        ):
            if item.kind is Kind.AUDIT:
                found[json.loads(item.plaintext)["seq"]] = path
    return found
