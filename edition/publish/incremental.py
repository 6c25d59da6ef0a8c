"""The incremental rebuild: a manifest of content hashes says what a site was built from; when only records changed,
a web build writes only the pages that depend on the change and links the others from the site."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..resources import xslt_dir
from .search import index_for_search, search_shards, shard_of
from .sources import SourceFiles, Sources
from .stylesheets import DIGESTS, Publisher, record_ids
from .theme import Theme


def _digest(path: Path) -> str:
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def manifest_of(files: SourceFiles, parts: tuple[str, ...], per_document: bool, split: str | None = None,
                base_url: str | None = None, theme: Theme | None = None, dts: bool = False,
                conventions: str | None = None, link_base: str | None = None) -> dict:
    """What a build is made from, by content hash: the sources, the stylesheets, the toolkit and the options.

    A build records it in ``.edition-build``; a build whose manifest is the same as the site's has nothing to do.
    """
    from .. import __version__

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
        "sources": {files.real[p]: ["?", _digest(p)] for p in files.files},
    }


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
                shards_before: int | None, jobs: int = 1) -> int:
    """Rebuild the web edition of ``out`` in ``fresh``: write the pages of changed and added records and of their
    neighbours, and the pages made from all records; link the other pages from ``out`` (:func:`carry_over`);
    index again the search bundles of the records changed, added and removed."""
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
    only = {shard_of(rid, shards) for rid in touched} if shards == shards_before else None
    # the search bundles are indexed (by pagefind processes) while the stylesheet writes the pages made from all
    # records: the record pages are all in place by now
    with ThreadPoolExecutor(max_workers=1) as background:
        search = background.submit(index_for_search, fresh, shards, only=only, jobs=jobs)
        publisher._run(found, fresh, cached=fresh / DIGESTS, ordered=True, part="aggregates")
        search.result()
    return publisher._finish_web(found, fresh, built, previous=out)


def carry_over(out: Path, fresh: Path, keep: set[str]) -> int:
    """Link into ``fresh`` the pages (and TEI files) of the records ``keep`` (by id) and the search bundles of the
    site ``out``, where this rebuild did not write them again; returns how many files. Nothing else of ``out`` is
    carried.

    Hard links, not copies: nothing writes into these files in place (a page written again is written before they
    are linked, and pagefind writes a bundle into a new folder), so the old site stays as it was until the new one
    is swapped in. A copy where links are impossible."""
    carried = 0
    for folder, dirs, files in os.walk(out):
        here = Path(folder).relative_to(out)
        if here == Path("."):
            dirs[:] = [d for d in dirs if d == "records" or d.startswith("pagefind")]
            continue
        if here == Path("records"):
            dirs[:] = [d for d in dirs if d in keep]  # the pages of a record published in parts (records/ID/)
            files = [f for f in files if f.endswith((".html", ".json", ".txt", ".xml"))
                     and f.rsplit(".", 1)[0] in keep]
        elif here.parent == Path("records"):
            dirs[:] = []
            files = [f for f in files if f.endswith(".html")]
        (fresh / here).mkdir(exist_ok=True)
        for name in files:
            target = fresh / here / name
            if target.exists():
                continue
            try:
                os.link(Path(folder) / name, target)
            except OSError:
                shutil.copy2(Path(folder) / name, target)
            carried += 1
    return carried
