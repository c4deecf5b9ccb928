"""Recovery passphrases Margin makes for the clinician: strong, and easy to copy by hand."""

from __future__ import annotations

import secrets

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L
GROUPS, GROUP_LENGTH = 6, 5  # 30 characters of 31 symbols: about 148 bits


def new_recovery_passphrase() -> str:
    groups = (
        "".join(secrets.choice(ALPHABET) for _ in range(GROUP_LENGTH)) for _ in range(GROUPS)
    )
    return "-".join(groups)
