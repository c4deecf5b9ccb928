"""Writes the format-2 test vectors in this folder: a vault with a pack, an audit segment
and a key ring after a passphrase change, plus expected.json.

Run once (``python tests/vectors/v2/make_vectors.py``) and commit the result; the files
must then never change (``tests/vault/test_vectors.py`` checks every later Margin opens
them). The format-1 vectors in ``tests/vectors/vault`` stay as they are.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from keyring.backends import fail

from margin.home import Home
from margin.vault import KdfParams, KeyStore, Vault
from margin.vault.compact import Policy

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from make_vectors import save

HERE = Path(__file__).parent
FIRST = "margin v2 vectors, first passphrase"
PASSPHRASE = "margin v2 vectors, after the change"
KDF = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        home = Home(Path(tmp) / "home")
        vault = Vault.create(home, FIRST, keystore=KeyStore(fail.Keyring()), kdf=KDF,
                             device_name="vector device")
        first = vault.create_note("Packed text. Ünïcödé 🌊.", actor="cli", client="Client A",
                                  context={"site": "generic", "appointment_date": "2024-02-29"})
        second = vault.update_note(first.id, "Packed, edited.", base_version=first.version,
                                   actor="cli")
        vault.get_note(first.id, actor="cli")
        other = vault.create_note("Deleted before the pack.", actor="cli", client="Client B")
        tombstone = vault.delete_note(other.id, actor="cli")
        vault.flush_index()  # an audit segment
        vault.policy = Policy(min_files=2, min_age_seconds=0)
        vault.compact()  # one pack sealed with the first key; the small files retired
        vault.policy = Policy()  # no more packing: the lock below writes a segment only
        vault.change_passphrase(FIRST, PASSPHRASE, kdf=KDF)  # a ring of two keys
        later = vault.create_note("Sealed with the second key.", actor="cli", client="Client C")
        vault.get_note(later.id, actor="cli")
        assert vault._session is not None
        expected = {
            "passphrase": PASSPHRASE,
            "old_passphrase": FIRST,
            "keys": [bytes(key).hex() for key in vault._session.ring.keys],
            "vault_id": vault.vault_id,
            "device_id": vault.device_id,
            "notes": {
                first.id: {"client": "Client A", "current": second.version,
                           "versions": {first.version: first.text, second.version: second.text}},
                other.id: {"client": "Client B", "current": tombstone.version,
                           "versions": {other.version: other.text}, "deleted": True},
                later.id: {"client": "Client C", "current": later.version,
                           "versions": {later.version: later.text}},
            },
            "audit_actions": [e.action for e in vault.audit_entries()],
        }
        save(vault, expected, HERE)  # the lock entry goes out as the last segment


if __name__ == "__main__":
    main()
