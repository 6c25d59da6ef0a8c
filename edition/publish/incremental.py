"""The incremental rebuild: a manifest of content hashes says what a site was built from; when only records changed,
a web build writes only the pages that depend on the change and links the others from the site.

When what changed is only the records' text (their digests, the summaries the pages made from all records are
written from, are the same as before), those pages are the same too: the rebuild writes the changed records' own
pages from a slice of the digests (their neighbours') and links everything else (:func:`quick_update`)."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from xml.sax.saxutils import unescape

from lxml import etree

from ..resources import xslt_dir
from . import swap
from .carry import Carrying, carry_over
from .package import PACKAGE
from .personography import Personography
from .search import bundle_name, index_for_search, search_shards, shard_of
from .sources import SourceFiles, Sources
from .stylesheets import DIGESTS, ED_NS, Publisher, record_ids
from .theme import Theme
from .versions import VERSIONS


def _digest(path: Path) -> str:
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


#: How long after a site's build a source file must have been changed last for its size, inode and change time to
#: stand for its content (a file changed within the same tick of the clock as the build read it would keep them).
RACY = 2_000_000_000


def manifest_of(files: SourceFiles, parts: tuple[str, ...], per_document: bool, split: str | None = None,
                base_url: str | None = None, theme: Theme | None = None, dts: bool = False,
                conventions: str | None = None, link_base: str | None = None, built: dict | None = None) -> dict:
    """What a build is made from, by content hash: the sources, the stylesheets, the toolkit and the options.

    A build records it in ``.edition-build``; a build whose manifest is the same as the site's has nothing to do.
    ``built``: the site's manifest, whose hash of a file is taken again where the file's size, inode and change
    time (ctime, which every write sets and no tool sets back) are those it had then, and it was last changed well
    before that build (:data:`RACY`), as git trusts its index.
    """
    from .. import __version__

    stamp = time.time_ns()
    before = built.get("stat") if built and isinstance(built.get("stat"), dict) else {}
    trusted = built.get("stamp", 0) - RACY if built and isinstance(built.get("stamp"), int) else 0
    sources, stats = {}, {}
    for path in files.files:
        real = files.real[path]
        st = os.stat(real)
        stat = [st.st_size, st.st_ino, st.st_ctime_ns]
        old = built["sources"].get(real) if before else None
        sources[real] = ["?", old[1] if old and before.get(real) == stat and st.st_ctime_ns < trusted
                         else _digest(path)]
        stats[real] = stat

    stylesheets = hashlib.sha256()
    for path in sorted(xslt_dir().iterdir()):
        if path.is_file():
            stylesheets.update(path.name.encode() + b"\0" + path.read_bytes())
    return {
        "edition": __version__,
        "stylesheets": stylesheets.hexdigest(),
        "parts": sorted(parts),
        "per_document": per_document,
        "split": split,
        "base_url": base_url,
        "theme": [str(theme.folder), theme.digest()] if theme else None,
        "dts": dts,
        "conventions": conventions,
        "link_base": link_base,
        "sources": sources,
        "stat": stats,
        "stamp": stamp,
    }


def write_manifest(path: Path, manifest: dict) -> None:
    """The build record, as JSON (compact: Python's encoder of indented JSON takes a tenth of a second at 10,000
    records)."""
    path.write_text(json.dumps(manifest, separators=(",", ":")) + "\n", encoding="utf-8")


def pending_search(built: dict | None) -> set[int]:
    """The search bundles a site's build record names as not yet indexed again (:func:`finish_search`)."""
    shards = built.get("shards") if built else None
    pending = built.get("search_pending") if built else None
    if not isinstance(shards, int) or not isinstance(pending, list):
        return set()
    return {k for k in pending if isinstance(k, int) and 0 <= k < shards}


