"""Generate the edition's RELAX NG and Schematron schemas from its ODD (``schema/edition.odd``).

The ODD is the one source. This is a small ODD processor for what the edition's ODD uses, not a general one:

- ``moduleRef/@include`` lists the elements kept. The RELAX NG schema is ``tei_all.rng`` with every other element
  made ``notAllowed``, then every definition no longer reachable from the start dropped. Removing elements can only
  narrow what validates, so the result is a subset of TEI P5 by construction.
- ``attDef`` with a closed ``valList`` (in an ``elementSpec`` or a ``classSpec``) replaces the attribute's datatype
  by the list of values; an ``attDef`` with a ``datatype/dataRef`` replaces it by that datatype (the edition uses
  this only to hand date checking to a Schematron rule, which accepts a subset of the W3C forms).
- ``constraintSpec`` elements become one Schematron pattern each; the one named ``corpus`` holds the namespaces and
  top-level ``let`` declarations.

Run ``python -m edition.odd`` after editing the ODD; ``tests/test_schema.py`` fails while the files are out of step.
"""

from __future__ import annotations

import copy
import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from lxml import etree

from .conventions import TEI_NS

RNG_NS = "http://relaxng.org/ns/structure/1.0"
SCH_NS = "http://purl.oclc.org/dsdl/schematron"
ANNOTATIONS = "http://relaxng.org/ns/compatibility/annotations/1.0"
R = f"{{{RNG_NS}}}"
S = f"{{{SCH_NS}}}"
T = f"{{{TEI_NS}}}"
NOTICE = " Generated from edition.odd by `python -m edition.odd`. Do not edit: edit the ODD and regenerate. "


def schema_dir() -> Path:
    """The schemas: ``schema/`` in a checkout, ``edition/schema`` in an installed wheel."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "schema", here / "schema"):
        if (candidate / "edition.odd").is_file():
            return candidate
    return Path(str(resources.files("edition") / "schema"))


@dataclass(frozen=True)
class AttChange:
    """One ``attDef`` of the ODD: which attribute, and its new values or datatype."""

    owner: str  # element name, or class name
    is_class: bool
    name: str
    values: tuple[str, ...] = ()
    datatype: str | None = None


def read_odd(odd: etree._ElementTree) -> tuple[set[str], list[AttChange], etree._Element]:
    """The elements kept, the attribute changes, and the ``schemaSpec``."""
    (spec,) = odd.getroot().iter(T + "schemaSpec")
    included: set[str] = set()
    for ref in spec.iter(T + "moduleRef"):
        included.update(ref.get("include", "").split())
    changes = []
    for owner in spec:
        if owner.tag not in (T + "elementSpec", T + "classSpec"):
            continue
        for att in owner.iter(T + "attDef"):
            values = tuple(v.get("ident") for v in att.iterfind(f"{T}valList[@type='closed']/{T}valItem"))
            ref = att.find(f"{T}datatype/{T}dataRef")
            changes.append(AttChange(owner.get("ident"), owner.tag == T + "classSpec", att.get("ident"), values,
                                     ref.get("name") if ref is not None else None))
    return included, changes, spec


# --- RELAX NG -------------------------------------------------------------------------------------------------------


def _defines(grammar: etree._Element) -> dict[str, etree._Element]:
    return {d.get("name"): d for d in grammar.iterchildren(R + "define")}


def _attribute_content(attribute: etree._Element, change: AttChange) -> None:
    """Replace what an ``<attribute>`` allows by the change's closed list or datatype."""
    was_list = attribute.find(R + "list") is not None
    for child in list(attribute):
        attribute.remove(child)
    if change.datatype:
        etree.SubElement(attribute, R + "data", type=change.datatype)
        return
    target = attribute
    if was_list:  # a list of tokens (as @rend) stays a list, each token from the closed list
        target = etree.SubElement(etree.SubElement(attribute, R + "list"), R + "oneOrMore")
    choice = etree.SubElement(target, R + "choice")
    for value in change.values:
        etree.SubElement(choice, R + "value", type="string", datatypeLibrary="").text = value


def _own_attribute(pattern: etree._Element, name: str) -> etree._Element | None:
    for att in pattern.iter(R + "attribute"):
        if att.get("name") == name:
            return att
    return None


def _provides(defines: dict[str, etree._Element], ref: str, name: str, seen: set[str]) -> bool:
    """Does the attribute-class definition ``ref`` (or one it refers to) declare attribute ``name``?"""
    if ref in seen or ref not in defines:
        return False
    seen.add(ref)
    d = defines[ref]
    return _own_attribute(d, name) is not None or any(
        _provides(defines, r.get("name"), name, seen) for r in d.iter(R + "ref") if r.get("name").startswith("att.")
    )


