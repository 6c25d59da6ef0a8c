"""What the benchmarks share: the ``edition`` command, timing one command as a process of its own, and how a share
is printed."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass

#: The installed command, or the package run as a module from a checkout.
EDITION = [shutil.which("edition")] if shutil.which("edition") else [sys.executable, "-m", "edition"]


def pct(part: float, whole: float, digits: int = 1) -> str:
    """A share as the benchmarks print it: "99.5 %", or "-" of nothing."""
    return f"{100 * part / whole:.{digits}f} %" if whole else "-"


@dataclass(frozen=True)
class Run:
    seconds: float  # the median wall time, start-up included
    mb: int  # the peak memory of the command with its worker processes, over the runs (see measure)
    status: int  # the exit status of the last run
    output: str  # what the last run printed, standard output and error together
    marked: float | None = None  # the median time until it printed ``mark`` (see measure), where it did


def tree_kb(pid: int) -> int:
    """The resident memory of a process and all its descendants together (kB), from /proc (0 elsewhere).

    Summing counts the pages they share once per process, so it overstates rather than understates."""
    total, todo = 0, [pid]
    while todo:
        proc = todo.pop()
        try:
            with open(f"/proc/{proc}/status", encoding="ascii", errors="replace") as status:
                total += next((int(line.split()[1]) for line in status if line.startswith("VmRSS:")), 0)
            for task in os.listdir(f"/proc/{proc}/task"):
                with open(f"/proc/{proc}/task/{task}/children", encoding="ascii") as children:
                    todo.extend(int(c) for c in children.read().split())
        except (OSError, ValueError):
            continue  # the process ended meanwhile
    return total


def _sample(pid: int, every: float, done: threading.Event, peak: list[int], log: int, mark: str | None,
            start: float, marked: list[float]) -> None:
    while not done.wait(every):
        peak[0] = max(peak[0], tree_kb(pid))
        if mark and not marked and mark.encode() in os.pread(log, 1 << 22, 0):
            marked.append(time.perf_counter() - start)


def measure(cmd: list[str], repeat: int = 1, every: float = 0.02, mark: str | None = None) -> Run:
    """Run ``cmd`` ``repeat`` times as a process of its own. Its memory is the larger of its own peak (ru_maxrss)
    and the peak of the sum over it and its descendants (worker processes, pagefind), sampled every ``every``
    seconds: a build in several processes is measured as a whole. ``mark``: words the command prints on the way
    (a rebuild's "the pages are in place"), timed when they appear (to within ``every``)."""
    times, kb, status, output, marks = [], 0, 0, "", []
    for _ in range(repeat):
        with tempfile.TemporaryFile("w+") as log:
            start = time.perf_counter()
            proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, text=True)
            peak, done, marked = [0], threading.Event(), []
            sampler = threading.Thread(target=_sample, args=(proc.pid, every, done, peak, log.fileno(), mark, start,
                                                             marked), daemon=True)
            sampler.start()
            _, raw, usage = os.wait4(proc.pid, 0)
            times.append(time.perf_counter() - start)
            done.set()
            sampler.join()
            status = os.waitstatus_to_exitcode(raw)
            kb = max(kb, usage.ru_maxrss, peak[0])
            log.seek(0)
            output = log.read()
            if mark and mark in output:
                marks.append(marked[0] if marked else times[-1])  # (printed within the last tick)
    return Run(statistics.median(times), kb // 1024, status, output,
               statistics.median(marks) if len(marks) == repeat else None)
