"""No plaintext at rest: distinctive words, client names and EHR ids appear in no file
under the Margin home (vault, index, quarantine, temp files, settings), in UTF-8 or UTF-16.
"""

from __future__ import annotations

from pathlib import Path

from margin.home import Home
from margin.vault import Vault

from .helpers import reopen

SECRETS = [
    "Quillfeather",  # distinctive words from the note text
    "xylophonic nightmares",
    "Brunhilde Okonkwo-Vasquez",  # a client name
    "MRN-884213",  # EHR ids
    "appt-5523019",
    "simplepractice.example",  # the site
    "grief-work",  # a tag
]


def _encodings(secret: str) -> list[bytes]:
    forms = {secret, secret.lower(), secret.upper(), secret.casefold()}
    return [form.encode(codec) for form in forms for codec in ("utf-8", "utf-16-le", "utf-16-be")]


def _hits(root: Path) -> list[str]:
    found = []
    for path in root.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            found += [
                f"{path.relative_to(root)}: {secret!r}"
                for secret in SECRETS
                if any(form in data for form in _encodings(secret))
            ]
        found += [
            f"file name {path.relative_to(root)}"
            for secret in SECRETS
            if secret.lower() in path.name.lower()
        ]
    return found


def test_no_secret_appears_in_any_file_or_name(vault: Vault, home: Home) -> None:
    note = vault.create_note(
        "Quillfeather said the xylophonic nightmares came back after the move.",
        actor="cli",
        client="Brunhilde Okonkwo-Vasquez",
        context={
            "site": "simplepractice.example",
            "appointment_date": "2024-03-04",
            "client_ref": "MRN-884213",
            "appointment_ref": "appt-5523019",
        },
        tags=["grief-work"],
    )
    vault.update_note(
        note.id, note.text + " Quillfeather again.", base_version=note.version, actor="cli"
    )
    vault.get_note(note.id, actor="cli")
    vault.record("disclosure", note.id, actor="cli", detail={"reason": "court order"})
    vault.flush_index()
    assert _hits(home.root) == []  # while unlocked
    vault.lock()
    again = reopen(home)
    again.delete_note(note.id, actor="cli")
    again.lock()
    assert _hits(home.root) == []  # after lock, a reopen and a delete
    assert len(list(home.root.rglob("*"))) > 5


def test_the_search_would_find_a_secret_written_in_clear(home: Home, vault: Vault) -> None:
    (home.local_dir / "stray.log").write_text("Brunhilde Okonkwo-Vasquez", encoding="utf-16")
    assert _hits(home.root) == ["local/stray.log: 'Brunhilde Okonkwo-Vasquez'"]
