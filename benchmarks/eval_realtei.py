"""How `edition build` publishes TEI of other projects (issue 14): for each source of ../shared/realtei (DraCor plays,
an ELTeC novel, a FRUS volume, Schnitzler letters, Guidelines chapters, ParlaMint debates, EpiDoc inscriptions and
papyri, letter editions, a DTA book, a First Folio play; a project in subfolders is built as it is laid out), build
the web edition and each record's PDF, and print, per document:

- words: the share of the words of its TEI text that reach its page and its PDF, counted with a word boundary at
  every block element of the TEI and the HTML, so that words fused by the rendering ("diesen NamenGuiskard") count as
  lost (the PDF's words are those its text layer gives);
- notes: how many of its notes are rendered as notes (a mark in the text and the note apart), and how many are
  pasted into the running text;
- links: the internal links of its page (href="#id" or to a page of the site) and how many resolve;
- title: the title the page shows;
- speech turns: the turns of a play or a debate (sp, u) that the page heads with their speaker;

and per source the build times, web and print. With --tei-stylesheets (a checkout of the TEI Consortium's
Stylesheets, https://github.com/TEIC/Stylesheets, which this script never fetches), the same files are also turned into
HTML by the Stylesheets' default HTML profile (profiles/default/html/to.xsl, by saxonche), and its words, internal
links and time are printed beside ours.

With --stylesheets-tests, the documents are instead the TEI among the Stylesheets' own test inputs (Test/ and
Test2/inputFiles/ of that checkout: a peer's test suite), and the elements the build shows only by their text are
printed.

Usage: python benchmarks/eval_realtei.py [--realtei DIR] [--tei-stylesheets DIR [--stylesheets-tests]] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from pathlib import Path
from urllib.parse import unquote

from lxml import etree, html

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from runs import EDITION, pct  # noqa: E402

from edition.conventions import TEI_NS, record_name  # noqa: E402
from edition.xmlfiles import load  # noqa: E402

T = f"{{{TEI_NS}}}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
#: TEI elements that stand on their own line: a word ends at each.
TEI_BLOCKS = {"p", "div", "head", "l", "lg", "item", "list", "sp", "speaker", "stage", "note", "quote", "table", "row",
              "cell", "lb", "pb", "cb", "opener", "closer", "dateline", "salute", "signed", "addrLine", "address",
              "postscript", "castItem", "castList", "castGroup", "role", "roleDesc", "label", "byline", "docAuthor",
              "docTitle", "titlePart", "titlePage", "docDate", "epigraph", "trailer", "figure", "figDesc", "bibl",
              "person", "place", "event", "listPerson", "listPlace", "listBibl", "listEvent", "listOrg", "org",
              "set", "argument", "fw", "ab", "block-seg", "egXML", "eg", "specList", "specDesc", "front", "back",
              "body",
              "text", "group", "floatingText", "cit", "u", "space", "choice-part"}
HTML_BLOCKS = {"p", "div", "section", "article", "header", "footer", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2",
               "h3", "h4", "h5", "h6", "blockquote", "br", "table", "tr", "td", "th", "figure", "figcaption",
               "caption", "pre", "nav", "main", "aside", "hr"}
WORD = re.compile(r"\w+")


def words(el: etree._Element, blocks: set[str], skip, name, leiden: bool = False) -> Counter[str]:
    """The words of an element's text, a word ending at each element ``name(e)`` in ``blocks``; ``skip(e)``: an
    element whose words are not counted (its tail is)."""
    out: list[str] = []

    def walk(e: etree._Element) -> None:
        if not isinstance(e.tag, str) or skip(e):
            out.append(e.tail or "")
            return
        block = name(e) in blocks
        out.append(" " if block else "")
        out.append(e.text or "")
        for child in e:
            walk(child)
        out.append(" " if block else "")
        out.append(e.tail or "")

    walk(el)
    text = "".join(out)
    return Counter(w.lower() for w in WORD.findall(unmarked(text) if leiden else text))


#: The marks a Leiden edition (an EpiDoc document's) sets inside words (L(uci), [Ga]ius, [Φίλ?]ανδρος, lamen<t>ari,
#: ⟦abc⟧, fi`l´io, pientis{s}imo; not the slashes of an addition below the line, which stand between words as in an
#: address) and a dot below an unclear letter: taken out of the TEI's text and the page's alike before words are
#: counted, so that a word such an edition marks is the word the TEI has. (Only for such documents: elsewhere a
#: parenthesis before a word, "(Applause)Thank you", is no part of it.)
LEIDEN_MARKS = re.compile("[()\\[\\]⟦⟧⟨⟩<>{}⸢⸣`´]|\\?(?=\\])")


def unmarked(text: str) -> str:
    return LEIDEN_MARKS.sub("", unicodedata.normalize("NFC", unicodedata.normalize("NFD", text).replace("̣", "")))


def tei_name(e: etree._Element) -> str:
    """An element's name, a seg that is a line of its own (a letterhead's, one set left or right) as "block-seg"
    (a seg within a sentence is no word boundary)."""
    name = etree.QName(e).localname
    if isinstance(e.getparent(), etree._Element) and etree.QName(e.getparent()).localname in ("choice", "app"):
        return "choice-part"  # (each reading of a choice or a variant a word of its own: canot, cannot)
    if name == "seg" and (e.get("type") == "letterhead" or {"left", "right", "center"} & set((e.get("rend") or "")
                                                                                             .split())):
        return "block-seg"
    if name in ("pb", "cb", "lb") and in_word(e):
        return "break-in-word"  # (a leaf that begins inside a word, "ወለአእዛ<pb/>ንኪ፡", parts no words)
    return name


def in_word(e: etree._Element) -> bool:
    """A break inside a word: break="no", or letters right before and after it (breaks beside it aside), as the
    publication reads one (tei.xsl, ed:in-word)."""
    if e.get("break") == "no":
        return True
    def is_break(n: etree._Element | None) -> bool:
        return n is not None and isinstance(n.tag, str) and etree.QName(n).localname in ("pb", "cb", "lb")

    prev = e.getprevious()
    while is_break(prev) and not prev.tail:
        prev = prev.getprevious()
    before = (prev.tail if prev is not None else e.getparent().text) or ""
    after, nxt = e.tail, e.getnext()
    while not after and is_break(nxt):
        after, nxt = nxt.tail, nxt.getnext()
    return bool(re.search(r"\w$", before) and re.match(r"\w", after or ""))


def tei_words(el: etree._Element, leiden: bool = False) -> Counter[str]:
    """The words of a TEI element's text: the header aside, an example of markup (shown as markup) and a binary
    object's data (an image, or a download)."""
    return words(el, TEI_BLOCKS, lambda e: etree.QName(e).localname in ("teiHeader", "binaryObject")
                 or etree.QName(e).namespace == "http://www.tei-c.org/ns/Examples", tei_name, leiden)


