"""How `margin` commands talk to the daemon running for the same home.

They use the local token from the daemon's runtime file and send no Origin header, which
is how the daemon tells this user's own commands from web pages and extensions.
"""

from __future__ import annotations

import http.client
import json
from typing import Any

from margin import errors, runtime
from margin.home import Home

TIMEOUT_SECONDS = 30


class DaemonClient:
    def __init__(self, info: runtime.RuntimeInfo):
        self.info = info

    @classmethod
    def for_home(cls, home: Home) -> DaemonClient | None:
        """A client for the running daemon, or None when none runs for this home."""
        info = runtime.read(home)
        return cls(info) if info is not None else None

    def call(self, method: str, path: str, body: Any = None) -> Any:
        connection = http.client.HTTPConnection(
            "127.0.0.1", self.info.port, timeout=TIMEOUT_SECONDS
        )
        headers = {
            "Host": f"127.0.0.1:{self.info.port}",
            "Authorization": f"Bearer {self.info.cli_token}",
        }
        payload = None
        if body is not None:
            payload = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        try:
            connection.request(method, path, body=payload, headers=headers)
            response = connection.getresponse()
            raw = response.read()
        except OSError:
            raise errors.DaemonUnreachable() from None
        finally:
            connection.close()
        return _decode(response.status, raw)


def _decode(status: int, raw: bytes) -> Any:
    try:
        data = json.loads(raw) if raw else None
    except ValueError:
        raise errors.DaemonUnreachable() from None
    if status >= 400:
        raise RemoteError(data if isinstance(data, dict) else {}, status)
    return data


class RemoteError(errors.MarginError):
    """An error the daemon reported; shown as the daemon worded it."""

    def __init__(self, envelope: dict[str, Any], status: int):
        self.code = str(envelope.get("error", "error"))  # type: ignore[misc]
        self.http_status = status  # type: ignore[misc]
        super().__init__(envelope.get("message"), envelope.get("hint"))
