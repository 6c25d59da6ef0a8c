"""The edition's static DTS API (issue 15, machine interfaces that need no server): a client that knows only the
entry point and the URI templates walks every record's collection, citation tree and passages, as DTS 1.0 says."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import quote

import pytest
from click.testing import CliRunner
from lxml import etree

from edition.cli import main
from edition.conventions import TEI_NS, XML_ID

from ..conftest import OTHERTEI, ROOT, build_site

TEI_DIR = ROOT / "tei"
RECORDS = sorted(p for p in TEI_DIR.glob("*.xml") if p.name not in ("persons.xml", "edition.xml"))
BASE = "https://example.org/gorbachev/"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
T = f"{{{TEI_NS}}}"
WRAPPER = "{https://w3id.org/api/dts#}wrapper"


def expand(template: str, **values: str | int) -> str:
    """An RFC 6570 expansion of the forms DTS templates use: {;a,b} (path-style) and {?a,b} (query)."""
    def one(match: re.Match) -> str:
        op, names = match.group(1), match.group(2).split(",")
        given = [(n, str(values[n])) for n in names if values.get(n) is not None]
        if op == ";":
            return "".join(f";{n}={quote(v, safe='')}" if v else f";{n}" for n, v in given)
        return ("?" + "&".join(f"{n}={quote(v, safe='')}" for n, v in given)) if given else ""
    return re.sub(r"\{([;?])([^}]*)\}", one, template)


class Client:
    """A DTS client of a site on disk: it follows the API's addresses (absolute under ``base``, or relative to the
    response that gives them) and nothing else."""

    def __init__(self, site: Path, base: str | None) -> None:
        self.site, self.base = site, base

    def path(self, url: str) -> Path:
        if self.base:
            assert url.startswith(self.base), url  # every address of the API is absolute, on the edition's site
            return self.site / url.removeprefix(self.base)
        assert "://" not in url, url
        return (self.site / "dts" / url).resolve()

    def get(self, url: str) -> dict:
        path = self.path(url)
        assert path.is_file(), f"{url}: no such response"
        return json.loads(path.read_text(encoding="utf-8"))

    def document(self, url: str) -> etree._Element:
        return etree.parse(str(self.path(url))).getroot()


@pytest.fixture(scope="module", params=[BASE, None], ids=["with an address", "relative"])
def api(request, tmp_path_factory) -> Client:
    tmp = tmp_path_factory.mktemp("dts")
    options = ["--only", "web", "--dts"] + (["--base-url", request.param] if request.param else [])
    site = build_site(tmp, [*RECORDS, TEI_DIR / "persons.xml", TEI_DIR / "edition.xml", OTHERTEI / "play.xml",
                            FIXTURES / "manual-chapter.xml", FIXTURES / "volume.xml"], *options)
    return Client(site, request.param)


def entry(api: Client) -> dict:
    return api.get(f"{api.base}dts/index.json" if api.base else "index.json")


def test_a_client_finds_every_record_and_its_tei_from_the_entry_point(api):
    start = entry(api)
    assert start["@type"] == "EntryPoint" and start["dtsVersion"] == "1.0"
    root = api.get(expand(start["collection"]))
    assert root["@type"] == "Collection" and root["totalParents"] == 0
    ids = {m["@id"] for m in root["member"]}
    listing = json.loads((api.site / "records.json").read_text(encoding="utf-8"))["records"]
    assert ids == {r["id"] for r in listing} and root["totalChildren"] == len(ids) == len(RECORDS) + 3
    for member in root["member"]:
        resource = api.get(expand(start["collection"], id=member["@id"]))
        assert resource["@type"] == "Resource" and resource["title"] == member["title"]
        parents = api.get(expand(resource["collection"], nav="parents"))["member"]
        assert [p["@id"] for p in parents] == [root["@id"]]
        whole = api.path(expand(start["document"], resource=member["@id"]))
        tei = api.site / "records" / f"{member['@id']}.xml"
        if etree.parse(str(tei)).getroot().tag == T + "TEI":
            assert whole.read_bytes() == tei.read_bytes()  # the very file
        else:  # a chapter without a header, in a TEI element as DTS asks
            got = etree.parse(str(whole)).getroot()
            assert got.tag == T + "TEI" and got[0][0].tag == etree.parse(str(tei)).getroot().tag


def test_every_turn_of_a_conversation_is_a_citable_unit_whose_passage_is_the_turn(api):
    start = entry(api)
    published = {(api.site / "records" / f"{r['id']}.xml").read_bytes(): r["id"] for r in json.loads(
        (api.site / "records.json").read_text(encoding="utf-8"))["records"]}
    for record in RECORDS:
        source = etree.parse(str(record))
        rid = published[record.read_bytes()]
        tree = api.get(expand(start["navigation"], resource=rid, down=-1))
        turns = [u for u in tree["member"] if u["citeType"] == "turn"]
        spoken = source.findall(f".//{T}text//{T}sp")
        assert [u["identifier"] for u in turns] == [sp.get(XML_ID) for sp in spoken]
        for unit, sp in zip(turns, spoken, strict=True):
            passage = api.document(expand(start["document"], resource=rid, ref=unit["identifier"]))
            assert passage.tag == T + "TEI" and passage[0].tag == WRAPPER
            assert etree.tostring(passage[0][0], method="c14n", exclusive=True) == etree.tostring(
                etree.fromstring(etree.tostring(sp, with_tail=False)), method="c14n", exclusive=True)
            # the unit is linked to its place on the record's page, and titled by its speaker label
            page, anchor = unit["@id"].split("#")
            assert anchor == sp.get(XML_ID) and page.endswith(f"records/{rid}.html")
            label = " ".join("".join(sp.find(f"{T}speaker").itertext()).split())
            assert unit["dublinCore"]["title"][0]["value"] == label


def test_navigation_answers_each_depth_a_unit_alone_among_its_siblings_and_below(api):
    start = entry(api)
    nav = lambda **q: api.get(expand(start["navigation"], resource="play000001", **q))  # noqa: E731
    idents = lambda response: [u["identifier"] for u in response["member"]]  # noqa: E731
    # the play: two scenes without ids, cited by their place, their turns under them
    assert idents(nav(down=1)) == ["1", "2"]
    assert idents(nav(down=-1)) == ["1", "1.1", "1.2", "1.3", "2", "2.1", "2.2"] == idents(nav(down=2))
    assert [u["parent"] for u in nav(down=-1)["member"]] == [None, "1", "1", "1", None, "2", "2"]
    alone = nav(ref="1.2")
    assert alone["ref"]["identifier"] == "1.2" and alone["ref"]["level"] == 2 and "member" not in alone
    assert idents(nav(ref="1.2", down=0)) == ["1.1", "1.2", "1.3"]
    assert idents(nav(ref="2", down=1)) == ["2", "2.1", "2.2"] == idents(nav(ref="2", down=-1))
    assert idents(nav(ref="2.1", down=1)) == ["2.1"]  # nothing below a turn but itself
    tree = nav(down=1)["resource"]["citationTrees"]
    assert tree[0]["citeStructure"] == [{"@type": "CiteStructure", "citeType": "scene", "citeStructure": [
        {"@type": "CiteStructure", "citeType": "turn"}]}]
    scene = api.document(expand(start["document"], resource="play000001", ref="2"))
    assert scene[0][0].tag == T + "div" and len(scene[0][0].findall(f"{T}sp")) == 2


def test_a_volume_is_cited_by_its_documents_ids(api):
    start = entry(api)
    listing = {r["id"]: r for r in json.loads((api.site / "records.json").read_text(encoding="utf-8"))["records"]}
    volume = next(rid for rid, r in listing.items() if r.get("parts"))
    assert [u["identifier"] for u in api.get(expand(start["navigation"], resource=volume, down=1))["member"]] == [
        "preface", "ch1"]  # the front matter's divisions as well as the body's
    tree = api.get(expand(start["navigation"], resource=volume, down=-1))["member"]
    assert [(u["identifier"], u["parent"]) for u in tree if u["citeType"] == "document"] == [
        ("d1", "ch1"), ("d2", "ch1"), ("d3", "ch1")]
    assert all("@id" not in u for u in tree)  # its pages are the documents' own: no anchor on the volume's page
    passage = api.document(expand(start["document"], resource=volume, ref="d2"))
    assert passage[0][0].get(XML_ID) == "d2"


def test_the_api_is_built_only_when_asked_and_the_data_page_offers_it(tmp_path):
    shutil.copytree(TEI_DIR, tmp_path / "tei")
    run = lambda *o: CliRunner().invoke(main, ["build", str(tmp_path / "tei"), "--out",  # noqa: E731
                                               str(tmp_path / "site"), "--only", "web", *o])
    assert run().exit_code == 0
    assert not (tmp_path / "site" / "dts").exists()
    assert "dts/index.json" not in (tmp_path / "site" / "data.html").read_text(encoding="utf-8")
    (tmp_path / "edition.toml").write_text("dts = true\n", encoding="utf-8")
    result = run()
    assert result.exit_code == 0 and "up to date" not in result.output  # the setting changed what is built
    assert (tmp_path / "site" / "dts" / "index.json").is_file()
    assert 'href="dts/index.json"' in (tmp_path / "site" / "data.html").read_text(encoding="utf-8")


def test_a_positional_reference_never_meets_an_id_and_a_repeated_id_is_cited_by_place(tmp_path):
    record = (OTHERTEI / "play.xml").read_text(encoding="utf-8")
    # the first scene's first turn takes the id "x", and so does the second's (invalid TEI, met in the wild)
    record = record.replace('<sp who="#magd">', '<sp who="#magd" xml:id="x">', 1)
    record = record.replace('<sp who="#bote">', '<sp who="#bote" xml:id="x">', 1)
    # and a heading in another language than the play's
    record = record.replace("<head>Zweiter Auftritt.</head>", '<head xml:lang="en">Scene the second.</head>')
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "play.xml").write_text(record, encoding="utf-8")
    site = build_site(tmp_path, [tmp_path / "in" / "play.xml"], "--only", "web", "--dts")
    tree = Client(site, None).get("navigation;resource=play000001;down=-1.json")["member"]
    assert [u["identifier"] for u in tree] == ["1", "x", "1.2", "1.3", "2", "2.1", "2.2"]
    # each unit titled by its heading or speaker label, in the language of that label
    assert [u["dublinCore"]["title"] for u in tree if u["identifier"] in ("1", "2")] == [
        [{"lang": "de", "value": "Erster Auftritt."}], [{"lang": "en", "value": "Scene the second."}]]


def test_a_rebuild_after_a_change_gives_the_api_of_a_full_build(tmp_path):
    src = tmp_path / "tei"
    shutil.copytree(TEI_DIR, src, ignore=shutil.ignore_patterns("source"))
    run = lambda out: CliRunner().invoke(main, ["build", str(src), "--out", str(out), "--only", "web",  # noqa: E731
                                                "--dts"])
    assert run(tmp_path / "site").exit_code == 0
    kohl = src / "1991-02-23-1955-kohl.xml"
    kohl.write_text(kohl.read_text(encoding="utf-8").replace("<p>", "<p>Rebuilt. ", 1), encoding="utf-8")
    (src / "1991-02-23-gandhi.xml").unlink()
    assert run(tmp_path / "site").exit_code == 0 and run(tmp_path / "full").exit_code == 0
    api = {p.name: p.read_bytes() for p in (tmp_path / "site" / "dts").iterdir()}
    assert api == {p.name: p.read_bytes() for p in (tmp_path / "full" / "dts").iterdir()}
    kohl_passages = [data for name, data in api.items() if name.startswith("document;resource=1991-02-23-1955")]
    assert any(b"Rebuilt." in data for data in kohl_passages)
    assert not any("gandhi" in name for name in api)


def test_an_id_too_long_to_name_a_file_is_one_error_with_the_source_and_line(tmp_path):
    record = (OTHERTEI / "play.xml").read_text(encoding="utf-8")
    long_id = "turn-" + "x" * 250
    record = record.replace('<sp who="#bote">', f'<sp who="#bote" xml:id="{long_id}">', 1)
    (tmp_path / "tei").mkdir()
    (tmp_path / "tei" / "play.xml").write_text(record, encoding="utf-8")
    line = next(n for n, text in enumerate(record.splitlines(), 1) if long_id in text)
    result = CliRunner().invoke(main, ["build", str(tmp_path / "tei"), "--out", str(tmp_path / "site"), "--only",
                                       "web", "--dts"])
    assert result.exit_code == 1 and not (tmp_path / "site").exists()
    said = result.output.strip()
    assert "\n" not in said and said.startswith(f"{tmp_path / 'tei' / 'play.xml'}:{line}: error: [dts-name]"), said


def test_asking_for_the_api_without_the_web_edition_says_that_none_was_written(tmp_path):
    shutil.copytree(TEI_DIR, tmp_path / "tei")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "tei"), "--out", str(tmp_path / "site"), "--only",
                                       "per-document", "--dts"])
    assert result.exit_code == 0 and "no DTS API was written" in result.output
    assert not (tmp_path / "site" / "dts").exists()