def html_words(el: html.HtmlElement, leiden: bool = False) -> Counter[str]:
    """The words of a page's text: scripts, the edition's note numbers and the numbers of the source's pages and
    columns aside."""
    return words(el, HTML_BLOCKS, lambda e: e.tag in ("script", "style") or bool(
        {"note-mark", "pb", "cb"} & set((e.get("class") or "").split())), lambda e: e.tag, leiden)


#: Folders of a project that hold its schemas, not its documents.
NOT_DOCUMENTS = {"schema", "schemas", "schematron", "odd"}


def sources(realtei: Path) -> list[tuple[str, Path, list[Path]]]:
    """Each project of TEI documents (its name, its folder, its XML files, in subfolders too, as the project lays
    them out, so that its includes resolve), and each document on its own at the top. A folder with no XML of its
    own is a group of projects (parlamint/ES, epidoc/isicily, letters/escher)."""
    def xml_of(folder: Path) -> list[Path]:
        return sorted(f for f in folder.rglob("*.xml")
                      if not NOT_DOCUMENTS & set(f.relative_to(folder).parts[:-1]))

    out = []
    for p in sorted(realtei.iterdir()):
        if p.is_dir() and p.name not in NOT_DOCUMENTS:
            projects = [p] if any(p.glob("*.xml")) else [s for s in sorted(p.iterdir())
                                                         if s.is_dir() and s.name not in NOT_DOCUMENTS]
            for project in projects:
                files = xml_of(project)
                if files:
                    out.append((str(project.relative_to(realtei)), project, files))
        elif p.suffix == ".xml":
            out.append((p.stem, p.parent, [p]))
    return out


