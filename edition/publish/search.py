"""The search index: Pagefind indexes the record pages, in bundles that the search page merges."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..progress import Progress
from .child import python_child
from .errors import BuildError

#: Record pages per search bundle. Pagefind holds a bundle's pages in memory while it indexes them, so a large
#: edition is indexed as several bundles, which its search page merges; a change re-indexes only its own bundle.
SHARD_SIZE = 300


def search_shards(records: int) -> int:
    return max(1, -(-records // SHARD_SIZE))


def shard_of(record: str, shards: int) -> int:
    """The search bundle of a record, by its id: stable while the number of bundles stays the same."""
    return zlib.crc32(record.encode("utf-8")) % shards


def bundle_name(shard: int) -> str:
    return "pagefind" if shard == 0 else f"pagefind-{shard}"


def index_for_search(site: Path, shards: int, only: set[int] | None = None, jobs: int = 1,
                     before: Path | None = None) -> None:
    """Pagefind indexes the record pages (their ``data-pagefind-body``) into ``pagefind/`` (bundle 0, which also
    holds the search interface) and ``pagefind-K/``; ``only`` limits the work to some bundles. ``jobs`` bundles
    are indexed at once (each by a pagefind process of its own). ``before``: a site whose record pages this build
    keeps as they are, read from there for a page ``site`` does not (yet) have."""
    pages = {page.name: page for folder in (before, site) if folder for page in (folder / "records").glob("*.html")}
    groups: dict[int, list[Path]] = {k: [] for k in range(shards)}
    for name in sorted(pages):
        groups[shard_of(name[:-len(".html")], shards)].append(pages[name])
    todo = [k for k in groups if only is None or k in only]
    progress = Progress("search index", sum(len(groups[k]) for k in todo))
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        for shard in pool.map(lambda k: _index_bundle(site, k, groups[k]), todo):
            progress.advance(len(groups[shard]))
    progress.finish()


def _index_bundle(site: Path, shard: int, pages: list[Path]) -> int:
    bundle = site / bundle_name(shard)
    shutil.rmtree(bundle, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix=".search-", dir=site) as tmp:  # inside the site being built
        (Path(tmp) / "records").mkdir()
        for page in pages:  # the bundle's pages, at the same paths as in the site
            os.link(page, Path(tmp) / "records" / page.name)
        # (pagefind's Python package execs its binary: the indexer dies with the build, child.py)
        proc = subprocess.run(python_child("pagefind", "--site", tmp, "--output-path", str(bundle), "--quiet"),
                              capture_output=True, text=True)
    if proc.returncode != 0 or not (bundle / "pagefind-ui.js").is_file():
        said = " ".join((proc.stderr.strip() or proc.stdout.strip()).split())[-500:]
        if proc.returncode < 0:
            said = f"the indexer was killed by {signal.Signals(-proc.returncode).name}" + \
                   (" (out of memory?)" if -proc.returncode == signal.SIGKILL else "") + (f": {said}" if said else "")
        raise BuildError(f"the search index could not be built: {said or f'pagefind exited with {proc.returncode}'}")
    return shard
