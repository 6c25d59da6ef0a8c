"""TEI of any project in both publications (issue 14): a letter and a chapter written for the tests, with the
constructs other projects use, and what the web page and the PDF make of each."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest
from click.testing import CliRunner
from lxml import html

from edition.cli import main

from ..conftest import build_site, build_texts, record_page, words

FIXTURE = Path(__file__).parent / "fixtures" / "letter-and-chapter.xml"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return build_site(tmp_path_factory.mktemp("general"), [FIXTURE, FIXTURE.parent / "img"])


@pytest.fixture(scope="module")
def text(built) -> html.HtmlElement:
    return record_page(built, "brief-12").find_class("text")[0]


def test_notes_are_marks_in_the_text_and_notes_after_it(text):
    p1 = text.get_element_by_id("p1")
    assert [words(m) for m in p1.find_class("note-mark")] == ["1", "2"]  # @n, else its place among the notes
    assert "Gemeint" not in words(p1) and "Ohne Nummer" not in words(p1)
    # a note printed in the running text (rend="inline") stays in its place, unnumbered
    assert [words(e) for e in text.xpath(".//p[contains(@class, 'in-place')]")] == ["Archiv 12/3: Original"]
    entries = text.xpath(".//section[@class='notes']//li")
    assert [words(e) for e in entries] == ["1 Gemeint ist die Uhr des Vaters.", "2 Ohne Nummer gedruckt."]
    mark = p1.find_class("note-mark")[0]
    assert mark.get("href") == "#" + entries[0].get("id") and entries[0].find("a").get("href") == "#" + mark.get("id")


def test_ids_and_pointers_resolve_in_the_page(text):
    ids = set(text.xpath(".//@id"))
    assert {"letter", "p1", "pg2", "pg3", "anhang", "bahr"} <= ids  # (pg3: a page break between a list's items)
    links = {words(a): a.get("href") for a in text.xpath(".//a[not(contains(@class, 'note'))]")}
    assert links["Anhang zum Brief"] == "#anhang"  # an empty ptr says where it points
    assert links["oben"] == "#p1" and links["Bahr"] == "#bahr"  # the letter's own register, not the edition's


def test_the_editorial_layer_is_kept_and_no_words_run_together(text):
    p1 = words(text.get_element_by_id("p1"))
    assert "mich sehr" in p1  # a space left in the source stays a space
    subst = text.find_class("subst")[0]
    assert [e.tag for e in subst] == ["del", "ins"] and words(subst) == "OU"
    choice = text.find_class("choice")[0]
    assert choice.find_class("corr")[0].text == "Tee" and choice.get("title") == "sic: Teh"


def test_structure_lists_tables_heads_quotes_and_language(text):
    assert [e.tag for e in text.xpath(".//*[@class = 'head'][self::h2 or self::h3 or self::h4]")] == [
        "h2", "h3", "h4"]
    assert words(text.xpath(".//h2")[0]).startswith("12. Brief an Bahr")  # the division's number
    assert [words(e) for e in text.xpath(".//dl/dt")] == ["a)", "b)"]
    assert [e.tag for e in text.xpath(".//table/tr[1]/*")] == ["th", "th"]
    assert text.xpath(".//table/tr[2]/td/@colspan") == ["2"]
    assert text.xpath(".//span[@class='quote']/text()") == ["komm bald"] and text.xpath(".//blockquote/p")
    assert text.get("lang") == "de" and text.xpath(".//i[@lang='en']/text()") == ["in English"]
    assert text.xpath(".//span[contains(@class, 'smallcaps')]") and text.xpath(".//sup[text()='a']")
    assert [words(e) for e in text.find_class("pb")] == ["2", "3"]
    # a letterhead's lines, and lines set left and right, are lines: never "HotelZur PostIschl"
    head = text.xpath(".//div[contains(@class, 'letterhead')]")
    assert [words(head[0])] + [words(d) for d in head[1]] == ["Hotel", "Zur Post", "Ischl"]
    assert [d.tag for d in head[1]] == ["div", "div"] and "right" in head[1][1].get("class")
    for part in ("salute", "signed", "postscript", "dateline"):
        assert text.find_class(part), part


def test_the_pdf_prints_notes_as_footnotes_and_every_word(built):
    reader = pypdf.PdfReader(str(built / "edition.pdf"))
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    flat = " ".join(pages)
    assert "Gemeint ist die Uhr des Vaters." in flat and "Ohne Nummer gedruckt." in flat
    assert "mich sehr" in flat and "Anhang zum Brief" in flat
    assert "Grüße an alle ⟨WINGDINGS CHARACTER F0FC⟩ und·alle." in flat  # a private-use character by its name
    # the facts of a letter, as on its web page: none of a record of a conversation's
    assert "Participants" not in flat and "Translated by" not in flat and "Date and time" not in flat
    # the note is at the foot of its page, not inside the sentence that calls it
    page = next(p for p in pages if "Gemeint" in p)
    assert page.index("Gemeint") > page.index("Lieber Freund") and not re.search(r"hren\s*Gemeint", flat)


def test_local_images_are_copied_beside_the_page_and_no_other_file(built, text):
    (img,) = text.xpath(".//img")
    assert img.get("src") == "img/uhr.png" and img.get("alt") == "Die Uhr des Vaters"
    assert (built / "records" / "img" / "uhr.png").read_bytes() == (FIXTURE.parent / "img" / "uhr.png").read_bytes()
    assert "[image: ../../../etc/passwd]" in words(text)  # an address that climbs out is shown, never copied
    assert not any(p.name == "passwd" for p in built.rglob("*"))


def test_the_page_names_authors_and_editors_not_their_identifiers(tmp_path):
    tei = FIXTURE.read_text(encoding="utf-8").replace(
        '<title type="main">Brief an Hermann Bahr, 3. März 1894</title>',
        '<title type="main">Brief an Hermann Bahr, 3. März 1894</title><author><persName>Arthur Schnitzler</persName>'
        '<idno type="wikidata">Q44331</idno></author><editor><persName>Martin Anton Müller</persName>'
        '<persName><forename>Laura</forename><surname>Untner</surname></persName></editor>'  # a name in parts
        '<editor key="AB"/><author/>')  # a name by its key in the project's list; an empty author
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "brief.xml").write_text(tei, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "src"), "--out", str(tmp_path / "site"),
                                       "--only", "web"])
    assert result.exit_code == 0, result.output
    page = record_page(tmp_path / "site", "brief-12")
    facts = {words(dt): words(dt.getnext()) for dt in page.xpath("//dl[@class='facts']/dt")}
    assert facts["Author"] == "Arthur Schnitzler" and facts["Edited by"] == "Martin Anton Müller; Laura Untner; AB"
    assert "Translated by" not in facts and "Participants" not in facts  # no record of a conversation


def test_in_print_a_pointer_leads_to_its_target_in_the_book(built):
    reader = pypdf.PdfReader(str(built / "edition.pdf"))
    dests = set(reader.named_destinations)
    links = [str(a.get_object().get("/Dest")) for page in reader.pages for a in (page.get("/Annots") or [])
             if a.get_object().get("/Dest") is not None]
    # the ptr to the appendix and the ref "oben": links inside the book, to the record's own ids
    assert {"brief-12-anhang", "brief-12-p1"} <= set(links)
    assert all(link in dests for link in links)


def test_the_sources_own_readings_are_in_the_page_and_shown_on_demand(built):
    page = record_page(built, "brief-12")
    (toggle,) = page.xpath("//input[@id='show-original']")
    assert toggle.getnext().tag == "label" and toggle.getnext().get("for") == "show-original"
    assert page.xpath("//input[@id='show-original']/following-sibling::div[contains(@class, 'text')]")
    css = (built / "edition.css").read_text(encoding="utf-8")
    assert "#show-original:checked ~ .text del.del" in css
    assert "del.del, .choice .alt, .app .alt { display: none; }" in css


def test_the_colophons_give_each_texts_authors_funders_publisher_and_licence(tmp_path):
    """What a licence such as CC BY asks to be named reaches both colophons; a letter has no translator to name,
    and a book of other projects' texts prints no empty principles or index."""
    tei = FIXTURE.read_text(encoding="utf-8").replace(
        '<publicationStmt><p>Fixture of the edition\'s tests.</p></publicationStmt>',
        '<publicationStmt><publisher>Briefprojekt Wien</publisher><availability><licence '
        'target="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</licence></availability></publicationStmt>'
    ).replace('<title type="main">Brief an Hermann Bahr, 3. März 1894</title>',
              '<title type="main">Brief an Hermann Bahr, 3. März 1894</title><author>Arthur Schnitzler</author>'
              '<funder>Stadt Wien</funder>')
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "brief.xml").write_text(tei, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "src"), "--out", str(tmp_path / "site")])
    assert result.exit_code == 0, result.output
    said = ("Brief an Hermann Bahr, 3. März 1894: by Arthur Schnitzler, funded by Stadt Wien, published by "
            "Briefprojekt Wien. Licence: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).")
    colophon = html.parse(str(tmp_path / "site" / "colophon.html")).getroot()
    (entry,) = colophon.find_class("attribution")
    assert words(entry) == said
    assert entry.xpath(".//a/@href") == ["records/brief-12.html", "https://creativecommons.org/licenses/by/4.0/"]
    assert "Translator" not in words(colophon.find(".//main"))
    pages = [" ".join(p.extract_text().split()) for p in pypdf.PdfReader(str(tmp_path / "site" / "edition.pdf")).pages]
    assert said.replace(" ", "") in pages[-1].replace(" ", "")  # (the address breaks across lines)
    flat = " ".join(pages)
    assert "Index of persons" not in flat and "Editorial principles" not in flat and "translator" not in flat