def finish_search(out: Path, marker: Path, pending: list[int], jobs: int = 1) -> None:
    """The second step of a quick rebuild (:func:`quick_update`), once its pages are in place: the search bundles
    ``pending`` are indexed again from the site's pages into a folder beside it and each put in the place of the
    old in one step (swap.swap); then the build record (``marker``) no longer names them. A build killed meanwhile
    leaves the site whole, with the old bundles, and named: the next build indexes them."""
    built = read_manifest(marker)
    if built is None or not isinstance(built.get("shards"), int):
        return  # (a build record this toolkit did not write: the next build builds all)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-building-", dir=out.parent))
    try:
        index_for_search(staging, built["shards"], only=set(pending), jobs=jobs, before=out)
        for shard in pending:
            swap.swap(staging / bundle_name(shard), out / bundle_name(shard))
        built.pop("search_pending", None)
        write_manifest(staging / marker.name, built)
        os.replace(staging / marker.name, marker)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def read_manifest(path: Path) -> dict | None:
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # a site from before manifests, or a damaged one: build it anew
    ok = isinstance(manifest, dict) and isinstance(manifest.get("sources"), dict) and all(
        isinstance(v, list) and len(v) == 2 for v in manifest["sources"].values())
    return manifest if ok else None

OPTIONS = ("edition", "stylesheets", "parts", "per_document", "split", "base_url", "theme", "dts", "conventions",
           "link_base")


def same(built: dict, wanted: dict) -> bool:
    """The same sources by content (what each was taken for follows from it), stylesheets and options."""
    def digests(m: dict) -> dict:
        return {path: entry[1] for path, entry in m["sources"].items()}

    return all(built.get(k) == wanted.get(k) for k in OPTIONS) and digests(built) == digests(wanted)


def changes(built: dict | None, wanted: dict, parts: tuple[str, ...]) -> tuple[list[str], list[str]] | None:
    """(changed or added files, removed files) when only records changed since a web build; else None (build all).

    Only the web edition is updated in part: the print edition is one document, laid out whole.
    """
    if built is None or tuple(parts) != ("web",) or not all(built.get(k) == wanted.get(k) for k in OPTIONS):
        return None
    old, new = built["sources"], wanted["sources"]
    changed = [p for p in new if p not in old or old[p][1] != new[p][1]]
    removed = [p for p in old if p not in new]
    if any(old[p][0] != "record" for p in removed) or any(p in old and old[p][0] != "record" for p in changed):
        return None
    return changed, removed


def update_web(publisher: Publisher, found: Sources, out: Path, fresh: Path, update: tuple[list[str], list[str]],
                shards_before: int | None, jobs: int = 1, pending: set[int] = frozenset()) -> int:
    """Rebuild the web edition of ``out`` in ``fresh``: write the pages of changed and added records and of their
    neighbours, and the pages made from all records; link the other pages from ``out`` (:func:`carry_over`);
    index again the search bundles of the records changed, added and removed, and those ``pending`` (which the
    build of ``out`` was killed before it indexed again, :func:`finish_search`)."""
    quick = quick_update(publisher, found, out, fresh, update, shards_before, jobs, pending)
    if quick is not None:
        return quick
    changed, removed = update
    old_ids = record_ids(out / DIGESTS)
    gone = {old_ids.get(Path(p).as_uri()) for p in removed} - {None}
    uris = tuple(Path(p).as_uri() for p in changed)
    built = publisher._run(found, fresh, cached=out / DIGESTS, changed=uris, part="changes")
    # the pages of removed records, and of changed records under their old ids (written again if still theirs)
    stale = gone | {old_ids[u] for u in uris if u in old_ids}
    new_ids = record_ids(fresh / DIGESTS)
    carry_over(out, fresh, keep=set(new_ids.values()) - stale)
    touched = stale | {new_ids[u] for u in uris if u in new_ids}
    shards = search_shards(len(found.records))
    if shards != shards_before:  # the records are shared out anew
        for bundle in fresh.glob("pagefind*"):
            shutil.rmtree(bundle)
    only = {shard_of(rid, shards) for rid in touched} | pending if shards == shards_before else None
    # the search bundles are indexed (by pagefind processes) while the stylesheet writes the pages made from all
    # records: the record pages are all in place by now
    with ThreadPoolExecutor(max_workers=1) as background:
        search = background.submit(index_for_search, fresh, shards, only=only, jobs=jobs)
        publisher._run(found, fresh, cached=fresh / DIGESTS, ordered=True, part="aggregates")
        search.result()
    return publisher._finish_web(found, fresh, built, previous=out)


ED = f"{{{ED_NS}}}"


