"""RELAX NG validation with libxml2, reporting every problem as jing does, placed on its element or attribute."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from ..xmlfiles import Locator, Problem, safe_parser
from .result import SchemaError


class RelaxNG:
    """A compiled RELAX NG schema; ``closed``: the closed value lists of the edition's ODD, (element or "*",
    attribute) -> values, to say which values an invalid attribute could have had."""

    def __init__(self, path: Path, closed: dict[tuple[str, str], tuple[str, ...]] | None = None) -> None:
        try:
            self.schema = etree.RelaxNG(etree.parse(str(path), safe_parser(documents=False)))
        except (OSError, etree.XMLSyntaxError, etree.RelaxNGParseError) as e:
            raise SchemaError(f"{path}: not a usable RELAX NG schema (XML syntax): {e}") from None
        self.closed = closed or {}

    def problems(self, name: str, tree: etree._ElementTree, locator: Locator) -> Iterator[Problem]:
        """Every RELAX NG problem of ``tree`` (none when it is valid), as jing reports them.

        libxml2 stops at the first problem of an element's attributes and of its content: an element with a bad
        value, an unknown attribute and two unknown children gives two errors where jing gives four. So the
        problems it names are taken away from a copy of the tree (the attribute, or the element not expected
        there) and the copy is validated again, until nothing more can be taken away (:data:`RNG_PASSES` at most).
        """
        if self.schema.validate(tree):
            return
        lines = _by_line(tree)
        work = copy.deepcopy(tree)
        seen: set[tuple[int, str]] = set()
        for _ in range(RNG_PASSES):
            repaired, work_lines = False, _by_line(work)
            log = list(self.schema.error_log)
            # libxml2 says one fault twice: "Element p has extra content: x" beside "Did not expect element x there"
            unexpected = {(e.line, m.group(1)) for e in log if (m := _RNG_UNEXPECTED.search(e.message.strip()))}
            for entry in log:
                extra = _RNG_EXTRA.search(entry.message.strip())
                if (entry.line, entry.message) in seen or (extra and (entry.line, extra.group(1)) in unexpected):
                    continue
                seen.add((entry.line, entry.message))
                yield self._problem(name, entry, lines, locator)
                repaired |= _take_away(entry, work_lines)
            if not repaired or self.schema.validate(work):
                return

    def _problem(self, name: str, entry, by_line: dict, locator: Locator) -> Problem:
        """libxml2's message, placed on the element (or attribute) it names, with the allowed values if closed;
        in the file an XInclude brought the element in from, where it did."""
        message = entry.message.strip()
        where, line, column = None, max(entry.line, 1), 1
        if message == _RNG_INCOMPLETE:  # libxml2 names neither the element nor what it lacks: say which it is
            starting = by_line.get(entry.line, [])
            if len(starting) == 1:
                where, line, column = locator.place(starting[0])
                message = (f"Element {etree.QName(starting[0]).localname} is incomplete: an element the schema "
                           "requires is missing from its content")
            else:
                message = "An element that starts on this line is incomplete: an element the schema requires is missing"
            return Problem(where or name, line, column, "error", "relaxng", message)
        m = _RNG_ELEMENT.search(message)
        if m:
            local = next(g for g in m.groups() if g)
            el = next((e for e in by_line.get(entry.line, []) if etree.QName(e).localname == local), None)
            if el is not None:
                where, line, column = locator.place(el)
                bad = _RNG_ATTRIBUTE.search(message)
                if bad and bad.group(1) in el.attrib:
                    attribute = bad.group(1)
                    where, line, column = locator.place(el, attribute)
                    allowed = self.closed.get((local, attribute)) or self.closed.get(("*", attribute))
                    if allowed:
                        message += (f': "{el.get(attribute)}" is not one of the values the edition allows '
                                    f"({', '.join(allowed)})")
        return Problem(where or name, line, column, "error", "relaxng", message)


#: Passes of libxml2's RELAX NG validation over a copy of a document, each after the problems found were taken away.
RNG_PASSES = 20

_RNG_UNEXPECTED = re.compile(r"^Did not expect element (\S+) there")
#: libxml2's word for an element whose content ends before what the schema requires (jing: "incomplete").
_RNG_INCOMPLETE = "Expecting an element , got nothing"
_RNG_EXTRA = re.compile(r"^Element \S+ has extra content: (\S+)")


def _by_line(tree: etree._ElementTree) -> dict[int, list[etree._Element]]:
    lines: dict[int, list[etree._Element]] = {}
    for el in tree.iter(etree.Element):
        lines.setdefault(el.sourceline, []).append(el)
    return lines


def _take_away(entry, lines: dict[int, list[etree._Element]]) -> bool:
    """Take from the copy what a problem names, so that the next pass sees past it: an attribute that is unknown
    or has a wrong value, or an element not expected there (its text stays, as the tail of what precedes it)."""
    message = entry.message.strip()
    attribute = _RNG_ATTRIBUTE.search(message)
    if attribute:
        local, owner = attribute.group(1).split(":")[-1], message.rsplit(" ", 1)[-1]
        for el in lines.get(entry.line, []):
            names = [k for k in el.attrib if etree.QName(k).localname == local]
            if names and etree.QName(el).localname == owner:
                del el.attrib[names[0]]
                return True
        return False
    unexpected = _RNG_UNEXPECTED.search(message)
    if unexpected:
        for el in lines.get(entry.line, []):
            parent = el.getparent()
            if etree.QName(el).localname == unexpected.group(1).split(":")[-1] and parent is not None:
                lines[entry.line].remove(el)
                before, tail = el.getprevious(), el.tail or ""
                parent.remove(el)  # which takes its tail text too: put that back
                if before is not None:
                    before.tail = (before.tail or "") + tail
                else:
                    parent.text = (parent.text or "") + tail
                return True
    return False

_RNG_ELEMENT = re.compile(r"(?:element|Element) (\S+?)[ :,]|got (\S+)$|for element (\S+)$")

_RNG_ATTRIBUTE = re.compile(r"^Invalid attribute (\S+) for element")
