"""Transcriptions of speech in the TEI's spoken module, as ParlaMint encodes parliamentary debates (our own
invented corpus in ``fixtures/debate``): a corpus root that includes its speakers and sittings; each utterance a
turn headed by its speaker's name; events in the room, sounds and the transcriber's notes in place. Also: a corpus
that holds its documents is a volume of them, and XIncludes are resolved only inside the sources."""

from __future__ import annotations

import shutil
from pathlib import Path

import pypdf
import pytest
from click.testing import CliRunner
from lxml import html

from edition.cli import main

from ..conftest import record_page, words

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def debate(tmp_path_factory) -> tuple[Path, str]:
    tmp = tmp_path_factory.mktemp("debate")
    shutil.copytree(FIXTURES / "debate", tmp / "src")
    result = CliRunner().invoke(main, ["build", str(tmp / "src"), "--out", str(tmp / "site")])
    assert result.exit_code == 0, result.output
    return tmp / "site", result.output


def test_the_corpus_root_describes_the_edition_and_its_included_lists_are_no_warning(debate):
    site, output = debate
    assert "corpus.xml: a corpus root (teiCorpus): its header describes the edition" in output
    assert "persons.xml: a part of the TEI (root listPerson)" in output
    assert "warning" not in output  # neither the corpus, its list of persons nor an utterance is left unread
    index = html.parse(str(site / "index.html")).getroot()
    assert "Debates of the Diet of Ruritania" in words(index.find(".//h1"))


def test_each_utterance_is_a_turn_headed_by_its_speakers_name(debate):
    site, _ = debate
    first = record_page(site, "RU-2019-03-12")
    turns = first.xpath("//section[contains(@class, 'u')]")
    assert [t.get("id") for t in turns] == ["s1.u1", "s1.u2", "s1.u3"]
    # the label the transcript printed (ParlaMint's note type="speaker"), the register's name after it where the
    # label does not give it; else the name from the list of persons the corpus root includes, however the file
    # spaces its parts
    assert [words(t.find("h3/a")) for t in turns] == ["The PRESIDENT (Anna Weber):", "Mr NOVÁK: [Jan Novák]",
                                                      "Eva Lind"]
    assert turns[1].find("h3/a").get("href") == "../persons.html#NovakJan"
    # the party on the day: Weber's, from the corpus's list of organisations; Novák joined his after the sitting
    assert [words(t.find("h3/span[@class='party']")) for t in turns if t.find("h3/span[@class='party']") is not None
            ] == ["(LP)"] and turns[0].find("h3/span[@class='party']") is not None
    assert first.xpath("//span[@data-pagefind-filter='party:LP']")
    assert first.xpath("//span[@data-pagefind-filter='speaker:Jan Novák']")
    assert [words(p) for p in turns[0].xpath("p[@class='seg']")] == ["The sitting is open.",
                                                                     "The first question is from Mr Novák."]
    second = record_page(site, "RU-2019-03-13")
    # a person of the record's own particDesc; a pointer to nobody keeps its id, never a false name; an utterance
    # that names nobody is headed by the kind of speaker its @ana gives, in the record's language or English
    assert [words(t.find("h3")) for t in second.xpath("//section[contains(@class, 'u')]")] == [
        "Anna Weber (LP)", "Professor Karl Brandt", "UnknownSpeaker1", "Chair"]


