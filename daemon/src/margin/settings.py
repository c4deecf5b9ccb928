"""Settings the clinician can change, kept in the machine-local folder (no note content)."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from margin.durable import write_atomically
from margin.home import Home

DEFAULT_AUTO_LOCK_MINUTES = 15
DEFAULT_GUARD_MIN_WORDS = 8  # the live leak guard's shortest run worth a warning
# A Chromium store id (32 letters a-p) or a Firefox add-on id (an email-like name or a {UUID}).
EXTENSION_ID = re.compile(r"^([a-p]{32}|[A-Za-z0-9._+-]+@[A-Za-z0-9._-]+|\{[0-9a-fA-F-]{36}\})$")


@dataclass
class Settings:
    auto_lock_minutes: int = DEFAULT_AUTO_LOCK_MINUTES
    guard_min_words: int = DEFAULT_GUARD_MIN_WORDS
    # Hints for the private notes themselves (long quotations, full names): off by default.
    private_note_hints: bool = False
    watch_folders: list[str] = field(default_factory=list)  # checked for new EHR exports
    # Store ids of Margin's extension allowed to use the native host, beyond the shipped ones
    # (store ids are known only at publication); set with `margin setup --extension-id`.
    extension_ids: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, home: Home) -> Settings:
        try:
            raw = json.loads(home.settings_file.read_text())
        except (OSError, ValueError):
            return cls()  # missing or damaged: the defaults are safe
        settings = cls()
        minutes = raw.get("auto_lock_minutes")
        if isinstance(minutes, int) and 1 <= minutes <= 1440:
            settings.auto_lock_minutes = minutes
        words = raw.get("guard_min_words")
        if isinstance(words, int) and 8 <= words <= 100:
            settings.guard_min_words = words
        if isinstance(raw.get("private_note_hints"), bool):
            settings.private_note_hints = raw["private_note_hints"]
        folders = raw.get("watch_folders")
        if isinstance(folders, list):
            settings.watch_folders = [str(f) for f in folders if isinstance(f, str)]
        ids = raw.get("extension_ids")
        if isinstance(ids, list):
            settings.extension_ids = [i for i in ids
                                      if isinstance(i, str) and EXTENSION_ID.match(i)]
        return settings

    def update(self, home: Home, changes: dict[str, Any]) -> None:
        if "auto_lock_minutes" in changes:
            self.auto_lock_minutes = int(changes["auto_lock_minutes"])
        if "guard_min_words" in changes:
            self.guard_min_words = int(changes["guard_min_words"])
        if "private_note_hints" in changes:
            self.private_note_hints = bool(changes["private_note_hints"])
        if "watch_folders" in changes:
            self.watch_folders = list(dict.fromkeys(changes["watch_folders"]))
        if "extension_ids" in changes:
            self.extension_ids = list(dict.fromkeys(changes["extension_ids"]))
        home.ensure()
        write_atomically(home.settings_file, json.dumps(asdict(self)).encode())

    def to_json(self) -> dict[str, Any]:
        """What the extension may see and change (watched folders are the command's)."""
        return {"auto_lock_minutes": self.auto_lock_minutes,
                "guard_min_words": self.guard_min_words,
                "private_note_hints": self.private_note_hints}
