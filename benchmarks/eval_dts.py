"""How the static DTS API (`edition build --dts`) serves TEI of other projects: for `tei/` and each source of
../shared/realtei, build the web edition with and without the API, walk the API as a DTS client does (from
dts/index.json, by its URI templates alone) and print per source:

- records, and citable units (divisions and turns) against the divisions and turns of the TEI texts;
- passages: how many units' Document responses hold, in their dts:wrapper, an element of the TEI as it is there
  (compared canonically);
- whole: how many records' Document responses are their TEI;
- the files and bytes of dts/, and the seconds the web build takes without and with it.

Usage: python benchmarks/eval_dts.py [--realtei DIR]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eval_realtei import sources  # noqa: E402
from runs import EDITION, measure, pct  # noqa: E402

from edition.conventions import TEI_NS  # noqa: E402

T = f"{{{TEI_NS}}}"
UNITS = {T + n for n in ("div", "div1", "div2", "div3", "div4", "div5", "div6", "div7", "sp")}
WRAPPER = "{https://w3id.org/api/dts#}wrapper"


def expand(template: str, **values: str | int) -> str:
    """RFC 6570 expansion of the {;a,b} form the API's templates use."""
    def one(m: re.Match) -> str:
        return "".join(f";{n}={quote(str(values[n]), safe='')}" for n in m.group(1).split(",") if n in values)
    return re.sub(r"\{;([^}]*)\}", one, template)


def canonical(el: etree._Element) -> bytes:
    return etree.tostring(etree.fromstring(etree.tostring(el, with_tail=False)), method="c14n", exclusive=True)


def walk(site: Path) -> dict:
    """Walk the API of ``site`` from its entry point (relative addresses: the site was built without --base-url)."""
    dts = site / "dts"
    get = lambda url: json.loads((dts / url).read_text(encoding="utf-8"))  # noqa: E731
    start = get("index.json")
    found = {"records": 0, "units": 0, "tei_units": 0, "passages": 0, "whole": 0}
    for member in get(expand(start["collection"]))["member"]:
        rid = member["@id"]
        tei = site / "records" / f"{rid}.xml"
        root = etree.parse(str(tei)).getroot()
        text = root.find(f"{T}text") if root.tag == T + "TEI" else root
        own = [e for e in text.iter(*UNITS)
               if e is not text and not any(a.tag == T + "note" for a in e.iterancestors())]
        forms = {canonical(e) for e in own}
        units = get(expand(start["navigation"], resource=rid, down=-1))["member"]
        found["records"] += 1
        found["units"] += len(units)
        found["tei_units"] += len(own)
        for unit in units:
            passage = etree.parse(str(dts / expand(start["document"], resource=rid, ref=unit["identifier"])))
            wrapper = passage.getroot()[0]
            found["passages"] += wrapper.tag == WRAPPER and len(wrapper) == 1 and canonical(wrapper[0]) in forms
        whole = (dts / expand(start["document"], resource=rid)).read_bytes()
        found["whole"] += whole == tei.read_bytes() or root.tag != T + "TEI"
    found["files"] = sum(1 for _ in dts.iterdir())
    found["mb"] = sum(p.stat().st_size for p in dts.iterdir()) / 2**20
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--realtei", type=Path, default=ROOT.parent / "shared" / "realtei")
    args = parser.parse_args()
    rows = [("tei", sorted((ROOT / "tei").glob("*.xml")))] + sources(args.realtei)
    print(f"{'source':<34} {'records':>7} {'units':>11} {'passages':>9} {'whole':>5} {'files':>6} {'MB':>5} "
          f"{'web s':>6} {'+dts s':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, files in rows:
            work = Path(tmp) / name
            (work / "src").mkdir(parents=True)
            for f in files:
                shutil.copy(f, work / "src" / f.name)
            runs = {}
            for label, extra in (("web", []), ("dts", ["--dts"])):
                runs[label] = measure([*EDITION, "build", str(work / "src"), "--out", str(work / label), "--only",
                                       "web", *extra])
                if runs[label].status != 0:
                    sys.exit(f"{name}: the build failed\n{runs[label].output[-2000:]}")
            f = walk(work / "dts")
            print(f"{name:<34} {f['records']:>7} {f['units']:>5}/{f['tei_units']:<5} "
                  f"{pct(f['passages'], f['units']):>9} {f['whole']:>5} {f['files']:>6} {f['mb']:>5.1f} "
                  f"{runs['web'].seconds:>6.1f} {runs['dts'].seconds:>6.1f}")
            shutil.rmtree(work)


if __name__ == "__main__":
    main()
