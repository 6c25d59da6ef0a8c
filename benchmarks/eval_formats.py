"""How `edition encode` reads Word, OpenDocument and web documents (issue 24), side by side with the TEI Consortium's
docxtotei and odttotei.

For each document: our fixtures (a transcript typed in Word with bold labels, footnotes, italics, a table, a comment
and tracked changes; the same as OpenDocument; a saved archive page) and, with --stylesheets, the Stylesheets' own
test inputs (``Test/`` and ``Test2/inputFiles/`` of a checkout of https://github.com/TEIC/Stylesheets, which this
script never fetches), it prints:

- ok: whether it encodes, and whether every TEI file it gives is valid against TEI P5 (tei_all, by jing);
- words: the share of the words of the document's body, tables, footnotes and endnotes (read from the file's own
  XML, deleted text and field codes aside) found in the TEI (a paragraph's printed number, which the encoder keeps
  as ``p/@n`` or ``sp/@n``, counted there);
- notes, heads, tables: how many the document has (footnotes and endnotes by their marks; headings by their
  styles; tables that have a row: TEI has no empty table) and how many the TEI has (``note`` of a foot or end,
  each at its mark; ``head``; ``table``);
- hi: the share of the characters the document formats directly (bold, italic, underline, strike-through, small
  capitals, capitals, superscript, subscript) that are inside a ``hi`` (or ``emph``) of the TEI;

for ours and, where the Stylesheets are given, for theirs (docxtotei, odttotei, by saxonche).

Usage: python benchmarks/eval_formats.py [--stylesheets DIR] [--inputs DIR ...] [--json FILE]
  --stylesheets DIR: a checkout of TEIC/Stylesheets (its profiles/default/{docx,odt}/from.xsl, and its test inputs
                     in Test/ and Test2/inputFiles/ unless --inputs names others)
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

from lxml import etree, html

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eval_realtei import HTML_BLOCKS, WORD, tei_words, words  # noqa: E402
from runs import pct  # noqa: E402

from edition.conventions import TEI_NS  # noqa: E402
from edition.encode import Registry, encode_file  # noqa: E402
from edition.xmlfiles import safe_parser  # noqa: E402

T = f"{{{TEI_NS}}}"


def parse_bytes(data: bytes) -> etree._ElementTree:
    """XML as the package reads it: no DTD, no entities, no network."""
    return etree.ElementTree(etree.fromstring(data, safe_parser()))

TEI_ALL = ROOT.parent / "shared" / "tei" / "tei_all.rng"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
ODF = {"text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
       "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
       "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
       "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
       "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0"}
#: Word's direct formatting that a TEI hi keeps (w:rPr children), and OpenDocument's (text properties).
WORD_FORMATS = ("b", "i", "u", "strike", "dstrike", "smallCaps", "caps", "vertAlign")
ODT_BLOCKS = {"p", "h", "list-item", "table-cell", "note-body", "line-break", "tab", "s"}


def w(name: str) -> str:
    return f"{{{W}}}{name}"


# --- what the document says, read from its own XML ---------------------------------------------------------------

def chars(text: str) -> Counter:
    """The characters of some words, spaces aside (a run of formatting may end inside a word)."""
    return Counter(c for c in text if not c.isspace())


def _on(e: etree._Element | None) -> bool:
    return e is not None and e.get(w("val"), "true") not in ("0", "false", "none", "off", "baseline")


def docx_text(root: etree._Element) -> str:
    """A Word part's text: the words of its runs (w:t; deleted text and field codes are other elements), a word
    ending at each paragraph, tab and break (the spaces between its elements are no text)."""
    out = []
    for event, e in etree.iterwalk(root, events=("start", "end")):
        name = etree.QName(e).localname if isinstance(e.tag, str) else ""
        if name in ("p", "tab", "br", "cr", "tc"):
            out.append(" ")
        elif name == "t" and event == "start":
            out.append(e.text or "")
        elif name == "noBreakHyphen" and event == "start":
            out.append("-")
    return "".join(out)


def docx_facts(path: Path) -> dict:
    """Words, formatted words, notes, headings and tables of a Word document, as its own XML gives them."""
    z = zipfile.ZipFile(path)
    names = set(z.namelist())

    def part(name: str) -> etree._Element | None:
        return parse_bytes(z.read(name)).getroot() if name in names else None

    document = part("word/document.xml")
    styles = part("word/styles.xml")
    heading_styles = set()
    if styles is not None:
        for s in styles.iter(w("style")):
            name = s.find(w("name"))
            label = (name.get(w("val"), "") if name is not None else "").lower()
            if re.fullmatch(r"heading \d|title", label) or s.find(f"{w('pPr')}/{w('outlineLvl')}") is not None:
                heading_styles.add(s.get(w("styleId")))
    body = Counter()
    for root in (document, part("word/footnotes.xml"), part("word/endnotes.xml")):
        if root is not None:
            body += Counter(x.lower() for x in WORD.findall(docx_text(root)))
    formatted = Counter()
    for root in (document, part("word/footnotes.xml"), part("word/endnotes.xml")):
        for r in (root.iter(w("r")) if root is not None else ()):
            rpr = r.find(w("rPr"))
            if rpr is not None and any(_on(rpr.find(w(f))) for f in WORD_FORMATS):
                formatted += chars("".join(t.text or "" for t in r.iter(w("t"))))
    heads = 0
    for p in document.iter(w("p")):
        style = p.find(f"{w('pPr')}/{w('pStyle')}")
        level = p.find(f"{w('pPr')}/{w('outlineLvl')}")
        if ((style is not None and style.get(w("val")) in heading_styles) or (
                level is not None and level.get(w("val")) != "9")) and "".join(
                t.text or "" for t in p.iter(w("t"))).strip():
            heads += 1
    return {"words": body, "formatted": formatted,
            "notes": sum(1 for _ in document.iter(w("footnoteReference"), w("endnoteReference"))),
            "heads": heads, "tables": sum(1 for t in document.iter(w("tbl")) if t.find(w("tr")) is not None)}


def odt_facts(path: Path) -> dict:
    """The same of an OpenDocument text."""
    z = zipfile.ZipFile(path)
    content = parse_bytes(z.read("content.xml")).getroot()
    text = content.find("office:body/office:text", ODF)
    styled = set()
    for s in content.iterfind("office:automatic-styles/style:style", ODF):
        props = s.find("style:text-properties", ODF)
        if props is not None and (props.get(f"{{{ODF['fo']}}}font-weight") == "bold"
                                  or props.get(f"{{{ODF['fo']}}}font-style") == "italic"
                                  or props.get(f"{{{ODF['fo']}}}font-variant") == "small-caps"
                                  or props.get(f"{{{ODF['fo']}}}text-transform") == "uppercase"
                                  or (props.get(f"{{{ODF['style']}}}text-underline-style") or "none") != "none"
                                  or (props.get(f"{{{ODF['style']}}}text-line-through-style") or "none") != "none"
                                  or (props.get(f"{{{ODF['style']}}}text-position") or "0").split()[0] not in (
                                      "0", "0%")):
            styled.add(s.get(f"{{{ODF['style']}}}name"))
    skip = {"tracked-changes", "annotation", "annotation-end", "note-citation", "sequence-decls"}
    body = words(text, ODT_BLOCKS, lambda e: etree.QName(e).localname in skip, lambda e: etree.QName(e).localname)
    formatted = Counter()
    for span in text.iter(f"{{{ODF['text']}}}span"):
        if span.get(f"{{{ODF['text']}}}style-name") in styled:
            formatted += chars("".join(span.itertext()))
    return {"words": body, "formatted": formatted,
            "notes": sum(1 for _ in text.iter(f"{{{ODF['text']}}}note")),
            "heads": sum(1 for h in text.iter(f"{{{ODF['text']}}}h") if "".join(h.itertext()).strip()),
            "tables": sum(1 for _ in text.iter(f"{{{ODF['table']}}}table"))}


def html_facts(path: Path) -> dict:
    """The same of a saved web page: the words of its main content (``main``, else ``article``, else ``body``),
    its notes by their marks (a superscript link to an id of the page), its headings and tables."""
    page = html.fromstring(path.read_bytes())
    main = next(iter(page.xpath("//main | //*[@role='main']") or page.xpath("//article") or page.xpath("//body")))
    marks = main.xpath(".//sup/a[starts-with(@href, '#')] | .//a[starts-with(@href, '#')][sup]")
    targets = {a.get("href")[1:] for a in marks}
    backlinks = main.xpath(".//a[starts-with(@href, '#')][not(sup) and not(parent::sup)]")
    body = words(main, HTML_BLOCKS, lambda e: e.tag in ("script", "style", "nav") or e in backlinks
                 or e in marks, lambda e: e.tag)
    formatted = Counter()
    for e in main.iter("em", "i", "strong", "b", "u", "s", "sub", "small"):
        formatted += chars(e.text_content())
    return {"words": body, "formatted": formatted, "notes": len(targets),
            "heads": len(main.xpath(".//h1 | .//h2 | .//h3 | .//h4 | .//h5 | .//h6")),
            "tables": len(main.xpath(".//table"))}


FACTS = {".docx": docx_facts, ".odt": odt_facts, ".html": html_facts, ".htm": html_facts}


# --- what a TEI says ---------------------------------------------------------------------------------------------

def tei_facts(trees: list[etree._Element]) -> dict:
    """Words, words inside a hi, notes at their marks, heads and tables of a document's TEI files."""
    out = {"words": Counter(), "formatted": Counter(), "notes": 0, "heads": 0, "tables": 0}
    for tei in trees:
        text = tei.find(T + "text")
        if text is None:
            continue
        out["words"] += tei_words(text)
        for p in text.iter(T + "p", T + "sp"):  # a paragraph's printed number, which the encoder keeps as its @n
            out["words"] += Counter(x.lower() for x in WORD.findall(p.get("n") or ""))
        for hi in text.iter(T + "hi", T + "emph"):
            if hi.getparent().tag not in (T + "hi", T + "emph"):
                out["formatted"] += chars("".join(hi.itertext()))
        out["notes"] += sum(1 for n in text.iter(T + "note") if n.get("place") in ("foot", "bottom", "end")
                            and n.getparent().tag not in (T + "back", T + "div") or n.get("type") == "footnote")
        out["heads"] += sum(1 for h in text.iter(T + "head") if h.getparent().tag != T + "table")
        out["tables"] += sum(1 for _ in text.iter(T + "table"))
    return out