def stylesheets_tests(checkout: Path, work: Path) -> tuple[list[tuple[str, Path, list[Path]]], list[str]]:
    """The TEI Stylesheets' own test inputs (Test/ and Test2/inputFiles/ of a checkout: a peer's test suite) that
    are TEI documents, as one project: each well-formed file whose root is TEI or teiCorpus; and what was set
    aside (a file that is not well-formed) with why."""
    folder, aside = work / "stylesheets-tests", []
    folder.mkdir()
    for f in sorted([*(checkout / "Test").glob("*.xml"), *(checkout / "Test2" / "inputFiles").glob("*.xml")]):
        tree, problems = load(f)
        if tree is None:
            aside.append(f"{f.relative_to(checkout)}: {problems[0]}")
        elif tree.getroot().tag in (f"{T}TEI", f"{T}teiCorpus") and not (folder / f.name).exists():
            shutil.copy(f, folder / f.name)
    return [("stylesheets-tests", folder, sorted(folder.glob("*.xml")))], aside


def build(folder: Path, files: list[Path], work: Path, only: str) -> tuple[Path, float, str]:
    """Build ``only`` (web, per-document) of ``files`` (laid out as in ``folder``) into ``work/ONLY``: the site, the
    seconds it took, and what the build said."""
    src, site = work / "src", work / only
    if not src.exists():
        for f in files:
            (src / f.relative_to(folder)).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(f, src / f.relative_to(folder))
    start = time.perf_counter()
    proc = subprocess.run([*EDITION, "build", str(src), "--out", str(site), "--only", only], capture_output=True,
                          text=True, cwd=ROOT)
    return site, time.perf_counter() - start, (proc.stderr + proc.stdout).strip()


def parse(doc: Path) -> etree._ElementTree:
    """A source as the build reads it (its own DOCTYPE's entities expanded, duplicate ids let through)."""
    tree, problems = load(doc)
    if tree is None:
        raise SystemExit(f"{doc}: {problems[0]}")
    return tree


def is_document(doc: Path) -> bool:
    """Whether a file is a document a build publishes (a TEI document, a corpus that holds its documents, a
    chapter), not a part that documents include (a list of persons, a taxonomy) or a corpus root that includes
    them."""
    root = parse(doc).getroot()
    name = etree.QName(root)
    return name.namespace == TEI_NS and (name.localname in ("TEI", "div") or (
        name.localname == "teiCorpus" and root.find(T + "TEI") is not None))


def pdf_words(pdf: Path, leiden: bool = False) -> Counter[str]:
    """The words of a PDF's text layer, as poppler's pdftotext reads it where installed (pypdf spaces out the
    letters of a font subset with a custom encoding, and splits its ligatures), in its raw mode (otherwise it joins
    "schnitzler-" and "kultur" where an address breaks at its hyphen), else as pypdf reads it. A word with a
    footnote's call after it ("Februar1": the call is set against the word) counts as the word."""
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                              text=True).stdout
    else:
        import pypdf

        text = "\n".join(page.extract_text() for page in pypdf.PdfReader(str(pdf)).pages)
    text = re.sub(r"(?<=\w)\u2010\s*\n\s*", "", text)  # a word the layout hyphenated at a line's end
    words = Counter(w.lower() for w in WORD.findall(unmarked(text) if leiden else text))
    for w, n in list(words.items()):
        called = re.fullmatch(r"([^\W\d_]+)\d{1,3}", w)
        if called:
            words[called.group(1)] += n
    return words


