"""An inscription encoded as EpiDoc encodes one (our own, ``fixtures/inscription.xml``) is printed in the Leiden
conventions, as an epigraphist reads them, on the web and in print; each mark is explained by what the TEI says,
never by a translator or a publisher it does not name. TEI in general gets no such false explanation either."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import html

from edition.cli import main

from ..conftest import build_texts, record_page, words

FIXTURE = Path(__file__).parent / "fixtures" / "inscription.xml"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("leiden")
    (tmp / "src").mkdir()
    shutil.copy(FIXTURE, tmp / "src")
    result = CliRunner().invoke(main, ["build", str(tmp / "src"), "--out", str(tmp / "site")])
    assert result.exit_code == 0, result.output
    assert "warning" not in result.output  # every element of the inscription has a rendering
    return tmp / "site"


def tei(rid: str, title: str, source: str, body: str) -> str:
    """A record of our own: its id, title, source description and body."""
    return (f'<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="{rid}"><teiHeader><fileDesc><titleStmt><title>{title}'
            f"</title></titleStmt><publicationStmt><p>Ours</p></publicationStmt><sourceDesc>{source}</sourceDesc>"
            f"</fileDesc></teiHeader><text><body>{body}</body></text></TEI>")


def pdf_words(site: Path) -> str:
    """The print edition's text as pdftotext reads it (the layout's accents kept), its spaces as one."""
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(site / "edition.pdf"), "-"], capture_output=True, text=True).stdout
    else:  # pragma: no cover - CI installs poppler-utils
        import pypdf
        text = "\n".join(p.extract_text() for p in pypdf.PdfReader(site / "edition.pdf").pages)
    return " ".join(text.split())


def lines(el: html.HtmlElement) -> list[str]:
    """The text of an element as lines: a line ends at each <br>; spaces as a reader sees them."""
    copy = html.fromstring(html.tostring(el))
    for br in copy.iter("br"):
        br.tail = "\n" + (br.tail or "")
    return [" ".join(line.split()) for line in copy.text_content().split("\n") if line.strip()]


@pytest.fixture(scope="module")
def page(site) -> html.HtmlElement:
    return record_page(site, "epitaph-gaius")


def test_the_text_is_printed_line_by_line_in_the_leiden_conventions(page):
    (edition,) = page.xpath("//div[contains(@class, 'edition')]")
    assert edition.find("h2").text_content() == "Text"  # EpiDoc's division, headed by what it is
    (ab,) = edition.xpath("p")
    got = lines(ab)
    assert got[:7] == [
        "1 D(is) ❦ M(anibus)",  # the first line numbered, an expansion in parentheses, a glyph by its mapping
        "[Ga]ius [Val?]erius",  # lost and restored; uncertain
        "[---]rius [..]it [.7.]",  # a lacuna of unknown extent, of two and of seven letters
        "[c. 5] ... v\u0323i\u0323x\u0323it",  # an approximate lacuna, three illegible letters, unclear letters
        "5 annos XX(rum?) coh(- - -) ⟦Getae⟧ fi`l´io",  # every fifth line numbered; abbreviation mark left out;
        # an uncertain expansion; an abbreviation not resolved; an erasure; a letter added above the line
        "pientis{s}imo ⸢filio⸣ caro <et> vac. 3 sibi",  # superfluous, corrected, regularised, omitted, a space
        "(hand h2) po-",  # a new hand; a word broken over the line, its line ending with a hyphen
    ]
    assert got[7].startswith("suit /mater\\ bene")  # ... joined without a space; added below the line
    assert got[8] == "[---filius pro I]vir"  # lost text side by side is one lacuna: one pair of brackets
    # restored from an earlier copy of the stone; from a parallel text (underlined)
    assert got[9] == "10 \u2308merenti\u2309 fecit"
    assert got[10] == "ab\u27e6[c]\u27e7[---]"  # lost text within an erasure, a lacuna after it: two
    (parallel,) = edition.xpath(".//span[contains(@class, 'underline')]")
    assert parallel.text_content() == "fecit" and parallel.get("title") == "supplied; undefined; from a parallel text"
    assert got[-1] == "- - - - - -"  # lines lost


def test_each_mark_is_explained_by_what_the_tei_says(page):
    text = page.find_class("text")[0]
    titles = {words(e): e.get("title") for e in text.xpath(".//*[@title]")}
    assert titles["[Val?]"] == "supplied; lost; uncertain"
    assert titles["[.7.]"] == "gap; lost; 7 characters"
    assert titles["⟦Getae⟧"] == "deleted; erasure"
    assert not [t for t in titles.values() if re.search("translator|publisher", t)]
    (app,) = text.xpath(".//span[@class = 'app']")  # a variant: the lemma, its mark, the other reading beside it
    assert app.get("title") == "BENE Smith" and app.text_content().startswith("benea (BENE Smith")


def test_the_apparatus_is_a_list_of_entries_by_line(page):
    (apparatus,) = page.xpath("//div[contains(@class, 'apparatus')]")
    assert [words(li) for li in apparatus.xpath("ul/li")] == [
        "5 XXI] XXII Smith", "7 the second hand is smaller",
        "B 9 filius] filio Smith corrected"]  # a part's apparatus within the apparatus, a witness's detail
    # the apparatus's note is its entry's: no note of its own (the one mark is the variant's in the text)
    assert [m.get("class") for m in page.find_class("note-mark")] == ["note-mark app-mark"]
    assert not page.xpath("//section[@class = 'notes']")
    (translation,) = page.xpath("//div[contains(@class, 'translation')]")
    assert translation.find("h2").text_content() == "Translation (en)"


def test_the_print_edition_prints_the_same_marks(site):
    flat = pdf_words(site)
    for printed in ("1 D(is) ❦ M(anibus)", "[Ga]ius [Val?]erius", "[---]rius [..]it [.7.]", "⟦Getae⟧ fi`l´io",
                    "pientis{s}imo ⸢filio⸣ caro <et> vac. 3 sibi", "5 XXI] XXII Smith", "a bene] BENE Smith",
                    "\u2308merenti\u2309 fecit"):
        assert printed in flat


def test_tei_in_general_says_nothing_of_a_translator_or_a_publisher(tmp_path):
    """A letter's editor supplies a word and marks a gap: the explanation is the TEI's reason and who, if anyone."""
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "letter.xml").write_text("""<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="l1">
      <teiHeader><fileDesc><titleStmt><title>A letter</title><respStmt xml:id="ed"><resp>edited by</resp>
      <persName>Lena Fischer</persName></respStmt></titleStmt><publicationStmt><p>Ours.</p>
      </publicationStmt><sourceDesc><p>Autograph.</p></sourceDesc></fileDesc></teiHeader>
      <text><body><p>Dear <supplied reason="illegible" resp="#ed">Jan</supplied>, the <gap reason="damage"/> is
      done.</p></body></text>
    </TEI>""", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "src"), "--out", str(tmp_path / "site"),
                                       "--only", "web"])
    assert result.exit_code == 0, result.output
    text = record_page(tmp_path / "site", "l1").find_class("text")[0]
    (supplied,) = text.find_class("supplied")
    assert supplied.text_content() == "[Jan]" and supplied.get("title") == "supplied; illegible; by Lena Fischer"
    (gap,) = text.find_class("gap")
    assert gap.text_content() == "[...]" and gap.get("title") == "gap; damage"


def test_an_edition_may_choose_leiden_for_records_that_do_not_declare_it(tmp_path):
    """A project of papyri in plain TEI (no EpiDoc schema, no edition division) says so in edition.toml."""
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "p1.xml").write_text("""<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="p1">
      <teiHeader><fileDesc><titleStmt><title>A papyrus</title></titleStmt><publicationStmt><p>Ours.</p>
      </publicationStmt><sourceDesc><p>A papyrus.</p></sourceDesc></fileDesc></teiHeader>
      <text><body><ab><lb n="1"/>καὶ <supplied reason="lost">ἐγ</supplied>ένετο</ab></body></text>
    </TEI>""", encoding="utf-8")
    def build() -> str:
        result = CliRunner().invoke(main, ["build", str(tmp_path / "src"), "--out", str(tmp_path / "site"),
                                           "--only", "web"])
        assert result.exit_code == 0, result.output
        text = record_page(tmp_path / "site", "p1").find_class("text")[0]
        return words(text)

    assert build() == "καὶ [ἐγ]ένετο"  # TEI in general: the line's number is no text of it
    (tmp_path / "edition.toml").write_text('conventions = "leiden"\n', encoding="utf-8")
    assert build() == "1 καὶ [ἐγ]ένετο"
    (tmp_path / "edition.toml").write_text('conventions = "leyden"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "src"), "--out", str(tmp_path / "site")])
    assert result.exit_code == 1 and "conventions must be one of leiden, not 'leyden'" in result.output


def test_the_description_of_the_stone_is_shown_as_scholars_read_it(page):
    """msDesc beyond its identifier: the physical description, the origin's place and date, the provenance."""
    (described,) = page.xpath("//section[@class='source-description']")
    fields = {words(e) for e in described.xpath(".//span[span[@class='label']]")}
    assert {"Material: marble", "Object: stele", "Dimensions: 60 × 40 cm", "Place: Zenda",
            "Date: second century AD"} <= fields
    assert "Found in 1850 by the bridge." in described.text_content()
    assert [words(p) for p in described.xpath(".//p[@class='label']")] == [
        "Physical description", "Support", "Layout", "History", "Origin", "Provenance"]


