"""Export checks run by the daemon: for `margin scan`, the vault page and watched folders.

Every check is audited (which files, the verdict) and the recent results are kept in memory
for `margin status` and the extension. Neither holds any private text: a result names
files, verdicts, reasons and note ids.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from pathlib import Path
from typing import Any

from margin.holder import VaultHolder
from margin.matcher import EXPORT_MIN_WORDS, Match
from margin.scan import Scanner, scan_paths
from margin.scan.model import FileReport, ScanReport
from margin.scan.progress import Checks

RECENT_RESULTS = 50


class ScanService:
    def __init__(self, holder: VaultHolder):
        self.holder = holder
        self._recent: deque[dict[str, Any]] = deque(maxlen=RECENT_RESULTS)
        self._lock = threading.Lock()
        self.checks = Checks()  # under way, with how far each has got

    def scan(self, paths: list[Path], *, actor: str, min_words: int = EXPORT_MIN_WORDS,
             origin: str = "request") -> ScanReport:
        """Check ``paths`` against every private note; needs the vault unlocked."""
        fingerprints = self.holder.note_fingerprints()
        with self.checks.running(", ".join(str(path) for path in paths[:3])):
            report = scan_paths(paths, fingerprints.index, min_words=min_words,
                                record_content=_record_content)
        self._remember(report, actor, origin)
        return report

    def scan_upload(self, name: str, data: bytes, *, actor: str,
                    min_words: int = EXPORT_MIN_WORDS, thumbnails: bool = False) -> ScanReport:
        """Check a file the clinician dropped on the vault page (its bytes, not a path); with
        ``thumbnails``, the pages holding a finding come back as small pictures."""
        fingerprints = self.holder.note_fingerprints()
        with self.checks.running(name), Scanner(
            fingerprints.index, min_words=min_words, record_content=_record_content,
            locate=thumbnails,
        ) as scanner:
            report = ScanReport([scanner.scan_upload(name, data)], min_words)
        self._remember(report, actor, "vault page")
        return report

    def _remember(self, report: ScanReport, actor: str, origin: str) -> None:
        """Audit the check (and how many page pictures it showed) and keep its verdicts for
        status and the extension."""
        shown = sum(len(f.thumbnails) for f in _all_files(report.files))
        self.holder.require().record("scan", None, actor=actor, detail={
            "verdict": report.verdict,
            "files": [{"path": f.path, "verdict": f.verdict} for f in report.files][:100],
            "origin": origin,
            **({"pages_shown": shown} if shown else {}),
        })
        with self._lock:
            for file_report in report.files:
                self._recent.appendleft({
                    "path": file_report.path,
                    "verdict": file_report.verdict,
                    "reason": file_report.reason,
                    "leaking_notes": sorted({leak.note_id for leak in _all_leaks(file_report)}),
                    "time": time.time(),
                    "origin": origin,
                })

    def recent(self) -> list[dict[str, Any]]:
        with self._lock:
            return list(self._recent)


def _all_files(files: list[FileReport]) -> list[FileReport]:
    return [found for f in files for found in [f, *_all_files(f.members)]]


def _all_leaks(file_report: Any) -> list[Any]:
    leaks = list(file_report.leaks)
    for member in file_report.members:
        leaks.extend(_all_leaks(member))
    return leaks


def _record_content(matches: list[Match], text: str) -> list[tuple[Match, str]]:
    """Record content is documentation, not a leak (issue 21): the linter decides."""
    from margin.oversharing.agreement import record_filter  # loads the linter on first use

    return record_filter(matches, text)