def test_a_declared_character_is_its_own_or_its_mapping_named_by_the_char_declaration(text):
    """gaiji: a g's content as the source has it, else the mapping its charDecl gives; the declared name as its
    title."""
    ps = text.get_element_by_id("ps")
    assert words(ps) == "Grüße an alle \uf0fc und·alle."
    assert [g.get("title") for g in ps.find_class("g")] == ["WINGDINGS CHARACTER F0FC", "MIDDLE DOT"]


def test_a_register_entry_reads_as_one_with_births_deaths_and_links(text):
    entry = text.get_element_by_id("goldmann")
    assert words(entry) == ("Paul Goldmann; * 1865-01-31 Breslau (51,10773 17,03533); \u2020 1935-09-25; "
                            "https://d-nb.info/gnd/118540726/")
    assert entry.xpath(".//a/@href") == ["https://d-nb.info/gnd/118540726/"]
    assert text.get_element_by_id("here").get("class") == "anchor"  # a point pointers can lead to



@pytest.mark.parametrize("kind", ["digital-source", "digital_source", "Print Source"])
def test_a_poem_is_not_dated_by_the_edition_it_was_taken_from(tmp_path, kind):
    """A corpus of poems names the edition each was taken from (bibl type="digital-source", as projects spell
    TEI's digitalSource with a hyphen, an underscore or in words) with that edition's year: the year is the
    edition's, not the sonnet's, which the page leaves undated rather than dated four centuries late; the edition is
    the record's source, cited as the header cites it."""
    build_texts(tmp_path, {
        "sonnet.xml": (
            '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Soneto</title>'
            "</titleStmt><publicationStmt><p>A corpus</p></publicationStmt><sourceDesc><bibl type='" + kind + "'>"
            "<title>Sonetos del siglo XV al XVII</title>, ed. R. García, <date when='2006'>2006</date></bibl>"
            "</sourceDesc></fileDesc></teiHeader><text><body><lg type='sonnet'><l>Yo vi sobre un tomillo "
            "quejarse un d\u00eda</l></lg></body></text></TEI>"),
    }, "--only", "web")
    page = record_page(tmp_path / "site", "sonnet")
    (dl,) = page.xpath("//dl[@class='facts']")
    got = {words(dt): words(dt.getnext()) for dt in dl.findall("dt")}
    assert "Date" not in got
    kind = "Print source" if kind.startswith("Print") else "Digital source"
    assert got["Source"] == f"{kind}: Sonetos del siglo XV al XVII, ed. R. García, 2006"  # the edition's year


