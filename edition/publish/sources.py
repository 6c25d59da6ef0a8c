"""The source files of a build and what each is: records, the personography, the edition's description.

Only regular files that lie inside the source folder are read (a link out of it is refused); each record's id must
be a safe name, since it names files and links."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from urllib.parse import quote_from_bytes

from lxml import etree

from ..confined import inside
from ..conventions import DIVISIONS, TEI_NS, XML_ID, record_name, unsafe_name
from ..xmlfiles import XI, include_target, read, too_deep, xml_entries
from .errors import BuildError
from .theme import Theme

T = f"{{{TEI_NS}}}"
XI_INCLUDE, XI_FALLBACK = XI + "include", XI + "fallback"

#: The roots of a chapter of a larger work, kept in a file of its own without a TEI header (each chapter of the TEI
#: Guidelines is a ``div``): published as a record titled by its heading (``ed:as-record`` in records.xsl).
CHAPTER_ROOTS = DIVISIONS


@dataclass
class Sources:
    records: list[Path] = field(default_factory=list)
    persons: Path | None = None
    edition: Path | None = None
    skipped: list[str] = field(default_factory=list)  # files that are not TEI, with why
    notes: list[str] = field(default_factory=list)  # what unusual files were taken for: a chapter, a corpus, a part
    #: XIncludes the build leaves as they stand ("file:line: ... why"): the page says where the text would be
    unresolved: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)  # elements shown by their text only: "name (N in F files)"
    up_to_date: bool = False  # the site was already built from exactly these sources: nothing was done
    #: The search bundles a quick rebuild indexes again after its pages are in place (incremental.finish_search)
    pending_search: list[int] = field(default_factory=list)
    split: str | None = None  # the division type a file of many documents is split at (build's ``split``)
    base_url: str | None = None  # the edition's address, for citations (build's ``base_url``)
    record_pdfs: bool = False  # whether the build writes a PDF per record (print/ID.pdf), which pages link
    theme: Theme | None = None  # the edition's own look (theme.py)
    versions: Path | None = None  # the site's versions.json, which changes.html lists (versions.py)
    dts: bool = False  # whether the web edition has a static DTS API (dts.py)
    conventions: str | None = None  # "leiden": every record in the Leiden conventions (leiden.xsl)
    link_base: str | None = None  # where documents the sources point to outside the edition are (tei.xsl)
    #: The files an XInclude of a record or of the corpus root may bring in: the sources' XML files that are not
    #: records (authority lists, a corpus's persons), all inside the source folder (records.xsl, ed:included).
    includable: list[Path] = field(default_factory=list)
    real: dict[Path, str] = field(default_factory=dict)  # each source file's real path, where source_files knows it
    images: dict[Path, list[str]] | None = None  # each record's local images, where the build knows them (images.py)

    @cached_property
    def uris(self) -> list[str]:
        """Each record's address as the stylesheets and the digests name it (the file URI of its real path),
        resolved once for every run of a build (a copy with other records, dataclasses.replace, resolves its own)."""
        return [file_uri(self.real[p]) if p in self.real else p.resolve().as_uri() for p in self.records]


def file_uri(real: str) -> str:
    """The file URI of a real path (absolute and resolved), as ``Path.as_uri`` writes it: on POSIX without making a
    Path of it (12 µs a path, a tenth of a second at 10,000 records, for each copy of the sources a build makes)."""
    if os.name == "posix" and real.startswith("/") and not real.startswith("//"):
        return "file://" + quote_from_bytes(os.fsencode(real))
    return Path(real).as_uri()


@dataclass
class SourceFiles:
    """The XML files of a build's sources: those that lie inside its folder (with their real paths, the keys of
    the build's manifest), and those refused, with why (:func:`inside`)."""

    files: list[Path] = field(default_factory=list)
    real: dict[Path, str] = field(default_factory=dict)
    refused: list[str] = field(default_factory=list)


def source_files(source: Path) -> SourceFiles:
    """The XML files of ``source``: a folder, or one file named by the user (taken as it is)."""
    if not source.is_dir():
        return SourceFiles([source], {source: str(source.resolve())})
    found, root, folders = SourceFiles(), source.resolve(), {}
    for rel, link in xml_entries(source):
        path = source / rel
        if link:  # a link must lead to a regular file inside the folder
            real, why = inside(path, root, folders)
            if real is None:
                found.refused.append(why)
                continue
            found.real[path] = str(real)
        else:  # a regular file under folders that are no links (xml_entries does not follow them): inside
            found.real[path] = f"{root}/{rel}"
        found.files.append(path)
    return found