def test_the_stones_numbers_are_read_by_their_type(page):
    """EpiDoc gives a museum's number its kind (idno type="inventory") and an earlier one in an altIdentifier
    (type="old"): the source statement says which is which, and leaves out what is empty."""
    (dl,) = page.xpath("//dl[@class='facts']")
    got = {words(dt): words(dt.getnext())
           for dt in dl.findall("dt")}
    assert got["Source"] == "Museum of Zenda, inv. 123, formerly S 45"


def test_a_variant_within_a_lemma_is_shown_where_it_stands_and_not_again_in_the_outer_readings(tmp_path):
    build_texts(tmp_path, {
        "elegy.xml": (
            '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Elegy</title></titleStmt>'
            "<publicationStmt><p>Ours</p></publicationStmt><sourceDesc><listWit><witness xml:id='A'>A</witness>"
            "<witness xml:id='C'>C</witness></listWit></sourceDesc></fileDesc></teiHeader><text><body><lg>"
            '<l n="1"><app><lem><app><lem>at</lem><rdg wit="#A">et</rdg></app> non sic</lem><rdg wit="#C"/></app>'
            " mota est</l></lg></body></text></TEI>"),
    }, "--only", "web")
    page = record_page(tmp_path / "site", "elegy")
    (line,) = page.xpath("//div[@class = 'l']")
    # (the letters in the order of their marks: the variant within the lemma first)
    assert words(line) == "1 ata (et A) non sicb (om. C) mota est"