def test_a_novels_sources_are_cited_part_by_part_after_their_kind(tmp_path):
    """A corpus of novels cites its sources as parts with no words between them (ELTeC: a digital source, the
    first edition, the print source transcribed): each is one citation, its parts apart (never "GutenbergThe
    Hermit"), after its kind; the novel is dated by its first edition, not by the copy transcribed."""
    build_texts(tmp_path, {
        "novel.xml": (
            '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>The Hermit</title>'
            "</titleStmt><publicationStmt><p>A corpus</p></publicationStmt><sourceDesc><bibl type='digitalSource'>"
            "<title>The Hermit, a tale</title><ref target='https://example.org/hermit'>Archive</ref></bibl>"
            "<bibl type='firstEdition'><title>The Hermit</title><author>Vane, Ann (1801-1870).</author>"
            "<publisher>London: Smith</publisher><date>1848</date></bibl><bibl type='printSource'><title>The Hermit"
            "</title>\n <publisher>London: Smith</publisher>\n <date>1852</date></bibl></sourceDesc></fileDesc>"
            "</teiHeader><text><body><p>It was a cold night.</p></body></text></TEI>"),
    }, "--only", "web")
    page = record_page(tmp_path / "site", "novel")
    assert [words(d) for d in page.xpath("//dd[@class='sources']/div")] == [
        "Digital source: The Hermit, a tale, Archive",
        "First edition: The Hermit, Vane, Ann (1801-1870). London: Smith, 1848",
        "Print source: The Hermit, London: Smith, 1852"]
    assert page.xpath("//dd[@class='sources']//a/@href") == ["https://example.org/hermit"]
    (dl,) = page.xpath("//dl[@class='facts']")
    assert words(dl.xpath("dt[.='Date']")[0].getnext()) == "1848"


def test_a_text_in_a_language_written_right_to_left_is_set_right_to_left(tmp_path, monkeypatch):
    """An inscription in Hebrew (xml:lang="he", "heb") and a record wholly in Arabic: set right to left (HTML's dir),
    on the web and in print; a word of a left-to-right language inside them left to right; a text in Arabic
    written in Latin letters (ar-Latn) and the English around them as they were, with no dir at all."""
    from edition.publish import stylesheets

    laid_out = []
    monkeypatch.setattr(stylesheets, "lay_out", lambda paged, pdf: laid_out.append(paged) or 1)
    site = build_texts(tmp_path, {
        "stone.xml": (
            '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>A lintel</title>'
            "</titleStmt><publicationStmt><p>Ours</p></publicationStmt><sourceDesc><p>A stone.</p></sourceDesc>"
            "</fileDesc></teiHeader><text><body><div type='edition' xml:lang='heb'><ab>\u05e9\u05dc\u05d5\u05dd "
            "<foreign xml:lang='la'>pax</foreign></ab></div><div type='translation' xml:lang='en'><p>Peace</p></div>"
            "<div type='commentary'><p>Read <foreign xml:lang='ar-Latn'>salam</foreign> by some.</p></div>"
            "</body></text></TEI>"),
        "letter.xml": (
            '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="ar"><teiHeader><fileDesc><titleStmt><title>\u0631'
            "\u0633\u0627\u0644\u0629</title></titleStmt><publicationStmt><p>Ours</p></publicationStmt>"
            "<sourceDesc><p>A letter.</p></sourceDesc></fileDesc></teiHeader><text><body><p>\u0633\u0644\u0627"
            "\u0645</p></body></text></TEI>"),
    })
    page = record_page(site, "stone")
    assert [(e.get("lang"), e.get("dir")) for e in page.xpath("//*[@dir]")] == [("heb", "rtl"), ("la", "ltr")]
    assert page.xpath("//*[@lang='ar-Latn'][not(@dir)]") and page.xpath("//*[@lang='en'][not(@dir)]")
    assert record_page(site, "letter").xpath("//article[@lang='ar']/@dir") == ["rtl"]
    (paged,) = laid_out  # the book's HTML, as print.xsl wrote it for WeasyPrint
    printed = html.fromstring(paged)
    assert printed.xpath("//*[@lang='heb']/@dir") == ["rtl"] and printed.xpath("//section[@lang='ar']/@dir") == ["rtl"]


