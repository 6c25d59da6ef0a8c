"""A transcript typed in Word or LibreOffice (our own, written by :mod:`.make` with the word processors' quirks)
encodes to the same records, turns, dates and credits as the same transcript saved as text, plus what its
formatting says: bold labels, italics, footnotes at their marks, a comment, tracked changes, a list, a link, a
table, a heading, an image."""

from __future__ import annotations

import pytest

from edition.conventions import TEI_NS, XML_ID, XML_LANG
from edition.encode import Registry, encode_file, write
from edition.validate import Validator

from ...conftest import run_jing
from .make import Doc, Para, docx, odt

NS = {"t": TEI_NS}

TRANSCRIPT = Doc(title="Brandt-Morel", body=[
    Para(["Memorandum of Conversation between Helmut Brandt and Jean Morel"], style="Heading1"),
    Para(["Bonn, 12 March 1987 (10:15 a.m.)"]),
    Para(["Translated by Anna Weber."]),
    Para([("b", "Brandt:"), " Welcome to Bonn. The ", ("i", "Ostpolitik"), " of this government has not changed.",
          ("fn", "The phrase recurs in the Chancellor's notes of that week.")]),
    Para([("b", "Morel:"), " Thank you. We read your speech ", ("comment", "with great interest",
                                                                 "Check the date of the speech."), "."]),
    Para([("b", "Brandt:"), " Three points matter", ("ins", " above all"), ":", ("del", " perhaps")]),
    Para(["the border question;"], style="Numbered"),
    Para(["the credits;"], style="Numbered"),
    Para(["the visit in June."], style="Numbered"),
    Para([("b", "Morel:"), " We agree on the first two. See ", ("link", "the communiqué",
                                                                 "https://example.org/communique"), "."]),
    {"table": [["Delegation", "Members"], ["German", "Helmut Brandt, Anna Weber"], [("span", 2, "and advisers")]]},
    Para([("b", "Brandt:"), " Then we are agreed", ("field", "2"), ".", ("img", "seal.png", "The seal of the "
                                                                                          "chancellery")]),
])


def plain(doc: Doc) -> str:
    """The transcript as its typist would save it as text: a paragraph a block, the changes accepted, the table's
    rows as lines and its cells apart by tabs; notes and comments are not in the text."""
    def words(run) -> str:
        if isinstance(run, str):
            return run
        return {"fn": "", "del": "", "br": "\n", "page": "", "img": ""}.get(run[0], run[1] if len(run) > 1 else "")

    blocks = []
    for b in doc.body:
        if isinstance(b, dict):
            blocks.append("\n".join("\t".join(c if isinstance(c, str) else c[2] for c in row) for row in b["table"]))
        else:
            blocks.append("".join(words(r) for r in b.runs))
    return "\n\n".join(blocks) + "\n"


MAKERS = {"docx": docx, "odt": odt}


@pytest.fixture(scope="module", params=sorted(MAKERS))
def encoded(request, tmp_path_factory):
    """The transcript as a formatted document (``"rich"``, Word or OpenDocument) and as text, encoded."""
    folder = tmp_path_factory.mktemp(request.param)
    (folder / f"brandt-morel.{request.param}").write_bytes(MAKERS[request.param](TRANSCRIPT))
    (folder / "brandt-morel.txt").write_text(plain(TRANSCRIPT), encoding="utf-8")
    registry = Registry.load()
    return {"rich": encode_file(folder / f"brandt-morel.{request.param}", registry, taken=[]),
            "txt": encode_file(folder / "brandt-morel.txt", registry, taken=[]), "kind": request.param}


def _x(result, path: str):
    (doc,) = result.documents
    return doc.tree.getroot().xpath(path, namespaces=NS)


def _text(e) -> str:
    return " ".join("".join(e.itertext()).split())


def test_a_transcript_typed_in_word_reads_as_the_same_transcript_saved_as_text(encoded):
    word, text = encoded["rich"], encoded["txt"]
    assert len(word.documents) == len(text.documents) == 1
    def turns(result):
        return [(sp.get("who"), _text(sp.find("t:speaker", NS))) for sp in _x(result, "//t:sp")]

    def credits(result):
        stmts = _x(result, "//t:titleStmt/t:respStmt[not(@xml:id)]")
        return [(_text(r.find("t:resp", NS)), _text(r[1])) for r in stmts]

    assert turns(word) == turns(text) == [("#brandt", "Brandt:"), ("#morel", "Morel:"), ("#brandt", "Brandt:"),
                                          ("#morel", "Morel:"), ("#brandt", "Brandt:")]
    setting = "//t:settingDesc//t:date/@*"
    assert _x(word, setting) == _x(text, setting) == ["1987-03-12T10:15:00"]
    assert credits(word) == credits(text) and ("translated by", "Anna Weber") in credits(word)
    assert _x(word, "string(//t:text/@subtype)") == _x(text, "string(//t:text/@subtype)")