class TEIStylesheets:
    """The TEI Consortium's HTML profile, compiled once, for comparison."""

    def __init__(self, checkout: Path) -> None:
        from saxonche import PySaxonProcessor

        self.proc = PySaxonProcessor(license=False)
        self.exe = self.proc.new_xslt30_processor().compile_stylesheet(
            stylesheet_file=str(checkout / "profiles" / "default" / "html" / "to.xsl"))

    def score(self, doc: Path, work: Path) -> dict:
        """Words of the document's text reached, internal links resolved, seconds; or the error it met."""
        out = work / (doc.stem + ".tei-stylesheets.html")
        start = time.perf_counter()
        try:
            self.exe.set_cwd(str(work))
            self.exe.transform_to_file(source_file=str(doc), output_file=str(out))
        except Exception as e:  # noqa: BLE001 - reported, as the Stylesheets' own failure
            return {"ts_error": str(e).splitlines()[0][:80], "ts_s": time.perf_counter() - start}
        seconds = time.perf_counter() - start
        tree = parse(doc)
        text = tree.getroot().find(T + "text")
        want = tei_words(text if text is not None else tree.getroot())
        root = html.parse(str(out)).getroot()
        body = root.find("body")
        got = html_words(body) if body is not None else Counter()
        ids = set(root.xpath("//@id"))
        links = [h[1:] for h in root.xpath("//body//a/@href") if h.startswith("#") and len(h) > 1]
        return {"ts_reached": sum(min(n, got[w]) for w, n in want.items()), "ts_links": len(links),
                "ts_resolved": sum(h in ids for h in links), "ts_s": seconds}


def page_of(site: Path, doc: Path) -> Path | None:
    root = parse(doc).getroot()
    page = site / "records" / f"{record_name(root.get(XML_ID), doc.stem)}.html"
    return page if page.exists() else None


