"""Pairing: a one-time code from `margin pair`, exchanged once for a token bound to an origin.

Only SHA-256 hashes of tokens are kept (the tokens are 256 random bits, so a slow hash
adds nothing). All secret comparisons are constant-time. The pairing records live in the
machine-local folder; they hold no note text.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from margin import errors
from margin.durable import write_atomically

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read aloud, typed by hand
CODE_LENGTH = 8
CODE_LIFETIME_SECONDS = 5 * 60
CODE_MAX_ATTEMPTS = 5

# chrome-extension ids are 32 letters a-p; Firefox gives each install a random UUID.
EXTENSION_ORIGIN = re.compile(
    r"^(chrome-extension://[a-p]{32}|moz-extension://[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}"
    r"-[0-9a-f]{4}-[0-9a-f]{12})$"
)


def is_extension_origin(origin: str | None) -> bool:
    return bool(origin) and EXTENSION_ORIGIN.match(origin or "") is not None


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def normalize_code(typed: str) -> str:
    """Accept the code as people type it: any case, with or without the dash or spaces."""
    return re.sub(r"[\s-]", "", typed).upper()


def format_code(code: str) -> str:
    return f"{code[:4]}-{code[4:]}"


@dataclass
class Pairing:
    id: str
    origin: str
    name: str
    token_sha256: str
    created_at: float
    last_used_at: float | None = None

    def public(self) -> dict[str, Any]:
        """What `margin pair --list` and the API show: never the token hash."""
        return {
            "id": self.id,
            "origin": self.origin,
            "name": self.name,
            "created_at": self.created_at,
            "last_used_at": self.last_used_at,
        }


@dataclass
class PendingCode:
    code_sha256: str
    expires_at: float
    attempts_left: int


class PairingStore:
    """Paired extensions and the one pending code, persisted in ``pairings.json``."""

    def __init__(self, path: Path, clock: Any = time.time):
        self._path = path
        self._clock = clock
        self._lock = threading.Lock()
        self._pending: PendingCode | None = None
        self._pairings: list[Pairing] = self._load()

    def _load(self) -> list[Pairing]:
        try:
            raw = json.loads(self._path.read_text())
        except FileNotFoundError:
            return []
        except (OSError, ValueError) as exc:
            raise errors.PairingFileDamaged() from exc
        return [Pairing(**record) for record in raw.get("pairings", [])]

    def _save(self) -> None:
        body = {"version": 1, "pairings": [asdict(p) for p in self._pairings]}
        write_atomically(self._path, json.dumps(body, indent=2).encode())

    # --- the code ------------------------------------------------------------------------

    def new_code(self) -> str:
        """Start a pairing: any earlier code stops working. Returns the code to show."""
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        with self._lock:
            self._pending = PendingCode(
                code_sha256=_hash(code),
                expires_at=self._clock() + CODE_LIFETIME_SECONDS,
                attempts_left=CODE_MAX_ATTEMPTS,
            )
        return format_code(code)

    def redeem(self, typed_code: str, origin: str | None, name: str) -> tuple[Pairing, str]:
        """Exchange the code for a new token bound to ``origin``; returns (pairing, token)."""
        if not is_extension_origin(origin):
            raise errors.NotAnExtension()
        assert origin is not None
        with self._lock:
            pending = self._pending
            if pending is None or self._clock() > pending.expires_at:
                self._pending = None
                raise errors.NoPairingInProgress()
            if pending.attempts_left <= 0:
                raise errors.PairingLockedOut()
            if not hmac.compare_digest(_hash(normalize_code(typed_code)), pending.code_sha256):
                pending.attempts_left -= 1
                if pending.attempts_left <= 0:
                    raise errors.PairingLockedOut()
                raise errors.PairingCodeWrong(attempts_left=pending.attempts_left)
            self._pending = None
            token = secrets.token_urlsafe(32)
            pairing = Pairing(
                id=secrets.token_hex(4),
                origin=origin,
                name=name,
                token_sha256=_hash(token),
                created_at=self._clock(),
            )
            self._pairings.append(pairing)
            self._save()
        return pairing, token

    # --- tokens --------------------------------------------------------------------------

    def authenticate(self, token: str, origin: str | None, *, origin_required: bool = True
                     ) -> Pairing:
        """The pairing this token belongs to, if it was issued to this very origin.

        Chromium sends no Origin on GET requests from an extension that holds host
        permission for the daemon, so for reads ``origin_required`` is False: a token with
        no Origin is accepted, a token with any other origin never is. A web page cannot
        send a cross-origin request with a token and without its Origin.
        """
        presented = _hash(token)
        found: Pairing | None = None
        with self._lock:
            for pairing in self._pairings:  # no early exit: time does not tell which matched
                if hmac.compare_digest(presented, pairing.token_sha256):
                    found = pairing
        if found is None:
            raise errors.BadToken()
        if origin is None and origin_required:
            raise errors.ForbiddenOrigin()
        if origin is not None and not hmac.compare_digest(found.origin, origin):
            raise errors.ForbiddenOrigin()
        found.last_used_at = self._clock()
        return found

    def is_paired_origin(self, origin: str) -> bool:
        with self._lock:
            return any(hmac.compare_digest(p.origin, origin) for p in self._pairings)

    def list(self) -> list[Pairing]:
        with self._lock:
            return list(self._pairings)

    def revoke(self, pairing_id: str) -> Pairing:
        with self._lock:
            for pairing in self._pairings:
                if pairing.id == pairing_id:
                    self._pairings.remove(pairing)
                    self._save()
                    return pairing
        raise errors.UnknownPairing()
