"""Validate TEI files: well-formedness, RELAX NG, Schematron and the rules across documents, in one run.

Schemas are compiled once per :class:`Validator`. Every file is read as bytes and parsed without a DTD, without
entities and without the network (a DOCTYPE that declares anything is refused before the parser sees it), so a
hostile file can neither read local files nor expand an entity bomb. Each problem names the file, the line and
column of the element or attribute concerned, the rule and a message; the formats for people and CI are in
:mod:`edition.formats`.

The rules across documents (pointers into the personography, identifiers unique in the corpus) are Schematron rules
of the edition's ODD that read parameters: this module computes them from all the files of the run, with the
personography of each directory added as context when it was not named.
"""

from __future__ import annotations

import copy
import multiprocessing
import os
import re
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree, isoschematron

from . import signals
from .conventions import PERSONOGRAPHY, TEI_NS, XML_ID
from .odd import read_odd, schema_dir
from .progress import Progress

SVRL = "{http://purl.oclc.org/dsdl/svrl}"
PERSON_TAGS = {f"{{{TEI_NS}}}person", f"{{{TEI_NS}}}personGrp"}
ORG_TAG = f"{{{TEI_NS}}}org"


class SchemaError(Exception):
    """A schema given to the validator cannot be used (a usage error, not a problem of the documents)."""


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


@dataclass
class Result:
    files: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    context: list[str] = field(default_factory=list)  # personographies read for pointers, not named by the user

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_NAME_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def shown(text: str, name: bool = False) -> str:
    """``text`` as a report prints it: bytes of a file name that are not UTF-8 (which Python keeps as lone
    surrogates) as ``\\xNN``, and control characters (which XML cannot hold; in a name, line breaks and tabs too,
    which would split a line of the report) as ``\\xNN``. Every report is then valid UTF-8 and valid XML
    (edition.formats), and so is every parameter the validator passes to libxslt."""
    text = os.fsencode(text).decode("utf-8", "backslashreplace") if name else \
        text.encode("utf-8", "backslashreplace").decode("utf-8")
    return (_NAME_CONTROL if name else _CONTROL).sub(lambda m: f"\\x{ord(m.group()):02x}", text)



# --- Reading safely -------------------------------------------------------------------------------------------------


class _Refuse(etree.Resolver):
    """Never fetch anything: no DTD, no external entity, no XInclude."""

    def resolve(self, system_url, public_id, context):
        return self.resolve_string("", context)


def _parser(documents: bool = True) -> etree.XMLParser:
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


def _load(path: Path) -> tuple[etree._ElementTree | None, list[Problem]]:
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
    parser = _parser()
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


# --- The validator --------------------------------------------------------------------------------------------------


def _compile_rng(path: Path) -> etree.RelaxNG:
    try:
        return etree.RelaxNG(etree.parse(str(path), _parser(documents=False)))
    except (OSError, etree.XMLSyntaxError, etree.RelaxNGParseError) as e:
        raise SchemaError(f"{path}: not a usable RELAX NG schema (XML syntax): {e}") from None


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
            line, column = self.locator.element(node)
        elif getattr(node, "is_attribute", False):
            line, column = self.locator.element(node.getparent(), node.attrname)
        else:
            parent = getattr(node, "getparent", lambda: None)()
            line, column = self.locator.element(parent) if isinstance(parent, etree._Element) else (1, 1)
        return f"{line}:{column}"


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


