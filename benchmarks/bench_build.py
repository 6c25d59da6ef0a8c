"""How fast `edition build` publishes: the web edition of synthetic corpora, and the print edition of `tei/`.

Run: python benchmarks/bench_build.py [--docs 100 1000] [--repeat 3]

The corpus is made of copies of the edition's records (benchmarks/corpus.py) plus the personography and the
edition's description. Each figure is the median wall time of whole `edition build` runs, start-up included, and
the peak resident size of the run, its worker processes included.
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, nargs="*", default=[100, 1000], help="records in the corpus")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size (the median is printed)")
    args = parser.parse_args()
    cmd = EDITION
    print("web edition (--only web), synthetic corpora:")
    print(f"{'records':>8} {'MB in':>6} {'s':>7} {'records/s':>10} {'max MB':>7} {'files out':>9}")
    for n in args.docs:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = Path(tmp) / "tei"
            corpus.mkdir()
            files = make_corpus(corpus, n)
            size = sum(p.stat().st_size for p in files) / 2**20
            out = Path(tmp) / "site"
            median, rss = run([*cmd, "build", str(corpus), "--out", str(out), "--only", "web"], args.repeat, out)
            produced = sum(1 for _ in out.rglob("*") if _.is_file())
            print(f"{n:>8} {size:6.1f} {median:7.2f} {n / median:10.0f} {rss:7d} {produced:>9}")

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "site"
        median, rss = run([*cmd, "build", str(TEI), "--out", str(out), "--only", "print"], args.repeat, out)
        from pypdf import PdfReader

        pages = len(PdfReader(str(out / "edition.pdf")).pages)
        print(f"\nprint edition of tei/ (--only print): {pages} pages in {median:.2f} s, {pages / median:.0f} pages/s, "
              f"{rss} MB at most")


if __name__ == "__main__":
    main()
