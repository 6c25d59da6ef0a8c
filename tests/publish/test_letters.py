"""Letters as letter editions encode them (our own correspondence, ``fixtures/letters``): who wrote to whom, from
where and when, in the record's facts and the table of records; a date the editors doubt shown as they print it,
never as a day it does not give; the archive named where the header names it; the previous and next letters
linked where they are in the edition."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest
from click.testing import CliRunner
from lxml import html

from edition.cli import main

from ..conftest import build_texts, record_page, words

FIXTURES = Path(__file__).parent / "fixtures" / "letters"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("letters")
    shutil.copytree(FIXTURES, tmp / "src")
    result = CliRunner().invoke(main, ["build", str(tmp / "src"), "--out", str(tmp / "site")])
    assert result.exit_code == 0, result.output
    return tmp / "site"


def facts(site: Path, rid: str) -> dict[str, str]:
    page = record_page(site, rid)
    (dl,) = page.xpath("//dl[@class='facts']")
    return {words(dt): words(dt.getnext()) for dt in dl.findall("dt")}


def test_the_correspondents_and_their_places_are_facts_of_the_letter(site):
    got = facts(site, "mol-1")
    assert got["From"] == "Vincent Mol, Arles" and got["To"] == "Theo Mol, Paris"
    assert got["Date"] == "2 May 1888"
    assert "Place" not in got  # the places are the correspondents'
    assert got["Source"] == "Amsterdam, Zenda Museum, Mol family papers, b695"  # as msIdentifier names it


def test_correspondents_named_among_the_participants_and_the_date_of_the_letter_not_of_its_printed_edition(site):
    """A letter encoded before correspDesc names its sender and recipient by their role (particDesc); its source
    is described twice, the printed edition it was taken from (an imprint of 1961-1977) and the letter itself
    (October 1889, doubted): the date is the letter's."""
    got = facts(site, "mol-4")
    assert got["From"] == "Vincent Mol" and got["To"] == "Anna Mol"
    assert got["Date"] == "October (?) 1889"
    assert "1961" not in got["Date"] and "1977" not in got["Date"]
    # a pointer to an annotation the project keeps in a file of its own: apart from the word it follows
    page = record_page(site, "mol-4")
    assert "paint them \u2192 mol.04_n1 every morning" in words(page.find_class("text")[0])
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(site / "edition.pdf").pages)
    assert "themmol" not in text and "mol.04_n1" in text


def test_a_date_the_editors_doubt_is_shown_as_printed_and_a_span_as_a_span(site):
    assert facts(site, "mol-2")["Date"] == "[March? 1889?]"  # never "1 March 1889"
    assert facts(site, "mol-3")["Date"] == "1 April 1889 – 30 June 1889"
    index = html.parse(str(site / "index.html")).getroot()
    rows = [[words(td) for td in tr.findall("td")] for tr in index.xpath("//table[@class='chronology']/tbody/tr")]
    assert [r[0] for r in rows] == ["2 May 1888", "[March? 1889?]", "1 April 1889 – 30 June 1889",
                                    "October (?) 1889"]
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(site / "edition.pdf").pages)
    assert "[March? 1889?]" in text and "1 March 1889" not in text
    # nor in the citations a reference manager reads: no date where the source doubts it, the year of a span
    page = record_page(site, "mol-2")
    assert "1889-03-01" not in html.tostring(page, encoding="unicode")
    assert "1889-03-01" not in (site / "records" / "mol-2.json").read_text(encoding="utf-8")
    span = record_page(site, "mol-3")
    assert span.xpath("//meta[@name='citation_date']/@content") == ["1889"]


def test_the_table_of_records_says_who_wrote_to_whom_and_nothing_of_translators(site):
    index = html.parse(str(site / "index.html")).getroot()
    head = [words(th) for th in index.xpath("//table[@class='chronology']/thead//th")]
    assert head == ["Date", "Record", "From → to"]  # no kind, no translator the letters do not have
    rows = [[words(td) for td in tr.findall("td")] for tr in index.xpath("//table[@class='chronology']/tbody/tr")]
    assert [r[2] for r in rows] == ["Vincent Mol → Theo Mol", "Theo Mol → Vincent Mol", "Anna Mol → Theo Mol",
                                    "Vincent Mol → Anna Mol"]
    assert "not named" not in words(index)


