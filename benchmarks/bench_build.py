"""How fast `edition build` publishes: the web edition of synthetic corpora, and the print edition of `tei/`.

Run: python benchmarks/bench_build.py [--docs 100 1000] [--repeat 3] [--tei-stylesheets DIR]

The corpus is made of copies of the edition's records (benchmarks/corpus.py) plus the personography and the
edition's description. Each figure is the median wall time of whole `edition build` runs, start-up included, and
the peak resident size of the run, its worker processes included. With --tei-stylesheets (a checkout of the TEI
Consortium's Stylesheets, github.com/TEIC/Stylesheets; never fetched by this script), the same corpus is also
transformed by their default HTML profile (profiles/default/html/to.xsl, compiled once, one HTML file a record,
run by saxonche in a process of its own, start-up included) and the ratio of the two times is printed.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from corpus import TEI, make_corpus
from runs import EDITION, measure


def run(cmd: list[str], repeat: int, out: Path) -> tuple[float, int]:
    """Median wall time and peak resident size (MB) of ``cmd``, building into ``out`` anew each time (a second run
    into the same folder would find the edition up to date and do nothing); exits if it fails."""
    times, mb = [], 0
    for _ in range(repeat):
        shutil.rmtree(out, ignore_errors=True)
        result = measure(cmd)
        if result.status != 0:
            sys.exit(f"failed: {' '.join(cmd)}\n{result.output[-2000:]}")
        times.append(result.seconds)
        mb = max(mb, result.mb)
    return statistics.median(times), mb


#: The TEI Stylesheets' HTML profile over a folder of records, each into an HTML file of its own: argv[1] the
#: checkout, argv[2] the records, argv[3] the output folder.
PEER = """
import sys
from pathlib import Path
from saxonche import PySaxonProcessor
proc = PySaxonProcessor(license=False)
exe = proc.new_xslt30_processor().compile_stylesheet(
    stylesheet_file=str(Path(sys.argv[1]) / "profiles" / "default" / "html" / "to.xsl"))
out = Path(sys.argv[3])
out.mkdir()
exe.set_cwd(str(out))
for record in sorted(Path(sys.argv[2]).glob("*.xml")):
    exe.transform_to_file(source_file=str(record), output_file=str(out / (record.stem + ".html")))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, nargs="*", default=[100, 1000], help="records in the corpus")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size (the median is printed)")
    parser.add_argument("--tei-stylesheets", type=Path, help="a checkout of the TEI Stylesheets, to compare with")
    args = parser.parse_args()
    cmd = EDITION
    peer = args.tei_stylesheets
    if peer and not (peer / "profiles" / "default" / "html" / "to.xsl").is_file():
        parser.error(f"{peer}: no profiles/default/html/to.xsl (a checkout of github.com/TEIC/Stylesheets?)")
    print("web edition (--only web), synthetic corpora:")
    print(f"{'records':>8} {'MB in':>6} {'s':>7} {'records/s':>10} {'max MB':>7} {'files out':>9}"
          + (f" {'TEI Stylesheets s':>17} {'ratio':>6}" if peer else ""))
    for n in args.docs:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = Path(tmp) / "tei"
            corpus.mkdir()
            files = make_corpus(corpus, n)
            size = sum(p.stat().st_size for p in files) / 2**20
            out = Path(tmp) / "site"
            median, rss = run([*cmd, "build", str(corpus), "--out", str(out), "--only", "web"], args.repeat, out)
            produced = sum(1 for _ in out.rglob("*") if _.is_file())
            line = f"{n:>8} {size:6.1f} {median:7.2f} {n / median:10.0f} {rss:7d} {produced:>9}"
            if peer:  # (the records alone: the Stylesheets know no personography or description)
                records = Path(tmp) / "records"
                records.mkdir()
                for path in files:
                    (records / path.name).symlink_to(path)
                theirs, _ = run([sys.executable, "-c", PEER, str(peer), str(records), str(Path(tmp) / "peer")],
                                args.repeat, Path(tmp) / "peer")
                line += f" {theirs:17.2f} {median / theirs:6.2f}"
            print(line)

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "site"
        median, rss = run([*cmd, "build", str(TEI), "--out", str(out), "--only", "print"], args.repeat, out)
        from pypdf import PdfReader

        pages = len(PdfReader(str(out / "edition.pdf")).pages)
        print(f"\nprint edition of tei/ (--only print): {pages} pages in {median:.2f} s, {pages / median:.0f} pages/s, "
              f"{rss} MB at most")


if __name__ == "__main__":
    main()
