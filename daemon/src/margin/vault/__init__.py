"""The encrypted vault: notes private at rest, crash-safe, tamper-evident, audited.

The format is documented in docs/FORMAT.md. The names below load on first use (PEP 562),
so a command that only asks whether a vault exists does not pay for the cryptography.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from margin.vault.crypto import KdfParams
    from margin.vault.keystore import KeyStore
    from margin.vault.model import (
        AuditEntry,
        AuditReport,
        Note,
        NoteSummary,
        Problem,
        QuarantinedFile,
        VersionMeta,
    )
    from margin.vault.vault import UNSET, Vault

_WHERE = {
    "KdfParams": "crypto", "KeyStore": "keystore", "AuditEntry": "model",
    "AuditReport": "model", "Note": "model", "NoteSummary": "model", "Problem": "model",
    "QuarantinedFile": "model", "VersionMeta": "model", "UNSET": "vault", "Vault": "vault",
}


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'margin.vault' has no attribute {name!r}")
    return getattr(importlib.import_module(f"margin.vault.{_WHERE[name]}"), name)


__all__ = [
    "UNSET",
    "AuditEntry",
    "AuditReport",
    "KdfParams",
    "KeyStore",
    "Note",
    "NoteSummary",
    "Problem",
    "QuarantinedFile",
    "Vault",
    "VersionMeta",
]
