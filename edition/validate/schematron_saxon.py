"""ISO Schematron in the XSLT 2.0 and 3.0 query bindings (DraCor's, FRUS's, most projects' today): compiled by
SchXslt (vendored in ``schxslt/``, MIT licence, the reference implementation of those bindings) and run by saxonche,
with each failed assertion's location turned into a line and column of the file.

SchXslt gives a location as a path of ``Q{namespace}name[n]`` steps; the node it names is found again in the lxml
tree of the file, whose :class:`Locator` knows its line and column."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from ..xmlfiles import Locator
from .result import SchemaError
from .schematron import location

PIPELINE = Path(__file__).resolve().parent / "schxslt" / "pipeline-for-svrl.xsl"
SVRL_NS = "http://purl.oclc.org/dsdl/svrl"
SCH_NS = "http://purl.oclc.org/dsdl/schematron"
#: One step of a location path: an element, an attribute, a text node, a comment or a processing instruction.
STEP = re.compile(r"Q\{(?P<ns>[^}]*)\}(?P<local>[^\[/]+)\[(?P<n>\d+)\]|@(?:Q\{(?P<ans>[^}]*)\})?(?P<attr>[^/\[]+)"
                  r"|(?:text|comment|processing-instruction)\([^)]*\)\[\d+\]")

_PROCESSOR = None


def _processor():
    global _PROCESSOR
    if _PROCESSOR is None:
        from ..saxon import processor  # (imported here: the XPath 1.0 binding needs no Saxon)

        _PROCESSOR = processor()
    return _PROCESSOR


def query_binding(schema: etree._ElementTree) -> str:
    return (schema.getroot().get("queryBinding") or "xslt").lower()


def embedded(rng: Path) -> etree._ElementTree | None:
    """The Schematron a RELAX NG schema or an XML Schema carries (``sch:pattern`` in it, as a schema made from an ODD
    does, or in an XML Schema's ``xs:appinfo``), as a schema of its own; None when it carries none."""
    try:
        tree = etree.parse(str(rng), etree.XMLParser(resolve_entities=False, no_network=True))
    except (OSError, etree.XMLSyntaxError) as e:
        raise SchemaError(f"{rng}: not a usable RELAX NG schema: {e}") from None
    patterns = tree.getroot().findall(f".//{{{SCH_NS}}}pattern")
    if not patterns:
        return None
    schema = etree.Element(f"{{{SCH_NS}}}schema", queryBinding="xslt2", nsmap={"sch": SCH_NS})
    seen = set()
    for ns in tree.getroot().iter(f"{{{SCH_NS}}}ns"):
        if ns.get("prefix") not in seen:
            seen.add(ns.get("prefix"))
            schema.append(etree.fromstring(etree.tostring(ns)))
    # the prefixes its rules use may be declared only on the schema's root (an XML Schema's tei:, xs:)
    for prefix, uri in tree.getroot().nsmap.items():
        if prefix and prefix not in seen and uri != SCH_NS:
            seen.add(prefix)
            etree.SubElement(schema, f"{{{SCH_NS}}}ns", prefix=prefix, uri=uri)
    for pattern in patterns:
        schema.append(etree.fromstring(etree.tostring(pattern)))
    return etree.ElementTree(schema)


class SaxonSchematron:
    """A Schematron schema in the XSLT 2.0 or 3.0 binding, compiled once; called as the XPath 1.0 one is."""

    def __init__(self, schema: etree._ElementTree, name: str, base: Path | None = None):
        """``base``: the folder of the schema's file, against which its ``doc('../lists/persons.xml')`` resolve
        (as they do where the schema's XSLT is compiled beside it), never the folder the command runs in."""
        from ..saxon import quiet  # (Saxon's account of an error held back: the one line below says it)

        try:
            with quiet():
                xslt = _processor().new_xslt30_processor()
                compiler = xslt.compile_stylesheet(stylesheet_file=str(PIPELINE))
                source = _processor().parse_xml(xml_text=etree.tostring(schema, encoding="unicode"))
                compiled = compiler.transform_to_string(xdm_node=source)
                if base is not None:
                    xslt.set_cwd(str(base.resolve()))
                self.validator = xslt.compile_stylesheet(stylesheet_text=compiled)
        except Exception as e:  # noqa: BLE001 - Saxon's errors are of its own kinds: one line, naming the file
            raise SchemaError(f"{name}: not a usable ISO Schematron schema ({query_binding(schema)} query binding): "
                              f"{' '.join(str(e).split())[:300]}") from None
        self.name = name

    def __call__(self, tree: etree._ElementTree, locator: Locator, params: dict) -> etree._ElementTree:
        from ..saxon import quiet

        node = _processor().parse_xml(xml_text=etree.tostring(tree, encoding="unicode"))
        try:
            with quiet():
                result = self.validator.transform_to_string(xdm_node=node)
            report = etree.fromstring(result.encode("utf-8"))
        except Exception as e:  # noqa: BLE001 - a rule that fails on this file (a cast) is a problem of the file
            report = etree.Element(f"{{{SVRL_NS}}}schematron-output")
            failed = etree.SubElement(report, f"{{{SVRL_NS}}}failed-assert", id="schematron", location="/")
            etree.SubElement(failed, f"{{{SVRL_NS}}}text").text = (
                f"the Schematron {self.name} could not run on this file: {' '.join(str(e).split())[:200]}")
        for item in report.iter(f"{{{SVRL_NS}}}failed-assert", f"{{{SVRL_NS}}}successful-report"):
            item.set("location", _line_column(tree, locator, item.get("location") or ""))
        return etree.ElementTree(report)


def _line_column(tree: etree._ElementTree, locator: Locator, path: str) -> str:
    """``line:column`` of the node a location path names (the nearest element it can follow)."""
    node = tree.getroot()
    first = True
    for m in STEP.finditer(path):
        if m.group("local"):
            if first:
                first = False
                continue  # the root element
            ns, local, n = m.group("ns"), m.group("local"), int(m.group("n"))
            tag = f"{{{ns}}}{local}" if ns else local
            same = [c for c in node if c.tag == tag]
            if len(same) < n:
                break
            node = same[n - 1]
        elif m.group("attr"):
            attr = f"{{{m.group('ans')}}}{m.group('attr')}" if m.group("ans") else m.group("attr")
            return location(*locator.place(node, attr))
        else:
            break
    return location(*locator.place(node))
