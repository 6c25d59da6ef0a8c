"""How one large record builds: time and peak memory of `edition build --only web` on a record of N MB.

Run: python benchmarks/bench_large_record.py [--mb 10 50] [--limit MB]

The record is one of the edition's, its speech turns repeated (with new turn ids) until it has the size asked
for, in a corpus with the personography and the edition's description. The build refuses records above its
limit (`--max-record-size`, 64 MB by default): this shows what a record below it costs, and that one above it is
refused before any work.
"""

from __future__ import annotations

import argparse
import re
import shutil
import tempfile
from pathlib import Path

from runs import EDITION, measure

TEI = Path(__file__).resolve().parent.parent / "tei"


def large_record(folder: Path, mb: float) -> Path:
    """A copy of the edition with its first record grown to ``mb`` MB (and the other records left out), written
    in pieces: a benchmark process that held the record would make the measured command look larger (a forked
    child counts its parent's pages until it runs the command)."""
    for name in ("persons.xml", "edition.xml"):
        shutil.copy(TEI / name, folder / name)
    text = (TEI / "1991-02-23-major.xml").read_text(encoding="utf-8")
    start, end = text.index("<sp "), text.rindex("</sp>") + len("</sp>")
    record, k = folder / "large.xml", 0
    with open(record, "w", encoding="utf-8") as f:
        f.write(text[:end])
        while f.tell() < mb * 2**20 - (len(text) - end):
            k += 1
            f.write(re.sub(r'xml:id="([^"]+)"', lambda m, k=k: f'xml:id="{m.group(1)}-x{k}"', text[start:end]))
        f.write(text[end:])
    return record


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, nargs="*", default=[10, 50], help="sizes of the record, in MB")
    parser.add_argument("--limit", type=int, default=None, help="--max-record-size to build with (MB)")
    args = parser.parse_args()
    print("| record | build (web) | peak memory | status |")
    print("|---|---|---|---|")
    for mb in args.mb:
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "tei"
            src.mkdir()
            record = large_record(src, mb)
            cmd = [*EDITION, "build", str(src), "--out", str(Path(tmp) / "site"), "--only", "web", "--jobs", "1"]
            if args.limit:
                cmd += ["--max-record-size", str(args.limit)]
            run = measure(cmd)
            said = run.output.strip().splitlines()[-1] if run.output.strip() else ""
            print(f"| {record.stat().st_size / 2**20:.0f} MB | {run.seconds:.1f} s | {run.mb} MB | "
                  f"{'built' if run.status == 0 else 'refused: ' + said[:80]} |")


if __name__ == "__main__":
    main()
