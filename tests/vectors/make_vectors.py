"""Writes the format test vectors in this folder: a small vault plus expected.json.

Run once (``python tests/vectors/make_vectors.py``) and commit the result; the files must
then never change, because ``tests/vault/test_vectors.py`` checks that every later Margin
still opens them to the same plaintexts. Regenerate only with a new format version.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

from keyring.backends import fail

from margin.home import Home
from margin.vault import KdfParams, KeyStore, Vault

HERE = Path(__file__).parent
PASSPHRASE = "margin test vectors, not a secret"
KDF = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        home = Home(Path(tmp) / "home")
        vault = Vault.create(
            home,
            PASSPHRASE,
            keystore=KeyStore(fail.Keyring()),
            kdf=KDF,
            device_name="vector device",
        )
        first = vault.create_note(
            "Session felt slower today. Ünïcödé and emoji 🌊 survive.",
            actor="cli",
            client="Test Client A",
            context={"site": "generic", "appointment_date": "2024-02-29"},
            tags=["vector"],
        )
        second = vault.update_note(
            first.id, "Edited text.", base_version=first.version, actor="cli"
        )
        other = vault.create_note(
            "A second note, then deleted.", actor="extension:vectors", client="Test Client B"
        )
        tombstone = vault.delete_note(other.id, actor="cli")
        assert vault._session is not None
        expected = {
            "passphrase": PASSPHRASE,
            "vault_key": bytes(vault._session.key).hex(),
            "vault_id": vault.vault_id,
            "device_id": vault.device_id,
            "notes": {
                first.id: {
                    "client": "Test Client A",
                    "current": second.version,
                    "versions": {first.version: first.text, second.version: second.text},
                },
                other.id: {
                    "client": "Test Client B",
                    "current": tombstone.version,
                    "versions": {other.version: other.text},
                    "deleted": True,
                },
            },
            "audit_actions": [e.action for e in vault.audit_entries()],
        }
        save(vault, expected, HERE)


def save(vault: Vault, expected: dict[str, Any], here: Path) -> None:
    """Lock (its entry is the last), then copy the vault folder and write expected.json."""
    vault.lock()
    expected["audit_actions"].append("lock")
    target = here / "vault"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(vault.home.vault_dir, target)
    (here / "expected.json").write_text(json.dumps(expected, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
