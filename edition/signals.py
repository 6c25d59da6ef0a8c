"""Interrupted runs end with one line: SIGTERM is taken as Ctrl-C, and worker processes leave both to their parent.

A terminal's Ctrl-C reaches every process of the group; a worker that took it would print a traceback of its own.
Workers therefore ignore SIGINT (their parent stops them) and die quietly of SIGTERM, while the main process turns
SIGTERM into :class:`KeyboardInterrupt`, so that the same clean-up runs (the half-built site is removed) and the
command says in one line that it was interrupted.
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator


def quiet_worker() -> None:
    """The initializer of a worker process: its parent alone answers Ctrl-C and SIGTERM."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt(signal.Signals(signum).name)


@contextlib.contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """While the block runs, SIGTERM raises KeyboardInterrupt in the main thread, as SIGINT does."""
    before = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)
