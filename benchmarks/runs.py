"""What the benchmarks share: the ``edition`` command, and timing one command as a process of its own."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass

#: The installed command, or the package run as a module from a checkout.
EDITION = [shutil.which("edition")] if shutil.which("edition") else [sys.executable, "-m", "edition"]


@dataclass(frozen=True)
class Run:
    seconds: float  # the median wall time, start-up included
    mb: int  # the peak resident size of the command's own process (ru_maxrss), over the runs
    status: int  # the exit status of the last run
    output: str  # what the last run printed, standard output and error together


def measure(cmd: list[str], repeat: int = 1) -> Run:
    times, mb, status, output = [], 0, 0, ""
    for _ in range(repeat):
        with tempfile.TemporaryFile("w+") as log:
            start = time.perf_counter()
            proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, text=True)
            _, raw, usage = os.wait4(proc.pid, 0)
            times.append(time.perf_counter() - start)
            status = os.waitstatus_to_exitcode(raw)
            mb = max(mb, usage.ru_maxrss // 1024)
            log.seek(0)
            output = log.read()
    return Run(statistics.median(times), mb, status, output)