def kept(source: Counter, tei: Counter) -> tuple[int, int]:
    return sum(min(n, tei[x]) for x, n in source.items()), sum(source.values())


def valid(paths: list[Path]) -> bool | None:
    """Whether the files are valid against tei_all (by jing; None without jing or the schema)."""
    if not paths or not shutil.which("jing") or not TEI_ALL.exists():
        return None
    return subprocess.run(["jing", str(TEI_ALL), *map(str, paths)], capture_output=True).returncode == 0


# --- the converters ----------------------------------------------------------------------------------------------

def ours(path: Path, out: Path) -> tuple[list[Path], str]:
    try:
        result = encode_file(path, Registry.load(), taken=[])
    except Exception as e:  # noqa: BLE001 - a failure is a figure here
        return [], f"{type(e).__name__}: {e}"[:80]
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for d in result.documents:
        d.tree.write(str(out / d.filename), encoding="utf-8", xml_declaration=True)
        paths.append(out / d.filename)
    return paths, ""


class Stylesheets:
    """docxtotei and odttotei of a checkout of the TEI Stylesheets, run by saxonche."""

    def __init__(self, root: Path):
        from saxonche import PySaxonProcessor
        self.proc = PySaxonProcessor(license=False)
        self.xslt = self.proc.new_xslt30_processor()
        self.root = root
        self.compiled = {}

    def _executable(self, kind: str):
        if kind not in self.compiled:
            self.compiled[kind] = self.xslt.compile_stylesheet(
                stylesheet_file=str(self.root / "profiles" / "default" / kind / "from.xsl"))
        return self.compiled[kind]

    def convert(self, path: Path, out: Path) -> tuple[list[Path], str]:
        kind = path.suffix.lower().lstrip(".")
        if kind not in ("docx", "odt"):
            return [], "no converter"
        folder = out / "unzipped"
        shutil.rmtree(folder, ignore_errors=True)
        try:
            zipfile.ZipFile(path).extractall(folder)
            ex = self._executable(kind)
            if kind == "docx":
                ex.set_parameter("word-directory", self.proc.make_string_value(folder.as_uri()))
                source = folder / "word" / "document.xml"
            else:
                ex.set_parameter("dir", self.proc.make_string_value(folder.as_uri()))
                source = folder / "content.xml"
            result = ex.transform_to_string(source_file=str(source))
        except Exception as e:  # noqa: BLE001
            return [], f"{type(e).__name__}: {e}"[:80]
        target = out / f"{path.stem}.xml"
        target.write_text(result or "", encoding="utf-8")
        return [target], ""