def test_a_record_whose_title_is_empty_is_named_by_its_id(tmp_path):
    """A converter's empty <title/> is no title: the page is named by the record's id, never left blank."""
    build_texts(tmp_path, {
        "from-markdown.xml": (
            '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title/></titleStmt>'
            "<publicationStmt><p>from markdown</p></publicationStmt><sourceDesc><p>new</p></sourceDesc></fileDesc>"
            "</teiHeader><text><body><p>Paragraphs are separated by a blank line.</p></body></text></TEI>"),
    }, "--only", "web")
    page = record_page(tmp_path / "site", "from-markdown")
    assert words(page.find(".//h1")) == "from-markdown"
    assert page.findtext(".//title").startswith("from-markdown")


def test_a_catalogue_of_manuscript_descriptions_is_published_and_searched(tmp_path):
    """A record whose text is empty and whose header describes a manuscript (a catalogue's record): its page is
    the description, and the search indexes it (Pagefind stopped the build when no page had a text to index)."""
    import gzip

    (tmp_path / "src").mkdir()
    for n, what in ((1, "Psalter with calendar"), (2, "Book of hours in Latin")):
        (tmp_path / "src" / f"ms-{n}.xml").write_text(
            '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>MS ' + str(n) +
            "</title></titleStmt><publicationStmt><p>A catalogue</p></publicationStmt><sourceDesc><msDesc>"
            "<msIdentifier><repository>Bodleian Library</repository><idno>MS Add. " + str(n) + "</idno>"
            "</msIdentifier><msContents><msItem><title>" + what + "</title> <note>('C' text)</note></msItem>"
            "</msContents></msDesc>"
            "</sourceDesc></fileDesc></teiHeader><text><body><p/></body></text></TEI>", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "src"), "--out", str(tmp_path / "site"),
                                       "--only", "web"])
    assert result.exit_code == 0, result.output
    page = record_page(tmp_path / "site", "ms-2")
    assert "Book of hours in Latin ('C' text)" in words(page.find_class("source-description")[0])
    # records without a date: the links to their neighbours say which way they lead, not only by an arrow
    assert [words(a) for a in page.xpath("//nav[contains(@class, 'top')]/a")] == ["\u2190 Previous"]
    # a catalogue's remark stands where it is: no mark that leads nowhere
    assert not page.find_class("note-mark") and all(
        page.get_element_by_id(a.get("href")[1:], None) is not None for a in page.xpath("//a[starts-with(@href, '#')]"))
    indexed = " ".join(gzip.decompress(f.read_bytes()).decode("utf-8", "replace")
                       for f in (tmp_path / "site" / "pagefind" / "fragment").glob("*.pf_fragment"))
    assert "Psalter with calendar" in indexed and "Book of hours in Latin" in indexed


@pytest.mark.parametrize(("history", "shown"), [
    # a manuscript is dated by its origin, never by when it was acquired
    ('<origin><origDate from="1687-08-17" to="1691-10-29">1687 to 1691</origDate></origin>'
     '<acquisition>Bought in <date when="1756">1756</date>.</acquisition>', "17 August 1687 – 29 October 1691"),
    ('<origin><origDate notBefore="0181-04-25" notAfter="0181-04-25">181 CE</origDate></origin>', "25 April 181"),
    # a year before 1000 as a number, not as ISO pads it ("0147")
    ('<origin><origDate notBefore="0147" notAfter="0147"/></origin>', "147"),
    ('<origin><origDate notBefore="0375" notAfter="0377"/></origin>', "375\u2013377"),
    ('<origin><origDate notAfter="1819-12">late 1819</origDate></origin>', "late 1819"),  # one bound: as printed
    ('<origin><origDate notAfter="1819-12"/></origin>', "not after December 1819"),
    ('<origin>Made in Isfahan.</origin><provenance><date when="2009-09">seen in 2009</date></provenance>', None),
    # a catalogue of Islamic manuscripts dates by the Hijri year: a number alone is said to be of its calendar (by
    # its pointer's words where the header declares none); where the Gregorian year is given too, that one
    ('<origin><origDate calendar="#Hijri-qamari" when-custom="1100">1100</origDate></origin>',
     "1100 (calendar: Hijri qamari)"),
    ('<origin><origDate calendar="#Hijri-qamari" when-custom="1089">1089 AH</origDate> <origDate '
     'calendar="#Gregorian" when="1678">1678 CE</origDate></origin>', "1678"),
    # (a date dated by the ISO attributes alone, in another calendar: no error of the build)
    ('<origin><origDate calendar="#julian" notBefore-iso="1700">1700</origDate></origin>', "1700 (calendar: julian)"),
])
def test_a_manuscript_is_dated_by_its_origin_and_never_more_precisely_than_it_says(tmp_path, history, shown):
    build_texts(tmp_path, {
        "ms.xml": (
            '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>MS 1</title></titleStmt>'
            "<publicationStmt><p>A catalogue</p></publicationStmt><sourceDesc><msDesc><msIdentifier><repository>"
            "Bodleian Library</repository><idno>MS 1</idno></msIdentifier><history>" + history + "</history></msDesc>"
            "</sourceDesc></fileDesc></teiHeader><text><body><p>Incipit.</p></body></text></TEI>"),
    }, "--only", "web")
    page = record_page(tmp_path / "site", "ms")
    facts = {words(dt): words(dt.getnext()) for dt in page.xpath("//dl[@class='facts']/dt")}
    assert facts.get("Date") == shown
    if "calendar" in history and "1100" in history:  # (and in the description of its origin)
        assert "Date: 1100 (calendar: Hijri qamari)" in words(page)


