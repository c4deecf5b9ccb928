"""Put the contract (``shared_schema/``) inside every artifact, so nothing is read from a clone.

From the repository, the folder sits beside ``daemon/``: the sdist carries it as
``src/margin/_shared_schema`` and the wheel as ``margin/_shared_schema``. A wheel built
from that sdist finds it already inside the package, where ``margin.schema`` looks first.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

TARGETS = {"wheel": "margin/_shared_schema", "sdist": "src/margin/_shared_schema"}


class CustomBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        source = Path(self.root).parent / "shared_schema"
        if source.is_dir():
            build_data["force_include"][str(source)] = TARGETS[self.target_name]
