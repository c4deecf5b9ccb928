"""The encrypted vault: notes private at rest, crash-safe, tamper-evident, audited.

The format is documented in docs/FORMAT.md.
"""

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
