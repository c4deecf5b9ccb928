"""The README's two commands, as a new user runs them on a clean clone, twice each."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

INNER_RUN = "MARGIN_INNER_SETUP_TEST"


@pytest.fixture(scope="module")
def clean_clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if os.environ.get(INNER_RUN):
        pytest.skip("already inside a clean-clone run")
    if subprocess.run(["git", "-C", str(REPO_ROOT), "rev-parse", "HEAD"],
                      capture_output=True, check=False).returncode != 0:
        pytest.skip("not a git checkout with a commit")
    clone = tmp_path_factory.mktemp("clone") / "margin"
    subprocess.run(["git", "clone", "--quiet", str(REPO_ROOT), str(clone)], check=True)
    return clone


def _clean_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHON"))}
    env.update(MARGIN_HOME=str(home), MARGIN_PORT="0", **{INNER_RUN: "1"})
    env["PATH"] = ":".join(p for p in env["PATH"].split(":") if ".venv" not in p)
    return env


def _make_run_until_ready(clone: Path, home: Path) -> str:
    """Start `make run`, wait for Margin's greeting, stop it with Ctrl+C; return its output."""
    process = subprocess.Popen(["make", "run"], cwd=clone, env=_clean_env(home),
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               start_new_session=True)
    lines: list[str] = []
    deadline = time.monotonic() + 600
    assert process.stdout is not None
    for line in process.stdout:
        lines.append(line)
        if "Press Ctrl+C to stop Margin" in line or time.monotonic() > deadline:
            break
    os.killpg(process.pid, signal.SIGINT)
    rest, _ = process.communicate(timeout=60)
    output = "".join(lines) + (rest or "")
    assert "Margin is running on this computer only, at http://127.0.0.1:" in output, output
    # From a clone the command is not on PATH: the greeting names the path that works.
    assert "'.venv/bin/margin pair'" in output, output
    assert "Traceback" not in output, output
    return output


def test_make_run_twice_on_a_clean_clone(clean_clone: Path, tmp_path: Path) -> None:
    first = _make_run_until_ready(clean_clone, tmp_path / "home")
    second = _make_run_until_ready(clean_clone, tmp_path / "home")
    assert "pip install" in first
    assert "pip install" not in second, "the second `make run` set everything up again"
    # Running needs no test tools: `make run` leaves the test extras out.
    probe = subprocess.run([str(clean_clone / ".venv" / "bin" / "python"), "-c", "import pytest"],
                           capture_output=True, check=False)
    assert probe.returncode != 0, "make run installed the test extras"


def test_make_test_twice_on_a_clean_clone(clean_clone: Path, tmp_path: Path) -> None:
    for _ in range(2):
        result = subprocess.run(
            ["make", "test", "TESTS=tests/core/test_cli.py", "PYTEST_ARGS=-q"],
            cwd=clean_clone, env=_clean_env(tmp_path / "home"), capture_output=True,
            text=True, timeout=1200, check=False)
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
        assert " passed" in result.stdout
