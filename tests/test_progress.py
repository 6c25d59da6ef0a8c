"""Progress reports: a bar on a terminal, plain lines elsewhere, nothing for short runs."""

from __future__ import annotations

import io

from edition import progress
from edition.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_plain_lines_in_logs(monkeypatch):
    monkeypatch.setattr(progress, "DELAY", 0)
    out = io.StringIO()
    p = Progress("validating", 1000, stream=out)
    for _ in range(1000):
        p.advance()
    p.finish()
    lines = out.getvalue().splitlines()
    assert lines[0] == "validating: 100/1000 (10%)" and lines[-2] == "validating: 1000/1000 (100%)"
    assert len(lines) == 11 and lines[-1].startswith("validating: 1000 in ")


def test_a_bar_on_a_terminal(monkeypatch):
    monkeypatch.setattr(progress, "DELAY", 0)
    monkeypatch.delenv("CI", raising=False)
    out = Terminal()
    p = Progress("reading", 300, stream=out)
    for _ in range(300):
        p.advance()
    p.finish()
    assert "\rreading [" + "#" * 30 + "] 300/300" in out.getvalue()


def test_short_runs_say_nothing(monkeypatch):
    out = io.StringIO()
    p = Progress("reading", 50, stream=out)  # too few steps
    p.advance(50)
    p.finish()
    q = Progress("reading", 5000, stream=out)  # quick: done before the delay
    q.advance(5000)
    q.finish()
    assert out.getvalue() == ""
