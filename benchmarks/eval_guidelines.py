"""How `edition build` publishes the whole TEI vocabulary, measured on the examples of the TEI Guidelines (issue 22):
every example of markup (egXML) of the chapters and of the element specifications of a checkout of TEIC/TEI (which
this script never fetches) becomes a small TEI document of its own (an example that is a TEI document as it is; any
other inside the text of a minimal one), the lot is built as one web edition, and the script prints:

- how many examples build (a page each), and those that do not, with the build's message;
- the words kept: the share of the words of each example's text that reach its page (counted as eval_realtei
  counts them: a word ends at every block element, the marks of an edition's conventions taken out);
- the elements exemplified by the Guidelines that the pages show only as their text (the build's own list, with
  how many examples use each), and how many distinct elements are exemplified.

Usage: python benchmarks/eval_guidelines.py --tei DIR [--limit N] [--json FILE]
       (DIR: a checkout of https://github.com/TEIC/TEI, or its P5/Source folder)
"""

from __future__ import annotations

import argparse
import copy
import json
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from lxml import etree, html

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eval_realtei import html_words, tei_words  # noqa: E402
from runs import EDITION, pct  # noqa: E402

TEI_NS = "http://www.tei-c.org/ns/1.0"
EG_NS = "http://www.tei-c.org/ns/Examples"
T, EG = f"{{{TEI_NS}}}", f"{{{EG_NS}}}"
#: The elements of a header: an example made of them goes into a header, not the text.
HEADER = {"teiHeader", "fileDesc", "titleStmt", "editionStmt", "extent", "publicationStmt", "seriesStmt",
          "notesStmt", "sourceDesc", "encodingDesc", "profileDesc", "revisionDesc", "xenoData", "projectDesc",
          "samplingDecl", "editorialDecl", "tagsDecl", "refsDecl", "classDecl", "geoDecl", "unitDecl",
          "schemaSpec", "langUsage", "textClass", "particDesc", "settingDesc", "creation", "calendarDesc",
          "correspDesc", "abstract", "listChange", "change", "appInfo", "charDecl", "listPrefixDef", "styleDefDecl",
          "handNotes", "textDesc", "listTranspose", "msDesc", "availability", "licence", "funder", "sponsor",
          "principal", "authority", "distributor", "publisher", "respStmt"}
SKELETON = f"""<TEI xmlns="{TEI_NS}" xml:id="{{id}}"><teiHeader><fileDesc><titleStmt><title>{{title}}</title>
</titleStmt><publicationStmt><p>The TEI Guidelines' example.</p></publicationStmt><sourceDesc><p>{{source}}</p>
</sourceDesc></fileDesc></teiHeader><text><body><div/></body></text></TEI>"""


def source_dir(checkout: Path) -> Path:
    for d in (checkout / "P5" / "Source", checkout):
        if (d / "Specs").is_dir():
            return d
    raise SystemExit(f"{checkout}: no P5/Source/Specs here: give a checkout of TEIC/TEI")


def examples(source: Path) -> list[tuple[str, etree._Element]]:
    """Every egXML of the chapters (Guidelines/en) and the specifications (Specs), with where it is from."""
    out = []
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    for path in sorted((source / "Guidelines" / "en").glob("*.xml")) + sorted((source / "Specs").glob("*.xml")):
        try:
            tree = etree.parse(str(path), parser)
        except etree.XMLSyntaxError:
            continue
        for eg in tree.iter(EG + "egXML"):
            out.append((f"{path.parent.name}/{path.name}:{eg.sourceline}", eg))
    return out


def to_tei(e: etree._Element) -> etree._Element:
    """An example's markup in the TEI namespace (the Guidelines write it in the Examples namespace)."""
    e = copy.deepcopy(e)
    for x in e.iter():
        if isinstance(x.tag, str) and x.tag.startswith(EG):
            x.tag = T + x.tag[len(EG):]
    etree.cleanup_namespaces(e)
    return e