def test_a_speech_that_prints_no_speaker_is_headed_by_the_names_its_who_gives(tmp_path):
    build_texts(tmp_path, {
        "play.xml": (
            '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Play</title></titleStmt>'
            "<publicationStmt><p>Ours</p></publicationStmt><sourceDesc><p>Ours</p></sourceDesc></fileDesc><profileDesc>"
            "<particDesc><listPerson><person xml:id='m1'><persName>First Mystic</persName></person><person xml:id='m2'>"
            "<persName>Second Mystic</persName></person></listPerson></particDesc></profileDesc></teiHeader><text>"
            "<body><div><sp who='#m1 #m2'><p>Do you hear?</p></sp><sp who='#m1'><speaker>FIRST.</speaker>"
            "<p>Yes.</p></sp></div></body></text></TEI>"),
    }, "--only", "web")
    page = record_page(tmp_path / "site", "play")
    assert [words(h) for h in page.xpath("//section[contains(@class, 'sp')]/*[contains(@class, 'speaker')]")] == [
        "[First Mystic, Second Mystic]", "FIRST."]


def test_a_genetic_transcription_includes_its_surfaces_from_files_of_their_own(tmp_path):
    """A notebook kept as a sourceDoc that includes each page's surface from a file of its own (as the Shelley-Godwin
    Archive keeps them): the pages' lines are in the record's page, not '(not included here)'. A page whose file is
    missing is said so where it would be, and the build warns with the file and line of its include."""
    (tmp_path / "src" / "pages").mkdir(parents=True)
    (tmp_path / "src" / "notebook.xml").write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude"><teiHeader><fileDesc>'
        "<titleStmt><title>Notebook</title></titleStmt><publicationStmt><p>Ours</p></publicationStmt><sourceDesc>"
        "<p>Ours</p></sourceDesc></fileDesc></teiHeader><sourceDoc><xi:include href='pages/p1.xml'/>\n"
        "<xi:include href='pages/p2.xml'/></sourceDoc></TEI>", encoding="utf-8")
    (tmp_path / "src" / "pages" / "p1.xml").write_text(
        '<surface xmlns="http://www.tei-c.org/ns/1.0" xml:id="p1"><zone><line>It was on a dreary night of'
        "</line><line>November</line></zone></surface>", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "src"), "--out", str(tmp_path / "site"),
                                       "--only", "web"])
    assert result.exit_code == 0, result.output
    page = record_page(tmp_path / "site", "notebook")
    text = words(page.find_class("text")[0])
    assert "It was on a dreary night of" in text and "November (not included here: pages/p2.xml)" in text
    assert text.count("not included") == 1
    warnings = [line for line in result.output.splitlines() if line.startswith("warning:")]
    assert warnings == [f"warning: {tmp_path / 'src' / 'notebook.xml'}:2: the include of pages/p2.xml: no such file; "
                        "the page says where it would include"]


def test_a_divisions_number_stands_before_its_head_unless_the_head_gives_it_or_it_is_an_identifier(tmp_path):
    """div/@n is a number for readers (a FRUS document's "12."), printed before the head; not where the head gives it
    in its first words (a play's "ACT 1"), nor where it is an identifier for machines (a CTS URN, as the Patristic
    Text Archive numbers its edition division). A number later in the head (a date's day) is no such number."""
    build_texts(tmp_path, {
        "divs.xml": (
            '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="d1"><teiHeader><fileDesc><titleStmt><title>Divisions'
            "</title></titleStmt><publicationStmt><p>Ours</p></publicationStmt><sourceDesc><p>Ours</p></sourceDesc>"
            "</fileDesc></teiHeader><text><body><div n='urn:cts:pta:pta0001.pta001.pta-grc1'><head>Oratio</head>"
            "<p>Text.</p></div><div n='1'><head>ACT 1</head><p>Text.</p></div><div n='12'><head>Memorandum of "
            "Conversation, May 12, 1961</head><p>Text.</p></div></body></text></TEI>"),
    }, "--only", "web")
    page = record_page(tmp_path / "site", "d1")
    assert [words(h) for h in page.find_class("text")[0].xpath(".//h2")] == [
        "Oratio", "ACT 1", "12. Memorandum of Conversation, May 12, 1961"]


def test_a_title_is_followed_by_its_subtitle_in_its_language_unless_it_holds_it(tmp_path):
    """titleStmt's subtitle (title type="sub") follows the title, "Title: Subtitle", as a citation gives it: the
    sittings of a parliament's corpus that share the corpus's title are told apart by theirs (as ParlaMint titles
    them); the subtitle in the title's own language; one the title already holds is not repeated."""
    def record(rid: str, main: str, subs: str) -> str:
        return (f'<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="{rid}"><teiHeader><fileDesc><titleStmt>{main}{subs}'
                "</titleStmt><publicationStmt><p>Ours</p></publicationStmt><sourceDesc><p>Ours</p></sourceDesc>"
                "</fileDesc></teiHeader><text><body><p>Text.</p></body></text></TEI>")
    corpus = '<title type="main" xml:lang="de">Protokolle des Landtags [Korpus]</title>'
    build_texts(tmp_path, {
        "s1.xml": record("s1", corpus, '<title type="sub" xml:lang="en">Sitting 1</title>'
                                       '<title type="sub" xml:lang="de">1. Sitzung, 3. März 1998</title>'),
        "s2.xml": record("s2", corpus, '<title type="sub" xml:lang="de">2. Sitzung, 4. März 1998</title>'),
        "s3.xml": record("s3", '<title type="main">Landtag, 3. Sitzung</title>',
                         '<title type="sub">3. Sitzung</title>'),
    }, "--only", "web")
    titles = [words(record_page(tmp_path / "site", f"s{n}").find(".//h1"))
              for n in (1, 2, 3)]
    assert titles == ["Protokolle des Landtags [Korpus]: 1. Sitzung, 3. März 1998",
                      "Protokolle des Landtags [Korpus]: 2. Sitzung, 4. März 1998", "Landtag, 3. Sitzung"]


