"""The XML files every stage reads: found, read safely, and located.

Every file is read as bytes and parsed without a DTD, without entities and without the network (a DOCTYPE that
declares anything is refused before the parser sees it), so a hostile file can neither read local files nor expand
an entity bomb. A file that cannot be read gives :class:`Problem`\\ s, each naming the file, the line and column,
the rule and a message: the encoder (``--edition``), the validator and the build report them alike.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    column: int
    severity: str
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: [{self.rule}] {self.message}"

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

_NAME_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def shown(text: str, name: bool = False) -> str:
    """``text`` as a report prints it: bytes of a file name that are not UTF-8 (which Python keeps as lone
    surrogates) as ``\\xNN``, and control characters (which XML cannot hold; in a name, line breaks and tabs too,
    which would split a line of the report) as ``\\xNN``. Every report is then valid UTF-8 and valid XML
    (edition.validate.formats), and so is every parameter the validator passes to libxslt."""
    text = os.fsencode(text).decode("utf-8", "backslashreplace") if name else \
        text.encode("utf-8", "backslashreplace").decode("utf-8")
    return (_NAME_CONTROL if name else _CONTROL).sub(lambda m: f"\\x{ord(m.group()):02x}", text)


# --- Reading safely -------------------------------------------------------------------------------------------------


class _Refuse(etree.Resolver):
    """Never fetch anything: no DTD, no external entity, no XInclude."""

    def resolve(self, system_url, public_id, context):
        return self.resolve_string("", context)


def safe_parser(documents: bool = True) -> etree.XMLParser:
    """The parser for the files validated (which may fetch nothing) or for schemas (which may include files)."""
    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, dtd_validation=False,
                             huge_tree=False, collect_ids=False, remove_blank_text=False)
    if documents:
        parser.resolvers.add(_Refuse())
    return parser

_PROLOG_TOKEN = re.compile(rb"\s*(<!--.*?-->|<\?.*?\?>|<!DOCTYPE(?:[^\[>]|\[.*?\])*>)", re.S)


def _doctype_problem(path: str, raw: bytes) -> Problem | None:
    """Refuse a DOCTYPE that declares anything, before a parser sees it (a bare ``<!DOCTYPE TEI>`` is harmless)."""
    text = raw.decode("utf-16", "replace").encode("utf-8") if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else raw
    text = text.removeprefix(b"\xef\xbb\xbf")
    pos, m = 0, None
    while (token := _PROLOG_TOKEN.match(text, pos)) is not None:
        if token.group(1).startswith(b"<!DOCTYPE"):
            m = token
            break
        pos = token.end()
    if m is None:
        bare = re.match(rb"\s*<!DOCTYPE", text[pos:])
        if not bare:
            return None
        start, body = pos + bare.start(), text[pos + bare.end():]  # a DOCTYPE the pattern cannot read: refuse it
    else:
        start, body = m.start(1), m.group(1)[len(b"<!DOCTYPE"):-1]
        if re.fullmatch(rb"\s*[^\s\[>]+\s*", body):
            return None
    line = text.count(b"\n", 0, start) + 1
    column = start - (text.rfind(b"\n", 0, start) + 1) + 1
    external = re.match(rb"\s*[^\s\[>]+\s+(SYSTEM|PUBLIC)\s", body)
    entities = re.findall(rb"<!ENTITY\s+(?:%\s*)?([^\s>]+)", body)
    if external:
        what = f"an external DTD ({external.group(1).decode()} identifier)"
    elif entities:
        what = "entities (" + ", ".join(sorted({e.decode("utf-8", "replace") for e in entities})[:5]) + ")"
    else:
        what = "an internal DTD subset"
    return Problem(path, line, column, "error", "doctype",
                   f"the DOCTYPE declares {what}; DTDs and entities are never loaded or expanded (they can read "
                   "local files or expand without end), and TEI needs none: remove the DOCTYPE and write the "
                   "characters themselves")


def load(path: Path) -> tuple[etree._ElementTree | None, list[Problem]]:
    try:
        raw = path.read_bytes()
    except OSError as e:
        return None, [Problem(str(path), 1, 1, "error", "unreadable", e.strerror or str(e))]
    return read(str(path), raw)


def read(path: str, raw: bytes) -> tuple[etree._ElementTree | None, list[Problem]]:
    """Parse one file; a file that cannot be read as XML gives its problems and no tree."""
    doctype = _doctype_problem(path, raw)
    if doctype:
        return None, [doctype]
    parser = safe_parser()
    try:
        root = etree.fromstring(raw, parser, base_url=None)
    except etree.XMLSyntaxError as e:
        problems = [Problem(path, max(entry.line, 1), max(entry.column, 1), "error", "well-formed",
                            entry.message.strip()) for entry in parser.error_log
                    if entry.level_name in ("ERROR", "FATAL")]  # this parse's log (e.error_log can hold older ones)
        if not problems:
            line, column = e.position if e.position else (1, 1)
            problems = [Problem(path, max(line, 1), max(column, 1), "error", "well-formed", str(e.msg))]
        return None, problems[:20]
    tree = root.getroottree()
    if tree.docinfo.internalDTD is not None or tree.docinfo.system_url or tree.docinfo.public_id:
        return None, [Problem(path, 1, 1, "error", "doctype", "the DOCTYPE declares a DTD; DTDs and entities are "
                              "never loaded or expanded, and TEI needs none: remove the DOCTYPE")]
    return tree, []

#: The deepest nesting of elements that the publications can read: the XML parser of the XSLT processor refuses a
#: deeper document (``jdk.xml.maxElementDepth``, 100 levels). Validation reports one, so that it fails there first.
MAX_DEPTH = 100


def too_deep(path: str, tree: etree._ElementTree) -> Problem | None:
    """An error at the first element nested deeper than :data:`MAX_DEPTH`, or None."""
    deeper = tree.xpath("/" + "/".join(["*"] * (MAX_DEPTH + 1)))
    if not deeper:
        return None
    line, column = Locator(Path(path), tree.docinfo.encoding).element(deeper[0])
    return Problem(path, line, column, "error", "depth",
                   f"<{etree.QName(deeper[0]).localname}> is nested {MAX_DEPTH + 1} elements deep; the XSLT processor "
                   f"that publishes the edition reads at most {MAX_DEPTH} levels: flatten the markup here")


# --- Where a node is ------------------------------------------------------------------------------------------------


class Locator:
    """Line and column of an element's start tag (or of one of its attributes) in the file's text.

    libxml2 records only the line on which a start tag ends; the column is found in the text, counting elements of
    the same name that end on the same line.
    """

    def __init__(self, path: Path, encoding: str | None = None):
        self.path = path
        self.encoding = encoding or "utf-8"
        self._text: str | None = None
        self._starts: list[int] = []

    @property
    def text(self) -> str:
        """The file's text, read only when a problem needs a column."""
        if self._text is None:
            raw = self.path.read_bytes()
            try:
                self._text = raw.decode(self.encoding, "replace")
            except LookupError:  # an encoding Python does not know: columns may be approximate
                self._text = raw.decode("utf-8", "replace")
            self._text = self._text.removeprefix("\ufeff")
            self._starts = [0] + [m.end() for m in re.finditer("\n", self._text)]
        return self._text

    @property
    def starts(self) -> list[int]:
        self.text  # noqa: B018 - reads the file once
        return self._starts

    def _line_of(self, offset: int) -> int:
        lo, hi = 0, len(self.starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1

    def _position(self, offset: int) -> tuple[int, int]:
        line = self._line_of(offset)
        return line, offset - self.starts[line - 1] + 1

    def element(self, el: etree._Element, attribute: str | None = None) -> tuple[int, int]:
        line = el.sourceline or 1
        if not isinstance(el.tag, str):
            return line, 1
        qname = etree.QName(el).localname if el.prefix is None else f"{el.prefix}:{etree.QName(el).localname}"
        nth = 0  # elements of the same name whose start tags end on the same line, before this one
        for sibling in el.itersiblings(preceding=True):
            if sibling.sourceline != line:
                break
            nth += sibling.tag == el.tag
        window_start = self.starts[max(line - 40, 0)]
        window_end = self.starts[line] if line < len(self.starts) else len(self.text)
        hits = []
        for m in re.finditer(rf"<{re.escape(qname)}(?=[\s/>])", self.text[window_start:window_end]):
            start = window_start + m.start()
            end = self.text.find(">", start)
            if end != -1 and self._line_of(end) == line:
                hits.append((start, end))
        if not hits:
            return line, 1
        start, end = hits[min(nth, len(hits) - 1)]
        if attribute:
            name = attribute
            if attribute.startswith("{"):
                ns, local = attribute[1:].split("}")
                name = ("xml:" if ns == "http://www.w3.org/XML/1998/namespace" else "") + local
            m = re.compile(rf"\s({re.escape(name)})\s*=").search(self.text, start, end)
            if m:
                return self._position(m.start(1))
        return self._position(start)


# --- Which files ----------------------------------------------------------------------------------------------------


def xml_files(path: Path) -> list[Path]:
    """``path`` itself, or the ``.xml`` files under the folder ``path``, sorted, without hidden folders."""
    if not path.is_dir():
        return [path]
    return sorted(f for f in path.rglob("*.xml")
                  if f.is_file() and not any(part.startswith(".") for part in f.relative_to(path).parts))