def test_what_the_formatting_says_is_markup_in_its_place(encoded):
    word = encoded["rich"]
    assert _x(word, "//t:sp[1]/t:speaker/t:hi/@rend") == ["bold"]  # a bold label: its formatting kept
    assert _x(word, "//t:hi[@rend='italic']/text()") == ["Ostpolitik"]
    (note,) = _x(word, "//t:note[@place='foot']")
    assert note.get("n") == "1" and _text(note) == "The phrase recurs in the Chancellor's notes of that week."
    before = note.getparent().xpath("string(.)")[: len("".join(note.getparent().itertext())) - len(_text(note))]
    assert before.rstrip().endswith("has not changed.")  # at its mark, not at the end of the record
    (comment,) = _x(word, "//t:note[@type='comment']")
    assert _text(comment) == "Check the date of the speech." and comment.get("resp") == "#reviser-1"
    (credit,) = _x(word, "//t:titleStmt/t:respStmt[@xml:id='reviser-1']")
    assert _text(credit.find("t:name", NS)) == "Peter Lang"
    (add,) = _x(word, "//t:add")
    assert _text(add) == "above all" and add.get("resp") == "#reviser-2"  # Anna Weber: the second to revise
    (change,) = _x(word, f"//t:revisionDesc/t:change[@xml:id='{add.get('change')[1:]}']")
    assert change.get("when").startswith("2024-05-02T10:00:00") and change.get("who") == "#reviser-2"
    (deleted,) = _x(word, "//t:del")
    assert _text(deleted) == "perhaps"
    assert [_text(i) for i in _x(word, "//t:list[@type='ordered']/t:item")] == [
        "the border question;", "the credits;", "the visit in June."]
    assert _x(word, "//t:ref/@target") == ["https://example.org/communique"]
    rows = _x(word, "//t:table/t:row")
    assert [[_text(c) for c in r] for r in rows] == [["Delegation", "Members"], ["German", "Helmut Brandt, Anna Weber"],
                                                      ["and advisers"]]
    assert rows[2][0].get("cols") == "2"
    assert _text(_x(word, "//t:body//t:head")[0]).startswith("Memorandum of Conversation between Helmut Brandt")
    assert "PAGE" not in _text(_x(word, "//t:body")[0])  # a field's code is no text; its result ("2") is
    (graphic,) = _x(word, "//t:figure/t:graphic")
    assert _x(word, "string(//t:figure/t:figDesc)") == "The seal of the chancellery"
    assert graphic.get("url") in word.media and word.media[graphic.get("url")].startswith(b"\x89PNG")


def test_every_word_reaches_the_tei_and_it_is_valid(encoded, tmp_path, jing):
    word = encoded["rich"]
    assert not [m for m in word.report.messages if "not in the TEI" in m.text or "kept as text" in m.text]
    written = write(word.files, tmp_path)
    assert (tmp_path / next(iter(word.media))).read_bytes().startswith(b"\x89PNG")  # the image beside the TEI
    xml = [p for p in written if p.suffix == ".xml"]
    assert Validator().run(xml).ok
    proc = run_jing(jing, xml)
    assert proc.returncode == 0, proc.stdout


def test_the_report_says_what_the_document_was_read_as(encoded):
    messages = [m.text for m in encoded["rich"].report.messages]
    kind = {"docx": "Word (.docx)", "odt": "OpenDocument (.odt)"}[encoded["kind"]]
    assert any(m.startswith(f"read as {kind}:") and "footnotes 1" in m and "comments 1" in m and "tables 1"
               in m for m in messages)


def test_a_word_document_is_recognised_by_its_content_not_its_name(tmp_path):
    path = tmp_path / "transcript.txt"  # a Word document saved under a text file's name
    path.write_bytes(docx(TRANSCRIPT))
    result = encode_file(path, Registry.load(), taken=[])
    assert result.documents[0].tree.getroot().xpath("//t:note[@place='foot']", namespaces=NS)