def quick_update(publisher: Publisher, found: Sources, out: Path, fresh: Path,
                 update: tuple[list[str], list[str]], shards_before: int | None, jobs: int = 1,
                 pending: set[int] = frozenset()) -> int | None:
    """Rebuild after a change that leaves every digest as it was (a word of a record's text, not its title, date,
    persons or turns): write the changed records' pages from a slice of the digests (each with its neighbours, as a
    build in parts does) and link every other page from ``out``, including the pages made from all records and the
    search bundles. The changed records' bundles (and those ``pending``) are indexed again after the site is in
    place, in a second step (``found.pending_search``, :func:`finish_search`): one bundle is hundreds of pages.
    None (nothing written) where the change is more than that: a record added or removed, a digest or the list of
    changes (changes.html) no longer the same, a DTS API."""
    changed, removed = update
    wanted = {Path(p).as_uri() for p in changed}
    shards = search_shards(len(found.records))
    if removed or not wanted or found.dts or shards_before != shards:
        return None
    # (the site's digests are read while the stylesheet makes the changed records' own; their files are linked, by
    # a process of their own, while it writes their pages and the package is written)
    with ThreadPoolExecutor(max_workers=1) as background:
        reading = background.submit(_SiteDigests, out / DIGESTS, wanted)
        mine = replace(found, records=[p for p, u in zip(found.records, found.uris, strict=True) if u in wanted])
        made = fresh / ".edition-changed-digests.xml"
        try:
            publisher._run(mine, fresh, part="digests", **{"digests-href": made.name})
            new = etree.parse(str(made), etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))
        finally:
            made.unlink(missing_ok=True)
        try:
            old = reading.result()
        except (OSError, ValueError, KeyError, etree.XMLSyntaxError):
            return None  # digests not as this toolkit writes them: build all again
        if old.comparable.keys() != wanted or len(old.ids) != len(found.records):
            return None  # a record added
        declared = {d.get("n"): d.text or "" for d in new.getroot().iterfind(f"{ED}declaration")}
        if any(_comparable(r, declared) != old.comparable[r.get("uri")] for r in new.getroot().iterfind(f"{ED}record")):
            return None  # what the pages made from all records show has changed
        if not _same_changes_page(out / VERSIONS, found.versions):
            return None
        written = {uri: rid for uri, rid in old.ids if uri in wanted}  # the changed records' ids, by URI
        ids = list(written.values())
        with Carrying(out, fresh, keep={rid for _, rid in old.ids} - set(ids),
                      aggregates=_aggregates(out, found)) as carrying:
            part = fresh / ".edition-pages-changed.xml"
            part.write_bytes(old.slice())
            register = Personography.read(found.persons) if found.persons else None
            persons = register.subset(mine.records, fresh / ".edition-persons.xml") if register else found.persons
            try:
                publisher._run(replace(found, persons=persons), fresh, part="pages", cached=part, ordered=True,
                               pages=ids)
            finally:
                part.unlink(missing_ok=True)
                if persons != found.persons:
                    persons.unlink(missing_ok=True)
            # (the package is made from the pages just written and, for the other records, the site's before: the
            # same files as are being linked)
            built = etree.Element("built", records=str(len(old.ids)))
            for name in sorted(old.unknown):  # the elements without a rendering, as the stylesheet reports them
                etree.SubElement(built, "unknown", name=name, count=str(sum(old.unknown[name])),
                                 files=str(len(old.unknown[name])))
            records = publisher._finish_web(found, fresh, built, previous=out, ids=written, carrying=True)
            carrying.result()
    found.pending_search = sorted({shard_of(i, shards) for i in ids} | pending)
    return records


#: The start tags of the digests' file (``ed:stored``, serialised by Saxon: attributes in double quotes, in which
#: no double quote stands unescaped): a record's, an element's attributes, an element without a rendering.
_RECORD = re.compile(rb'<ed:record((?:\s+[\w:.-]+="[^"]*")*)\s*(/?)>')
_ATTRIBUTE = re.compile(rb'([\w:.-]+)="([^"]*)"')
_UNKNOWN = re.compile(rb'<ed:unknown((?:\s+[\w:.-]+="[^"]*")*)\s*/?>')


