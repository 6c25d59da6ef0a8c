"""`edition validate`: every problem of every file, with file, line, column and rule; safe on hostile input."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from edition.cli import main

from ..conftest import OTHERTEI, ROOT, RULES, TEI_ALL

TEI_DIR = ROOT / "tei"
RECORD = TEI_DIR / "1991-02-23-1435-mubarak.xml"
LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning|info): "
                  r"\[(?P<rule>[\w-]+)\] (?P<msg>.+)$")


def run(*args: str, cwd: Path | None = None):
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(main, ["validate", *args])
    with runner.isolated_filesystem(temp_dir=cwd):
        return runner.invoke(main, ["validate", *args])


def stdout_lines(result) -> list[re.Match]:
    lines = [line for line in result.stdout.splitlines() if line]
    matches = [LINE.match(line) for line in lines]
    assert all(matches), lines
    return matches


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A copy of the edition to spoil."""
    out = tmp_path / "tei"
    shutil.copytree(TEI_DIR, out, ignore=shutil.ignore_patterns("source"))
    return out


def spoil(path: Path, old: str, new: str) -> int:
    """Replace ``old`` once and return the line it is on."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def test_the_edition_is_valid():
    result = run(str(TEI_DIR))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "13 files checked: 0 errors, 0 warnings (valid)" in result.stderr


def test_default_path_is_tei(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)  # the checkout's tei/
    result = run()
    assert result.exit_code == 0, result.output
    assert "13 files checked" in result.stderr
    monkeypatch.chdir(tmp_path)  # no tei/ here: a usage error
    assert run().exit_code == 2


@pytest.mark.parametrize(("old", "new", "rule"), [
    ('who="#mubarak"', 'who="#mubarrak"', "who-person"),
    ('<persName ref="#bush">Bush</persName>', '<persName ref="#busch">Bush</persName>', "ref-person"),
    ('to="1991-02-23T15:05:00">23 February', 'to="1991-02-31T15:05:00">23 February', "date-iso"),
    ('from="1991-02-23T14:35:00" to="1991-02-23T15:05:00">23 Feb',
     'from="1991-02-23T15:35:00" to="1991-02-23T15:05:00">23 Feb', "date-range"),
    ('<speaker>Mubarak:</speaker>', '', "sp-speaker"),
    ('xml:id="rec-1991-02-23-1435-mubarak-sp2"', 'xml:id="rec-1991-02-23-1435-mubarak-sp1"', "id-unique"),
    ('<idno type="wikidata">Q50005</idno>', '<idno type="wikidata">50005</idno>', "wikidata-id"),
])
def test_a_faulty_record_gets_its_rule_file_and_line(corpus, old, new, rule):
    target = corpus / (RECORD.name if rule != "wikidata-id" else "persons.xml")
    line = spoil(target, old, new)
    result = run(str(corpus))
    assert result.exit_code == 1, result.output
    found = [m for m in stdout_lines(result) if m["rule"] == rule]
    assert found, result.stdout
    assert all(m["path"] == str(target) for m in found)
    assert any(int(m["line"]) in range(line - 1, line + 2) for m in found), (line, result.stdout)


def test_missing_credit_and_archive(corpus):
    text = RECORD.read_text(encoding="utf-8")
    text = re.sub(r"\s*<respStmt>\s*<resp ref=\"http://id.loc.gov/vocabulary/relators/trl\">.*?</respStmt>", "", text,
                  flags=re.S)
    text = re.sub(r"\s*<msDesc>.*?</msDesc>", "", text, flags=re.S)
    (corpus / RECORD.name).write_text(text, encoding="utf-8")
    result = run(str(corpus))
    assert result.exit_code == 1
    rules = {m["rule"] for m in stdout_lines(result)}
    assert {"translator-credit", "archive-named"} <= rules


def test_every_problem_in_every_file_is_reported(corpus):
    spoil(corpus / RECORD.name, 'who="#mubarak"', 'who="#nobody"')
    spoil(corpus / "1991-02-23-major.xml", 'who="#major"', 'who="#minor"')
    (corpus / "broken.xml").write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'><teiHeader>", encoding="utf-8")
    result = run(str(corpus))
    matches = stdout_lines(result)
    paths = {Path(m["path"]).name for m in matches}
    assert {RECORD.name, "1991-02-23-major.xml", "broken.xml"} <= paths
    assert {m["rule"] for m in matches if m["path"].endswith("major.xml")} == {"who-person"}
    assert "14 files checked" in result.stderr


def test_truncated_file_gets_parser_error_with_line_and_column(corpus):
    text = RECORD.read_text(encoding="utf-8")
    (corpus / RECORD.name).write_text(text[: len(text) // 2], encoding="utf-8")
    result = run(str(corpus))
    assert result.exit_code == 1
    (m,) = [m for m in stdout_lines(result) if m["rule"] == "well-formed"][:1]
    assert m["path"].endswith(RECORD.name) and int(m["line"]) > 1 and int(m["col"]) >= 1
    assert "Traceback" not in result.output


@pytest.mark.parametrize("doctype", [
    '<!DOCTYPE TEI [<!ENTITY secret SYSTEM "file:///etc/passwd">]>',
    '<!DOCTYPE TEI SYSTEM "tei_all.dtd" [<!ENTITY secret SYSTEM "file:///etc/passwd">]>',
    '<!DOCTYPE TEI [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>',
])
def test_hostile_doctype_is_refused_and_nothing_is_read(tmp_path, doctype):
    doc = tmp_path / "hostile.xml"
    body = RECORD.read_text(encoding="utf-8").replace("<?xml version='1.0' encoding='UTF-8'?>\n", "")
    body = body.replace("Good afternoon", "Good afternoon &secret;")
    doc.write_text(f'<?xml version="1.0"?>\n{doctype}\n{body}', encoding="utf-8")
    result = run(str(doc))
    assert result.exit_code == 1
    (m,) = stdout_lines(result)
    assert (m["rule"], m["line"], m["col"]) == ("doctype", "2", "1")
    assert "root:" not in result.output and "/bin/" not in result.output


@pytest.mark.parametrize("dtd", ['SYSTEM "file:///etc/passwd"', 'PUBLIC "-//X//Y" "http://example.com/tei.dtd"',
                                 'SYSTEM "tei_all.dtd"'])
def test_the_dtd_a_doctype_names_is_never_read(tmp_path, dtd):
    """Older TEI names its DTD (``<!DOCTYPE TEI SYSTEM "tei_all.dtd">``): the file is read without it (a DTD beside
    it that is not even XML changes nothing; jing reads a copy without it), and an entity that only the DTD would
    declare is an error where it is used."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "tei_all.dtd").write_text("<!ELEMENT TEI (((\n not a DTD at all", encoding="utf-8")
    doc = src / "older.xml"
    older = (f'<?xml version="1.0"?>\n<!DOCTYPE TEI {dtd}>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">\n'
             "<teiHeader><fileDesc><titleStmt><title>An older file</title></titleStmt><publicationStmt><p>Ours.</p>"
             "</publicationStmt><sourceDesc><p>Ours.</p></sourceDesc></fileDesc></teiHeader>\n"
             "<text><body>\n<p>Dear friend,</p>\n<p>the weather is fine.</p>\n</body></text>\n</TEI>\n")
    doc.write_text(older, encoding="utf-8")
    result = run(str(doc), "--rng", str(TEI_ALL))
    assert result.exit_code == 0, result.output
    built = CliRunner().invoke(main, ["build", str(src), "--out", str(tmp_path / "site")])  # web and print
    assert built.exit_code == 0, built.output
    assert "the weather is fine." in (tmp_path / "site" / "records" / "older.html").read_text(encoding="utf-8")
    doc.write_text(older.replace("Dear friend", "Dear&nbsp;friend"), encoding="utf-8")
    result = run(str(doc))
    assert result.exit_code == 1
    (m,) = stdout_lines(result)
    assert (m["rule"], m["line"]) == ("well-formed", "6") and "nbsp" in m["msg"]
    assert "the DTD the DOCTYPE names is never read" in m["msg"]
    assert "root:" not in result.output and "/bin/" not in result.output


def test_entity_bomb_fails_fast(tmp_path):
    """Entities a file declares itself are expanded, within libxml2's limits: a bomb is refused at once."""
    lol = "".join(f'<!ENTITY l{k} "{f"&l{k - 1};" * 10 if k else "lol"}">' for k in range(10))
    doc = tmp_path / "bomb.xml"
    doc.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE TEI [{lol}]>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">&l9;</TEI>')
    result = run(str(doc))
    assert result.exit_code == 1
    (m,) = stdout_lines(result)
    assert m["rule"] == "well-formed" and "amplification" in m["msg"]


def test_entities_a_file_declares_itself_are_expanded_in_validate_and_build(tmp_path):
    """Older TEI declares its own entities (&mdash;) in the DOCTYPE's internal subset: read as jing reads them, and
    published with their characters; an external or parameter entity is still refused (above)."""
    src = tmp_path / "src"
    src.mkdir()
    doc = src / "e1.xml"
    doc.write_text('<?xml version="1.0"?>\n<!DOCTYPE TEI [\n<!ENTITY mdash "&#x2014;">\n<!ENTITY ed "the editors">\n'
                   ']>\n<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="e1"><teiHeader><fileDesc><titleStmt><title>'
                   'Entities</title></titleStmt><publicationStmt><p>By &ed;.</p></publicationStmt><sourceDesc><p>A '
                   'letter.</p></sourceDesc></fileDesc></teiHeader><text><body><p>one&mdash;two, said &ed;.</p>'
                   '</body></text></TEI>\n', encoding="utf-8")
    result = run(str(doc), "--rng", str(TEI_ALL))
    assert result.exit_code == 0, result.output
    built = CliRunner().invoke(main, ["build", str(src), "--out", str(tmp_path / "site"), "--only", "web"])
    assert built.exit_code == 0, built.output
    assert "one\u2014two, said the editors." in (tmp_path / "site" / "records" / "e1.html").read_text(encoding="utf-8")


def test_unreadable_and_binary_files_are_errors_not_crashes(tmp_path):
    (tmp_path / "binary.xml").write_bytes(b"\x00\x01\x02PNG\xff\xfe")
    (tmp_path / "latin1.xml").write_bytes('<TEI xmlns="http://www.tei-c.org/ns/1.0">caf\xe9</TEI>'.encode("latin-1"))
    (tmp_path / "empty.xml").write_bytes(b"")
    result = run(str(tmp_path))
    assert result.exit_code == 1
    names = {Path(m["path"]).name for m in stdout_lines(result) if m["rule"] == "well-formed"}
    assert names == {"binary.xml", "latin1.xml", "empty.xml"}


def test_output_formats_are_well_formed(corpus):
    line = spoil(corpus / RECORD.name, 'who="#mubarak"', 'who="#nobody"')
    result = run(str(corpus), "--format", "json")
    data = json.loads(result.stdout)
    assert data["valid"] is False and data["errors"] >= 1 and len(data["files"]) == 13
    first = next(p for p in data["problems"] if p["rule"] == "who-person")
    assert set(first) == {"path", "line", "column", "severity", "rule", "message"}
    assert first["line"] == line

    result = run(str(corpus), "--format", "junit")
    suites = etree.fromstring(result.stdout.encode())
    cases = suites.findall(".//testcase")
    assert len(cases) == 13
    failed = [c for c in cases if c.find("failure") is not None]
    assert [c.get("name") for c in failed] == [str(corpus / RECORD.name)]
    assert f":{line}:" in failed[0].find("failure").text

    result = run(str(corpus), "--format", "github")
    lines = result.stdout.splitlines()
    assert lines
    for out in lines:
        assert re.fullmatch(r"::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,title=[\w-]+::[^\n]+", out), out
    assert any(f"line={line}," in out and "who-person" in out for out in lines)
    assert result.exit_code == 1


def test_github_format_escapes_what_would_break_a_command(tmp_path):
    doc = tmp_path / "a,b:c.xml"
    doc.write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'>100%\n", encoding="utf-8")
    result = run(str(doc), "--format", "github")
    out = result.stdout.splitlines()[0]
    assert "file=" + str(doc).replace(":", "%3A").replace(",", "%2C") + "," in out


def test_report_to_a_file(corpus, tmp_path):
    out = tmp_path / "report.json"
    result = run(str(corpus), "--format", "json", "--output", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text())["valid"] is True


@pytest.mark.parametrize("args", [
    ["--format", "xml"],
    ["/no/such/path"],
    ["--bogus"],
    ["--rng", str(ROOT / "README.md")],
    ["--schematron", str(ROOT / "schema" / "edition.rng")],
])
def test_usage_errors_exit_2(args):
    result = run(*args, str(TEI_DIR)) if args[0].startswith("--") and len(args) > 1 else run(*args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


def test_empty_directory_is_a_usage_error(tmp_path):
    result = run(str(tmp_path))
    assert result.exit_code == 2
    assert "no .xml files" in result.output


def test_another_projects_schemas(tmp_path):
    """With --rng and --schematron the edition's own rules step aside; the rules across documents only with
    --corpus (other projects' files are documents apart: every DraCor play has xml:id="dracor")."""
    rng = tmp_path / "any.rng"
    rng.write_text('<element name="TEI" ns="http://www.tei-c.org/ns/1.0" xmlns="http://relaxng.org/ns/structure/1.0">'
                   '<zeroOrMore><choice><attribute><anyName/></attribute><text/><ref name="any"/></choice>'
                   '</zeroOrMore></element>'.replace('<ref name="any"/>', "<element><anyName/><empty/></element>"))
    rng.write_text("""<grammar xmlns="http://relaxng.org/ns/structure/1.0">
  <start><element><anyName/><ref name="any"/></element></start>
  <define name="any"><zeroOrMore><choice><attribute><anyName/></attribute><text/>
    <element><anyName/><ref name="any"/></element></choice></zeroOrMore></define>
</grammar>""")
    sch = tmp_path / "rule.sch"
    sch.write_text("""<schema xmlns="http://purl.oclc.org/dsdl/schematron">
  <ns prefix="t" uri="http://www.tei-c.org/ns/1.0"/>
  <pattern><rule context="t:sp"><assert id="has-p" test="t:p">a turn needs a paragraph</assert></rule></pattern>
</schema>""")
    record = tmp_path / "r.xml"
    text = RECORD.read_text(encoding="utf-8")
    text = re.sub(r"\s*<respStmt>\s*<resp ref=\"http://id.loc.gov/vocabulary/relators/trl\">.*?</respStmt>", "", text,
                  flags=re.S)  # the edition's translator-credit would fail; another project's rules do not care
    text = text.replace("<p>Good afternoon, dear", "<ab>Good afternoon, dear", 1).replace(
        "Hosni</persName>.</p>", "Hosni</persName>.</ab>", 1)
    record.write_text(text, encoding="utf-8")
    shutil.copy(TEI_DIR / "persons.xml", tmp_path / "persons.xml")
    result = run(str(record), "--rng", str(rng), "--schematron", str(sch))
    assert [m["rule"] for m in stdout_lines(result)] == ["has-p"]
    spoil(record, 'who="#mubarak"', 'who="#nobody"')
    result = run(str(record), "--rng", str(rng), "--schematron", str(sch))
    assert {m["rule"] for m in stdout_lines(result)} == {"has-p"}
    result = run(str(record), "--rng", str(rng), "--schematron", str(sch), "--corpus")
    assert {m["rule"] for m in stdout_lines(result)} == {"has-p", "who-person"}


def test_an_element_whose_content_ends_too_soon_is_named(tmp_path, monkeypatch):
    """libxml2 (where no Java runs jing, and for the edition's own schema) says only "Expecting an element , got
    nothing" where an element's content ends before an element the schema requires (jing: "incomplete"): the report
    names the element and places it there, where one element starts on that line; where several do, it says that
    one of them is, not which."""
    monkeypatch.setattr("edition.validate.jing.command", lambda: None)
    rng = tmp_path / "pair.rng"
    rng.write_text('<element name="list" xmlns="http://relaxng.org/ns/structure/1.0"><oneOrMore><element name="pair">'
                   '<element name="a"><empty/></element><element name="b"><empty/></element></element></oneOrMore>'
                   "</element>")
    doc = tmp_path / "pairs.xml"
    doc.write_text("<list>\n  <pair>\n    <a/>\n    <b/>\n  </pair>\n  <pair>\n    <a/>\n  </pair>\n</list>\n")
    result = run(str(doc), "--rng", str(rng))
    assert result.exit_code == 1
    (problem,) = stdout_lines(result)
    assert (problem["line"], problem["col"], problem["msg"]) == (
        "6", "3", "Element pair is incomplete: an element the schema requires is missing from its content")
    doc.write_text("<list>\n  <pair><a/></pair>\n</list>\n")
    (problem,) = stdout_lines(run(str(doc), "--rng", str(rng)))
    assert problem["msg"].startswith("An element that starts on this line is incomplete")

ANY_RNG = """<grammar xmlns="http://relaxng.org/ns/structure/1.0" xmlns:sch="http://purl.oclc.org/dsdl/schematron">
  <start><element><anyName/><ref name="any"/></element></start>
  <define name="any"><zeroOrMore><choice><attribute><anyName/></attribute><text/>
    <element><anyName/><ref name="any"/></element></choice></zeroOrMore></define>
  {carried}
</grammar>"""
XSLT2_PATTERN = """<sch:pattern xmlns:sch="http://purl.oclc.org/dsdl/schematron">
    <sch:rule context="t:date">
      <sch:let name="year" value="if (substring(@when, 1, 4) castable as xs:integer)
        then xs:integer(substring(@when, 1, 4)) else 0"/>
      <sch:assert id="iso-when" test="matches(@when, '^\\d{4}-\\d{2}-\\d{2}$')">not an ISO date: <sch:value-of
        select="@when"/></sch:assert>
      <sch:report id="future" test="$year gt 2100">a date after 2100: <sch:value-of select="$year"/></sch:report>
    </sch:rule>
  </sch:pattern>"""
DATED = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>
<p><date when="1991-02-23">23 February</date></p>
<p><date when="23.2.1991">23.2.</date></p>
<p><date when="2191-02-23">in 2191</date></p>
</body></text></TEI>
"""


def test_schematron_in_the_xslt2_binding_with_lines(tmp_path):
    sch = tmp_path / "rules.sch"
    sch.write_text('<sch:schema xmlns:sch="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">'
                   '<sch:ns prefix="t" uri="http://www.tei-c.org/ns/1.0"/>'
                   '<sch:ns prefix="xs" uri="http://www.w3.org/2001/XMLSchema"/>' + XSLT2_PATTERN + "</sch:schema>",
                   encoding="utf-8")
    doc = tmp_path / "d.xml"
    doc.write_text(DATED, encoding="utf-8")
    rng = tmp_path / "any.rng"
    rng.write_text(ANY_RNG.format(carried=""), encoding="utf-8")
    result = run(str(doc), "--rng", str(rng), "--schematron", str(sch))
    found = [(int(m["line"]), m["rule"], m["msg"]) for m in stdout_lines(result)]
    assert found == [(3, "iso-when", "not an ISO date: 23.2.1991"), (4, "future", "a date after 2100: 2191")]


def test_a_schematrons_documents_are_read_beside_it_and_a_failed_read_is_one_line(tmp_path):
    """A project's Schematron reads its list of persons by a path relative to itself (DISCO's
    ``doc('../ancillary-files/prosopography.xml')``): read beside the schema wherever the command runs; where the
    list is missing, one line says the Schematron could not run on the file, and Saxon's account of the templates it
    was in (``In template d12e6 on line 99 ...``) is not printed."""
    project = tmp_path / "project"
    (project / "schema").mkdir(parents=True)
    (project / "lists").mkdir()
    (project / "schema" / "rules.sch").write_text(
        '<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2"><ns prefix="tei" '
        'uri="http://www.tei-c.org/ns/1.0"/><let name="persons" value="doc(\'../lists/persons.xml\')//tei:person/'
        'concat(\'#\', @xml:id)"/><pattern><rule context="tei:persName[@ref]"><assert test="@ref = $persons">'
        'unknown person <value-of select="@ref"/></assert></rule></pattern></schema>', encoding="utf-8")
    (project / "lists" / "persons.xml").write_text(
        '<listPerson xmlns="http://www.tei-c.org/ns/1.0"><person xml:id="p1"/></listPerson>', encoding="utf-8")
    (project / "doc.xml").write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p><persName ref="#p1">A</persName>\n'
        '<persName ref="#p2">B</persName></p></body></text></TEI>', encoding="utf-8")
    command = [sys.executable, "-m", "edition", "validate", "project/doc.xml", "--schematron",
               "project/schema/rules.sch"]
    proc = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True)
    assert proc.stdout.splitlines() == ["project/doc.xml:2:1: error: [schematron] unknown person #p2"]
    (project / "lists" / "persons.xml").unlink()
    proc = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 1 and "could not run on this file" in proc.stdout
    assert proc.stderr.splitlines() == ["1 files checked: 1 errors, 0 warnings (invalid)"]
    # a list on the network is never fetched: the Schematron is refused access, and says so
    rules = project / "schema" / "rules.sch"
    rules.write_text(rules.read_text(encoding="utf-8").replace("../lists/persons.xml", "http://127.0.0.1:9/p.xml"),
                     encoding="utf-8")
    proc = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True)
    assert "Access to URI http://127.0.0.1:9/p.xml has been prohibited" in proc.stdout


def test_the_schematron_an_rng_carries_runs_with_it(tmp_path):
    rng = tmp_path / "odd-made.rng"
    rng.write_text(ANY_RNG.format(carried='<sch:ns prefix="t" uri="http://www.tei-c.org/ns/1.0"/>'
                                          '<sch:ns prefix="xs" uri="http://www.w3.org/2001/XMLSchema"/>'
                                          + XSLT2_PATTERN), encoding="utf-8")
    doc = tmp_path / "d.xml"
    doc.write_text(DATED, encoding="utf-8")
    result = run(str(doc), "--rng", str(rng))
    assert [(int(m["line"]), m["rule"]) for m in stdout_lines(result)] == [(3, "iso-when"), (4, "future")]


def test_real_tei_from_elsewhere_is_reported_without_crashing():
    other = OTHERTEI
    result = run(str(other))
    assert result.exit_code == 1  # not this edition's customization
    assert {Path(m["path"]).name for m in stdout_lines(result)} == {p.name for p in other.glob("*.xml")}
    assert "Traceback" not in result.output


def test_real_tei_passes_tei_all_and_the_rules_across_documents():
    """With the full TEI schema the DraCor play and TEI Lite are valid; their pointers resolve (corpus phase)."""
    result = run(str(OTHERTEI), "--rng", str(ROOT / "schema" / "tei_all.rng"))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""


def test_installed_hook_definition_runs_the_command():
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "id: edition-validate" in hooks and "entry: edition validate" in hooks
    assert "files: \\.xml$" in hooks or "types: [xml]" in hooks


def test_module_entry_point_validates(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "edition", "validate", str(RULES / "sp-who.invalid.xml")],
                          capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 1
    assert "[sp-who]" in proc.stdout


def test_closed_value_list_message_names_the_allowed_values(tmp_path):
    doc = tmp_path / "r.xml"
    doc.write_text(RECORD.read_text(encoding="utf-8").replace('<stage type="delivery">', '<stage type="tone">'),
                   encoding="utf-8")
    shutil.copy(TEI_DIR / "persons.xml", tmp_path)
    (m,) = stdout_lines(run(str(doc)))
    assert m["rule"] == "relaxng"
    assert '"tone" is not one of the values the edition allows (delivery, incident)' in m["msg"]
    line = doc.read_text(encoding="utf-8").splitlines()[int(m["line"]) - 1]
    assert line[int(m["col"]) - 1:].startswith('type="tone"')


def test_hidden_directories_and_directories_named_xml_are_skipped(tmp_path):
    shutil.copy(RULES / "sp-who.valid.xml", tmp_path / "a.xml")
    shutil.copy(RULES / "persons.xml", tmp_path / "persons.xml")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "junk.xml").write_text("<not-tei/>")
    (tmp_path / "folder.xml").mkdir()
    result = run(str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "2 files checked" in result.stderr


def test_the_files_of_a_folder_are_listed_in_the_order_of_their_paths_parts(tmp_path):
    """xml_files: files and links to files, not hidden ones, not through a link to a folder or a broken link, in
    the order of their paths' parts (a/b.xml before a-c.xml, though "-" sorts before "/")."""
    from edition.xmlfiles import xml_entries, xml_files

    for name in ("a/b.xml", "a-c.xml", "a/z/d.xml", "B.xml", ".hidden.xml", "a/.git/e.xml", "notes.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("<x/>")
    (tmp_path / "dir.xml").mkdir()
    (tmp_path / "link.xml").symlink_to(tmp_path / "B.xml")
    (tmp_path / "broken.xml").symlink_to(tmp_path / "gone.xml")
    (tmp_path / "out").symlink_to(tmp_path / "a", target_is_directory=True)
    assert [p.relative_to(tmp_path).as_posix() for p in xml_files(tmp_path)] == [
        "B.xml", "a/b.xml", "a/z/d.xml", "a-c.xml", "link.xml"]
    assert dict(xml_entries(tmp_path))["link.xml"] is True and dict(xml_entries(tmp_path))["B.xml"] is False


def test_parallel_validation_reports_exactly_what_one_process_does(tmp_path):
    from edition.validate import Validator, collect

    for k in range(6):  # 66 records, every id used six times, and one more fault
        for record in sorted(TEI_DIR.glob("1991-*.xml")):
            shutil.copy(record, tmp_path / f"{record.stem}-{k}.xml")
    shutil.copy(TEI_DIR / "persons.xml", tmp_path)
    spoil(tmp_path / "1991-02-23-major-3.xml", 'who="#major"', 'who="#minor"')
    files, context = collect([tmp_path])
    validator = Validator()
    one = validator.run(files, context, jobs=1)
    two = validator.run(files, context, jobs=2)
    assert one.problems == two.problems
    assert {p.rule for p in one.problems} == {"id-unique", "who-person"}
    assert len(one.problems) > 600


@pytest.mark.parametrize("encoding", ["UTF-16", "ISO-8859-1"])
def test_columns_in_files_of_other_encodings(tmp_path, encoding):
    text = RECORD.read_text(encoding="utf-8").split("\n", 1)[1].replace('who="#mubarak"', 'who="#nobody"', 1)
    doc = tmp_path / "r.xml"
    doc.write_bytes(f'<?xml version="1.0" encoding="{encoding}"?>\n{text}'.encode(encoding.lower(), "replace"))
    shutil.copy(TEI_DIR / "persons.xml", tmp_path)
    (m,) = [m for m in stdout_lines(run(str(doc))) if m["rule"] == "who-person"]
    line = RECORD.read_text(encoding="utf-8").splitlines()[int(m["line"]) - 1]
    assert line[int(m["col"]) - 1:].startswith('who="#')


def test_another_projects_rng_is_run_by_jing_with_its_messages(tmp_path):
    """Java is there (CI installs it): jing reads the schema and says what it expected, names as TEI users know."""
    rng = tmp_path / "tiny.rng"
    rng.write_text("""<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="http://www.tei-c.org/ns/1.0">
  <start><element name="TEI"><element name="text"><oneOrMore><element name="p"><text/></element></oneOrMore>
  </element></element></start></grammar>""", encoding="utf-8")
    doc = tmp_path / "d.xml"
    doc.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<text>\n<div/>\n</text>\n</TEI>\n', encoding="utf-8")
    result = run(str(doc), "--rng", str(rng))
    found = [(int(m["line"]), m["rule"], m["msg"]) for m in stdout_lines(result)]
    assert found[0][:2] == (3, "relaxng") and 'element "div" not allowed' in found[0][2] and "expected" in found[0][2]
    bad = tmp_path / "bad.rng"
    bad.write_text('<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><ref name="nope"/></start>'
                   "</grammar>", encoding="utf-8")
    result = run(str(doc), "--rng", str(bad))
    assert result.exit_code == 2 and "bad.rng" in result.output and "Traceback" not in result.output


LETTERS_XSD = """<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:vc="http://www.w3.org/2007/XMLSchema-versioning" vc:minVersion="1.1"
    targetNamespace="http://www.tei-c.org/ns/1.0" elementFormDefault="qualified">
  <xs:annotation><xs:appinfo>
    <sch:pattern xmlns:sch="http://purl.oclc.org/dsdl/schematron">
      <sch:rule context="tei:note[@type = 'IDNO']">
        <sch:assert test="ancestor::tei:back" id="idno-in-back">note[@type='IDNO'] belongs in back</sch:assert>
      </sch:rule>
    </sch:pattern>
  </xs:appinfo></xs:annotation>
  <xs:element name="TEI">
    <xs:complexType>
      <!-- XSD 1.1: an all group whose particles repeat -->
      <xs:all><xs:element ref="tei:p" maxOccurs="unbounded"/><xs:element ref="tei:note" minOccurs="0"
          maxOccurs="unbounded"/></xs:all>
      <xs:assert test="count(tei:p) le 3"/>
    </xs:complexType>
  </xs:element>
  <xs:element name="p" type="xs:string"/>
  <xs:element name="note">
    <xs:complexType><xs:simpleContent><xs:extension base="xs:string">
      <xs:attribute name="type" type="xs:string"/></xs:extension></xs:simpleContent></xs:complexType>
  </xs:element>
</xs:schema>
"""


def test_another_projects_xml_schema_1_1_and_the_schematron_it_carries(tmp_path):
    """Another project's schema may be a W3C XML Schema 1.1 (the Schnitzler letters'), with Schematron in its
    appinfo: every problem on its element, and the carried rules run with it."""
    xsd = tmp_path / "letters.xsd"
    xsd.write_text(LETTERS_XSD, encoding="utf-8")
    good, bad = tmp_path / "good.xml", tmp_path / "bad.xml"
    good.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><p>a</p><p>b</p></TEI>\n', encoding="utf-8")
    bad.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0">\n  <p>a</p>\n  <c>s</c>\n  <note type="IDNO">1</note>\n'
                   '</TEI>\n', encoding="utf-8")
    result = run(str(good), "--xsd", str(xsd))
    assert result.exit_code == 0, result.output
    result = run(str(bad), "--xsd", str(xsd))
    assert result.exit_code == 1
    found = [(Path(m["path"]).name, int(m["line"]), m["rule"], m["msg"]) for m in stdout_lines(result)]
    assert [(f[0], f[1], f[2]) for f in found] == [("bad.xml", 3, "xsd"), ("bad.xml", 4, "idno-in-back")]
    assert found[0][3].startswith("element c: Unexpected child with tag 'c'")
    too_many = tmp_path / "long.xml"
    too_many.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><p>1</p><p>2</p><p>3</p><p>4</p></TEI>\n',
                        encoding="utf-8")
    (m,) = stdout_lines(run(str(too_many), "--xsd", str(xsd)))
    assert m["rule"] == "xsd" and "assert" in m["msg"].lower()  # an XSD 1.1 assertion is checked


def test_an_xml_schema_that_cannot_be_read_is_a_usage_error(tmp_path):
    xsd = tmp_path / "broken.xsd"
    xsd.write_text('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element/></xs:schema>',
                   encoding="utf-8")
    doc = tmp_path / "d.xml"
    doc.write_text("<TEI/>", encoding="utf-8")
    result = run(str(doc), "--xsd", str(xsd))
    assert result.exit_code == 2 and "broken.xsd: not a usable XML Schema" in result.output
    assert "Traceback" not in result.output


INCLUDING = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>A sitting</title></titleStmt>
      <publicationStmt><p>Ours.</p></publicationStmt>
      <sourceDesc><p>Minutes.</p></sourceDesc>
    </fileDesc>
    <profileDesc>
      <particDesc>
        {include}
      </particDesc>
    </profileDesc>
  </teiHeader>
  <text><body><p>The sitting is open.</p></body></text>
</TEI>
"""


@pytest.mark.parametrize("persons", [
    '<listPerson xmlns="http://www.tei-c.org/ns/1.0"><person xml:id="p1"><persName>Anna</persName></person>'
    '</listPerson>',
    '<listPerson xmlns="http://www.tei-c.org/ns/1.0">\n<person xml:id="p1">\n<persName>Anna</persName>\n'
    '<bogus/>\n</person>\n</listPerson>',
])
def test_xincludes_are_resolved_as_jing_resolves_them_on_the_files_own_lines(tmp_path, monkeypatch, persons):
    """A corpus's sittings include their list of persons (ParlaMint, EpiDoc): validated with it written in, as
    jing's XInclude-aware parser does; an error in what is included is reported in the file it came from, at its
    line there, as jing reports it, and the lines after the include stay the file's own."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "lists").mkdir()
    (tmp_path / "lists" / "persons.xml").write_text(persons, encoding="utf-8")
    doc = tmp_path / "sitting.xml"
    doc.write_text(INCLUDING.format(include='<xi:include href="lists/persons.xml"/>\n        <bogus/>'),
                   encoding="utf-8")
    got = [(m["path"], int(m["line"]), m["rule"], m["msg"])
           for m in stdout_lines(run("sitting.xml", "--rng", str(TEI_ALL)))]
    bogus = [(path, line, rule) for path, line, rule, msg in got if '"bogus"' in msg]
    assert sorted(bogus) == sorted([("sitting.xml", 12, "relaxng")] + (  # the file's own, after the include
        [("lists/persons.xml", 4, "relaxng")] if "<bogus/>" in persons else []))  # the included list's
    assert not [m for m in got if "xi:include" in m[3]]


def test_a_folder_with_a_part_another_file_includes_validates_the_part_where_it_is_included(tmp_path, monkeypatch):
    """A project folder holds the list of persons its sitting includes (ParlaMint's listPerson, a notebook's
    surfaces): validated as a folder, as jing validates the documents, the part is checked where it is included
    (its error at its own line), never alone as a document that lacks its TEI root; the summary says so."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "lists").mkdir()
    (tmp_path / "lists" / "persons.xml").write_text(
        '<listPerson xmlns="http://www.tei-c.org/ns/1.0">\n<person xml:id="p1">\n<persName>Anna</persName>\n'
        "<bogus/>\n</person>\n</listPerson>", encoding="utf-8")
    (tmp_path / "sitting.xml").write_text(INCLUDING.format(include='<xi:include href="lists/persons.xml"/>'),
                                          encoding="utf-8")
    result = run(".", "--rng", str(TEI_ALL))
    got = [(m["path"], int(m["line"]), m["msg"]) for m in stdout_lines(result)]
    assert [(path, line) for path, line, msg in got] == [("lists/persons.xml", 4)] and '"bogus"' in got[0][2]
    assert "2 files checked (1 of them parts included by others, checked there): 1 errors" in result.output


def test_an_error_in_each_of_two_includes_is_reported_in_its_own_file(tmp_path, monkeypatch):
    """Two lists included one after the other (a sitting's persons and its organisations, as ParlaMint includes
    them): an error in the second is placed by where its content stands in the copy jing reads, after the first's
    content, which is longer than the include it replaced."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "lists").mkdir()
    for name in ("persons", "places"):
        (tmp_path / "lists" / f"{name}.xml").write_text(
            '<listPerson xmlns="http://www.tei-c.org/ns/1.0">\n<person xml:id="' + name + '">\n<bogus/>\n'
            '<persName>Anna</persName>\n</person>\n</listPerson>', encoding="utf-8")
    (tmp_path / "sitting.xml").write_text(INCLUDING.format(
        include='<xi:include href="lists/persons.xml"/>\n        <xi:include href="lists/places.xml"/>'),
        encoding="utf-8")
    got = [(m["path"], int(m["line"])) for m in stdout_lines(run("sitting.xml", "--rng", str(TEI_ALL)))
           if '"bogus"' in m["msg"]]
    assert sorted(got) == [("lists/persons.xml", 3), ("lists/places.xml", 3)]


def test_with_the_editions_own_schema_an_error_in_an_included_part_is_reported_in_the_part(tmp_path, monkeypatch):
    """A record whose body is a division kept in a file of its own and included (a long minutes' sections, a
    notebook's surfaces), validated with the edition's own schema (RELAX NG by libxml2, Schematron by lxml): an
    element the schema refuses and a date that is no ISO date inside the part are reported at their line and
    column in the part, not in the record at the part's line numbers; an error of the record's own stays its."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sections").mkdir()
    (tmp_path / "sections" / "one.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<div xmlns="http://www.tei-c.org/ns/1.0">\n\n'
        '  <p>Opened on <date when="1991-13-01">the first</date>.</p>\n'
        "  <p>Then <bogus>this</bogus>.</p>\n</div>\n", encoding="utf-8")
    (tmp_path / "minutes.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude">\n'
        "  <teiHeader><fileDesc><titleStmt><title>Minutes</title></titleStmt>\n"
        "    <publicationStmt><p>Ours.</p></publicationStmt><sourceDesc><p>Made up.</p></sourceDesc>\n"
        "  </fileDesc></teiHeader>\n"
        '  <text><body><p>Met <date when="1991-02-31">then</date>.</p><xi:include href="sections/one.xml"/>'
        "</body></text>\n</TEI>\n", encoding="utf-8")
    got = sorted((m["path"], int(m["line"]), int(m["col"]), m["rule"])
                 for m in stdout_lines(run("minutes.xml", "sections/one.xml")))
    assert got == [("minutes.xml", 6, 28, "date-iso"), ("sections/one.xml", 4, 22, "date-iso"),
                   ("sections/one.xml", 5, 11, "relaxng")]


def test_a_corpus_root_that_includes_its_sittings_is_no_second_copy_of_their_ids(tmp_path, monkeypatch):
    """A corpus root that includes its sittings (ParlaMint), validated with them: a sitting's ids are the sitting's
    (never "not unique in the corpus" because the root brings them in), and an error in a sitting longer than the
    root stops nothing (its line is the sitting's, beyond the root's last)."""
    monkeypatch.chdir(tmp_path)
    turns = "\n".join(f'<u xml:id="s1.u{n}" who="#p1"><seg>Turn {n}.</seg></u>' for n in range(80))
    (tmp_path / "sitting.xml").write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="s1"><teiHeader><fileDesc><titleStmt><title>Sitting 1'
        "</title></titleStmt><publicationStmt><p>Ours.</p></publicationStmt><sourceDesc><p>Minutes.</p>"
        "</sourceDesc></fileDesc></teiHeader><text><body><div>\n" + turns + "\n<bogus/>\n</div></body></text></TEI>",
        encoding="utf-8")
    (tmp_path / "root.xml").write_text(
        '<teiCorpus xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude"><teiHeader>'
        "<fileDesc><titleStmt><title>Corpus</title></titleStmt><publicationStmt><p>Ours.</p></publicationStmt>"
        "<sourceDesc><p>Ours.</p></sourceDesc></fileDesc></teiHeader>\n<xi:include href=\"sitting.xml\"/>\n"
        "</teiCorpus>", encoding="utf-8")
    result = run(".")  # (the edition's own schema and rules, those across documents with them)
    assert result.exit_code == 1, result.output  # the bogus element, and nothing stopped
    assert "id-unique" not in result.output and "stopped" not in result.output


@pytest.mark.parametrize(("href", "said"), [
    ("/etc/passwd", "outside the project"),
    ("../outside.xml", "outside the project"),
    ("https://example.org/persons.xml", "not fetched (the network is never used)"),
    ("lists/missing.xml", "lists/missing.xml: no such file"),
])
def test_an_include_outside_the_project_or_on_the_network_is_never_read(tmp_path, monkeypatch, href, said):
    project = tmp_path / "project"
    project.mkdir()
    (tmp_path / "outside.xml").write_text('<listPerson xmlns="http://www.tei-c.org/ns/1.0"><person><persName>'
                                          "the machine's own</persName></person></listPerson>", encoding="utf-8")
    monkeypatch.chdir(project)
    (project / "sitting.xml").write_text(INCLUDING.format(include=f'<xi:include href="{href}"/>'), encoding="utf-8")
    result = run("sitting.xml", "--rng", str(TEI_ALL))
    assert result.exit_code == 1
    (xinclude,) = [m for m in stdout_lines(result) if m["rule"] == "xinclude"]
    assert (xinclude["line"], said in xinclude["msg"]) == ("11", True)
    assert "machine's own" not in result.output and "root:" not in result.output
    # with a fallback, the fallback stands in, as XInclude says
    (project / "sitting.xml").write_text(INCLUDING.format(
        include=f'<xi:include href="{href}"><xi:fallback><listPerson><person><persName>Anna</persName></person>'
                '</listPerson></xi:fallback></xi:include>'), encoding="utf-8")
    assert run("sitting.xml", "--rng", str(TEI_ALL)).exit_code == 0


def test_a_schematron_in_the_language_before_iso_runs_as_jing_runs_it(tmp_path):
    """Schematron 1.5 (the http://www.ascc.net/xml/schematron namespace, still used by EpiDoc projects), with the
    XPath 2.0 functions such schemas use: run, with lines, not refused."""
    sch = tmp_path / "epidoc-checks.sch"
    sch.write_text('<schema xmlns="http://www.ascc.net/xml/schematron"><ns uri="http://www.tei-c.org/ns/1.0" '
                   'prefix="t"/><pattern name="Dates"><rule context="//t:date">'
                   '<assert test="matches(@when, \'^\\d{4}-\\d{2}-\\d{2}$\')">not an ISO date on <name/></assert>'
                   '<report test="number(substring(@when, 1, 4)) gt 2100">a date after 2100</report>'
                   '</rule></pattern></schema>', encoding="utf-8")
    doc = tmp_path / "d.xml"
    doc.write_text(DATED, encoding="utf-8")
    rng = tmp_path / "any.rng"
    rng.write_text(ANY_RNG.format(carried=""), encoding="utf-8")
    result = run(str(doc), "--rng", str(rng), "--schematron", str(sch))
    assert result.exit_code == 1, result.output
    found = [(int(m["line"]), m["msg"]) for m in stdout_lines(result)]
    assert found == [(3, "not an ISO date on date"), (4, "a date after 2100")]
