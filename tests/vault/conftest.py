"""Shared fixtures for the vault tests: real folders, real files, a cheap KDF."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from margin.home import Home
from margin.vault import Vault

from .helpers import CHEAP_KDF, PASSPHRASE, no_keychain


@pytest.fixture
def home(tmp_path: Path) -> Home:
    return Home(tmp_path / "home")


@pytest.fixture
def make_vault(home: Home) -> Callable[..., Vault]:
    def make(**options: object) -> Vault:
        options.setdefault("keystore", no_keychain())
        options.setdefault("kdf", CHEAP_KDF)
        return Vault.create(home, PASSPHRASE, **options)  # type: ignore[arg-type]

    return make


@pytest.fixture
def vault(make_vault: Callable[..., Vault]) -> Vault:
    return make_vault()
