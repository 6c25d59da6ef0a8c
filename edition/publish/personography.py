"""The entries of the edition's personography that a run writing some records' pages needs.

A record's page looks persons up by id (the stylesheets' ``key('ed:by-id')`` on the register), and a large
edition's personography is large (6 MB at 10,000 synthetic records, 60 MB at 100,000): a run that parsed it whole
would spend more on it than on the pages it writes. Such a run is given instead a copy with only the entries its
records point to and those these point to in turn (a party, a group), in the structure of the original (its
header whole, each entry under copies of its ancestors). An entry is found by any token of any attribute of the
records (``#id``, ``persons.xml#id``, ``prefix:id``): more than the records point to, never less."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from ..conventions import TEI_NS

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XINCLUDE = "{http://www.w3.org/2001/XInclude}include"
#: An attribute's value, in double or single quotes.
_VALUE = re.compile(rb"""=\s*(?:"([^"]*)"|'([^']*)')""")


def _names(value: str) -> set[str]:
    """The ids an attribute's value may point to: each token, and what follows its last ``#`` or ``:``."""
    names = set()
    for token in value.split():
        names.update((token, token.rsplit("#", 1)[-1], token.rsplit(":", 1)[-1]))
    return names


class Personography:
    """A personography read once, from which :meth:`subset` writes the entries some records need. None of it
    (:meth:`read` returns None) where a copy could differ from the file: an internal DTD (its entities), an
    XInclude, a file lxml cannot read."""

    def __init__(self, tree: etree._ElementTree) -> None:
        self.root = tree.getroot()
        self.by_id: dict[str, tuple[int, etree._Element]] = {}  # (its place in document order, the element)
        for k, element in enumerate(self.root.iter()):
            name = element.get(XML_ID) if isinstance(element.tag, str) else None
            if name is not None and name not in self.by_id:
                self.by_id[name] = (k, element)

    @classmethod
    def read(cls, path: Path) -> Personography | None:
        try:
            tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))
        except (OSError, etree.XMLSyntaxError):
            return None
        if tree.docinfo.internalDTD is not None or next(tree.getroot().iter(XINCLUDE), None) is not None:
            return None
        return cls(tree)

    def needed(self, records: Iterable[Path]) -> list[etree._Element]:
        """The entries the ``records`` point to, and those these point to, in document order."""
        found: set[str] = set()
        for record in records:
            for double, single in _VALUE.findall(record.read_bytes()):
                found |= _names((double or single).decode("utf-8", "replace"))
        todo = [name for name in found if name in self.by_id]
        found = set(todo)
        while todo:
            for element in self.by_id[todo.pop()][1].iter():
                for value in element.attrib.values():
                    for name in _names(value):
                        if name in self.by_id and name not in found:
                            found.add(name)
                            todo.append(name)
        return [element for _, element in sorted(self.by_id[name] for name in found)]

    def subset(self, records: Iterable[Path], target: Path) -> Path:
        """Write into ``target`` the personography with the entries ``records`` need (:meth:`needed`); returns
        ``target``."""
        top = etree.Element(self.root.tag, self.root.attrib, nsmap=self.root.nsmap)
        top.text = self.root.text
        copies = {self.root: top}
        inside: set[etree._Element] = set()  # what is copied whole: the header, an entry
        for child in self.root.iterchildren(f"{{{TEI_NS}}}teiHeader"):
            top.append(copy.deepcopy(child))
            inside.update(child.iter())
        for entry in self.needed(records):
            if entry in inside:
                continue
            chain, above = [], entry
            while above not in copies:
                chain.append(above)
                above = above.getparent()
            parent = copies[above]
            for element in reversed(chain):
                if element is entry:
                    made = copy.deepcopy(element)
                    inside.update(element.iter())
                else:
                    made = etree.Element(element.tag, element.attrib, nsmap=element.nsmap)
                    made.text = element.text
                made.tail = element.tail
                parent.append(made)
                copies[element] = parent = made
        target.write_bytes(etree.tostring(top, xml_declaration=True, encoding="UTF-8"))
        return target
