"""Bug reports for the log that carry no private words.

A traceback's message lines can quote data (a KeyError names the missing key, a path names a
client's file), and logs are plaintext at rest. So a bug is logged as its type and the
frames it went through (file, line, function): enough to find the bug, nothing of the data.
"""

from __future__ import annotations

import traceback
from pathlib import Path


def describe_bug(error: BaseException) -> str:
    frames = traceback.extract_tb(error.__traceback__)
    where = " <- ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(frames))
    return f"{type(error).__name__} at {where or 'an unknown place'}"
