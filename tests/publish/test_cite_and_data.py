"""The edition as scholars cite, download and version it (issue 15): absolute citations where its address is known,
Highwire tags and JSON-LD, each record's TEI and plain text, the data page, the package, the sitemap, the version."""

from __future__ import annotations

import json
import os
import re
import shutil
import zipfile
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pypdf
import pytest
from click.testing import CliRunner
from lxml import etree, html

from edition.cli import main

from ..conftest import ROOT, build_texts, words

TEI_DIR = ROOT / "tei"
RECORDS = sorted(p for p in TEI_DIR.glob("*.xml") if p.name not in ("persons.xml", "edition.xml"))
BASE = "https://example.org/gorbachev/"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("cite")
    shutil.copytree(TEI_DIR, tmp / "tei")
    result = CliRunner().invoke(main, ["build", str(tmp / "tei"), "--out", str(tmp / "site"), "--per-document",
                                       "--base-url", BASE.rstrip("/")])  # the slash is added
    assert result.exit_code == 0, result.output
    return tmp / "site"


def page(site: Path, name: str) -> html.HtmlElement:
    return html.parse(str(site / name)).getroot()


def test_every_citation_of_a_record_is_absolute_with_a_base_url(site):
    for record in RECORDS:
        rid = record.stem
        url = f"{BASE}records/{rid}.html"
        doc = page(site, f"records/{rid}.html")
        urls = re.findall(r"https?://\S+?(?=[.,]?(?:\s|$))", words(doc.find_class("citation")[0]))
        assert urls == [url]
        assert f"url = {{{url}}}" in doc.find_class("bibtex")[0].text_content()
        for li in doc.xpath("//details[@class='cite-turns']//li"):
            assert f"{url}#{li.get('id').removeprefix('cite-')}." in words(li)
        meta = {m.get("name"): m.get("content") for m in doc.xpath("//meta[starts-with(@name, 'citation_')]")}
        assert meta["citation_public_url"] == url and meta["citation_pdf_url"] == f"{BASE}print/{rid}.pdf"
        assert doc.xpath("//link[@rel='canonical']/@href") == [url]
        ld = json.loads(doc.xpath("//script[@type='application/ld+json']")[0].text)
        assert ld["url"] == url and ld["isPartOf"]["url"] == f"{BASE}index.html"
        csl = json.loads((site / "records" / f"{rid}.json").read_text(encoding="utf-8"))
        assert csl[0]["URL"] == url


def test_a_citation_names_the_edition_its_editors_version_publisher_year_and_the_records_date(site):
    rid = "1991-02-23-major"
    said = words(page(site, f"records/{rid}.html").find_class("citation")[0])
    assert said == ("Memorandum of Telephone Conversation between Mikhail Gorbachev and John Major. 1991-02-23. "
                    "Translated by Svetlana Savranskaya. In Gorbachev's Conversations of 23 February 1991, edited by "
                    f"The edition project, version 1.0. The edition project, 2026. {BASE}records/{rid}.html. "
                    "Accessed [date].")
    meta = {m.get("name"): m.get("content")
            for m in page(site, f"records/{rid}.html").xpath("//meta[starts-with(@name, 'citation_')]")}
    assert meta["citation_date"] == "1991-02-23" and meta["citation_publication_date"] == "2026-11-27"
    assert meta["citation_editor"] == "The edition project"


def test_a_base_url_that_is_no_web_address_is_refused(tmp_path):
    result = CliRunner().invoke(main, ["build", str(TEI_DIR), "--out", str(tmp_path / "s"), "--base-url",
                                       "javascript:alert(1)"])
    assert result.exit_code == 2 and "is not an http(s) address" in result.output
    assert not (tmp_path / "s").exists()


