"""Publish the edition: XSLT 3.0 (saxonche, in process) turns the TEI into a static web site.

Python only orchestrates: it sorts the TEI files into records, the personography and the edition's description,
compiles the stylesheet once, passes the files as parameters and copies the static assets. The stylesheets write
every page. A build writes into a fresh folder beside the output and swaps it in at the end, so a failed build
leaves the previous site as it was.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import zlib
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote
from xml.sax.saxutils import quoteattr

from lxml import etree
from saxonche import PySaxonApiError, PySaxonProcessor

from . import signals, swap
from .conventions import TEI_NS, XML_ID, record_name, unsafe_name
from .progress import Progress
from .validate import read, too_deep, xml_files

T = f"{{{TEI_NS}}}"
MARKER = ".edition-build"  # in every site this module writes: only such a folder is ever replaced


class BuildError(Exception):
    """The edition cannot be built; nothing was changed in the output folder.

    ``at``: the file (and line) at fault, when there is one: the message is then ``file:line: error: ...``."""

    def __init__(self, message: str, at: tuple[Path | str, int] | None = None) -> None:
        super().__init__(f"{at[0]}:{at[1]}: error: {message}" if at else message)
        self.located = at is not None or bool(re.match(r"\S[^\n]*?: error: ", message))


def xslt_dir() -> Path:
    """The stylesheets: ``xslt/`` in a checkout, ``edition/xslt`` in an installed wheel."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "xslt", here / "xslt"):
        if (candidate / "html.xsl").is_file():
            return candidate
    raise BuildError("the stylesheets (xslt/html.xsl) are not installed")


@dataclass
class Sources:
    records: list[Path] = field(default_factory=list)
    persons: Path | None = None
    edition: Path | None = None
    skipped: list[str] = field(default_factory=list)  # files that are not TEI, with why
    unknown: list[str] = field(default_factory=list)  # TEI elements rendered by their content only
    up_to_date: bool = False  # the site was already built from exactly these sources: nothing was done


def inside(path: Path, folder: Path) -> str | None:
    """Why the file ``path`` may not be read as part of ``folder``'s sources, or None: it must be a regular file
    that really lies inside ``folder``. A link that leads out of the folder (to ``/etc/passwd``, a home folder, a
    device) is refused, so that a contributed link publishes nothing of the build machine."""
    try:
        real = path.resolve(strict=True)
        if not real.is_relative_to(folder.resolve()):
            return f"{path}: a link to {real}, outside {folder}; not followed"
        if not stat.S_ISREG(real.stat().st_mode):
            return f"{path}: not a regular file"
    except (OSError, RuntimeError) as e:  # a broken link or a loop
        return f"{path}: cannot be read ({getattr(e, 'strerror', None) or e})"
    return None


def source_files(source: Path) -> tuple[list[Path], list[str]]:
    """The XML files of ``source`` (a folder, or one file named by the user) that lie inside it, and the files
    refused, with why (:func:`inside`)."""
    if not source.is_dir():
        return [source], []
    files, refused = [], []
    for path in xml_files(source):
        why = inside(path, source)
        files.append(path) if why is None else refused.append(why)
    return files, refused


def sources(source: Path, known: dict[str, str] | None = None) -> Sources:
    """Sort the TEI files of ``source`` (a folder or one file) into records, personography and description.

    ``known``: what unchanged files were taken for by the previous build (by resolved path); they are not read
    again.
    """
    found = Sources()
    files, found.skipped = source_files(source)
    for path in files:
        kind = (known or {}).get(str(path.resolve()))
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
        if root.tag != T + "TEI":
            found.skipped.append(f"{path}: not a TEI document (root {root.tag})")
        elif root.find(T + "text") is not None and root.find(f"{T}text//{T}div[@type='record']") is None \
                and root.get("{http://www.w3.org/XML/1998/namespace}id") == "edition":
            found.edition = path
        elif root.find(T + "text") is None and root.find(f"{T}standOff//{T}listPerson") is not None:
            found.persons = path
        elif root.find(T + "text") is not None:
            _check_name(path, root)
            found.records.append(path)
        else:
            found.skipped.append(f"{path}: a TEI document without text")
    return found


