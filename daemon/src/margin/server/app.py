"""The daemon: an aiohttp application on 127.0.0.1 and nowhere else."""

from __future__ import annotations

import asyncio
import errno
import logging
import signal
import socket
from collections.abc import Callable

from aiohttp import web
from aiohttp.abc import AbstractAccessLogger

from margin import errors, runtime
from margin.export_watch import ExportWatch
from margin.holder import VaultHolder
from margin.home import Home
from margin.logsafe import log_bugs_safely
from margin.scanning import ScanService
from margin.server import routes_checks, routes_core, routes_scan, routes_sync, routes_vault
from margin.server.guards import guard_middleware
from margin.server.pairing import PairingStore
from margin.server.state import STATE_KEY, AppState
from margin.session_watch import watch_session

LOOPBACK = "127.0.0.1"
DEFAULT_PORT = 47311
AUTO_LOCK_CHECK_SECONDS = 15
MAX_BODY_BYTES = 2 * 1024 * 1024  # a very long note is ~200 KB; exports are not uploaded here

log = logging.getLogger("margin.server")


class PathOnlyAccessLogger(AbstractAccessLogger):
    """Access log without query strings or headers: those may carry a client's name."""

    def log(self, request: web.BaseRequest, response: web.StreamResponse, time: float) -> None:
        self.logger.info("%s %s %s %.1fms", request.method, request.path, response.status,
                         time * 1000)


def create_app(state: AppState) -> web.Application:
    app = web.Application(middlewares=[guard_middleware], client_max_size=MAX_BODY_BYTES)
    app[STATE_KEY] = state
    app.add_routes(routes_core.routes)
    app.add_routes(routes_vault.routes)
    app.add_routes(routes_checks.routes)
    app.add_routes(routes_scan.routes)
    routes_sync.install(app)  # sync routes, and the vault-folder watcher's lifetime
    return app


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


def serve(home: Home, port: int, announce: Callable[[AppState], None]) -> None:
    """Run the daemon in the foreground until interrupted. Refuses a second daemon."""
    home.ensure()
    lock = runtime.InstanceLock(home)
    lock.acquire()
    try:
        sock = bind_loopback_socket(port)
        actual_port = sock.getsockname()[1]
        info = runtime.publish(home, actual_port)
        holder = VaultHolder(home)
        scans = ScanService(holder)
        state = AppState(
            home=home,
            port=actual_port,
            cli_token=info.cli_token,
            pairings=PairingStore(home.pairings_file),
            holder=holder,
            scans=scans,
            exports=ExportWatch(holder, scans),
        )
        try:
            asyncio.run(_run(create_app(state), sock, lambda: announce(state)))
        finally:
            runtime.withdraw(home, info)
    finally:
        lock.release()


async def _run(app: web.Application, sock: socket.socket, on_ready: Callable[[], None]) -> None:
    runner = web.AppRunner(app, access_log_class=PathOnlyAccessLogger, handle_signals=False)
    await runner.setup()
    site = web.SockSite(runner, sock)
    await site.start()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    log_bugs_safely(loop, log)
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    on_ready()
    holder = app[STATE_KEY].holder
    app[STATE_KEY].exports.start()
    watchers = [
        asyncio.create_task(_auto_lock_loop(holder)),
        asyncio.create_task(watch_session(lambda reason: _lock_now(holder, reason))),
    ]
    try:
        await stop.wait()
    finally:
        for watcher in watchers:
            watcher.cancel()
        app[STATE_KEY].exports.stop()
        await runner.cleanup()
        await asyncio.to_thread(app[STATE_KEY].holder.lock, actor="daemon:stop")


async def _auto_lock_loop(holder: VaultHolder) -> None:
    while True:
        await asyncio.sleep(AUTO_LOCK_CHECK_SECONDS)
        reason = holder.auto_lock_due()
        if reason is not None:
            await _lock_now(holder, reason)


async def _lock_now(holder: VaultHolder, reason: str) -> None:
    if holder.unlocked:
        log.info("locking the vault (%s)", reason)
        await asyncio.to_thread(holder.lock, actor=f"auto-lock:{reason}")
