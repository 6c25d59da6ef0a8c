"""The parallel parts: a large edition's web pages and its per-record PDFs are made in parts, shared among worker
processes (spawned: Saxon's native runtime does not survive a fork), each compiling the stylesheets once."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor, as_completed
from dataclasses import replace
from pathlib import Path
from xml.sax.saxutils import quoteattr

from lxml import etree

from .. import signals
from ..progress import Progress
from .personography import Personography
from .search import index_for_search, search_shards
from .sources import Sources
from .stylesheets import DIGESTS, ED_NS, Publisher

#: Records per run of the web stylesheet: a larger edition is built in parts (see Publisher.web).
BATCH = 2000

#: With more than one process, an edition of this many records or more is built in parts, shared among them.
PARALLEL_FROM = 500


def part_size(records: int, jobs: int, largest: int) -> int:
    """Records per part of a job shared by ``jobs`` processes: four parts per process, so that the processes end
    together, and no more than ``largest``."""
    return max(1, min(largest, -(-records // (jobs * 4))))

_PUBLISHER: Publisher | None = None


def worker_publisher() -> Publisher:
    """The publisher of a worker process: made on its first task, so that each process compiles once."""
    global _PUBLISHER
    _PUBLISHER = _PUBLISHER or Publisher()
    return _PUBLISHER


def _web_task(found: Sources, out: Path, kwargs: dict) -> bytes:
    """One run of the web stylesheet in a worker process."""
    return etree.tostring(worker_publisher()._run(found, out, **kwargs))


class Runs:
    """Runs of the web stylesheet: in this process (``jobs`` = 1), or shared among ``jobs`` spawned processes."""

    def __init__(self, publisher: Publisher, jobs: int) -> None:
        self.publisher = publisher
        # spawn, not fork: Saxon's native runtime, once started in this process, does not survive a fork.
        self.pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=signals.quiet_worker) if jobs > 1 else None

    def submit(self, found: Sources, out: Path, **kwargs) -> Future:
        if self.pool is not None:
            return self.pool.submit(_web_task, found, out, kwargs)
        done: Future = Future()
        done.set_result(etree.tostring(self.publisher._run(found, out, **kwargs)))
        return done

    def __enter__(self) -> Runs:
        return self

    def __exit__(self, kind, *exc) -> None:
        if self.pool is None:
            return
        if kind is not None:  # interrupted or failed: stop the workers now rather than after their runs
            for process in list(getattr(self.pool, "_processes", {}).values()):
                process.terminate()
        self.pool.shutdown(cancel_futures=True)


def web(publisher: Publisher, found: Sources, out: Path, with_print: bool = False, jobs: int = 1) -> int:
    """Write the web edition's pages and its search index into ``out``; returns the number of records.

    An edition of more than :data:`BATCH` records, or of :data:`PARALLEL_FROM` records or more when ``jobs``
    > 1, is built in parts (:func:`web_in_parts`), shared among ``jobs`` processes. The search index
    (:func:`index_for_search`) is made from the record pages while Python writes the rest of the site (the
    records' TEI, the data package); a rebuild after a change is :func:`update_web`'s.
    """
    params = {"print": with_print}
    if len(found.records) > BATCH or (jobs > 1 and len(found.records) >= PARALLEL_FROM):
        built = web_in_parts(publisher, found, out, jobs, params)
    else:
        built = publisher._run(found, out, **params)
    with ThreadPoolExecutor(max_workers=1) as background:
        search = background.submit(index_for_search, out, search_shards(len(found.records)), jobs=jobs)
        records = publisher._finish_web(found, out, built)
        search.result()
    return records



def web_in_parts(publisher: Publisher, found: Sources, out: Path, jobs: int, params: dict) -> etree._Element:
    """Build the web edition in parts, so that no run of the stylesheet holds more than a part of the records
    and ``jobs`` processes share the work:

    1. the records' digests, a part per run (:func:`part_size`);
    2. one run puts them in order, into ``.edition-digests.xml``;
    3. the pages made from all records (one run), and the record pages, a part per run, each run given only
       its part's digests and their neighbours (:func:`slices`) and the entries of the personography its records
       need (personography.py).
    """
    size = part_size(len(found.records), jobs, BATCH)
    progress = Progress("web edition", 2 * len(found.records))
    with Runs(publisher, jobs) as runs:
        built = make_digests(runs, found, out, size, progress)
        aggregates = runs.submit(found, out, part="aggregates", cached=out / DIGESTS, ordered=True, **params)
        register = Personography.read(found.persons) if found.persons else None
        files = dict(zip(found.uris, found.records, strict=True))
        pending = {}
        for k, (path, ids, uris) in enumerate(slices(out / DIGESTS, size)):
            mine = found
            if register is not None and all(u in files for u in uris):
                mine = replace(found, persons=register.subset([files[u] for u in uris],
                                                              out / f".edition-persons-{k}.xml"))
            pending[runs.submit(mine, out, part="pages", cached=path, ordered=True, pages=ids, **params)] = \
                (path, ids, mine.persons if mine is not found else None)
        del register
        for done in as_completed(pending):
            done.result()
            path, ids, persons = pending[done]
            path.unlink()
            if persons is not None:
                persons.unlink()
            progress.advance(len(ids))
        aggregates.result()
    progress.finish()
    return built


def make_digests(runs: Runs, found: Sources, out: Path, size: int, progress: Progress | None = None) -> etree._Element:
    """The records' digests, in order, in ``out/.edition-digests.xml``: made ``size`` records per run, then put in
    order by one more run. Returns that run's result (the number of records, the elements without a rendering)."""
    parts, pending = [], {}
    for k in range(0, len(found.records), size):
        part = replace(found, records=found.records[k:k + size])  # (the build's settings, a part of its records)
        parts.append(out / f".edition-digests-{len(parts)}.xml")
        pending[runs.submit(part, out, part="digests", **{"digests-href": parts[-1].name})] = len(part.records)
    try:
        for done in as_completed(pending):
            done.result()
            if progress:
                progress.advance(pending[done])
        return etree.fromstring(runs.submit(found, out, part="digests", cached=parts).result())
    finally:
        for path in parts:
            path.unlink(missing_ok=True)


def slices(digests: Path, size: int, prefix: str = ".edition-pages-") -> list[tuple[Path, list[str], list[str]]]:
    """The digests in ``size`` records a slice, each with the records before and after it (for the pages'
    navigation) and the register's layout (where each person's entry is), in files beside ``digests``: [(file, the
    ids of the slice's own records, their URIs)].

    Read as a stream, one record at a time: a large edition's digests are never held whole in this process."""
    slices: list[tuple[Path, list[str], list[str]]] = []
    start = b""
    current: list[tuple[str, str, bytes]] = []
    before: bytes = b""

    def write(after: bytes) -> None:
        path = digests.with_name(f"{prefix}{len(slices)}.xml")
        with open(path, "wb") as f:
            f.write(b'<?xml version="1.0" encoding="UTF-8"?>\n' + start + before)
            f.writelines(data for _, _, data in current)
            f.write(after + b"</ed:records>\n")
        slices.append((path, [rid for rid, _, _ in current], [uri for _, uri, _ in current]))

    events = etree.iterparse(str(digests), events=("start", "end"), resolve_entities=False, no_network=True,
                             huge_tree=True)
    for event, element in events:
        if event == "start":
            if not start:  # the root: its attributes (the principal speaker) go on every slice
                attributes = "".join(f" {name}={quoteattr(value)}" for name, value in element.attrib.items())
                start = f'<ed:records xmlns:ed="{ED_NS}"{attributes}>'.encode()
            continue
        if element.tag == f"{{{ED_NS}}}entry":  # the register's layout, before the records: on every slice
            start += etree.tostring(element, encoding="UTF-8", with_tail=False)
            continue
        if element.tag != f"{{{ED_NS}}}record":
            continue
        data = etree.tostring(element, encoding="UTF-8", with_tail=False)
        rid, uri = element.get("id"), element.get("uri")
        element.clear()
        while element.getprevious() is not None:
            del element.getparent()[0]
        if len(current) == size:
            write(after=data)
            before, current = current[-1][2], []
        current.append((rid, uri, data))
    if current:
        write(after=b"")
    return slices


def _print_task(task: tuple[Sources, Path, Path, list[str]]) -> tuple[int, int]:
    """The PDFs of a part's records, in a worker process: (their pages, the number of records)."""
    found, folder, digests, ids = task
    return worker_publisher().print_records(found, folder, ids, digests), len(ids)

#: Records per run of the print stylesheet when it writes one PDF per record.
PRINT_BATCH = 100

#: Runs of the print stylesheet (parts) per worker process, which is then replaced by a new one: laying out
#: documents, WeasyPrint keeps about 0.1 MB each, so a process that laid out thousands would hold gigabytes.
PRINT_RUNS_PER_PROCESS = 5


def print_each(publisher: Publisher, found: Sources, folder: Path, jobs: int = 1, digests: Path | None = None) -> int:
    """One PDF per record in ``folder``; with ``jobs`` > 1, in that many processes (each compiles once).

    The records are laid out in parts, each part's books written by one run of the stylesheet from a slice of the
    records' digests (:func:`slices`): those of the web part of the same build (``digests``), or made here once.
    """
    if digests is None:
        with Runs(publisher, jobs) as runs:
            make_digests(runs, found, folder, part_size(len(found.records), jobs, BATCH))
    progress = Progress("per-record PDFs", len(found.records))
    parts = slices(digests or folder / DIGESTS, part_size(len(found.records), jobs, PRINT_BATCH),
                    prefix=".print-digests-")
    if digests is None:
        (folder / DIGESTS).unlink()
    pages = 0
    try:
        if len(parts) < 2:
            for path, ids, _ in parts:
                pages += publisher.print_records(found, folder, ids, path)
                progress.advance(len(ids))
        else:  # in worker processes, even with one job: each is replaced after PRINT_RUNS_PER_PROCESS parts
            # the build's settings without its records, which the workers read by digest
            light = replace(found, records=[], skipped=[], notes=[], unknown=[])
            # spawn, not fork: Saxon's native runtime, already started in this process, does not survive a fork.
            # multiprocessing.Pool, not ProcessPoolExecutor: the latter's max_tasks_per_child can hang (Python 3.11).
            context = multiprocessing.get_context("spawn")
            with context.Pool(max(1, jobs), initializer=signals.quiet_worker,
                              maxtasksperchild=PRINT_RUNS_PER_PROCESS) as pool:
                tasks = [(light, folder, path, ids) for path, ids, _ in parts]
                for made, count in pool.imap_unordered(_print_task, tasks):
                    pages += made
                    progress.advance(count)
    finally:
        for path, _, _ in parts:
            path.unlink(missing_ok=True)
    progress.finish()
    return pages