def test_readings_grouped_by_their_witnesses_are_set_apart_from_the_readings_before_them(tmp_path):
    """A critical edition groups readings (rdgGrp, as the Patristic Text Archive groups a family's): each reading is
    set apart from the one before it, within the group and across its bounds, in the page and in an apparatus."""
    build_texts(tmp_path, {
        "homily.xml": (
            '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Homily</title></titleStmt>'
            "<publicationStmt><p>Ours</p></publicationStmt><sourceDesc><listWit><witness xml:id='L'>L</witness>"
            "<witness xml:id='P'>P</witness><witness xml:id='V'>V</witness></listWit></sourceDesc></fileDesc>"
            "</teiHeader><text><body><p>Dixit <app><lem>frater</lem><rdg wit='#L'>pater</rdg><rdgGrp><rdg wit='#P'>"
            "mater</rdg><rdg wit='#V'>soror</rdg></rdgGrp></app> tunc.</p><listApp><app loc='1'><lem>frater</lem>"
            "<rdgGrp><rdg wit='#P'>mater</rdg></rdgGrp><rdg wit='#L'>pater</rdg></app></listApp></body></text></TEI>"),
    }, "--only", "web")
    page = record_page(tmp_path / "site", "homily")
    (variant,) = page.xpath("//p[contains(., 'Dixit')]")
    assert words(variant) == "Dixit fratera (pater L; mater P; soror V) tunc."
    (entry,) = page.xpath("//ul[@class = 'apparatus']/li")  # the apparatus of the edition's own, not the variants'
    assert words(entry) == "1 frater] mater P; pater L"


