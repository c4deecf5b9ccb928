"""The export checker in the extension (issue 7): files dropped on (or chosen in) the vault
page get a verdict per file and archive member, with the leaking notes linked and never any
private text; a leak that lands in a watched folder sets the toolbar badge and notifies.

The private notes are the scan corpus's (tests/scan/corpus/notes.jsonl), imported into a
real vault through the daemon; the files are the corpus's exports with known verdicts."""

from __future__ import annotations

import base64
import json
import shutil
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, Playwright, expect

from tests.conftest import RunningDaemon
from tests.extension.ehr_server import EhrServer
from tests.extension.harness import (
    EXTENSION_ORIGIN,
    ExtensionBrowser,
    paired_browser_with_vault,
    screenshot,
    wait_for,
)

pytestmark = pytest.mark.browser

CORPUS = Path(__file__).resolve().parent.parent / "scan" / "corpus"
FILES = CORPUS / "files"
EXPECTED = json.loads((CORPUS / "expected.json").read_text())
CORPUS_NOTES = [json.loads(line) for line in (CORPUS / "notes.jsonl").read_text().splitlines()]


@dataclass
class Env:
    browser: ExtensionBrowser
    daemon: RunningDaemon
    vault_ids: dict[str, str]  # corpus note id -> the id the vault gave it


@pytest.fixture(scope="module")
def env(
    playwright_session: Playwright,
    test_extension: Path,
    ehr_server: EhrServer,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Env]:
    with paired_browser_with_vault(
        playwright_session, tmp_path_factory.mktemp("exports-profile") / "profile",
        test_extension, ehr_server, tmp_path_factory.mktemp("exports-home"),
    ) as (browser, daemon):
        vault_ids = {}
        for index, note in enumerate(CORPUS_NOTES):
            body = {
                "text": note["text"],
                "client": f"Client {index}",
                "context": {"site": "generic"},
            }
            reply = daemon.cli("POST", "/v1/notes", body)
            assert reply.status == 201, reply.body
            vault_ids[note["id"]] = reply.json()["id"]
        yield Env(browser, daemon, vault_ids)


def open_exports(browser: ExtensionBrowser) -> Page:
    vault = browser.context.new_page()
    vault.goto(f"{EXTENSION_ORIGIN}/src/vault/vault.html#exports")
    expect(vault.locator("#exports-view")).to_be_visible()
    return vault


def drop_file(page: Page, path: Path) -> None:
    """A real drop event on the zone, carrying the file as the browser would."""
    page.evaluate(
        """([name, data]) => {
            const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
            const transfer = new DataTransfer();
            transfer.items.add(new File([bytes], name));
            const zone = document.getElementById('drop-zone');
            const init = {dataTransfer: transfer, bubbles: true, cancelable: true};
            zone.dispatchEvent(new DragEvent('dragover', init));
            zone.dispatchEvent(new DragEvent('drop', init));
        }""",
        [path.name, base64.b64encode(path.read_bytes()).decode()],
    )


def report_of(page: Page, name: str) -> Locator:
    return page.locator(f"#scan-reports > .report-file[data-path='{name}']")


