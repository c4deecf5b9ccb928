"""Format test vectors (tests/vectors/): the checked-in vault opens to the expected plaintexts,
read once by Margin and once by a decoder written here from docs/FORMAT.md alone, so the
document and the code cannot drift apart.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import struct
from pathlib import Path

import pytest
from argon2.low_level import Type, hash_secret_raw
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from margin.home import Home
from margin.vault import Vault

from .helpers import no_keychain

VECTORS = Path(__file__).resolve().parent.parent / "vectors"
EXPECTED = json.loads((VECTORS / "expected.json").read_text("utf-8"))


# --- a decoder written from docs/FORMAT.md, sharing no code with margin.vault -------------


def unwrap_key_file(path: Path, passphrase: str) -> tuple[bytes, bytes]:
    data = path.read_bytes()
    header, wrapped = data[:84], data[84:]
    magic, version, kdf, flags, vault_id, t, m, p, salt, nonce, check = struct.unpack(
        ">8sHBB16sIII16s12s16s", header
    )
    assert (magic, version, kdf, flags, len(wrapped)) == (b"MARGINKY", 1, 1, 0, 48)
    wrapping = hash_secret_raw(passphrase.encode(), salt, t, m, p, 32, Type.ID)
    aad = b"margin/v1/key" + bytes.fromhex(path.name) + header
    key = AESGCM(wrapping).decrypt(nonce, wrapped, aad)
    derived = HKDF(hashes.SHA256(), 32, vault_id, b"margin/v1/derive/key-check").derive(key)
    assert check == derived[:16]
    return key, vault_id


def decode_object_file(path: Path, key: bytes, vault_id: bytes) -> list[tuple[int, str, bytes]]:
    data = path.read_bytes()
    file_header = data[:26]
    magic, version, count, salt = struct.unpack(">6sHH16s", file_header)
    assert (magic, version) == (b"MARGIN", 1)
    subkey = HKDF(hashes.SHA256(), 32, salt, b"margin/v1/object").derive(key)
    device_id, file_id = bytes.fromhex(path.parent.name), bytes.fromhex(path.name)
    offset, found = 26, []
    for index in range(count):
        record_header = data[offset : offset + 34]
        kind, flags, object_id, nonce, length = struct.unpack(">BB16s12sI", record_header)
        assert flags == 0
        sealed = data[offset + 34 : offset + 34 + length]
        aad = (
            b"margin/v1/object"
            + vault_id
            + device_id
            + file_id
            + file_header
            + struct.pack(">H", index)
            + record_header
        )
        padded = AESGCM(subkey).decrypt(nonce, sealed, aad)
        plaintext = padded.rstrip(b"\x00")
        assert plaintext.endswith(b"\x80") and len(padded) % 256 == 0
        found.append((kind, object_id.hex(), plaintext[:-1]))
        offset += 34 + length
    assert offset == len(data)
    return found


def test_independent_decoder_reads_the_vectors() -> None:
    (key_file,) = (VECTORS / "vault" / "keys").iterdir()
    key, vault_id = unwrap_key_file(key_file, EXPECTED["passphrase"])
    assert key.hex() == EXPECTED["vault_key"] and vault_id.hex() == EXPECTED["vault_id"]
    bodies, versions, audit = {}, {}, []
    for path in sorted((VECTORS / "vault" / "data").rglob("*")):
        if path.is_file():
            for kind, object_id, plaintext in decode_object_file(path, key, vault_id):
                if kind == 1:
                    bodies[object_id] = plaintext.decode()
                elif kind in (2, 3):
                    versions[object_id] = json.loads(plaintext)
                elif kind == 4:
                    audit.append(json.loads(plaintext))
    for note_id, note in EXPECTED["notes"].items():
        for version_id, text in note["versions"].items():
            assert versions[version_id]["note"] == note_id
            assert bodies[versions[version_id]["body"]] == text
            assert versions[version_id]["client"] == note["client"]
    audit.sort(key=lambda entry: entry["seq"])
    assert [entry["action"] for entry in audit] == EXPECTED["audit_actions"]
    previous = "0" * 64
    for entry in audit:  # the hash chain, per FORMAT.md
        assert entry["prev"] == previous
        previous = hashlib.sha256(
            json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
        ).hexdigest()


@pytest.fixture
def vector_home(tmp_path: Path) -> Home:
    home = Home(tmp_path / "home")
    home.root.mkdir()
    shutil.copytree(VECTORS / "vault", home.vault_dir)  # opening writes; never touch the originals
    return home


def test_margin_opens_the_vectors(vector_home: Home) -> None:
    vault = Vault.open(vector_home, keystore=no_keychain())
    vault.unlock_with_passphrase(EXPECTED["passphrase"], remember=False)
    assert vault.vault_id == EXPECTED["vault_id"]
    assert vault.device_id != EXPECTED["device_id"]  # this machine joins as a new device
    for note_id, note in EXPECTED["notes"].items():
        for version_id, text in note["versions"].items():
            assert vault.get_note(note_id, actor="test", version=version_id).text == text
        summary = next(n for n in vault.list_notes(include_deleted=True) if n.id == note_id)
        assert (summary.version, summary.deleted) == (note["current"], note.get("deleted", False))
        assert summary.client == note["client"]
    assert vault.verify_audit().ok
    assert vault.problems() == [] and vault.quarantined() == []


def test_vectors_refuse_a_wrong_passphrase(vector_home: Home) -> None:
    from margin.errors import WrongPassphrase

    with pytest.raises(WrongPassphrase):
        Vault.open(vector_home, keystore=no_keychain()).unlock_with_passphrase("wrong")
