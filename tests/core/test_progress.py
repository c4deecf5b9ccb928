"""Progress bars of long commands: drawn on a terminal, silent for scripts and --json."""

from __future__ import annotations

import io

import pytest

from margin.cli.progress import progress_bar


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_drawn_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    screen = Terminal()
    monkeypatch.setattr("sys.stderr", screen)
    with progress_bar("Checking every object") as progress:
        assert progress is not None
        for done in range(1, 11):
            progress(done, 10)
    assert "Checking every object" in screen.getvalue()
    assert "100%" in screen.getvalue()


def test_silent_when_not_a_terminal_or_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stderr", io.StringIO())
    with progress_bar("Copying") as progress:
        assert progress is None
    monkeypatch.setattr("sys.stderr", Terminal())
    with progress_bar("Copying", quiet=True) as progress:
        assert progress is None
