"""How `edition build` prints inscriptions and papyri in the Leiden conventions (issue 22): for each EpiDoc document
of ../shared/realtei/epidoc (and of --inputs DIR..., real EpiDoc gathered for a check, never kept), build the web
edition as the project lays its files out, and count, per kind of intervention in the edition division (supplied
lost, supplied omitted, gap lost, gap illegible, unclear, ex, del, add, surplus, space, abbreviation unresolved), the
occurrences of the TEI and those the page prints with their Leiden mark ([abc], ⟨abc⟩, [- - -], ..., a dot below
each letter, (abc), ⟦abc⟧, `abc´ or /abc\\, {abc}, vac., abc(- - -)), matched in order within each document.

With --epidoc-stylesheets DIR (a checkout of github.com/EpiDoc/Stylesheets, which this script never fetches), the
edition division is also transformed by the EpiDoc Reference Stylesheets (start-edition.xsl, their defaults, run by
saxonche), and the lines of the two are compared: the share of lines whose words and marks are the same, once the
differences of presentation alone are set aside (line numbers, a glyph's double parentheses, a ligature's arc, a
new hand's note, spaces).

Usage: python benchmarks/eval_epidoc.py [--realtei DIR] [--inputs DIR ...] [--epidoc-stylesheets DIR] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from lxml import etree, html

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from runs import EDITION, pct  # noqa: E402

T = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

#: Each kind: how to find it in the TEI (an XPath in the edition division), the class its span has on the page,
#: and whether the page's words for it carry the mark.
KINDS = {
    # (lost text beside lost text shares one pair of brackets, "[---filius pro I]": a restoration or a lacuna in such
    # a run may have no bracket of its own, so its class is what is counted for these two)
    "supplied lost": (".//t:supplied[not(@reason) or @reason = 'lost']", "supplied", lambda s: bool(s)),
    "supplied omitted": (".//t:supplied[@reason = 'omitted']", "supplied", lambda s: s.startswith("<")),
    "gap lost": (".//t:gap[not(@reason) or @reason = 'lost'][not(@unit = 'line')]", "gap", lambda s: True),
    "gap lost lines": (".//t:gap[@unit = 'line']", "gap", lambda s: s.startswith("- - -")),
    "gap illegible": (".//t:gap[@reason = 'illegible'][not(@unit = 'line')]", "gap",
                      lambda s: bool(s) and set(s) <= set(".- 0123456789c")),
    "unclear": (".//t:unclear", "unclear", lambda s: "\u0323" in s),
    "ex": (".//t:ex", "ex", lambda s: s.startswith("(") and s.endswith(")")),
    "del": (".//t:del", "del", lambda s: s.startswith("\u27e6") and s.endswith("\u27e7")),
    "add": (".//t:add", "add", lambda s: s[:1] in ("`", "/") and s[-1:] in ("\u00b4", "\\")),
    "surplus": (".//t:surplus", "surplus", lambda s: s.startswith("{") and s.endswith("}")),
    "space": (".//t:space", "space", lambda s: "vac" in s),
    "abbr unresolved": (".//t:abbr[not(ancestor::t:expan | parent::t:choice)]", "abbr",
                        lambda s: s.endswith("(- - -)")),
}


def documents(folder: Path) -> list[Path]:
    out = []
    for f in sorted(folder.rglob("*.xml")):
        try:
            root = etree.parse(str(f)).getroot()
        except etree.XMLSyntaxError:
            continue
        if root.tag == T + "TEI" and root.find(f".//{T}div[@type='edition']") is not None:
            out.append(f)
    return out


def score(doc: Path, page: Path) -> Counter:
    """For each kind: occurrences in the TEI (KIND) and those printed with their mark (KIND ok)."""
    got: Counter[str] = Counter()
    edition = etree.parse(str(doc)).getroot().find(f".//{T}div[@type='edition']")
    text = html.parse(str(page)).getroot().find_class("text")
    if not text:
        return got
    (body,) = [d for d in text[0].iter("div") if "edition" in (d.get("class") or "").split()][:1] or [text[0]]
    for kind, (xpath, cls, marked) in KINDS.items():
        found = edition.xpath(xpath, namespaces={"t": T[1:-1]})
        spans = [s for s in body.iter("span") if cls in (s.get("class") or "").split() and "leiden" in
                 (s.get("class") or "").split()]
        if kind.startswith("supplied") or kind.startswith("gap"):
            spans = [s for s in spans if (kind.split()[1] in (s.get("class") or "").split())]
        if kind == "gap lost lines":
            spans = [s for s in body.iter("span") if "lines" in (s.get("class") or "").split()]
        if kind == "gap lost":
            spans = [s for s in spans if "lines" not in (s.get("class") or "").split()]
        got[kind] += len(found)
        got[kind + " ok"] += min(len(found), sum(1 for s in spans if marked(" ".join(s.text_content().split()))))
    return got


def lines_of(div: html.HtmlElement | None, skip: tuple[str, ...]) -> list[str]:
    """The lines of an edition division as a reader compares them: a line ends at each <br>; line numbers and the
    classes in ``skip`` aside; presentation alone (spaces, a glyph's double parentheses, a ligature's arc) too."""
    if div is None:
        return []
    div = html.fromstring(html.tostring(div, encoding="unicode"))
    for e in list(div.iter()):
        if set((e.get("class") or "").split()) & set(skip) or e.tag in ("h1", "h2", "h3", "h4"):
            e.drop_tree()
    for br in div.iter("br"):
        br.tail = "\n" + (br.tail or "")
    text = re.sub(r"\(\((.)\)\)", r"\1", div.text_content()).replace("\u0361", "")
    return [re.sub(r"\s+", "", line) for line in text.split("\n") if line.strip()]


def theirs(stylesheets: Path, doc: Path) -> html.HtmlElement | None:
    """The edition division of the EpiDoc Reference Stylesheets' HTML of a document."""
    from saxonche import PySaxonProcessor

    global _EPIDOC
    if _EPIDOC is None:
        proc = PySaxonProcessor(license=False)
        _EPIDOC = (proc, proc.new_xslt30_processor().compile_stylesheet(
            stylesheet_file=str(stylesheets / "start-edition.xsl")))
    out = _EPIDOC[1].transform_to_string(source_file=str(doc))
    found = html.fromstring(out.encode("utf-8")).xpath("//div[@id='edition']") if out else []
    return found[0] if found else None


