"""What only Firefox has, each checked in the real Firefox ESR: the fixed add-on id and the
oldest Firefox it may install in, the random per-install moz-extension:// origin, the tab
contexts kept in storage.session, the sidebar, no private word in any file of the profile
(the session store compressed or not), and the unsigned .xpi web-ext builds."""

from __future__ import annotations

import json
import re
import secrets
import subprocess
import zipfile
from pathlib import Path

import pytest

from tests.extension.engines.driver import eventually
from tests.extension.engines.firefox import FirefoxEngine
from tests.extension.engines.firefox_launch import (
    ADDON_ID,
    OLDEST_TESTED_FIREFOX,
    firefox_version,
)
from tests.extension.engines.mozlz4 import MAGIC, decompress
from tests.extension.engines.steps import open_client, paired_with_vault
from tests.extension.harness import EXTENSION_DIR, build

UUID_ORIGIN = re.compile(r"^moz-extension://[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$")


def firefox_manifest() -> dict[str, object]:
    return dict(json.loads((EXTENSION_DIR / "firefox" / "manifest.json").read_text()))


@pytest.mark.browser
def test_fixed_addon_id_random_origin_and_oldest_tested_version(firefox: FirefoxEngine) -> None:
    gecko = firefox_manifest()["browser_specific_settings"]["gecko"]  # type: ignore[index]
    assert gecko["id"] == ADDON_ID
    assert firefox.extension("(api) => api.runtime.id") == ADDON_ID
    # Installed with the fixed id, yet at an origin made up for this install (what the
    # daemon's pairing has to accept: test_first_run pairs from it).
    assert UUID_ORIGIN.match(firefox.origin), firefox.origin
    assert firefox.extension("(api) => api.runtime.getURL('')") == f"{firefox.origin}/"
    assert gecko["strict_min_version"] == f"{OLDEST_TESTED_FIREFOX}.0"
    assert firefox_version()[0] >= OLDEST_TESTED_FIREFOX


@pytest.mark.browser
def test_tab_context_lives_in_storage_session_only(firefox: FirefoxEngine) -> None:
    page, tab = open_client(firefox)
    report = firefox.stored_report(tab)  # read from storage.session
    assert report["client"] == "Ada Lovelace"
    on_disk = firefox.extension("(api) => api.storage.local.get(null)")
    assert "Ada Lovelace" not in json.dumps(on_disk), "no client name on disk"
    page.close()
    firefox.wait_report_gone(tab)


@pytest.mark.browser
def test_sidebar_shows_the_panel(firefox: FirefoxEngine) -> None:
    panel_url = firefox.extension("(api) => api.sidebarAction.getPanel({})")
    assert panel_url == f"{firefox.origin}/src/panel/panel.html"
    title = firefox.extension("(api) => api.sidebarAction.getTitle({})")
    assert title == "Margin: private notes"
    # The sidebar itself needs a person's click to open (sidebarAction.open): the same page
    # runs as a tab in every flow here; in the sidebar it has no ?tab= and follows the
    # active tab, as it does here.
    panel = firefox.panel()
    panel.wait_attribute("#setup", "data-state", "not_running")


def test_content_scripts_hand_the_page_nothing_of_their_world() -> None:
    """Firefox lets a content script hand objects to the page (wrappedJSObject,
    exportFunction, cloneInto); Margin's never do, so the page sees only what it has."""
    for path in (EXTENSION_DIR / "src" / "content").glob("*.js"):
        text = path.read_text()
        for name in ("wrappedJSObject", "exportFunction", "cloneInto", "window.eval"):
            assert name not in text, f"{name} in {path.name}"


def test_web_ext_build_makes_the_unsigned_xpi() -> None:
    web_ext = EXTENSION_DIR / "tools" / "node_modules" / ".bin" / "web-ext"
    if not web_ext.exists():
        pytest.fail("web-ext is not installed: run 'make extension-deps'")
    done = subprocess.run(
        ["node", str(EXTENSION_DIR / "tools" / "build.mjs"), "xpi"],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert done.returncode == 0, done.stderr
    xpi = Path(done.stdout.strip().splitlines()[-1])
    assert xpi.suffix == ".xpi" and xpi.parent == EXTENSION_DIR / "dist" / "artifacts"
    with zipfile.ZipFile(xpi) as archive:
        names = archive.namelist()
        manifest = json.loads(archive.read("manifest.json"))
        flags = archive.read("src/shared/build-flags.js").decode()
    assert manifest["browser_specific_settings"]["gecko"]["id"] == ADDON_ID
    assert manifest["version"] == json.loads((EXTENSION_DIR / "manifest.json").read_text())[
        "version"
    ]
    assert not any(name.startswith("META-INF/") for name in names), "unsigned"
    assert not any(name.startswith("test-driver/") for name in names), "no test hooks"
    assert "test: false" in flags
    assert "https://*.clinic.test/*" not in manifest["host_permissions"]
    assert build("firefox").is_dir()


def profile_text(profile: Path, only: str = "") -> bytes:
    """Every file of the profile (``only``: those whose path has it), lower-cased, with
    Firefox's mozLz4-compressed files (the session store among them) decompressed."""
    seen = []
    for path in profile.rglob("*"):
        if not path.is_file() or only not in str(path):
            continue
        try:
            data = path.read_bytes()
        except OSError:  # written or removed while read: the next look sees it
            continue
        seen.append(decompress(data) if data.startswith(MAGIC) else data)
    return b"\n".join(seen).lower()


@pytest.mark.browser
def test_no_private_word_in_any_file_of_the_firefox_profile(
    firefox: FirefoxEngine, margin_home: Path
) -> None:
    secret, control = f"zebra{secrets.token_hex(3)}", f"control{secrets.token_hex(3)}"
    with paired_with_vault(firefox, margin_home):
        _, tab = open_client(firefox)
        panel = firefox.panel(tab)
        panel.wait_editable("#note-text")
        panel.type("#note-text", f"Client spoke of the {secret} again.")
        panel.wait_text("#save-status", "Saved")
        # The control: text in the EHR's own field is what Firefox's session store keeps.
        ehr = firefox.open_ehr("generic", "/progress-note.html")
        ehr.type("#progress", f"The EHR's own text {control}.")
        profile = firefox.running.profile
        eventually(lambda: control.encode() in profile_text(profile, "sessionstore"),
                   "the session store to keep the EHR's field", timeout=30)
        assert secret.encode() not in profile_text(profile)
