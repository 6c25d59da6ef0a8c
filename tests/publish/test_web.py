"""The web edition: every word and bracket of each record reaches its page; links, safety, and atomic builds."""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree, html

from edition import publish
from edition.cli import main
from edition.conventions import TEI_NS, T, normalize, reading_text
from edition.publish import incremental, stylesheets
from edition.publish import parts as web_parts

from ..conftest import OTHERTEI, ROOT

TEI_DIR = ROOT / "tei"
RECORDS = sorted(p for p in TEI_DIR.glob("*.xml") if p.name not in ("persons.xml", "edition.xml"))
NS = {"t": TEI_NS}
EXAMPLES_NS = "http://www.tei-c.org/ns/Examples"
#: HTML elements that stand on their own: read as text, a space separates them from their neighbours.
BLOCK = {"p", "div", "section", "article", "header", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4",
         "blockquote", "br", "table", "tr", "td", "th", "figure", "figcaption", "caption", "pre", "nav", "main"}


def page_text(el: html.HtmlElement) -> str:
    """What a reader reads: the text of the element, blocks apart."""
    out: list[str] = []

    def walk(e: html.HtmlElement) -> None:
        block = isinstance(e.tag, str) and e.tag in BLOCK
        out.append(" " if block else "")
        out.append(e.text or "")
        for child in e:
            if isinstance(child.tag, str):
                walk(child)
            out.append(child.tail or "")
        out.append(" " if block else "")

    walk(el)
    return " ".join("".join(out).split())


def words(text: str) -> str:
    return " ".join(normalize(text).split())


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("web") / "site"
    result = CliRunner().invoke(main, ["build", str(TEI_DIR), "--out", str(out), "--only", "web"])
    assert result.exit_code == 0, result.output
    return out


def site_files(root: Path) -> dict:
    """Every file a build wrote, by path, but its manifest and search bundles (which record times and hashes)."""
    return {p.relative_to(root): p.read_bytes() for p in root.rglob("*")
            if p.is_file() and not p.relative_to(root).parts[0].startswith((".edition-build", "pagefind"))}


def record_text(doc: html.HtmlElement) -> str:
    """The words of a record's page that come from its text: the text, after the page's heading where that is the
    text's own first heading (class text-head)."""
    h1 = doc.find(".//h1")
    return (page_text(h1) + " " if h1.get("class") == "text-head" else "") + page_text(doc.find_class("text")[0])


def words_of(tei: etree._Element) -> list[str]:
    """The words of a TEI element's text, a word ending at every element that stands apart (as in the page)."""
    apart = {"p", "head", "l", "item", "label", "note", "sp", "speaker", "stage", "lb", "pb", "cell", "row", "div",
             "castItem", "role", "roleDesc", "space", "list", "table", "lg", "quote", "bibl", "addrLine"}
    return re.findall(r"\w+", "".join(_chunks(tei, apart)).lower())


def _chunks(e: etree._Element, apart: set[str]) -> list[str]:
    if etree.QName(e).namespace == EXAMPLES_NS:  # an example of markup is shown as markup: its words are not a text
        return [" "]
    out = [" " if etree.QName(e).localname in apart else "", e.text or ""]
    for child in e:
        if isinstance(child.tag, str):
            out += _chunks(child, apart)
        out.append(child.tail or "")
    out.append(" " if etree.QName(e).localname in apart else "")
    return out


def page(site: Path, name: str) -> html.HtmlElement:
    return html.parse(str(site / name)).getroot()


def test_site_has_every_page(site):
    for name in ("index.html", "persons.html", "principles.html", "colophon.html", "edition.css"):
        assert (site / name).is_file(), name
    assert sorted(p.stem for p in (site / "records").glob("*.html")) == sorted(p.stem for p in RECORDS)


@pytest.mark.parametrize("record", RECORDS, ids=lambda p: p.stem)
def test_record_page_holds_every_word_and_bracket(site, record):
    tei = etree.parse(str(record)).getroot()
    expected = words(reading_text(tei.find(T + "text")))
    doc = page(site, f"records/{record.stem}.html")
    text = doc.find_class("text")[0]
    assert words(record_text(doc)) == expected
    # a first heading that is the record's title is the page's heading (h1), not repeated in the text
    heads = tei.findall(f".//{T}body//{T}head")
    title = " ".join(tei.findtext(f".//{T}titleStmt/{T}title").split())
    if heads and " ".join("".join(heads[0].itertext()).split()) == title:
        assert doc.find(".//h1").get("class") == "text-head" and title not in " ".join(page_text(text).split())
    for form in ("[...]", "[sic]", "(speaks Russian)", "[excerpts]", "[Source:"):
        assert page_text(text).count(form) == expected.count(form), form


@pytest.mark.parametrize("record", RECORDS, ids=lambda p: p.stem)
def test_record_page_credits_translators_and_names_the_archive(site, record):
    tei = etree.parse(str(record)).getroot()
    doc = page(site, f"records/{record.stem}.html")
    credit = page_text(doc.find_class("credit")[0])
    names = tei.xpath("//t:titleStmt/t:respStmt[t:resp/@ref='http://id.loc.gov/vocabulary/relators/trl']/t:persName",
                      namespaces=NS)
    if names:
        assert all(n.text in credit for n in names)
    else:
        assert "not named" in credit
    provenance = page_text(doc.find_class("provenance")[0])
    for repo in tei.iterfind(f".//{T}msIdentifier/{T}repository"):
        assert repo.text in provenance
    for idno in tei.iterfind(f".//{T}msIdentifier/{T}idno"):
        assert f"{idno.get('type').capitalize() if idno.get('type') == 'fond' else idno.get('type')} {idno.text}" \
            in provenance


def test_turns_have_stable_anchors_and_speakers_link_to_the_register(site):
    register = page(site, "persons.html")
    register_ids = set(register.xpath("//@id"))
    for record in RECORDS:
        tei = etree.parse(str(record)).getroot()
        doc = page(site, f"records/{record.stem}.html")
        ids = set(doc.xpath("//section[@class='sp']/@id"))
        assert ids == set(tei.xpath("//t:sp/@xml:id", namespaces=NS))
        for href in doc.xpath("//p[@class='speaker']/a/@href"):
            assert href.startswith("../persons.html#") and href.split("#")[1] in register_ids