def test_each_record_page_links_its_tei_its_plain_text_and_its_pdf(site):
    for record in RECORDS:
        rid = record.stem
        doc = page(site, f"records/{rid}.html")
        links = {words(a): a.get("href") for a in doc.xpath("//p[@class='downloads']/a")}
        assert links == {"TEI": f"{rid}.xml", "plain text": f"{rid}.txt", "PDF": f"../print/{rid}.pdf"}
        here = site / "records"
        assert (here / links["TEI"]).read_bytes() == record.read_bytes()  # the very file
        assert (here / links["PDF"]).resolve().read_bytes().startswith(b"%PDF")
        text = (here / links["plain text"]).read_text(encoding="utf-8")
        shown = words(doc.find_class("text")[0])
        # the plain text reads as the page: its first and last words, and the record's address
        assert text.splitlines()[0] == words(doc.find(".//h1"))
        assert shown.split()[-1] in text and f"{BASE}records/{rid}.html" in text


def test_the_data_page_package_and_metadata_hold_every_record(site):
    data = page(site, "data.html")
    for a in data.xpath("//main//a"):
        href = a.get("href")
        if not urlparse(href).scheme:
            assert (site / href).is_file(), href  # every download link resolves
        if href.startswith("records/") and href.endswith((".xml", ".txt")):
            assert words(a) == Path(href).name  # and says which file it is
    records = json.loads((site / "records.json").read_text(encoding="utf-8"))
    assert {r["id"] for r in records["records"]} == {r.stem for r in RECORDS}
    assert records["edition"]["version"] == "1.0"
    with zipfile.ZipFile(site / "edition-data.zip") as z:
        for record in RECORDS:
            assert z.read(f"records/{record.name}") == record.read_bytes()
            assert z.read(f"records/{record.stem}.txt") == (site / "records" / f"{record.stem}.txt").read_bytes()
        assert z.read("persons.xml") == (TEI_DIR / "persons.xml").read_bytes()
        assert "Creative Commons Attribution 4.0" in z.read("README.txt").decode("utf-8")