def test_the_previous_and_next_letters_are_linked_where_they_are_in_the_edition(site):
    page = record_page(site, "mol-2")
    got = facts(site, "mol-2")
    assert got["Previous letter"] == "Vincent Mol to Theo Mol, 2 May 1888"
    assert page.xpath("//dl[@class='facts']//a[. = 'Vincent Mol to Theo Mol, 2 May 1888']/@href") == ["./mol-1.html"]
    assert got["Next letter"] == "Vincent Mol to Theo Mol, 1890 (not in this edition)"  # no dead link
    assert facts(site, "mol-1")["Next letter"] == "Theo Mol to Vincent Mol, [March? 1889?]"


@pytest.mark.parametrize(("printed", "when"), [("17.10.[1797]", "1797-10-17"), ("10./11.02.1796", "1796-02-11")])
def test_a_date_with_a_supplied_part_or_two_days_is_shown_as_printed(tmp_path, printed, when):
    """The editor's year in brackets, or a letter written over two days: never one day the source does not give."""
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "l.xml").write_text(f"""<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="l"><teiHeader>
      <fileDesc><titleStmt><title>A letter</title></titleStmt><publicationStmt><p>Ours.</p></publicationStmt>
      <sourceDesc><p>Autograph.</p></sourceDesc></fileDesc><profileDesc><correspDesc><correspAction type="sent">
      <persName>Sophie</persName><date when="{when}">{printed}</date></correspAction></correspDesc></profileDesc>
      </teiHeader><text><body><p>Dear friend.</p></body></text></TEI>""", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "src"), "--out", str(tmp_path / "site"),
                                       "--only", "web"])
    assert result.exit_code == 0, result.output
    assert facts(tmp_path / "site", "l")["Date"] == printed


def test_an_original_and_its_translation_are_headed_by_their_kind(site):
    """A letter edition sets the original and its translation side by side as divisions without heads of their own
    (div type="original", type="translation"): each is headed by its kind, on the web and in print; a letter of one
    division is not."""
    page = record_page(site, "mol-2")
    heads = [(words(h), words(h.getparent())) for h in page.xpath("//div[contains(@class, 'div ')]/*[@class='head']")]
    assert heads == [("Original", "Original Uw schilderijen zijn goed aangekomen."),
                     ("Translation (en)", "Translation (en) Your paintings have arrived safely.1 Write soon.")]
    assert not record_page(site, "mol-1").xpath("//*[@class='head']")
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(site / "edition.pdf").pages).split())
    assert "Original Uw schilderijen zijn goed aangekomen. Translation (en) Your paintings have arrived safely." in text


def test_a_note_kept_apart_is_marked_at_the_anchor_it_names(site):
    """Letter editions keep their notes apart (div type="notes") and attach each to an anchor of the text by
    @target, TEI's point of attachment: the mark is at the anchor (the first it names: one mark, one id), and the
    note's number leads back there."""
    page = record_page(site, "mol-2")
    (mark,) = page.xpath("//a[@class='note-mark']")
    assert words(mark.getparent()) == "Your paintings have arrived safely.1 Write soon."
    assert mark.getprevious().get("id") == "mol-2-n1"  # right after the anchor
    assert not page.xpath("//div[contains(@class, 'notes')][.//a[@class='note-mark']]")
    (note,) = page.xpath("//li[@role='doc-endnote']")
    assert note.get("id") == mark.get("href")[1:] and note.find("a").get("href") == "#" + mark.get("id")
    assert "They were sent by rail from Arles." in words(note)
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(site / "edition.pdf").pages).split())
    assert text.count("They were sent by rail from Arles.") == 1


def test_a_doubted_place_an_unnamed_correspondent_and_the_writers_marginal_note(tmp_path):
    """A letter whose place of writing the editors doubt (placeName cert="low") says so, "Heidelberg(?)"; a
    correspondent the header leaves unnamed (an empty persName pointing to a register) is no empty name (", ,");
    the writer's own note in the left margin (note place="left", as DTABf encodes marginalia) stays where it was
    written, said to be in the margin, and is not among the editor's notes."""
    build_texts(tmp_path, {
        "b1.xml": (
            '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="b1"><teiHeader><fileDesc><titleStmt><title>Ursinus to '
            "Bullinger</title></titleStmt><publicationStmt><p>Ours</p></publicationStmt><sourceDesc><p>Autograph.</p>"
            "</sourceDesc></fileDesc><profileDesc><correspDesc><correspAction type='sent'><persName ref='p1'/>"
            "<placeName cert='low'>Heidelberg</placeName><date when='1570-03-01'>1 March 1570</date></correspAction>"
            "<correspAction type='received'><persName ref='p2'/><persName>Heinrich Bullinger</persName><placeName>"
            "Zürich</placeName></correspAction></correspDesc></profileDesc></teiHeader><text><body><div><p>Gratia "
            "et pax.<note place='left'>Cito</note> Vale.<note>The editor's note.</note></p></div></body></text></TEI>"),
    }, "--only", "web")
    got = facts(tmp_path / "site", "b1")
    assert got["From"] == "Heidelberg(?)" and got["To"] == "Heinrich Bullinger, Zürich"
    page = record_page(tmp_path / "site", "b1")
    (p,) = page.find_class("text")[0].xpath(".//p[contains(., 'Gratia')]")
    assert words(p) == "Gratia et pax.(in the left margin: Cito) Vale.1"
    assert [words(li) for li in page.xpath("//ul[@class='notes']/li")] == ["1 The editor's note."]


