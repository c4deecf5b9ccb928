"""The export checker: is any private note inside these EHR exports? Honest when unsure."""

from margin.scan.engine import Limits, Scanner, scan_paths
from margin.scan.model import FileReport, Leak, ScanReport, Verdict
from margin.scan.render import render_text

__all__ = [
    "FileReport",
    "Leak",
    "Limits",
    "ScanReport",
    "Scanner",
    "Verdict",
    "render_text",
    "scan_paths",
]