def test_the_sitemap_lists_every_page_of_the_site(site):
    listed = {loc.text for loc in etree.parse(str(site / "sitemap.xml")).iter(
        "{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    pages = {urljoin(BASE, str(p.relative_to(site))) for p in site.rglob("*.html")
             if "pagefind" not in p.parts and p.parent.name != "print"}
    assert listed == pages


def test_every_page_and_the_pdf_show_the_version_and_the_colophon_its_changes(site):
    for name in ("index.html", "persons.html", "colophon.html", "records/1991-02-23-major.html"):
        assert words(page(site, name).find(".//footer")).count("Version 1.0, 2026-11-27") == 1, name
    versions = page(site, "colophon.html").find_class("versions")[0]
    assert "Version 1.0, 2026-11-27: The eleven records encoded from the transcript" in words(versions)
    first = " ".join(pypdf.PdfReader(str(site / "edition.pdf")).pages[0].extract_text().split())
    assert "Version 1.0, 2026-11-27" in first and BASE in first


def test_a_record_page_gives_its_date_in_words_and_its_notes_in_plain_english(site):
    doc = page(site, "records/1991-02-23-1230-aziz.html")
    facts = {words(dt): words(dt.getnext()) for dt in doc.xpath("//dl[@class='facts']/dt")}
    assert facts["Date and time"] == "23 February 1991, 12:30\u201312:40 (inferred)"
    header = words(doc.find(".//header[@class='record-header']"))
    assert "(cert" not in header and "a probable date, not a certain one" in header
    assert "prints two source notes" in words(page(site, "records/1991-02-23-1435-mubarak.html"))



def test_the_changes_page_lists_what_changed_in_each_record_since_the_previous_version(tmp_path):
    src, out = tmp_path / "tei", tmp_path / "site"
    shutil.copytree(TEI_DIR, src, ignore=shutil.ignore_patterns("source"))
    assert CliRunner().invoke(main, ["build", str(src), "--out", str(out), "--only", "web"]).exit_code == 0
    # version 1.1: one record corrected, one withdrawn
    edition = src / "edition.xml"
    before = '<edition n="1.0">Version 1.0, <date when="2026-11-27">27 November 2026</date>'
    after = '<edition n="1.1">Version 1.1, <date when="2026-12-03">3 December 2026</date>'
    edition.write_text(edition.read_text(encoding="utf-8").replace(before, after), encoding="utf-8")
    kohl = src / "1991-02-23-1955-kohl.xml"
    kohl.write_text(kohl.read_text(encoding="utf-8").replace("</p>", " </p>", 1), encoding="utf-8")
    (src / "1991-02-23-gandhi.xml").unlink()
    result = CliRunner().invoke(main, ["build", str(src), "--out", str(out), "--only", "web"])
    assert result.exit_code == 0, result.output
    versions = json.loads((out / "versions.json").read_text(encoding="utf-8"))["versions"]
    assert [v["version"] for v in versions] == ["1.0", "1.1"]
    changes = page(out, "changes.html")
    newest = words(changes.xpath("//section[@class='version']")[0])
    assert newest.startswith("Version 1.1, 3 December 2026")
    changed = "Changed since version 1.0: Memorandum of Telephone Conversation between Gorbachev and Helmut Kohl."
    assert changed in newest
    assert "Removed since version 1.0: 1991-02-23-gandhi." in newest and "Added since version 1.0: none." in newest
    assert page(out, "colophon.html").xpath("//a[@href='changes.html']")
    # a word of another record's text, in the version being made: no summary of a record changes, the list does
    mubarak = src / "1991-02-23-1435-mubarak.xml"
    head, body = mubarak.read_text(encoding="utf-8").split("<body>", 1)
    mubarak.write_text(head + "<body>" + body.replace("</p>", " corrected</p>", 1), encoding="utf-8")
    assert CliRunner().invoke(main, ["build", str(src), "--out", str(out), "--only", "web"]).exit_code == 0
    newest = words(page(out, "changes.html").xpath("//section[@class='version']")[0])
    assert "Changed since version 1.0: Memorandum of Telephone Conversation between Mikhail Gorbachev and Hosni " \
           "Mubarak; Memorandum of Telephone Conversation between Gorbachev and Helmut Kohl." in newest, newest


def test_the_place_of_publication_is_on_the_title_page_and_in_every_citation(tmp_path):
    """publicationStmt/pubPlace, where the edition's description gives it: the title page names the publisher and
    the place, the citation reads "Place: Publisher, year", BibTeX has its address and CSL-JSON its
    publisher-place."""
    (tmp_path / "tei").mkdir()
    for name in ("persons.xml", "1991-02-23-major.xml"):
        shutil.copy(TEI_DIR / name, tmp_path / "tei" / name)
    about = (TEI_DIR / "edition.xml").read_text(encoding="utf-8")
    assert "<pubPlace>" not in about
    (tmp_path / "tei" / "edition.xml").write_text(about.replace(
        "<publisher>The edition project</publisher>",
        "<publisher>The edition project</publisher>\n        <pubPlace>Washington, DC</pubPlace>"), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "tei"), "--out", str(tmp_path / "site")])
    assert result.exit_code == 0, result.output
    site = tmp_path / "site"
    doc = page(site, "records/1991-02-23-major.html")
    assert "Washington, DC: The edition project, 2026." in words(doc.find_class("citation")[0])
    assert "address = {Washington, DC}" in doc.find_class("bibtex")[0].text_content()
    csl = json.loads((site / "records" / "1991-02-23-major.json").read_text(encoding="utf-8"))
    assert csl[0]["publisher-place"] == "Washington, DC"
    title_page = " ".join(pypdf.PdfReader(site / "edition.pdf").pages[0].extract_text().split())
    assert "The edition project, Washington, DC" in title_page