def test_dropped_leaky_clean_and_unverifiable_files_get_their_verdicts(env: Env) -> None:
    assert EXPECTED["leak_chromium.pdf"]["verdict"] == "leak"
    assert EXPECTED["clean_reportlab.pdf"]["verdict"] == "clean"
    assert EXPECTED["cannot_user_password.pdf"]["verdict"] == "cannot_verify"
    vault = open_exports(env.browser)

    drop_file(vault, FILES / "leak_chromium.pdf")
    leak = report_of(vault, "leak_chromium.pdf")
    expect(leak).to_have_attribute("data-verdict", "leak", timeout=30_000)
    expect(leak.locator(".verdict").first).to_contain_text("LEAK")
    (leaked,) = EXPECTED["leak_chromium.pdf"]["notes"]
    link = leak.locator(f".note-link[data-note-id='{env.vault_ids[leaked]}']")
    expect(link).to_be_visible()
    expect(leak).to_contain_text("words in a row")
    expect(leak).to_contain_text("page")
    expect(vault.locator("#scan-status")).to_contain_text("Done")
    # The report names the note and the page, never the note's words.
    private = next(n["text"] for n in CORPUS_NOTES if n["id"] == leaked)
    assert " ".join(private.split()[:6]) not in vault.locator("#scan-reports").inner_text()
    link.click()  # the link opens the note itself
    expect(vault.locator("#reader-text")).to_have_text(private)
    screenshot(vault, "vault-export-leak")

    vault.set_input_files(
        "#export-file",
        [str(FILES / "clean_reportlab.pdf"), str(FILES / "cannot_user_password.pdf")],
    )
    clean = report_of(vault, "clean_reportlab.pdf")
    expect(clean).to_have_attribute("data-verdict", "clean", timeout=30_000)
    expect(clean.locator(".verdict").first).to_contain_text("Clean")
    unverifiable = report_of(vault, "cannot_user_password.pdf")
    expect(unverifiable).to_have_attribute("data-verdict", "cannot_verify", timeout=30_000)
    expect(unverifiable.locator(".verdict").first).to_have_text("Cannot verify")
    expect(unverifiable.locator(".report-reason")).not_to_be_empty()
    screenshot(vault, "vault-export-clean-and-cannot-verify")

    # An archive: the verdict of each member is listed under it.
    drop_file(vault, FILES / "leak_nested.zip")
    archive = report_of(vault, "leak_nested.zip")
    expect(archive).to_have_attribute("data-verdict", "leak", timeout=30_000)
    expect(archive.locator(".members .report-file").first).to_be_visible()
    (quoted,) = EXPECTED["leak_nested.zip"]["notes"]
    expect(
        archive.locator(f".members .note-link[data-note-id='{env.vault_ids[quoted]}']").first
    ).to_be_visible()
    screenshot(vault, "vault-export-archive")
    vault.close()


def _inside(inner: dict[str, float] | None, outer: dict[str, float] | None) -> bool:
    assert inner is not None and outer is not None
    return (outer["x"] - 1 <= inner["x"] and outer["y"] - 1 <= inner["y"]
            and inner["x"] + inner["width"] <= outer["x"] + outer["width"] + 1
            and inner["y"] + inner["height"] <= outer["y"] + outer["height"] + 1)


def test_show_where_draws_the_page_with_the_passage_or_the_unread_picture_outlined(
    env: Env,
) -> None:
    vault = open_exports(env.browser)
    drop_file(vault, FILES / "leak_chromium.pdf")
    leak = report_of(vault, "leak_chromium.pdf")
    expect(leak).to_have_attribute("data-verdict", "leak", timeout=30_000)
    page = leak.locator(".report-where figure.where").first
    expect(page.locator("canvas.where-page")).to_have_attribute("data-drawn", "true")
    expect(page.locator("figcaption")).to_contain_text("Page ")
    box = page.locator(".where-box[data-kind='leak']").first
    expect(box).to_be_visible()
    canvas = page.locator("canvas.where-page").bounding_box()
    assert _inside(box.bounding_box(), canvas)
    # The thumbnail is the page's picture, drawn: not a blank canvas.
    inked = page.locator("canvas.where-page").evaluate(
        """(canvas) => {
            const {width, height} = canvas;
            const pixels = canvas.getContext('2d').getImageData(0, 0, width, height).data;
            let dark = 0;
            for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 128) dark += 1;
            return dark;
        }""")
    assert inked > 100
    screenshot(vault, "vault-export-show-where-leak")

    unreadable = FILES.parents[1] / "pictures" / "files" / "unreadable_blurred.png"
    drop_file(vault, unreadable)
    unread = report_of(vault, "unreadable_blurred.png")
    expect(unread).to_have_attribute("data-verdict", "cannot_verify", timeout=30_000)
    box = unread.locator(".where-box[data-kind='unread']")
    expect(box).to_be_visible()
    expect(unread.locator("figcaption")).to_contain_text("dashed picture")
    assert _inside(box.bounding_box(), unread.locator("canvas.where-page").bounding_box())
    screenshot(vault, "vault-export-show-where-unread")
    vault.close()