def test_register_links_back_to_turns_and_to_wikidata(site):
    register = page(site, "persons.html")
    links = register.xpath("//ul[@class='occurrences']//a/@href")
    assert links
    for href in links:
        target, _, anchor = href.partition("#")
        assert (site / target).is_file(), href
        if anchor:
            assert anchor in page(site, target).xpath("//@id"), href
    persons = etree.parse(str(TEI_DIR / "persons.xml"))
    for idno in persons.iterfind(f".//{T}person/{T}idno[@type='wikidata']"):
        assert register.xpath(f"//a[@href='https://www.wikidata.org/wiki/{idno.text}']"), idno.text
    gorbachev = register.get_element_by_id("gorbachev")
    assert "Speaks in" in page_text(gorbachev) and len(gorbachev.xpath(".//a[contains(@href, '-sp')]")) > 50


def test_landing_page_has_the_chronology_and_a_timeline(site):
    index = page(site, "index.html")
    rows = index.xpath("//table[@class='chronology']/tbody/tr")
    assert len(rows) == len(RECORDS)
    starts = [r.findtext("td") for r in rows]
    assert starts[0].startswith("23 February 1991, 00:15") and "21:10" in starts[-1]  # dates in words
    svg = index.xpath("//*[local-name()='svg']")[0]
    bars = svg.xpath(".//*[local-name()='a']")
    assert len(bars) == sum(1 for r in rows if re.search(r"\d\d:\d\d", r.findtext("td")))
    assert "Introduction" in page_text(index)


@pytest.mark.parametrize("days", [2, 9])
def test_records_of_several_days_have_a_timeline_of_each_day_up_to_a_week(tmp_path, days):
    """A timeline has one axis of the hours: records of two days get a picture of each day (each bar on its own
    day's), records of more than seven days none (their times are in the table)."""
    src = tmp_path / "tei"
    shutil.copytree(TEI_DIR, src, ignore=shutil.ignore_patterns("source"))
    for k, record in enumerate(sorted(src.glob("1991-02-23-*.xml"))):  # the records shared out over the days
        day = f"1991-03-{k % days + 1:02d}"
        record.write_text(record.read_text(encoding="utf-8").replace("1991-02-23", day), encoding="utf-8")
    site = tmp_path / "site"
    publish.build(src, site, parts=("web",))
    index = page(site, "index.html")
    figures = index.xpath("//figure[@class='timeline']")
    if days > 7:
        assert not figures
        return
    assert [" ".join(f.findtext("figcaption").split())[:15] for f in figures] == ["1 March 1991 in", "2 March 1991 in"]
    for n, figure in enumerate(figures, 1):
        for bar in figure.xpath(".//*[local-name()='a']"):
            assert bar.get("href").startswith("records/") and f"1991-03-0{n}" in page(site, bar.get("href")).xpath(
                "//time/@datetime")[0]


def small_limits(monkeypatch, **limits: int) -> None:
    """Run the web stylesheet with its limits on a page's size (html.xsl's integer parameters) set to ``limits``."""
    stylesheet = stylesheets.Publisher._stylesheet

    def small(self, name, found, **params):
        exe = stylesheet(self, name, found, **params)
        if name == "html":
            for key, value in limits.items():
                exe.set_parameter(key, self._proc.make_integer_value(value))
        return exe

    monkeypatch.setattr(stylesheets.Publisher, "_stylesheet", small)