def _localize(defines: dict[str, etree._Element], element: etree._Element, name: str) -> etree._Element:
    """Make the element's attribute ``name`` its own, inlining the attribute-class references that bring it."""
    while (att := _own_attribute(element, name)) is None:
        ref = next((r for r in element.iter(R + "ref") if r.get("name").startswith("att.")
                    and _provides(defines, r.get("name"), name, set())), None)
        if ref is None:
            raise ValueError(f"element {element.get('name')!r} has no attribute {name!r} in TEI")
        parent, content = ref.getparent(), copy.deepcopy(list(defines[ref.get("name")]))
        if parent.tag in (R + "element", R + "group"):  # already a sequence: splice (libxml2 mishandles
            at = parent.index(ref)                      # attributes in nested groups after mixed content)
            parent.remove(ref)
            for k, pattern in enumerate(content):
                parent.insert(at + k, pattern)
        else:
            group = etree.Element(R + "group")
            group.extend(content)
            parent.replace(ref, group)
    return att


def build_rng(tei_all: etree._ElementTree, included: set[str], changes: list[AttChange]) -> etree._ElementTree:
    tree = copy.deepcopy(tei_all)
    grammar = tree.getroot()
    for junk in list(grammar.iter(f"{{{ANNOTATIONS}}}documentation", S + "*", etree.Comment)):
        junk.getparent().remove(junk)
    defines = _defines(grammar)
    for d in defines.values():
        el = d.find(R + "element")
        if el is not None and el.get("name") not in included and len(d) == 1:
            d.remove(el)
            etree.SubElement(d, R + "notAllowed")
    missing = included - {d.find(R + "element").get("name") for d in defines.values()
                          if d.find(R + "element") is not None}
    if missing:
        raise ValueError(f"the ODD includes elements TEI does not define: {', '.join(sorted(missing))}")
    for change in changes:
        if change.is_class:
            att = _own_attribute(defines[f"{change.owner}.attribute.{change.name.replace(':', '')}"], change.name)
        else:
            att = _localize(defines, defines[change.owner].find(R + "element"), change.name)
        _attribute_content(att, change)
    start = grammar.find(R + "start")
    for child in list(start):
        start.remove(child)
    etree.SubElement(start, R + "ref", name="TEI")
    # Keep only what the start reaches.
    reached, todo = set(), ["TEI"]
    while todo:
        name = todo.pop()
        if name in reached:
            continue
        reached.add(name)
        todo.extend(r.get("name") for r in defines[name].iter(R + "ref"))
    for name, d in defines.items():
        if name not in reached:
            grammar.remove(d)
    grammar.insert(0, etree.Comment(NOTICE))
    etree.cleanup_namespaces(grammar)
    return tree


# --- Schematron -----------------------------------------------------------------------------------------------------


def build_sch(spec: etree._Element, title: str) -> etree._ElementTree:
    schema = etree.Element(S + "schema", queryBinding="exslt", nsmap={"sch": SCH_NS})
    schema.append(etree.Comment(NOTICE))
    etree.SubElement(schema, S + "title").text = title
    for cs in spec.iter(T + "constraintSpec"):
        constraint = cs.find(T + "constraint")
        if cs.get("ident") == "corpus":
            phases = [d for d in constraint if d.tag == S + "phase"]  # ISO order: ns, let, phase, pattern
            for decl in [d for d in constraint if d.tag != S + "phase"] + phases:
                schema.append(copy.deepcopy(decl))
            continue
        pattern = etree.SubElement(schema, S + "pattern", id="pattern-" + cs.get("ident"))
        desc = cs.find(T + "desc")
        if desc is not None:
            etree.SubElement(pattern, S + "p").text = " ".join("".join(desc.itertext()).split())
        for rule in constraint:
            pattern.append(copy.deepcopy(rule))
    etree.cleanup_namespaces(schema, top_nsmap={"sch": SCH_NS})
    return etree.ElementTree(schema)


def rule_ids(sch: etree._ElementTree) -> list[str]:
    """The rule identifiers, in the schema's order (each assertion's ``@id``)."""
    return [a.get("id") for a in sch.iter(S + "assert", S + "report")]


def generate(odd_path: Path, tei_all_path: Path) -> dict[str, bytes]:
    """The generated files, by name, as bytes."""
    parser = etree.XMLParser(remove_blank_text=True, resolve_entities=False, no_network=True)
    odd = etree.parse(str(odd_path), parser)
    included, changes, spec = read_odd(odd)
    title = odd.findtext(f"{T}teiHeader/{T}fileDesc/{T}titleStmt/{T}title")
    rng = build_rng(etree.parse(str(tei_all_path), parser), included, changes)
    sch = build_sch(spec, title)
    return {
        "edition.rng": etree.tostring(rng, pretty_print=True, xml_declaration=True, encoding="UTF-8"),
        "edition.sch": etree.tostring(sch, pretty_print=True, xml_declaration=True, encoding="UTF-8"),
    }


def main(argv: list[str] | None = None) -> int:
    out = schema_dir()
    for name, data in generate(out / "edition.odd", out / "tei_all.rng").items():
        (out / name).write_bytes(data)
        print(f"wrote {out / name} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