# --- the table ---------------------------------------------------------------------------------------------------

def inputs(args) -> list[Path]:
    files = []
    folders = [Path(d) for d in args.inputs] if args.inputs else (
        [args.stylesheets / "Test", args.stylesheets / "Test2" / "inputFiles"] if args.stylesheets else [])
    for folder in folders:
        files += sorted(p for p in folder.rglob("*") if p.suffix.lower() in (".docx", ".odt")
                        and "expected-results" not in p.parts)  # the Stylesheets' outputs, not inputs
    return files


def fixtures(folder: Path) -> list[Path]:
    """Our own documents: the transcript of the tests as Word and OpenDocument, and the archive page."""
    sys.path.insert(0, str(ROOT))
    from tests.encode.formats.make import docx, odt
    from tests.encode.formats.test_documents import TRANSCRIPT
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "transcript.docx").write_bytes(docx(TRANSCRIPT))
    (folder / "transcript.odt").write_bytes(odt(TRANSCRIPT))
    return [folder / "transcript.docx", folder / "transcript.odt",
            ROOT / "tests" / "encode" / "fixtures" / "formats" / "archive-page.html"]


def score(path: Path, facts: dict, convert, out: Path) -> dict:
    paths, error = convert(path, out)
    if error or not paths:
        return {"ok": f"fails ({error})" if error else "no TEI"}
    trees = [parse_bytes(p.read_bytes()).getroot() for p in paths]
    got = tei_facts(trees)
    ok = valid(paths)
    return {"ok": {True: "valid", False: "invalid", None: "encodes"}[ok], "files": len(paths),
            "words": kept(facts["words"], got["words"]), "hi": kept(facts["formatted"], got["formatted"]),
            "notes": got["notes"], "heads": got["heads"], "tables": got["tables"]}