def test_the_persons_a_record_lists_itself_are_in_its_facts_and_the_register(tmp_path):
    """A play's cast (particDesc without an edition's personography, as DraCor's plays have it): the record's facts
    list them, each speech's speaker leads there, and the register page lists them under the record, never empty."""
    site = build_texts(tmp_path, {
        "play.xml": (
            '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="play"><teiHeader><fileDesc><titleStmt><title>A Play'
            "</title></titleStmt><publicationStmt><p>Ours</p></publicationStmt><sourceDesc><p>Ours</p></sourceDesc>"
            "</fileDesc><profileDesc><particDesc><listPerson><person xml:id='magd'><persName>Die Magd</persName>"
            "</person><personGrp xml:id='chor'><name>Der Chor</name></personGrp></listPerson></particDesc>"
            "</profileDesc></teiHeader><text><body><div><sp who='#magd'><speaker>MAGD.</speaker><p>Wo ist er?</p>"
            "</sp><sp who='#chor'><speaker>CHOR.</speaker><p>Fort.</p></sp></div></body></text></TEI>"),
    }, "--only", "web")
    page = record_page(site, "play")
    facts = {words(dt): dt.getnext() for dt in page.xpath("//dl[@class='facts']/dt")}
    assert [words(li) for li in facts["Persons"].iter("li")] == ["Die Magd", "Der Chor"]
    for speaker in page.xpath("//h3[@class='speaker']"):
        target = speaker.find("a").get("href").removeprefix("#")
        assert words(page.get_element_by_id(target)) == {"MAGD.": "Die Magd", "CHOR.": "Der Chor"}[words(speaker)]
    register = html.parse(str(site / "persons.html")).getroot()
    listed = register.xpath("//main//section[contains(@class, 'record-persons')]")
    assert [words(s.find(".//h3")) for s in listed] == ["A Play"]
    assert [(words(a), a.get("href")) for a in listed[0].iter("li") for a in a.iter("a")] == [
        ("Die Magd", "records/play.html#person-magd"), ("Der Chor", "records/play.html#person-chor")]


@pytest.mark.parametrize(("bounds", "shown"), [
    (("1788-01-01", "1789-12-31"), "1788–1789"),
    (("1788-01-01", "1788-12-31"), "1788"),
    (("1788-03-02", "1789-12-31"), "2 March 1788 – 31 December 1789"),
])
def test_bounds_that_are_whole_years_are_shown_as_years(tmp_path, bounds, shown):
    """A catalogue of manuscripts dates "AH 1203/AD 1788-9" as notBefore="1788-01-01" notAfter="1789-12-31": the
    bounds of two years, not two days anybody wrote; they are shown as the years they are (other bounds as days)."""
    before, after = bounds
    build_texts(tmp_path, {"ms.xml": (
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="ms"><teiHeader><fileDesc><titleStmt><title>A manuscript'
        "</title></titleStmt><publicationStmt><p>Ours</p></publicationStmt><sourceDesc><msDesc><msIdentifier>"
        f"<idno>Add 1</idno></msIdentifier><history><origin><origDate notBefore='{before}' notAfter='{after}'/>"
        "</origin></history></msDesc></sourceDesc></fileDesc></teiHeader><text><body><p>Text.</p></body></text>"
        "</TEI>")}, "--only", "web")
    page = record_page(tmp_path / "site", "ms")
    (dt,) = page.xpath("//dl[@class='facts']/dt[. = 'Date']")
    assert words(dt.getnext()) == shown


def test_a_page_break_is_labelled_by_its_edition_and_links_to_its_facsimile(tmp_path):
    """A transcription whose pages are given by their leaf (pb ed="1r", as a letter edition labels an envelope's
    sides) and their image (facs: an address, or a pointer to a surface of the facsimile): the label is shown and
    is a link to the image; a page without an image on the web, or pointing to nothing, is no link; a graphic on the
    web is a link to it, never fetched."""
    site = build_texts(tmp_path, {
        "brief.xml": (
            '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Brief</title>'
            "</titleStmt><publicationStmt><p>Letters</p></publicationStmt><sourceDesc><p>Original</p></sourceDesc>"
            "</fileDesc></teiHeader><facsimile><surface xml:id='s2'><graphic url='https://img.example.org/2/'/>"
            "</surface><surface xml:id='s3'><graphic url='scans/3.jpg'/></surface></facsimile><text><body>"
            "<div type='envelope'><pb facs='https://img.example.org/1/' ed='1r'/><p>Frau Stella</p>"
            "<pb facs='#s2' ed='1v' n='2'/><p>Absender</p></div><div type='letter'><pb facs='#s3' ed='2r'/>"
            "<p>Liebe Stella,</p><pb facs='#nowhere'/><p>Dein W.</p>"
            "<figure><graphic url='https://img.example.org/4/'/></figure></div></body></text></TEI>"),
    })
    page = record_page(site, "brief")
    got = [(words(pb), pb.get("title"), pb.xpath("string(a/@href)")) for pb in page.xpath("//span[@class='pb']")]
    assert got == [
        ("1r", "page 1r", "https://img.example.org/1/"),
        ("1v 2", "page 2 of 1v", "https://img.example.org/2/"),
        ("2r", "page 2r", ""),
        ("", None, ""),
    ]
    assert page.xpath("//a[@class='graphic']/@href") == ["https://img.example.org/4/"]
    pdf = " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(str(site / "edition.pdf")).pages)
    assert "Frau Stella [1v 2] Absender" in pdf