def test_an_empty_publisher_is_no_part_of_the_citation(tmp_path):
    """A corpus whose description leaves its publisher empty (<publisher/>) beside its place: "Place, year", never
    "Place: , year"."""
    (tmp_path / "tei").mkdir()
    for name in ("persons.xml", "1991-02-23-major.xml"):
        shutil.copy(TEI_DIR / name, tmp_path / "tei" / name)
    about = (TEI_DIR / "edition.xml").read_text(encoding="utf-8")
    (tmp_path / "tei" / "edition.xml").write_text(about.replace(
        "<publisher>The edition project</publisher>", "<publisher/>\n        <pubPlace>Ljubljana</pubPlace>"),
        encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "tei"), "--out", str(tmp_path / "site"),
                                       "--only", "web"])
    assert result.exit_code == 0, result.output
    citation = words(page(tmp_path / "site", "records/1991-02-23-major.html").find_class("citation")[0])
    assert "Ljubljana, 2026." in citation and ": ," not in citation


def test_a_rebuilt_package_compresses_again_only_the_members_that_changed(tmp_path, monkeypatch):
    """The package of a rebuild reuses the compressed bytes of every unchanged member of the package it replaces
    (package.py): the same package as one written anew, the changed record's new bytes in it, and only that record
    compressed again, even where its size and the rest are unchanged."""
    from edition.publish.package import PACKAGE, write_package
    from edition.publish.sources import Sources

    def site(name: str, b: bytes) -> Path:
        (tmp_path / name / "records").mkdir(parents=True)
        (tmp_path / name / "records" / "a.xml").write_bytes(b"<TEI>alpha " * 50)
        (tmp_path / name / "records" / "b.xml").write_bytes(b)
        return tmp_path / name

    found = Sources(persons=TEI_DIR / "persons.xml")
    old, new, fresh = site("old", b"<TEI>beta</TEI>"), site("new", b"<TEI>BETA</TEI>"), site("new2", b"<TEI>BETA</TEI>")
    write_package(found, old)
    compressed: list[str] = []
    writestr = zipfile.ZipFile.writestr
    monkeypatch.setattr(zipfile.ZipFile, "writestr",
                        lambda self, info, data, *a, **k: compressed.append(info.filename) or writestr(self, info,
                                                                                                        data, *a, **k))
    write_package(found, new, previous=old / PACKAGE)
    assert compressed == ["records/b.xml"]
    write_package(found, fresh)  # with nothing to reuse
    assert (new / PACKAGE).read_bytes() == (fresh / PACKAGE).read_bytes()
    with zipfile.ZipFile(new / PACKAGE) as z:
        assert z.testzip() is None and z.read("records/b.xml") == b"<TEI>BETA</TEI>"


def test_a_rebuilt_package_of_more_than_65535_members_reuses_them_too(tmp_path, monkeypatch):
    """A package of more than 65,535 members (an edition of 32,768 records or more) ends in ZIP64's records, which
    its rebuild reads like the others: the unchanged members are taken as they were. (zipfile's limit lowered, so
    that three members are as many.)"""
    from edition.publish.package import PACKAGE, write_package
    from edition.publish.sources import Sources

    monkeypatch.setattr(zipfile, "ZIP_FILECOUNT_LIMIT", 2)
    old, new = tmp_path / "old" / "records", tmp_path / "new" / "records"
    for folder in (old, new):
        folder.mkdir(parents=True)
        for name in ("a", "b", "c"):
            (folder / f"{name}.xml").write_bytes(b"<TEI>" + name.encode() * 40 + b"</TEI>")
    (new / "c.xml").write_bytes(b"<TEI>changed</TEI>")
    write_package(Sources(), old.parent)
    assert b"PK\x06\x06" in (old.parent / PACKAGE).read_bytes()  # ZIP64's end record
    compressed: list[str] = []
    writestr = zipfile.ZipFile.writestr
    monkeypatch.setattr(zipfile.ZipFile, "writestr",
                        lambda self, info, data, *a, **k: compressed.append(info.filename) or writestr(self, info,
                                                                                                        data, *a, **k))
    write_package(Sources(), new.parent, previous=old.parent / PACKAGE)
    assert compressed == ["records/c.xml"]
    with zipfile.ZipFile(new.parent / PACKAGE) as z:
        assert z.testzip() is None and z.read("records/c.xml") == b"<TEI>changed</TEI>"


