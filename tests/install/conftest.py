"""One built and installed Margin wheel for the whole install test folder (building is slow)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.install.wheel import REPO_ROOT, Installed, build, install, new_venv


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return build(REPO_ROOT, tmp_path_factory.mktemp("dist"))


@pytest.fixture(scope="session")
def installed(built: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Installed:
    venv = new_venv(tmp_path_factory.mktemp("venv") / "margin")
    install(venv, built[1])
    return Installed(venv=venv, cwd=tmp_path_factory.mktemp("elsewhere"))
