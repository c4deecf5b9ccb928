"""scripts/test-in-two.sh, which `make test` runs: both pytest processes start, each with its
own tests, the linter's report is printed, and a failure on either side fails the run (a
script that lost the linter's exit status would let CI pass on failing tests)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

SCRIPT = REPO_ROOT / "scripts" / "test-in-two.sh"

# Stands in for the venv's python: records its arguments, says which side it is, and exits
# with the status the test asks of that side.
STUB = """#!/usr/bin/env bash
echo "$* beside=${MARGIN_TESTS_BESIDE:-}" >> "$CALLS"
case " $* " in
  *" tests/linter "*) echo "linter side ran"; exit "$LINTER_EXIT" ;;
  *) echo "system side ran"; exit "$SYSTEM_EXIT" ;;
esac
"""


def run(tmp_path: Path, system: int, linter: int, args: str = "-q") -> tuple[int, str, list[str]]:
    stub = tmp_path / "python"
    stub.write_text(STUB)
    stub.chmod(0o755)
    calls = tmp_path / "calls"
    env = {**os.environ, "CALLS": str(calls), "SYSTEM_EXIT": str(system),
           "LINTER_EXIT": str(linter)}
    env.pop("MARGIN_TESTS_BESIDE", None)
    done = subprocess.run(["bash", str(SCRIPT), str(stub), args], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=60)
    return done.returncode, done.stdout, sorted(calls.read_text().splitlines())


def test_both_sides_run_their_own_tests_and_the_linters_report_is_shown(tmp_path: Path) -> None:
    status, out, calls = run(tmp_path, 0, 0, "-q -x")
    assert status == 0
    linter, system = calls
    assert linter == ("-m pytest -p no:cacheprovider -q -x tests/linter tests/oversharing "
                      "tests/test_code_quality.py beside=1")
    assert system == ("-m pytest -q -x --ignore=tests/linter --ignore=tests/oversharing "
                      "--ignore=tests/test_code_quality.py tests beside=")
    assert out.index("system side ran") < out.index("linter side ran")  # the report follows


@pytest.mark.parametrize(("system", "linter", "expected"), [(1, 0, 1), (0, 1, 1), (2, 1, 2),
                                                            (0, 5, 5)])
def test_a_failure_on_either_side_fails_the_run(tmp_path: Path, system: int, linter: int,
                                                 expected: int) -> None:
    status, out, _ = run(tmp_path, system, linter)
    assert status == expected
    assert "linter side ran" in out  # shown even when the system side failed
