"""Where the clinician stands is asked by the panel's poll, after a failed save and after each
form, so two questions can be on their way at once. Run in node with the worker's answers
held until the test releases them: an answer to a question asked while Margin was down
("not running") that arrives after the answer to a later one ("locked") must not be drawn,
or it replaces the unlock form the clinician is typing in (seen once in Firefox, where the
older question waited on a native-messaging attempt)."""

from __future__ import annotations

import json

from tests.extension.harness import EXTENSION_DIR, node_json

MESSAGES = EXTENSION_DIR / "src" / "shared" / "messages.js"

SCRIPT = """
const held = [];
globalThis.chrome = {
  runtime: {
    getURL: () => 'chrome-extension://test/',
    sendMessage: (message) => new Promise((answer) => held.push({ message, answer })),
  },
};
const { ask, newestOnly } = await import(%(module)s);
const settle = () => new Promise((done) => setImmediate(done));
const askConnection = newestOnly(() => ask('connection'));
const steps = {};

const older = askConnection();            // asked while Margin was down
const newer = askConnection();            // asked after it came back
held[1].answer({ state: 'locked' }); await settle();
held[0].answer({ state: 'not_running' }); await settle();
steps.overlapping = {
  newer: await newer, older: await older, asked: held.map((h) => h.message.type),
};

const alone = askConnection();            // one question at a time: every answer counts
held[2].answer({ state: 'ready' });
steps.alone = await alone;

const first = askConnection();
const second = askConnection();
held[3].answer({ state: 'locked' }); await settle();   // answers in order: only the newest counts
held[4].answer({ state: 'ready' }); await settle();
steps.in_order = { first: await first, second: await second };
console.log(JSON.stringify(steps));
"""


def run_script() -> dict:
    return node_json(SCRIPT % {"module": json.dumps(MESSAGES.as_uri())})


def test_an_older_answer_arriving_last_is_not_drawn() -> None:
    steps = run_script()
    assert steps["overlapping"] == {
        "newer": {"state": "locked"}, "older": None, "asked": ["connection", "connection"],
    }
    assert steps["alone"] == {"state": "ready"}
    assert steps["in_order"] == {"first": None, "second": {"state": "ready"}}


def test_both_pages_ask_where_the_clinician_stands_through_it() -> None:
    for page in ("panel/panel.js", "vault/vault.js"):
        source = (EXTENSION_DIR / "src" / page).read_text(encoding="utf-8")
        assert "newestOnly(() => ask('connection'))" in source, page
        assert "await ask('connection')" not in source, page
