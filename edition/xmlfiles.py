"""The XML files every stage reads: found, read safely, and located.

Every file is read as bytes and parsed without a DTD, without entities and without the network (a DOCTYPE that
declares anything is refused before the parser sees it), so a hostile file can neither read local files nor expand
an entity bomb. A file that cannot be read gives :class:`Problem`\\ s, each naming the file, the line and column,
the rule and a message: the encoder (``--edition``), the validator and the build report them alike.
"""

from __future__ import annotations

import copy
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import unquote
from xml.sax.saxutils import escape

from lxml import etree

from .confined import inside
from .conventions import XML_BASE, XML_ID, XML_NS


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
    # (the entities a document's own DOCTYPE declares, which _doctype_problem lets through, are expanded within
    # libxml2's limits on amplification; nothing external is ever read)
    parser = etree.XMLParser(resolve_entities="internal" if documents else False, load_dtd=False, no_network=True,
                             dtd_validation=False, huge_tree=False, collect_ids=False, remove_blank_text=False)
    if documents:
        parser.resolvers.add(_Refuse())
    return parser


def pull_parser(**options) -> etree.XMLPullParser:
    """A parser fed a file a piece at a time (a root's start tag, one kind of element), that fetches nothing: with
    ``collect_ids=False`` libxml2 would load the external DTD a DOCTYPE names."""
    parser = etree.XMLPullParser(resolve_entities=False, no_network=True, load_dtd=False, collect_ids=False,
                                 **options)
    parser.resolvers.add(_Refuse())
    return parser

_PROLOG_TOKEN = re.compile(rb"\s*(<!--.*?-->|<\?.*?\?>|<!DOCTYPE(?:[^\[>]|\[.*?\])*>)", re.S)


#: A DOCTYPE's external identifier (after its name): the DTD it names outside the file.
_LITERAL = rb"""(?:"[^"]*"|'[^']*')"""
_EXTERNAL_ID = re.compile(rb"\s+(?:SYSTEM\s*" + _LITERAL + rb"|PUBLIC\s*" + _LITERAL + rb"\s*" + _LITERAL + rb")")
_DOCTYPE_NAME = re.compile(rb"\s*[^\s\[>]+")


def _doctype(text: bytes) -> tuple[re.Match | None, int]:
    """The DOCTYPE among the prolog's comments and processing instructions, and where the prolog's tokens end."""
    pos = 0
    while (token := _PROLOG_TOKEN.match(text, pos)) is not None:
        if token.group(1).startswith(b"<!DOCTYPE"):
            return token, pos
        pos = token.end()
    return None, pos


def _external_id(text: bytes, doctype: re.Match) -> re.Match | None:
    """The external identifier of a DOCTYPE (``doctype``: its token in ``text``, as :func:`_doctype` finds it):
    the DTD it names outside the file, or None."""
    name = _DOCTYPE_NAME.match(text, doctype.start(1) + len(b"<!DOCTYPE"))
    return _EXTERNAL_ID.match(text, name.end()) if name else None


def _external_dtd(raw: bytes) -> re.Match | None:
    """The external identifier of the file's DOCTYPE, where it names a DTD."""
    doctype, _ = _doctype(raw)
    return _external_id(raw, doctype) if doctype else None