def test_an_editors_reading_is_named_by_what_the_editor_did(tmp_path):
    """A reading no witness has, the editor's (lem or rdg with @resp, no @wit), is given with what the editor did
    where its type says so, as an apparatus abbreviates it: "corr. Stockhausen", "coni. Maas"; a reading of an
    untyped responsibility by the name alone."""
    build_texts(tmp_path, {
        "homily.xml": (
            '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Homily</title>'
            "<respStmt><resp>ed.</resp><persName xml:id='AvS'>Stockhausen</persName></respStmt><respStmt><resp>"
            "ed.</resp><persName xml:id='PM'>Maas</persName></respStmt></titleStmt><publicationStmt><p>Ours</p>"
            "</publicationStmt><sourceDesc><listWit><witness xml:id='E'>E</witness><witness xml:id='S'>S</witness>"
            "</listWit></sourceDesc></fileDesc></teiHeader><text><body><p>Dixit <app><lem resp='#AvS' "
            "type='correction'>διὰ τί</lem><rdg wit='#E #S'>διατί</rdg></app> tunc <app><lem wit='#E'>ei</lem>"
            "<rdg resp='#PM' type='conjecture'>eis</rdg><rdg resp='#AvS'>eius</rdg></app>.</p></body></text></TEI>"),
    }, "--only", "web")
    page = record_page(tmp_path / "site", "homily")
    (apparatus,) = page.xpath("//section[contains(@class, 'variants')]")
    assert [words(li) for li in apparatus.xpath(".//li")] == [
        "a διὰ τί corr. Stockhausen] διατί E S", "b ei E] eis coni. Maas; eius Stockhausen"]


def test_the_variants_in_a_text_have_an_apparatus_lettered_apart_from_the_notes_on_the_web_and_in_print(tmp_path):
    """A critical text in parallel segmentation (the Patristic Text Archive's homilies): each variant's lemma is marked
    by a letter (critical editions letter the apparatus, number the notes) that leads to its entry after the text,
    "lemma] reading witnesses" (a long lemma by its first and last word); the readings are no deletions; the plain
    text keeps both; in print each entry is a footnote lettered apart from the numbered notes."""
    site = build_texts(tmp_path, {
        "sermo.xml": tei(
            "s1", "Sermo", "<listWit><witness xml:id='L'>Laurentianus</witness><witness xml:id='P'>Parisinus"
            "</witness></listWit>",
            "<p>Dixit <app><lem>frater</lem><rdg wit='#L'>pater</rdg></app> tunc<note>Cf. Mt 5.</note> <app><lem "
            "wit='#L'>et dixit ei magna voce</lem><rdg wit='#P'/></app> amen<note>Amen sic.</note>. <app><rdgGrp>"
            "<lem wit='#L'>Deus</lem><rdg wit='#P'>Deos</rdg></rdgGrp><rdg wit='#P'>Dominus</rdg></app> dixit.</p>"),
    })
    page = record_page(site, "s1")
    (p,) = page.xpath("//div[contains(@class, 'text')]/p")
    assert [m.text_content() for m in p.xpath(".//a[contains(@class, 'note-mark')]")] == ["a", "1", "b", "2", "c"]
    (apparatus,) = page.xpath("//section[contains(@class, 'variants')]")
    entries = [words(li) for li in apparatus.xpath(".//li")]
    # (a lemma in a group of readings is the lemma still: the text shows it)
    assert entries == ["a frater] pater L", "b et … voce L] om. P", "c Deus L] Deos P; Dominus P"]
    for mark in p.xpath(".//a[contains(@class, 'app-mark')]"):  # each mark leads to its entry and back
        (entry,) = page.xpath(f"//li[@id = '{mark.get('href')[1:]}']")
        assert entry.find("a").get("href") == "#" + mark.get("id")
    css = (site / "edition.css").read_text(encoding="utf-8")
    assert "#show-original:checked ~ .text .app .alt { display: inline; color: var(--muted); }" in css
    plain = (site / "records" / "s1.txt").read_text(encoding="utf-8")
    assert "Dixit frater[a] tunc[1] et dixit ei magna voce[b] amen[2]." in plain
    assert "[a] frater] pater L" in plain and "[2] Amen sic." in plain
    flat = pdf_words(site)
    assert "Dixit fratera tunc1 et dixit ei magna voceb amen2. Deusc dixit." in flat
    assert all(f in flat for f in ("a frater] pater L", "1. Cf. Mt 5.", "b et … voce L] om. P", "2. Amen sic."))