def test_a_large_table_of_records_is_on_pages_by_year_and_month(tmp_path, monkeypatch):
    """A table of records of more than ``table-rows`` rows (about a megabyte by default) is on pages by year, and by
    month in a year of more: every record on one page, in time order across the pages, which the landing page and
    the sitemap list. Here the limit is made small (3), so that 11 records make such a table."""
    src = tmp_path / "tei"
    shutil.copytree(TEI_DIR, src, ignore=shutil.ignore_patterns("source"))
    for k, record in enumerate(sorted(src.glob("1991-02-23-*.xml"))):  # two records of 1990, nine of 1991
        day = "1990-12-01" if k < 2 else f"1991-{k % 3 + 1:02d}-23"
        record.write_text(record.read_text(encoding="utf-8").replace("1991-02-23", day), encoding="utf-8")
    whole = tmp_path / "whole"
    publish.build(src, whole, parts=("web",))
    in_order = page(whole, "index.html").xpath("//table[@class='chronology']/tbody/tr/td/a/@href")
    small_limits(monkeypatch, **{"table-rows": 3})
    site = tmp_path / "site"
    publish.build(src, site, parts=("web",), base_url="https://example.org/e/")
    index = page(site, "index.html")
    assert not index.xpath("//table")
    pages = index.xpath("//ul[@class='table-pages']//a/@href")
    assert pages == ["records-1990.html", "records-1991-01.html", "records-1991-02.html", "records-1991-03.html"]
    rows = []
    for name in pages:
        doc = page(site, name)
        here = doc.xpath("//table[@class='chronology']/tbody/tr/td/a/@href")
        assert 0 < len(here) <= 3
        rows += here
        for href in doc.xpath("//nav[@class='pages']//a/@href"):
            assert (site / href.split("#")[0]).is_file()
    assert rows == in_order and len(rows) == len(RECORDS)
    data = page(site, "data.html")  # each record's files are offered on its page, which the table pages list
    credits = [" ".join(li.text_content().split())
               for li in page(site, "colophon.html").xpath("//ul[@class='credits']/li")]
    counted = [re.fullmatch(r".+: (\d+) records? \(the table of records names the translator of each\)", c)
               for c in credits]
    assert credits and all(counted)  # each credit with its count, not a title per record
    assert sum(int(m.group(1)) for m in counted) == len(page(whole, "colophon.html").xpath("//ul[@class='credits']//a"))
    assert not data.xpath("//table") and "offered for download on its page" in page_text(data)
    listed = {loc.text for loc in etree.parse(str(site / "sitemap.xml")).iter(
        "{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    assert {f"https://example.org/e/{name}" for name in pages} <= listed


def test_a_record_with_more_than_100000_character_references_builds(tmp_path):
    """The XSLT processor's parser counted every ``&amp;`` against the JDK's limit of 100,000 entities' characters,
    and refused such a record (edition/saxon.py)."""
    src = tmp_path / "tei"
    src.mkdir()
    major = (TEI_DIR / "1991-02-23-major.xml").read_text(encoding="utf-8")
    head, turns = major.split("<sp ", 1)
    turn, tail = turns.split("</p>", 1)  # the first turn's paragraph, a long one
    (src / "1991-02-23-major.xml").write_text(head + "<sp " + turn + " Smith &amp; Jones" * 120_000 + " The end.</p>"
                                              + tail, encoding="utf-8")
    site = tmp_path / "site"
    publish.build(src, site, parts=("web",))
    text = page_text(page(site, "records/1991-02-23-major.html"))
    assert text.count("Smith & Jones") == 120_000 and "Smith & Jones The end." in text


def test_every_relative_link_resolves(site):
    for page_path in site.rglob("*.html"):
        for href in page(site, str(page_path.relative_to(site))).xpath("//a/@href"):
            if re.match(r"^[a-z]+:", href) or href.startswith("#"):
                continue
            target = (page_path.parent / href.split("#")[0]).resolve()
            assert target.exists(), (page_path.name, href)


def test_principles_and_colophon(site):
    principles = page_text(page(site, "principles.html"))
    assert "[Saddam]" in principles and "he [sic]" in principles
    colophon = page_text(page(site, "colophon.html"))
    assert "Svetlana Savranskaya" in colophon and "Sarah Dunn" in colophon
    assert "CC BY 4.0" in colophon and "National Security Archive" in colophon


def test_previous_and_next_follow_time_order(site):
    index = page(site, "index.html")
    order = [a.get("href").split("/")[1] for a in index.xpath("//table[@class='chronology']//a")]
    for before, after in zip(order, order[1:], strict=False):
        assert page(site, f"records/{before}").xpath("//a[@rel='next']/@href") == [f"./{after}"]


def test_pages_are_escaped_and_unsafe_links_are_not_links(tmp_path):
    src = tmp_path / "tei"
    src.mkdir()
    shutil.copy(TEI_DIR / "persons.xml", src)
    text = (TEI_DIR / "1991-02-23-major.xml").read_text(encoding="utf-8")
    head, turns = text.split("<sp ", 1)
    text = head + "<sp " + turns.replace("</p>", ' &lt;script&gt;alert(1)&lt;/script&gt; <ref target="javascript:'
                                         'alert(2)">x</ref> <ref target="https://example.org/">y</ref></p>', 1)
    # a title that would close the page's JSON-LD script and open one of its own
    text = text.replace("</title>", "&lt;/script&gt;&lt;script&gt;alert(3)&lt;/script&gt;</title>", 1)
    (src / "r.xml").write_text(text, encoding="utf-8")
    out = tmp_path / "site"
    publish.build(src, out)
    doc = page(out, "records/1991-02-23-major.html")
    scripts = doc.xpath("//script")  # the edition's own: the JSON-LD, and the script that dates a citation
    assert [s.get("type") for s in scripts] == ["application/ld+json", None]
    assert not any("alert" in (s.text or "").replace("alert(3)</script>", "") for s in scripts[1:])
    ld = json.loads(scripts[0].text)
    assert ld["name"].endswith("</script><script>alert(3)</script>")  # words of the title, never markup
    assert "<script>alert(1)</script>" in page_text(doc)
    assert not doc.xpath("//a[starts-with(@href, 'javascript')]")
    assert doc.xpath("//a[@href='https://example.org/']")


def test_a_failed_build_leaves_the_previous_site(tmp_path, monkeypatch):
    src = tmp_path / "tei"
    shutil.copytree(TEI_DIR, src, ignore=shutil.ignore_patterns("source"))
    out = tmp_path / "site"
    publish.build(src, out, parts=("web",))
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    def every_file() -> dict:
        return {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}

    contents = every_file()
    spoil = src / "1991-02-23-major.xml"
    spoil.write_text(spoil.read_text(encoding="utf-8").replace("Major", "Minor"), encoding="utf-8")
    run = stylesheets.Publisher._run

    def broken(self, found, fresh, **kwargs):
        (fresh / "index.html").write_text("half")
        raise publish.BuildError("stylesheet failed")

    def broken_at_the_end(self, found, fresh, **kwargs):
        """A rebuild fails after it has written all but the pages made from all records"""
        result = run(self, found, fresh, **kwargs)
        if kwargs.get("part") == "aggregates":
            raise publish.BuildError("stylesheet failed")
        return result

    for failing in (broken, broken_at_the_end):
        monkeypatch.setattr(stylesheets.Publisher, "_run", failing)
        with pytest.raises(publish.BuildError):
            publish.build(src, out, parts=("web",))
        assert sorted(p.relative_to(out) for p in out.rglob("*")) == before
        assert every_file() == contents  # not even through a file the rebuild shared with the site
        assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "tei"]  # no folder left behind


def test_a_build_never_replaces_a_folder_it_did_not_make(tmp_path):
    mine = tmp_path / "thesis"
    mine.mkdir()
    (mine / "chapter1.tex").write_text("years of work")
    result = CliRunner().invoke(main, ["build", str(TEI_DIR), "--out", str(mine)])
    assert result.exit_code == 1
    assert (mine / "chapter1.tex").read_text() == "years of work"
    result = CliRunner().invoke(main, ["build", str(TEI_DIR), "--out", str(TEI_DIR / "site")])
    assert result.exit_code == 1 and not (TEI_DIR / "site").exists()


def test_rebuild_replaces_the_previous_site(tmp_path):
    src = tmp_path / "tei"
    shutil.copytree(TEI_DIR, src, ignore=shutil.ignore_patterns("source"))
    out = tmp_path / "site"
    publish.build(src, out, parts=("web",))
    (out / "records" / "stale.html").write_text("old")  # in a folder the build made (a foreign file at the top
    # of the site stops the build: test_hostile)
    record = src / "1991-02-23-major.xml"
    record.write_text(record.read_text(encoding="utf-8").replace("John Major", "John  Major"), encoding="utf-8")
    found, _ = publish.build(src, out, parts=("web",))
    assert not found.up_to_date
    assert not (out / "records" / "stale.html").exists() and (out / "index.html").is_file()


def test_an_unchanged_corpus_is_not_built_again(tmp_path):
    out = tmp_path / "site"
    publish.build(TEI_DIR, out, parts=("web",))
    stamp = {p: p.stat().st_mtime_ns for p in out.rglob("*")}
    found, records = publish.build(TEI_DIR, out, parts=("web",))
    assert found.up_to_date and records == len(RECORDS)
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*")} == stamp
    # another part, or other stylesheets, or another source, is another build
    found, _ = publish.build(TEI_DIR, out, parts=("web", "print"))
    assert not found.up_to_date and (out / "edition.pdf").is_file()


def test_real_tei_from_elsewhere_renders_without_loss(tmp_path):
    out, src = tmp_path / "site", tmp_path / "src"
    shutil.copytree(OTHERTEI, src)
    (src / "project.xml").write_text(  # TEI with an element of a project's own vocabulary
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="project"><teiHeader><fileDesc><titleStmt><title>P</title>'
        '</titleStmt><publicationStmt><p>P</p></publicationStmt><sourceDesc><p>P</p></sourceDesc></fileDesc>'
        '</teiHeader><text><body><p>A <proj:keyword xmlns:proj="http://example.org/project">markup language'
        '</proj:keyword>.</p></body></text></TEI>', encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(src), "--out", str(out), "--only", "web"])
    assert result.exit_code == 0, result.output
    # the warning lists the elements without a rendering (a project's own vocabulary), with their counts
    assert "shown only by their text: proj:keyword (1 in 1 file)" in result.output
    assert "markup language" in page(out, "records/project.html").text_content()
    for source in (OTHERTEI).glob("*.xml"):
        tei = etree.parse(str(source)).getroot()
        rid = (tei.get("{http://www.w3.org/XML/1998/namespace}id") or source.stem).removeprefix("rec-")
        doc = page(out, f"records/{rid}.html")
        # every word of the TEI text reaches the page, a note's words among the notes, not in the sentence
        text = doc.find_class("text")[0]
        notes = tei.findall(f"{T}text//{T}note")
        assert len(text.find_class("note-mark")) == len(notes)
        for mark in text.find_class("note-mark"):  # the marks are the edition's numbers, not words of the TEI
            mark.drop_tree()
        want, got = Counter(words_of(tei.find(T + "text"))), Counter(re.findall(r"\w+", page_text(text).lower()))
        assert {w: n for w, n in want.items() if got[w] < n} == {}
        for note, entry in zip(notes, text.xpath(".//li[contains(@class, 'note')]"), strict=True):
            said, shown = Counter(words_of(note)), Counter(re.findall(r"\w+", page_text(entry).lower()))
            assert {w: n for w, n in said.items() if shown[w] < n} == {}  # (a pointer adds the words it points to)


