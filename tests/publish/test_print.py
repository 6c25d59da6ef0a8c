"""The print edition: every word, bracket and credit of each record in its pages; contents, bookmarks, fonts."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from edition import publish
from edition.conventions import TEI_NS, T, normalize, reading_text
from edition.publish.build import MARKER

from ..conftest import ROOT

pypdf = pytest.importorskip("pypdf") if not os.environ.get("CI") else __import__("pypdf")

TEI_DIR = ROOT / "tei"
RECORDS = sorted(p for p in TEI_DIR.glob("*.xml") if p.name not in ("persons.xml", "edition.xml"))
NS = {"t": TEI_NS}
OUTPUT = Path(os.environ.get("EDITION_TEST_OUTPUT", ROOT / "test-output")) / "print"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("print") / "site"
    publish.build(TEI_DIR, out, parts=("print",), per_document=True)
    return out


@pytest.fixture(scope="module")
def reader(built):
    return pypdf.PdfReader(str(built / "edition.pdf"))


def title(record: Path) -> str:
    return etree.parse(str(record)).findtext(f".//{T}titleStmt/{T}title")


def outline(reader) -> list[tuple[str, int]]:
    return [(o.title, reader.get_destination_page_number(o)) for o in reader.outline if not isinstance(o, list)]


def tokens(text: str) -> list[str]:
    return normalize(text).casefold().split()


def is_subsequence(needle: list[str], haystack: list[str]) -> bool:
    it = iter(haystack)
    return all(any(word == h for h in it) for word in needle)


def record_pages(reader, record: Path) -> str:
    """The text of the pages from the record's first page up to the next bookmark's."""
    marks = outline(reader)
    start = next(page for name, page in marks if name == title(record))
    end = min((page for _, page in marks if page > start), default=len(reader.pages))
    text = "\n".join(reader.pages[k].extract_text() for k in range(start, end))
    return joined(text)


def joined(text: str) -> str:
    """A PDF's text with its line breaks inside words undone: a word the layout hyphenated (U+2010) is one word, and
    a compound broken at its own hyphen is one compound."""
    text = re.sub(r"(?<=\w)\u2010\s*\n\s*", "", text)
    return re.sub(r"(?<=\w)-\s*\n\s*", "-", text)


def test_bookmarks_list_every_record_in_time_order(reader):
    names = [name for name, _ in outline(reader)]
    assert all(title(r) in names for r in RECORDS)
    pages = [page for name, page in outline(reader)]
    assert pages == sorted(pages)


@pytest.mark.parametrize("record", RECORDS, ids=lambda p: p.stem)
def test_record_pages_hold_every_word_bracket_and_credit(reader, record):
    tei = etree.parse(str(record)).getroot()
    expected = reading_text(tei.find(T + "text"))
    text = record_pages(reader, record)
    assert is_subsequence(tokens(expected), tokens(text)), record.stem
    for form in ("[...]", "[sic]", "(speaks Russian)", "[Source:", "[Saddam]"):
        assert text.count(form) == expected.count(form), form
    # the header's note on excerpts quotes the notice once more, after the text
    assert text.count("[excerpts]") == expected.count("[excerpts]") * 2
    credits = tei.xpath("//t:titleStmt/t:respStmt[t:resp/@ref='http://id.loc.gov/vocabulary/relators/trl']"
                        "/t:persName/text()", namespaces=NS)
    # the credit is among the record's facts, as on its web page, and printed once
    flat = " ".join(text.split())
    said = tei.xpath("normalize-space(//t:notesStmt/t:note[@type='credit'])", namespaces=NS)
    assert "Translated by " + (", ".join(credits) or said or "not named") in flat
    assert flat.count("Translated by") == 1 + expected.count("Translated by")  # (a source note may say it too)


def test_each_record_starts_on_a_new_page(reader):
    for record in RECORDS:
        start = next(page for name, page in outline(reader) if name == title(record))
        first = " ".join(reader.pages[start].extract_text().split())
        assert " ".join(title(record).split()) in first
        assert f"{start + 1}" in first  # the folio


def test_contents_page_numbers_are_where_the_sections_start(reader):
    marks = [(name, page) for name, page in outline(reader) if name != "Contents"]
    contents_start = next(page for name, page in outline(reader) if name == "Contents")
    contents_end = min(page for _, page in marks if page > contents_start)
    text = "\n".join(reader.pages[k].extract_text() for k in range(contents_start, contents_end))
    numbers = [int(n) for n in re.findall(r"\.\s(\d+)\s*$", text, flags=re.M)]
    assert numbers == [page + 1 for _, page in marks]


def test_index_of_persons_lists_every_page_where_the_person_speaks_or_is_named(reader):
    marks = outline(reader)
    start = next(page for name, page in marks if name == "Index of persons")
    text = reader.pages[start].extract_text()
    entry = next(line for line in text.splitlines() if line.startswith("Mubarak, Hosni"))
    pages = [int(n) for n in re.findall(r"\d+", entry)]
    assert pages == sorted(set(pages))  # each page once, in order
    for page in pages:
        assert "Mubarak" in reader.pages[page - 1].extract_text()
    # every page of the records where he speaks (his label) is listed, not only the first of each record
    speaks = [k + 1 for k in range(start) if re.search(r"Mubarak:", reader.pages[k].extract_text())]
    assert len(speaks) >= 2 and set(speaks) <= set(pages)
    # filed by surname: a name the register does not divide stands as it is, under its last word
    names = [m.group(1) for line in text.splitlines() if (m := re.match(r"(\D+?)\s\d", line))]
    assert names.index("Baker, James") < next(k for k, n in enumerate(names) if n.startswith("George H. W. Bush"))


def test_running_heads_are_short_and_absent_on_a_records_first_page(reader):
    record = RECORDS[0]
    start = next(page for name, page in outline(reader) if name == title(record))
    first, second = reader.pages[start].extract_text(), reader.pages[start + 1].extract_text()
    assert f"{start + 2}" in second  # the folio
    (head,) = [line for line in second.splitlines() if "\u00b7" in line]  # date \u00b7 interlocutors
    assert len(head) <= 60 and re.match(r"\d{1,2} February 1991", head)
    assert "\u00b7" not in first  # the opening page carries the record's title, not a running head


def test_fonts_are_embedded(reader):
    seen = set()
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descendants = [d.get_object() for d in font.get("/DescendantFonts", [])] or [font]
            for d in descendants:
                descriptor = d["/FontDescriptor"].get_object()
                assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), d.get("/BaseFont")
                seen.add(str(d.get("/BaseFont")))
    assert seen
    if shutil.which("fc-list") and "Libertine" in subprocess.run(["fc-list"], capture_output=True, text=True).stdout:
        assert any("Libertine" in name for name in seen), seen


def test_metadata_language_and_tags(reader):
    meta = reader.metadata
    assert meta.title == "Gorbachev's Conversations of 23 February 1991"
    # the book's author is the edition's editors (edition.xml: "edited and encoded by"), not its translators
    assert meta.author == "The edition project" and meta.subject
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root


def test_one_pdf_per_record(built):
    for record in RECORDS:
        pdf = pypdf.PdfReader(str(built / "print" / f"{record.stem}.pdf"))
        first = " ".join(pdf.pages[0].extract_text().split())
        assert " ".join(title(record).split()) in first
        assert pdf.metadata.title == title(record)
        expected = reading_text(etree.parse(str(record)).getroot().find(T + "text"))
        text = joined("\n".join(page.extract_text() for page in pdf.pages))
        assert is_subsequence(tokens(expected), tokens(text)), record.stem
        assert "Index of persons" not in text and "Contents" not in text


def test_a_records_book_names_its_translators_in_its_facts_and_has_the_editions_colophon(built):
    """The colophon of a record's book is the edition's, the same in each (it is laid out once, pdf.py): who
    translated the record is in the record's facts, not again in the colophon."""
    colophons = set()
    for record in RECORDS:
        tei = etree.parse(str(record))
        names = tei.xpath("//t:titleStmt/t:respStmt[t:resp/@ref = 'http://id.loc.gov/vocabulary/relators/trl']"
                          "/t:persName", namespaces=NS)
        pdf = pypdf.PdfReader(str(built / "print" / f"{record.stem}.pdf"))
        start = next(page for name, page in outline(pdf) if name == "Colophon")
        colophon = " ".join(" ".join(p.extract_text() for p in pdf.pages[start:]).split())
        facts = " ".join(pdf.pages[0].extract_text().split())
        assert "Translated by" not in colophon and "names no translator" not in colophon, record.stem
        assert all(" ".join(n.text.split()) in facts for n in names), record.stem
        colophons.add(re.sub(r"\s*\d+$", "", colophon))  # its folio aside
    assert len(colophons) == 1