def test_a_rebuilt_package_takes_a_carried_over_record_without_reading_it(tmp_path, monkeypatch):
    """A record's file that a rebuild linked from the site before (incremental.carry_over) is the very file the
    package before was made from: its member is taken as it was, without reading the file; a file written anew is
    read and compared."""
    from edition.publish.package import PACKAGE, write_package
    from edition.publish.sources import Sources

    old, new = tmp_path / "old" / "records", tmp_path / "new" / "records"
    old.mkdir(parents=True)
    new.mkdir(parents=True)
    for name in ("a.xml", "b.xml"):
        (old / name).write_bytes(b"<TEI>" + name.encode() * 40 + b"</TEI>")
    write_package(Sources(), old.parent)
    os.link(old / "a.xml", new / "a.xml")  # carried over
    (new / "b.xml").write_bytes((old / "b.xml").read_bytes())  # written again, the same bytes
    read: list[str] = []
    read_bytes = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self.name) or read_bytes(self))
    write_package(Sources(), new.parent, previous=old.parent / PACKAGE)
    assert "a.xml" not in read and "b.xml" in read
    assert (new.parent / PACKAGE).read_bytes() == (old.parent / PACKAGE).read_bytes()


def test_a_persistent_identifier_of_the_edition_is_no_base_for_its_pages(tmp_path):
    """A corpus's handle (ParlaMint: publicationStmt/idno type="URI" subtype="handle") names its landing page: no
    record's page lies under it, so no citation or canonical link is made from it."""
    build_texts(tmp_path, {
        "edition.xml": (
            '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="edition"><teiHeader><fileDesc><titleStmt><title>A corpus'
            '</title></titleStmt><publicationStmt><publisher>Ours</publisher><idno type="URI" subtype="handle">'
            "http://hdl.handle.net/11356/9999</idno></publicationStmt><sourceDesc><p>Ours</p></sourceDesc></fileDesc>"
            "</teiHeader><text><body><p>About the corpus.</p></body></text></TEI>"),
        "s1.xml": (
            '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Sitting 1</title>'
            "</titleStmt><publicationStmt><p>Ours</p></publicationStmt><sourceDesc><p>Ours</p></sourceDesc></fileDesc>"
            "</teiHeader><text><body><p>The sitting is open.</p></body></text></TEI>"),
    }, "--only", "web")
    page = (tmp_path / "site" / "records" / "s1.html").read_text(encoding="utf-8")
    assert "hdl.handle.net/11356/9999/" not in page


@pytest.mark.parametrize(("origin", "year"), [
    ('<origDate when="0147">147 C.E.</origDate>', "147"),
    ('<origDate notBefore="0030" notAfter="0080">30–80 C.E.</origDate>', "30–80"),
])
def test_a_citation_gives_an_ancient_year_as_a_reader_writes_it(tmp_path, origin, year):
    """An inscription's year below 1000 is four digits in ISO (0147): its citation and its plain text give the year
    as readers write it."""
    site = build_texts(tmp_path, {"insc.xml": (
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="insc"><teiHeader><fileDesc><titleStmt><title>Dedication'
        "</title></titleStmt><publicationStmt><p>Ours</p></publicationStmt><sourceDesc><msDesc><msIdentifier>"
        f"<repository>Museum</repository><idno>12</idno></msIdentifier><history><origin>{origin}</origin></history>"
        "</msDesc></sourceDesc></fileDesc></teiHeader><text><body><ab>Text</ab></body></text></TEI>")},
        "--only", "web")
    citation = words(page(site, "records/insc.html").find_class("citation")[0])
    assert citation.startswith(f"Dedication. {year}. In"), citation
    assert (site / "records" / "insc.txt").read_text(encoding="utf-8").splitlines()[:2] == ["Dedication", year]
