"""Carrying over: the files of a site that a rebuild keeps as they are, hard-linked into the site that replaces it.

A quick rebuild (incremental.quick_update) links tens of thousands of files while the stylesheet writes the
changed pages. Saxon holds Python's interpreter lock while it runs, so the links are made by a process of their own
(:class:`Carrying`: this file run as a script, which needs nothing but the standard library), on another
processor."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path


def carry_over(out: Path, fresh: Path, keep: set[str], aggregates: set[str] = frozenset()) -> int:
    """Link into ``fresh`` the pages (and TEI files) of the records ``keep`` (by id), the search bundles and the
    ``aggregates`` (names at the top) of the site ``out``, where this rebuild did not write them again; returns how
    many files. Nothing else of ``out`` is carried.

    Hard links, not copies: nothing writes into these files in place (a page written again is written before they
    are linked, and pagefind writes a bundle into a new folder), so the old site stays as it was until the new one
    is swapped in. A copy where links are impossible."""
    carried = 0
    for folder, dirs, files in os.walk(out):
        here = os.path.relpath(folder, out)
        if here == ".":
            dirs[:] = [d for d in dirs if d == "records" or d.startswith("pagefind") or d in aggregates]
            files = [f for f in files if f in aggregates]
        elif here == "records":
            dirs[:] = [d for d in dirs if d in keep]  # the pages of a record published in parts (records/ID/)
            files = [f for f in files if f.endswith((".html", ".json", ".txt", ".xml"))
                     and f.rsplit(".", 1)[0] in keep]
        elif os.path.dirname(here) == "records":
            dirs[:] = []
            files = [f for f in files if f.endswith(".html")]
        target = os.path.join(fresh, here)
        os.makedirs(target, exist_ok=True)
        for name in files:
            try:
                os.link(os.path.join(folder, name), os.path.join(target, name))
            except FileExistsError:
                continue  # written again by this rebuild
            except OSError:
                shutil.copy2(os.path.join(folder, name), os.path.join(target, name))
            carried += 1
    return carried


class Carrying:
    """:func:`carry_over` in a process of its own (child.py: it dies with the build), started at once; the job is
    a file in ``fresh`` (removed when it ends); :meth:`result` waits for it. A context manager: leaving on an
    error stops the process, which writes into the folder the failed build removes."""

    def __init__(self, out: Path, fresh: Path, keep: set[str], aggregates: set[str] = frozenset()) -> None:
        from .child import python_child

        self._job = fresh / ".edition-carry.json"
        self._job.write_text(json.dumps({"out": str(out), "fresh": str(fresh), "keep": sorted(keep),
                                         "aggregates": sorted(aggregates)}), encoding="utf-8")
        self._proc = subprocess.Popen(python_child(__file__, str(self._job)), stdin=subprocess.DEVNULL,
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
        self._said: tuple[str, str] | None = None

    def __enter__(self) -> Carrying:
        return self

    def __exit__(self, *exc) -> None:
        if exc[0] is not None and self._proc.poll() is None:
            self._proc.kill()
        self._wait()

    def _wait(self) -> tuple[str, str]:
        if self._said is None:
            self._said = self._proc.communicate()
            self._job.unlink(missing_ok=True)
        return self._said

    def result(self) -> int:
        """How many files were carried over; a BuildError where they could not be."""
        from .errors import BuildError

        said, err = self._wait()
        if self._proc.returncode != 0:
            why = " ".join(err.split())[-500:] or f"it exited with {self._proc.returncode}"
            raise BuildError(f"the unchanged files of the site could not be carried over: {why}")
        return int(said)


if __name__ == "__main__":  # Carrying's process: the job's file named on its command line; the count on its output
    job = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    print(carry_over(Path(job["out"]), Path(job["fresh"]), set(job["keep"]), set(job["aggregates"])))