def test_the_pdfs_of_each_record_alone(tmp_path):
    from click.testing import CliRunner

    from edition.cli import main

    out = tmp_path / "pdfs"
    result = CliRunner().invoke(main, ["build", str(TEI_DIR), "--out", str(out), "--only", "per-document",
                                       "--jobs", "2"])
    assert result.exit_code == 0, result.output
    assert sorted(p.stem for p in (out / "print").glob("*.pdf")) == sorted(r.stem for r in RECORDS)
    assert not (out / "edition.pdf").exists() and not (out / "index.html").exists()
    assert sorted(p.name for p in out.iterdir()) == [MARKER, "print"]  # no digests or slices left behind
    assert [p.name for p in (out / "print").iterdir() if p.suffix != ".pdf"] == []


def test_first_pages_rendered_for_a_person_to_look_at(built):
    if not shutil.which("pdftoppm"):
        if os.environ.get("CI"):
            pytest.fail("pdftoppm is missing; .ci/run must install poppler-utils")
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    OUTPUT.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "8", str(built / "edition.pdf"),
                    str(OUTPUT / "page")], check=True)
    pngs = sorted(OUTPUT.glob("page-*.png"))
    assert len(pngs) == 8 and all(p.stat().st_size > 1000 for p in pngs)


def test_no_speaker_label_stands_alone_at_the_foot_of_a_page(reader):
    labels = {" ".join("".join(s.itertext()).split()) for r in RECORDS for s in etree.parse(str(r)).iter(T + "speaker")}
    heads = {" ".join(title(r).split()) for r in RECORDS} | {"Contents", "Introduction", "Editorial principles",
                                                             "Index of persons", "Colophon"}
    checked = 0
    for page in reader.pages:
        lines = [" ".join(line.split()) for line in page.extract_text().splitlines() if line.strip()]
        if lines and lines[-1].isdigit():
            lines.pop()  # the folio
        for k in (3, 2, 1):  # the running head, wrapped or not
            if len(lines) > k and " ".join(lines[-k:]) in heads:
                del lines[-k:]
                break
        if lines:
            checked += 1
            assert lines[-1] not in labels, f"page {reader.get_page_number(page) + 1} ends with {lines[-1]!r}"
    assert checked > 30


