"""Replacing a built folder safely: one build at a time, in one atomic step, and nothing left behind.

A build writes its site into a new folder beside the output (``.NAME-building-XXXX``) and swaps it in at the end.
On Linux the swap is one ``renameat2(RENAME_EXCHANGE)`` call, so the output folder is at every moment either the
old site or the new one, whenever the process is killed; elsewhere it is two renames, with the old site kept until
the new one is in place. A lock on the folder that holds the output makes a second build wait for the first, so
that it never reports "up to date" from a site that is being replaced, and each build first removes the folders
that a killed build left.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # not on Windows: builds there are not locked against each other
    fcntl = None


@contextlib.contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold the lock of the folder that holds ``out`` (``flock`` on the folder itself, so that no lock file is left
    behind): builds into one parent folder run one at a time. A build that finds the lock taken says so and
    waits."""
    if fcntl is None:
        yield
        return
    handle = os.open(out.parent, os.O_RDONLY)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"waiting for another build into {out.parent} to end", file=sys.stderr, flush=True)
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # which releases the lock


def leftovers(out: Path) -> list[Path]:
    """The folders beside ``out`` that a killed build left: its new site, its old site, its search bundles."""
    if not out.parent.is_dir():
        return []
    prefixes = (f".{out.name}-building-", f".{out.name}-old-", ".search-")
    return sorted(p for p in out.parent.iterdir() if p.name.startswith(prefixes) and p.is_dir()
                  and not p.is_symlink())


def remove_leftovers(out: Path) -> None:
    """Remove what :func:`leftovers` finds. Call it with the lock held: no running build owns them then."""
    for folder in leftovers(out):
        shutil.rmtree(folder, ignore_errors=True)


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap the folders ``a`` and ``b`` in one step (Linux ``renameat2``); False where the system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:  # a C library older than glibc 2.28
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    error = ctypes.get_errno()
    if error in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: this file system or kernel cannot exchange
        return False
    raise OSError(error, os.strerror(error), str(b))


def swap(fresh: Path, out: Path, remove: bool = True) -> Path | None:
    """Put the folder ``fresh`` in the place of ``out`` and remove the old ``out``; with ``remove`` false, return
    the folder that holds it (beside ``out``, named as a killed build's leftovers are) for the caller to remove.

    With an exchange, ``fresh`` holds the old site afterwards; without one, the old site is moved aside first and
    put back if the second rename fails."""
    if not out.exists():
        fresh.rename(out)
        return None
    if _exchange(fresh, out):
        old = fresh
    else:
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}-old-", dir=out.parent))
        out.rename(old / out.name)
        try:
            fresh.rename(out)
        except BaseException:
            (old / out.name).rename(out)
            shutil.rmtree(old, ignore_errors=True)
            raise
    if remove:
        shutil.rmtree(old, ignore_errors=True)
        return None
    return old