def test_a_reading_whose_words_are_lost_or_illegible_is_no_omission(tmp_path):
    """A witness whose words are lost or illegible at a variant (rdg holding a gap, in a critical text that does
    not follow the Leiden conventions) does not omit them: its reading is the gap as the text shows one, in the
    variant's summary as in its entry, never "om."; a reading with nothing in it is an omission."""
    site = build_texts(tmp_path, {
        "sermo.xml": tei(
            "s1", "Sermo", "<listWit><witness xml:id='L'>Laurentianus</witness><witness xml:id='P'>Parisinus"
            "</witness></listWit>",
            "<p>Dixit <app><lem wit='#L'>erat verbum</lem><rdg wit='#P'>erat <gap reason='illegible'/></rdg></app> "
            "et <app><lem wit='#L'>lux</lem><rdg wit='#P'><gap reason='lost'/></rdg></app> et <app><lem wit='#L'>"
            "vita</lem><rdg wit='#P'/></app>.</p>"),
    }, "--only", "web")
    page = record_page(site, "s1")
    assert [a.get("title") for a in page.xpath("//span[@class='app']")] == ["erat [...] P", "[...] P", "om. P"]
    (apparatus,) = page.xpath("//section[contains(@class, 'variants')]")
    assert [words(li) for li in apparatus.xpath(".//li")] == [
        "a erat verbum L] erat [...] P", "b lux L] [...] P", "c vita L] om. P"]


def test_the_witnesses_of_a_critical_edition_are_named_and_a_lemma_alone_adds_nothing_beside_it(tmp_path):
    """The sigla of the apparatus are explained where the header lists the witnesses (sourceDesc/listWit: a witness
    described elsewhere by what it points to, its leaves by their bounds); an entry that only gives its lemma's
    witnesses shows the lemma, with no empty parentheses after it."""
    build_texts(tmp_path, {
        "hymn.xml": (
            '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Hymn</title></titleStmt>'
            "<publicationStmt><p>Ours</p></publicationStmt><sourceDesc><listWit><witness xml:id='S' corresp='MS17'/>"
            "<witness xml:id='W1'><idno>MS20</idno><locus from='5va' to='5vb'/></witness></listWit></sourceDesc>"
            "</fileDesc></teiHeader><text><body><lg><l n='1'>Praise <app><lem wit='#S'>the light</lem></app> and"
            " <app><lem wit='#S'>the morning</lem><rdg wit='#W1'>the evening</rdg></app></l><l n='2'>for ev<pb "
            "n='6r'/><cb n='a'/>er and.<pb n='6v'/>Amen</l></lg></body></text></TEI>"),
    }, "--only", "web")
    page = record_page(tmp_path / "site", "hymn")
    lines = page.xpath("//div[@class = 'l']")
    assert words(lines[0]) == "1 Praise the light and the morninga (the evening W1)"
    # a leaf and a column that begin inside a word part no words; after a full stop they do
    assert words(lines[1]) == "2 for ev6raer and.6v Amen"
    (witnesses,) = page.xpath("//section[contains(@class, 'witnesses')]//dl")
    assert [words(e) for e in witnesses] == ["S", "MS17", "W1", "MS20 5va–5vb"]


