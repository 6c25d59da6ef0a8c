"""Transcripts in other styles of the same family: labels, dates, footnotes, numbering, no heading, bad text."""

from __future__ import annotations

import pytest
from lxml import etree

from edition.conventions import TEI_NS, XML_ID, T
from edition.encode import Registry, TranscriptError, encode_file, encode_text, verify_lossless, write
from edition.encode.layout import read_text

from ..conftest import TRANSCRIPTS, run_jing

NS = {"t": TEI_NS}
STYLES = sorted((TRANSCRIPTS).glob("*.txt"))


def encode(name: str):
    return encode_file(TRANSCRIPTS / name, Registry.load())


def whos(result, k=0):
    return [sp.get("who") for sp in result.documents[k].tree.iter(T + "sp")]


@pytest.mark.parametrize("path", STYLES, ids=lambda p: p.name)
def test_every_style_is_lossless_and_valid(path, tmp_path, jing):
    result = encode_file(path, Registry.load())
    assert verify_lossless(read_text(path), result.documents) == []
    assert not [m for m in result.report.messages if "differs" in m.text]
    proc = run_jing(jing, write(result.files, tmp_path))
    assert proc.returncode == 0, proc.stdout


def test_capital_labels_initials_titles_and_supplied_forenames():
    result = encode("record-of-conversation-1990.txt")
    assert whos(result) == ["#gorbachev", "#the-president", "#gorbachev", "#raisa-gorbachev", "#the-president",
                            "#gorbachev"]
    warnings = {(m.line, m.text.split(" not in")[0]) for m in result.report.of("warning")}
    assert (7, "speaker label 'The President:'") in warnings
    assert (11, "speaker label '[Raisa] Gorbachev:'") in warnings
    persons = result.personography.getroot()
    provisional = persons.xpath("//t:person[t:note/@type='provisional']/@xml:id", namespaces=NS)
    assert set(provisional) >= {"the-president", "raisa-gorbachev"}


def test_dates_footnotes_and_archive_signatures():
    result = encode("record-of-conversation-1990.txt")
    (doc,) = result.documents
    root = doc.tree.getroot()
    assert doc.id == "1990-02-09-1000-bush"
    date = root.find(f".//{T}setting/{T}date")
    assert (date.get("from"), date.get("to")) == ("1990-02-09T10:00:00", "1990-02-09T11:30:00")
    ref = root.find(f".//{T}ref[@type='footnote']")
    note = root.xpath("//t:note[@type='footnote']", namespaces=NS)[0]
    assert ref.get("target") == "#" + note.get(XML_ID) and note.get("n") == ref.text == "1"
    ident = root.find(f".//{T}msIdentifier")
    assert [(i.get("type"), i.text) for i in ident.findall(T + "idno")] == [("fond", "5"), ("opis", "2"),
                                                                            ("delo", "17")]
    credits = root.xpath("//t:titleStmt/t:respStmt/t:persName/text()", namespaces=NS)
    assert credits == ["Anna Melyakova", "Jane Roe"]
    assert root.xpath("//t:stage[@type='delivery']/text()", namespaces=NS) == ["laughs"]
    assert root.xpath("//t:note[@type='translator']/text()", namespaces=NS) == ["the President nods"]


def test_numbered_paragraphs_page_breaks_and_abbreviated_dates():
    result = encode("numbered-paragraphs.txt")
    root = result.documents[0].tree.getroot()
    assert result.documents[0].id == "1990-02-09-2105-kohl"
    assert whos(result) == ["#kohl", "#gorbachev", "#kohl"]
    assert [sp.get("n") for sp in root.iter(T + "sp")] == ["1", "2", None]
    assert root.xpath("//t:sp/t:p/@n", namespaces=NS) == ["3", "4"]
    date = root.find(f".//{T}setting/{T}date")
    assert date.get("to") == "1990-02-09T21:40:00"
    # The gap between two numbered paragraphs stays inside the turn.
    assert root.xpath("//t:sp[2]/t:gap", namespaces=NS)


def test_no_heading_is_one_record_with_a_warning_and_hostile_text_stays_text(tmp_path):
    result = encode("no-heading.txt")
    assert len(result.documents) == 1
    assert any("no heading found" in m.text for m in result.report.of("warning"))
    assert any(m.line == 5 and "unbalanced []" in m.text for m in result.report.of("warning"))
    (path,) = [p for p in write(result.files, tmp_path) if p.name != "persons.xml"]
    root = etree.parse(str(path)).getroot()
    assert root.find(".//{*}script") is None
    assert '<script>alert("x")</script> & an &amp; entity' in "".join(root.find(T + "text").itertext())
    assert len(root.findall(f".//{T}body//{T}p")) == 3


def test_two_records_with_an_inferred_date_and_a_bullet_list():
    result = encode("two-records-us-style.txt")
    assert [d.id for d in result.documents] == ["1990-04-04-kaifu", "1990-04-04-kohl"]
    second = result.documents[1].tree.getroot()
    assert second.find(f".//{T}setting/{T}date").get("cert") == "medium"
    first = result.documents[0].tree.getroot()
    (lst,) = first.findall(f".//{T}body//{T}list")
    assert lst.get("rend") == "bullet" and len(lst) == 2
    assert first.find(f".//{T}setting/{T}placeName").text == "Washington"


def test_control_characters_are_a_clear_error(tmp_path):
    path = tmp_path / "ctl.txt"
    path.write_text("Memorandum of Conversation with Tariq Aziz\n\nGorbachev. A\x01B\n", encoding="utf-8")
    with pytest.raises(TranscriptError, match=r"ctl.txt:3: control character U\+0001"):
        encode_file(path)


def test_form_feed_page_breaks_are_white_space():
    text = "Memorandum of Conversation with Tariq Aziz\n\nGorbachev. I can tell\n\x0c\nyou directly.\n"
    result = encode_text(text, "ff.txt")
    assert len(list(result.documents[0].tree.iter(T + "p"))) >= 1
    assert verify_lossless(text, result.documents) == []


def test_titles_and_capitals_in_labels_resolve():
    text = ("Memorandum of Conversation between Mikhail Gorbachev and George Bush\n\n"
            "President Bush: Hello.\n\nGORBACHEV: Hello, George.\n")
    result = encode_text(text, "t.txt")
    assert whos(result) == ["#bush", "#gorbachev"]
    assert not [m for m in result.report.of("warning") if "label" in m.text]