def test_events_sounds_and_notes_are_in_place_and_apart_from_the_words(debate):
    site, _ = debate
    first = record_page(site, "RU-2019-03-12")
    novak = first.get_element_by_id("s1.u2")
    seg = novak.xpath("p[@class='seg']")[0]
    (applause,) = seg.xpath(".//span[contains(@class, 'kinesic')]")
    assert words(applause) == "(Applause from the benches of the left)"
    assert words(seg).startswith("When will the line to Zenda reopen? (Applause")
    (interruption,) = novak.xpath("p[contains(@class, 'vocal')]")  # between the member's paragraphs
    assert words(interruption) == "(Ms Lind: Two years!)"
    (comment,) = novak.xpath(".//span[contains(@class, 'note') and contains(@class, 'comment')]")
    # among the words, in parentheses, as a transcript prints an interjection: not run into the speech
    assert words(comment) == "(The member points at the gallery.)"
    assert words(comment.getparent()).endswith("gallery.) The people of Zenda are waiting.")
    assert not first.find_class("note-mark") and not first.find_class("notes")  # no endnote far from it
    # the printed labels head their turns (test above) and are not printed a second time before them
    assert not first.xpath("//p[contains(@class, 'speaker')][contains(@class, 'note')]")
    assert words(first.find_class("text")[0]).count("NOVÁK") == 1
    (minister,) = first.xpath("//p[contains(@class, 'incident')]")
    assert words(minister) == "(The Minister rises)"
    assert minister.getnext().get("id") == "s1.u3"
    lind = first.get_element_by_id("s1.u3")
    assert words(lind.xpath(".//span[contains(@class, 'pause')]")[0]) == "(pause, 3 s)"
    second = record_page(site, "RU-2019-03-13")
    assert "(loud to f)" in words(second.get_element_by_id("s2.u2"))
    # a notice with a description in each of two languages: the one of the record's language (ParlaMint's gap)
    (gap,) = second.find_class("gap")
    assert words(gap) == "Front matter removed"


def test_the_register_lists_the_corpus_speakers_and_where_they_speak(debate):
    site, _ = debate
    register = html.parse(str(site / "persons.html")).getroot()
    novak = register.get_element_by_id("NovakJan")
    assert words(novak.find("h2")) == "Jan Novák"
    assert novak.xpath(".//a[@href='records/RU-2019-03-12.html#s1.u2']")
    weber = register.get_element_by_id("WeberAnna")
    assert weber.xpath(".//a[@href='records/RU-2019-03-13.html#s2.u1']")
    # a member's party in the register, by the organisation's full name, with its dates where given
    assert [words(li) for li in weber.xpath(".//ul[@class='affiliations']/li")] == [
        "member: Liberal Party of Ruritania"]
    assert [words(li) for li in novak.xpath(".//ul[@class='affiliations']/li")] == [
        "member: Liberal Party of Ruritania (2020-01-01–)"]


def test_the_print_edition_names_each_speaker_before_the_words(debate):
    site, _ = debate
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(site / "edition.pdf").pages)
    text = " ".join(text.split())
    assert "Mr NOVÁK: [Jan Novák] When will the line to Zenda reopen? (Applause from the benches of the left)" in text
    assert "Eva Lind In the spring, (pause, 3 s) if the bridge holds." in text


def test_a_corpus_that_holds_its_documents_is_a_volume_of_them(tmp_path):
    (tmp_path / "src").mkdir()
    shutil.copy(FIXTURES / "letters-corpus.xml", tmp_path / "src")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "src"), "--out", str(tmp_path / "site"),
                                       "--only", "web"])
    assert result.exit_code == 0, result.output
    assert "letters-corpus.xml: a corpus (teiCorpus) of 2 documents, published as a volume of them" in result.output
    volume = record_page(tmp_path / "site", "weber-letters")
    assert words(volume.find(".//h1")) == "Letters of Anna Weber, 1921"
    assert [words(a) for a in volume.xpath("//p[@class='part-entry']/a")] == [
        "Anna Weber to Jan Novák, 2 May 1921", "Anna Weber to Eva Lind, 9 May 1921"]
    letter = record_page(tmp_path / "site", "weber-letters/weber-1")
    assert "Dear Jan, the bridge is finished at last." in words(letter.find_class("text")[0])


