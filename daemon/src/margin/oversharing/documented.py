"""The audit of record content found in the progress note (issue 21, item 5): a passage
copied from a private note that belongs in the record is documentation, not a leak, and the
audit trail says so once per passage while Margin runs (the guard checks the note at every
pause in typing). Kept apart from the check so the daemon imports it without numpy."""

from __future__ import annotations

import threading
from typing import Any

from margin.vault import Vault

DOCUMENTED_ACTION = "documented_in_record"


class DocumentedLog:
    def __init__(self) -> None:
        self._seen: set[tuple[str, str, int]] = set()
        self._lock = threading.Lock()

    def record(self, vault: Vault, documented: list[dict[str, Any]], *, actor: str) -> None:
        """One audit entry per passage not yet recorded: note, category, length; no text."""
        for item in documented:
            key = (item["note_id"], item["category"], item["words"])
            with self._lock:
                if key in self._seen:
                    continue
                self._seen.add(key)
            vault.record(DOCUMENTED_ACTION, item["note_id"], actor=actor, detail={
                "category": item["category"], "words": item["words"],
                "documented_in": "progress note"})