class _SiteDigests:
    """What a quick rebuild needs of the digests of the site it replaces: each record's URI and id in order, the
    elements without a rendering, and for the records ``wanted`` their digests as comparable (:func:`_comparable`)
    and, with their neighbours', as they are, for the slice their pages are written from (:meth:`slice`).

    A large edition's digests are tens of megabytes: the file, which this toolkit wrote, is scanned for its
    records' start tags, and only the records wanted and the declarations are parsed. (A record's id and URI need no
    unescaping: an id is a name, a URI is percent-encoded.)"""

    def __init__(self, path: Path, wanted: set[str]) -> None:
        data = path.read_bytes()
        first = _RECORD.search(data)
        root = data.find(b"<ed:records")
        if first is None or root < 0:
            raise ValueError(f"{path}: no records")
        opened = data.index(b">", root) + 1
        self.start, self.head = data[root:opened], data[opened:first.start()]  # (declarations, register layout)
        spans: list[tuple[int, int]] = []
        self.ids: list[tuple[str, str]] = []
        for m in _RECORD.finditer(data, first.start()):
            attributes = dict(_ATTRIBUTE.findall(m.group(1)))
            self.ids.append((attributes[b"uri"].decode(), attributes[b"id"].decode()))
            end = m.end() if m.group(2) else data.index(b"</ed:record>", m.end()) + len(b"</ed:record>")
            spans.append((m.start(), end))
        self.unknown: dict[str, list[int]] = {}
        for m in _UNKNOWN.finditer(data, first.start()):
            attributes = dict(_ATTRIBUTE.findall(m.group(1)))
            self.unknown.setdefault(unescape(attributes[b"name"].decode()), []).append(
                int(attributes.get(b"count", b"0")))
        head = etree.fromstring(self.start + self.head + b"</ed:records>")
        declared = {d.get("n"): d.text or "" for d in head.iterfind(f"{ED}declaration")}
        positions = [k for k, (uri, _) in enumerate(self.ids) if uri in wanted]
        self.kept = {j: data[spans[j][0]:spans[j][1]] for k in positions for j in (k - 1, k, k + 1)
                     if 0 <= j < len(spans)}
        self.comparable = {self.ids[k][0]: _comparable(self._parsed(self.kept[k]), declared) for k in positions}

    def _parsed(self, record: bytes) -> etree._Element:
        return etree.fromstring(self.start + record + b"</ed:records>")[0]

    def slice(self) -> bytes:
        """The digests of the records wanted and their neighbours, in order, as a file of digests (parts.slices)."""
        return b"".join([b'<?xml version="1.0" encoding="UTF-8"?>\n', self.start, self.head,
                         *(self.kept[k] for k in sorted(self.kept)), b"</ed:records>\n"])


def _comparable(record: etree._Element, declared: dict[str, str]) -> bytes:
    """A digest as the pages made from all records read it: its declaration by its text (``declared``: the texts by
    number), not by its number in the table of the file it is in."""
    copy = etree.Element(record.tag, {k: v for k, v in record.attrib.items() if k != "declared"})
    copy.extend(etree.fromstring(etree.tostring(c)) for c in record)
    return declared.get(record.get("declared") or "", "").encode() + b"\0" + etree.tostring(copy)


def _same_changes_page(before: Path, now: Path | None) -> bool:
    """Whether changes.html (data.xsl, ed:changes) says the same from ``now`` (this build's versions.json) as from
    ``before`` (the site's): the same versions, and in each the same records added, changed and removed."""
    def said(path: Path | None) -> list | None:
        if path is None:
            return None
        history = json.loads(path.read_text(encoding="utf-8"))["versions"]
        pages = []
        for k, now in enumerate(history):
            records = now["records"]
            if k == 0:
                pages.append((now["version"], now["date"], len(records)))
                continue
            was = history[k - 1]["records"]
            pages.append((now["version"], now["date"], sorted(set(records) - set(was)), sorted(set(was) - set(records)),
                          sorted(r for r in records if r in was and records[r] != was[r])))
        return pages

    try:
        return said(before if now is not None else None) == said(now)
    except (OSError, ValueError, KeyError, TypeError):
        return False


def _aggregates(out: Path, found: Sources) -> set[str]:
    """What at the top of the site ``out`` the stylesheet wrote from all records' digests (the landing page and its
    table's pages, the register, the principles, colophon, search and data pages, records.json, the sitemap, the
    digests): all but what Python writes afresh in every build (_finish_web, the versions, the package, the search
    bundles, the build record)."""
    python = {".edition-build", VERSIONS, PACKAGE, "records", "source", "dts", "edition.css", "favicon.svg",
              "theme.css"} | ({found.theme.logo} if found.theme and found.theme.logo else set())
    return {name for name in os.listdir(out) if name not in python and not name.startswith("pagefind")}