def _doctype_problem(path: str, raw: bytes, entities: bool = True) -> Problem | None:
    """Refuse a DOCTYPE that could read anything outside the file, before a parser sees it: an external entity,
    a parameter entity (or a subset this reader cannot read). A bare ``<!DOCTYPE TEI>``, one that names an external
    DTD (``<!DOCTYPE TEI SYSTEM "tei_all.dtd">``, as older TEI has it: the DTD is never read, by lxml, Saxon
    (saxon.py) or jing (which reads a copy without it), so an entity only it declares is an error where it is
    used) and an internal subset that declares general entities of its own (``<!ENTITY mdash "&#x2014;">``) are
    read, the entities expanded within libxml2's limits (an entity bomb is refused as not well-formed).
    ``entities``: False refuses them all (the parts of a Word or OpenDocument package, which their applications
    never write with a DOCTYPE)."""
    text = raw.decode("utf-16", "replace").encode("utf-8") if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else raw
    text = text.removeprefix(b"\xef\xbb\xbf")
    m, pos = _doctype(text)
    if m is None:
        bare = re.match(rb"\s*<!DOCTYPE", text[pos:])
        if not bare:
            return None
        start, body = pos + bare.start(), text[pos + bare.end():]  # a DOCTYPE the pattern cannot read: refuse it
    else:
        start, body = m.start(1), m.group(1)[len(b"<!DOCTYPE"):-1]
        external = _external_id(text, m) if entities else None
        if external:  # the DTD it names is never read: what is left is judged as a DOCTYPE without it
            body = text[start + len(b"<!DOCTYPE"):external.start()] + text[external.end():m.end(1) - 1]
        if re.fullmatch(rb"\s*[^\s\[>]+\s*", body):
            return None
    line = text.count(b"\n", 0, start) + 1
    column = start - (text.rfind(b"\n", 0, start) + 1) + 1
    external = re.match(rb"\s*[^\s\[>]+\s+(SYSTEM|PUBLIC)\s", body)
    outside = re.findall(rb"<!ENTITY\s+(%\s*[^\s>]+|[^\s>]+\s+(?:SYSTEM|PUBLIC)\b)", body)
    if entities and not external and not outside and m is not None and _internal_only(body):
        return None
    declared = re.findall(rb"<!ENTITY\s+(?:%\s*)?([^\s>]+)", body)
    if external:
        what = f"an external DTD ({external.group(1).decode()} identifier)"
    elif outside:
        what = "external or parameter entities (" + ", ".join(sorted({e.split()[0].decode("utf-8", "replace")
                                                                       for e in outside})[:5]) + ")"
    elif declared and not entities:
        what = "entities (" + ", ".join(sorted({e.decode("utf-8", "replace") for e in declared})[:5]) + ")"
    else:
        what = "an internal DTD subset this reader cannot read"
    return Problem(path, line, column, "error", "doctype",
                   f"the DOCTYPE declares {what}; nothing outside a file is ever loaded (it can read local files "
                   "or the network), and TEI needs none: declare the entities in the file itself, or write the "
                   "characters themselves")


def without_external_dtd(raw: bytes) -> bytes:
    """The text of a file with its DOCTYPE's external identifier blanked out (each character a space, so that lines
    and columns stay), for a reader that would load the DTD it names (jing); the text itself where it names none."""
    external = _external_dtd(raw)
    if external is None:
        return raw
    return raw[:external.start()] + re.sub(rb"[^\r\n]", b" ", external.group()) + raw[external.end():]


#: What an internal subset may hold to be read: general entities with a literal value, comments, and element,
#: attribute and notation declarations (which the reader ignores).
_SUBSET_ITEM = re.compile(rb"""\s*(?:<!ENTITY\s+[^\s%>]+\s+(?:"[^"]*"|'[^']*')\s*>|<!--.*?-->"""
                          rb"""|<!(?:ELEMENT|ATTLIST|NOTATION)\s(?:[^>"']|"[^"]*"|'[^']*')*>)""", re.S)


def _internal_only(body: bytes) -> bool:
    """Whether a DOCTYPE's internal subset holds only what :data:`_SUBSET_ITEM` allows."""
    subset = re.fullmatch(rb"\s*[^\s\[>]+\s*\[(.*)\]\s*", body, re.S)
    if subset is None:
        return False
    rest = subset.group(1)
    pos = 0
    while pos < len(rest):
        item = _SUBSET_ITEM.match(rest, pos)
        if item is None:
            return not rest[pos:].strip()
        pos = item.end()
    return True


def load(path: Path) -> tuple[etree._ElementTree | None, list[Problem]]:
    try:
        raw = path.read_bytes()
    except OSError as e:
        return None, [Problem(str(path), 1, 1, "error", "unreadable", e.strerror or str(e))]
    return read(str(path), raw)


