"""A small synchronous WebDriver BiDi client (the W3C protocol Firefox speaks natively).

Debian's Firefox cannot be driven by Playwright, and geckodriver is not packaged; Firefox's
own remote agent (``--remote-debugging-port``) speaks WebDriver BiDi over a websocket, so the
tests talk to it directly with aiohttp's websocket client, already a daemon dependency. The
socket lives on an event loop in a background thread; callers block on each command.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

import aiohttp


class BidiError(AssertionError):
    """A command the browser refused, with the browser's own error and message."""


class BidiSession:
    def __init__(self, url: str) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        self._ids = itertools.count(1)
        self._pending: dict[int, Future[Any]] = {}
        self.listeners: list[Callable[[str, dict[str, Any]], None]] = []
        self._http: aiohttp.ClientSession | None = None
        self._ws: aiohttp.ClientWebSocketResponse | None = None
        self._run(self._connect(url), timeout=30)
        self._reader = asyncio.run_coroutine_threadsafe(self._read(), self._loop)

    def _run(self, coroutine: Any, timeout: float) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout)

    async def _connect(self, url: str) -> None:
        self._http = aiohttp.ClientSession()
        self._ws = await self._http.ws_connect(url, max_msg_size=0, heartbeat=None)

    async def _read(self) -> None:
        assert self._ws is not None
        async for message in self._ws:
            if message.type != aiohttp.WSMsgType.TEXT:
                break
            data = json.loads(message.data)
            waiter = self._pending.pop(data["id"], None) if "id" in data else None
            if waiter is not None and data.get("type") == "error":
                waiter.set_exception(BidiError(f"{data['error']}: {data.get('message')}"))
            elif waiter is not None:
                waiter.set_result(data.get("result"))
            elif data.get("type") == "event":
                for listener in list(self.listeners):
                    listener(data["method"], data["params"])
        for waiter in self._pending.values():
            waiter.set_exception(BidiError("the browser closed the connection"))

    def command(self, method: str, params: dict[str, Any], timeout: float = 30.0) -> Any:
        command_id = next(self._ids)
        waiter: Future[Any] = Future()
        self._pending[command_id] = waiter
        text = json.dumps({"id": command_id, "method": method, "params": params})
        assert self._ws is not None
        self._run(self._ws.send_str(text), timeout=10)
        return waiter.result(timeout)

    def close(self) -> None:
        async def shut() -> None:
            if self._ws is not None:
                await self._ws.close()
            if self._http is not None:
                await self._http.close()

        try:
            self._run(shut(), timeout=10)
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=10)
            # Closed here, in order, not by the garbage collector at interpreter exit, where
            # its self-pipe may already be gone (an unraisable error that fails the run).
            if not self._thread.is_alive():
                self._loop.close()


def remote_value(value: dict[str, Any]) -> Any:
    """A BiDi RemoteValue (what script.evaluate returns) as plain Python data."""
    kind = value.get("type")
    if kind in ("undefined", "null"):
        return None
    if kind in ("string", "boolean"):
        return value["value"]
    if kind == "number":
        number = value["value"]
        return number if not isinstance(number, str) else float(number.replace("Infinity", "inf"))
    if kind == "array":
        return [remote_value(item) for item in value.get("value", [])]
    if kind == "object":
        return {remote_value_key(k): remote_value(v) for k, v in value.get("value", [])}
    return value.get("value")


def remote_value_key(key: Any) -> Any:
    return key if isinstance(key, str) else remote_value(key)
