"""The contract in ``shared_schema/``: load it once, validate against it.

In a source checkout the folder sits beside ``daemon/``; an installed wheel carries a copy
as ``margin/_shared_schema``. Schemas refer to each other by ``$id``
(``https://margin.local/schemas/NAME.json``).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # jsonschema loads only when something is validated (a fast command)
    from jsonschema import Draft202012Validator
    from referencing import Registry

SCHEMA_BASE = "https://margin.local/schemas/"


def schema_root() -> Path:
    packaged = Path(__file__).parent / "_shared_schema"
    if packaged.is_dir():
        return packaged
    # daemon/src/margin/schema.py -> the repository root
    return Path(__file__).resolve().parents[3] / "shared_schema"


@cache
def _registry() -> Registry:
    from referencing import Registry, Resource

    resources = []
    for path in sorted((schema_root() / "schemas").glob("*.json")):
        contents = json.loads(path.read_text())
        resources.append((contents["$id"], Resource.from_contents(contents)))
    return Registry().with_resources(resources)


@cache
def validator(name: str) -> Draft202012Validator:
    """A validator for ``schemas/NAME.json``."""
    from jsonschema import Draft202012Validator

    uri = SCHEMA_BASE + name + ".json"
    schema = _registry().contents(uri)
    return Draft202012Validator(schema, registry=_registry())


def first_problem(name: str, instance: Any) -> str | None:
    """The first way ``instance`` breaks schema ``name``, as a short path-free sentence."""
    for error in validator(name).iter_errors(instance):
        where = "/".join(str(part) for part in error.absolute_path) or "the request"
        # error.message may quote the value; values can be private text, so name the rule only.
        return f"{where}: fails '{error.validator}'"
    return None


@cache
def openapi() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((schema_root() / "openapi.json").read_text())
    return data


def load_data(relative: str) -> Any:
    """Read a data file of the contract (adapters, lexicon) by its path under shared_schema."""
    return json.loads((schema_root() / relative).read_text())
