"""Paths a clinician (or the command) gives Margin: a folder to watch, a file to check.

A path holding a NUL character, or longer than this system allows, cannot name a file at
all; the operating system refuses it with an exception that would otherwise surface as a
bug. ``given_path`` turns such a path into a plain error before anything is read.
"""

from __future__ import annotations

import errno
from pathlib import Path

from margin import errors


def given_path(text: str | Path, *, resolve: bool = True) -> Path:
    """``text`` as an absolute path, or PathUnusable; nothing is read or created."""
    raw = str(text)
    if "\x00" in raw:
        raise errors.PathUnusable(message="That path holds a NUL character, so it cannot "
                                          "name a file or folder.")
    try:
        path = Path(raw).expanduser()
        path = path.resolve() if resolve else path
        path.exists()  # ENAMETOOLONG and friends surface here, not later mid-way
    except OSError as error:
        if error.errno == errno.ENAMETOOLONG:
            raise errors.PathUnusable(message="That path is longer than this computer "
                                              "allows for a file or folder.") from None
        raise errors.PathUnusable() from None
    except (RuntimeError, ValueError):  # a symlink loop, an odd character
        raise errors.PathUnusable() from None
    return path
