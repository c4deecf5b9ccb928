"""The extension's files, checked without a browser: permissions, the pinned id, the
adapters and message schemas in shared_schema/, the Firefox build under web-ext lint, and
no HTML parsing anywhere (nothing a note or a page holds can become markup)."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import subprocess

import pytest
from jsonschema import Draft202012Validator

from tests.extension.harness import EXTENSION_DIR, EXTENSION_ID, SCHEMAS, build, node_or_skip

ADAPTERS = SCHEMAS.parent / "adapters"
MANIFEST = json.loads((EXTENSION_DIR / "manifest.json").read_text())
SOURCES = sorted((EXTENSION_DIR / "src").rglob("*.js"))


def test_the_manifest_key_pins_the_extension_id() -> None:
    digest = hashlib.sha256(base64.b64decode(MANIFEST["key"])).hexdigest()[:32]
    assert "".join(chr(ord("a") + int(c, 16)) for c in digest) == EXTENSION_ID


def test_only_the_permissions_it_needs_each_with_its_reason() -> None:
    assert sorted(MANIFEST["permissions"]) == [
        "activeTab",
        "alarms",
        "nativeMessaging",
        "notifications",
        "scripting",
        "sidePanel",
        "storage",
    ]
    assert MANIFEST["host_permissions"] == ["http://127.0.0.1/*"]
    adapters = [json.loads(p.read_text()) for p in ADAPTERS.glob("*.json")]
    assert sorted(MANIFEST["optional_host_permissions"]) == sorted(
        m for a in adapters for m in a["matches"]
    )
    assert "content_scripts" not in MANIFEST  # registered at run time, only for enabled sites
    firefox = json.loads((EXTENSION_DIR / "firefox" / "manifest.json").read_text())
    assert firefox["optional_host_permissions"] == MANIFEST["optional_host_permissions"]
    reasons = (EXTENSION_DIR.parent / "README.md").read_text()  # the README gives each reason
    for permission in [
        *MANIFEST["permissions"],
        *MANIFEST["host_permissions"],
        *MANIFEST["optional_host_permissions"],
    ]:
        assert f"`{permission}`" in reasons or permission in reasons, permission


def test_adapters_match_their_schema_and_the_bundle_is_current() -> None:
    schema = json.loads((SCHEMAS / "cs-adapter.json").read_text())
    ids = []
    for path in sorted(ADAPTERS.glob("*.json")):
        adapter = json.loads(path.read_text())
        Draft202012Validator(schema).validate(adapter)
        assert path.stem == adapter["id"]
        for pattern in (
            adapter["client"]["ref_in_url"],
            adapter["appointment"]["ref_in_url"],
            adapter["appointment"]["date_in_url"],
        ):
            re.compile(pattern)
        ids.append(adapter["id"])
    assert {"simplepractice", "therapynotes", "jane", "theranest", "generic"} <= set(ids)
    done = subprocess.run(
        [node_or_skip(), str(EXTENSION_DIR / "tools" / "build.mjs"), "check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_message_schemas_are_valid_and_named_by_their_id() -> None:
    names = sorted(SCHEMAS.glob("cs-*.json"))
    assert len(names) >= 5
    for path in names:
        schema = json.loads(path.read_text())
        Draft202012Validator.check_schema(schema)
        assert schema["$id"] == f"https://margin.local/schemas/{path.name}"


def test_no_html_parsing_and_no_daemon_access_from_content_scripts() -> None:
    forbidden = re.compile(
        r"innerHTML|outerHTML\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function\("
    )
    for path in SOURCES:
        assert not forbidden.search(path.read_text()), path
    for path in (EXTENSION_DIR / "src" / "content").glob("*.js"):
        text = path.read_text()
        assert "fetch(" not in text and "XMLHttpRequest" not in text and "storage." not in text, (
            path
        )


def test_firefox_build_passes_web_ext_lint() -> None:
    web_ext = EXTENSION_DIR / "tools" / "node_modules" / ".bin" / "web-ext"
    if not web_ext.exists():
        pytest.fail(
            "web-ext is not installed: run 'make extension-deps' (npm ci in extension/tools)"
        )
    target = build("firefox")
    manifest = json.loads((target / "manifest.json").read_text())
    assert "sidebar_action" in manifest and "browser_specific_settings" in manifest
    assert manifest["background"] == {"scripts": ["src/background/worker.js"], "type": "module"}
    assert shutil.which("node")
    done = subprocess.run(
        [
            str(web_ext),
            "lint",
            "--source-dir",
            str(target),
            "--output",
            "json",
            "--no-config-discovery",
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    report = json.loads(done.stdout[done.stdout.index("{") :])
    problems = [
        (m["code"], m.get("file"), m["message"])
        for kind in ("errors", "warnings")
        for m in report[kind]
    ]
    assert report["summary"]["errors"] == 0 and report["summary"]["warnings"] == 0, problems
