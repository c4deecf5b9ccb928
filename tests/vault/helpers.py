"""Helpers shared by the vault tests: a cheap KDF, no keychain, reopening a vault."""

from __future__ import annotations

from pathlib import Path

from keyring.backends import fail

from margin.home import Home
from margin.vault import KdfParams, KeyStore, Vault

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