def test_a_readings_leiden_marks_stay_beside_the_lemma_and_its_ids_only_in_the_apparatus(tmp_path):
    """A papyrus's variant whose reading restores lost letters: shown beside the lemma (for a reader who shows the
    source's readings) the reading keeps its brackets, [βα]σιλέως, as its entry does; an id in the reading is the
    entry's alone, so that every id of the page is one element's."""
    site = build_texts(tmp_path, {
        "p3.xml": tei(
            "p3", "A receipt", "<p>A papyrus.</p>",
            "<div type='edition'><ab><lb n='1'/><app><lem>βασιλέως</lem><rdg><supplied reason='lost' xml:id='r1'>βα"
            "</supplied>σιλέως</rdg></app> ἔτους</ab></div>"),
    }, "--only", "web")
    page = record_page(site, "p3")
    (alt,) = page.xpath("//div[contains(@class, 'edition')]//span[contains(@class, 'alt')]")
    assert words(alt) == "([βα]σιλέως)"
    (entry,) = page.xpath("//section[contains(@class, 'variants')]//li")
    assert words(entry) == "a βασιλέως] [βα]σιλέως"
    ids = page.xpath("//@id")
    assert len(ids) == len(set(ids)) and page.xpath("//section[contains(@class, 'variants')]//*[@id = 'r1']")


def test_the_earlier_editions_the_source_description_lists_are_shown_and_the_apparatus_leads_to_them(tmp_path):
    """A critical edition lists the earlier editions in its source description (sourceDesc/listBibl, reprints in a
    list under the edition they reprint, as the Patristic Text Archive does) and its apparatus names them by
    pointer: they are shown, each reprint under its edition, and the pointers lead to them."""
    site = build_texts(tmp_path, {
        "epistula.xml": tei(
            "e1", "Epistula", "<listBibl><head>Earlier editions</head><bibl xml:id='Cot'>Cotelier, Monumenta II, 1681"
            "</bibl><listBibl><head>Reprints of Cotelier</head><bibl xml:id='Mig'>Migne, PG 39, 1863</bibl></listBibl>"
            "</listBibl>",
            "<p>Salve <app><lem>frater</lem><rdg source='#Mig'>pater</rdg></app> (<ref target='#Cot'>Cotelier</ref>)."
            "</p>"),
    }, "--only", "web")
    page = record_page(site, "e1")
    (sources,) = page.xpath("//section[contains(@class, 'sources')]")
    assert [words(e) for e in sources.xpath(".//*[self::h2 or self::h3 or self::li"
                                                                       "[not(*[self::section])]]")] == [
        "Earlier editions", "Cotelier, Monumenta II, 1681", "Reprints of Cotelier", "Migne, PG 39, 1863"]
    ids = set(page.xpath("//@id"))
    assert page.xpath("//a[. = 'Cotelier']/@href") == ["#Cot"] and "Cot" in ids and "Mig" in ids


def test_a_witnesss_page_is_named_by_its_siglum_and_set_apart_in_print_as_on_the_web(tmp_path):
    """A critical edition marks where each manuscript's leaves begin (pb edRef="#Vi"): the siglum is printed with the
    leaf, [Vi 113v], set apart from the words on the web and in print; a line over letters (EpiDoc's numerals,
    hi rend="supraline") is drawn in both."""
    site = build_texts(tmp_path, {
        "homilia.xml": tei(
            "h1", "Homilia", "<listWit><witness xml:id='Vi'>Vindobonensis</witness></listWit>",
            "<p>Deus <pb edRef='#Vi' n='113v'/>caritatis est, anno <hi rend='supraline'>αϙ</hi>.</p>"),
    })
    page = record_page(site, "h1")
    (pb,) = page.xpath("//span[@class = 'pb']")
    assert pb.text_content().strip() == "Vi 113v" and pb.get("title") == "page 113v of Vi"
    for sheet in (site / "edition.css", Path(__file__).parents[2] / "xslt" / "print.css"):
        css = sheet.read_text(encoding="utf-8")
        assert '.pb:not(.page)::before { content: "["; }' in css, sheet
        assert ".supraline, .overline, .overbar { text-decoration: overline; }" in css, sheet
    assert "Deus [Vi 113v] caritatis est" in pdf_words(site)


