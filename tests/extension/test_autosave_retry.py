"""The panel's NoteSaver, run in node with the daemon's answers held until the test releases
them: when Margin becomes ready while a failed save is being retried, the next retry goes at
once instead of waiting out the back-off (which left "Saved" unshown for up to ten seconds
after unlocking). The timers are recorded, not waited for, so nothing here depends on speed."""

from __future__ import annotations

import json

from tests.extension.harness import EXTENSION_DIR, node_json

AUTOSAVE = EXTENSION_DIR / "src" / "panel" / "autosave.js"

# Each daemon call waits for the test to answer it; every setTimeout is recorded with its
# delay and fired only when the script says so.
SCRIPT = """
import { NoteSaver } from %(module)s;
const timers = [];
globalThis.setTimeout = (fn, ms) => { timers.push({ fn, ms }); return timers.length; };
globalThis.clearTimeout = (id) => { if (timers[id - 1]) timers[id - 1].fn = null; };
const calls = [];
const call = (method, path, body) => new Promise((answer) => calls.push({ body, answer }));
const settle = () => new Promise((done) => setImmediate(done));
const lastDelay = () => timers[timers.length - 1].ms;
const locked = { ok: false, status: 409, problem: 'locked', error: { error: 'locked' } };
const steps = {};

const saver = new NoteSaver({ call });
saver.load({ id: 'n1', version: 'v1', text: 'kept' });
saver.edit('kept and more');
saver.flush();
calls[0].answer(locked); await settle();
steps.first_failure = { status: saver.status, delay: lastDelay() };

saver.flush();                  // the back-off's retry is on its way...
saver.retryNow();               // ...when the vault is unlocked
calls[1].answer(locked); await settle();   // it was sent before the unlock
steps.failed_after_ready = { status: saver.status, delay: lastDelay(), calls: calls.length };

saver.flush();
calls[2].answer({ ok: true, body: { id: 'n1', version: 'v2', text: 'kept and more' } });
await settle();
steps.saved = { status: saver.status, text: saver.acknowledgedText };

saver.edit('kept and more, again');
saver.flush();
calls[3].answer(locked); await settle();
steps.later_failure = { delay: lastDelay() };  // the at-once retry was used up: back-off again

saver.retryNow();               // not in flight: sends now
steps.ready_when_idle = { calls: calls.length, in_flight: saver.inFlight };
calls[4].answer({ ok: true, body: { id: 'n1', version: 'v3', text: 'kept and more, again' } });
await settle();
saver.retryNow();               // nothing failed: nothing to send
steps.ready_when_saved = { calls: calls.length, status: saver.status };
console.log(JSON.stringify(steps));
"""


def run_saver_script() -> dict:
    return node_json(SCRIPT % {"module": json.dumps(AUTOSAVE.as_uri())})


def test_a_retry_in_flight_when_margin_becomes_ready_is_followed_at_once() -> None:
    steps = run_saver_script()
    assert steps["first_failure"] == {"status": "error", "delay": 1000}
    # Without retryNow this failure would wait 2 s, then 4, 8 and 10.
    assert steps["failed_after_ready"] == {"status": "error", "delay": 0, "calls": 2}
    assert steps["saved"] == {"status": "saved", "text": "kept and more"}
    assert steps["later_failure"] == {"delay": 1000}


def test_ready_sends_a_failed_save_now_and_leaves_a_saved_note_alone() -> None:
    steps = run_saver_script()
    assert steps["ready_when_idle"] == {"calls": 5, "in_flight": True}
    assert steps["ready_when_saved"] == {"calls": 5, "status": "saved"}
