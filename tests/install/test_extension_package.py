"""`make package-extension`: the store-ready Chromium zip and the unsigned Firefox .xpi."""

from __future__ import annotations

import base64
import hashlib
import json
import struct
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.install.wheel import REPO_ROOT

DIST = REPO_ROOT / "dist"
WEB_EXT = REPO_ROOT / "extension" / "tools" / "node_modules" / ".bin" / "web-ext"
IDS = json.loads((REPO_ROOT / "shared_schema" / "extension-ids.json").read_text())


@pytest.fixture(scope="module")
def packages() -> tuple[Path, Path]:
    done = subprocess.run(["make", "-s", "package-extension"], cwd=REPO_ROOT, capture_output=True,
                          text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return DIST / "margin-chromium.zip", DIST / "margin-firefox.xpi"


def _manifest(archive: zipfile.ZipFile) -> dict[str, Any]:
    manifest: dict[str, Any] = json.loads(archive.read("manifest.json"))
    return manifest


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _referenced_files(manifest: dict[str, Any]) -> list[str]:
    files = list(manifest["icons"].values()) + list(manifest["action"]["default_icon"].values())
    background = manifest["background"]
    files += [*background.get("scripts", []), background.get("service_worker", "")]
    for key, page in (("side_panel", "default_path"), ("sidebar_action", "default_panel"),
                      ("options_ui", "page")):
        files.append(manifest.get(key, {}).get(page, ""))
    files.append(manifest.get("options_page", ""))
    return [f for f in files if f]


def test_the_chromium_zip_is_store_ready(packages: tuple[Path, Path]) -> None:
    with zipfile.ZipFile(packages[0]) as archive:
        manifest = _manifest(archive)
        names = set(archive.namelist())
        assert "key" not in manifest  # the store gives the published extension its own id
        assert manifest["manifest_version"] == 3
        assert manifest["name"] == "Margin" and 20 <= len(manifest["description"]) <= 132
        for size, path in manifest["icons"].items():
            assert _png_size(archive.read(path)) == (int(size), int(size)), path
        assert sorted(manifest["icons"], key=int) == ["16", "32", "48", "128"]
        for path in _referenced_files(manifest):
            assert path in names, path
        assert not any(n.startswith(("tools/", "dist/", "firefox/")) for n in names)
        assert "nativeMessaging" in manifest["permissions"]


def test_the_firefox_xpi_passes_web_ext_lint(packages: tuple[Path, Path],
                                             tmp_path: Path) -> None:
    with zipfile.ZipFile(packages[1]) as archive:
        manifest = _manifest(archive)
        archive.extractall(tmp_path / "xpi")
    assert manifest["browser_specific_settings"]["gecko"]["id"] == IDS["gecko_id"]
    for path in _referenced_files(manifest):
        assert (tmp_path / "xpi" / path).is_file(), path
    done = subprocess.run([str(WEB_EXT), "lint", "--source-dir", str(tmp_path / "xpi"),
                           "--output", "json", "--no-config-discovery"],
                          capture_output=True, text=True, timeout=300, check=False)
    report = json.loads(done.stdout)
    assert report["errors"] == [], report["errors"]
    assert report["summary"]["errors"] == 0


def test_the_native_host_allows_exactly_the_ids_the_manifests_give() -> None:
    chromium = json.loads((REPO_ROOT / "extension" / "manifest.json").read_text())
    digest = hashlib.sha256(base64.b64decode(chromium["key"])).hexdigest()[:32]
    assert "".join(chr(ord("a") + int(c, 16)) for c in digest) == IDS["chromium_development_id"]
    firefox = json.loads((REPO_ROOT / "extension" / "firefox" / "manifest.json").read_text())
    assert firefox["browser_specific_settings"]["gecko"]["id"] == IDS["gecko_id"]
    native = (REPO_ROOT / "extension" / "src" / "background" / "native.js").read_text()
    assert f"HOST_NAME = '{IDS['host_name']}'" in native