def test_in_print_the_sources_own_reading_is_a_footnote_not_a_second_word(tmp_path):
    """A letter's abbreviations and corrections (choice: abbr/expan, sic/corr, as letter editions encode them): the
    web page hides the source's reading until asked; the printed page cannot, and the two side by side would read
    as two words of the letter ("Doktor Dr", "the teh"): in print the source's reading is a footnote, said to be the
    source's."""
    site = build_texts(tmp_path, {
        "e1.xml": (
            '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="e1"><teiHeader><fileDesc><titleStmt><title>To Escher'
            "</title></titleStmt><publicationStmt><p>Ours</p></publicationStmt><sourceDesc><p>Autograph.</p>"
            "</sourceDesc></fileDesc></teiHeader><text><body><p>Dear <choice><abbr>Dr</abbr><expan>Doktor</expan>"
            "</choice> Escher, <choice><sic>teh</sic><corr>the</corr></choice> letter came.</p></body></text></TEI>"),
    })
    text = " ".join(subprocess.run(["pdftotext", str(site / "edition.pdf"), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())
    assert "Dear Doktor1 Escher, the2 letter came." in text
    assert "1. abbreviated: Dr" in text and "2. the source has: teh" in text


def test_a_postmark_dated_by_its_iso_attributes_is_shown_as_its_day(tmp_path):
    """A letter edition that dates a postmark by TEI's ISO 8601 attributes (att.datable.iso: notBefore-iso,
    notAfter-iso, a window of an hour) and prints the ISO forms as the date's text: the letter is of that day, in
    words; never the day glued to the rest of the ISO text ("23 December 1964T14:00:01+01:00/..."). The date of
    receipt is read the same way."""
    build_texts(tmp_path, {
        "p1.xml": (
            '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="p1"><teiHeader><fileDesc><titleStmt><title>A card'
            "</title></titleStmt><publicationStmt><p>Ours</p></publicationStmt><sourceDesc><p>Autograph.</p>"
            "</sourceDesc></fileDesc><profileDesc><correspDesc><correspAction type='sent'><persName>Wystan"
            "</persName><placeName>Berlin</placeName><date notBefore-iso='1964-12-23T14:00:01+01:00' "
            "notAfter-iso='1964-12-23T15:00:00+01:00'>1964-12-23T14:00:01+01:00/1964-12-23T15:00:00+01:00</date>"
            "</correspAction><correspAction type='received'><persName>Stella</persName><date "
            "when-iso='1964-12-28'>1964-12-28</date></correspAction></correspDesc></profileDesc></teiHeader>"
            "<text><body><p>Happy Christmas.</p></body></text></TEI>"),
    }, "--only", "web")
    got = facts(tmp_path / "site", "p1")
    assert got["Date"] == "23 December 1964"
    assert got["To"] == "Stella, received 28 December 1964"


def test_a_letter_passed_on_on_its_way_says_by_whom_and_to_whom(tmp_path):
    """A letter's way between sending and receipt (correspAction type="transmitted": the post office that stamped
    it, with the day; "redirected": sent on to a new address; "forwarded"): each a fact of its own, in the order of
    the way, between From and To; the table of records still says who wrote to whom."""
    build_texts(tmp_path, {
        "w1.xml": (
            '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="w1"><teiHeader><fileDesc><titleStmt><title>A card'
            "</title></titleStmt><publicationStmt><p>Ours</p></publicationStmt><sourceDesc><p>Autograph.</p>"
            "</sourceDesc></fileDesc><profileDesc><correspDesc><correspAction type='sent'><persName>Wystan"
            "</persName><placeName>Berlin</placeName><date when='1964-12-23'/></correspAction>"
            "<correspAction type='transmitted'><orgName>Post office Ober-Grafendorf</orgName><placeName>"
            "Ober-Grafendorf</placeName><date when='1964-12-28'>28.12.64</date></correspAction>"
            "<correspAction type='redirected'><persName>Elsa</persName><placeName>Fridau</placeName>"
            "</correspAction><correspAction type='received'><persName>Stella</persName><placeName>Vienna"
            "</placeName></correspAction></correspDesc></profileDesc></teiHeader>"
            "<text><body><p>Happy Christmas.</p></body></text></TEI>"),
    }, "--only", "web")
    got = list(facts(tmp_path / "site", "w1").items())
    assert got[:5] == [("Date", "23 December 1964"), ("From", "Wystan, Berlin"),
                       ("Transmitted by", "Post office Ober-Grafendorf, Ober-Grafendorf, 28 December 1964"),
                       ("Redirected to", "Elsa, Fridau"), ("To", "Stella, Vienna")]
    index = html.parse(str(tmp_path / "site" / "index.html")).getroot()
    assert "Wystan \u2192 Stella" in [words(td) for td in index.xpath("//td")]


def test_an_interpretation_in_the_header_is_a_commentary_entry_keyed_by_its_passage(tmp_path):
    """A letter edition's commentary kept in the header (interpGrp/interp, as the Auden-Musulin Papers keep theirs
    in editionStmt) and pointed to from the passages it comments on (@ana): each passage is followed by a mark (c1,
    c2) that leads to its entry; the entries follow the text, each keyed by the words of its passages (a long
    passage by its first and last word), which lead back to their marks; an entry no passage points to is kept;
    an @ana that points to a category of a taxonomy (ParlaMint's kind of speech) is no commentary. The same on
    the plain text and in print."""
    site = build_texts(tmp_path, {
        "k1.xml": (
            '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="k1"><teiHeader><fileDesc><titleStmt><title>To Stella'
            "</title></titleStmt><editionStmt><edition>Digital edition<interpGrp type='commentary'><interp "
            "xml:id='i1'><desc>She recalls this in her memoirs.</desc></interp><interp xml:id='i2'>Bunting's book."
            "</interp><interp xml:id='i3'>A loose remark of the editors.</interp></interpGrp></edition>"
            "</editionStmt><publicationStmt><p>Ours</p></publicationStmt><sourceDesc><p>Autograph.</p>"
            "</sourceDesc></fileDesc><encodingDesc><classDecl><taxonomy><category xml:id='chair'><catDesc>Chair"
            "</catDesc></category></taxonomy></classDecl></encodingDesc></teiHeader><text><body><p><rs ana='#i1'>It "
            "was sweet of you to think of me at Christmas</rs>, he wrote. <seg ana='#chair'>Read</seg> "
            "<rs ana='#i2 #i1'>the book</rs>.</p></body></text></TEI>"),
    })
    page = record_page(site, "k1")
    (p,) = page.find_class("text")[0].xpath(".//p[contains(., 'sweet')]")
    assert words(p) == "It was sweet of you to think of me at Christmasc1, he wrote. Read the bookc2c1."
    entries = page.xpath("//section[contains(@class, 'commentary')]//li")
    assert [words(li) for li in entries] == [
        "c1 It \u2026 Christmas] the book] commentary: She recalls this in her memoirs.",
        "c2 the book] commentary: Bunting's book.", "c3 commentary: A loose remark of the editors."]
    marks = p.xpath(".//a[contains(@class, 'comment-mark')]")
    assert [m.get("href") for m in marks] == ["#i1", "#i2", "#i1"]
    backs = [a.get("href")[1:] for a in entries[0].xpath(".//a[@class='lemma']")]
    assert backs == [marks[0].get("id"), marks[2].get("id")] and len(set(backs)) == 2
    assert [li.get("id") for li in entries] == ["i1", "i2", "i3"]
    plain = (site / "records" / "k1.txt").read_text(encoding="utf-8")
    assert "[c2] the book] commentary: Bunting's book." in plain
    text = " ".join(subprocess.run(["pdftotext", str(site / "edition.pdf"), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())
    assert "Christmasc1, he wrote." in text
    assert "Commentary c1 It \u2026 Christmas] the book] commentary: She recalls this in her memoirs." in text
