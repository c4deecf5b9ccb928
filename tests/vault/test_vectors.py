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
    return decode_records(path, data, subkey, vault_id, file_header, count, ">H")


def decode_records(path: Path, data: bytes, subkey: bytes, vault_id: bytes, file_header: bytes,
                   count: int, index_format: str) -> list[tuple[int, str, bytes]]:
    """The records after the file header, each authenticated with its position."""
    identity = vault_id + bytes.fromhex(path.parent.name) + bytes.fromhex(path.name)
    offset, found = len(file_header), []
    for index in range(count):
        record_header = data[offset : offset + 34]
        kind, flags, object_id, nonce, length = struct.unpack(">BB16s12sI", record_header)
        assert flags == 0
        sealed = data[offset + 34 : offset + 34 + length]
        aad = (b"margin/v1/object" + identity + file_header + struct.pack(index_format, index)
               + record_header)
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


# --- format 2 (tests/vectors/v2): key rings, key ids, packs; same decoder style -----------

V2 = VECTORS / "v2"
EXPECTED_V2 = json.loads((V2 / "expected.json").read_text("utf-8"))


def unwrap_ring(path: Path, passphrase: str) -> tuple[list[bytes], bytes]:
    data = path.read_bytes()
    header, wrapped = data[:84], data[84:]
    magic, version, kdf, flags, vault_id, t, m, p, salt, nonce, check = struct.unpack(
        ">8sHBB16sIII16s12s16s", header
    )
    assert (magic, version, kdf, flags) == (b"MARGINKY", 2, 1, 0)
    wrapping = hash_secret_raw(passphrase.encode(), salt, t, m, p, 32, Type.ID)
    blob = AESGCM(wrapping).decrypt(nonce, wrapped, b"margin/v1/key" + bytes.fromhex(path.name)
                                    + header)
    keys = [blob[at : at + 32] for at in range(0, len(blob), 32)]
    assert key_id(keys[0], vault_id) == check  # the current key comes first
    return keys, vault_id


def key_id(key: bytes, vault_id: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, vault_id, b"margin/v1/derive/key-check").derive(key)[:16]


def decode_v2_file(path: Path, keys: list[bytes], vault_id: bytes) -> list[tuple[int, str, bytes]]:
    data = path.read_bytes()
    file_header = data[:44]
    magic, version, count, sealed_with, salt = struct.unpack(">6sHI16s16s", file_header)
    assert (magic, version) == (b"MARGIN", 2)
    (key,) = [k for k in keys if key_id(k, vault_id) == sealed_with]
    subkey = HKDF(hashes.SHA256(), 32, salt, b"margin/v1/object").derive(key)
    return decode_records(path, data, subkey, vault_id, file_header, count, ">I")


def test_independent_decoder_reads_the_v2_vectors() -> None:
    (key_file,) = (V2 / "vault" / "keys").iterdir()
    keys, vault_id = unwrap_ring(key_file, EXPECTED_V2["passphrase"])
    assert [k.hex() for k in keys] == EXPECTED_V2["keys"]
    bodies, versions, audit = {}, {}, {}
    sealed_by = set()
    for path in sorted(p for p in (V2 / "vault" / "data").rglob("*") if p.is_file()):
        sealed_by.add(path.read_bytes()[12:28])
        for kind, object_id, plaintext in decode_v2_file(path, keys, vault_id):
            if kind == 1:
                bodies[object_id] = plaintext.decode()
            elif kind in (2, 3):
                versions[object_id] = json.loads(plaintext)
            elif kind == 4:
                entry = json.loads(plaintext)
                audit[entry["seq"]] = entry  # a pack and a segment never repeat an entry here
    assert sealed_by == {key_id(k, vault_id) for k in keys}  # a pack of the first key, then the new
    for note in EXPECTED_V2["notes"].values():
        for version_id, text in note["versions"].items():
            assert bodies[versions[version_id]["body"]] == text
    chain = [audit[seq] for seq in sorted(audit)]
    assert [e["action"] for e in chain] == EXPECTED_V2["audit_actions"]
    assert {"compact", "passphrase"} <= set(EXPECTED_V2["audit_actions"])
    previous = "0" * 64
    for entry in chain:
        assert entry["prev"] == previous
        previous = hashlib.sha256(
            json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
        ).hexdigest()


def test_margin_opens_the_v2_vectors_and_refuses_the_old_passphrase(tmp_path: Path) -> None:
    from margin.errors import WrongPassphrase

    home = Home(tmp_path / "home")
    home.root.mkdir()
    shutil.copytree(V2 / "vault", home.vault_dir)
    with pytest.raises(WrongPassphrase):
        Vault.open(home, keystore=no_keychain()).unlock_with_passphrase(
            EXPECTED_V2["old_passphrase"])
    vault = Vault.open(home, keystore=no_keychain())
    vault.unlock_with_passphrase(EXPECTED_V2["passphrase"], remember=False)
    for note_id, note in EXPECTED_V2["notes"].items():
        for version_id, text in note["versions"].items():
            assert vault.get_note(note_id, actor="test", version=version_id).text == text
    assert vault.verify_audit().ok
    assert vault.problems() == [] and vault.quarantined() == []