def test_xml_ids_of_the_credits_are_unique(encoded):
    ids = [e.get(XML_ID) for e in encoded["rich"].documents[0].tree.getroot().iter() if e.get(XML_ID)]
    assert len(ids) == len(set(ids))


def test_an_empty_paragraph_with_a_note_keeps_the_note(tmp_path):
    doc = Doc(body=[Para(["Brandt: One."]), Para([("fn", "A note on nothing.")]), Para(["Morel: Two."])])
    path = tmp_path / "n.docx"
    path.write_bytes(docx(doc))
    result = encode_file(path, Registry.load(), taken=[])
    root = result.documents[0].tree.getroot()
    assert [_text(n) for n in root.xpath("//t:note[@place='foot']", namespaces=NS)] == ["A note on nothing."]



@pytest.mark.parametrize(("changes", "words"), [("accept", "Three points matter above all:"),
                                                ("reject", "Three points matter: perhaps")])
def test_tracked_changes_accepted_or_rejected_as_the_editor_says(encoded, tmp_path, changes, words):
    path = tmp_path / f"brandt-morel.{encoded['kind']}"
    path.write_bytes(MAKERS[encoded["kind"]](TRANSCRIPT))
    settled = encode_file(path, Registry.load(), taken=[], changes=changes)
    assert not _x(settled, "//t:text//t:add | //t:text//t:del")
    (turn,) = [sp for sp in _x(settled, "//t:sp") if "Three points" in _text(sp)]
    assert _text(turn.find("t:p", NS)).startswith(words)
    assert any(changes + "ed" in _text(p) for p in _x(settled, "//t:editorialDecl/t:p"))
    assert not [m for m in settled.report.of("warning") if "not in the TEI" in str(m) or "no place" in str(m)]
    assert not _x(settled, "//t:revisionDesc/t:change[@when]")  # no change of the source is left to date


ORAL_HISTORY = Doc(title="Morel", body=[
    Para(["Interview with Jean Morel, Paris, 3 June 1999"]),
    Para([("b", "Jean Morel."), " I came to Paris in 1968, when I was nineteen."]),
    Para([("b", "Anne Petit."), " And what did you find there?"]),
    Para([("i", "Nothing."), " I had looked for nothing, and I found a city in a strike."]),
    Para([("b", "Jean Morel."), " And work in a printing shop, the year after."]),
])


@pytest.mark.parametrize("kind", sorted(MAKERS))
def test_a_bold_run_that_opens_a_paragraph_is_evidence_of_a_label(tmp_path, kind):
    """An oral history typed in a word processor, its labels in bold: as text, "Anne Petit." once is no evidence
    of a label, in bold, in a dialogue of labels that recur, it is. An italic word that opens a sentence is still
    no label."""
    (tmp_path / f"morel.{kind}").write_bytes(MAKERS[kind](ORAL_HISTORY))
    (tmp_path / "morel.txt").write_text(plain(ORAL_HISTORY), encoding="utf-8")
    rich, text = (encode_file(tmp_path / name, Registry.load(), taken=[]) for name in (f"morel.{kind}", "morel.txt"))
    assert [sp.get("who") for sp in _x(rich, "//t:sp")] == ["#jean-morel", "#anne-petit", "#jean-morel"]
    assert "#anne-petit" not in [sp.get("who") for sp in _x(text, "//t:sp")]
    assert _text(_x(rich, "//t:sp[2]/t:p[2]")[0]).startswith("Nothing. I had looked")


@pytest.mark.parametrize("kind", sorted(MAKERS))
def test_the_styled_fields_of_a_description_are_no_labels(tmp_path, kind):
    """A manuscript's description typed in Word sets its fields in a style too; each once, they are no dialogue."""
    description = Doc(title="MS", body=[
        Para(["MS. Canon. Liturg. 999"], style="Heading1"),
        Para([("u", "Material"), ": parchment; paper fly-leaves."]),
        Para([("u", "Dimensions"), ": 288 x 202 mm; the folios trimmed."]),
        Para([("b", "Provenance."), " Made in Italy, perhaps for a Franciscan house."]),
    ])
    (tmp_path / f"ms.{kind}").write_bytes(MAKERS[kind](description))
    assert not _x(encode_file(tmp_path / f"ms.{kind}", Registry.load(), taken=[]), "//t:sp")


