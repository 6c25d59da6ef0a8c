"""ISO Schematron (XPath 1.0 or EXSLT query binding) run by libxslt, with locations computed in Python; a schema
in the XSLT 2.0 or 3.0 binding goes to :mod:`.schematron_saxon` (:func:`compile_schematron` chooses)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lxml import etree, isoschematron

from ..xmlfiles import Locator, Problem, safe_parser
from .result import SchemaError

SVRL = "{http://purl.oclc.org/dsdl/svrl}"

LOCATE_NS = "urn:x-edition:locate"


class _Where:
    """The Schematron's locations, computed in Python while the transform runs.

    The XSLT 1.0 skeleton writes each location as an XPath that counts preceding siblings at every step, which is
    quadratic in a large file with many problems (and for attributes it drops the element's path). Its location
    templates are replaced by a call to this extension function, which returns ``line:column`` from the
    :class:`Locator` of the document being validated.
    """

    def __init__(self) -> None:
        self.locator: Locator | None = None

    def __call__(self, _context, nodes) -> str:
        node = nodes[0] if nodes else None
        if self.locator is None or node is None:
            return "1:1"
        if isinstance(node, etree._Element):
            return location(*self.locator.place(node))
        if getattr(node, "is_attribute", False):
            return location(*self.locator.place(node.getparent(), node.attrname))
        parent = getattr(node, "getparent", lambda: None)()
        return location(*self.locator.place(parent)) if isinstance(parent, etree._Element) else "1:1"


def location(where: str | None, line: int, column: int) -> str:
    """An SVRL location as the edition writes it: ``line:column``, and ``:file`` after it where the node is in a
    file an XInclude brought in (:meth:`Locator.place`), read back by :func:`svrl_problems`."""
    return f"{line}:{column}:{where}" if where else f"{line}:{column}"


def _locate_in_python(xslt: etree._ElementTree) -> etree._ElementTree:
    """Locations by :class:`_Where`; and no ``svrl:fired-rule`` per matched node, which only the failures need."""
    xsl = "http://www.w3.org/1999/XSL/Transform"
    root = xslt.getroot()
    for fired in list(root.iter(SVRL + "fired-rule")):
        fired.getparent().remove(fired)
    for template in root.iterfind(f"{{{xsl}}}template[@mode='schematron-get-full-path']"):
        for child in list(template):
            template.remove(child)
        template.text = None
        value = etree.SubElement(template, f"{{{xsl}}}value-of", nsmap={"edloc": LOCATE_NS})
        value.set("select", "edloc:where(.)")
    return xslt


class Schematron:
    """A compiled Schematron schema: SVRL with ``line:column`` locations."""

    def __init__(self, path: Path, phase: str | None = None):
        try:
            sch = isoschematron.Schematron(etree.parse(str(path), safe_parser(documents=False)), store_xslt=True,
                                           phase=phase)
            self.where = _Where()
            self.xslt = etree.XSLT(_locate_in_python(sch.validator_xslt),
                                   extensions={(LOCATE_NS, "where"): self.where})
        except (OSError, etree.XMLSyntaxError, etree.SchematronParseError, etree.XSLTParseError) as e:
            raise SchemaError(f"{path}: not a usable ISO Schematron schema (XPath 1.0 or EXSLT query binding): "
                              f"{e}") from None

    def __call__(self, tree: etree._ElementTree, locator: Locator, params: dict) -> etree._XSLTResultTree:
        self.where.locator = locator
        try:
            return self.xslt(tree, **params)
        finally:
            self.where.locator = None


def compile_schematron(path: Path, phase: str | None = None):
    """The schema compiled for its query binding: XPath 1.0 / EXSLT by libxslt, XSLT 2.0 / 3.0 by SchXslt and
    saxonche."""
    from .schematron_saxon import SaxonSchematron, query_binding

    try:
        tree = etree.parse(str(path), safe_parser(documents=False))
    except (OSError, etree.XMLSyntaxError) as e:
        raise SchemaError(f"{path}: not a usable ISO Schematron schema: {e}") from None
    if tree.getroot().tag == f"{{{SCHEMATRON_15}}}schema":
        return SaxonSchematron(iso_from_15(tree), str(path), path.parent)
    if query_binding(tree) in ("xslt2", "xslt3", "xpath2", "xpath3", "xpath31"):
        return SaxonSchematron(tree, str(path), path.parent)
    return Schematron(path, phase)


#: Schematron 1.5, the language before ISO (still used by EpiDoc projects), which jing runs.
SCHEMATRON_15 = "http://www.ascc.net/xml/schematron"
ISO = "http://purl.oclc.org/dsdl/schematron"


def iso_from_15(tree: etree._ElementTree) -> etree._ElementTree:
    """A Schematron 1.5 schema as the ISO schema it amounts to: its elements in the ISO namespace, a pattern's
    @name as its title; run in the XSLT 2.0 binding, as jing runs 1.5 with the XSLT processor it has (Saxon), so
    that the XPath 2.0 functions such schemas use (matches) work."""
    root = tree.getroot()
    for e in root.iter():
        if isinstance(e.tag, str) and etree.QName(e).namespace == SCHEMATRON_15:
            e.tag = f"{{{ISO}}}{etree.QName(e).localname}"
    for pattern in root.iter(f"{{{ISO}}}pattern"):
        if pattern.get("name") is not None:
            title = etree.Element(f"{{{ISO}}}title")
            title.text = pattern.attrib.pop("name")
            pattern.insert(0, title)
    root.set("queryBinding", "xslt2")
    # rebuilt, so that no declaration of the old namespace is left
    return etree.ElementTree(etree.fromstring(etree.tostring(root), safe_parser(documents=False)))


def svrl_problems(name: str, report: etree._XSLTResultTree) -> Iterator[Problem]:
    for item in report.getroot().iter(SVRL + "failed-assert", SVRL + "successful-report"):
        role = (item.get("role") or "error").lower()
        severity = "warning" if role in ("warn", "warning") else "info" if role in ("info", "information") \
            else "error"
        message = " ".join((item.findtext(SVRL + "text") or "").split())
        line, _, rest = (item.get("location") or "1:1").partition(":")
        column, _, where = rest.partition(":")
        yield Problem(where or name, int(line) if line.isdigit() else 1, int(column) if column.isdigit() else 1,
                      severity, item.get("id") or "schematron", message)
