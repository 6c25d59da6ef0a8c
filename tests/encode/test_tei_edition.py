"""The curated edition in tei/ stays in step with what `edition encode` makes of the seed, and is valid TEI."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from edition.conventions import TEI_NS, XML_ID, T, normalize, reading_text
from edition.encode import Registry, encode_file

from ..conftest import ROOT, SEED, run_jing

TEI_DIR = ROOT / "tei"
NS = {"t": TEI_NS}
EDITION = TEI_DIR / "edition.xml"


@pytest.fixture(scope="module")
def encoded():
    return {d.id: d.tree.getroot() for d in encode_file(SEED, Registry.load(), edition=EDITION).documents}


def curated(rid: str) -> etree._Element:
    return etree.parse(str(TEI_DIR / f"{rid}.xml")).getroot()


def record_files() -> list[Path]:
    return sorted(p for p in TEI_DIR.glob("*.xml") if p.name not in ("persons.xml", "edition.xml"))


def metadata(root: etree._Element) -> dict:
    setting = root.find(f".//{T}settingDesc/{T}setting")
    date = setting.find(T + "date")
    return {
        "title": root.findtext(f".//{T}titleStmt/{T}title"),
        "kind": root.find(T + "text").get("subtype"),
        "date": {k: date.get(k) for k in ("when", "from", "to", "cert")},
        "place": setting.findtext(T + "placeName"),
        "translators": root.xpath("//t:titleStmt/t:respStmt/t:persName/@ref", namespaces=NS),
        "archive": [[(c.tag, c.text, dict(c.attrib)) for c in i] for i in root.iter(T + "msIdentifier")],
        "participants": root.xpath("//t:particDesc//t:person/@sameAs", namespaces=NS),
        "publisher": root.xpath("//t:sourceDesc/t:bibl/t:publisher/@ref", namespaces=NS),
    }


def test_same_records(encoded):
    assert sorted(p.stem for p in record_files()) == sorted(encoded)


@pytest.mark.parametrize("path", record_files(), ids=lambda p: p.stem)
def test_text_turns_and_metadata_agree(encoded, path):
    mine, theirs = encoded[path.stem], curated(path.stem)
    assert normalize(reading_text(theirs.find(T + "text"))) == normalize(reading_text(mine.find(T + "text")))
    turns = "//t:sp/@who | //t:sp/@xml:id"
    assert theirs.xpath(turns, namespaces=NS) == mine.xpath(turns, namespaces=NS)
    assert metadata(theirs) == metadata(mine)


def test_personography_has_everyone_the_records_point_to():
    persons = etree.parse(str(TEI_DIR / "persons.xml"))
    ids = set(persons.xpath("//@xml:id")) | set(etree.parse(str(EDITION)).xpath("//@xml:id"))
    for path in record_files():
        root = etree.parse(str(path)).getroot()
        pointers = {v[1:] for v in root.xpath("//@who | //@ref | //@sameAs | //@resp") if v.startswith("#")}
        local = set(root.xpath("//@xml:id"))
        assert pointers <= ids | local, (path.name, pointers - ids - local)


def test_ids_unique_across_the_edition():
    seen: dict[str, str] = {}
    for path in sorted(TEI_DIR.glob("*.xml")):
        for value in etree.parse(str(path)).xpath("//@xml:id"):
            assert value not in seen, f"{value} in {path.name} and {seen[value]}"
            seen[value] = path.name


def test_source_transcript_is_kept():
    assert SEED.parent == TEI_DIR / "source"
    assert SEED.read_text(encoding="utf-8").count("Memorandum of") == 11


def test_edition_is_valid_tei_all(jing):
    proc = run_jing(jing, sorted(TEI_DIR.glob("*.xml")))
    assert proc.returncode == 0, proc.stdout


def test_every_record_has_the_editions_publication_statement():
    licence = etree.parse(str(EDITION)).find(f".//{T}licence").get("target")
    for path in record_files():
        root = etree.parse(str(path)).getroot()
        assert root.find(f".//{T}publicationStmt/{T}licence", None) is None
        assert root.find(f".//{T}publicationStmt//{T}licence").get("target") == licence
        assert root.findtext(f".//{T}publicationStmt/{T}idno[@type='record']") == path.stem
        assert root.get(XML_ID) == f"rec-{path.stem}"
