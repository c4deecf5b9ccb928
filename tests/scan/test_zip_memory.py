"""A ZIP member is unpacked within its own size plus a small constant, not twice it (issue
15, item 7): measured in a child process, by its peak resident memory."""

from __future__ import annotations

import subprocess
import sys

CHILD = r"""
import io, resource, sys, zipfile
from margin.scan.archive import Budget, read_member
size = int(sys.argv[1])
packed = io.BytesIO()
with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
    archive.writestr("big.txt", bytes(size))
archive = zipfile.ZipFile(io.BytesIO(packed.getvalue()))
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
data = read_member(archive, archive.infolist()[0], Budget(size * 2, 10))
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
assert len(data) == size
print(after - before)
"""


def test_a_large_member_peaks_near_its_own_size() -> None:
    size = 300 << 20
    grown = int(subprocess.run([sys.executable, "-c", CHILD, str(size)], capture_output=True,
                               text=True, check=True, timeout=300).stdout)
    assert grown < size + (64 << 20), f"unpacking {size >> 20} MiB grew {grown >> 20} MiB"
