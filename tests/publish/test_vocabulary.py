"""The rest of the TEI vocabulary, rendered by what it means (``fixtures/vocabulary.xml``, our own): a dictionary
entry, a structured bibliography, a caesura, an index entry, MathML as MathML and SVG as SVG without what could run
or lead out of the page."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import html

from edition.cli import main

from ..conftest import record_page, words

FIXTURE = Path(__file__).parent / "fixtures" / "vocabulary.xml"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[html.HtmlElement, str]:
    tmp = tmp_path_factory.mktemp("vocabulary")
    (tmp / "src").mkdir()
    shutil.copy(FIXTURE, tmp / "src")
    result = CliRunner().invoke(main, ["build", str(tmp / "src"), "--out", str(tmp / "site"), "--only", "web"])
    assert result.exit_code == 0, result.output
    page = record_page(tmp / "site", "vocabulary")
    return page.find_class("text")[0], result.output


def test_every_element_has_a_rendering_of_its_own(built):
    assert "shown only by their text" not in built[1]


def test_a_dictionary_entry_reads_as_one(built):
    text, _ = built
    (entry,) = text.xpath(".//div[contains(@class, 'entry')]")
    assert entry.get("id") == "e-bridge"
    assert [words(s) for s in entry.xpath("div[contains(@class, 'sense')]")] == [
        "1 a structure carrying a road across a river", "2 the bony upper part of the nose anatomy"]
    assert words(entry.xpath(".//span[@class='orth']")[0]) == "bridge"


def test_a_structured_bibliography_keeps_its_parts_apart(built):
    text, _ = built
    (item,) = text.xpath(".//li[contains(@class, 'biblStruct')] | .//div[contains(@class, 'biblStruct')]")
    # as a bibliography prints it: the article's author and title, the journal in italics, the year, the pages
    assert words(item) == "Anna Weber, \u201cBridges of Zenda\u201d, in Ruritanian Review (1921), 1-20."
    assert [words(i) for i in item.iter("i")] == ["Ruritanian Review"]
    # an entry written as a sentence keeps every word of it, in its order
    assert words(text.get_element_by_id("weber-1921")) == "A. Weber, Bridges; Zenda, 1921, Lind & Sons."


def test_markers_show_what_they_mark(built):
    text, _ = built
    (caesura,) = text.xpath(".//span[contains(@class, 'caesura')]")
    assert caesura.text_content() == "\u2016"
    # a glyph its declaration shows by a display form only (IOSPE's stauros): that form, never nothing
    (glyph,) = text.xpath(".//span[@class='g']")
    assert glyph.text_content() == "+"
    (index,) = text.xpath(".//span[contains(@class, 'marker') and contains(@class, 'index')]")
    assert words(index) == "bridges"


def test_mathml_is_mathml_and_svg_is_svg_without_script_or_links_out(built):
    text, _ = built
    page = html.tostring(text, encoding="unicode")
    assert "<math" in page and "<msup>" in page and ">m</mi>" in page
    assert "<svg" in page and "<rect" in page and ">span</text>" in page
    assert "alert" not in page and "evil.example" not in page and "onload" not in page


def test_a_binary_image_is_shown_and_other_data_is_a_download_never_base64_in_the_text(built):
    text, _ = built
    (img,) = text.xpath(".//img[starts-with(@src, 'data:')]")
    assert img.get("src").startswith("data:image/png;base64,iVBORw0KGgo") and " " not in img.get("src")
    assert img.get("alt") == "A green dot."
    # an SVG could run its script if opened as a page: it is a download, named by its type
    (data,) = text.xpath(".//a[starts-with(@href, 'data:')]")
    assert data.get("href").startswith("data:application/octet-stream;base64,") and data.get("download") == ""
    assert words(data) == "[binary object, image/svg+xml]"
    assert "iVBORw0KGgo" not in words(text) and "PHN2Zy" not in words(text)


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> str:
    """The print edition's text, as pdftotext reads it."""
    tmp = tmp_path_factory.mktemp("vocabulary-print")
    (tmp / "src").mkdir()
    shutil.copy(FIXTURE, tmp / "src")
    result = CliRunner().invoke(main, ["build", str(tmp / "src"), "--out", str(tmp / "site"), "--only", "print"])
    assert result.exit_code == 0, result.output
    return subprocess.run(["pdftotext", "-layout", str(tmp / "site" / "edition.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout


def test_a_formula_in_print_keeps_its_fractions_and_roots(printed):
    """WeasyPrint lays out no MathML: the print edition writes a formula on one line, its structure kept."""
    assert "x=(\u2212b\u00b1\u221a(b2\u22124ac))/(2a)" in "".join(printed.split())


def test_the_texts_index_entries_make_the_books_index_with_their_pages(printed):
    pages = printed.split("\f")
    (where,) = [n for n, page in enumerate(pages, 1) if "The bridge" in page]
    (index,) = [page for page in pages if re.search(r"^\s*Index\s*$", page, re.M)]
    assert re.search(r"^\s*bridges\s+" + str(where) + r"\s*$", index, re.M)
    assert re.search(r"Index \.[ .]+\d", pages[1])  # in the contents
