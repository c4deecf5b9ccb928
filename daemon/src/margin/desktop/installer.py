"""`margin setup` and `margin setup --undo`: what they change, never the vault.

Setup writes three kinds of files, all outside the vault: the login entry, the native
messaging host manifests (one per browser) and the host's launcher. Running it again
rewrites the same files; undo removes exactly those. Pairings and settings stay, so undoing
and setting up again leaves the extension paired.
"""

from __future__ import annotations

from pathlib import Path

from margin import errors, runtime
from margin.desktop.autostart import LoginEntry
from margin.desktop.hosts import AllowedIds, HostPlaces
from margin.desktop.launch import Launch, Platform, current_platform
from margin.desktop.report import Step, done
from margin.home import Home
from margin.settings import EXTENSION_ID, Settings


def _remember_ids(home: Home, new_ids: list[str]) -> Settings:
    settings = Settings.load(home)
    for extension_id in new_ids:
        if not EXTENSION_ID.match(extension_id):
            raise errors.NotAnExtensionId()
    if new_ids:
        settings.update(home, {"extension_ids": [*settings.extension_ids, *new_ids]})
    return settings


def setup(home: Home, *, new_ids: list[str] | None = None, user_home: Path | None = None,
          platform: Platform | None = None) -> list[Step]:
    platform = platform or current_platform()
    user_home = user_home or Path.home()
    home.ensure()
    settings = _remember_ids(home, new_ids or [])
    launch = Launch.for_home(home)
    ids = AllowedIds.load(settings.extension_ids)
    steps = HostPlaces(platform, user_home, home).register(launch, ids)
    running = runtime.read(home) is not None
    steps += LoginEntry(platform, user_home).install(launch, already_running=running)
    if running:
        steps.append(done("Margin is already running; it was left as it is."))
    return steps


def undo(home: Home, *, user_home: Path | None = None,
         platform: Platform | None = None) -> list[Step]:
    platform = platform or current_platform()
    user_home = user_home or Path.home()
    steps = LoginEntry(platform, user_home).remove()
    steps += HostPlaces(platform, user_home, home).unregister()
    steps.append(done(f"Your vault and settings were not touched ({home.root})."))
    return steps
