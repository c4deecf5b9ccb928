"""The content script on a second, held-out set of EHR-like pages (tests/ehr_pages/holdout/).

The pages were written before the detection was tuned to them, each with a JSON sidecar
saying which field should get the button (a CSS selector matched against the field or the
iframe around it, or null for "no field") and which client and appointment date the page
shows. Each page is opened in real Chromium with the test build of the extension; one
browser serves every page so the whole set runs in about a minute. The score is printed and
written to tests/artifacts/holdout-score.txt; pages the detection still gets wrong are
listed in KNOWN_MISSES (strict xfail: fixing one makes its test fail until it is removed).
"""

from __future__ import annotations

import datetime
import json
import re
import ssl
import threading
import time
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, Playwright

from tests.extension.ehr_server import (
    EDITOR_BUNDLES,
    FOLDER_BY_DOMAIN,
    EhrServer,
    _self_signed,
    editor_asset,
)
from tests.extension.harness import ARTIFACTS, ExtensionBrowser, content_script_eval, launch

pytestmark = pytest.mark.browser

PAGES = Path(__file__).resolve().parent.parent / "ehr_pages"
HOLDOUT = PAGES / "holdout"
PHASE_TIMEOUT = 10.0  # real editor bundles (/_editors/) take seconds to load on a busy machine
SETTLE_FOR_NONE = 2.0  # "no field" is only believed after a full rescan has had its chance

# Pages the detection still gets wrong, with the reason (see the report in the commit).
KNOWN_MISSES: dict[str, str] = {
    # Batch 7, written by a helper who never saw the detector; first run 12/24 before any
    # change for it (field 28/29, client 17/24, date 19/23); 14/24 after issue 13's changes
    # made without it (field 28/29, client 18/24, date 21/23); 24/24 after the changes made
    # for it (general rules: see the commits), so these pages are no longer held out.
}


@dataclass
class Case:
    site: str
    page: str
    spec: dict[str, Any]

    @property
    def id(self) -> str:
        return f"{self.site}/{self.page}"

    def phases(self) -> list[dict[str, Any]]:
        return list(self.spec.get("phases") or [self.spec])


def discover() -> list[Case]:
    cases = []
    for sidecar in sorted(HOLDOUT.glob("*/*.json")):
        cases.append(
            Case(sidecar.parent.name, sidecar.stem + ".html", json.loads(sidecar.read_text()))
        )
    return cases


CASES = discover()


# --- a server for the holdout folders, one per EHR host name ---------------------------------


def start_holdout_server(tmp: Path) -> EhrServer:
    state = EhrServer(port=0)

    class Handler(SimpleHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def translate_path(self, path: str) -> str:
            clean = path.split("?", 1)[0].split("#", 1)[0]
            if clean == "/spy.js":
                return str(PAGES / "spy.js")
            if clean.startswith("/_editors/"):
                return editor_asset(clean) or str(EDITOR_BUNDLES / "missing")
            host = self.headers.get("Host", "").split(":")[0]
            folder = HOLDOUT / next(
                (name for domain, name in FOLDER_BY_DOMAIN.items() if host.endswith(domain)),
                "generic",
            )
            name = clean.strip("/").split("/")[0]
            target = (folder / name).resolve()
            if target.parent != folder.resolve():
                return str(folder / "missing")
            if not target.exists() and (folder / f"{name}.html").exists():
                return str(folder / f"{name}.html")  # a single-page app's own routes
            return str(target)

        def end_headers(self) -> None:
            self.send_header("Cache-Control", "no-store")
            super().end_headers()

        def do_POST(self) -> None:  # the spy script ships what it saw; not needed here
            self.rfile.read(int(self.headers.get("Content-Length", "0")))
            self.send_response(204)
            self.end_headers()

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    cert_path, key_path = _self_signed(tmp)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_path, key_path)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    state.port, state.server = server.server_address[1], server
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return state


