"""Pointers to other documents (a volume citing another, a letter its answer) resolve through the TEI's own
mechanisms (a record of the edition by its file or id, prefixDef, xml:base) or the edition's link-base, and are
otherwise shown unlinked: never a dead link."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from lxml import html

from edition.cli import main

from ..conftest import record_page

HEADER = """<teiHeader><fileDesc><titleStmt><title>{title}</title></titleStmt><publicationStmt><p>Ours.</p>
</publicationStmt><sourceDesc><p>Ours.</p></sourceDesc></fileDesc>{encoding}</teiHeader>"""
A = f"""<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="a">{HEADER.format(title="Volume A", encoding='''
<encodingDesc><listPrefixDef><prefixDef ident="vol" matchPattern="([a-z0-9]+)"
replacementPattern="https://example.org/volumes/$1"/></listPrefixDef></encodingDesc>''')}
<text><body><div>
<p>See <ref target="b.xml#p2">the answer</ref>, <ref target="volume-z#pg_3">volume Z, p. 3</ref>,
<ref target="vol:v12">volume 12</ref>, <ref target="elsewhere.xml#x">a letter elsewhere</ref> and
<ref target="Institutions_d1.4.2">a summary</ref>; <ref target="www.example.org">the project's site</ref>.</p>
<div xml:base="https://archive.example/docs/"><p>Also <ref target="letter9.xml">letter 9</ref>.</p></div>
</div></body></text></TEI>"""
B = f"""<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="b">{HEADER.format(title="Letter B", encoding="")}
<text><body><p>First.</p><p xml:id="p2">The answer.</p></body></text></TEI>"""


def build(tmp_path: Path) -> html.HtmlElement:
    result = CliRunner().invoke(main, ["build", str(tmp_path / "src"), "--out", str(tmp_path / "site"),
                                       "--only", "web"])
    assert result.exit_code == 0, result.output
    return record_page(tmp_path / "site", "a").find_class("text")[0]


def links(text: html.HtmlElement) -> dict[str, str | None]:
    """Each pointer's words and where they lead (None: shown, not linked)."""
    out = {}
    for words in ("the answer", "volume Z, p. 3", "volume 12", "a letter elsewhere", "letter 9", "a summary",
                  "the project's site"):
        anchors = [e for e in text.iter("a") if e.text_content().strip() == words]
        out[words] = anchors[0].get("href") if anchors else None
        assert words in text.text_content()
    return out


def test_pointers_to_other_documents_resolve_or_are_shown_unlinked(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.xml").write_text(A, encoding="utf-8")
    (tmp_path / "src" / "b.xml").write_text(B, encoding="utf-8")
    assert links(build(tmp_path)) == {
        "the answer": "./b.html#p2",  # a record of the edition, by its file
        "volume Z, p. 3": None,  # a document not in the edition: its words, no dead link
        "volume 12": "https://example.org/volumes/v12",  # the prefix the header defines
        "a letter elsewhere": None,
        "letter 9": "https://archive.example/docs/letter9.xml",  # the base the text declares
        "a summary": None,  # an id with dots in it (Escher's) is no file of the site with an extension
        "the project's site": None,  # a host without its scheme (a Markdown converter's) is no file of the site
    }
    (tmp_path / "edition.toml").write_text('link-base = "https://project.example/tei/"\n', encoding="utf-8")
    got = links(build(tmp_path))
    assert got["volume Z, p. 3"] == "https://project.example/tei/volume-z#pg_3"
    assert got["the project's site"] is None
    assert got["a letter elsewhere"] == "https://project.example/tei/elsewhere.xml#x"
    assert got["the answer"] == "./b.html#p2"  # the edition's own record still wins
    (tmp_path / "edition.toml").write_text('link-base = "project.example/tei"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "src"), "--out", str(tmp_path / "site")])
    assert result.exit_code == 1 and "edition.toml: 'project.example/tei' is not an http(s) address" in result.output



def test_a_list_of_persons_kept_as_a_text_of_its_own_is_the_register(tmp_path):
    """Projects keep their register as a TEI whose text is a listPerson (ACDH's indices): it is the edition's
    register, which the letters' names link to, not a record of its own."""
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "listperson.xml").write_text(f"""<TEI xmlns="http://www.tei-c.org/ns/1.0">
      {HEADER.format(title="Persons", encoding="")}<text><body><listPerson><person xml:id="p1"><persName>Anna
      Weber</persName></person></listPerson></body></text></TEI>""", encoding="utf-8")
    (tmp_path / "src" / "b.xml").write_text(B.replace("The answer.", 'The answer of <persName ref="#p1">Anna'
                                                                     "</persName>."), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "src"), "--out", str(tmp_path / "site"),
                                       "--only", "web"])
    assert result.exit_code == 0, result.output
    assert "listperson.xml: a list of persons" in result.output
    assert not (tmp_path / "site" / "records" / "listperson.html").exists()
    register = html.parse(str(tmp_path / "site" / "persons.html")).getroot()
    assert register.get_element_by_id("p1") is not None
    page = record_page(tmp_path / "site", "b")
    assert page.xpath("//a[@href='../persons.html#p1']")
