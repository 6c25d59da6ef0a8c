"""The PDF layout in parts (pdf.py): the records laid out once, the back matter after them with its own pages
numbered on, a record's book sharing the edition's colophon, and a book without print.xsl's marks laid out whole."""

from __future__ import annotations

import os
import re
import shutil

import pytest

from edition.publish import pdf, stylesheets
from edition.publish.sources import sources

from ..conftest import ROOT

pypdf = pytest.importorskip("pypdf") if not os.environ.get("CI") else __import__("pypdf")

OPEN = ('<html lang="en"><head><meta charset="utf-8"><title>{}</title><link rel="stylesheet" href="print.css">'
        "</head><body>")
COLOPHON = ('<section class="colophon" id="colophon"><h2 class="front-title">Colophon</h2>'
            "<p>Published by the Editors. Set in Linux Libertine.</p></section></body></html>")


def book(name: str, paragraphs: int, marks: bool = True) -> str:
    """A record's book as print.xsl writes it: ``paragraphs`` long paragraphs without a digit in them."""
    text = "".join(f"<p>{'The minister spoke of the talks and of the ceasefire at length. ' * 12}</p>"
                   for _ in range(paragraphs))
    record = (f'<section class="record" id="record-{name}"><h2 class="record-title">Talk with {name}</h2>'
              f"{text}</section>")
    records, back = ("<!--records-->", "<!--back-->") if marks else ("", "")
    return OPEN.format(name) + records + record + back + COLOPHON


@pytest.fixture
def renders(monkeypatch):
    """The HTML of each layout WeasyPrint is asked for."""
    seen: list[str] = []
    real = pdf._render

    def counted(paged, *args, **kwargs):
        seen.append(paged)
        return real(paged, *args, **kwargs)

    monkeypatch.setattr(pdf, "_render", counted)
    monkeypatch.setattr(pdf, "_BACKS", {}, raising=False)
    return seen


def page_texts(path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(str(path)).pages]


def test_records_books_share_one_layout_of_the_colophon_numbered_after_their_pages(tmp_path, renders):
    counts = [pdf.lay_out(book(name, 6), tmp_path / f"{name}.pdf") for name in ("Kohl", "Major")]
    assert counts[0] == counts[1] > 2
    assert sum('id="colophon"' in html for html in renders) == 1
    for name in ("Kohl", "Major"):
        pages = page_texts(tmp_path / f"{name}.pdf")
        assert pages[-1].startswith("Colophon") and f"Talk with {name}" in pages[0]
        # the colophon's folio follows the record's pages (no other digit is on its page)
        assert re.findall(r"\d+", pages[-1]) == [str(len(pages))]
        assert re.findall(r"\d+", pages[-2]) == [str(len(pages) - 1)]


def test_a_book_without_the_marks_is_laid_out_whole(tmp_path, renders):
    pages = pdf.lay_out(book("Kohl", 6, marks=False), tmp_path / "kohl.pdf")
    assert len(renders) == 1
    texts = page_texts(tmp_path / "kohl.pdf")
    assert len(texts) == pages and texts[-1].startswith("Colophon")
    assert re.findall(r"\d+", texts[-1]) == [str(pages)]


def test_the_index_is_laid_out_again_without_the_records(tmp_path, monkeypatch, renders):
    """The edition's index needs the pages of the records: they are laid out once, and only the back matter (and the
    contents, which name its pages) again."""
    src = tmp_path / "tei"
    shutil.copytree(ROOT / "tei", src, ignore=shutil.ignore_patterns("source"))
    stylesheets.Publisher().print(sources(src), tmp_path / "edition.pdf")
    assert sum('id="record-1991-02-23-1955-kohl"' in html for html in renders) == 1
    assert sum('class="index-entry"' in html for html in renders) == 1
    texts = page_texts(tmp_path / "edition.pdf")
    index = next(k for k, text in enumerate(texts) if text.startswith("Index of persons"))
    # each page of the back matter bears its own folio
    assert all(text.split()[-1] == str(k) for k, text in enumerate(texts[index:], index + 1))


def test_a_themes_print_css_changed_since_the_last_layout_is_read_again(tmp_path):
    """The stylesheets are parsed once per process, but `edition serve` lays out again after a theme's print.css is
    edited: the layout follows the file as it is now."""
    theme = tmp_path / "print.css"
    paged = book("Kohl", 1).replace('href="print.css">', f'href="print.css"><link rel="stylesheet" '
                                    f'href="{theme.as_uri()}">')
    widths = []
    for size in ("A4", "A6"):
        theme.write_text(f"@page {{ size: {size}; }}", encoding="utf-8")
        pdf.lay_out(paged, tmp_path / f"{size}.pdf")
        widths.append(round(float(pypdf.PdfReader(str(tmp_path / f"{size}.pdf")).pages[0].mediabox.width)))
    assert widths == [595, 298]