def cell(s: dict, facts: dict) -> str:
    if "words" not in s:
        return s["ok"]
    return (f"{s['ok']}, words {pct(*s['words'])}, notes {s['notes']}/{facts['notes']}, "
            f"heads {s['heads']}/{facts['heads']}, tables {s['tables']}/{facts['tables']}, hi {pct(*s['hi'])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stylesheets", type=Path, help="a checkout of TEIC/Stylesheets")
    parser.add_argument("--inputs", nargs="*", help="folders of .docx and .odt files (default: the Stylesheets' "
                                                    "Test/ and Test2/inputFiles/)")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args()
    theirs = Stylesheets(args.stylesheets) if args.stylesheets else None
    rows = []
    totals: dict[str, list[int]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for k, path in enumerate(fixtures(tmp / "fixtures") + inputs(args)):
            try:
                facts = FACTS[path.suffix.lower()](path)
            except Exception as e:  # noqa: BLE001 - a file our own reading of the format cannot read
                rows.append({"file": path.name, "facts": None, "ours": {"ok": f"unread ({e})"[:60]}})
                continue
            row = {"file": path.name, "facts": {k2: v for k2, v in facts.items() if isinstance(v, int)},
                   "ours": score(path, facts, ours, tmp / f"ours-{k}")}
            if theirs is not None and path.suffix.lower() in (".docx", ".odt"):
                row["theirs"] = score(path, facts, theirs.convert, tmp / f"theirs-{k}")
            rows.append(row)
            for who in ("ours", "theirs"):
                s = row.get(who, {})
                t = totals.setdefault(who, [0] * 12)
                if "words" in s:
                    t[0] += s["words"][0]
                    t[1] += s["words"][1]
                    t[2] += s["hi"][0]
                    t[3] += s["hi"][1]
                    t[4] += min(s["notes"], facts["notes"])
                    t[5] += facts["notes"]
                    t[6] += min(s["heads"], facts["heads"])
                    t[7] += facts["heads"]
                    t[8] += min(s["tables"], facts["tables"])
                    t[9] += facts["tables"]
                    t[10] += s["ok"] == "valid"
                if who in row:
                    t[11] += 1
            print(f"{path.name}\n  ours:   {cell(row['ours'], facts)}"
                  + (f"\n  theirs: {cell(row['theirs'], facts)}" if "theirs" in row else ""), flush=True)
    print()
    print("| converter | files valid | words kept | notes | heads | tables | formatted characters in hi or emph |")
    print("|---|---|---|---|---|---|---|")
    for who, t in totals.items():
        if t[11]:
            name = "edition encode" if who == "ours" else "TEI Stylesheets (docxtotei, odttotei)"
            print(f"| {name} | {t[10]}/{t[11]} | {pct(t[0], t[1])} | {t[4]}/{t[5]} | {t[6]}/{t[7]} | "
                  f"{t[8]}/{t[9]} | {pct(t[2], t[3])} |")
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "totals": totals}, indent=1, default=list), encoding="utf-8")


if __name__ == "__main__":
    main()
