"""The edition's customization: generated from its ODD, a subset of TEI P5, and one fixture pair per rule."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from edition.conventions import REND_TOKENS, TEI_NS
from edition.validate import Validator
from edition.validate.odd import SCH_NS, context_keys, generate, rule_ids

from ..conftest import ROOT, RULES, TRANSCRIPTS, run_jing

SCHEMA = ROOT / "schema"
PERSONS = RULES / "persons.xml"
NS = {"t": TEI_NS, "sch": SCH_NS}


def odd() -> etree._ElementTree:
    return etree.parse(str(SCHEMA / "edition.odd"))


def odd_rules() -> list[str]:
    return [cs.get("ident") for cs in odd().iter(f"{{{TEI_NS}}}constraintSpec") if cs.get("ident") != "corpus"]


@pytest.fixture(scope="module")
def validator() -> Validator:
    return Validator()


def test_generated_schemas_are_in_step_with_the_odd():
    for name, data in generate(SCHEMA / "edition.odd", SCHEMA / "tei_all.rng").items():
        assert (SCHEMA / name).read_bytes() == data, f"schema/{name} is stale: run python -m edition.validate.odd"


def test_every_rule_of_the_odd_is_in_the_schematron_with_its_id():
    sch = etree.parse(str(SCHEMA / "edition.sch"))
    assert sorted(rule_ids(sch)) == sorted(odd_rules())
    assert len(set(odd_rules())) == len(odd_rules())


def test_each_rule_has_a_valid_and_an_invalid_fixture_and_no_fixture_is_orphaned():
    pairs = {p.name.split(".")[0] for p in RULES.glob("*.xml") if p.name != PERSONS.name}
    assert pairs == set(odd_rules())
    for rule in odd_rules():
        assert (RULES / f"{rule}.valid.xml").is_file() and (RULES / f"{rule}.invalid.xml").is_file()


@pytest.mark.parametrize("rule", odd_rules())
def test_valid_fixture_passes(validator, rule):
    result = validator.run([RULES / f"{rule}.valid.xml"], [PERSONS])
    assert result.problems == []


@pytest.mark.parametrize("rule", odd_rules())
def test_invalid_fixture_gets_exactly_its_rules_message(validator, rule):
    path = RULES / f"{rule}.invalid.xml"
    result = validator.run([path], [PERSONS])
    assert result.problems, f"{rule}: the invalid fixture passed"
    assert {p.rule for p in result.problems} == {rule}
    assert all(p.path == str(path) and p.line > 1 and p.column >= 1 and p.message for p in result.problems)
    severity = odd().xpath(f"//sch:assert[@id='{rule}']/@role", namespaces=NS)[0]
    assert {p.severity for p in result.problems} == {severity}
    assert result.ok == (severity != "error")


def test_rule_fixtures_and_edition_and_odd_are_valid_tei_all(jing):
    files = [*sorted(RULES.glob("*.valid.xml")), PERSONS, SCHEMA / "edition.odd", *sorted((ROOT / "tei").glob("*.xml"))]
    proc = run_jing(jing, files)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_jing_reads_the_generated_rng_and_agrees_with_lxml(jing, validator):
    """The generated RELAX NG is a correct schema for the reference validator too, with the same verdicts."""
    valid = sorted(RULES.glob("*.valid.xml")) + sorted((ROOT / "tei").glob("*.xml"))
    proc = run_jing(jing, valid, schema=SCHEMA / "edition.rng")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_date_forms_the_rule_accepts_are_valid_w3c_dates(jing, validator, tmp_path):
    """The subset holds for dates: what date-iso accepts (RELAX NG leaves dates to it) tei_all accepts too."""
    candidates = [
        "1991", "1991-02", "1991-02-23", "1992-02-29", "2000-02-29", "1991-02-23T00:15:00", "1991-02-23T23:59:59",
        "1991-02-23T12:00:00Z", "1991-02-23T12:00:00+03:00", "1991-02-23+03:00", "12:30:00", "0001", "9999-12-31",
        # and forms it must refuse
        "1991-02-30", "1900-02-29", "1991-13", "1991-00", "0000", "1991-02-23T24:00:00", "1991-02-23T12:60:00",
        "1991-02-23T12:30", "23 February 1991", "1991-2-3", "1991-02-23T12:00:00+15:00", "91-02-23", "",
    ]
    base = (RULES / "date-iso.valid.xml").read_text(encoding="utf-8")
    anchor = '<date when="1992-02-29">'
    accepted, refused = [], []
    for value in candidates:
        doc = tmp_path / "d.xml"
        doc.write_text(base.replace(anchor, f'<date when="{value}">'), encoding="utf-8")
        rules = {p.rule for p in validator.run([doc], [PERSONS]).problems}
        (refused if "date-iso" in rules else accepted).append(value)
    assert accepted == candidates[:13]
    docs = []
    for k, value in enumerate(accepted):
        doc = tmp_path / f"accepted-{k}.xml"
        doc.write_text(base.replace(anchor, f'<date when="{value}">'), encoding="utf-8")
        docs.append(doc)
    proc = run_jing(jing, docs)
    assert proc.returncode == 0, proc.stdout


def test_closed_rend_list_is_the_encoders():
    values = odd().xpath("//t:classSpec[@ident='att.global.rendition']//t:attDef[@ident='rend']//t:valItem/@ident",
                         namespaces=NS)
    assert tuple(values) == REND_TOKENS


def test_closed_value_lists_reach_the_rng(validator, tmp_path):
    """A value outside a closed list is refused by the RELAX NG schema, and tei_all would have allowed it."""
    base = (RULES / "archive-named.valid.xml").read_text(encoding="utf-8")
    for old, new in [('<note type="source"', '<note type="sauce"'), ('rend="brackets"', 'rend="brackets red"'),
                     ('reason="omitted"', 'reason="sampling"'), ('subtype="meeting"', 'subtype="letter"')]:
        doc = tmp_path / "v.xml"
        doc.write_text(base.replace(old, new), encoding="utf-8")
        problems = validator.run([doc], [PERSONS]).problems
        assert [p.rule for p in problems] == ["relaxng"], (old, problems)


def test_elements_outside_the_customization_are_refused(validator, tmp_path):
    base = (RULES / "archive-named.valid.xml").read_text(encoding="utf-8")
    doc = tmp_path / "x.xml"
    doc.write_text(base.replace("<p>Thank you.</p>", "<p>Thank <emph>you</emph>.</p>"), encoding="utf-8")
    problems = validator.run([doc], [PERSONS]).problems
    assert problems and {p.rule for p in problems} == {"relaxng"}
    assert any("emph" in p.message for p in problems)


def test_context_keys_tell_what_a_rule_can_match():
    assert context_keys("t:sp/@who") == {("@", "who")}
    assert context_keys("t:TEI[t:text/t:body/t:div[@type = 'record']]//t:sp") == {("el", "sp")}
    assert context_keys("@when | t:*[not(self::t:citedRange)]/@from") == {("@", "when"), ("@", "from")}
    assert context_keys("t:*[@from and @to]") == {("el", "*")}


def test_packed_patterns_never_hold_two_rules_that_match_the_same_node():
    sch = etree.parse(str(SCHEMA / "edition.sch"))
    for pattern in sch.iter(f"{{{SCH_NS}}}pattern"):
        seen: list[set] = []
        for rule in pattern.iter(f"{{{SCH_NS}}}rule"):
            keys = context_keys(rule.get("context"))
            for other in seen:
                assert not any(k == o or (k[0] == o[0] and "*" in (k[1], o[1])) for k in keys for o in other)
            seen.append(keys)


def test_encoder_output_is_valid_against_the_customization(validator, tmp_path):
    """Everything `edition encode` writes (the seed and the other styles) passes `edition validate`."""
    from edition.encode import Registry, combine, encode_file, write

    from ..conftest import SEED

    registry = Registry.load()
    results = [encode_file(p, registry, taken=[]) for p in [SEED, *sorted((TRANSCRIPTS).glob("*.txt"))]]
    written = write(combine(results, registry), tmp_path, force=False)
    result = validator.run(sorted(Path(p) for p in written))
    assert [str(p) for p in result.errors] == []


def test_a_dateline_agrees_with_the_setting_by_what_it_prints(validator, tmp_path):
    """A dateline that prints the day, or the day and the hour the meeting began, or that hour alone, agrees with a
    setting of that day from that hour to an hour another line prints (a closing line: "TÉRMINO: 15h10min");
    another hour does not."""
    base = (RULES / "dateline-setting.valid.xml").read_text(encoding="utf-8")
    anchor = '<date from="1991-02-23T12:30:00" to="1991-02-23T12:40:00">23 February 1991, 12:30-12:40'
    found = {}
    for when in ["1991-02-23", "1991-02-23T12:30:00", "1991-02-23T12:35:00", "1991-02-24", "12:30:00", "12:35:00"]:
        doc = tmp_path / "d.xml"
        doc.write_text(base.replace(anchor, f'<date when="{when}">23 February 1991, 12:30'), encoding="utf-8")
        found[when] = {p.rule for p in validator.run([doc], [PERSONS]).problems}
    assert found == {"1991-02-23": set(), "1991-02-23T12:30:00": set(),
                     "1991-02-23T12:35:00": {"dateline-setting"}, "1991-02-24": {"dateline-setting"},
                     "12:30:00": set(), "12:35:00": {"dateline-setting"}}  # (the time alone: "2:15 P.M. EST")
