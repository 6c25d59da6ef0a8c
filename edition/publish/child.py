"""Python processes that a build starts and that die with it.

On Linux a child asks to be killed when its parent goes (``PR_SET_PDEATHSIG``, kept across exec), so that a build
killed with SIGKILL leaves no process behind, writing into a folder that the next build removes."""

from __future__ import annotations

import os
import sys

_LAUNCH = """
import ctypes, os, runpy, signal, sys
try:
    ctypes.CDLL(None).prctl(1, signal.SIGKILL)
except (AttributeError, OSError):
    pass
if os.getppid() != int(sys.argv[1]):
    sys.exit("the build that started this process has ended")
target, sys.argv = sys.argv[2], sys.argv[2:]
if target.endswith(".py"):
    runpy.run_path(target, run_name="__main__")
else:
    runpy.run_module(target, run_name="__main__", alter_sys=True)
"""


def python_child(target: str, *args: str) -> list[str]:
    """The command line that runs ``target`` (a module's name, as ``python -m``, or a script's path, ending in
    ``.py``) with ``args`` in a process that dies with this one."""
    return [sys.executable, "-c", _LAUNCH, str(os.getpid()), target, *args]
