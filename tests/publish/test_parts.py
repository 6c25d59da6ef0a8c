"""A file that holds many documents (a documentary volume, FRUS's div type="document") published as one page per
document under the volume's page (issue 14): contents, notes and links on the right pages."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pypdf
import pytest
from click.testing import CliRunner

from edition.cli import main

from ..conftest import build_site, record_page, words

FIXTURE = Path(__file__).parent / "fixtures" / "volume.xml"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_site(tmp_path_factory.mktemp("parts"), [FIXTURE], "--only", "web")


def test_the_volume_page_lists_its_documents_and_keeps_its_front_matter(site):
    vol = record_page(site, "vol-1978")
    entries = vol.find_class("part-entry")
    assert [words(e) for e in entries] == ["1. Memorandum by the Secretary", "2. Telegram from the Embassy",
                                           "3. Note for the File"]
    assert [e.find("a").get("href") for e in entries] == ["vol-1978/d1.html", "vol-1978/d2.html", "vol-1978/d3.html"]
    text = words(vol.find_class("text")[0])
    assert "The volume prints three documents" in text and "Chapter One" in text
    assert "The Secretary wrote first." not in text  # a document's words are on its own page
    assert [words(li) for li in vol.xpath("//section[@class='notes']//li")] == ["1 A telegram."]
    assert vol.xpath("//a[. = 'document 2']/@href") == ["vol-1978/d2.html#d2"]


def test_each_document_has_its_page_with_its_notes_links_and_neighbours(site):
    d3 = record_page(site, "vol-1978/d3")
    assert words(d3.find(".//h1")) == "3. Note for the File"
    assert "Note for the File" not in words(d3.find_class("text")[0])  # the heading once, as the page's
    assert d3.xpath("//p[@class='in-volume']/a/@href") == ["../vol-1978.html"]
    assert d3.xpath("//a[. = 'above']/@href") == ["d1.html#d1p1"]
    assert d3.xpath("//a[. = '12']/@href") == ["d2.html#pg_12"]
    assert [words(li) for li in d3.xpath("//section[@class='notes']//li")] == ["1 Not printed."]
    assert d3.xpath("//nav[@class='prev-next']/a/@href") == ["./d2.html"]
    d1, d2 = record_page(site, "vol-1978/d1"), record_page(site, "vol-1978/d2")
    assert d1.get_element_by_id("d1p1") is not None and d2.get_element_by_id("pg_12") is not None
    assert [words(li) for li in d1.xpath("//section[@class='notes']//li")] == ["1 File 711.00."]
    assert d2.xpath("//nav[@class='prev-next']/a/@href") == ["./d1.html", "./d3.html"]


def test_the_volume_is_not_dated_or_placed_by_a_document_it_holds(site):
    vol = record_page(site, "vol-1978")
    facts = [words(dt) for dt in vol.xpath("//dl[@class='facts']/dt")]
    assert "Date" not in facts and "Place" not in facts  # Moscow, 2 March 1978 is the telegram's, not the volume's
    assert "March 2, 1978" in words(record_page(site, "vol-1978/d2").find_class("text")[0])


def test_the_print_book_lists_each_document_with_its_page_and_bookmark(tmp_path):
    site = build_site(tmp_path, [FIXTURE], "--only", "print")
    reader = pypdf.PdfReader(str(site / "edition.pdf"))
    pages = [" ".join(p.extract_text().split()) for p in reader.pages]
    contents = next(p for p in pages if p.startswith("Contents"))
    marks = {}

    def walk(items, parent=None):
        last = None  # a nested list holds the children of the bookmark before it
        for item in items:
            if isinstance(item, list):
                walk(item, last)
            else:
                last = item.title
                marks[item.title] = (parent, reader.get_destination_page_number(item))

    walk(reader.outline)
    documents = (("1", "Memorandum by the Secretary"), ("2", "Telegram from the Embassy"), ("3", "Note for the File"))
    for n, head in documents:
        parent, at = marks[f"{n}. {head}"]  # a bookmark under the volume's, to the page the document is on
        assert parent == "Papers of the Conference, 1978, Volume II" and head in pages[at]
        # its contents entry gives that page's folio (the folio is the page's last word)
        assert re.search(rf"{n}\. {head} \.[ .]*{pages[at].split()[-1]}\b", contents), head
    assert "Moscow" not in contents  # the volume is not dated or placed by its telegram


def test_the_split_level_can_be_set(tmp_path):
    (tmp_path / "src").mkdir()
    shutil.copy(FIXTURE, tmp_path / "src" / FIXTURE.name)
    out = tmp_path / "site"
    result = CliRunner().invoke(main, ["build", str(tmp_path / "src"), "--out", str(out), "--only", "web",
                                       "--split", "none"])
    assert result.exit_code == 0, result.output
    assert not (out / "records" / "vol-1978").exists()
    assert "The Secretary wrote first." in words(record_page(out, "vol-1978").find_class("text")[0])
    # another level is another build, not "up to date"
    result = CliRunner().invoke(main, ["build", str(tmp_path / "src"), "--out", str(out), "--only", "web"])
    assert result.exit_code == 0 and "up to date" not in result.output
    assert sorted(p.name for p in (out / "records" / "vol-1978").iterdir()) == ["d1.html", "d2.html", "d3.html"]


def test_a_documents_page_shows_its_source_readings_on_demand_as_a_records_page_does(site):
    """A deletion in a document of a volume is in its page, hidden until the reader asks for the source's own
    readings: the page has the checkbox that shows them, as a record's page has; a document without any has none."""
    d2 = record_page(site, "vol-1978/d2")
    (toggle,) = d2.xpath("//input[@id='show-original']")
    assert toggle.getnext().get("for") == "show-original"
    assert d2.xpath("//input[@id='show-original']/following-sibling::div[contains(@class, 'text')]//del")
    assert not record_page(site, "vol-1978/d3").xpath("//input[@id='show-original']")
