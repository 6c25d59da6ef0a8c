"""The entries of a personography that a run writing some records' pages needs (personography.py): a large
edition's record pages are written from a copy with those alone, which must show the same as the whole."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from edition import publish
from edition.publish import parts as web_parts
from edition.publish import stylesheets
from edition.publish.personography import Personography

from ..conftest import ROOT

TEI = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

# A register in the shape of a debate's (ParlaMint's persons with their affiliations to parties) and a documentary
# edition's (a personography in standOff), with the header's prefix definitions.
REGISTER = f"""<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="{TEI}" xml:id="register">
  <teiHeader><fileDesc><titleStmt><title>Persons</title></titleStmt><publicationStmt><p>Ours.</p>
    </publicationStmt><sourceDesc><p>Made for this test.</p></sourceDesc></fileDesc>
    <encodingDesc><listPrefixDef><prefixDef ident="pers" matchPattern="(.+)" replacementPattern="#$1"/>
    </listPrefixDef></encodingDesc></teiHeader>
  <standOff>
    <listPerson>
      <person xml:id="speaker"><persName>A. Speaker</persName>
        <affiliation ref="#party" role="member"/></person>
      <person xml:id="chair"><persName>The Chair</persName></person>
      <person xml:id="prefixed"><persName>Pre Fixed</persName></person>
      <person xml:id="unknown"><persName>Never Named</persName></person>
    </listPerson>
    <listOrg>
      <org xml:id="party"><orgName>The Party</orgName><listRelation><relation name="successor"
        active="#party" passive="#heir"/></listRelation></org>
      <org xml:id="heir"><orgName>The Heir</orgName></org>
      <org xml:id="other"><orgName>Another Party</orgName></org>
    </listOrg>
  </standOff>
</TEI>
"""

RECORD = f"""<TEI xmlns="{TEI}"><teiHeader/><text><body>
  <sp who="#speaker"><p>I thank <persName ref="persons.xml#chair">the chair</persName>
  and <persName ref="pers:prefixed">my friend</persName>.</p></sp></body></text></TEI>
"""


def ids(path: Path) -> list[str]:
    return [e.get(XML_ID) for e in etree.parse(str(path)).iter() if e.get(XML_ID)]


def test_a_subset_holds_what_the_records_point_to_and_what_that_points_to(tmp_path):
    register, record = tmp_path / "persons.xml", tmp_path / "r.xml"
    register.write_text(REGISTER, encoding="utf-8")
    record.write_text(RECORD, encoding="utf-8")
    subset = Personography.read(register).subset([record], tmp_path / "subset.xml")
    # the persons pointed to by #id, file#id and prefix:id; the party of one, and the party's successor in turn;
    # in the order and the places of the whole (the root's id kept, each entry in its list)
    assert ids(subset) == ["register", "speaker", "chair", "prefixed", "party", "heir"]
    tree = etree.parse(str(subset))
    assert [e.getparent().tag for e in tree.iter(f"{{{TEI}}}person", f"{{{TEI}}}org")] == \
        [f"{{{TEI}}}listPerson"] * 3 + [f"{{{TEI}}}listOrg"] * 2
    assert tree.find(f".//{{{TEI}}}prefixDef") is not None  # the header whole
    assert tree.find(f".//{{{TEI}}}affiliation").get("ref") == "#party"  # an entry whole


def test_an_entry_in_the_header_is_kept_once(tmp_path):
    register, record = tmp_path / "persons.xml", tmp_path / "r.xml"
    register.write_text(f'<TEI xmlns="{TEI}"><teiHeader><profileDesc><particDesc><listPerson>'
                        '<person xml:id="a"/><person xml:id="b"/></listPerson></particDesc></profileDesc>'
                        '</teiHeader><text><body><p/></body></text></TEI>', encoding="utf-8")
    record.write_text(f'<TEI xmlns="{TEI}"><text><body><sp who="#a"/></body></text></TEI>', encoding="utf-8")
    subset = Personography.read(register).subset([record], tmp_path / "subset.xml")
    assert ids(subset) == ["a", "b"]  # (the header is kept whole, and nothing twice)


def test_no_subset_where_a_copy_could_say_something_else(tmp_path):
    """Entities declared in the file, or parts of it included from others, would not survive a copy."""
    dtd, included = tmp_path / "dtd.xml", tmp_path / "included.xml"
    dtd.write_text('<!DOCTYPE TEI [<!ENTITY who "Someone">]>' + f'<TEI xmlns="{TEI}"><standOff><listPerson>'
                   '<person xml:id="a"><persName>&who;</persName></person></listPerson></standOff></TEI>',
                   encoding="utf-8")
    included.write_text(f'<TEI xmlns="{TEI}" xmlns:xi="http://www.w3.org/2001/XInclude"><standOff>'
                        '<xi:include href="more.xml"/></standOff></TEI>', encoding="utf-8")
    assert Personography.read(dtd) is None
    assert Personography.read(included) is None
    assert Personography.read(tmp_path / "missing.xml") is None


def test_the_pages_of_a_build_in_parts_are_written_from_subsets(tmp_path, monkeypatch):
    """Each run that writes a part's record pages is given the entries its records need, not the whole register,
    and leaves no copy behind (that the pages are the same as a build at once writes is test_web's)."""
    monkeypatch.setattr(web_parts, "BATCH", 4)  # the 11 records of tei/: parts of 3 records
    given: list[tuple[str, int]] = []
    run = stylesheets.Publisher._run

    def counted(self, found, out, **kwargs):
        given.append((kwargs.get("part", "all"), len(ids(found.persons))))
        return run(self, found, out, **kwargs)

    monkeypatch.setattr(stylesheets.Publisher, "_run", counted)
    site = tmp_path / "site"
    publish.build(ROOT / "tei", site, parts=("web",))
    whole = len(ids(ROOT / "tei" / "persons.xml"))
    pages = [n for part, n in given if part == "pages"]
    assert len(pages) == 4 and all(n < whole for n in pages)
    assert all(n == whole for part, n in given if part != "pages")
    assert not list(site.glob(".edition-persons*"))
