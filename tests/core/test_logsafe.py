"""Bugs are logged by type and place, never with the data their message may quote."""

from __future__ import annotations

from margin.logsafe import describe_bug


def test_bug_description_has_no_message_text() -> None:
    try:
        {"Ada Quill": 1}["Rosa Lind's dream of the flooded cellar"]
    except KeyError as error:
        described = describe_bug(error)
    assert described.startswith("KeyError at test_logsafe.py:")
    assert "Rosa" not in described and "cellar" not in described