def declaring_references(title: str, source: str, refs: str, body: str) -> str:
    """A document of our own whose header declares how its canonical references resolve (encodingDesc/refsDecl)."""
    return ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>' + title + "</title>"
            "</titleStmt><publicationStmt><p>Ours</p></publicationStmt><sourceDesc><p>" + source + "</p></sourceDesc>"
            "</fileDesc><encodingDesc>" + refs + "</encodingDesc></teiHeader><text><body>" + body
            + "</body></text></TEI>")


def test_a_canonical_reference_is_shown_and_linked_by_the_documents_declaration(tmp_path):
    """A patristic text cites the Bible by canonical references (ref cRef="LXX:Dt:5:13", empty, decls naming the
    refsDecl that turns them into addresses): the reference is shown apart from the quotation and links where the
    first matching pattern gives a web address; an undeclared or unresolvable one is shown, unlinked."""
    site = build_texts(tmp_path, {
        "homily.xml": declaring_references(
            "Homily", "Codices",
            "<refsDecl xml:id='biblical'><cRefPattern matchPattern='(.+):(.+):([0-9]+):([0-9]+)[\\-\\.]*[0-9]*' "
            "replacementPattern='https://bible.example.org/$2$3,$4/$1'/><cRefPattern matchPattern='(.+):(.+)' "
            "replacementPattern='https://bible.example.org/$2/$1'/></refsDecl><refsDecl xml:id='cts'><cRefPattern "
            "matchPattern='(.+)' replacementPattern=\"#xpath(//div[@n='$1'])\"/></refsDecl>",
            "<p><quote>ποιήσεις τὰ ἔργα σου</quote><ref decls='#biblical' cRef='LXX:Dt:5:13'/> and <ref "
            "decls='#biblical' cRef='LXX:Gn'>Genesis</ref>, <ref decls='#cts' cRef='3'/>, <ref cRef='Mt 5,3'/>.</p>"),
    }, "--only", "web")
    page = record_page(site, "homily")
    (p,) = page.xpath("//div[contains(@class, 'text')]//p[contains(., 'ποιήσεις')]")
    assert words(p) == "ποιήσεις τὰ ἔργα σου LXX:Dt:5:13 and Genesis, 3, Mt 5,3."
    assert [(words(e), e.get("href")) for e in p.xpath(".//*[@class='cref']")] == [
        ("LXX:Dt:5:13", "https://bible.example.org/Dt5,13/LXX"), ("Genesis", "https://bible.example.org/Gn/LXX"),
        ("3", None), ("Mt 5,3", None)]


def test_a_canonical_reference_to_a_place_in_the_document_links_there_only_where_it_is(tmp_path):
    """A declaration of references that turns a reference into a place in the same document: by an id ("#ps$1") or
    by the XPointer the Guidelines write (#xpath(//div[@n='$1']/l[@n='$2'])): a link to the element where it is
    there and has an anchor on the page; no link (never a dead one) where the document lacks it."""
    site = build_texts(tmp_path, {
        "psalms.xml": declaring_references(
            "Psalms", "Ours",
            "<refsDecl><cRefPattern matchPattern='Ps\\.(\\d+):(\\d+)' replacementPattern=\"#xpath(//body/div[@n='$1']/"
            "l[@n='$2'])\"/><cRefPattern matchPattern='(\\d+)' replacementPattern='#ps$1'/></refsDecl>",
            "<div n='1' xml:id='ps1'><l n='1'>Blessed is the man.</l><l n='2' xml:id='v2'>But his delight.</l></div>"
            "<p>See <ref cRef='Ps.1:2'>verse 2</ref>, <ref cRef='Ps.1:1'>verse 1</ref>, <ref cRef='Ps.9:9'>a verse"
            "</ref>, <ref cRef='1'>Psalm 1</ref> and <ref cRef='2'>Psalm 2</ref>.</p>"),
    }, "--only", "web")
    page = record_page(site, "psalms")
    (p,) = page.xpath("//div[contains(@class, 'text')]//p[contains(., 'See')]")
    assert [(words(e), e.get("href")) for e in p.xpath(".//*[@class='cref']")] == [
        ("verse 2", "#v2"), ("verse 1", None), ("a verse", None), ("Psalm 1", "#ps1"), ("Psalm 2", None)]


def test_a_block_of_words_each_in_a_right_to_left_language_runs_right_to_left(tmp_path):
    """An inscription's segmented transcription tags each word's language (w xml:lang="he"), not its paragraph's:
    the paragraph runs right to left; one with a word of a left-to-right language, or letters of its own, does not."""
    he = "<w xml:lang='he'>\u05e9\u05dc\u05d5\u05dd</w> <orig xml:lang='he'>\u05e2\u05dc</orig> "
    site = build_texts(tmp_path, {
        "stone.xml": (
            '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>A floor</title>'
            "</titleStmt><publicationStmt><p>Ours</p></publicationStmt><sourceDesc><p>A mosaic.</p></sourceDesc>"
            "</fileDesc></teiHeader><text><body><div type='edition' subtype='transcription_segmented'><p>" + he
            + "</p><p>" + he + "<w xml:lang='la'>pax</w></p><p>" + he + "and</p></div></body></text></TEI>"),
    }, "--only", "web")
    page = record_page(site, "stone")
    assert [p.get("dir") for p in page.xpath("//div[contains(@class, 'edition')]//p")] == ["rtl", None, None]