def test_a_leak_in_a_watched_folder_sets_the_badge_and_notifies(env: Env, tmp_path: Path) -> None:
    folder = tmp_path / "Downloads"
    folder.mkdir()
    assert env.daemon.cli("POST", "/v1/watch", {"folder": str(folder)}).status == 200
    vault = open_exports(env.browser)
    expect(vault.locator("#watch-folders")).to_contain_text(str(folder))
    expect(vault.locator("#watch-help")).to_contain_text("margin watch add")
    badge = "() => chrome.action.getBadgeText({})"
    assert vault.evaluate(badge) == ""

    shutil.copy(FILES / "leak_libreoffice.pdf", folder / "record-export.pdf")

    def checked() -> bool:
        recent = env.daemon.cli("GET", "/v1/watch").json()["recent"]
        return any(r["verdict"] == "leak" for r in recent)

    wait_for(checked, "the daemon's check of the new file", timeout=60)

    def badge_set() -> bool:
        # The worker's own alarm polls the daemon (fired now rather than in 30 seconds;
        # fired again while waiting, since a loaded machine may drop a one-shot alarm).
        env.browser.worker.evaluate("chrome.alarms.create('margin-watch', {when: Date.now()})")
        vault.wait_for_timeout(500)
        return bool(vault.evaluate(badge) == "1")

    wait_for(badge_set, "the badge", timeout=40)
    notifications = vault.evaluate("() => chrome.notifications.getAll()")
    assert len(notifications) == 1, notifications
    row = vault.locator("#watch-recent tr[data-verdict='leak']").first
    expect(row).to_contain_text("record-export.pdf", timeout=15_000)
    (leaked,) = EXPECTED["leak_libreoffice.pdf"]["notes"]
    expect(row.locator(f".note-link[data-note-id='{env.vault_ids[leaked]}']")).to_be_visible()
    screenshot(vault, "vault-watched-folder-leak")

    # Seen: the badge clears, and the same result does not notify again.
    vault.click("#watch-dismiss")
    wait_for(lambda: vault.evaluate(badge) == "", "the badge to clear", timeout=10)
    env.browser.worker.evaluate("chrome.alarms.create('margin-watch', {when: Date.now()})")
    vault.wait_for_timeout(1000)
    assert vault.evaluate(badge) == ""
    assert len(vault.evaluate("() => chrome.notifications.getAll()")) == 1
    vault.close()


def test_a_long_check_shows_its_progress_on_the_vault_page(env: Env, tmp_path: Path) -> None:
    """Issue 18: a check that takes a while (here pictures read by OCR, inside an archive)
    shows a bar of files done of found, from the daemon's watch state, and no bar after."""
    pictures = Path(__file__).resolve().parent.parent / "scan" / "pictures" / "files"
    archive = tmp_path / "scanned_exports.zip"
    with zipfile.ZipFile(archive, "w") as packed:
        for copy in range(4):
            for name in ("screenshot_clean.png", "rendered_300dpi_clean.png"):
                packed.write(pictures / name, f"{copy}-{name}")
    vault = open_exports(env.browser)
    drop_file(vault, archive)
    bar = vault.locator("#scan-progress-bar")
    expect(vault.locator("#scan-progress")).to_be_visible(timeout=30_000)
    expect(vault.locator("#scan-progress-text")).to_contain_text("of 9 files checked")
    shown = [int(bar.get_attribute("value") or 0), int(bar.get_attribute("max") or 0)]
    assert 0 <= shown[0] < shown[1] == 9
    screenshot(vault, "vault-export-progress")
    report = report_of(vault, archive.name)
    expect(report).to_have_attribute("data-verdict", "clean", timeout=120_000)
    expect(vault.locator("#scan-progress")).to_be_hidden()
    expect(vault.locator("#scan-status")).to_contain_text("Done")
    vault.close()
