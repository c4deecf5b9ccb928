"""The daemon: the application object behind HTTP on 127.0.0.1 and nowhere else.

Every route comes from the OpenAPI document: one thin handler per operation takes the
checked request (``request_checks``), calls ``Margin.call`` in a worker thread (the vault
fsyncs) and answers with the operation's success status.
"""

from __future__ import annotations

import asyncio
import contextvars
import errno
import functools
import logging
import signal
import socket
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import unquote

from aiohttp import web
from aiohttp.abc import AbstractAccessLogger

from margin import errors, runtime
from margin.contract import Operation, operations
from margin.home import Home
from margin.logsafe import log_bugs_safely
from margin.server.request_checks import check_requests
from margin.server.served import BODY_KEY, CALLER_KEY, SERVED_KEY, Served
from margin.service import Margin

LOOPBACK = "127.0.0.1"
MAX_BODY_BYTES = 2 * 1024 * 1024  # a very long note is ~200 KB; exports are not uploaded here
MAX_UPLOAD_BYTES = 512 * 1024 * 1024  # an export dropped on the vault page

log = logging.getLogger("margin.server")

# Checks of text load their rules and models on first use, seconds each on a slow machine,
# and several can arrive at once (the panel lints, the page's guard checks). They run on
# threads of their own, so a save never waits for a free thread behind them: in a browser
# test a save after a page reload once waited ten seconds that way.
TEXT_CHECKS = frozenset({"lint", "guard_check", "check", "review", "review_files", "lint_vault"})
CHECK_THREADS = 2
_CHECKS_KEY = web.AppKey("text_checks", ThreadPoolExecutor)


class PathOnlyAccessLogger(AbstractAccessLogger):
    """Access log without query strings or headers: those may carry a client's name."""

    def log(self, request: web.BaseRequest, response: web.StreamResponse, time: float) -> None:
        self.logger.info("%s %s %s %.1fms", request.method, request.path, response.status,
                         time * 1000)


def create_app(margin: Margin, *, port: int = 0, cli_token: str = "") -> web.Application:
    app = web.Application(middlewares=[check_requests], client_max_size=MAX_BODY_BYTES)
    app[SERVED_KEY] = Served(margin, port, cli_token)
    app[_CHECKS_KEY] = ThreadPoolExecutor(CHECK_THREADS, thread_name_prefix="margin-check")
    app.on_cleanup.append(_stop_text_checks)
    for operation in operations():
        app.router.add_route(operation.method, operation.path, _handler(operation),
                             name=operation.name)
    return app


def _handler(operation: Operation) -> Callable[[web.Request], Awaitable[web.Response]]:
    async def handle(request: web.Request) -> web.Response:
        margin = request.app[SERVED_KEY].margin
        given: dict[str, Any] = dict(request.match_info)
        if operation.raw_upload:
            given["filename"] = _upload_name(request)
            given["data"] = await _read_capped(request, MAX_UPLOAD_BYTES)
            given["thumbnails"] = request.query.get("thumbnails") == "true"  # see the OpenAPI
        call = functools.partial(margin.call, operation.name, caller=request[CALLER_KEY],
                                 body=request[BODY_KEY], **given)
        if operation.name in TEXT_CHECKS:
            threads = request.app[_CHECKS_KEY]
            result = await asyncio.get_running_loop().run_in_executor(
                threads, contextvars.copy_context().run, call)  # as asyncio.to_thread does
        else:
            result = await asyncio.to_thread(call)
        return web.json_response(result, status=operation.success_status)

    return handle


async def _stop_text_checks(app: web.Application) -> None:
    app[_CHECKS_KEY].shutdown(wait=False, cancel_futures=True)


def _upload_name(request: web.Request) -> str:
    """The dropped file's name (X-Margin-Filename), without any folder part."""
    name = unquote(request.headers.get("X-Margin-Filename", "")).strip()
    return name.replace("\\", "/").rsplit("/", 1)[-1].replace("\x00", "") or "dropped file"


async def _read_capped(request: web.Request, limit: int) -> bytes:
    chunks, size = [], 0
    async for chunk in request.content.iter_chunked(1 << 20):
        size += len(chunk)
        if size > limit:
            raise errors.PayloadTooLarge(
                message="That file is larger than Margin checks from the browser (512 MB).",
                hint="Check it with 'margin scan FILE' in a terminal instead; nothing was lost.")
        chunks.append(chunk)
    return b"".join(chunks)


def bind_loopback_socket(port: int) -> socket.socket:
    """A listening socket on 127.0.0.1 only. Port 0 picks a free port (tests)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((LOOPBACK, port))
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise errors.PortInUse() from None
        raise
    sock.listen(128)
    sock.setblocking(False)
    return sock


def serve(home: Home, port: int, announce: Callable[[Served], None]) -> None:
    """Run the daemon in the foreground until interrupted. Refuses a second daemon."""
    home.ensure()
    lock = runtime.InstanceLock(home)
    lock.acquire()
    try:
        sock = bind_loopback_socket(port)
        info = runtime.publish(home, sock.getsockname()[1])
        app = create_app(Margin(home), port=info.port, cli_token=info.cli_token)
        try:
            asyncio.run(_run(app, sock, lambda: announce(app[SERVED_KEY])))
        finally:
            runtime.withdraw(home, info)
    finally:
        lock.release()


async def _run(app: web.Application, sock: socket.socket, on_ready: Callable[[], None]) -> None:
    runner = web.AppRunner(app, access_log_class=PathOnlyAccessLogger, handle_signals=False)
    await runner.setup()
    await web.SockSite(runner, sock).start()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    log_bugs_safely(loop, log)
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    margin = app[SERVED_KEY].margin
    margin.start()
    on_ready()
    try:
        await stop.wait()
    finally:
        await runner.cleanup()
        await asyncio.to_thread(margin.stop)