def read(path: str, raw: bytes, entities: bool = True) -> tuple[etree._ElementTree | None, list[Problem]]:
    """Parse one file; a file that cannot be read as XML gives its problems and no tree. ``entities``: whether a
    DOCTYPE may declare entities of the file's own (:func:`_doctype_problem`)."""
    doctype = _doctype_problem(path, raw, entities)
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
        if _external_dtd(raw):  # an entity the file's DTD would declare: say why it is not
            problems = [replace(p, message=p.message + " (the DTD the DOCTYPE names is never read: declare the entity "
                                "in the DOCTYPE's internal subset, or write the character itself)")
                        if re.match(r"Entity '[^']*' not defined", p.message) else p for p in problems]
        return None, problems[:20]
    return root.getroottree(), []

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
        self._parts: dict[str, Locator] = {}  # the files an XInclude brought elements in from

    def place(self, el: etree._Element, attribute: str | None = None) -> tuple[str | None, int, int]:
        """The file, line and column of an element's start tag (or of one of its attributes): the file None where
        it is this one, else the file an XInclude brought the element in from (its base, as XInclude sets it,
        beside this file and named as it is), so that a problem in an included part is said where it is."""
        part = _included_from(el, self.path)
        if part is None:
            return (None, *self.element(el, attribute))
        if part not in self._parts:
            self._parts[part] = Locator(Path(part))
        return (part, *self._parts[part].element(el, attribute))

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
        if line > len(self.starts):  # (an element an XInclude brought in from a longer file: its line is that file's)
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
    return [path / rel for rel, _link in xml_entries(path)]


def xml_entries(folder: Path) -> list[tuple[str, bool]]:
    """The ``.xml`` files under ``folder`` (files, or links to files; not in hidden folders, nor through links to
    folders), as (path relative to ``folder``, whether it is a link), in the order of their paths' parts.

    Read with os.scandir, whose entries know what they are without a call to the system for each file: an edition
    of 100,000 records is listed in a fraction of a second."""
    found: list[tuple[tuple[str, ...], bool]] = []
    pending: list[tuple[str, ...]] = [()]
    while pending:
        parts = pending.pop()
        try:
            entries = list(os.scandir(os.path.join(folder, *parts)))
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                pending.append((*parts, entry.name))
            elif entry.name.endswith(".xml") and entry.is_file():
                found.append(((*parts, entry.name), entry.is_symlink()))
    found.sort()
    return [("/".join(parts), link) for parts, link in found]


# --- XInclude --------------------------------------------------------------------------------------------------------

XI = "{http://www.w3.org/2001/XInclude}"
#: How deep includes may nest (an include of a file that includes another ...).
MAX_INCLUDE_DEPTH = 10
#: The largest file an include brings in as text (parse="text").
MAX_INCLUDED_TEXT = 16 * 2**20


def include_target(path: Path, href: str) -> Path | None:
    """The file an include's ``href`` names, relative to the including file ``path`` (``file:`` taken off); None
    for an address on the network (``http:``, ``urn:`` ...), which is never fetched."""
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", href) and not href.startswith("file:"):
        return None
    return path.parent / re.sub(r"^file:(//)?", "", href)