def test_an_include_of_an_address_is_never_fetched_and_its_fallback_stands(tmp_path):
    """An inscription's bibliography includes its project's list from the web (as US Epigraphy's files do): the
    build reads nothing from the network, and the fallback the file gives stands in its place."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "inscription.xml").write_text("""<TEI xmlns="http://www.tei-c.org/ns/1.0"
        xmlns:xi="http://www.w3.org/2001/XInclude" xml:id="ins2">
      <teiHeader><fileDesc><titleStmt><title>Dedication to Apollo</title></titleStmt>
        <publicationStmt><p>Ours.</p></publicationStmt><sourceDesc><p>A stone.</p></sourceDesc></fileDesc>
      </teiHeader>
      <text><body><div type="edition"><ab>APOLLINI SACRVM</ab></div>
        <div type="bibliography"><xi:include href="http://example.org/titles.xml"><xi:fallback><p>The project's
          bibliography of titles</p></xi:fallback></xi:include></div></body></text>
    </TEI>""", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(src), "--out", str(tmp_path / "site"), "--only", "web"])
    assert result.exit_code == 0, result.output
    text = words(record_page(tmp_path / "site", "ins2").find_class("text")[0])
    assert "The project's bibliography of titles" in text and "not included" not in text


def test_an_include_is_resolved_inside_the_sources_and_never_outside_them(tmp_path):
    """An inscription includes its project's authority list of glyphs (inside the sources: read) and a list
    outside them (never read: its fallback is shown)."""
    src = tmp_path / "project" / "src"
    (src / "alists").mkdir(parents=True)
    (src / "alists" / "glyphs.xml").write_text(
        '<charDecl xmlns="http://www.tei-c.org/ns/1.0"><glyph xml:id="interpunct"><mapping type="standard">·'
        '</mapping></glyph></charDecl>', encoding="utf-8")
    (tmp_path / "project" / "secret.xml").write_text(
        '<p xmlns="http://www.tei-c.org/ns/1.0">the machine\'s own words</p>', encoding="utf-8")
    (src / "inscription.xml").write_text("""<TEI xmlns="http://www.tei-c.org/ns/1.0"
        xmlns:xi="http://www.w3.org/2001/XInclude" xml:id="ins1">
      <teiHeader><fileDesc><titleStmt><title>Epitaph of Gaius</title></titleStmt>
        <publicationStmt><p>Ours.</p></publicationStmt><sourceDesc><p>A stone.</p></sourceDesc></fileDesc>
        <encodingDesc><xi:include href="alists/glyphs.xml"><xi:fallback><p>glyphs</p></xi:fallback></xi:include>
          <xi:include href="../secret.xml"><xi:fallback><p>The project's list.</p></xi:fallback></xi:include>
        </encodingDesc></teiHeader>
      <text><body><div type="edition"><ab>DIS<g ref="#interpunct"/>MANIBUS</ab></div></body></text>
    </TEI>""", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(src), "--out", str(tmp_path / "site"), "--only", "web"])
    assert result.exit_code == 0, result.output
    record = record_page(tmp_path / "site", "ins1")
    assert "DIS·MANIBUS" in words(record.find_class("text")[0])  # the glyph, from the list included
    assert "the machine's own words" not in html.tostring(record, encoding="unicode")


def test_a_transcription_in_the_iso_form_names_its_speakers_and_sets_its_tiers_apart(tmp_path):
    """ISO 24624 (TEI for transcriptions of spoken language, as transcription tools export it; our own interview in
    ``fixtures/iso``): who speaks is on the annotation block, by a bare id or a pointer; each utterance is a turn
    headed by the speaker's name; the tiers of annotation (a translation, the manner of speaking) stand apart under
    their names, not run into the words; a tokenised utterance reads as spoken, its punctuation closed up to its
    words ("Frühjahr,", a quotation "komm" in its marks); an event already in its transcription's parentheses gets
    none more; the empty timeline is no heading over nothing."""
    shutil.copytree(FIXTURES / "iso", tmp_path / "src")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "src"), "--out", str(tmp_path / "site")])
    assert result.exit_code == 0, result.output
    record = record_page(tmp_path / "site", "iso-interview")
    turns = record.xpath("//section[contains(@class, 'u')]")
    assert [words(t.find("h3")) for t in turns] == ["INT", "Hanna Kruse"]
    assert [words(p) for p in turns[1].xpath("p[@class='seg']")] == [
        'Im Frühjahr, (pause, 0.5 s) er sagte "komm" ((lacht))']
    tiers = record.xpath("//p[contains(@class, 'tier')]")
    assert [words(t) for t in tiers] == ["en: When did you come?", 'en: In spring, he said "come"', "k: leiser"]
    assert all(not t.xpath("ancestor::section[contains(@class, 'u')]") for t in tiers)  # beside the turn, not in it
    assert "Timeline" not in words(record.find_class("text")[0])