def score(doc: Path, page: Path, site: Path, printed: Path) -> dict:
    """The document's page, and the pages of its parts where it is published in parts (records/ID/*.html)."""
    tree = parse(doc)
    text = tree.getroot().find(T + "text")
    if text is None:
        text = tree.getroot()
    # an edition in the Leiden conventions (EpiDoc's edition division) marks words inside them: counted unmarked
    # (an expansion is printed in parentheses inside its word by every edition's conventions, not only Leiden's)
    leiden = bool(tree.getroot().xpath("//t:div[@type = 'edition'] | //t:ex[not(ancestor::t:teiHeader)]",
                                       namespaces={"t": TEI_NS}))
    want = tei_words(text, leiden)
    pages = [page, *sorted((page.parent / page.stem).glob("*.html"))]
    parsed = {p: html.parse(str(p)).getroot() for p in pages}
    got: Counter[str] = Counter()
    for p, root in parsed.items():
        body = root.find_class("text")
        got += html_words(body[0], leiden) if body else Counter()
        # the page's heading, where it is the text's own (a document's page of a volume; a record whose first
        # heading is its title: class text-head)
        if p != page or root.find(".//h1[@class='text-head']") is not None:
            got += sum((html_words(h, leiden) for h in root.findall(".//h1")), Counter())
    reached = sum(min(n, got[w]) for w, n in want.items())
    pdf = printed / "print" / f"{page.stem}.pdf"
    in_pdf = pdf_words(pdf, leiden) if pdf.exists() else Counter()
    pdf_reached = sum(min(n, in_pdf[w]) for w, n in want.items())
    # (a note that describes an entry of a register is part of that entry, not a note to the text)
    notes = text.xpath(".//t:note[not(parent::t:person | parent::t:place | parent::t:org | parent::t:event)]",
                       namespaces={"t": TEI_NS})
    # a note is rendered as a note with a mark in the text and the note apart, or, printed in the running text
    # (@place or @rend "inline"), set apart where it stands; a speaker's label printed before a turn (ParlaMint's
    # note type="speaker") as the heading of its turn
    in_place = sum(len(r.xpath("//*[contains(concat(' ', @class, ' '), ' in-place ')]")) for r in parsed.values())
    headings = {" ".join(h.text_content().split()) for r in parsed.values()
                for h in r.xpath("//*[self::h3 or self::p][contains(concat(' ', @class, ' '), ' speaker ')]")}
    in_place += sum(1 for n in notes if n.get("type") == "speaker" and (n.getnext() is not None and n.getnext().tag
                    == f"{{{TEI_NS}}}u") and any(h.startswith(" ".join("".join(n.itertext()).split()))
                                                  for h in headings))
    # (a variant's mark leads to the apparatus, not to a note)
    marks = in_place + sum(len(r.xpath("//*[contains(concat(' ', @class, ' '), ' note-mark ')][not(contains(concat("
                               "' ', @class, ' '), ' app-mark '))]")) for r in parsed.values())
    rendered = in_place + sum(len(r.xpath("//section[@class = 'notes']//li")) for r in parsed.values())
    tei_ids = set(tree.getroot().xpath("//@xml:id"))
    ids_of: dict[Path, set[str]] = {}
    links = resolvable = resolved = 0
    for p, root in parsed.items():
        # the links made from the TEI's pointers (not the edition's own between a note and its mark)
        for h in [a.get("href") for a in root.xpath("//div[contains(@class, 'text')]//a[@href][not(contains(@class, "
                                                    "'note-mark') or contains(@class, 'note-back'))]")]:
            if re.match(r"^[a-z][a-z0-9+.-]*:", h, re.I) or h.startswith("//"):
                continue  # (an address elsewhere; every other link must lead to a page and a place of the site)
            links += 1
            target_page, _, frag = h.partition("#")
            frag = unquote(frag)  # a browser decodes the fragment (#Crist%C3%B3bal is the id Cristóbal)
            # a link is resolvable when what it points to is in the TEI (some sources point to ids they lack)
            resolvable += not frag or frag in tei_ids
            other = (p.parent / target_page).resolve() if target_page else p
            if other.exists():
                if other not in ids_of:
                    ids_of[other] = set(html.parse(str(other)).getroot().xpath("//@id"))
                resolved += not frag or frag in ids_of[other]
    # speech: each turn of a play or a debate (sp, u) a section headed by its speaker
    turns = len(text.xpath(".//t:sp | .//t:u", namespaces={"t": TEI_NS}))
    headed = sum(len(r.xpath("//section[contains(concat(' ', @class, ' '), ' sp ')][*[contains(concat(' ', @class, "
                             "' '), ' speaker ')][normalize-space()]]")) for r in parsed.values())
    title = parsed[page].findtext(".//h1") or ""
    return {"doc": doc.name, "words": sum(want.values()), "reached": reached, "pdf_reached": pdf_reached,
            "notes": len(notes),
            "notes_marked": min(marks, len(notes)), "notes_apart": min(rendered, len(notes)), "pages": len(pages),
            "links": links, "resolvable": resolvable, "resolved": resolved, "turns": turns,
            "turns_headed": min(headed, turns), "title": " ".join(title.split())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--realtei", type=Path, default=ROOT.parent / "shared" / "realtei")
    parser.add_argument("--tei-stylesheets", type=Path, help="a checkout of the TEI Stylesheets, to compare with")
    parser.add_argument("--stylesheets-tests", action="store_true",
                        help="instead of --realtei, the TEI documents among the test inputs of --tei-stylesheets")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    theirs = TEIStylesheets(args.tei_stylesheets) if args.tei_stylesheets else None
    if args.stylesheets_tests and not theirs:
        parser.error("--stylesheets-tests reads the test inputs of --tei-stylesheets DIR")
    rows, builds, aside = [], [], []
    work = Path(tempfile.mkdtemp())
    found = sources(args.realtei)
    if args.stylesheets_tests:
        found, aside = stylesheets_tests(args.tei_stylesheets, work)
    for name, folder, files in found:
        with tempfile.TemporaryDirectory() as tmp:
            site, web_s, said = build(folder, files, Path(tmp), "web")
            printed, print_s, _ = build(folder, files, Path(tmp), "per-document")
            documents = [f for f in files if is_document(f)]
            as_text = re.search(r"shown only by their text: (.*)", said)
            built = {"source": name, "documents": len(documents), "web_s": round(web_s, 1),
                     "print_s": round(print_s, 1), "warnings": said.count("warning:"),
                     "as_text": as_text.group(1) if as_text else ""}
            for doc in documents:
                page = page_of(site, doc)
                row = {"doc": doc.name, "missing": True} if page is None else score(doc, page, site, printed)
                if theirs:
                    row |= theirs.score(doc, Path(tmp))
                rows.append({**row, "source": name})
            if theirs:
                built["ts_s"] = round(sum(r["ts_s"] for r in rows if r["source"] == name), 1)
            builds.append(built)
    shutil.rmtree(work, ignore_errors=True)
    ts = " | TEI Stylesheets: words / links" if theirs else ""
    print(f"| document | pages | words in HTML / PDF | notes marked / apart / in TEI | internal links resolved{ts} "
          "| title |")
    print("|---|---|---|---|---|" + ("---|" if theirs else "") + "---|")
    for r in rows:
        theirs_cell = ""
        if theirs:
            theirs_cell = (f" | failed: {r['ts_error']}" if "ts_error" in r else
                           f" | {pct(r['ts_reached'], r.get('words') or 0)} / {r['ts_resolved']}/{r['ts_links']}")
        if r.get("missing"):
            print(f"| {r['source']}/{r['doc']} | no page | | | {theirs_cell.lstrip(' |')} | |")
            continue
        notes = f"{r['notes_marked']} / {r['notes_apart']} / {r['notes']}"
        print(f"| {r['source']}/{r['doc']} | {r['pages']} | {pct(r['reached'], r['words'])} / "
              f"{pct(r['pdf_reached'], r['words'])} | {notes} | {r['resolved']}/{r['links']}{theirs_cell} | "
              f"{r['title'][:60]} |")  # (the table shows its start; distinct titles are counted whole)
    ok = [r for r in rows if not r.get("missing")]
    words = sum(r["words"] for r in ok)
    print()
    print(f"words reached: HTML {pct(sum(r['reached'] for r in ok), words)}, "
          f"PDF {pct(sum(r['pdf_reached'] for r in ok), words)}")
    print(f"notes rendered as notes: {sum(r['notes_apart'] for r in ok)}/{sum(r['notes'] for r in ok)}")
    print(f"internal links resolved: {sum(r['resolved'] for r in ok)}/{sum(r['links'] for r in ok)} "
          f"({sum(r['resolvable'] for r in ok)} point to an id the TEI has)")
    print(f"speech turns (sp, u) headed by their speaker: {sum(r['turns_headed'] for r in ok)}/"
          f"{sum(r['turns'] for r in ok)}")
    print(f"distinct titles: {len({r['title'] for r in ok})}/{len(ok)}")
    print(f"documents without a page: {len(rows) - len(ok)}")
    for b in builds:
        if b["as_text"]:
            print(f"{b['source']}: elements shown only by their text: {b['as_text']}")
    for why in aside:
        print(f"set aside: {why}")
    print("builds (s, web / PDF of each record" + (" / TEI Stylesheets HTML" if theirs else "") + "): " + ", ".join(
        f"{b['source']} {b['web_s']} / {b['print_s']}" + (f" / {b['ts_s']}" if theirs else "") for b in builds))
    if theirs:
        done = [r for r in ok if "ts_error" not in r]
        print(f"TEI Stylesheets {args.tei_stylesheets.name}: words reached "
              f"{pct(sum(r['ts_reached'] for r in done), sum(r['words'] for r in done))}, internal links resolved "
              f"{sum(r['ts_resolved'] for r in done)}/{sum(r['ts_links'] for r in done)}, "
              f"failed on {len(ok) - len(done)} document(s)")
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "builds": builds}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