def test_verse_lines_show_their_metre_and_rhyme_on_demand_and_print_them(tmp_path):
    """The verse module's metrical attributes (att.metrical: a stanza's rhyme scheme, a line's conventional metre,
    its realised metre where it differs, its rhyme letter) are the encoder's analysis of the poem: the page gives
    them beside each line and stanza, shown on demand as the source's own readings are; the plain text is the
    poem's words alone; the print edition prints them beside the lines."""
    build_texts(tmp_path, {
        "soneto.xml": (
            '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Soneto</title>'
            "</titleStmt><publicationStmt><p>A corpus</p></publicationStmt><sourceDesc><p>A manuscript</p>"
            "</sourceDesc></fileDesc></teiHeader><text><body><lg type='sonnet'>"
            "<lg n='1' type='cuarteto' rhyme='abba'>"
            "<l met='-+-+-+-+-+-' rhyme='a'>Cuando me paro a contemplar mi estado</l>"
            "<l met='-+-+-+-+-+-' real='++-+-+-+-+-' rhyme='b'>y a ver los pasos por do me han tra\u00eddo</l>"
            "<l met='-+-+-+-+-+-' rhyme='b'>hallo, seg\u00fan por do anduve perdido</l>"
            "<l met='-+-+-+-+-+-' rhyme='a'>que a mayor mal pudiera haber llegado</l>"
            "</lg></lg></body></text></TEI>"),
    }, "--only", "web")
    site = tmp_path / "site"
    page = record_page(site, "soneto")
    (toggle,) = page.xpath("//input[@id='show-prosody']")
    assert toggle.getnext().tag == "label" and "metre and rhyme" in words(toggle.getnext())
    assert page.xpath("//input[@id='show-prosody']/following-sibling::div[contains(@class, 'text')]")
    lines = page.xpath("//div[contains(@class, 'text')]//div[@class='l']")
    assert [words(line) for line in lines][:2] == [
        "Cuando me paro a contemplar mi estado -+-+-+-+-+- a",
        "y a ver los pasos por do me han tra\u00eddo -+-+-+-+-+- ++-+-+-+-+- b"]
    (second,) = lines[1].xpath("span[@class='prosody']")
    assert [(s.get("title"), s.text) for s in second] == [
        ("metre", "-+-+-+-+-+-"), ("metre as realised", "++-+-+-+-+-"), ("rhyme", "b")]
    (stanza,) = page.xpath("//div[contains(@class, 'text')]//div[@class='lg'][.//div[@class='l']][1]/"
                           "span[@class='prosody']")
    assert words(stanza) == "abba" and stanza.xpath("span/@title") == ["rhyme"]
    css = (site / "edition.css").read_text(encoding="utf-8")
    assert ".prosody { display: none; }" in css and "#show-prosody:checked ~ .text .prosody" in css
    plain = (site / "records" / "soneto.txt").read_text(encoding="utf-8")
    assert "Cuando me paro a contemplar mi estado\n" in plain and "-+-" not in plain and "abba" not in plain

    pdf = CliRunner().invoke(main, ["build", str(tmp_path / "src"), "--out", str(tmp_path / "print"),
                                    "--only", "print"])
    assert pdf.exit_code == 0, pdf.output
    printed = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(tmp_path / "print" / "edition.pdf")
                                .pages).split())
    assert "++-+-+-+-+-" in printed and "abba" in printed


def test_an_elements_own_css_style_is_set_as_the_source_sets_it_unless_it_would_load_a_file(tmp_path):
    """att.global.rendition's @style: the element's own CSS (the header's styleDefDecl says CSS, or says nothing),
    set on the page beside a rendition it points to; a style that would load a file is not, nor one in another
    language of style."""
    build_texts(tmp_path, {
        "brief.xml": (
            '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Brief</title>'
            "</titleStmt><publicationStmt><p>Ours</p></publicationStmt><sourceDesc><p>Autograph.</p></sourceDesc>"
            "</fileDesc><encodingDesc><tagsDecl><rendition xml:id='rot' scheme='css'>color: rgb(200, 0, 0)"
            "</rendition></tagsDecl></encodingDesc></teiHeader><text><body><p>Ein <hi style='color: rgb(0, 0, 200)'>"
            "blauer</hi>, ein <hi rendition='#rot' style='font-weight: bold'>roter fetter</hi> und ein <hi "
            "style='background: url(http://example.org/x.png)'>fremder</hi> Gruß.</p></body></text></TEI>"),
        "zettel.xml": (
            '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Zettel</title>'
            "</titleStmt><publicationStmt><p>Ours</p></publicationStmt><sourceDesc><p>Notiz.</p></sourceDesc>"
            "</fileDesc><encodingDesc><styleDefDecl scheme='free'/></encodingDesc></teiHeader><text><body><p>Mit "
            "<hi style='rot unterstrichen'>Farbe</hi>.</p></body></text></TEI>"),
    }, "--only", "web")
    page = record_page(tmp_path / "site", "brief")
    styles = {words(e): e.get("style") for e in page.xpath("//div[contains(@class, 'text')]//*[. = 'blauer' or "
                                                           ". = 'roter fetter' or . = 'fremder']")}
    assert styles == {"blauer": "color: rgb(0, 0, 200)", "roter fetter": "color: rgb(200, 0, 0); font-weight: bold",
                      "fremder": None}
    (farbe,) = record_page(tmp_path / "site", "zettel").xpath("//div[contains(@class, 'text')]//*[. = 'Farbe']")
    assert farbe.get("style") is None