def test_a_blank_space_measured_roughly_is_printed_as_roughly(tmp_path):
    """EpiDoc's space precision="low": the stone left about five letters blank, "vac. c. 5", as a gap of about five
    is "[c. 5]"; a space measured exactly stays "vac. 3"."""
    build_texts(tmp_path, {
        "stone.xml": tei(
            "s2", "A stone", "<p>A stone.</p>",
            "<div type='edition'><ab><lb n='1'/>Διὶ <space quantity='5' unit='character' precision='low'/> Σωτῆρι "
            "<space quantity='3' unit='character'/> καὶ <gap reason='lost' quantity='5' unit='character' "
            "precision='low'/></ab></div>"),
    }, "--only", "web")
    page = record_page(tmp_path / "site", "s2")
    (ab,) = page.xpath("//div[contains(@class, 'edition')]//*[contains(., 'Διὶ')][not(*[contains(., 'Διὶ')])]")
    assert words(ab) == "1 Διὶ vac. c. 5 Σωτῆρι vac. 3 καὶ [c. 5]"


def test_a_standard_division_the_template_left_blank_gets_no_heading(tmp_path):
    """EpiDoc files keep their template's divisions where there is nothing to say (<app><note/></app>, <p/>): no
    "Apparatus" or "Commentary" heads an empty space; a division with words is headed."""
    build_texts(tmp_path, {
        "stele.xml": tei(
            "s3", "A stele", "<p>A stele.</p>",
            "<div type='edition'><ab><lb n='1'/>Διὶ Σωτῆρι</ab></div><div type='apparatus'><listApp><app><note/></app>"
            "</listApp></div><div type='translation'><p>To Zeus the Saviour</p></div><div type='commentary' "
            "xml:id='comm'><p/></div>"),
    }, "--only", "web")
    page = record_page(tmp_path / "site", "s3")
    assert [words(h) for h in page.find_class("text")[0].xpath(".//h2")] == [
        "Text", "Translation"]
    assert page.xpath("//div[@id = 'comm']")  # (its id kept: a link to it leads somewhere)


def test_a_critical_edition_of_a_literary_text_keeps_its_own_conventions(tmp_path):
    """Its edition division (div type="edition", as EpiDoc names one) holds prose, not lines of a stone: its
    abbreviations and sigla are no Leiden abbreviations left unresolved ("V(- - -)")."""
    build_texts(tmp_path, {
        "oratio.xml": (
            '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Oratio</title></titleStmt>'
            "<publicationStmt><p>Ours</p></publicationStmt><sourceDesc><listWit><witness xml:id='V'><abbr "
            "type='siglum'>V</abbr> Vaticanus</witness></listWit></sourceDesc></fileDesc></teiHeader><text><body>"
            "<div type='edition'><p>Dixit <abbr>p<am>.</am></abbr> Petrus <app><lem>orator</lem><rdg wit='#V'>auctor"
            "</rdg></app>.</p></div></body></text></TEI>"),
    }, "--only", "web")
    text = record_page(tmp_path / "site", "oratio").find_class("text")[0]
    assert "- - -" not in text.text_content()


def test_the_readings_a_correction_sets_aside_are_printed_and_every_letter_stays_in_the_pdfs_text(tmp_path):
    """A papyrus's regularised and corrected words: the text's own reading is in an apparatus by line after the
    edition (papyri.info prints the DDbDP's so), not only in a title the PDF cannot show; and an accented letter
    read as unclear (ί with its dot below) leaves that letter in the PDF's text, there and wherever it recurs."""
    site = build_texts(tmp_path, {
        "papyrus.xml": (
            '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="p2"><teiHeader><fileDesc><titleStmt><title>A sale'
            "</title></titleStmt><publicationStmt><p>Ours</p></publicationStmt><sourceDesc><p>A papyrus.</p>"
            "</sourceDesc></fileDesc></teiHeader><text><body><div type='edition' xml:lang='grc'><ab>"
            '<lb n="1"/>ἐπρ<unclear>ί</unclear>ατο Νικίας <choice><reg>ἔχειν</reg><orig>ἔχιν</orig></choice>'
            '<lb n="2"/>Ἀβά<choice><corr>σ</corr><sic>ε</sic></choice>καν τρίτα</ab></div></body></text></TEI>'),
    })
    page = record_page(site, "p2")
    (readings,) = page.xpath("//section[@class = 'readings']")
    assert [words(li) for li in readings.xpath(".//li")] == [
        "1 ἔχειν: regularised; the text has ἔχιν", "2 σ: corrected; the text has ε"]
    flat = pdf_words(site)
    assert "ἐπρί\u0323ατο Νικίας ἔχειν" in flat and "Ἀβά⸢σ⸣καν τρίτα" in flat
    assert "2 σ: corrected; the text has ε" in flat


