"""The misplacement check in the panel (issue 8, item 3), in real Chromium against a real
daemon: sentences that belong in the progress note are underlined as the clinician writes,
with the reason on hover and at the caret; safety sentences raise a banner whose
acknowledgement is audited; typing stays exactly what was typed and autosave still saves it;
an answer for an older text is never shown over a newer one."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Page, Playwright, expect

from tests.conftest import RunningDaemon, start_daemon, stop_daemon
from tests.extension.ehr_server import EhrServer
from tests.extension.harness import (
    ExtensionBrowser,
    launch,
    pair_and_create_vault,
    screenshot,
)

pytestmark = pytest.mark.browser

PRIVATE = "I keep thinking about the kite she drew and how small the house looked in it. "
MEDICATION = "Pt started sertraline 50 mg daily last week."
SAFETY = "Denies SI/HI."
SAFETY_2 = "Client said she has a plan to take all of her pills this weekend."


CENTRE_OF_FIRST_LINE = """m => {
    const r = m.getClientRects()[0];
    return {x: r.left + r.width / 2, y: r.top + r.height / 2};
}"""
CARET_AT = """(t, at) => {
    t.focus();
    t.setSelectionRange(at, at);
    t.dispatchEvent(new KeyboardEvent('keyup'));
}"""
DELETE_SENTENCE = """(t, s) => {
    t.value = t.value.replace(s, '');
    t.dispatchEvent(new Event('input'));
}"""


@dataclass
class Env:
    browser: ExtensionBrowser
    daemon: RunningDaemon
    tab: int


@pytest.fixture(scope="module")
def env(
    playwright_session: Playwright,
    test_extension: Path,
    ehr_server: EhrServer,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Env]:
    daemon = start_daemon(tmp_path_factory.mktemp("lint-home"))
    profile = tmp_path_factory.mktemp("lint-profile") / "profile"
    browser = launch(playwright_session, profile, test_extension, ehr_server)
    try:
        pair_and_create_vault(browser, daemon)
        ehr = browser.open_ehr("simplepractice")
        ehr.click("#open-c-1001")
        tab = browser.tab_id(ehr)
        browser.wait_report(tab, lambda r: r["field"] is not None, "the EHR's note field")
        yield Env(browser, daemon, tab)
    finally:
        try:
            browser.context.close()
        finally:
            stop_daemon(daemon)


def open_panel(env: Env) -> Page:
    panel = env.browser.panel(env.tab)
    expect(panel.locator("#setup")).to_be_hidden()
    expect(panel.locator("#note-text")).to_be_editable()
    return panel


def saved_texts(daemon: RunningDaemon) -> list[str]:
    notes = daemon.cli("POST", "/v1/notes/search", {"client": "Ada Lovelace"}).json()["notes"]
    return [daemon.cli("GET", f"/v1/notes/{n['id']}").json()["text"] for n in notes]


def watch_input_timing(panel: Page) -> None:
    """Event Timing: how long each key and input event took until the next paint."""
    panel.evaluate(
        """() => {
            window.inputTimings = [];
            new PerformanceObserver((list) => {
                for (const entry of list.getEntries()) window.inputTimings.push(entry.duration);
            }).observe({type: 'event', durationThreshold: 16, buffered: false});
        }"""
    )


def test_record_content_is_underlined_with_its_reason_and_typing_is_untouched(env: Env) -> None:
    panel = open_panel(env)
    editor = panel.locator("#note-text")
    watch_input_timing(panel)
    typed = PRIVATE + MEDICATION + " We laughed about the dog."
    editor.press_sequentially(typed, delay=8)

    mark = panel.locator("#lint-mirror mark[data-category='medication']")
    expect(mark).to_have_text(MEDICATION)
    # The private sentences around it are not flagged.
    expect(panel.locator("#lint-mirror mark")).to_have_count(1)
    assert "underline" in mark.evaluate("m => getComputedStyle(m).textDecorationLine")
    # The mirror lays the text out exactly as the editor does, so the underline is under it.
    heights = editor.evaluate(
        "t => [t.scrollHeight, document.getElementById('lint-mirror').scrollHeight]"
    )
    assert heights[0] == heights[1], heights

    # The reason on hover (the mark is behind the transparent editor)...
    box = mark.evaluate(CENTRE_OF_FIRST_LINE)
    panel.mouse.move(box["x"], box["y"])
    tip = panel.locator("#lint-tip")
    expect(tip).to_be_visible()
    expect(tip).to_contain_text("Medication")
    expect(tip).to_contain_text("progress note")
    screenshot(panel, "panel-lint-underline-hover")
    panel.mouse.move(1, 1)
    expect(tip).to_be_hidden()
    # ...and at the caret, for the keyboard.
    start = typed.index(MEDICATION) + 5
    editor.evaluate(CARET_AT, start)
    expect(panel.locator("#lint-reason")).to_contain_text("belongs in the progress note")
    expect(panel.locator("#lint-list summary")).to_have_text(
        "1 sentence belongs in the progress note"
    )

    # Typing is untouched: the editor holds exactly what was typed, autosave saved it.
    expect(editor).to_have_value(typed)
    expect(panel.locator("#save-status")).to_have_text("Saved")
    assert saved_texts(env.daemon) == [typed]
    timings = panel.evaluate("window.inputTimings")
    assert max(timings, default=0) < 250, sorted(timings)[-5:]

    # Deleting the flagged sentence removes its underline at once (carried through the edit),
    # and the next answer agrees.
    editor.evaluate(DELETE_SENTENCE, MEDICATION)
    expect(panel.locator("#lint-mirror mark")).to_have_count(0)
    expect(panel.locator("#lint-list")).to_be_hidden()
    expect(panel.locator("#save-status")).to_have_text("Saved")
    panel.wait_for_timeout(1200)  # past the next check: the answer for the new text agrees
    expect(panel.locator("#lint-mirror mark")).to_have_count(0)
    assert saved_texts(env.daemon) == [typed.replace(MEDICATION, "")]
    panel.close()


def test_safety_banner_acknowledgement_is_audited_and_quiets_that_finding(env: Env) -> None:
    panel = open_panel(env)
    editor = panel.locator("#note-text")
    editor.press("End")
    editor.press_sequentially(" " + SAFETY, delay=8)
    banner = panel.locator("#safety-banner")
    expect(banner).to_be_visible()
    expect(banner.locator(".safety-item")).to_have_count(1)
    expect(banner).to_contain_text(SAFETY)
    expect(panel.locator("#lint-mirror mark[data-category='safety']")).to_have_attribute(
        "data-severity", "critical"
    )
    screenshot(panel, "panel-lint-safety-banner")

    banner.get_by_role("button", name="I have documented this in the progress note").click()
    expect(banner).to_be_hidden()
    expect(panel.locator("#lint-mirror mark[data-category='safety']")).to_have_class(
        "lint-mark quiet"
    )
    (note,) = env.daemon.cli("POST", "/v1/notes/search", {"client": "Ada Lovelace"}).json()["notes"]
    entries = env.daemon.cli("GET", "/v1/audit").json()["entries"]
    acknowledged = [e for e in entries if e["action"] == "safety_acknowledged"]
    assert len(acknowledged) == 1, acknowledged
    assert acknowledged[0]["note"] == note["id"]
    assert acknowledged[0]["detail"]["category"] == "safety"
    assert "SI/HI" not in str(acknowledged[0]["detail"])  # no note text in the audit entry

    # Writing on keeps that one quiet; a new safety sentence asks again.
    editor.press("End")
    editor.press_sequentially(" " + SAFETY_2, delay=8)
    expect(banner).to_be_visible()
    expect(banner.locator(".safety-item")).to_have_count(1)
    expect(banner).to_contain_text("plan to take all of her pills")
    expect(banner).not_to_contain_text(SAFETY)
    expect(panel.locator("#save-status")).to_have_text("Saved")
    screenshot(panel, "panel-lint-second-safety")
    panel.close()


def test_an_answer_for_an_older_text_is_dropped(env: Env) -> None:
    """The linter in the panel page itself, with a daemon call that answers late."""
    panel = open_panel(env)
    shown = panel.evaluate(
        """async () => {
            const { NoteLinter } = await import('./lint.js');
            const pending = [];
            const call = (method, path, body) =>
                new Promise((resolve) => pending.push({ body, resolve }));
            const shown = [];
            const onFindings = (text, findings, fresh) => {
                if (fresh) shown.push([text, findings.length]);
            };
            const linter = new NoteLinter({ call, delayMs: 10, onFindings });
            const wait = (ms) => new Promise((r) => setTimeout(r, ms));
            linter.textChanged('Pt takes lithium.');
            await wait(50);                          // the first text is on its way
            linter.textChanged('Pt takes lithium. More.');
            await wait(50);
            const finding = { start: 0, end: 17, category: 'medication', severity: 'warning',
                              message: 'm' };
            // The late answer, for the old text:
            pending[0].resolve({ ok: true, body: { findings: [finding] } });
            await wait(50);
            pending[1].resolve({ ok: true, body: { findings: [finding] } });
            await wait(50);
            return { shown, sent: pending.map((p) => p.body.text) };
        }"""
    )
    assert shown["sent"] == ["Pt takes lithium.", "Pt takes lithium. More."]
    assert shown["shown"] == [["Pt takes lithium. More.", 1]]
    panel.close()


COPIED_SAFETY = ("Client reported passive suicidal thoughts on two nights this week, "
                 "with no plan or intent, and agreed to keep her safety plan on the fridge.")
STAYS_FLAGGED = "Client denies homicidal ideation toward the neighbour."


def test_a_safety_sentence_copied_into_the_progress_note_is_no_longer_flagged(
    env: Env,
) -> None:
    """Issue 21 item 5: the clinician follows the banner and copies the safety sentence from
    the private note into the EHR's progress note. The leak guard answers it as record content
    (audited once, as documented in the progress note), and the panel clears that sentence's
    safety flag with no click; other safety sentences stay flagged."""
    ehr = env.browser.open_ehr("simplepractice", "/?copied")
    tab = env.browser.tab_id(ehr)  # found by its address, still its own before the click
    ehr.click("#open-c-1001")
    env.browser.wait_report(tab, lambda r: r["field"] is not None, "the EHR's note field")
    panel = env.browser.panel(tab)
    expect(panel.locator("#note-text")).to_be_editable()
    editor = panel.locator("#note-text")
    editor.press("End")
    editor.press_sequentially(f" {COPIED_SAFETY} {STAYS_FLAGGED}", delay=2)
    banner = panel.locator("#safety-banner")
    copied = banner.locator(".safety-item", has_text="passive suicidal thoughts")
    expect(copied).to_have_count(1)
    expect(banner.locator(".safety-item", has_text="the neighbour")).to_have_count(1)
    expect(panel.locator("#save-status")).to_have_text("Saved")

    ehr.click(".note-body")
    ehr.keyboard.type(f"Session focused on sleep. {COPIED_SAFETY}")
    expect(copied).to_have_count(0, timeout=15000)
    expect(banner.locator(".safety-item", has_text="the neighbour")).to_have_count(1)
    (mark,) = [m for m in panel.locator("#lint-mirror mark[data-category='safety']").all()
               if "passive suicidal" in m.inner_text()]
    expect(mark).to_have_class("lint-mark quiet")

    entries = env.daemon.cli("GET", "/v1/audit").json()["entries"]
    documented = [e for e in entries if e["action"] == "documented_in_record"]
    assert len(documented) == 1, documented
    assert documented[0]["detail"]["category"] == "safety"
    assert "suicidal" not in str(documented[0])  # no text in the audit trail
    panel.close()
    ehr.close()


def test_hints_for_the_private_note_are_gentle_and_only_when_asked(env: Env) -> None:
    """Issue 21 item 6: with the setting on (off by default), a full name and a long quotation
    in the private note get a gentle mark explained at the caret; they are not counted with
    the sentences that belong in the record, and raise no banner."""
    name = "Then Maria Lopez called."
    quote = '"I cannot keep doing this every single day with him in the house"'
    panel = open_panel(env)
    editor = panel.locator("#note-text")
    editor.press("End")
    editor.press_sequentially(f" {name}", delay=8)
    expect(panel.locator("#save-status")).to_have_text("Saved")
    panel.wait_for_timeout(1200)  # past the check of the typed text: no hint while off
    expect(panel.locator("#lint-mirror mark[data-severity='hint']")).to_have_count(0)
    panel.close()

    assert env.daemon.cli("PUT", "/v1/settings", {"private_note_hints": True}).status == 200
    try:
        panel = open_panel(env)
        editor = panel.locator("#note-text")
        editor.press("End")
        editor.press_sequentially(f" She said {quote}.", delay=4)
        hints = panel.locator("#lint-mirror mark[data-severity='hint']")
        expect(hints.filter(has_text="Maria Lopez")).to_have_attribute("data-category", "full_name")
        expect(hints.filter(has_text="every single day")).to_have_attribute(
            "data-category", "long_quote")
        # Gentle: no fill, not in the list of what belongs in the record.
        mark = hints.filter(has_text="Maria Lopez")
        assert mark.evaluate("m => getComputedStyle(m).backgroundColor") == "rgba(0, 0, 0, 0)"
        expect(panel.locator("#lint-list li[data-category='full_name']")).to_have_count(0)
        expect(panel.locator("#lint-list li[data-category='long_quote']")).to_have_count(0)
        # Explained at the caret, for keyboard and screen-reader users.
        at = editor.evaluate("(t) => t.value.indexOf('Maria Lopez') + 2")
        editor.evaluate(CARET_AT, at)
        expect(panel.locator("#lint-reason")).to_contain_text("A hint for this private note")
        expect(panel.locator("#lint-reason")).to_contain_text("Full name: Initials or a role")
        screenshot(panel, "panel-lint-hints")
        panel.close()
    finally:
        env.daemon.cli("PUT", "/v1/settings", {"private_note_hints": False})
