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

Run ``python -m edition.validate.odd`` after editing the ODD; ``tests/test_schema.py`` fails while the files are out
of step.
"""

from __future__ import annotations

import copy
import sys
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..conventions import TEI_NS
from ..resources import schema_dir

RNG_NS = "http://relaxng.org/ns/structure/1.0"
SCH_NS = "http://purl.oclc.org/dsdl/schematron"
ANNOTATIONS = "http://relaxng.org/ns/compatibility/annotations/1.0"
R = f"{{{RNG_NS}}}"
S = f"{{{SCH_NS}}}"
T = f"{{{TEI_NS}}}"
NOTICE = " Generated from edition.odd by `python -m edition.validate.odd`. Do not edit: edit the ODD and regenerate. "


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
            if not values and ref is None:
                continue  # a semi-open list documents values and constrains none
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
    _prune(grammar, _defines(grammar))
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


_NAME_CLASSES = {R + n for n in ("name", "anyName", "nsName", "except")}
_OPTIONAL = {R + "optional", R + "zeroOrMore"}
_REPEAT = {R + "optional", R + "zeroOrMore", R + "oneOrMore"}


def _simplify(node: etree._Element, dead: set[str]) -> etree._Element | None:
    """The pattern without its impossible branches, or None when the whole pattern is impossible.

    With most of TEI removed, the class patterns are choices among hundreds of ``notAllowed`` elements. RELAX NG
    means the same without them, and libxml2 validates the smaller grammar several times faster.
    """
    tag = node.tag
    if tag == R + "notAllowed" or (tag == R + "ref" and node.get("name") in dead):
        return None
    if tag in (R + "ref", R + "text", R + "empty", R + "value", R + "data") or tag in _NAME_CLASSES:
        return node
    kids = [k for k in node if isinstance(k.tag, str)]
    if tag == R + "choice":
        alive = [c for c in (_simplify(k, dead) for k in kids) if c is not None]
        if not alive:
            return None
        if len(alive) == 1:
            return alive[0]
        for k in list(node):
            node.remove(k)
        node.extend(alive)
        return node
    simplified = [(k, _simplify(k, dead) if k.tag not in _NAME_CLASSES else k) for k in kids]
    if any(c is None for _, c in simplified):
        return etree.Element(R + "empty") if tag in _OPTIONAL else None
    for k, c in simplified:
        if c is not k:
            node.replace(k, c)
    # What the impossible branches leave behind: drop <empty/> beside other patterns, and unwrap a repetition of
    # a repetition (libxml2 builds an automaton for oneOrMore(oneOrMore(x), empty) that never finishes).
    patterns = [k for k in node if isinstance(k.tag, str) and k.tag not in _NAME_CLASSES]
    empties = [k for k in patterns if k.tag == R + "empty"]
    if empties and len(empties) < len(patterns) and tag != R + "attribute":
        for k in empties:
            node.remove(k)
    patterns = [k for k in node if isinstance(k.tag, str) and k.tag not in _NAME_CLASSES]
    if tag in _REPEAT and len(patterns) == 1:
        only = patterns[0]
        if only.tag == R + "empty":
            return only
        if only.tag == tag or (tag == R + "zeroOrMore" and only.tag == R + "oneOrMore"):
            node.remove(only)
            node.extend(list(only))
    return node


def _prune(grammar: etree._Element, defines: dict[str, etree._Element]) -> None:
    """Simplify every definition until no more become impossible."""
    dead: set[str] = set()
    while True:
        newly = set()
        for name, d in defines.items():
            if name in dead:
                continue
            content = [k for k in d if isinstance(k.tag, str)]
            result = [_simplify(k, dead) for k in content]
            if any(r is None for r in result):
                newly.add(name)
                continue
            for k, r in zip(content, result, strict=True):
                if r is not k:
                    d.replace(k, r)
        if not newly:
            break
        dead |= newly
    for name in dead:
        d = defines[name]
        for k in list(d):
            d.remove(k)
        etree.SubElement(d, R + "notAllowed")


# --- Schematron -----------------------------------------------------------------------------------------------------


def _split_top(expr: str, sep: str = "|") -> list[str]:
    """Split an XPath at ``sep`` outside brackets, parentheses and quotes."""
    parts, depth, quote, cur = [], 0, "", ""
    for ch in expr:
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch in "[(":
            depth += 1
        elif ch in "])":
            depth -= 1
        elif ch == sep and depth == 0:
            parts.append(cur)
            cur = ""
            continue
        cur += ch
    return [*parts, cur]


def context_keys(context: str) -> set[tuple[str, str]]:
    """What a rule context can match, as (kind, local name): ``t:sp/@who`` gives ``("@", "who")``."""
    keys = set()
    for alternative in _split_top(context):
        depth, last = 0, ""
        for ch in alternative:  # drop predicates
            depth += ch == "["
            if depth == 0:
                last += ch
            depth -= ch == "]"
        step = last.strip().split("/")[-1]
        kind = "@" if step.startswith("@") else "el"
        keys.add((kind, step.lstrip("@").split(":")[-1]))
    return keys


def _conflict(a: set[tuple[str, str]], b: set[tuple[str, str]]) -> bool:
    return any(ka == kb and (na == nb or "*" in (na, nb)) for ka, na in a for kb, nb in b)


def describe(desc: etree._Element) -> str:
    """The prose of an ODD ``desc`` as plain text: ``<att>who</att>`` as @who, ``<val>x</val>`` as "x"."""
    out = [desc.text or ""]
    for child in desc:
        inner = "".join(child.itertext())
        local = etree.QName(child).localname
        out.append({"att": f"@{inner}", "val": f'"{inner}"'}.get(local, inner) + (child.tail or ""))
    return " ".join("".join(out).split())


def rules(spec: etree._Element) -> list[tuple[str, str, str]]:
    """Each rule of the ODD as (id, severity, description), in the ODD's order."""
    found = []
    for cs in spec.iter(T + "constraintSpec"):
        if cs.get("ident") != "corpus":
            role = next(cs.iter(S + "assert", S + "report")).get("role", "error")
            found.append((cs.get("ident"), role, describe(cs.find(T + "desc"))))
    return found


