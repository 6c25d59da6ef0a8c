"""W3C XML Schema validation (XSD 1.0 and 1.1, as other projects' schemas are: the Schnitzler letters' is 1.1), by the
``xmlschema`` package, every problem placed on its element. No schema is fetched: a schema that imports one from the
web is read with the copies ``xmlschema`` carries (the XML namespace's), or refused with a message."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from ..xmlfiles import Locator, Problem, safe_parser
from .result import SchemaError

VC_NS = "http://www.w3.org/2007/XMLSchema-versioning"


class XmlSchema:
    """A compiled XML Schema, 1.1 where the schema asks for it (``vc:minVersion="1.1"``), else 1.0."""

    def __init__(self, path: Path) -> None:
        import xmlschema  # here: only another project's XML Schema needs it

        try:
            root = etree.parse(str(path), safe_parser(documents=False)).getroot()
            version = root.get(f"{{{VC_NS}}}minVersion", "1.0")
            cls = xmlschema.XMLSchema11 if version.startswith("1.1") else xmlschema.XMLSchema10
            self.schema = cls(str(path), allow="local", defuse="always")
        except (OSError, etree.XMLSyntaxError, xmlschema.XMLSchemaException, ValueError) as e:
            first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
            raise SchemaError(f"{path}: not a usable XML Schema: {first}") from None

    def problems(self, name: str, tree: etree._ElementTree, locator: Locator) -> Iterator[Problem]:
        """Every problem the schema finds in ``tree``, each on the element (or the child not allowed) it concerns."""
        names = _Names(tree.getroot())
        for error in self.schema.iter_errors(tree):
            el = error.elem if isinstance(error.elem, etree._Element) else None
            index = getattr(error, "index", None)  # (only an error about a child says which)
            if el is not None and index is not None and 0 <= index < len(el) \
                    and isinstance(el[index].tag, str):
                el = el[index]  # the child that is not allowed there, not its parent
            line, column = locator.element(el) if el is not None else (1, 1)
            where = names(el.tag) if el is not None else ""
            reason = names.clark(error.reason or error.message or "not valid")
            yield Problem(name, line, column, "error", "xsd", f"element {where}: {reason}" if where else reason)


class _Names:
    """Names as the document writes them: its default namespace's without a prefix, others with the document's."""

    def __init__(self, root: etree._Element) -> None:
        self.prefixes = {uri: prefix for prefix, uri in root.nsmap.items()}

    def __call__(self, tag: str) -> str:
        q = etree.QName(tag)
        prefix = self.prefixes.get(q.namespace) if q.namespace else None
        return f"{prefix}:{q.localname}" if prefix else q.localname

    def clark(self, text: str) -> str:
        return re.sub(r"\{([^}]*)\}([\w.\-]+)", lambda m: self(f"{{{m.group(1)}}}{m.group(2)}"), text)