def resolve_includes(path: Path, tree: etree._ElementTree, root: Path, _depth: int = 0,
                     _seen: tuple[str, ...] = (), record: list | None = None) -> list[Problem]:
    """Resolve the XIncludes of ``tree`` (read from ``path``) in place, as jing's XInclude-aware parser does: an
    include of a whole file (``parse="xml"``, optionally an ``xpointer`` naming an id) or of its text
    (``parse="text"``), relative to the file. Its target must be a file inside ``root`` (the project), never a
    link out of it (:func:`confined.inside`) and never an address on the network; otherwise, or where the file is
    missing, its ``xi:fallback`` stands in for it, else the include stays and the reason is a problem at its line
    (rule ``xinclude``). The included element gets ``xml:base`` (as XInclude says). Returns the problems.
    ``record``: a list to which each include of the file itself is added, in document
    order, with what stands in its place (a string, or the elements; None where it stays), for a copy of the file
    with its includes written in (:func:`with_includes`)."""
    problems: list[Problem] = []
    for inc in list(tree.getroot().iter(XI + "include")):
        if any(a.tag == XI + "fallback" for a in inc.iterancestors()) or inc.getparent() is None:
            continue  # an include in a fallback counts only if its fallback is used (then resolved below)
        line = inc.sourceline or 1
        href, parse, xpointer = inc.get("href") or "", inc.get("parse") or "xml", inc.get("xpointer")
        why, content = None, None
        if not href:
            why = "an include of the document itself (xpointer only) is not resolved here"
        elif (target := include_target(path, href)) is None:
            why = f"{href}: not fetched (the network is never used)"
        elif parse not in ("xml", "text"):
            why = f'parse="{parse}": only "xml" and "text" are XInclude\'s'
        elif _depth >= MAX_INCLUDE_DEPTH:
            why = f"{href}: includes nested more than {MAX_INCLUDE_DEPTH} deep are not resolved"
        else:
            real, refused = inside(target, root)
            if real is None:
                if not (target.exists() or target.is_symlink()):
                    why = f"{href}: no such file"
                elif not target.resolve().is_relative_to(root):
                    why = f"{href}: outside the project ({root}); not read"
                else:
                    why = refused
            elif f"{real}#{xpointer}" in _seen:
                why = f"{href}: includes itself (a loop)"
            elif parse == "text":
                data = real.read_bytes()[:MAX_INCLUDED_TEXT + 1]
                if len(data) > MAX_INCLUDED_TEXT:
                    why = f"{href}: larger than {MAX_INCLUDED_TEXT:,} bytes; not included"
                else:
                    content = data.decode(inc.get("encoding") or "utf-8", "replace")
            else:
                included, found = read(str(real), real.read_bytes())
                problems.extend(found)
                if included is None:
                    why = f"{href}: not readable XML"
                else:
                    problems += resolve_includes(real, included, root, _depth + 1, (*_seen, f"{real}#{xpointer}"))
                    node = included.getroot()
                    if xpointer:
                        name = re.fullmatch(r"(?:element\()?([^()/\s]+)\)?", xpointer)
                        node = included.getroot().find(f".//*[@{{{XML_NS}}}id='{name.group(1)}']") if name else None
                        if node is None and name and included.getroot().get(XML_ID) == name.group(1):
                            node = included.getroot()
                        if node is None:
                            why = f"{href}: xpointer {xpointer!r} names nothing this reader can find"
                    if node is not None:
                        content = copy.deepcopy(node)
                        content.tail = None
                        content.set(XML_BASE, href)
        if content is None:
            fallback = inc.find(XI + "fallback")
            if fallback is None:
                problems.append(Problem(str(path), line, 1, "error", "xinclude", why or f"{href}: not included"))
                if record is not None:
                    record.append((inc, None))
                continue
            content = list(fallback)
            text = fallback.text or ""
        else:
            text = content if isinstance(content, str) else ""
            content = [] if isinstance(content, str) else [content]
        if record is not None:
            record.append((inc, (text, [copy.deepcopy(c) for c in content])))
        parent, tail = inc.getparent(), inc.tail or ""
        at = parent.index(inc)
        parent.remove(inc)
        before = parent[at - 1] if at > 0 else None
        if before is not None:
            before.tail = (before.tail or "") + text
        else:
            parent.text = (parent.text or "") + text
        for k, node in enumerate(content):
            parent.insert(at + k, node)
        last = parent[at + len(content) - 1] if content else before
        if last is not None:
            last.tail = (last.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
        if content and any(n.tag == XI + "include" for c in content for n in c.iter()):
            problems += resolve_includes(path, tree, root, _depth + 1, _seen)  # includes inside a fallback
    return problems


@dataclass
class Included:
    """Where an include's content stands in a copy :func:`with_includes` wrote: on ``line``, from ``column``
    (1-based); ``starts``: the offset of each of its elements' start tags in it, with the file and line the
    element comes from."""

    line: int
    column: int
    starts: list[tuple[int, str, int]]

    def place(self, column: int) -> tuple[str, int] | None:
        """The file and line of the element a column of the copy's line falls in, if it falls in this content."""
        at = column - self.column
        found = None
        for offset, path, line in self.starts:
            if offset > at:
                break
            found = (path, line)
        return found if at >= 0 else None


def _included_from(el: etree._Element, origin: Path) -> str | None:
    """The file an XInclude brought ``el`` in from (beside ``origin``, the including file, and named as its href
    names it), or None where ``el`` is in ``origin`` itself."""
    base = unquote(el.base or "") if isinstance(el.tag, str) else ""
    base = base[7:] if base.startswith("file://") else base
    if not base:
        return None
    part = str(origin.parent / base) if not os.path.isabs(base) else base
    return None if os.path.abspath(part) == os.path.abspath(origin) else part


def _starts(flat: str, nodes: list, origin: Path) -> list[tuple[int, str, int]]:
    """The offsets of the start tags of the elements of ``nodes`` in their serialisation ``flat``, in order, each
    with its file (the include's target, as :func:`_included_from` names it; "" where it is ``origin`` itself)
    and its line there."""
    out, pos = [], 0
    for node in nodes:
        if not isinstance(node.tag, str):
            continue
        for e in node.iter():
            if not isinstance(e.tag, str):
                continue
            m = re.compile(rf"<(?:[\w.-]+:)?{re.escape(etree.QName(e).localname)}(?=[\s/>])").search(flat, pos)
            if m is None:
                return out
            out.append((m.start(), _included_from(e, origin) or "", e.sourceline or 0))
            pos = m.end()
    return out


def _after(line: int, column: int, written: str) -> tuple[int, int]:
    """The line and column (1-based) where text that began at ``line``, ``column`` ends once ``written`` follows."""
    if "\n" not in written:
        return line, column + len(written)
    return line + written.count("\n"), len(written) - written.rfind("\n")


def with_includes(raw: bytes, encoding: str | None, record: list, places: list[Included] | None = None,
                  origin: Path = Path()) -> bytes | None:
    """The text of a file with its includes written in where they stand, each on the lines it took, so that a
    validator that reads the copy (jing) reports the lines of the file itself; ``places``, where given, gets
    where each include's content stands in the copy, so that an error in it is said in the file it came from
    (beside ``origin``, the file itself).
    None where the includes cannot be found in the text (an include inside a comment)."""
    if not record:
        return raw
    prefix = record[0][0].prefix
    tag = re.escape(f"{prefix}:include" if prefix else "include")
    spans = list(re.finditer(rf"<{tag}\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*?(?:/>|>.*?</{tag}\s*>)",
                             text := raw.decode(encoding or "utf-8", "replace"), re.S))
    if len(spans) != len(record) or any(etree.QName(inc).localname != "include" or inc.prefix != prefix
                                        for inc, _ in record):
        return None
    out, pos = [], 0
    line, column = 1, 1  # where the copy written so far ends (each include keeps its lines: the text's line)
    for m, (_inc, stand_in) in zip(spans, record, strict=True):
        gap = text[pos:m.start()]
        out.append(gap)
        line, column = _after(line, column, gap)
        if stand_in is None:
            written = m.group()
        else:
            words, nodes = stand_in
            lead = escape(words)
            flat = lead + "".join(etree.tostring(n, encoding="unicode") for n in nodes)
            if places is not None:
                places.append(Included(line, column, [(o + len(lead), f, n)
                                                      for o, f, n in _starts(flat[len(lead):], nodes, origin)]))
            written = re.sub(r"[\r\n]", " ", flat) + "\n" * m.group().count("\n")
        out.append(written)
        line, column = _after(line, column, written)
        pos = m.end()
    out.append(text[pos:])
    return "".join(out).encode(encoding or "utf-8", "xmlcharrefreplace")
