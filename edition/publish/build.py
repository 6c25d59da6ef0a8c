"""The build: publishes the TEI of a folder as a web and a print edition, atomically.

It refuses what could lose or expose files (:func:`build`'s checks), takes the output folder's lock, writes the
new site beside it and swaps it in (:mod:`.swap`); the stages are :mod:`.sources`, :mod:`.stylesheets`,
:mod:`.parts`, :mod:`.incremental`, :mod:`.search` and :mod:`.pdf`."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from . import parts as parting
from . import swap
from .errors import BuildError
from .images import local_images
from .incremental import (
    changes,
    finish_search,
    manifest_of,
    pending_search,
    read_manifest,
    same,
    update_web,
    write_manifest,
)
from .search import search_shards
from .sources import SourceFiles, Sources, source_files, sources
from .stylesheets import DIGESTS, Publisher
from .theme import Theme
from .versions import ids_of_files, record_versions

MARKER = ".edition-build"  # in every site this module writes: only such a folder is ever replaced

#: The largest source file a build takes, by default (``edition build --max-record-size``, in MB): the XSLT
#: processor holds about four times a record in memory, and the search indexer more, so a 1 GB record would take
#: the build machine's memory. A record of 50 MB builds (web) in about 35 s and 1.2 GB
#: (``benchmarks/bench_large_record.py``).
MAX_SIZE = 64 * 1024 * 1024


def _refuse_large(files: SourceFiles, limit: int) -> None:
    """Refuse, before anything is read, a source file larger than ``limit`` bytes."""
    for path in files.files:
        size = path.stat().st_size
        if size > limit:
            raise BuildError(f"[record-size] the file has {size / 2**20:,.0f} MB, more than the "
                             f"{limit / 2**20:,.0f} MB a build takes (its memory grows with the largest record): "
                             "split it, or raise the limit with --max-record-size", at=(path, 1))


def build(source: Path, out: Path, publisher: Publisher | None = None, parts: tuple[str, ...] = ("web", "print"),
          per_document: bool = False, jobs: int = 1, max_size: int = MAX_SIZE,
          split: str | None = None, base_url: str | None = None,
          theme: Theme | None = None, dts: bool = False, conventions: str | None = None,
          link_base: str | None = None, in_place: Callable[[], None] | None = None) -> tuple[Sources, int]:
    """Build the edition of ``source`` into ``out``, atomically: all of it, or nothing changes.

    ``parts``: "web" (the site), "print" (``edition.pdf``, and with ``per_document`` one PDF per record in
    ``print/``) and "per-document" (those PDFs alone). ``jobs``: the processes that share the work. ``max_size``:
    the largest source file built, in bytes (:data:`MAX_SIZE`). ``split``: the division type at which a file of
    many documents is published as a page per document ("none": every file one page; default: "document" where a
    file has two or more). ``base_url``: the edition's address, for absolute citations (default: the one its
    description gives, if any). ``theme``: the edition's own CSS, logo and XSLT overrides (theme.py). ``dts``: with
    the web edition, a static DTS API in ``dts/`` (dts.py). ``conventions``: "leiden" prints every record in the
    Leiden conventions (leiden.xsl), not only those that declare EpiDoc. ``link_base``: the address against which
    a pointer to a document outside the edition is resolved (tei.xsl, ed:outside-href). ``in_place``: called once
    the new site is in place, before a quick rebuild's search index follows (``edition serve`` reloads the open
    page then). Returns the sources and the number of records.

    One build at a time writes into ``out`` (:func:`swap.locked`); it removes what a killed build left beside it,
    writes the new site into a folder beside ``out`` and swaps the two in one step (:func:`swap.swap`). After a
    quick rebuild the search bundles of the records changed follow in a second step (incremental.finish_search),
    which the build reports.
    """
    started = time.monotonic()
    out = out.resolve()
    _refuse_output(source, out)
    files = source_files(source)
    _refuse_large(files, max_size)
    out.parent.mkdir(parents=True, exist_ok=True)
    with swap.locked(out):
        swap.remove_leftovers(out)
        found, records, old = _build(source, files, out, publisher, parts, per_document, jobs, split, base_url,
                                     theme, dts, conventions, link_base)
        if in_place is not None and not found.up_to_date:
            in_place()
        with ThreadPoolExecutor(max_workers=1) as removal:  # the old site is removed while the search is indexed
            if old is not None:
                removal.submit(shutil.rmtree, old, ignore_errors=True)
            if found.pending_search:
                print(f"{out.name}: the pages are in place after {time.monotonic() - started:.2f} s; the search "
                      "index of the records changed follows" if not found.up_to_date else
                      f"{out.name}: the search index of the records a build before changed is brought up to date "
                      "(that build was stopped before it)", file=sys.stderr, flush=True)
                finish_search(out, out / MARKER, found.pending_search, jobs)
        return found, records


def _refuse_output(source: Path, out: Path) -> None:
    """``out`` may not be a root or the home folder, nor the source, inside it, or hold it: the build replaces
    ``out`` as a whole."""
    src = source.resolve()
    if out == Path(out.anchor) or out == Path.home():
        raise BuildError(f"{out}: will not build into this folder (a root or the home folder); choose a new folder")
    if src == out or (src.is_dir() and out.is_relative_to(src)):
        raise BuildError(f"{out}: will not build into the sources' own folder ({source}); choose a folder outside it")
    if src.is_relative_to(out):
        raise BuildError(f"{out}: holds the sources ({source}), and a build replaces it whole; choose another folder")
    if Path.cwd().resolve().is_relative_to(out):
        raise BuildError(f"{out}: is the current folder or holds it, and a build replaces it whole; choose a folder "
                         "beside it (such as build/)")


def _refuse_foreign(out: Path, built: dict | None) -> None:
    """A build replaces only a folder that it made, and only when everything at its top was made by that build
    (the manifest lists it): a file or folder put there since (a ``.git``, the TEI) is never deleted."""
    if not out.exists():
        return
    if not out.is_dir():
        raise BuildError(f"{out}: exists and is not a folder; choose a new or empty folder")
    present = set(os.listdir(out))
    if not present:
        return
    if MARKER not in present:
        raise BuildError(f"{out}: exists and is not an edition built here; choose a new or empty folder")
    if built is None or not isinstance(built.get("entries"), list):
        raise BuildError(f"{out}: its build record ({MARKER}) is damaged or from an older version, so what in it "
                         "was built cannot be told; remove the folder or choose another")
    foreign = sorted(present - set(built["entries"]) - {MARKER})
    if foreign:
        raise BuildError(f"{out}: holds {', '.join(foreign[:3])}{' and more' if len(foreign) > 3 else ''}, which no "
                         "build made; a build replaces the folder whole: move them out or choose another folder")


def _unchanged(built: dict | None, files: SourceFiles, hashes: dict[Path, str], key: str) -> dict[Path, object]:
    """What the site's manifest recorded under ``key`` (by real path) of each record unchanged since its build
    (the same hash); empty where it recorded nothing under ``key``."""
    known = built.get(key) if built else None
    if not isinstance(known, dict):
        return {}
    before = built["sources"]
    return {p: known.get(real) for p, digest in hashes.items()
            if before.get(real := files.real[p], [None, None])[1] == digest}


def _known_ids(built: dict | None, files: SourceFiles, hashes: dict[Path, str]) -> dict[Path, str]:
    """The ids of the records unchanged since the site's build, as its manifest has them."""
    return {p: rid for p, rid in _unchanged(built, files, hashes, "ids").items() if isinstance(rid, str)}


