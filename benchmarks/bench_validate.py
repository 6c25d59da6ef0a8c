"""How fast `edition validate` checks a corpus, beside jing and the usual jing + Saxon pipeline: prints figures.

Run: python benchmarks/bench_validate.py [--docs 1000] [--repeat 3]

The corpus is made of copies of the edition's records (``tei/``), each with its own ids, plus the personography,
so every document is of the seed's size and valid. Each figure is the median wall time of whole runs, start-up
included:

- ``edition validate``: the command as users run it (RELAX NG + Schematron + rules across documents);
- ``jing, RELAX NG only``: ``jing schema/edition.rng`` on the same files (structure only);
- ``jing + Saxon Schematron``: the usual TEI pipeline, jing for RELAX NG then the same Schematron rules run by
  Saxon (saxonche, compiled once; EXSLT calls rewritten as their XPath 2.0 equivalents, as Saxon-HE has no EXSLT).
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from pathlib import Path

from corpus import make_corpus
from lxml import etree, isoschematron
from runs import EDITION, measure

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "schema"


SAXON_PIPELINE = r"""
import glob, re, sys
from pathlib import Path
from saxonche import PySaxonProcessor
xsl, corpus = sys.argv[1], sys.argv[2]
files = sorted(glob.glob(corpus + "/*.xml"))
with PySaxonProcessor(license=False) as proc:
    xslt = proc.new_xslt30_processor()
    exe = xslt.compile_stylesheet(stylesheet_file=xsl)
    persons = Path(corpus, "persons.xml").read_text(encoding="utf-8")
    for name, tag in (("corpus-persons", "person"), ("corpus-orgs", "org")):
        ids = re.findall(rf'<{tag} xml:id="([^"]+)"', persons)
        exe.set_parameter(name, proc.make_string_value(" " + " ".join(ids) + " "))
    failures = 0
    for f in files:
        failures += exe.transform_to_string(source_file=f).count("failed-assert")
    print(len(files), "files,", failures, "failed assertions")
    sys.exit(1 if failures else 0)
"""


def saxon_stylesheet(out: Path) -> Path:
    """The edition's Schematron compiled by the ISO skeleton, with EXSLT calls in XPath 2.0 (Saxon-HE has no EXSLT)."""
    sch = isoschematron.Schematron(etree.parse(str(SCHEMA / "edition.sch")), store_xslt=True)
    text = etree.tostring(sch.validator_xslt, encoding="unicode")
    text = text.replace("str:tokenize(", "tokenize(")
    text = re.sub(r"<(\w+:)?stylesheet ", r'<\1stylesheet xmlns:xs="http://www.w3.org/2001/XMLSchema" ', text, count=1)
    text = text.replace("date:date($core) != ''", "($core castable as xs:date or $core castable as xs:dateTime)")
    text = text.replace("date:time($core) != ''", "($core castable as xs:time)")
    path = out / "edition-sch.xsl"
    path.write_text(text, encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=1000, help="documents in the corpus")
    parser.add_argument("--repeat", type=int, default=3, help="runs per tool (the median is printed)")
    args = parser.parse_args()
    cmd = EDITION
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        files = make_corpus(corpus, args.docs)
        size = sum(p.stat().st_size for p in files) / 2**20
        print(f"{args.docs} documents ({size:.1f} MB) plus persons.xml; median of {args.repeat} runs, start-up "
              "included\n")
        print(f"{'tool':<42} {'s':>7} {'docs/s':>8} {'max MB':>7}")
        rows = [("edition validate (RNG + Schematron + corpus)", [*cmd, "validate", str(corpus)])]
        jing = shutil.which("jing")
        if jing:
            rows.append(("jing, RELAX NG only (edition.rng)", [jing, str(SCHEMA / "edition.rng"), *map(str, files)]))
            rows.append(("jing, RELAX NG only (tei_all.rng)", [jing, str(SCHEMA / "tei_all.rng"), *map(str, files)]))
        xsl = saxon_stylesheet(Path(tmp))
        saxon = [sys.executable, "-c", SAXON_PIPELINE, str(xsl), str(corpus)]
        rows.append(("Saxon Schematron alone (saxonche)", saxon))
        results = {}
        for label, command in rows:
            run = measure(command, args.repeat)
            seconds, rss, out, status = run.seconds, run.mb, run.output, run.status
            results[label] = seconds if status in (0, 1) else None
            print(f"{label:<42} {seconds:7.2f} {args.docs / seconds:8.0f} {rss:7d}")
            if status != 0:
                lines = [x for x in out.splitlines() if not x.startswith("[warning]")]
                print(f"   (exit status {status}: {' / '.join(lines[-3:])})")
        if jing and results["Saxon Schematron alone (saxonche)"]:
            pipeline = results["jing, RELAX NG only (edition.rng)"] + results["Saxon Schematron alone (saxonche)"]
            print(f"{'jing + Saxon Schematron (the usual pipeline)':<42} {pipeline:7.2f} {args.docs / pipeline:8.0f}")
        print("\nmax MB: peak resident size of the run, its worker processes included (benchmarks/runs.py).")


if __name__ == "__main__":
    main()
