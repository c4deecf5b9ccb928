"""The panel's misplacement check and the vault page, written once and run in Chromium
and Firefox: record content underlined with its reason, a safety sentence raising the
banner whose acknowledgement is audited; exported files dropped or chosen on the vault page getting
their verdicts with the leaking note linked; the vault page's notes, search, audit trail
and settings."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from tests.extension.engines.driver import Engine, EnginePage, eventually, js
from tests.extension.engines.steps import notes_of, open_client, paired_with_vault

pytestmark = pytest.mark.browser

PRIVATE = "I keep thinking about the kite she drew and how small the house looked in it. "
MEDICATION = "Pt started sertraline 50 mg daily last week."
SAFETY = "Denies SI/HI."
CORPUS = Path(__file__).resolve().parents[2] / "scan" / "corpus"
EXPECTED = json.loads((CORPUS / "expected.json").read_text())
CORPUS_NOTES = [json.loads(line) for line in (CORPUS / "notes.jsonl").read_text().splitlines()]


def test_lint_underlines_and_the_safety_acknowledgement(engine: Engine, margin_home: Path) -> None:
    with paired_with_vault(engine, margin_home) as daemon:
        _, tab = open_client(engine)
        panel = engine.panel(tab)
        panel.wait_hidden("#setup")
        typed = PRIVATE + MEDICATION + " We laughed about the dog."
        panel.type("#note-text", typed)
        mark = "#lint-mirror mark[data-category='medication']"
        panel.wait_text(mark, MEDICATION)
        assert panel.count("#lint-mirror mark") == 1, "the private sentences are not flagged"
        decoration = panel.query(mark, "getComputedStyle(el).textDecorationLine")
        assert "underline" in decoration
        panel.wait_text("#lint-list summary", "1 sentence belongs in the progress note")
        panel.wait_text("#save-status", "Saved")
        assert notes_of(daemon, "Ada Lovelace") == [typed], "typing is untouched"
        panel.screenshot("lint-underline")

        panel.type("#note-text", " " + SAFETY)
        panel.wait_visible("#safety-banner")
        panel.wait_text("#safety-banner", SAFETY, contains=True)
        safety = "#lint-mirror mark[data-category='safety']"
        panel.wait_attribute(safety, "data-severity", "critical")
        panel.click("#safety-banner .acknowledge")
        panel.wait_hidden("#safety-banner")
        panel.wait_attribute(safety, "class", "lint-mark quiet")
        entries = daemon.cli("GET", "/v1/audit").json()["entries"]
        acknowledged = [e for e in entries if e["action"] == "safety_acknowledged"]
        assert len(acknowledged) == 1 and acknowledged[0]["detail"]["category"] == "safety"
        assert "SI/HI" not in str(acknowledged[0]["detail"])


def drop_file(page: EnginePage, path: Path) -> None:
    """A drop event on the zone carrying the file, as the browser makes it."""
    data = js(base64.b64encode(path.read_bytes()).decode())
    page.evaluate(
        f"(() => {{ const bytes = Uint8Array.from(atob({data}), (c) => c.charCodeAt(0));"
        " const transfer = new DataTransfer();"
        f" transfer.items.add(new File([bytes], {js(path.name)}));"
        " const zone = document.getElementById('drop-zone');"
        " const init = {dataTransfer: transfer, bubbles: true, cancelable: true};"
        " zone.dispatchEvent(new DragEvent('dragover', init));"
        " zone.dispatchEvent(new DragEvent('drop', init)); return true; })()"
    )


def test_export_check_on_the_vault_page(engine: Engine, margin_home: Path) -> None:
    with paired_with_vault(engine, margin_home) as daemon:
        vault_ids = {}
        for index, note in enumerate(CORPUS_NOTES):
            body = {"text": note["text"], "client": f"Client {index}",
                    "context": {"site": "generic"}}
            vault_ids[note["id"]] = daemon.cli("POST", "/v1/notes", body).json()["id"]
        vault = engine.open_extension_page("src/vault/vault.html#exports")
        vault.wait_visible("#exports-view")

        drop_file(vault, CORPUS / "files" / "leak_chromium.pdf")
        leak = "#scan-reports > .report-file[data-path='leak_chromium.pdf']"
        eventually(lambda: vault.count(leak), "the dropped file's report", timeout=60)
        vault.wait_attribute(leak, "data-verdict", "leak", timeout=60)
        (leaked,) = EXPECTED["leak_chromium.pdf"]["notes"]
        link = f"{leak} .note-link[data-note-id='{vault_ids[leaked]}']"
        vault.wait_visible(link)
        private = next(n["text"] for n in CORPUS_NOTES if n["id"] == leaked)
        reports = vault.text("#scan-reports") or ""
        assert " ".join(private.split()[:6]) not in reports, "the report quotes no note"
        vault.click(link)
        vault.wait_text("#reader-text", private)

        vault.evaluate("(location.hash = '#exports', true)")
        vault.wait_visible("#exports-view")
        # Chosen in the file picker (Playwright's set_input_files, BiDi's input.setFiles).
        vault.set_files("#export-file", [str(CORPUS / "files" / "clean_reportlab.pdf")])
        clean = "#scan-reports > .report-file[data-path='clean_reportlab.pdf']"
        eventually(lambda: vault.count(clean), "the second file's report", timeout=60)
        vault.wait_attribute(clean, "data-verdict", "clean", timeout=60)
        vault.screenshot("vault-export-check")


def test_vault_page_lists_searches_audits_and_sets(engine: Engine, margin_home: Path) -> None:
    with paired_with_vault(engine, margin_home) as daemon:
        for client, text in [("Ada Lovelace", "About the orchard."),
                             ("Grace Hopper", "About the compass.")]:
            body = {"text": text, "client": client, "context": {"site": "generic"}}
            assert daemon.cli("POST", "/v1/notes", body).status == 201
        vault = engine.vault_page()
        vault.wait_text("#clients", "Ada Lovelace (1)", contains=True)
        vault.wait_text("#clients", "Grace Hopper (1)", contains=True)
        vault.click("#clients button")  # the workspace: a client, then one of their notes
        vault.click("#client-notes button")
        vault.wait_text("#reader-text", "About the orchard.")

        vault.click("nav [data-show='search-view']")
        vault.fill("#search", "compass")
        vault.click("#search-form button")
        eventually(lambda: vault.count("#search-results li") == 1, "one search result")
        vault.wait_text("#search-results", "Grace Hopper", contains=True)

        vault.click("nav [data-show='audit-view']")
        vault.wait_visible("#audit-rows li")
        vault.wait_text("#audit-verification", "checks out", contains=True)

        vault.click("nav [data-show='settings-view']")
        vault.fill("#auto-lock", "42")
        vault.click("#autolock-form button")
        vault.wait_text("#autolock-status", "Saved")
        assert daemon.cli("GET", "/v1/settings").json()["auto_lock_minutes"] == 42
        vault.wait_text("#pairings", "this browser", contains=True)
        # The test build holds the EHR sites' permissions: they show as enabled.
        eventually(lambda: vault.query("#site-simplepractice", "!!el && el.checked"),
                   "the SimplePractice site shown as enabled")
        vault.screenshot("vault-settings")
        vault.click("#lock-now")
        vault.wait_attribute("#setup", "data-state", "locked")