class _Schematron:
    """A compiled Schematron schema: SVRL with ``line:column`` locations."""

    def __init__(self, path: Path, phase: str | None = None):
        try:
            sch = isoschematron.Schematron(etree.parse(str(path), _parser(documents=False)), store_xslt=True,
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


class Validator:
    """Compiled schemas, reused for every file of every run."""

    def __init__(self, rng: Path | None = None, schematron: Path | None = None):
        self.schemas = (rng, schematron)  # to compile the same in worker processes
        here = schema_dir()
        own = rng is None and schematron is None
        self.rng = _compile_rng(rng or here / "edition.rng") if (rng or own) else None
        self.schematron = _Schematron(schematron or here / "edition.sch") if (schematron or own) else None
        # The rules across documents hold for any TEI; beside another project's schemas they run on their own.
        self.corpus = None if own else _Schematron(here / "edition.sch", phase="corpus")
        self.closed: dict[tuple[str, str], tuple[str, ...]] = {}
        if own:  # the ODD's closed value lists, to say which values an invalid attribute could have had
            for change in read_odd(etree.parse(str(here / "edition.odd")))[1]:
                if change.values:
                    self.closed["*" if change.is_class else change.owner, change.name] = change.values

    def run(self, files: Iterable[Path], context: Iterable[Path] = (), jobs: int = 1,
            progress: bool = False) -> Result:
        """Two passes: the first reads every file for the identifiers of the corpus, the second validates each
        file with them. No tree is kept between the passes, so memory follows the largest file, not the corpus.
        With ``jobs`` > 1 the second pass runs in that many processes, each with its own compiled schemas."""
        result = Result()
        index = _Index()
        readable: list[str] = []
        todo = [(p, False) for p in files] + [(p, True) for p in context]
        reading = Progress("reading", len(todo), enabled=progress)
        for path, is_context in todo:
            reading.advance()
            name = str(path)
            (result.context if is_context else result.files).append(name)
            tree, problems = _load(path)
            if not is_context:
                result.problems.extend(problems)
                deep = too_deep(name, tree) if tree is not None else None
                result.problems.extend([deep] if deep else [])
            if tree is not None:
                index.add(name, tree)
                if not is_context:
                    readable.append(name)
            del tree
        reading.finish()
        checking = Progress("validating", len(readable), enabled=progress)
        if jobs > 1 and len(readable) >= 2 * MIN_PER_JOB:
            result.problems.extend(self._parallel(readable, index, jobs, checking))
        else:
            for name in readable:
                result.problems.extend(self.check_files([name], index))
                checking.advance()
        checking.finish()
        result.problems.sort()
        return result

    def check_files(self, names: list[str], index: _Index) -> list[Problem]:
        """The second pass for some files: RELAX NG and Schematron with the corpus's parameters."""
        found: list[Problem] = []
        for name in names:
            tree, problems = _load(Path(name))
            if tree is None:  # changed between the passes
                found.extend(problems)
                continue
            found.extend(self._check(name, tree, Locator(Path(name), tree.docinfo.encoding), index.params(tree)))
        return found

    def _parallel(self, names: list[str], index: _Index, jobs: int, progress: Progress) -> list[Problem]:
        chunk = max(MIN_PER_JOB, len(names) // (jobs * 8) + 1)
        parts = [names[k:k + chunk] for k in range(0, len(names), chunk)]
        context = multiprocessing.get_context("fork") if hasattr(os, "fork") else None
        found: list[Problem] = []
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start_worker,
                                 initargs=(self.schemas, index)) as pool:
            for part, problems in zip(parts, pool.map(_worker_check, parts), strict=True):
                found.extend(problems)
                progress.advance(len(part))
        return found

    def _check(self, name: str, tree: etree._ElementTree, locator: Locator, params: dict) -> Iterator[Problem]:
        if self.rng is not None and not self.rng.validate(tree):
            yield from self._rng_problems(name, tree, locator)
        for schematron in (self.schematron, self.corpus):
            if schematron is not None:
                yield from _svrl_problems(name, schematron(tree, locator, params))

    def _rng_problems(self, name: str, tree: etree._ElementTree, locator: Locator) -> Iterator[Problem]:
        """Every RELAX NG problem of ``tree``, as jing reports them.

        libxml2 stops at the first problem of an element's attributes and of its content: an element with a bad
        value, an unknown attribute and two unknown children gives two errors where jing gives four. So the
        problems it names are taken away from a copy of the tree (the attribute, or the element not expected
        there) and the copy is validated again, until nothing more can be taken away (:data:`RNG_PASSES` at most).
        """
        lines = _by_line(tree)
        work = copy.deepcopy(tree)
        seen: set[tuple[int, str]] = set()
        for _ in range(RNG_PASSES):
            repaired, work_lines = False, _by_line(work)
            for entry in self.rng.error_log:
                if (entry.line, entry.message) in seen:
                    continue
                seen.add((entry.line, entry.message))
                yield self._rng_problem(name, entry, lines, locator)
                repaired |= _take_away(entry, work_lines)
            if not repaired or self.rng.validate(work):
                return

    def _rng_problem(self, name: str, entry, by_line: dict, locator: Locator) -> Problem:
        """libxml2's message, placed on the element (or attribute) it names, with the allowed values if closed."""
        message = entry.message.strip()
        line, column = max(entry.line, 1), 1
        m = _RNG_ELEMENT.search(message)
        if m:
            local = next(g for g in m.groups() if g)
            el = next((e for e in by_line.get(entry.line, []) if etree.QName(e).localname == local), None)
            if el is not None:
                line, column = locator.element(el)
                bad = _RNG_ATTRIBUTE.search(message)
                if bad and bad.group(1) in el.attrib:
                    attribute = bad.group(1)
                    line, column = locator.element(el, attribute)
                    allowed = self.closed.get((local, attribute)) or self.closed.get(("*", attribute))
                    if allowed:
                        message += (f': "{el.get(attribute)}" is not one of the values the edition allows '
                                    f"({', '.join(allowed)})")
        return Problem(name, line, column, "error", "relaxng", message)


#: Passes of libxml2's RELAX NG validation over a copy of a document, each after the problems found were taken away.
RNG_PASSES = 20
_RNG_UNEXPECTED = re.compile(r"^Did not expect element (\S+) there")


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


def _svrl_problems(name: str, report: etree._XSLTResultTree) -> Iterator[Problem]:
    for item in report.getroot().iter(SVRL + "failed-assert", SVRL + "successful-report"):
        role = (item.get("role") or "error").lower()
        severity = "warning" if role in ("warn", "warning") else "info" if role in ("info", "information") \
            else "error"
        message = " ".join((item.findtext(SVRL + "text") or "").split())
        line, _, column = (item.get("location") or "1:1").partition(":")
        yield Problem(name, int(line) if line.isdigit() else 1, int(column) if column.isdigit() else 1, severity,
                      item.get("id") or "schematron", message)


MIN_PER_JOB = 25  # fewer files than this per process cost more to hand out than to check
_WORKER: tuple[Validator, _Index] | None = None


def _start_worker(schemas: tuple[Path | None, Path | None], index: _Index) -> None:
    global _WORKER
    signals.quiet_worker()
    _WORKER = (Validator(*schemas), index)


def _worker_check(names: list[str]) -> list[Problem]:
    validator, index = _WORKER
    return validator.check_files(names, index)


def default_jobs() -> int:
    """The processors this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


class _Index:
    """The identifiers of the whole run: who is a person or an organisation, and which ids are used twice."""

    def __init__(self) -> None:
        self.where: dict[str, list[str]] = {}
        self.persons: set[str] = set()
        self.orgs: set[str] = set()

    def add(self, name: str, tree: etree._ElementTree) -> None:
        for el in tree.xpath("//*[@xml:id]"):
            xid = el.get(XML_ID)
            self.where.setdefault(xid, []).append(f"{shown(name, name=True)}:{el.sourceline}")
            if el.tag in PERSON_TAGS:
                self.persons.add(xid)
            elif el.tag == ORG_TAG:
                self.orgs.add(xid)

    def params(self, tree: etree._ElementTree) -> dict[str, str]:
        """The Schematron's corpus parameters for one document, cut down to what that document can ask about.

        Its pointers that name persons or organisations, and its identifiers used elsewhere too: the rules see the
        same answers as with the whole corpus, but the strings they search stay short however large the corpus.
        """
        pointed = {token[1:] for value in tree.xpath("//@who | //@ref | //@sameAs")
                   for token in value.split() if token.startswith("#")}
        own = set(tree.xpath("//@xml:id"))
        dups = "".join(f"{xid}={', '.join(self.where[xid]).replace('|', '/')}|"
                       for xid in sorted(own) if len(self.where.get(xid, ())) > 1)
        return {
            "corpus-persons": etree.XSLT.strparam(" " + " ".join(sorted(pointed & self.persons)) + " "),
            "corpus-orgs": etree.XSLT.strparam(" " + " ".join(sorted(pointed & self.orgs)) + " "),
            "corpus-duplicates": etree.XSLT.strparam("|" + dups),
        }


# --- Which files ----------------------------------------------------------------------------------------------------


def xml_files(path: Path) -> list[Path]:
    """``path`` itself, or the ``.xml`` files under the folder ``path``, sorted, without hidden folders."""
    if not path.is_dir():
        return [path]
    return sorted(f for f in path.rglob("*.xml")
                  if f.is_file() and not any(part.startswith(".") for part in f.relative_to(path).parts))


def collect(paths: Iterable[Path]) -> tuple[list[Path], list[Path]]:
    """The XML files named or found under the directories named, and the personographies to read as context."""
    files = [f for p in paths for f in xml_files(p)]
    seen = {f.resolve() for f in files}
    context = []
    for d in sorted({f.parent for f in files}):
        persons = d / PERSONOGRAPHY
        if persons.is_file() and persons.resolve() not in seen:
            context.append(persons)
            seen.add(persons.resolve())
    return files, context
