"""Progress of long runs on standard error: a bar on a terminal, plain lines in CI and logs."""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

#: Runs with fewer steps than this finish too soon to need a progress report ...
THRESHOLD = 200
#: ... and so do runs that have not yet taken this long (seconds): nothing is shown before.
DELAY = 1.0


class Progress:
    """Counts steps of a named task; silent for short tasks, and when ``enabled`` is false."""

    def __init__(self, label: str, total: int, stream: TextIO | None = None, enabled: bool = True):
        self.label, self.total, self.done = label, total, 0
        self.stream = stream or sys.stderr
        self.enabled = enabled and total >= THRESHOLD
        self.bar = self.enabled and self.stream.isatty() and not os.environ.get("CI")
        self.started = time.perf_counter()
        self._next_line = 0.1
        self.shown = False

    def advance(self, steps: int = 1) -> None:
        self.done += steps
        if not self.enabled or (not self.shown and time.perf_counter() - self.started < DELAY):
            return
        self.shown = True
        share = self.done / self.total
        if self.bar:
            filled = int(share * 30)
            self.stream.write(f"\r{self.label} [{'#' * filled}{' ' * (30 - filled)}] {self.done}/{self.total}")
            self.stream.flush()
        elif share >= self._next_line or self.done == self.total:
            self.stream.write(f"{self.label}: {self.done}/{self.total} ({share:.0%})\n")
            self._next_line = (int(share * 10) + 1) / 10

    def finish(self) -> None:
        if self.shown:
            seconds = time.perf_counter() - self.started
            end = "\n" if self.bar else ""
            self.stream.write(f"{end}{self.label}: {self.done} in {seconds:.1f} s\n")