def document(n: int, where: str, eg: etree._Element) -> etree._ElementTree:
    """The example as a TEI document: a TEI (or teiCorpus) example as it is, a header's parts in a header, any
    other in the text."""
    rid = f"eg{n:05d}"
    children = [to_tei(c) for c in eg if isinstance(c.tag, str)]
    if len(children) == 1 and etree.QName(children[0]).localname in ("TEI", "teiCorpus") \
            and children[0].find(T + "teiHeader") is not None:
        root = children[0]
        root.set("{http://www.w3.org/XML/1998/namespace}id", rid)
        return etree.ElementTree(root)
    root = etree.fromstring(SKELETON.format(id=rid, title=f"Example {n}", source=where))
    names = {etree.QName(c).localname for c in children}
    if children and names <= HEADER:
        header = root.find(T + "teiHeader")
        for c in children:
            target = header.find(T + "fileDesc") if etree.QName(c).localname in ("titleStmt", "sourceDesc") \
                else header
            target.append(c)
        root.find(f"{T}text/{T}body/{T}div").append(etree.Element(T + "p"))
        return etree.ElementTree(root)
    div = root.find(f"{T}text/{T}body/{T}div")
    if len(children) == 1 and etree.QName(children[0]).localname == "text":
        root.replace(root.find(T + "text"), children[0])
        return etree.ElementTree(root)
    div.text = eg.text
    for c in children:
        div.append(c)
    return etree.ElementTree(root)


def build(src: Path, site: Path) -> tuple[int, str]:
    proc = subprocess.run([*EDITION, "build", str(src), "--out", str(site), "--only", "web"], capture_output=True,
                          text=True, cwd=ROOT)
    return proc.returncode, (proc.stderr + proc.stdout).strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tei", type=Path, required=True, help="a checkout of TEIC/TEI")
    parser.add_argument("--limit", type=int, help="only the first N examples (a quick look)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    found = examples(source_dir(args.tei))[: args.limit]
    exemplified: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        src, site = Path(tmp) / "src", Path(tmp) / "site"
        src.mkdir()
        docs = {}
        for n, (where, eg) in enumerate(found, 1):
            tree = document(n, where, eg)
            for e in tree.getroot().iter():
                if isinstance(e.tag, str) and e.tag.startswith(T):
                    exemplified[etree.QName(e).localname] += 1
            path = src / f"eg{n:05d}.xml"
            tree.write(str(path), encoding="utf-8", xml_declaration=True)
            docs[path] = where
        failed: dict[str, str] = {}
        start = time.perf_counter()
        for _ in range(50):  # a failing example is set aside (with the build's message) and the rest built again
            status, said = build(src, site)
            if status == 0:
                break
            m = re.search(r"(eg\d{5})\.xml", said)
            if not m or not (src / f"{m.group(1)}.xml").exists():
                raise SystemExit(f"the build failed: {said[-500:]}")
            failed[m.group(1)] = " ".join(said.split("\n")[-1].split())[:200]
            (src / f"{m.group(1)}.xml").unlink()
        seconds = time.perf_counter() - start
        unknown = re.search(r"shown only by their text: (.*)", said)
        unknown_list = unknown.group(1).split(", ") if unknown else []
        want = got = 0
        built = 0
        for path in sorted(src.glob("*.xml")):
            page = site / "records" / f"{path.stem}.html"
            if not page.exists():
                failed.setdefault(path.stem, "no page")
                continue
            built += 1
            text = etree.parse(str(path)).getroot().find(T + "text")
            w = tei_words(text) if text is not None else Counter()
            body = html.parse(str(page)).getroot().find_class("text")
            h = html_words(body[0]) if body else Counter()
            want += sum(w.values())
            got += sum(min(n, h[x]) for x, n in w.items())
    names = [re.sub(r" \(.*", "", u) for u in unknown_list]
    print(f"examples: {len(found)} (of {len(set(w.split(':')[0] for w, _ in found))} files); built: {built}; "
          f"failed: {len(failed)}")
    for rid, why in sorted(failed.items()):
        print(f"  {rid} ({docs.get(src / f'{rid}.xml', '')}): {why}")
    print(f"words kept: {pct(got, want)} ({got}/{want})")
    print(f"elements exemplified: {len(exemplified)}; shown only as their text: {len(names)}")
    if names:
        print("  " + ", ".join(unknown_list))
    print(f"build: {seconds:.0f} s")
    if args.json:
        args.json.write_text(json.dumps({"examples": len(found), "built": built, "failed": failed,
                                         "words": [got, want], "unknown": unknown_list,
                                         "exemplified": len(exemplified)}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
