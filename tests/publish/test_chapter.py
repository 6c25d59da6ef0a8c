"""A chapter of a manual kept in a file of its own without a TEI header (as each chapter of the TEI Guidelines
is): published as a page under its heading, with its examples shown as markup and its specifications by name."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pypdf
import pytest
from click.testing import CliRunner
from lxml import html

from edition.cli import main

from ..conftest import record_page, words

FIXTURE = Path(__file__).parent / "fixtures" / "manual-chapter.xml"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, str]:
    tmp = tmp_path_factory.mktemp("chapter")
    (tmp / "src").mkdir()
    (tmp / "src" / FIXTURE.name).write_bytes(FIXTURE.read_bytes())
    result = CliRunner().invoke(main, ["build", str(tmp / "src"), "--out", str(tmp / "site")])
    assert result.exit_code == 0, result.output
    return tmp / "site", result.output


@pytest.fixture(scope="module")
def page(built) -> html.HtmlElement:
    return record_page(built[0], "LN")  # named by the chapter's xml:id


def test_the_chapter_is_a_page_titled_by_its_heading_and_said_to_be_headerless(built, page):
    assert "manual-chapter.xml: a chapter without a TEI header (root div), published under its heading" in built[1]
    assert words(page.find(".//h1")) == "Lines and Numbers"
    assert words(page.find(".//head/title")).startswith("Lines and Numbers")
    text = page.find_class("text")[0]
    assert text.get_element_by_id("LN") is not None and text.get_element_by_id("LNEX") is not None
    assert text.get_element_by_id("LN").get("lang") == "en"


def test_a_paragraph_holding_a_list_is_a_block_and_the_list_has_bullets(page):
    (para,) = page.xpath("//div[@class='p'][.//ul]")
    assert "describes the <l> element" in words(para) and not page.xpath("//p//ul")
    assert page.xpath("//ul[contains(@class, 'bulleted')]/li/text()") == ["numbering each line;",
                                                                           "numbering each group."]


def test_an_example_is_markup_as_typed_without_namespaces_or_the_sources_indentation(page):
    (example,) = page.xpath("//pre[@class='egXML']")
    assert example.text_content() == ('<lg>\n  <l n="1">Of numbers &amp; of lines</l>\n  <l n="2">I sing</l>\n'
                                      '  <l n="3">and of the lines that run on past the measure of the printed page, '
                                      'every word of them kept to the end</l>\n</lg>')


def test_tags_idents_specifications_and_includes_are_shown_by_what_they_are(page):
    text = page.find_class("text")[0]
    assert [words(c) for c in text.xpath(".//code[@class='tag']")] == ["<lg>", "</lg>", "<lb/>"]
    assert text.xpath(".//code[@class='ident']/text()") == ["att.numbered"]
    group = text.get_element_by_id("LNGRP")
    assert words(group.find_class("spec-name")[0]) == "Specification group Line Numbering"
    assert words(group.find_class("elementSpec")[0]) == "Element l (change) contains a single line of verse, numbered."
    assert words(group.find_class("include")[0]) == "(not included here: ../../Specs/numbering.xml)"
    (ref,) = text.xpath(".//a[@href='#LNGRP']")
    assert words(ref) == "Specification group Line Numbering"
    assert words(text.xpath(".//a[@href='#LNSPECS']")[0]) == "Specifications"
    # a pointer to a chapter not published here is shown, but is no dead link
    assert "(and of #COVE, another chapter)" in words(text) and not text.xpath(".//a[@href='#COVE']")


def test_the_build_warns_of_no_element_it_renders(built):
    assert "shown only by their text" not in built[1]


def test_the_pdf_prints_the_chapter(built):
    flat = " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(str(built[0] / "edition.pdf")).pages)
    for said in ("Lines and Numbers", "numbering each group.", 'n="2">I sing', "</lg>", "Specification group Line "
                 "Numbering", "not included here: ../../Specs/numbering.xml"):
        assert said in flat, said


def test_a_long_line_of_an_example_is_wrapped_in_print_not_cut_at_the_margin(built):
    # (pdftotext reads what lies on the page; text run past its edge is not there to read)
    text = subprocess.run(["pdftotext", str(built[0] / "edition.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "every word of them kept to the end</l>" in " ".join(text.split())