def batch_of(page_id: str) -> str:
    """Batch 1 was written before any change; batch 2 ("b2-" pages) after the first fixes and
    run once before the next; batch 3 ("b3-") with later fixes, as regression pages; batch 4
    ("b4-") after those, run once before the next change; batches 5, 6 and 7 ("b5-", "b6-",
    "b7-") with real editors (/_editors/), each run once before changes made for it."""
    name = page_id.split("/")[-1]
    return f"batch {name[1]}" if re.match(r"b\d-", name) else "batch 1"


@dataclass
class Scoreboard:
    checks: dict[str, dict[str, list[bool]]] = field(default_factory=dict)
    pages: dict[str, list[str]] = field(default_factory=dict)

    def add(self, page_id: str, problems: list[str], checks: dict[str, list[bool]]) -> None:
        self.pages[page_id] = problems
        batch = self.checks.setdefault(batch_of(page_id), {})
        for aspect, results in checks.items():
            batch.setdefault(aspect, []).extend(results)

    def summary(self) -> str:
        lines = []
        for batch, checks in sorted(self.checks.items()):
            pages = [problems for page, problems in self.pages.items() if batch_of(page) == batch]
            lines.append(f"holdout {batch}: {sum(not p for p in pages)}/{len(pages)} pages right")
            lines += [f"  {name}: {sum(r)}/{len(r)}" for name, r in checks.items()]
        lines += [
            f"  MISS {page}: {'; '.join(problems)}"
            for page, problems in self.pages.items()
            if problems
        ]
        return "\n".join(lines)


@pytest.fixture(scope="module")
def holdout_browser(
    playwright_session: Playwright,
    test_extension: Path,
    editor_bundles: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[ExtensionBrowser, Page]]:
    server = start_holdout_server(tmp_path_factory.mktemp("holdout-tls"))
    browser = launch(
        playwright_session, tmp_path_factory.mktemp("holdout-profile"), test_extension, server
    )
    # The generic adapter runs on demand (the toolbar button): asked from an extension page.
    panel = browser.panel()
    yield browser, panel
    browser.context.close()
    server.stop()


@pytest.fixture(scope="module")
def scoreboard() -> Iterator[Scoreboard]:
    board = Scoreboard()
    yield board
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "holdout-score.txt").write_text(board.summary() + "\n")
    print("\n" + board.summary())


# --- comparing what the extension saw with the sidecar ---------------------------------------


def name_tokens(name: str | None) -> set[str] | None:
    """'Doe, Jane' and 'Jane Doe' are the same client; so are case and spacing variants."""
    if name is None:
        return None
    folded = unicodedata.normalize("NFC", name).casefold()
    return {token for token in re.split(r"[^\w'-]+", folded) if token}


FIELD_PROBE = """
(() => {
  const M = globalThis.Margin;
  const found = M.adapterFor(location).findNoteField(M.collectRoots(document));
  if (!found) return null;
  const test = (element) => { try { return element.matches(%s); } catch { return false; } };
  const classes = (element) => (element.getAttribute('class') || '').trim().split(/\\s+/);
  const describe = (element) => [element.localName, element.id && `#${element.id}`,
    element.getAttribute('class') && `.${classes(element).slice(0, 2).join('.')}`].join('');
  return { matches: test(found.element) || test(found.anchor), found: describe(found.anchor) };
})()
"""