RECYCLED = """
import sys
from pathlib import Path
from edition.publish import parts, sources, stylesheets
if __name__ == "__main__":
    parts.PRINT_BATCH, parts.PRINT_RUNS_PER_PROCESS = 2, 1  # 6 parts, each in a new process
    print(parts.print_each(stylesheets.Publisher(), sources.sources(Path(sys.argv[1])), Path(sys.argv[2]), jobs=2))
"""


def test_per_record_pdfs_in_two_processes_replaced_as_they_go(tmp_path):
    """Workers are replaced after some parts (WeasyPrint keeps memory per document); no record may be lost. Run in a
    process of its own, with a time limit: a pool that replaces its workers is where a hang would show."""
    script = tmp_path / "recycled.py"
    script.write_text(RECYCLED, encoding="utf-8")
    out = tmp_path / "pdfs"
    out.mkdir()
    done = subprocess.run([sys.executable, str(script), str(TEI_DIR), str(out)], capture_output=True, text=True,
                          timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert sorted(p.stem for p in out.glob("*.pdf")) == sorted(r.stem for r in RECORDS)
    assert int(done.stdout) == sum(len(pypdf.PdfReader(str(p)).pages) for p in out.glob("*.pdf"))
    assert [p.name for p in out.iterdir() if p.suffix != ".pdf"] == []


def test_the_front_matter_shows_each_declaration_of_conventions_with_the_records_that_make_it(tmp_path, monkeypatch):
    """Records that declare other conventions than the rest have them in the print edition's principles too, and it
    never says of the first record's declaration that every record makes it."""
    from edition.publish import stylesheets
    from edition.publish.sources import sources

    src = tmp_path / "tei"
    shutil.copytree(TEI_DIR, src, ignore=shutil.ignore_patterns("source"))
    kohl = src / "1991-02-23-1955-kohl.xml"
    kohl.write_text(re.sub(r"(<normalization>\s*<p>)", r"\1Spelling is modernised. ", kohl.read_text(encoding="utf-8"),
                           count=1), encoding="utf-8")
    laid_out: list[str] = []
    monkeypatch.setattr(stylesheets, "lay_out", lambda paged, pdf: laid_out.append(paged) or 1)
    stylesheets.Publisher().print(sources(src), tmp_path / "edition.pdf")
    front = etree.HTML(laid_out[0]).xpath("//section[@id='principles']")[0]
    headings = sorted(" ".join("".join(h.itertext()).split()) for h in front.iter("h3"))
    assert headings == ["The conventions, as 1 record of 11 declares them",
                        "The conventions, as 10 records of 11 declare them"]
    (by_one,) = [p for p in front.xpath(".//p[@class='declared-by']") if len(p.findall("a")) == 1]
    assert by_one.find("a").get("href") == "#record-1991-02-23-1955-kohl"
    assert "Spelling is modernised." in "".join(front.itertext())


def test_a_footnote_typed_over_several_lines_is_set_as_running_text(tmp_path):
    """Pretty-printed TEI breaks a note's lines before its references (<ref>, <bibl>): WeasyPrint ends a footnote's
    line at such a break before an inline element, so the print edition sets the note's words as one run of text."""
    from ..conftest import build_texts
    note = "See\n      <ref target='#b'>Astruc</ref>, 100–102 and\n      <bibl xml:id='b'>Fedwick 1993</bibl>."
    site = build_texts(tmp_path, {"r.xml": (
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="r"><teiHeader><fileDesc><titleStmt><title>Notes</title>'
        "</titleStmt><publicationStmt><p>Ours</p></publicationStmt><sourceDesc><p>Ours</p></sourceDesc></fileDesc>"
        f"</teiHeader><text><body><p>The manuscript has it.<note>{note}</note></p></body></text></TEI>")},
        "--only", "print")
    if not shutil.which("pdftotext"):  # pragma: no cover - CI installs poppler-utils
        pytest.fail("pdftotext (poppler-utils) is needed to read the PDF's lines")
    lines = subprocess.run(["pdftotext", str(site / "edition.pdf"), "-"], capture_output=True, text=True).stdout
    assert "1. See Astruc, 100–102 and Fedwick 1993." in lines.splitlines()