def _check_name(path: Path, root: etree._Element) -> None:
    """Refuse a record whose id cannot be a file name and a link (:func:`conventions.unsafe_name`), before anything
    is written: ``rec-../../x`` would write outside the output folder, ``javascript:...`` would become a link."""
    own = root.get(XML_ID)
    name = record_name(own, path.stem)
    why = unsafe_name(name)
    if why:
        source = f"xml:id {own!r}" if own and own.removeprefix("rec-") else "its file name"
        raise BuildError(f"[record-id] the record id {name!r} (from {source}) cannot name a page: {why}",
                         at=(path, root.sourceline or 1))


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


_FONTS = None


def _lay_out(paged: str, pdf: Path) -> int:
    """WeasyPrint lays out a paged HTML document (print.css, from the stylesheets' folder) as ``pdf``; its pages.

    The fonts are set up once per process and shared by its documents: a font configuration per document costs
    time, and memory that is not all given back."""
    global _FONTS
    from weasyprint import HTML  # imported here: it loads Pango, which only the print edition needs
    from weasyprint.text.fonts import FontConfiguration

    _FONTS = _FONTS or FontConfiguration()
    document = HTML(string=paged, base_url=str(xslt_dir()) + "/").render(font_config=_FONTS)
    document.write_pdf(pdf, pdf_variant="pdf/ua-1", uncompressed_pdf=False, font_config=_FONTS)
    return len(document.pages)


class Publisher:
    """The compiled stylesheets, reused for every build in this process."""

    def __init__(self) -> None:
        self._proc = PySaxonProcessor(license=False)
        self._xslt = self._proc.new_xslt30_processor()
        self._compiled = {}

    def _stylesheet(self, name: str, found: Sources, **params: str | bool):
        """The stylesheet ``name`` (compiled on first use, then reused), with the files and ``params`` set."""
        if name not in self._compiled:
            try:
                self._compiled[name] = self._xslt.compile_stylesheet(stylesheet_file=str(xslt_dir() / f"{name}.xsl"))
            except PySaxonApiError as e:
                raise BuildError(f"the {name} stylesheet does not compile: {e}") from None
        exe = self._compiled[name]
        exe.clear_parameters()
        exe.set_parameter("records", self._proc.make_array(
            [self._proc.make_string_value(p.resolve().as_uri()) for p in found.records]))
        if found.persons:
            exe.set_parameter("persons", self._proc.make_string_value(found.persons.resolve().as_uri()))
        if found.edition:
            exe.set_parameter("edition", self._proc.make_string_value(found.edition.resolve().as_uri()))
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
        return _lay_out(paged, pdf)

    def print_records(self, found: Sources, folder: Path, ids: list[str], digests: Path) -> int:
        """One PDF per record of ``ids``, as ``folder/ID.pdf``; returns their pages.

        One run of the stylesheet writes the books of all of them (``digests``: theirs, in order, as
        :func:`_slices` writes them; each record is read alone); WeasyPrint lays out each."""
        exe = self._stylesheet("print", Sources(persons=found.persons, edition=found.edition), ordered=True)
        exe.set_parameter("cached-digests", self._proc.make_string_value(digests.resolve().as_uri()))
        exe.set_parameter("only", self._proc.make_array([self._proc.make_string_value(i) for i in ids]))
        with tempfile.TemporaryDirectory(prefix=".print-", dir=folder) as tmp:
            exe.set_base_output_uri(Path(tmp).resolve().as_uri() + "/")
            try:
                exe.call_template_returning_string(None)
            except PySaxonApiError as e:
                raise _failed("print", e) from None
            return sum(_lay_out((Path(tmp) / f"{rid}.html").read_text(encoding="utf-8"), folder / f"{rid}.pdf")
                       for rid in ids)

    def web(self, found: Sources, out: Path, with_print: bool = False, jobs: int = 1) -> int:
        """Write the web edition's pages into ``out``; returns the number of records.

        An edition of more than :data:`BATCH` records, or of :data:`PARALLEL_FROM` records or more when ``jobs``
        > 1, is built in parts (:func:`_web_in_parts`), shared among ``jobs`` processes. The search index is
        :func:`index_for_search`'s; a rebuild after a change is :func:`_update_web`'s.
        """
        params = {"print": with_print}
        if len(found.records) > BATCH or (jobs > 1 and len(found.records) >= PARALLEL_FROM):
            built = _web_in_parts(self, found, out, jobs, params)
        else:
            built = self._run(found, out, **params)
        return self._finish_web(found, out, built)

    def _finish_web(self, found: Sources, out: Path, built: etree._Element) -> int:
        """What the stylesheet does not write (the CSS, the transcripts); the number of records."""
        shutil.copy(xslt_dir() / "edition.css", out / "edition.css")
        if found.edition and (found.edition.parent / "source").is_dir():
            # the transcripts the edition was made from, which its description links to (source/...)
            found.skipped += _copy_inside(found.edition.parent / "source", out / "source")
        found.unknown = [u.get("name") for u in built.iter("unknown")]
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