def test_a_symbol_fonts_characters_are_unicode_or_a_declared_g(tmp_path, jing):
    """Word's Symbol font is Unicode's Greek and mathematics; a Wingdings check mark has no Unicode character
    of its own in Word's file: it is kept as Word's private-use code point in a g that the header declares."""
    path = tmp_path / "symbols.docx"
    path.write_bytes(docx(Doc(body=[Para(["Brandt: The angle ", ("sym", "Symbol", "F061"), " is agreed ",
                                          ("sym", "Wingdings", "F0FC"), "."])])))
    result = encode_file(path, Registry.load(), taken=[])
    (p,) = _x(result, "//t:body//t:p[contains(., 'angle')]")
    assert "The angle \u03b1 is agreed" in _text(p)
    (g,) = _x(result, "//t:text//t:g")
    assert g.text == "\uf0fc" and g.get("ref") == "#char-F0FC"
    (char,) = _x(result, "//t:charDecl/t:char[@xml:id='char-F0FC']")
    assert char.xpath("t:localProp[@name='font']/@value", namespaces=NS) == ["Wingdings"]
    assert char.xpath("t:mapping[@type='PUA']/text()", namespaces=NS) == ["\uf0fc"]
    written = [p for p in write(result.files, tmp_path / "out") if p.suffix == ".xml"]
    assert Validator().run(written).ok
    assert run_jing(jing, written).returncode == 0


def test_a_private_use_character_of_a_text_transcript_is_a_declared_g(tmp_path):
    path = tmp_path / "pua.txt"
    path.write_text("Memorandum of Conversation\n\nBonn, 12 March 1987\n\nBrandt: We sign here \ue123 and there.\n\n"
                    "Morel: Agreed.\n\nBrandt: Good.\n\nMorel: Good.\n", encoding="utf-8")
    result = encode_file(path, Registry.load(), taken=[])
    assert [g.text for g in _x(result, "//t:text//t:g")] == ["\ue123"]
    assert _x(result, "//t:charDecl/t:char/t:localProp[@name='name']/@value") == ["PRIVATE USE CHARACTER E123"]


@pytest.mark.parametrize("kind", sorted(MAKERS))
def test_a_heading_named_in_german_a_page_break_words_in_french_and_emphasis(tmp_path, kind):
    """An older or localised Word file names its heading style in the user's language (``Überschrift 1``) with no
    outline level; a page break before a paragraph is a ``pb`` before it; words set in another language than the
    document's are ``foreign`` in that language; words in the character style Emphasis are ``emph``, italic as
    the style makes them."""
    doc = Doc(body=[
        Para(["Gespräch zwischen Helmut Brandt und Jean Morel"], style="Überschrift1"),
        Para([("b", "Brandt:"), " We speak of ", ("lang", "fr-FR", "la douce France"), " today."]),
        Para([("b", "Morel:"), " Gladly, and ", ("em", "only"), " of France."]),
        Para(["Nach der Pause"], style="Überschrift1"),
        Para([("b", "Brandt:"), " On the next page, then."], style="NewPage"),
        Para([("b", "Morel:"), " Agreed."]),
    ])
    (tmp_path / f"gespräch.{kind}").write_bytes(MAKERS[kind](doc))
    result = encode_file(tmp_path / f"gespräch.{kind}", Registry.load(), taken=[])
    assert [_text(h) for h in _x(result, "//t:body//t:head")] == ["Gespräch zwischen Helmut Brandt und Jean Morel",
                                                                  "Nach der Pause"]
    (foreign,) = _x(result, "//t:text//t:foreign")
    assert _text(foreign) == "la douce France" and foreign.get(XML_LANG).startswith("fr")
    (emph,) = _x(result, "//t:text//t:emph")
    assert _text(emph) == "only" and emph.get("rend") == "italic" and not emph.xpath("t:hi", namespaces=NS)
    (pb,) = _x(result, "//t:text//t:pb")
    assert _text(pb.xpath("following::t:p[1]", namespaces=NS)[0]) == "On the next page, then."
    assert [sp.get("who") for sp in _x(result, "//t:sp")] == ["#brandt", "#morel", "#brandt", "#morel"]


MARKDOWN = """# Oral history with Ruth Calder

Interviewed by Daniel Price, 3 June 1998.

## Childhood

### Price:
Where were you born?

### Calder:
In Springfield, in 1921.

## The war years

### Price:
What did you do in the war?

### Calder:
I worked at the arsenal.
"""