def build_sch(spec: etree._Element, title: str) -> etree._ElementTree:
    """The Schematron schema: the rules packed into as few patterns as their contexts allow.

    Each pattern is one pass over the document, so the rules are packed: a rule joins the first pattern whose rules
    cannot match the same node (in a pattern, a node fires only the first rule that matches it). The rules across
    documents are packed apart from the others, so that the phase ``corpus`` can run them alone.
    """
    schema = etree.Element(S + "schema", queryBinding="exslt", nsmap={"sch": SCH_NS})
    schema.append(etree.Comment(NOTICE))
    etree.SubElement(schema, S + "title").text = title
    corpus = spec.find(f"{T}constraintSpec[@ident='corpus']/{T}constraint")
    declarations = [d for d in corpus if d.tag != S + "phase"]
    phases = [copy.deepcopy(d) for d in corpus if d.tag == S + "phase"]
    in_corpus = {a.get("pattern") for ph in phases for a in ph.iter(S + "active")}
    packed: dict[str, list[tuple[set, etree._Element]]] = {"corpus": [], "edition": []}
    for cs in spec.iter(T + "constraintSpec"):
        if cs.get("ident") == "corpus":
            continue
        group = packed["corpus" if cs.get("ident") in in_corpus else "edition"]
        for rule in cs.find(T + "constraint").iter(S + "rule"):
            keys = context_keys(rule.get("context"))
            home = next((p for p in group if not _conflict(p[0], keys)), None)
            if home is None:
                home = (set(), etree.Element(S + "pattern"))
                group.append(home)
            home[0].update(keys)
            desc = describe(cs.find(T + "desc"))
            home[1].append(etree.Comment(f" {cs.get('ident')}: {desc.replace('--', '-')} "))
            home[1].append(copy.deepcopy(rule))
    for decl in declarations:
        schema.append(copy.deepcopy(decl))
    for phase in phases:
        for active in list(phase.iter(S + "active")):
            phase.remove(active)
        for k in range(len(packed["corpus"])):
            etree.SubElement(phase, S + "active", pattern=f"corpus-{k + 1}")
        schema.append(phase)
    for group, patterns in packed.items():
        for k, (_, pattern) in enumerate(patterns):
            pattern.set("id", f"{group}-{k + 1}")
            schema.append(pattern)
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