#: Records per run of the web stylesheet: a larger edition is built in parts (see Publisher.web).
BATCH = 2000
#: The records' digests (records.xsl, ed:digest), in order, as a web build leaves them for the next build.
DIGESTS = ".edition-digests.xml"
#: With more than one process, an edition of this many records or more is built in parts, shared among them.
PARALLEL_FROM = 500
ED_NS = "urn:x-edition"


def _part_size(records: int, jobs: int, largest: int) -> int:
    """Records per part of a job shared by ``jobs`` processes: four parts per process, so that the processes end
    together, and no more than ``largest``."""
    return max(1, min(largest, -(-records // (jobs * 4))))


def _copy_inside(folder: Path, target: Path) -> list[str]:
    """Copy the regular files of ``folder`` that lie inside it into ``target``; returns the files refused, with why.

    Links are never followed out of ``folder`` (:func:`inside`), nor into folders (they could loop); a link to a
    file inside it is copied as that file."""
    refused = []
    for here, dirs, files in os.walk(folder):
        for name in sorted(dirs):
            if (Path(here) / name).is_symlink():
                refused.append(f"{Path(here) / name}: a link to a folder; not followed")
        for name in sorted(files):
            path = Path(here) / name
            why = inside(path, folder)
            if why:
                refused.append(why)
                continue
            (target / path.relative_to(folder)).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target / path.relative_to(folder))
    return refused


_PUBLISHER: Publisher | None = None


def _worker_publisher() -> Publisher:
    """The publisher of a worker process: made on its first task, so that each process compiles once."""
    global _PUBLISHER
    _PUBLISHER = _PUBLISHER or Publisher()
    return _PUBLISHER


def _web_task(found: Sources, out: Path, kwargs: dict) -> bytes:
    """One run of the web stylesheet in a worker process."""
    return etree.tostring(_worker_publisher()._run(found, out, **kwargs))


class _Runs:
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

    def __enter__(self) -> _Runs:
        return self

    def __exit__(self, kind, *exc) -> None:
        if self.pool is None:
            return
        if kind is not None:  # interrupted or failed: stop the workers now rather than after their runs
            for process in list(getattr(self.pool, "_processes", {}).values()):
                process.terminate()
        self.pool.shutdown(cancel_futures=True)


def _web_in_parts(publisher: Publisher, found: Sources, out: Path, jobs: int, params: dict) -> etree._Element:
    """Build the web edition in parts, so that no run of the stylesheet holds more than a part of the records
    and ``jobs`` processes share the work:

    1. the records' digests, a part per run (:func:`_part_size`);
    2. one run puts them in order, into ``.edition-digests.xml``;
    3. the pages made from all records (one run), and the record pages, a part per run, each run given only
       its part's digests and their neighbours (:func:`_slices`).
    """
    size = _part_size(len(found.records), jobs, BATCH)
    progress = Progress("web edition", 2 * len(found.records))
    with _Runs(publisher, jobs) as runs:
        built = _digests(runs, found, out, size, progress)
        aggregates = runs.submit(found, out, part="aggregates", cached=out / DIGESTS, ordered=True, **params)
        pending = {runs.submit(found, out, part="pages", cached=path, ordered=True, pages=ids, **params): (path, ids)
                   for path, ids in _slices(out / DIGESTS, size)}
        for done in as_completed(pending):
            done.result()
            path, ids = pending[done]
            path.unlink()
            progress.advance(len(ids))
        aggregates.result()
    progress.finish()
    return built


def _digests(runs: _Runs, found: Sources, out: Path, size: int, progress: Progress | None = None) -> etree._Element:
    """The records' digests, in order, in ``out/.edition-digests.xml``: made ``size`` records per run, then put in
    order by one more run. Returns that run's result (the number of records, the elements without a rendering)."""
    parts, pending = [], {}
    for k in range(0, len(found.records), size):
        part = Sources(records=found.records[k:k + size], persons=found.persons, edition=found.edition)
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


def _slices(digests: Path, size: int, prefix: str = ".edition-pages-") -> list[tuple[Path, list[str]]]:
    """The digests in ``size`` records a slice, each with the records before and after it (for the pages'
    navigation), in files beside ``digests``: [(file, the ids of the slice's own records)].

    Read as a stream, one record at a time: a large edition's digests are never held whole in this process."""
    slices: list[tuple[Path, list[str]]] = []
    start = b""
    current: list[tuple[str, bytes]] = []
    before: bytes = b""

    def write(after: bytes) -> None:
        path = digests.with_name(f"{prefix}{len(slices)}.xml")
        with open(path, "wb") as f:
            f.write(b'<?xml version="1.0" encoding="UTF-8"?>\n' + start + before)
            f.writelines(data for _, data in current)
            f.write(after + b"</ed:records>\n")
        slices.append((path, [rid for rid, _ in current]))

    events = etree.iterparse(str(digests), events=("start", "end"), resolve_entities=False, no_network=True,
                             huge_tree=True)
    for event, element in events:
        if event == "start":
            if not start:  # the root: its attributes (the principal speaker) go on every slice
                attributes = "".join(f" {name}={quoteattr(value)}" for name, value in element.attrib.items())
                start = f'<ed:records xmlns:ed="{ED_NS}"{attributes}>'.encode()
            continue
        if element.tag != f"{{{ED_NS}}}record":
            continue
        data = etree.tostring(element, encoding="UTF-8", with_tail=False)
        rid = element.get("id")
        element.clear()
        while element.getprevious() is not None:
            del element.getparent()[0]
        if len(current) == size:
            write(after=data)
            before, current = current[-1][1], []
        current.append((rid, data))
    if current:
        write(after=b"")
    return slices


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


def index_for_search(site: Path, shards: int, only: set[int] | None = None, jobs: int = 1) -> None:
    """Pagefind indexes the record pages (their ``data-pagefind-body``) into ``pagefind/`` (bundle 0, which also
    holds the search interface) and ``pagefind-K/``; ``only`` limits the work to some bundles. ``jobs`` bundles
    are indexed at once (each by a pagefind process of its own)."""
    groups: dict[int, list[Path]] = {k: [] for k in range(shards)}
    for page in sorted((site / "records").glob("*.html")):
        groups[shard_of(page.stem, shards)].append(page)
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
        proc = subprocess.run([sys.executable, "-m", "pagefind", "--site", tmp, "--output-path", str(bundle),
                               "--quiet"], capture_output=True, text=True)
    if proc.returncode != 0 or not (bundle / "pagefind-ui.js").is_file():
        said = " ".join((proc.stderr.strip() or proc.stdout.strip()).split())[-500:]
        if proc.returncode < 0:
            said = f"the indexer was killed by {signal.Signals(-proc.returncode).name}" + \
                   (" (out of memory?)" if -proc.returncode == signal.SIGKILL else "") + (f": {said}" if said else "")
        raise BuildError(f"the search index could not be built: {said or f'pagefind exited with {proc.returncode}'}")
    return shard


#: The largest source file a build takes, by default (``edition build --max-record-size``, in MB): the XSLT
#: processor holds about four times a record in memory, and the search indexer more, so a 1 GB record would take
#: the build machine's memory. A record of 50 MB builds (web) in about 35 s and 1.2 GB
#: (``benchmarks/bench_large_record.py``).
MAX_SIZE = 64 * 1024 * 1024


def _refuse_large(source: Path, limit: int) -> None:
    """Refuse, before anything is read, a source file larger than ``limit`` bytes."""
    for path in source_files(source)[0]:
        size = path.stat().st_size
        if size > limit:
            raise BuildError(f"[record-size] the file has {size / 2**20:,.0f} MB, more than the "
                             f"{limit / 2**20:,.0f} MB a build takes (its memory grows with the largest record): "
                             "split it, or raise the limit with --max-record-size", at=(path, 1))


def build(source: Path, out: Path, publisher: Publisher | None = None, parts: tuple[str, ...] = ("web", "print"),
          per_document: bool = False, jobs: int = 1, max_size: int = MAX_SIZE) -> tuple[Sources, int]:
    """Build the edition of ``source`` into ``out``, atomically: all of it, or nothing changes.

    ``parts``: "web" (the site), "print" (``edition.pdf``, and with ``per_document`` one PDF per record in
    ``print/``) and "per-document" (those PDFs alone). ``jobs``: the processes that share the work. ``max_size``:
    the largest source file built, in bytes (:data:`MAX_SIZE`). Returns the sources and the number of records.

    One build at a time writes into ``out`` (:func:`swap.locked`); it removes what a killed build left beside it,
    writes the new site into a folder beside ``out`` and swaps the two in one step (:func:`swap.swap`).
    """
    out = out.resolve()
    _refuse_output(source, out)
    _refuse_large(source, max_size)
    out.parent.mkdir(parents=True, exist_ok=True)
    with swap.locked(out):
        swap.remove_leftovers(out)
        return _build(source, out, publisher, parts, per_document, jobs)


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


def _build(source: Path, out: Path, publisher: Publisher | None, parts: tuple[str, ...], per_document: bool,
           jobs: int) -> tuple[Sources, int]:
    manifest = _manifest(source, parts, per_document)
    built = _read_manifest(out / MARKER) if (out / MARKER).is_file() else None
    if built is not None and _same(built, manifest):
        found = Sources(records=[Path(p) for p, (kind, _) in built["sources"].items() if kind == "record"])
        found.up_to_date = True
        return found, len(found.records)
    _refuse_foreign(out, built)
    update = _changes(built, manifest, parts)
    found = sources(source, known={p: kind for p, (kind, _) in built["sources"].items()
                                   if p in manifest["sources"] and manifest["sources"][p][1] == built["sources"][p][1]}
                    if update else None)
    if not found.records:
        raise BuildError(f"{source}: no TEI records to publish")
    fresh = Path(tempfile.mkdtemp(prefix=f".{out.name}-building-", dir=out.parent))
    fresh.chmod(0o755)  # a site is for reading: mkdtemp's private mode would keep a web server out
    try:
        publisher = publisher or Publisher()
        records = 0
        shards = search_shards(len(found.records))
        if update:
            records = _update_web(publisher, found, out, fresh, update, built.get("shards"), jobs)
        elif "web" in parts:
            records = publisher.web(found, fresh, with_print="print" in parts, jobs=jobs)
            index_for_search(fresh, shards, jobs=jobs)
        if "print" in parts:
            publisher.print(found, fresh / "edition.pdf")
        if "per-document" in parts or (per_document and "print" in parts):
            (fresh / "print").mkdir()
            made = fresh / DIGESTS  # by the web part, when it ran
            print_each(publisher, found, fresh / "print", jobs, digests=made if made.is_file() else None)
        records = records or len(found.records)
        kinds = {str(p.resolve()): "record" for p in found.records}
        kinds.update({str(p.resolve()): kind for kind, p in (("persons", found.persons), ("edition", found.edition))
                      if p is not None})
        for path, entry in manifest["sources"].items():  # what each source file was taken for
            manifest["sources"][path] = [kinds.get(path, "other"), entry[1]]
        manifest["shards"] = shards
        manifest["entries"] = sorted({*os.listdir(fresh), MARKER})  # what this build put at the top of the site
        (fresh / MARKER).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
        swap.swap(fresh, out)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    return found, records


def _digest(path: Path) -> str:
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def _manifest(source: Path, parts: tuple[str, ...], per_document: bool) -> dict:
    """What a build is made from, by content hash: the sources, the stylesheets, the toolkit and the options.

    A build records it in ``.edition-build``; a build whose manifest is the same as the site's has nothing to do.
    """
    from . import __version__

    stylesheets = hashlib.sha256()
    for path in sorted(xslt_dir().iterdir()):
        if path.is_file():
            stylesheets.update(path.name.encode() + b"\0" + path.read_bytes())
    return {
        "edition": __version__,
        "stylesheets": stylesheets.hexdigest(),
        "parts": sorted(parts),
        "per_document": per_document,
        "sources": {str(p.resolve()): ["?", _digest(p)] for p in source_files(source)[0]},
    }


def _read_manifest(path: Path) -> dict | None:
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # a site from before manifests, or a damaged one: build it anew
    ok = isinstance(manifest, dict) and isinstance(manifest.get("sources"), dict) and all(
        isinstance(v, list) and len(v) == 2 for v in manifest["sources"].values())
    return manifest if ok else None


OPTIONS = ("edition", "stylesheets", "parts", "per_document")


def _same(built: dict, wanted: dict) -> bool:
    """The same sources by content (what each was taken for follows from it), stylesheets and options."""
    def digests(m: dict) -> dict:
        return {path: entry[1] for path, entry in m["sources"].items()}

    return all(built.get(k) == wanted.get(k) for k in OPTIONS) and digests(built) == digests(wanted)


def _changes(built: dict | None, wanted: dict, parts: tuple[str, ...]) -> tuple[list[str], list[str]] | None:
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


def _record_ids(digests: Path) -> dict[str, str]:
    """Record URI -> record id, from a build's digests."""
    if not digests.is_file():
        return {}
    tree = etree.parse(str(digests), etree.XMLParser(resolve_entities=False, no_network=True))
    return {r.get("uri"): r.get("id") for r in tree.getroot()}


def _update_web(publisher: Publisher, found: Sources, out: Path, fresh: Path, update: tuple[list[str], list[str]],
                shards_before: int | None, jobs: int = 1) -> int:
    """Rebuild the web edition of ``out`` in ``fresh``: write the pages of changed and added records and of their
    neighbours, and the pages made from all records; link the other pages from ``out`` (:func:`_carry_over`);
    index again the search bundles of the records changed, added and removed."""
    changed, removed = update
    old_ids = _record_ids(out / DIGESTS)
    gone = {old_ids.get(Path(p).as_uri()) for p in removed} - {None}
    uris = tuple(Path(p).as_uri() for p in changed)
    built = publisher._run(found, fresh, cached=out / DIGESTS, changed=uris, part="changes")
    # the pages of removed records, and of changed records under their old ids (written again if still theirs)
    stale = gone | {old_ids[u] for u in uris if u in old_ids}
    new_ids = _record_ids(fresh / DIGESTS)
    _carry_over(out, fresh, keep=set(new_ids.values()) - stale)
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
    return publisher._finish_web(found, fresh, built)


def _carry_over(out: Path, fresh: Path, keep: set[str]) -> int:
    """Link into ``fresh`` the pages of the records ``keep`` (by id) and the search bundles of the site ``out``,
    where this rebuild did not write them again; returns how many files. Nothing else of ``out`` is carried.

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
            dirs[:] = []
            files = [f for f in files if f.endswith((".html", ".json")) and f.rsplit(".", 1)[0] in keep]
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


def _print_task(task: tuple[Sources, Path, Path, list[str]]) -> tuple[int, int]:
    """The PDFs of a part's records, in a worker process: (their pages, the number of records)."""
    found, folder, digests, ids = task
    return _worker_publisher().print_records(found, folder, ids, digests), len(ids)


#: Records per run of the print stylesheet when it writes one PDF per record.
PRINT_BATCH = 100
#: Runs of the print stylesheet (parts) per worker process, which is then replaced by a new one: laying out
#: documents, WeasyPrint keeps about 0.1 MB each, so a process that laid out thousands would hold gigabytes.
PRINT_RUNS_PER_PROCESS = 5


def print_each(publisher: Publisher, found: Sources, folder: Path, jobs: int = 1, digests: Path | None = None) -> int:
    """One PDF per record in ``folder``; with ``jobs`` > 1, in that many processes (each compiles once).

    The records are laid out in parts, each part's books written by one run of the stylesheet from a slice of the
    records' digests (:func:`_slices`): those of the web part of the same build (``digests``), or made here once.
    """
    if digests is None:
        with _Runs(publisher, jobs) as runs:
            _digests(runs, found, folder, _part_size(len(found.records), jobs, BATCH))
    progress = Progress("per-record PDFs", len(found.records))
    parts = _slices(digests or folder / DIGESTS, _part_size(len(found.records), jobs, PRINT_BATCH),
                    prefix=".print-digests-")
    if digests is None:
        (folder / DIGESTS).unlink()
    pages = 0
    try:
        if len(parts) < 2:
            for path, ids in parts:
                pages += publisher.print_records(found, folder, ids, path)
                progress.advance(len(ids))
        else:  # in worker processes, even with one job: each is replaced after PRINT_RUNS_PER_PROCESS parts
            light = Sources(persons=found.persons, edition=found.edition)  # the workers read the records by digest
            # spawn, not fork: Saxon's native runtime, already started in this process, does not survive a fork.
            # multiprocessing.Pool, not ProcessPoolExecutor: the latter's max_tasks_per_child can hang (Python 3.11).
            context = multiprocessing.get_context("spawn")
            with context.Pool(max(1, jobs), initializer=signals.quiet_worker,
                              maxtasksperchild=PRINT_RUNS_PER_PROCESS) as pool:
                tasks = [(light, folder, path, ids) for path, ids in parts]
                for made, count in pool.imap_unordered(_print_task, tasks):
                    pages += made
                    progress.advance(count)
    finally:
        for path, _ in parts:
            path.unlink(missing_ok=True)
    progress.finish()
    return pages