def _images(records: list[Path], files: SourceFiles, hashes: dict[Path, str], built: dict | None) -> dict:
    """Each record's local images (images.py): as the site's manifest has them for the files unchanged since its
    build (which lists only records with images), read from the others."""
    known = _unchanged(built, files, hashes, "images")
    return {p: [u for u in known[p] or [] if isinstance(u, str)] if p in known else local_images(p) for p in records}


def _build(source: Path, files: SourceFiles, out: Path, publisher: Publisher | None, parts: tuple[str, ...],
           per_document: bool, jobs: int, split: str | None = None, base_url: str | None = None,
           theme: Theme | None = None, dts: bool = False, conventions: str | None = None,
           link_base: str | None = None) -> tuple[Sources, int, Path | None]:
    """The build itself (:func:`build`); also returns the folder that holds the site it replaced, to remove."""
    built = read_manifest(out / MARKER) if (out / MARKER).is_file() else None
    manifest = manifest_of(files, parts, per_document, split, base_url, theme, dts, conventions, link_base, built)
    if built is not None and same(built, manifest):
        found = Sources(records=[Path(p) for p, (kind, _) in built["sources"].items() if kind == "record"])
        found.up_to_date = True
        found.pending_search = sorted(pending_search(built))  # left by a build killed in its second step
        return found, len(found.records), None
    _refuse_foreign(out, built)
    update = changes(built, manifest, parts)
    found = sources(source, known={p: kind for p, (kind, _) in built["sources"].items()
                                   if p in manifest["sources"] and manifest["sources"][p][1] == built["sources"][p][1]}
                    if update else None, files=files)
    found.split, found.base_url, found.theme, found.dts = split, base_url, theme, dts
    found.conventions, found.link_base = conventions, link_base
    found.record_pdfs = "per-document" in parts or (per_document and "print" in parts)
    if not found.records:  # say why each file was not one
        why = "; ".join(found.skipped[:5]) + ("; ..." if len(found.skipped) > 5 else "")
        raise BuildError(f"{source}: no TEI records to publish" + (f" ({why})" if why else ""))
    fresh = Path(tempfile.mkdtemp(prefix=f".{out.name}-building-", dir=out.parent))
    fresh.chmod(0o755)  # a site is for reading: mkdtemp's private mode would keep a web server out
    try:
        publisher = publisher or Publisher()
        records = 0
        shards = search_shards(len(found.records))
        if "web" in parts:  # the version this build makes, after those of the site it replaces (changes.html)
            hashes = {p: manifest["sources"][files.real[p]][1] for p in found.records}
            ids = ids_of_files(found.records, known=_known_ids(built, files, hashes))
            manifest["ids"] = {files.real[p]: rid for rid, p in ids.items()}
            found.versions = record_versions(found, out, fresh, hashes, ids)
            found.images = _images(found.records, files, hashes, built)
            manifest["images"] = {files.real[p]: urls for p, urls in found.images.items() if urls}
        if update:
            records = update_web(publisher, found, out, fresh, update, built.get("shards"), jobs,
                                 pending_search(built))
        elif "web" in parts:
            records = parting.web(publisher, found, fresh, with_print="print" in parts, jobs=jobs)
        if "print" in parts:
            publisher.print(found, fresh / "edition.pdf")
        if "per-document" in parts or (per_document and "print" in parts):
            (fresh / "print").mkdir()
            made = fresh / DIGESTS  # by the web part, when it ran
            parting.print_each(publisher, found, fresh / "print", jobs, digests=made if made.is_file() else None)
        records = records or len(found.records)
        kinds = {files.real[p]: "record" for p in found.records}  # the manifest's keys: each file's real path
        kinds.update({files.real[p]: kind for kind, p in (("persons", found.persons), ("edition", found.edition))
                      if p is not None})
        for path, entry in manifest["sources"].items():  # what each source file was taken for
            manifest["sources"][path] = [kinds.get(path, "other"), entry[1]]
        manifest["shards"] = shards
        if found.pending_search:  # (finish_search)
            manifest["search_pending"] = found.pending_search
        manifest["entries"] = sorted({*os.listdir(fresh), MARKER})  # what this build put at the top of the site
        write_manifest(fresh / MARKER, manifest)
        old = swap.swap(fresh, out, remove=False)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    return found, records, old
