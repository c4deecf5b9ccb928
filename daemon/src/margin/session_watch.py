"""Lock the vault when the desktop session locks or the machine is about to sleep.

On Linux these are D-Bus signals: the screen saver's ActiveChanged(true) on the session
bus (freedesktop and GNOME names), and logind's Lock / PrepareForSleep(true) on the system
bus. jeepney (already required by keyring's Secret Service backend) speaks D-Bus in pure
Python. Where a bus is missing (a headless box, macOS, Windows) the watch quietly does
nothing; the idle timer and the sleep check of ``margin.holder`` still apply.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

log = logging.getLogger("margin.session")

try:
    from jeepney import Message
    from jeepney.bus_messages import MatchRule, message_bus
    from jeepney.io.asyncio import Proxy, open_dbus_router

    HAVE_DBUS = True
except ImportError:  # pragma: no cover - jeepney is only installed on Linux
    HAVE_DBUS = False

SESSION_RULES = [
    ("org.freedesktop.ScreenSaver", "ActiveChanged"),
    ("org.gnome.ScreenSaver", "ActiveChanged"),
]
SYSTEM_RULES = [
    ("org.freedesktop.login1.Session", "Lock"),
    ("org.freedesktop.login1.Manager", "PrepareForSleep"),
]

OnLock = Callable[[str], Awaitable[None]]


def _means_lock(member: str, body: tuple[object, ...]) -> bool:
    """Lock always means lock; the other two signals carry True when it starts."""
    return member == "Lock" or bool(body and body[0] is True)


# Said once, at start, where no desktop session bus answers (a server, a container, ssh):
# not an error, but the clinician should know what it means for locking.
NO_SESSION_BUS = (
    "Margin cannot hear this computer's screen lock here (there is no desktop session bus), "
    "so locking the screen does not lock Margin. It still locks itself after the idle time "
    "you chose, and 'margin lock' locks it at once."
)


async def _watch_bus(bus: str, rules: list[tuple[str, str]], on_lock: OnLock) -> None:
    try:
        async with open_dbus_router(bus=bus) as router:
            queue: asyncio.Queue[Message] = asyncio.Queue()
            bus_proxy = Proxy(message_bus, router)
            handles = []
            for interface, member in rules:
                rule = MatchRule(type="signal", interface=interface, member=member)
                await bus_proxy.AddMatch(rule)
                handles.append(router.filter(rule, queue=queue))
            log.info("watching the %s bus for screen locks and sleep", bus.lower())
            while True:
                message = await queue.get()
                member = message.header.fields.get(3, "")  # HeaderFields.member
                if _means_lock(str(member), tuple(message.body)):
                    await on_lock(f"session:{member}")
    except (OSError, KeyError, ValueError, RuntimeError):
        # No such bus here (KeyError: no address in the environment), or it went away. The
        # system bus only adds logind's lock and sleep signals: its absence is not worth a word.
        if bus == "SESSION":
            log.info(NO_SESSION_BUS)
        else:
            log.debug("no system bus: logind's lock and sleep signals are not watched")


async def watch_session(on_lock: OnLock) -> None:
    """Run until cancelled, calling ``on_lock(reason)`` whenever the session locks."""
    if not HAVE_DBUS:
        return
    await asyncio.gather(
        _watch_bus("SESSION", SESSION_RULES, on_lock),
        _watch_bus("SYSTEM", SYSTEM_RULES, on_lock),
    )