def sources(source: Path, known: dict[str, str] | None = None, files: SourceFiles | None = None) -> Sources:
    """Sort the TEI files of ``source`` (a folder or one file) into records, personography and description.

    ``known``: what unchanged files were taken for by the previous build (by resolved path); they are not read
    again. ``files``: :func:`source_files` of ``source``, when the caller has them.
    """
    files = files or source_files(source)
    found = Sources(real=files.real)
    lists: list[Path] = []  # records whose text is only a list of persons (the register, where there is no other)
    includes: list[tuple[Path, etree._Element]] = []  # the includes without a fallback of the files read
    found.skipped = list(files.refused)
    for path in files.files:
        kind = (known or {}).get(files.real[path])
        if kind in ("record", "persons", "edition"):
            if kind == "record":
                found.records.append(path)
            else:
                setattr(found, kind, path)
            continue
        tree, problems = read(str(path), path.read_bytes())
        if tree is None:  # a broken or hostile file is an error: publishing without it would drop a record
            raise BuildError("; ".join(str(p) for p in problems[:3]) or f"{path}: not XML")
        deep = too_deep(str(path), tree)
        if deep:
            raise BuildError(str(deep))
        root = tree.getroot()
        name = etree.QName(root).localname
        includes += [(path, inc) for inc in root.iter(XI_INCLUDE) if inc.find(XI_FALLBACK) is None]
        if root.tag in CHAPTER_ROOTS:
            check_name(path, root)
            found.records.append(path)
            found.notes.append(f"{path}: a chapter without a TEI header (root {name}), published under its heading")
        elif root.tag == T + "teiCorpus" and (documents := root.findall(f".//{T}TEI")):
            check_name(path, root)
            found.records.append(path)  # a volume of the documents it holds (records.xsl, ed:as-record)
            found.notes.append(f"{path}: a corpus (teiCorpus) of {len(documents)} documents, published as a volume "
                               "of them")
        elif root.tag == T + "teiCorpus" and found.edition is None:
            found.edition = path  # a corpus root that includes its documents: its header describes the edition
            found.notes.append(f"{path}: a corpus root (teiCorpus): its header describes the edition and its "
                               "persons make the register")
        elif root.tag.startswith(T) and root.tag != T + "TEI":  # a list of persons, a taxonomy, a charDecl
            found.notes.append(f"{path}: a part of the TEI (root {name}), read where a record or the corpus "
                               "includes it")
        elif root.tag != T + "TEI":
            found.skipped.append(f"{path}: not a TEI document (root {root.tag})")
        elif root.find(T + "text") is not None and root.find(f"{T}text//{T}div[@type='record']") is None \
                and root.get(XML_ID) == "edition":
            found.edition = path
        elif root.find(T + "text") is None and root.find(f"{T}standOff//{T}listPerson") is not None:
            found.persons = path
        elif root.find(T + "text") is not None or any(c.tag != T + "teiHeader" for c in root
                                                      if isinstance(c.tag, str)):
            # (or a document of nested documents, of surfaces and zones, of a feature system: records.xsl)
            check_name(path, root)
            found.records.append(path)
            if _a_list_of_persons(root):
                lists.append(path)
        else:
            found.skipped.append(f"{path}: a TEI document without text")
    if found.persons is None and lists:  # a register kept as a text of its own (ACDH's indices: body/listPerson)
        found.persons = lists[0]
        found.records.remove(lists[0])
        found.notes.append(f"{lists[0]}: a list of persons (its text is a listPerson): the register of the edition")
    records = set(found.records)
    found.includable = [p for p in files.files if p not in records]
    real = {files.real.get(p) or str(p.resolve()) for p in files.files}
    found.unresolved = [f"{path}:{inc.sourceline}: {why}" for path, inc in includes
                        if (why := _not_included(path, inc, real))]
    return found


def _not_included(path: Path, inc: etree._Element, sources: set[str]) -> str | None:
    """Why the stylesheets leave the XInclude ``inc`` of ``path`` as it stands (records.xsl, ed:included: only a
    whole XML file among the sources is brought in), or None where they include it."""
    href, parse = inc.get("href") or "", inc.get("parse") or "xml"
    if not href or inc.get("xpointer"):
        return f"the include of {href or 'the document itself'} names a part of a file (xpointer), not resolved here"
    target = include_target(path, href)
    if target is None:
        return f"{href} is not fetched (the network is never used)"
    if parse != "xml":
        return f'the include of {href} as parse="{parse}" is not resolved here'
    if not target.exists():
        return f"the include of {href}: no such file"
    if str(target.resolve()) not in sources:
        return f"the include of {href}: not among the sources (outside the folder, or no XML file); not read"
    return None


def _a_list_of_persons(root: etree._Element) -> bool:
    """Whether a TEI document's text is a list of persons and nothing else (a heading aside), as projects keep
    their register in a file of its own (``text/body/listPerson``)."""
    body = root.find(f"{T}text/{T}body")
    if body is None or root.find(f"{T}text/{T}front") is not None:
        return False
    kids = [c for c in body if isinstance(c.tag, str) and c.tag != T + "head"]
    return bool(kids) and all(c.tag == T + "listPerson" for c in kids) and not (body.text or "").strip()


def check_name(path: Path, root: etree._Element) -> None:
    """Refuse a record whose id cannot be a file name and a link (:func:`conventions.unsafe_name`), before anything
    is written: ``rec-../../x`` would write outside the output folder, ``javascript:...`` would become a link."""
    own = root.get(XML_ID)
    name = record_name(own, path.stem)
    why = unsafe_name(name)
    if why:
        source = f"xml:id {own!r}" if own and own.removeprefix("rec-") else "its file name"
        raise BuildError(f"[record-id] the record id {name!r} (from {source}) cannot name a page: {why}",
                         at=(path, root.sourceline or 1))


def copy_inside(folder: Path, target: Path) -> list[str]:
    """Copy the regular files of ``folder`` that lie inside it into ``target``; returns the files refused, with why.

    Links are never followed out of ``folder`` (:func:`inside`), nor into folders (they could loop); a link to a
    file inside it is copied as that file."""
    refused, root = [], folder.resolve()
    for here, dirs, files in os.walk(folder):
        for name in sorted(dirs):
            if (Path(here) / name).is_symlink():
                refused.append(f"{Path(here) / name}: a link to a folder; not followed")
        for name in sorted(files):
            path = Path(here) / name
            real, why = inside(path, root)
            if real is None:
                refused.append(why)
                continue
            (target / path.relative_to(folder)).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target / path.relative_to(folder))
    return refused