def phase_problems(
    page: Page, report: dict[str, Any] | None, expected: dict[str, Any]
) -> dict[str, str]:
    """Each checked aspect that disagrees with the sidecar, with what was seen."""
    problems: dict[str, str] = {}
    if report is None:
        return {"field": "no report", "client": "no report", "date": "no report"}
    if "field" in expected:
        want = expected["field"]
        if want is None and report["field"] is not None:
            probe = content_script_eval(page, FIELD_PROBE % json.dumps("*"))
            problems["field"] = f"expected none, found {probe and probe['found']}"
        elif want is not None:
            probe = (
                content_script_eval(page, FIELD_PROBE % json.dumps(want))
                if report["field"]
                else None
            )
            if not probe or not probe["matches"]:
                problems["field"] = f"expected {want}, found {probe and probe['found']}"
    if "client" in expected and name_tokens(report["client"]) != name_tokens(expected["client"]):
        problems["client"] = f"expected {expected['client']!r}, read {report['client']!r}"
    context = report.get("context", {})
    want_date = expected.get("date")
    relative = {"TODAY": 0, "YESTERDAY": -1}  # a page that says "Today": the run's own date
    if want_date in relative:
        shift = datetime.timedelta(days=relative[want_date])
        want_date = (datetime.date.today() + shift).isoformat()
    if "date" in expected and context.get("appointment_date") != want_date:
        problems["date"] = f"expected {want_date}, read {context.get('appointment_date')}"
    if "client_ref" in expected and context.get("client_ref") != expected["client_ref"]:
        problems["client_ref"] = (
            f"expected {expected['client_ref']}, read {context.get('client_ref')}"
        )
    return problems


def run_phase(
    browser: ExtensionBrowser, page: Page, tab: int, expected: dict[str, Any]
) -> dict[str, str]:
    if expected.get("click"):
        # As a script would: the "Private notes" button may sit over the control.
        page.eval_on_selector(expected["click"], "(element) => element.click()")
    if expected.get("field", "") is None:
        time.sleep(SETTLE_FOR_NONE)
    deadline = time.monotonic() + PHASE_TIMEOUT
    while True:
        problems = phase_problems(page, browser.stored_report(tab), expected)
        if not problems or time.monotonic() > deadline:
            return problems
        time.sleep(0.25)


def run_case(
    browser: ExtensionBrowser, panel: Page, case: Case
) -> tuple[list[str], dict[str, list[bool]]]:
    """Every disagreement on the page, and each checked aspect's right/wrong per phase."""
    path = case.spec.get("path", f"/{case.page}")
    page = browser.open_ehr(case.site, path)
    try:
        tab = browser.tab_id(page)
        if case.site == "generic":
            reply = panel.evaluate(
                "(tab) => chrome.runtime.sendMessage({type: 'find_field_here', tabId: tab})", tab
            )
            assert reply["ok"], reply
        seen: list[str] = []
        checks: dict[str, list[bool]] = {"field": [], "client": [], "date": []}
        for number, expected in enumerate(case.phases()):
            problems = run_phase(browser, page, tab, expected)
            seen += [f"phase {number} {aspect}: {text}" for aspect, text in problems.items()]
            for aspect, results in checks.items():
                if aspect in expected:
                    results.append(aspect not in problems)
        return seen, checks
    finally:
        page.close()


def _param(case: Case) -> Any:
    marks = []
    if case.id in KNOWN_MISSES:
        marks.append(pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[case.id]))
    return pytest.param(case, id=case.id, marks=marks)


@pytest.mark.parametrize("case", [_param(case) for case in CASES])
def test_holdout_page(
    holdout_browser: tuple[ExtensionBrowser, Page], scoreboard: Scoreboard, case: Case
) -> None:
    browser, panel = holdout_browser
    problems, checks = run_case(browser, panel, case)
    scoreboard.add(case.id, problems, checks)
    assert not problems, f"{case.id} ({case.spec.get('why', '')}):\n  " + "\n  ".join(problems)


def test_holdout_set_is_big_and_varied() -> None:
    """The set stays what the issue asked for: 20+ pages, every EHR host, some with no field."""
    assert len(CASES) >= 20
    assert {case.site for case in CASES} == set(FOLDER_BY_DOMAIN.values())
    assert any(phase.get("field", "") is None for case in CASES for phase in case.phases())
    assert sum(len(case.phases()) > 1 for case in CASES) >= 3  # pages that change later
