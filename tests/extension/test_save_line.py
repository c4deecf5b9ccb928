"""The panel's save-status line (save-line.js), run in node: while a failed save is retried,
the line keeps saying why it failed until a save succeeds. Switching to "Saving…" and back at
every retry changed the line's height, and the unlock form below it moved under the pointer:
the Firefox first-run test missed the unlock button about one run in eight that way."""

from __future__ import annotations

import json

from tests.extension.harness import EXTENSION_DIR, node_json

SAVE_LINE = EXTENSION_DIR / "src" / "panel" / "save-line.js"

SCRIPT = """
globalThis.chrome = {
  runtime: { getURL: () => 'chrome-extension://test/' },
  i18n: { getMessage: (key, subs) => [key, ...(subs || [])].join(':') },
};
const { saveLine } = await import(%(module)s);
const locked = { problem: 'locked', error: null };
const lines = {
  failed: saveLine({ status: 'error', failure: locked }),
  retrying: saveLine({ status: 'saving', failure: locked, inFlight: true }),
  typed_while_failing: saveLine({ status: 'pending', failure: locked }),
  saving: saveLine({ status: 'saving', failure: null, inFlight: true }),
  saved: saveLine({ status: 'saved', failure: null }),
  sync_conflict: saveLine({ status: 'sync_conflict', failure: locked, inFlight: false }),
};
console.log(JSON.stringify(lines));
"""


def lines() -> dict:
    return node_json(SCRIPT % {"module": json.dumps(SAVE_LINE.as_uri())})


def test_a_retried_save_keeps_saying_why_it_failed() -> None:
    seen = lines()
    failed = ["error", "statusNotSaved:problem_locked"]
    assert seen["failed"] == failed
    assert seen["retrying"] == failed
    assert seen["typed_while_failing"] == failed


def test_the_other_states_say_what_they_are() -> None:
    seen = lines()
    assert seen["saving"] == ["saving", "statusSaving"]
    assert seen["saved"] == ["saved", "statusSaved"]
    assert seen["sync_conflict"] == ["conflict", "statusSyncConflict"]