def test_usage(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(main, ["build"]).exit_code == 2  # no tei/ here
    assert CliRunner().invoke(main, ["build", str(TEI_DIR), "--only", "pdf"]).exit_code == 2


def test_default_build_makes_both_editions_and_links_the_pdf(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    out = tmp_path / "build"
    result = CliRunner().invoke(main, ["build", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "index.html").is_file() and (out / "edition.pdf").read_bytes().startswith(b"%PDF")
    assert page(out, "index.html").xpath("//a[@href='edition.pdf']")
    assert oct((out).stat().st_mode & 0o777) == "0o755"


def test_each_record_and_turn_can_be_cited(site):
    import json

    for record in RECORDS:
        tei = etree.parse(str(record)).getroot()
        doc = page(site, f"records/{record.stem}.html")
        citation = doc.find_class("citation")[0].text_content()
        assert tei.findtext(f".//{T}titleStmt/{T}title") in citation and f"records/{record.stem}.html" in citation
        assert doc.find_class("bibtex")[0].text_content().startswith(f"@misc{{{record.stem},")
        turns = tei.xpath("//t:sp/@xml:id", namespaces=NS)
        cites = doc.xpath("//details[@class='cite-turns']//li")
        assert [li.get("id") for li in cites] == [f"cite-{t}" for t in turns]
        # "Turn 3 (Gorbachev), in <the record's citation>, with the turn's address"
        for n, (li, t) in enumerate(zip(cites, turns, strict=True), 1):
            said = " ".join(li.text_content().split())
            assert said.startswith(f"Turn {n} (") and f"records/{record.stem}.html#{t}. Accessed [date]." in said
            assert ". (" not in said[:60]  # a label's own full stop is not the citation's
        csl = json.loads((site / "records" / f"{record.stem}.json").read_text(encoding="utf-8"))
        assert csl[0]["id"] == record.stem and csl[0]["title"] == tei.findtext(f".//{T}titleStmt/{T}title")
        # a reference manager dates the edition by its version's date, the record by its own
        assert csl[0]["issued"]["date-parts"] == [[2026, 11, 27]]
        assert csl[0]["original-date"]["date-parts"] == [[1991, 2, 23]]
        assert csl[0]["version"] == "1.0" and csl[0]["editor"] == [{"literal": "The edition project"}]


@pytest.mark.parametrize("content", [
    "<TEI xmlns='http://www.tei-c.org/ns/1.0'><teiHeader>",
    '<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">&x;</TEI>',
])
def test_a_broken_or_hostile_source_file_stops_the_build_with_its_line(tmp_path, content):
    src = tmp_path / "tei"
    shutil.copytree(TEI_DIR, src, ignore=shutil.ignore_patterns("source"))
    (src / "broken.xml").write_text(content, encoding="utf-8")
    out = tmp_path / "site"
    result = CliRunner().invoke(main, ["build", str(src), "--out", str(out), "--only", "web"])
    assert result.exit_code == 1
    assert re.search(r"broken\.xml:\d+:\d+: error: \[(well-formed|doctype)\]", result.output), result.output
    assert not out.exists() and "root:" not in result.output


def test_a_rebuild_after_changes_equals_a_full_build_and_touches_only_what_depends(tmp_path):
    src = tmp_path / "tei"
    shutil.copytree(TEI_DIR, src, ignore=shutil.ignore_patterns("source"))
    site = tmp_path / "site"
    publish.build(src, site, parts=("web",))
    before = {p.relative_to(site): p.stat().st_mtime_ns for p in (site / "records").glob("*.html")}
    # change a word, add a record, remove a record
    kohl = src / "1991-02-23-1955-kohl.xml"
    head, turns = kohl.read_text(encoding="utf-8").split("<sp ", 1)
    kohl.write_text(head + "<sp " + turns.replace("<p>", "<p>Rebuilt. ", 1), encoding="utf-8")
    extra = (src / "1991-02-23-major.xml").read_text(encoding="utf-8").replace("1991-02-23-major", "1991-02-23-major2")
    (src / "1991-02-23-major2.xml").write_text(extra, encoding="utf-8")
    (src / "1991-02-23-gandhi.xml").unlink()

    found, records = publish.build(src, site, parts=("web",))
    assert not found.up_to_date and records == len(RECORDS)
    full = tmp_path / "full"
    publish.build(src, full, parts=("web",))
    assert site_files(site) == site_files(full)
    assert "Rebuilt." in (site / "records" / "1991-02-23-1955-kohl.html").read_text(encoding="utf-8")
    assert not (site / "records" / "1991-02-23-gandhi.html").exists()
    after = {p.relative_to(site): p.stat().st_mtime_ns for p in (site / "records").glob("*.html")}
    untouched = [p for p in before if p in after and after[p] == before[p]]
    assert len(untouched) >= len(RECORDS) - 6  # only the changed records and their neighbours were written


@pytest.mark.parametrize(("where", "runs"), [
    ("text", ["digests", "pages"]),  # a word of the text: every digest as it was
    ("title", ["digests", "changes", "aggregates"]),  # the landing page, the register, the navigation show it
])
def test_a_change_to_a_records_text_alone_writes_its_pages_and_links_the_rest(tmp_path, monkeypatch, where, runs):
    """A rebuild after a change that leaves every record's digest as it was (a typo in the text) writes that
    record's pages from a slice of the digests and links every other page, the pages made from all records
    included, from the site before; the site is the same as a full build's either way."""
    src = tmp_path / "tei"
    shutil.copytree(TEI_DIR, src, ignore=shutil.ignore_patterns("source"))
    kohl = src / "1991-02-23-1955-kohl.xml"  # with an element the toolkit does not know, which its report names
    kohl.write_text(kohl.read_text(encoding="utf-8").replace("<body>", "<body><p><widget>dial</widget></p>", 1),
                    encoding="utf-8")
    site = tmp_path / "site"
    publish.build(src, site, parts=("web",))
    inodes = {p.relative_to(site): p.stat().st_ino for p in site.rglob("*") if p.is_file()}
    head, body = kohl.read_text(encoding="utf-8").split("<body>", 1)
    if where == "text":
        kohl.write_text(head + "<body>" + body.replace("<p>", "<p>Rebuilt. ", 1), encoding="utf-8")
    else:
        kohl.write_text(head.replace("<title type=\"main\">", "<title type=\"main\">Retitled ", 1) + "<body>" + body,
                        encoding="utf-8")
    done: list[str] = []
    run = stylesheets.Publisher._run
    monkeypatch.setattr(stylesheets.Publisher, "_run",
                        lambda self, found, out, **kw: done.append(kw.get("part")) or run(self, found, out, **kw))
    carry = incremental.carry_over  # slowed down: the search index and the package must not wait for it
    monkeypatch.setattr(incremental, "carry_over", lambda *a, **kw: time.sleep(1) or carry(*a, **kw))
    rebuilt, _ = publish.build(src, site, parts=("web",))
    assert done == runs
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["en"]["page_count"] == len(RECORDS)  # every page in the search bundle
    full = tmp_path / "full"
    assert rebuilt.unknown == publish.build(src, full, parts=("web",))[0].unknown == ["widget (1 in 1 file)"]
    assert site_files(site) == site_files(full)
    same = {p for p, ino in inodes.items() if (site / p).is_file() and (site / p).stat().st_ino == ino}
    assert not same & {Path("records") / f"1991-02-23-1955-kohl.{x}" for x in ("html", "json", "txt", "xml")}
    if where == "text":
        assert "Rebuilt." in (site / "records" / "1991-02-23-1955-kohl.html").read_text(encoding="utf-8")
        assert {Path("index.html"), Path("data.html"), Path("records.json")} <= same
    else:
        assert "Retitled" in (site / "index.html").read_text(encoding="utf-8")
        assert Path("index.html") not in same


def indexed_text(site: Path, page: str) -> str:
    """What the site's search bundles hold of the page ``page`` (records/NAME.html): the text of its fragment."""
    import gzip

    for fragment in site.glob("pagefind*/fragment/*.pf_fragment"):
        data = json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd"))
        if data["url"].endswith("/" + page):
            return data["content"]
    return ""


def test_a_quick_rebuild_indexes_the_changed_records_after_its_pages_are_in_place(tmp_path, monkeypatch, capfd):
    """The search bundle of a record whose text changed is indexed again in a second step, once the site with its
    pages is in place; a build stopped in that step leaves the site whole, with the old bundle, and the next build
    (of the same sources) indexes it again."""
    src = tmp_path / "tei"
    shutil.copytree(TEI_DIR, src, ignore=shutil.ignore_patterns("source"))
    kohl = src / "1991-02-23-1955-kohl.xml"
    site = tmp_path / "site"
    publish.build(src, site, parts=("web",))
    head, body = kohl.read_text(encoding="utf-8").split("<body>", 1)
    kohl.write_text(head + "<body>" + body.replace("<p>", "<p>Reindexed. ", 1), encoding="utf-8")
    capfd.readouterr()

    def stopped(*args, **kwargs):
        raise KeyboardInterrupt

    with monkeypatch.context() as m:
        m.setattr(incremental, "index_for_search", stopped)
        with pytest.raises(KeyboardInterrupt):
            publish.build(src, site, parts=("web",))
    assert "site: the pages are in place after" in capfd.readouterr().err
    page = "1991-02-23-1955-kohl.html"
    assert "Reindexed." in (site / "records" / page).read_text(encoding="utf-8")
    assert indexed_text(site, page) and "Reindexed." not in indexed_text(site, page)
    assert json.loads((site / ".edition-build").read_text(encoding="utf-8"))["search_pending"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "tei"]  # nothing of the second step left
    again, _ = publish.build(src, site, parts=("web",))
    assert again.up_to_date and "search index of the records a build before changed" in capfd.readouterr().err
    assert "Reindexed." in indexed_text(site, page)
    assert "search_pending" not in json.loads((site / ".edition-build").read_text(encoding="utf-8"))
    publish.build(src, tmp_path / "full", parts=("web",))
    assert site_files(site) == site_files(tmp_path / "full")


def test_a_rebuild_hashes_again_only_the_sources_changed_since_the_site_was_built(tmp_path, monkeypatch):
    """A source whose size, inode and change time are those the site's build recorded keeps its hash; one changed
    since is read and hashed again, even with its size and modification time put back as they were."""
    from edition.publish import incremental

    src = tmp_path / "tei"
    shutil.copytree(TEI_DIR, src, ignore=shutil.ignore_patterns("source"))
    site = tmp_path / "site"
    publish.build(src, site, parts=("web",))
    monkeypatch.setattr(incremental, "RACY", 0)  # (the files were written before the build, in the same second)
    kohl = src / "1991-02-23-1955-kohl.xml"
    before = kohl.stat()
    text = kohl.read_text(encoding="utf-8")
    kohl.write_text(text.replace("<speaker>Kohl.", "<speaker>KOHL.", 1), encoding="utf-8")
    os.utime(kohl, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert kohl.stat().st_size == before.st_size and kohl.stat().st_mtime_ns == before.st_mtime_ns
    hashed: list[str] = []
    digest = incremental._digest
    monkeypatch.setattr(incremental, "_digest", lambda path: hashed.append(Path(path).name) or digest(path))
    found, _ = publish.build(src, site, parts=("web",))
    assert hashed == [kohl.name] and not found.up_to_date
    assert "KOHL" in (site / "records" / f"{kohl.stem}.xml").read_text(encoding="utf-8")


def test_a_rebuild_reads_the_images_of_the_changed_records_alone_and_copies_every_image_again(tmp_path,
                                                                                                monkeypatch):
    """A record's local images are known from the site's build while the record is unchanged: only a changed
    record is read for them; every image is copied again, so that a new version of an image file is published."""
    building = sys.modules["edition.publish.build"]  # (the module, not the function edition.publish.build)
    src = tmp_path / "tei"
    shutil.copytree(TEI_DIR, src, ignore=shutil.ignore_patterns("source"))
    kohl, major = src / "1991-02-23-1955-kohl.xml", src / "1991-02-23-major.xml"
    kohl.write_text(kohl.read_text(encoding="utf-8").replace(
        "<body>", '<body><figure><graphic url="kohl.png"/></figure>', 1), encoding="utf-8")
    (src / "kohl.png").write_bytes(b"first")
    site = tmp_path / "site"
    publish.build(src, site, parts=("web",))
    (src / "kohl.png").write_bytes(b"second")
    major.write_text(major.read_text(encoding="utf-8").replace("</p>", " </p>", 1), encoding="utf-8")
    read: list[str] = []
    images = building.local_images
    monkeypatch.setattr(building, "local_images", lambda path: read.append(path.name) or images(path))
    publish.build(src, site, parts=("web",))
    assert read == [major.name]
    assert (site / "records" / "kohl.png").read_bytes() == b"second"


def test_a_record_given_a_new_id_moves_its_page_in_a_rebuild(tmp_path):
    src = tmp_path / "tei"
    shutil.copytree(TEI_DIR, src, ignore=shutil.ignore_patterns("source"))
    site = tmp_path / "site"
    publish.build(src, site, parts=("web",))
    old = site_files(site)
    mubarak = src / "1991-02-23-1435-mubarak.xml"
    mubarak.write_text(mubarak.read_text(encoding="utf-8").replace('xml:id="rec-1991-02-23-1435-mubarak"',
                                                                   'xml:id="rec-1991-02-23-1435-mubarak-cairo"'),
                       encoding="utf-8")
    publish.build(src, site, parts=("web",))
    full = tmp_path / "full"
    publish.build(src, full, parts=("web",))
    assert site_files(site) == site_files(full) != old
    assert not (site / "records" / "1991-02-23-1435-mubarak.html").exists()
    assert not (site / "records" / "1991-02-23-1435-mubarak.json").exists()
    assert (site / "records" / "1991-02-23-1435-mubarak-cairo.html").exists()


def test_a_large_edition_built_in_parts_equals_one_built_at_once(tmp_path, monkeypatch):
    """parts.web builds more than BATCH records in several runs; the site must not differ."""
    whole = tmp_path / "whole"
    publish.build(TEI_DIR, whole, parts=("web",))
    monkeypatch.setattr(web_parts, "BATCH", 4)  # 11 records: parts of 3 records (4 per process)
    runs: list[str] = []
    run = stylesheets.Publisher._run

    def counted(self, found, out, **kwargs):
        runs.append(kwargs.get("part", "all"))
        return run(self, found, out, **kwargs)

    monkeypatch.setattr(stylesheets.Publisher, "_run", counted)
    parts = tmp_path / "parts"
    publish.build(TEI_DIR, parts, parts=("web",))
    # the digests of each part, then all in order; the pages made from all records; the record pages of each part
    assert runs == ["digests"] * 4 + ["digests", "aggregates"] + ["pages"] * 4

    assert site_files(parts) == site_files(whole)
    assert not [p.name for p in parts.glob(".edition-*.xml") if p.name != ".edition-digests.xml"]


def test_an_edition_built_by_two_processes_equals_one_built_by_one(tmp_path, monkeypatch):
    whole = tmp_path / "whole"
    publish.build(TEI_DIR, whole, parts=("web",))
    monkeypatch.setattr(web_parts, "PARALLEL_FROM", 2)  # 11 records, shared by two processes in parts of 2
    shared = tmp_path / "shared"
    publish.build(TEI_DIR, shared, parts=("web",), jobs=2)
    assert site_files(shared) == site_files(whole)


@pytest.mark.parametrize("jobs", [1, 2])
def test_two_records_with_one_id_stop_the_build_with_both_files_named(tmp_path, monkeypatch, jobs):
    """Their pages would overwrite each other (in a build in parts, silently, from two processes)."""
    src = tmp_path / "tei"
    shutil.copytree(TEI_DIR, src, ignore=shutil.ignore_patterns("source"))
    site = tmp_path / "site"
    publish.build(src, site, parts=("web",))
    before = site_files(site)
    shutil.copy(src / "1991-02-23-1955-kohl.xml", src / "kohl-again.xml")
    monkeypatch.setattr(web_parts, "PARALLEL_FROM", 2)  # with 2 jobs: built in parts, the error comes from a worker
    for out in (site, tmp_path / "new"):  # a rebuild of the site after the change, and a first build
        with pytest.raises(publish.BuildError) as e:
            publish.build(src, out, parts=("web",), jobs=jobs)
        assert str(e.value).startswith("[id-unique] records ")
        assert "1991-02-23-1955-kohl.xml and " in str(e.value) and "kohl-again.xml" in str(e.value)
    assert site_files(site) == before and not (tmp_path / "new").exists()
    with pytest.raises(publish.BuildError, match=r"^\[id-unique\]"):
        publish.build(src, tmp_path / "print", parts=("print",))


def test_a_page_of_the_source_publication_reads_as_printed_on_the_page(tmp_path):
    transcript = tmp_path / "frus.txt"
    transcript.write_text("122. Transcript of a Telephone Conversation Between the President and Kissinger1\n\n"
                          "P: How did it go?\n\nK: Well. He said the [Page 357] talks would go on.\n\n[Page 358]\n\n"
                          "P: I know.\n", encoding="utf-8")
    src = tmp_path / "tei"
    assert CliRunner().invoke(main, ["encode", str(transcript), "--out", str(src), "-q"]).exit_code == 0
    out = tmp_path / "site"
    publish.build(src, out, parts=("web",))
    (record,) = [p for p in src.glob("*.xml") if p.name != "persons.xml"]
    tei = etree.parse(str(record)).getroot()
    (html_page,) = (out / "records").glob("*.html")
    text = page_text(html.parse(str(html_page)).getroot().find_class("text")[0])
    assert "[Page 357]" in text and "[Page 358]" in text
    assert words(text) == words(reading_text(tei.find(T + "text")))


BRACKETS_TRANSCRIPT = (
    "MEMORANDUM OF CONVERSATION\n\nDATE: May 2, 1997\n\n"
    "KISSINGER: We laughed. [Laughter] I think (laughter) so. [omission in transcript] He said [lit., the bear "
    "is awake].\n\n"
    "TENG: Yes. [The President arrived and then went on to meet with Chairman Mao.] E.O. 13526, section "
    "1.4(b)(d)\n\nKISSINGER: Good. [1 line not declassified]\n\n- 2 -\n\nSECRET\n\n"
    "TENG: Fine. (U) We agree.1 On Monday.2\n\n1. Dated March 5.\n")


def test_brackets_by_meaning_reach_the_page_as_printed(tmp_path):
    source = tmp_path / "memcon.txt"
    source.write_text(BRACKETS_TRANSCRIPT, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["encode", str(source), "--out", str(tmp_path / "tei"), "-q"])
    assert result.exit_code == 0, result.output
    (record,) = [p for p in (tmp_path / "tei").glob("*.xml") if p.name != "persons.xml"]
    tei = etree.parse(str(record)).getroot()
    assert tei.xpath("//t:stage[@type='incident']/@rend", namespaces=NS) == ["brackets", "parentheses"]
    assert tei.xpath("//t:gap/@reason", namespaces=NS) == ["omitted", "redacted", "redacted"]
    assert tei.xpath("//t:note[@place='inline']/@type", namespaces=NS) == ["literal", "editorial"]
    result = runner.invoke(main, ["build", str(tmp_path / "tei"), "--out", str(tmp_path / "site"), "--only", "web"])
    assert result.exit_code == 0, result.output
    doc = page(tmp_path / "site", f"records/{record.stem}.html")
    text = doc.find_class("text")[0]
    expected = words(reading_text(tei.find(T + "text")))
    assert words(record_text(doc)) == expected
    for form in ("[Laughter]", "(laughter)", "[omission in transcript]", "[lit., the bear is awake]",
                 "[The President arrived", "E.O. 13526, section 1.4(b)(d)", "[1 line not declassified]", "- 2 -",
                 "SECRET", "(U)", "agree.1", "Monday.2", "1. Dated March 5."):
        assert page_text(text).count(form) == 1, form
    assert text.find_class("incident") and text.find_class("inline-note")
    assert [e.tag for e in text.find_class("fw")] == ["p", "p", "span"]  # banners apart, the mark in its line
    assert "[1]" not in page_text(text)
    # the mark of a footnote the transcript does not print links nowhere, and says so
    marks = [(m.text_content(), [a.get("href") for a in m.iter("a")], m.xpath("string(span/@title)"))
             for m in text.find_class("footnote-mark")]
    assert marks == [("1", [f"#{tei.xpath('//t:note[@n=1]/@xml:id', namespaces=NS)[0]}"], ""),
                     ("2", [], "footnote 2: not in the transcript")]


def test_a_play_is_dated_by_its_writing_printing_and_first_performance(tmp_path):
    """Not by the reprint it was taken from (sourceDesc: 1978), which is no date of the play."""
    out = tmp_path / "site"
    result = CliRunner().invoke(main, ["build", str(OTHERTEI), "--out", str(out), "--only", "web"])
    assert result.exit_code == 0, result.output
    doc = page(out, "records/play000001.html")
    facts = [" ".join(e.text_content().split()) for e in doc.xpath("//dl[@class='facts']/*")]
    assert facts[:6] == ["Written", "1838\u20131840", "Printed", "1841", "First performed", "1842"]
    assert "1978" not in facts
    index = page(out, "index.html")
    assert "1838\u20131840" in " ".join(index.find(".//table").text_content().split())


def test_a_record_page_leads_to_its_neighbours_at_the_top_as_well(site):
    index = page(site, "index.html")
    order = [a.get("href").removeprefix("records/") for a in index.xpath("//table[@class='chronology']//td/a")]
    for k, name in enumerate(order):
        top = page(site, f"records/{name}").xpath("//nav[contains(@class, 'top')]")[0]
        want = ([order[k - 1]] if k else []) + ([order[k + 1]] if k + 1 < len(order) else [])
        assert [a.get("href").removeprefix("./") for a in top.xpath("a")] == want
        assert all(re.search(r"\d{1,2} February 1991", a.text_content()) for a in top.xpath("a"))


def test_the_register_files_by_surname_jumps_a_to_z_and_lists_each_turn_once(site):
    register = page(site, "persons.html")
    order = [s.get("id") for s in register.xpath("//section[@class='person']")]
    # Bush under B (a name not divided: its last word), al-Assad under A, Hussein bin Talal under H (a patronymic)
    assert order.index("baker") < order.index("bush") < order.index("dunn")
    assert order.index("andreotti") < order.index("assad") < order.index("aziz")
    assert order.index("gorbachev") < order.index("hussein-of-jordan") < order.index("kaifu")
    letters = register.xpath("//nav[@class='az']/a")
    assert [a.text for a in letters] == sorted({a.text for a in letters}) and "B" in [a.text for a in letters]
    for a in letters:
        assert register.get_element_by_id(a.get("href")[1:]) is not None
    for entry in register.xpath("//ul[@class='occurrences']/li"):
        places = [a.get("href") for a in entry.xpath("a")[1:]]
        assert len(places) == len(set(places)), entry.text_content()  # each turn once
        assert re.match(r"\d{1,2} February 1991", entry.xpath("a")[0].text_content())  # the record, in short


def test_the_principles_show_each_convention_as_text_with_its_encoding_as_code(site):
    principles = page(site, "principles.html")
    (table,) = principles.xpath("//table[@class='conventions']")
    rows = {" ".join(r.findtext("th").split()): r.xpath("td") for r in table.xpath("tbody/tr")}
    printed, encoded, shown = rows["omission"]
    assert printed.text_content() == "[...]" and shown.text_content() == "[...]"
    assert encoded.xpath("code/text()") == ['<gap reason="omitted" rend="brackets"/>']
    assert "encoded <" not in page_text(principles.find(".//main"))  # no raw TEI in a sentence



@pytest.mark.parametrize("how", ["at once", "in parts", "rebuilt"])
def test_a_large_register_is_published_as_pages_that_hold_every_entry_once(tmp_path, monkeypatch, how):
    """A register that would make one page of more than ``register-links`` links to records (about a megabyte by
    default) is published as pages: persons.html leads from A to Z to each initial's pages, an entry larger than a
    page has pages of its own of at most ``register-chunk`` records; every person is on exactly one of them, every
    link to a person from a record leads to the page of their entry, and the sitemap lists every page. Here the
    limits are made small, so that the 11 records of tei/ make such a register. Built in parts (as a large edition
    is) or rebuilt after a change to a record's text, the record pages are written from slices of the records,
    and still link to where the whole register put each entry."""
    small_limits(monkeypatch, **{"register-links": 40, "register-chunk": 4})
    if how == "in parts":
        monkeypatch.setattr(web_parts, "BATCH", 4)
    src = tmp_path / "tei"
    shutil.copytree(TEI_DIR, src, ignore=shutil.ignore_patterns("source"))
    site = tmp_path / "site"
    publish.build(src, site, parts=("web",), base_url="https://example.org/e/")
    if how == "rebuilt":
        for record in src.glob("1991-*.xml"):
            head, body = record.read_text(encoding="utf-8").split("<body>", 1)
            record.write_text(head + "<body>" + body.replace("<p>", "<p>Rebuilt. ", 1), encoding="utf-8")
        publish.build(src, site, parts=("web",), base_url="https://example.org/e/")
        assert "Rebuilt." in (site / "records" / f"{RECORDS[0].stem}.html").read_text(encoding="utf-8")
    register = page(site, "persons.html")
    assert not register.xpath("//section[@class='person']")
    pages = sorted((site / "persons").rglob("*.html"))
    where: dict[str, list[Path]] = {}
    for p in pages:
        for section in page(site, str(p.relative_to(site))).xpath("//section[@class='person']"):
            where.setdefault(section.get("id"), []).append(p)
    persons = etree.parse(str(TEI_DIR / "persons.xml")).xpath("//t:person/@xml:id", namespaces=NS)
    assert sorted(where) == sorted(persons)
    own = {pid: ps for pid, ps in where.items() if len(ps) > 1}  # an entry on pages of its own
    assert own and all(p.parent.name == pid or p.stem == pid for pid, ps in own.items() for p in ps)
    assert all(len(ps) == 1 for pid, ps in where.items() if pid not in own)
    letters = [p for p in pages if p.name.startswith("letter-")]
    assert len(letters) > len({p.name.split("-")[1].removesuffix(".html") for p in letters})  # a letter has pages
    for p in pages:  # no page over the limits (each page's own entries: at most 4 records)
        doc = page(site, str(p.relative_to(site)))
        occurrences = doc.xpath("//ul[@class='occurrences']/li/a[1]/@href")
        if p.parent.name in own or p.stem in own:
            assert 0 < len(set(occurrences)) <= 4
    for a in register.xpath("//nav[@class='az']/a"):  # A to Z leads to existing pages
        assert (site / a.get("href")).is_file()
    links = [href for record in RECORDS for href in page(site, f"records/{record.stem}.html").xpath(
        "//main//a[contains(@href, 'persons/') or contains(@href, 'persons.html#')]/@href")]
    assert len(links) > len(RECORDS)
    for href in links:  # every link to a person leads to their entry
        path, _, pid = href.removeprefix("../").partition("#")
        target = site / path
        assert target.is_file(), href
        if pid:
            assert target in where[pid], href
        else:
            assert target.stem in own, href
    listed = {loc.text for loc in etree.parse(str(site / "sitemap.xml")).iter(
        "{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    assert {f"https://example.org/e/{p.relative_to(site)}" for p in pages} <= listed


def test_a_name_repeated_within_one_turn_weighs_as_one_link_in_the_register(tmp_path):
    """The register is split into pages by the links it holds; a person named again and again in one turn has one
    link to that turn, and a register that fits on one page stays one page, however often the name recurs."""
    src = tmp_path / "tei"
    shutil.copytree(TEI_DIR, src, ignore=shutil.ignore_patterns("source"))
    record = src / "1991-02-23-1230-aziz.xml"
    text = record.read_text(encoding="utf-8")
    first = re.search(r'<sp who="#gorbachev" xml:id="([^"]+)">.*?<p>', text, re.S)
    record.write_text(text[:first.end()] + '<persName ref="#aziz">Aziz</persName> ' * 5000 + text[first.end():],
                      encoding="utf-8")
    publish.build(src, tmp_path / "site", parts=("web",))
    register = page(tmp_path / "site", "persons.html")
    (aziz,) = register.xpath("//section[@class='person'][@id='aziz']")  # on the one page, not pages of its own
    named = [a.get("href") for a in aziz.xpath(".//h3[. = 'Named in']/following-sibling::ul[1]/li/a")]
    assert named.count(f"records/{record.stem}.html#{first.group(1)}") == 1


def test_records_that_declare_other_conventions_have_them_on_the_principles_page(tmp_path):
    """The principles page shows each editorial declaration the records make, and says which records make it where
    not all do: it never says of one record's conventions that every record declares them."""
    src = tmp_path / "tei"
    shutil.copytree(TEI_DIR, src, ignore=shutil.ignore_patterns("source"))
    kohl = src / "1991-02-23-1955-kohl.xml"  # not the first record
    text = kohl.read_text(encoding="utf-8")
    kohl.write_text(re.sub(r"(<normalization>\s*<p>)", r"\1Spelling is modernised. ", text, count=1), encoding="utf-8")
    site = tmp_path / "site"
    publish.build(src, site, parts=("web",))
    doc = page(site, "principles.html")
    headings = [" ".join(h.text_content().split()) for h in doc.xpath("//main//h2")]
    assert sorted(headings) == ["The conventions, as 1 record of 11 declares them",
                                "The conventions, as 10 records of 11 declare them"]
    changed, other = sorted(doc.xpath("//p[@class='declared-by']"), key=lambda p: len(p.xpath("a")))
    assert changed.xpath("a/@href") == ["records/1991-02-23-1955-kohl.html"]
    assert "records/1991-02-23-1955-kohl.html" not in other.xpath("a/@href") and len(other.xpath("a")) == 10
    assert "Spelling is modernised." in doc.text_content()
    # the digests the next build reads hold each declaration once, and each record the number of its own
    stored = etree.parse(str(site / stylesheets.DIGESTS)).getroot()
    declarations = stored.findall(f"{{{stylesheets.ED_NS}}}declaration")
    assert len(declarations) == 2 and len({d.text for d in declarations}) == 2
    records = stored.findall(f"{{{stylesheets.ED_NS}}}record")
    assert len(records) == 11 and not [r for r in records if r.get("conventions")]
    assert Counter(r.get("declared") for r in records) == Counter({"1": 10, "2": 1}) or \
        Counter(r.get("declared") for r in records) == Counter({"1": 1, "2": 10})
    # a rebuild after another record changes its declaration reads the stored ones by their numbers
    first = src / sorted(p.name for p in src.glob("*.xml"))[0]
    first.write_text(re.sub(r"(<normalization>\s*<p>)", r"\1Spelling is modernised. ",
                            first.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    publish.build(src, site, parts=("web",))
    doc = page(site, "principles.html")
    assert sorted(" ".join(h.text_content().split()) for h in doc.xpath("//main//h2")) == [
        "The conventions, as 2 records of 11 declare them", "The conventions, as 9 records of 11 declare them"]


@pytest.mark.parametrize("name", ["a b.xml", "c#d%e?f.xml", "ünï κ.xml", "x;y=z&@:+,$!*'()~.xml"])
def test_a_records_address_is_the_file_uri_pathlib_gives(tmp_path, name):
    from edition.publish.sources import file_uri

    real = str((tmp_path / name).resolve())
    assert file_uri(real) == Path(real).as_uri()