@pytest.mark.parametrize("name", ["calder.md", "calder.txt"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_transcript_typed_in_markdown_has_headings_of_their_levels_and_labels_set_as_headings(tmp_path, name,
                                                                                                newline):
    """Markdown's heading marks (``#`` to ``######``) are a heading's level, as a word processor's heading style
    is: not words of the text, whether the file is named .md or .txt, its lines ended as on Unix or as on Windows
    (CR LF); a speaker's name and its colon set as a heading of its own is the speaker's label."""
    path = tmp_path / name
    path.write_bytes(MARKDOWN.replace("\n", newline).encode("utf-8"))
    result = encode_file(path, Registry.load())
    root = result.documents[0].tree.getroot()
    text = root.find(f"{{{TEI_NS}}}text")
    assert "#" not in "".join(text.itertext())
    heads = [("".join(h.itertext()), h.getparent().get("type")) for h in root.iter(f"{{{TEI_NS}}}head")]
    assert heads == [("Oral history with Ruth Calder", "record"), ("Childhood", "section"),
                     ("The war years", "section")]
    assert root.xpath("//t:div[@type='section'][2]//t:speaker/text()", namespaces=NS) == ["Price:", "Calder:"]
    assert [" ".join(sp.xpath("t:p//text()", namespaces=NS)) for sp in root.xpath("//t:sp", namespaces=NS)] == [
        "Where were you born?", "In Springfield, in 1921.", "What did you do in the war?", "I worked at the arsenal."]
    assert any("read as Markdown text" in m.text for m in result.report.messages)
    assert not [m.text for m in result.report.messages if "differs from the transcript" in m.text]


def test_a_line_opening_with_a_number_sign_and_no_words_leaves_a_text_plain(tmp_path):
    """"# 5" (a number, no word) is no Markdown heading: the text is read as it is typed, the sign kept."""
    path = tmp_path / "notes.txt"
    path.write_text("Memorandum of Conversation\n\nSmith: We need item\n# 5\non the list.\n\nJones: Agreed.\n",
                    encoding="utf-8")
    result = encode_file(path, Registry.load())
    text = result.documents[0].tree.getroot().find(f"{{{TEI_NS}}}text")
    assert "# 5" in " ".join("".join(text.itertext()).split())


def test_a_markdown_link_is_its_words_linked_and_a_plain_texts_brackets_stay_as_typed(tmp_path):
    """Markdown's inline link (``[the letter](https://...)``) is its words, linked (``ref/@target``), not words the
    editors supplied in brackets followed by an address in parentheses; a link within the page (``#minutes``) is
    its words, as a web page's is; in a plain text with no Markdown heading, brackets before a parenthesis are the
    transcript's own and stay as typed."""
    path = tmp_path / "minutes.md"
    path.write_text("# Minutes of the meeting\n\nSee [the letter](https://example.org/letter) and "
                    "[the agenda](#agenda).\n\nChair: We begin.\n\nClerk: Agreed.\n\nChair: Then we close.\n",
                    encoding="utf-8")
    root = encode_file(path, Registry.load()).documents[0].tree.getroot()
    assert root.xpath("//t:text//t:ref/@target", namespaces=NS) == ["https://example.org/letter"]
    assert root.xpath("//t:text//t:supplied", namespaces=NS) == []
    p = root.xpath("//t:text//t:p[contains(., 'See')]", namespaces=NS)[0]
    assert " ".join("".join(p.itertext()).split()) == "See the letter and the agenda."
    plain = tmp_path / "notes.txt"
    plain.write_text("Memorandum of Conversation\n\nSmith: The [draft](v2) is ready.\n\nJones: Agreed.\n",
                     encoding="utf-8")
    result = encode_file(plain, Registry.load())
    text = result.documents[0].tree.getroot().find(f"{{{TEI_NS}}}text")
    assert "(v2)" in "".join(text.itertext())
    assert not [m.text for m in result.report.messages if "differs from the transcript" in m.text]


def _encoded_as(tmp_path, name: str, text: str):
    """The result of encoding ``text`` saved as ``name`` (its extension says how it is read)."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return encode_file(path, Registry.load())


def test_a_markdown_backslash_escape_is_its_character_and_a_time_code_in_brackets_is_set_apart(tmp_path):
    """A podcast's transcript in Markdown escapes its time codes' brackets (``\\[03:56\\]``, CommonMark's backslash
    escape, so that they open no link): each is its character, the backslash no word (nor lost), and the time code
    of the recording, first or last in its paragraph, is ``fw type="timecode"``, never words the editors supplied;
    inside a fenced block of code a backslash stays as typed."""
    result = _encoded_as(tmp_path, "episode.md", "**Ann Lee:** Welcome to the show. It's good to have you.\n\n"
                         "**Bo Chen:** \\[03:56\\] Thanks. I write snake\\_case.\n\n"
                         "```\npath\\_name\n```\n\n**Ann Lee:** Back soon. \\[16:39\\]\n")
    root = result.documents[0].tree.getroot()
    text = " ".join("".join(root.find(f"{{{TEI_NS}}}text").itertext()).split())
    assert "\\[" not in text and "snake_case" in text and "path\\_name" in text
    assert root.xpath("//t:fw[@type='timecode']/text()", namespaces=NS) == ["[03:56]", "[16:39]"]
    assert root.xpath("//t:supplied", namespaces=NS) == []
    assert root.xpath("//t:speaker/text()", namespaces=NS) == ["Ann Lee:", "Bo Chen:", "Ann Lee:"]
    assert not [m.text for m in result.report.messages if "differs from the transcript" in m.text]


def test_a_time_the_editors_supply_in_a_sentence_is_no_time_code(tmp_path):
    """A clock's reading in brackets inside a sentence (``resumed at [10:30] in``) is words the editors supplied;
    one with hours, minutes and seconds is a time code wherever it stands."""
    root = _encoded_as(tmp_path, "memcon.txt", "Memorandum of Conversation\n\nSmith: The talks resumed at [10:30] in "
                       "the hall. [00:12:31] More.\n\nJones: Yes.\n").documents[0].tree.getroot()
    assert root.xpath("//t:supplied/text()", namespaces=NS) == ["10:30"]
    assert root.xpath("//t:fw[@type='timecode']/text()", namespaces=NS) == ["[00:12:31]"]


def test_a_front_matters_list_of_quoted_strings_is_no_words_the_editors_supplied(tmp_path):
    """A front matter's list in YAML's brackets (``speakers: ['Ann Lee', "Bo Chen"]``) is data: its brackets are the
    list's, kept as typed, not words the editors supplied; brackets round words in the speech still are."""
    root = _encoded_as(tmp_path, "hearing.md", "---\ntitle: A hearing\nspeakers: ['Ann Lee', \"Bo Chen\"]\n"
                       "tags: ['policy']\n---\n\n**Ann Lee:** The report [of 2014] is clear.\n\n**Bo Chen:** It is.\n\n"
                       "**Ann Lee:** Thank you.\n").documents[0].tree.getroot()
    assert root.xpath("//t:supplied/text()", namespaces=NS) == ["of 2014"]
    text = "".join(root.find(f"{{{TEI_NS}}}text").itertext())
    assert "['Ann Lee', \"Bo Chen\"]" in text and "['policy']" in text


def test_an_image_that_is_a_links_words_is_its_description_linked_where_the_link_leads(tmp_path):
    """``[![Screenshot of the page](shot.png)](https://example.org)``: the image's description, linked to the link's
    address; no brackets read as words the editors supplied, no address left as text."""
    result = _encoded_as(tmp_path, "notes.md", "# Notes of the visit\n\nChair: We begin.\n\nClerk: Agreed.\n\n"
                         "Chair: See the page.\n\n[![Screenshot of the page](/img/shot.png)](https://example.org)\n")
    root = result.documents[0].tree.getroot()
    refs = root.xpath("//t:text//t:ref", namespaces=NS)
    assert [(r.get("target"), r.text) for r in refs] == [("https://example.org", "Screenshot of the page")]
    assert root.xpath("//t:text//t:supplied", namespaces=NS) == []
    assert "https://example.org" not in "".join(root.find(f"{{{TEI_NS}}}text").itertext())
    assert not [m.text for m in result.report.messages if "differs from the transcript" in m.text]


def test_a_front_matters_title_stands_alone_however_long_the_front_matter(tmp_path):
    """A front matter that holds the whole transcript in a field of its own (a site's ``transcript: |`` over
    dozens of paragraphs, each after a blank line) still closes where its fence does: its title is the title's
    field alone, not run into the field below it."""
    speech = "\n\n".join(f"    **Ann Lee:** Paragraph {k} of the episode." for k in range(60))
    result = _encoded_as(tmp_path, "episode.md", f"---\ndate: 2017-12-11\ntitle: \"A Long Episode\"\n"
                         f"transcript: |\n{speech}\n---\n\nThe episode's page ends here.\n")
    root = result.documents[0].tree.getroot()
    assert root.xpath("string(//t:titleStmt/t:title)", namespaces=NS) == "A Long Episode"