def test_what_the_tei_doubts_is_marked_and_a_note_on_a_restoration_follows_its_brackets(tmp_path):
    """EpiDoc: a regularised form the editor doubts (reg cert="low") is marked "(?)", as it would be in print; an
    editor's note at the end of a restoration has its mark after the closing bracket, never inside it; an entry of
    the apparatus with nothing in it (<app><note/></app> in the text) is no entry. The date of the stone, printed
    in two languages and doubted by a certainty element ("1462 or 1472"), is shown in the site's language as
    printed, never as the one year its attributes give nor both languages run together."""
    build_texts(tmp_path, {
        "cornice.xml": tei(
            "s9", "A cornice", "<msDesc><msIdentifier><idno>Inv. 9</idno></msIdentifier><history><origin>"
            "<origDate notBefore='1462' notAfter='1462'><seg xml:lang='ru'>1462 или 1472 гг.</seg> "
            "<seg xml:lang='en'>1462 or 1472 C.E.</seg><certainty locus='value' match='../@notBefore' "
            "assertedValue='1472'/></origDate></origin></history></msDesc>",
            "<div type='edition'><ab><lb n='1'/>τὸ <choice><orig>κέντρον</orig><reg cert='low'>κάστρον</reg></choice>"
            " καὶ <supplied reason='lost'>ὀχυρώματα<note>e.g.</note></supplied> <app><note/></app>τῆς</ab></div>"),
    }, "--only", "web")
    page = record_page(tmp_path / "site", "s9")
    (ab,) = page.xpath("//div[contains(@class, 'edition')]//*[contains(., 'καὶ')][not(*[contains(., 'καὶ')])]")
    assert words(ab) == "1 τὸ κάστρον(?) καὶ [ὀχυρώματα]1 τῆς"
    assert not page.find_class("variants")  # (no apparatus of variants for an empty entry)
    (dt,) = page.xpath("//dl[@class='facts']/dt[. = 'Date']")
    assert words(dt.getnext()) == "1462 or 1472 C.E."


def test_letters_read_two_ways_are_alternatives_never_run_together(tmp_path):
    """EpiDoc's ambiguous letters (choice of two unclear readings, as an erased name that may be ARABOS or PARTHOS)
    are alternatives, each letter with its dot below, "ạḅ/c̣ḍ"; a choice of two segments in any TEI the same,
    "colour/color"."""
    build_texts(tmp_path, {
        "stone.xml": tei(
            "s3", "A stone", "<p>A stone.</p>",
            "<div type='edition'><ab><lb n='1'/>adversus <choice><unclear>Arabos</unclear>\n<unclear>Parthos"
            "</unclear></choice> hostes</ab></div>"),
        "essay.xml": (
            '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Essay</title>'
            "</titleStmt><publicationStmt><p>Ours</p></publicationStmt><sourceDesc><p>Print</p></sourceDesc>"
            "</fileDesc></teiHeader><text><body><p>The <choice><seg>colour</seg> <seg>color</seg></choice> red."
            "</p></body></text></TEI>"),
    }, "--only", "web")
    dotted = "".join(c + "\u0323" for c in "Arabos") + "/" + "".join(c + "\u0323" for c in "Parthos")
    (choice,) = record_page(tmp_path / "site", "s3").xpath("//span[contains(@class, 'choice')]")
    assert words(choice) == dotted and choice.get("title") == "alternative readings"
    (choice,) = record_page(tmp_path / "site", "essay").xpath("//span[contains(@class, 'choice')]")
    assert words(choice) == "colour/color"