_EPIDOC = None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--realtei", type=Path, default=ROOT.parent / "shared" / "realtei")
    parser.add_argument("--inputs", type=Path, nargs="*", default=[])
    parser.add_argument("--epidoc-stylesheets", type=Path, help="a checkout of EpiDoc/Stylesheets, to compare with")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    same = compared = 0
    projects = [p for p in sorted((args.realtei / "epidoc").iterdir()) if p.is_dir()] + list(args.inputs)
    total: Counter[str] = Counter()
    rows = []
    for project in projects:
        docs = documents(project)
        if not docs:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "src"
            shutil.copytree(project, src, ignore=shutil.ignore_patterns("*.rng", "*.sch", "*.jpg", "*.tif", "*.png"))
            proc = subprocess.run([*EDITION, "build", str(src), "--out", str(Path(tmp) / "site"), "--only", "web"],
                                  capture_output=True, text=True, cwd=ROOT)
            if proc.returncode:
                print(f"{project.name}: the build failed: {proc.stderr.strip()[-300:]}")
                continue
            got: Counter[str] = Counter()
            for doc in docs:
                rid = etree.parse(str(doc)).getroot().get(XML_ID) or doc.stem
                page = Path(tmp) / "site" / "records" / f"{rid}.html"
                if page.exists():
                    got += score(doc, page)
                    if args.epidoc_stylesheets:
                        ours = html.parse(str(page)).getroot().xpath("//div[contains(@class, 'edition')]")
                        a = lines_of(ours[0] if ours else None, ("ln", "handshift", "alt"))
                        b = lines_of(theirs(args.epidoc_stylesheets, doc), ("linenumber",))
                        compared += max(len(a), len(b))
                        same += sum(1 for x, y in zip(a, b, strict=False) if x == y)
            total += got
            rows.append((project.name, len(docs), got))
    print("| project | documents | " + " | ".join(KINDS) + " |")
    print("|---|---|" + "---|" * len(KINDS))
    for name, n, got in rows + [("all", sum(r[1] for r in rows), total)]:
        print(f"| {name} | {n} | " + " | ".join(f"{got[k + ' ok']}/{got[k]}" for k in KINDS) + " |")
    marks = sum(total[k] for k in KINDS)
    print(f"\nLeiden marks printed: {sum(total[k + ' ok'] for k in KINDS)}/{marks} "
          f"({pct(sum(total[k + ' ok'] for k in KINDS), marks)})")
    if args.epidoc_stylesheets:
        print(f"lines the same as the EpiDoc Reference Stylesheets print them: {same}/{compared} "
              f"({pct(same, compared)})")
    if args.json:
        args.json.write_text(json.dumps({"rows": [[r[0], r[1], dict(r[2])] for r in rows]}, indent=1),
                             encoding="utf-8")


if __name__ == "__main__":
    main()
