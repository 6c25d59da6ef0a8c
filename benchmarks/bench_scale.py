"""How the toolkit scales with the corpus: validate, web build and per-record PDFs at N records, beside a floor.

Run: python benchmarks/bench_scale.py [--sizes 10 100 1000 10000] [--jobs J] [--print-up-to N] [--json PATH]

For each N it writes a synthetic corpus (benchmarks/corpus.py: new days, new persons, a growing personography)
and times, as separate processes with start-up included:

- ``validate``: ``edition validate`` (RELAX NG, Schematron, rules across documents);
- ``web``: ``edition build --only web`` (pages, landing page, register, search index);
- ``unchanged``: the web build again, with nothing changed; ``1 change``: the web build again after a word is added
  to the text of one record (a typo fixed: an incremental rebuild, which writes that record's pages);
  ``1 title``: again after a word is added to one record's title (which the landing page, the register and the
  neighbours' navigation show, so that the pages made from all records are written again); ``pages`` beside them:
  the time until the command said the pages are in place, before the search index of the changed records follows
  (incremental.finish_search);
- ``print``: ``edition build --only per-document`` (one PDF per record), up to ``--print-up-to`` records
  (default 1000: PDFs are the slow part, WeasyPrint lays out about 20 pages a second per process);
- ``floor``: parsing and serialising the same files with lxml alone, the least any step must do.

It prints a table (records, step, seconds, records per second, peak MB, ratio to the floor; then, for each step,
the ratio of each size's time to the time of a tenth of it) and, with ``--json``, writes the same figures to a
file. Peak MB is that of the command and all its processes together (benchmarks/runs.py).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from corpus import make_corpus
from runs import EDITION, measure

FLOOR = r"""
import sys
from pathlib import Path
from lxml import etree
for path in sorted(Path(sys.argv[1]).glob("*.xml")):
    etree.tostring(etree.parse(str(path)))
"""


#: What a rebuild prints when its pages are in place and the search index of the records changed follows.
PAGES = "the pages are in place"


def change_one(corpus: Path, where: str = "text") -> None:
    """Add a word to the record in the middle of the corpus: to the first paragraph of its text (``where`` "text")
    or to its title ("title")."""
    records = sorted(p for p in corpus.glob("*.xml") if p.name not in ("persons.xml", "edition.xml"))
    record = records[len(records) // 2]
    head, body = record.read_text(encoding="utf-8").split("<body>", 1)
    if where == "text":
        body = body.replace("<p>", "<p>Changed. ", 1)
    else:
        head = head.replace('<title type="main">', '<title type="main">Changed ', 1)
    record.write_text(head + "<body>" + body, encoding="utf-8")


def shown(site: Path, corpus: Path, words: str) -> bool:
    """Whether the page of the record change_one changed shows ``words``."""
    records = sorted(p for p in corpus.glob("*.xml") if p.name not in ("persons.xml", "edition.xml"))
    page = site / "records" / f"{records[len(records) // 2].stem}.html"
    return page.is_file() and words in page.read_text(encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[10, 100, 1000], help="records per corpus")
    parser.add_argument("--jobs", type=int, default=None, help="processes for edition (default: all processors)")
    parser.add_argument("--print-up-to", type=int, default=1000, help="largest N for the per-record PDFs")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args()
    cmd = EDITION
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    rows = []
    print(f"{'records':>8} {'step':<9} {'s':>8} {'records/s':>10} {'max MB':>7} {'x floor':>8} {'pages s':>8}")
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = Path(tmp) / "tei"
            corpus.mkdir()
            make_corpus(corpus, n)
            web = [*cmd, "build", str(corpus), "--out", f"{tmp}/web", "--only", "web", *jobs]
            steps = [("floor", [sys.executable, "-c", FLOOR, str(corpus)], None),
                     ("validate", [*cmd, "validate", str(corpus), *jobs], None),
                     ("web", web, None),
                     ("unchanged", web, None),  # the same build again: nothing to do
                     ("1 change", web, lambda c=corpus: change_one(c)),  # a word added to one record's text
                     ("1 title", web, lambda c=corpus: change_one(c, "title"))]  # and to its title
            if n <= args.print_up_to:
                steps.append(("print", [*cmd, "build", str(corpus), "--out", f"{tmp}/print", "--only",
                                        "per-document", *jobs], None))
            floor = None
            for step, command, before in steps:
                if before:
                    before()
                run = measure(command, mark=PAGES if step.startswith("1 ") else None)
                seconds, mb, status = run.seconds, run.mb, run.status
                if step == "1 change" and status == 0 and not shown(Path(tmp) / "web", corpus, "Changed."):
                    status = "the changed text is not on its page"
                floor = floor or seconds
                row = {"records": n, "step": step, "seconds": round(seconds, 3), "records_per_second":
                       round(n / seconds, 1), "max_mb": mb, "ratio_to_floor": round(seconds / floor, 2),
                       "exit_status": status, "pages_seconds": run.marked and round(run.marked, 3)}
                rows.append(row)
                flag = "" if status == 0 else f"  ({status})" if isinstance(status, str) else \
                    f"  (exit status {status})"
                pages = f"{run.marked:8.2f}" if run.marked else f"{'':8}"
                print(f"{n:>8} {step:<9} {seconds:8.2f} {n / seconds:10.0f} {mb:7d} {seconds / floor:8.1f} {pages}"
                      f"{flag}", flush=True)
    growth = []
    for row in rows:
        smaller = next((r for r in rows if r["step"] == row["step"] and r["records"] * 10 == row["records"]), None)
        if smaller:
            growth.append({"step": row["step"], "records": row["records"],
                           "time_ratio": round(row["seconds"] / smaller["seconds"], 2),
                           "memory_ratio": round(row["max_mb"] / smaller["max_mb"], 2)})
    if growth:
        print(f"\n{'records':>8} {'step':<9} {'time / time at a tenth':>23} {'MB / MB at a tenth':>19}")
        for g in growth:
            print(f"{g['records']:>8} {g['step']:<9} {g['time_ratio']:23.1f} {g['memory_ratio']:19.1f}")
    if args.json:
        figures = {"jobs": args.jobs or len(os.sched_getaffinity(0)), "rows": rows, "growth": growth}
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
        print(f"\nwrote {args.json}")


if __name__ == "__main__":
    main()
