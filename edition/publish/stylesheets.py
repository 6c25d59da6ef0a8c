"""The runs of the stylesheets: saxonche compiles each once per process and runs it with the files as parameters.

What goes wrong in a run is reported in one line, naming the record where Saxon met the fault."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote
from xml.sax.saxutils import quoteattr

from lxml import etree
from saxonche import PySaxonApiError

from ..resources import xslt_dir
from ..saxon import processor
from .dts import write_dts
from .errors import BuildError
from .images import copy_images
from .package import PACKAGE, write_package
from .pdf import lay_out
from .search import bundle_name, search_shards
from .sources import Sources, copy_inside

#: The records' digests (records.xsl, ed:digest), in order, as a web build leaves them for the next build.
DIGESTS = ".edition-digests.xml"
#: The stylesheets' own namespace (the digests' elements, the edition's errors).
ED_NS = "urn:x-edition"


def _failed(name: str, error: PySaxonApiError) -> BuildError:
    """What went wrong in a run of a stylesheet, in one line, from Saxon's message (its first line says where in
    the stylesheet, the next ones the error code and its description, then a trace of the calls):

    - the edition's own errors (``ed:CODE``, raised by the stylesheets for faults in the sources): ``[CODE]``
      and the message;
    - an error met while a record was read or written (``ed:in-record``, see ``ed:failed-in``): the record's
      file, Saxon's code and message;
    - any other: Saxon's code and message, and where in which stylesheet.
    """
    lines = str(error).strip("\n").splitlines()
    # the code, then the description (on the same line, or from the next when the code is long)
    head = re.fullmatch(r"((?:[\w-]+:)?[\w.-]+)(?:\s{2,}(.*))?", lines[1].strip()) if len(lines) > 1 else None
    if head is None:
        return BuildError(f"the {name} stylesheet failed: {' '.join(str(error).split())[:1000]}")
    code, words = head.group(1), head.group(2) or ""
    for line in lines[2:]:
        if re.match(r"\s*(In |invoked |During |at )", line):
            break
        words += " " + line.strip()
    words = " ".join(words.split())
    if code == "ed:in-record":
        uri, code, words = (words.split(" ", 2) + ["", ""])[:3]
        path = uri.removeprefix("file://") if uri.startswith("file:///") else uri.removeprefix("file:")
        return BuildError(f"{unquote(path)}: error: [{code}] {words} (the {name} stylesheet, on this record)")
    if code.startswith("ed:"):
        return BuildError(f"[{code[3:]}] {words}")
    where = re.search(r"on line (\d+)(?: column \d+)? of ([^\s:]+)", lines[0])
    return BuildError(f"the {name} stylesheet failed: [{code}] {words}"
                      + (f" (line {where.group(1)} of {where.group(2)})" if where else ""))


class Publisher:
    """The compiled stylesheets, reused for every build in this process."""

    def __init__(self) -> None:
        self._proc = processor()
        self._xslt = self._proc.new_xslt30_processor()
        self._compiled = {}

    def _stylesheet(self, name: str, found: Sources, **params: str | bool):
        """The stylesheet ``name`` (compiled on first use, then reused), with the files and ``params`` set; with a
        theme that overrides it, the toolkit's imported first and the theme's after (theme.py)."""
        theme = found.theme
        override = theme.folder / f"{name}.xsl" if theme and theme.has(f"{name}.xsl") else None
        key = (name, str(override))
        if key not in self._compiled:
            try:
                if override is None:
                    self._compiled[key] = self._xslt.compile_stylesheet(
                        stylesheet_file=str(xslt_dir() / f"{name}.xsl"))
                else:
                    self._compiled[key] = self._xslt.compile_stylesheet(stylesheet_text=(
                        '<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
                        f'<xsl:import href={quoteattr((xslt_dir() / f"{name}.xsl").as_uri())}/>'
                        f'<xsl:import href={quoteattr(override.as_uri())}/></xsl:stylesheet>'))
            except PySaxonApiError as e:
                where = f"the theme's {override}" if override else f"the {name} stylesheet"
                raise BuildError(f"{where} does not compile: {e}") from None
        exe = self._compiled[key]
        exe.clear_parameters()
        exe.set_parameter("records", self._proc.make_array(
            [self._proc.make_string_value(uri) for uri in found.uris]))
        if found.persons:
            exe.set_parameter("persons", self._proc.make_string_value(found.persons.resolve().as_uri()))
        if found.edition:
            exe.set_parameter("edition", self._proc.make_string_value(found.edition.resolve().as_uri()))
        if found.includable:
            exe.set_parameter("includable", self._proc.make_array(
                [self._proc.make_string_value(p.resolve().as_uri()) for p in found.includable]))
        if found.link_base:  # tei.xsl: where a pointer to a document outside the edition leads
            exe.set_parameter("link-base", self._proc.make_string_value(found.link_base))
        if found.conventions:  # leiden.xsl: every record in the Leiden conventions
            exe.set_parameter("conventions", self._proc.make_string_value(found.conventions))
        if found.split:  # records.xsl: the level a file of many documents is published at, a page per document
            exe.set_parameter("split", self._proc.make_string_value(found.split))
        if found.base_url:  # records.xsl: the edition's address, else the one its description gives
            exe.set_parameter("base-url", self._proc.make_string_value(found.base_url))
        exe.set_parameter("record-pdfs", self._proc.make_boolean_value(found.record_pdfs))
        exe.set_parameter("dts", self._proc.make_boolean_value(found.dts))  # data.xsl: the API is offered
        if found.versions:  # data.xsl: the versions and what changed in each
            exe.set_parameter("versions", self._proc.make_string_value(found.versions.resolve().as_uri()))
        if theme:  # html.xsl and print.xsl: the theme's CSS after the toolkit's, its logo
            exe.set_parameter("theme-css", self._proc.make_boolean_value(theme.has("edition.css")))
            if theme.has("print.css"):
                exe.set_parameter("theme-print-css", self._proc.make_string_value(
                    (theme.folder / "print.css").as_uri()))
            if theme.logo:
                exe.set_parameter("logo", self._proc.make_string_value(theme.logo))
                exe.set_parameter("logo-uri", self._proc.make_string_value((theme.folder / theme.logo).as_uri()))
        for key, value in params.items():
            exe.set_parameter(key, self._proc.make_boolean_value(value) if isinstance(value, bool)
                              else self._proc.make_string_value(value))
        return exe

    def print(self, found: Sources, pdf: Path) -> int:
        """Lay out the print edition as a PDF with WeasyPrint; returns its pages."""
        exe = self._stylesheet("print", found)
        try:
            paged = exe.call_template_returning_string(None)
        except PySaxonApiError as e:
            raise _failed("print", e) from None
        return lay_out(paged, pdf)

    def print_records(self, found: Sources, folder: Path, ids: list[str], digests: Path) -> int:
        """One PDF per record of ``ids``, as ``folder/ID.pdf``; returns their pages.

        One run of the stylesheet writes the books of all of them (``digests``: theirs, in order, as
        :func:`slices` writes them; each record is read alone); WeasyPrint lays out each."""
        # (the records are read from the digests, one at a time; the other settings are the build's)
        exe = self._stylesheet("print", replace(found, records=[]), ordered=True)
        exe.set_parameter("cached-digests", self._proc.make_string_value(digests.resolve().as_uri()))
        exe.set_parameter("only", self._proc.make_array([self._proc.make_string_value(i) for i in ids]))
        with tempfile.TemporaryDirectory(prefix=".print-", dir=folder) as tmp:
            exe.set_base_output_uri(Path(tmp).resolve().as_uri() + "/")
            try:
                exe.call_template_returning_string(None)
            except PySaxonApiError as e:
                raise _failed("print", e) from None
            return sum(lay_out((Path(tmp) / f"{rid}.html").read_text(encoding="utf-8"), folder / f"{rid}.pdf")
                       for rid in ids)

    def _finish_web(self, found: Sources, out: Path, built: etree._Element, previous: Path | None = None,
                    ids: dict[str, str] | None = None, carrying: bool = False) -> int:
        """What the stylesheet does not write (the CSS, the transcripts); the number of records. ``previous``: the
        site this build replaces, whose package's unchanged members are reused (package.py). ``ids``: each record's
        id by URI, where the caller has read the digests (its TEI file is copied where ``out`` lacks it).
        ``carrying``: the files of ``previous`` that this build keeps are being linked into ``out`` meanwhile
        (``ids`` then names only the records written again), and the package takes them from there."""
        # the look (with the marks of the text that print sets alike: marks.css), and the icon a browser shows
        (out / "edition.css").write_bytes((xslt_dir() / "edition.css").read_bytes() + b"\n"
                                          + (xslt_dir() / "marks.css").read_bytes())
        shutil.copy(xslt_dir() / "favicon.svg", out / "favicon.svg")
        if found.theme:  # the edition's own rules and logo (theme.py)
            if found.theme.has("edition.css"):
                shutil.copy(found.theme.folder / "edition.css", out / "theme.css")
            if found.theme.logo:
                shutil.copy(found.theme.folder / found.theme.logo, out / found.theme.logo)
        if found.edition and (found.edition.parent / "source").is_dir():
            # the transcripts the edition was made from, which its description links to (source/...)
            found.skipped += copy_inside(found.edition.parent / "source", out / "source")
        found.skipped += copy_images(found.records, out, found.images)
        published = copy_records(found, out, ids)
        write_package(found, out, previous / PACKAGE if previous else None, carrying=carrying)
        if found.dts:  # the API, from the records.json and TEI files just written
            write_dts(out, published)
        found.unknown = [f"{u.get('name')} ({u.get('count')} in {u.get('files')} "
                         f"file{'s' if u.get('files') != '1' else ''})" for u in built.iter("unknown")]
        return int(built.get("records", "0"))

    def _run(self, found: Sources, out: Path, cached: Path | list[Path] | None = None, changed: tuple[str, ...] = (),
             pages: list[str] | None = None, **params: str | bool) -> etree._Element:
        """One run of the web stylesheet; its result says how many records there are and what it wrote.

        ``cached``: digests already made (one file, or several); ``pages``: the record pages to write."""
        shards = search_shards(len(found.records))
        exe = self._stylesheet("html", found, **{"digests-href": DIGESTS, **params})
        # the other bundles, as the search interface finds them: from pagefind/
        exe.set_parameter("search-bundles", self._proc.make_array(
            [self._proc.make_string_value(f"../{bundle_name(k)}/") for k in range(1, shards)]))
        if cached is not None:
            exe.set_parameter("cached-digests", self._proc.make_array(
                [self._proc.make_string_value(p.resolve().as_uri()) for p in
                 (cached if isinstance(cached, list) else [cached])]))
            exe.set_parameter("changed", self._proc.make_array([self._proc.make_string_value(u) for u in changed]))
        if pages is not None:
            exe.set_parameter("pages", self._proc.make_array([self._proc.make_string_value(i) for i in pages]))
        exe.set_base_output_uri(out.resolve().as_uri() + "/")
        try:
            result = exe.call_template_returning_string(None)
        except PySaxonApiError as e:
            raise _failed("web", e) from None
        return etree.fromstring(result.encode("utf-8"))


def copy_records(found: Sources, out: Path, ids: dict[str, str] | None = None) -> dict[str, Path]:
    """Each record's TEI, the very file, beside its page (records/ID.xml), which the page offers for download: the
    ids are those of the build's digests (out/DIGESTS), so the file and the page have the same name. A file already
    there is an unchanged record's, carried over from the site before (incremental.carry_over). Returns each
    record's id and source file."""
    ids = ids if ids is not None else record_ids(out / DIGESTS)
    published = {ids[uri]: path for path, uri in zip(found.records, found.uris, strict=True) if uri in ids}
    there = set(os.listdir(out / "records"))
    for rid, path in published.items():
        if f"{rid}.xml" not in there:
            shutil.copyfile(path, out / "records" / f"{rid}.xml")
    return published


def record_ids(digests: Path) -> dict[str, str]:
    """Record URI -> record id, from a build's digests: read as a stream, a record at a time (a large edition's
    digests are hundreds of megabytes, a tree of them gigabytes)."""
    if not digests.is_file():
        return {}
    ids = {}
    for _, record in etree.iterparse(str(digests), tag=f"{{{ED_NS}}}record", resolve_entities=False,
                                     no_network=True, huge_tree=True):
        ids[record.get("uri")] = record.get("id")
        record.clear()
        while record.getprevious() is not None:
            del record.getparent()[0]
    return ids
