"""Validate TEI files: well-formedness, RELAX NG (or another project's XML Schema), Schematron and the rules across
documents, in one run.

Schemas are compiled once per :class:`Validator`. Files are read safely (:mod:`edition.xmlfiles`). Each problem names
the file, the line and column of the element or attribute concerned, the rule and a message; the formats for
people and CI are in :mod:`edition.validate.formats`.

The rules across documents (pointers into the personography, identifiers unique in the corpus) are Schematron rules
of the edition's ODD that read parameters: :mod:`edition.validate.corpus` computes them from all the files of the
run, with the personography of each directory added as context when it was not named.
"""

from __future__ import annotations

import multiprocessing
import os
import tempfile
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from lxml import etree

from .. import signals
from ..progress import Progress
from ..resources import schema_dir
from ..xmlfiles import (
    Included,
    Locator,
    Problem,
    include_target,
    load,
    resolve_includes,
    too_deep,
    with_includes,
    without_external_dtd,
)
from . import jing
from .corpus import Index
from .relaxng import RelaxNG
from .result import Result
from .schematron import Schematron, compile_schematron, svrl_problems
from .schematron_saxon import SaxonSchematron, embedded
from .xsd import XmlSchema


class Validator:
    """Compiled schemas, reused for every file of every run."""

    def __init__(self, rng: Path | None = None, schematron: Path | None = None, corpus: bool = False,
                 xsd: Path | None = None):
        self.schemas = (rng, schematron, corpus, xsd)  # to compile the same in worker processes
        here = schema_dir()
        own = rng is None and schematron is None and xsd is None
        closed: dict[tuple[str, str], tuple[str, ...]] = {}
        if own:  # the ODD's closed value lists, to say which values an invalid attribute could have had
            from .odd import read_odd  # here: `python -m edition.validate.odd` imports this package first

            for change in read_odd(etree.parse(str(here / "edition.odd")))[1]:
                if change.values:
                    closed["*" if change.is_class else change.owner, change.name] = change.values
        # another project's RELAX NG by jing where Java is (a second for tei_all.rng), else by libxml2
        self.jing = jing.command() if rng is not None else None
        self.rng = RelaxNG(rng or here / "edition.rng", closed) if (rng or own) and not self.jing else None
        self.schematron = compile_schematron(schematron or here / "edition.sch") if (schematron or own) else None
        self.xsd = XmlSchema(xsd) if xsd is not None else None
        for carrier in (rng, xsd):  # the Schematron an RNG made from an ODD, or an XML Schema, carries
            if self.schematron is None and carrier is not None:
                carried = embedded(carrier)
                self.schematron = SaxonSchematron(carried, f"{carrier} (its Schematron)", carrier.parent) \
                    if carried is not None else None
        # The rules across documents (unique ids, pointers to the personography) are the edition's: beside another
        # project's schemas they run only when asked (``--corpus``), as other projects' files are documents apart.
        self.corpus = Schematron(here / "edition.sch", phase="corpus") if (corpus and not own) else None

    def run(self, files: Iterable[Path], context: Iterable[Path] = (), jobs: int = 1,
            progress: bool = False) -> Result:
        """Two passes: the first reads every file for the identifiers of the corpus, the second validates each
        file with them. No tree is kept between the passes, so memory follows the largest file, not the corpus.
        With ``jobs`` > 1 the second pass runs in that many processes, each with its own compiled schemas."""
        result = Result()
        index = Index()
        readable: list[str] = []
        todo = [(p, False) for p in files] + [(p, True) for p in context]
        reading = Progress("reading", len(todo), enabled=progress)
        with tempfile.TemporaryDirectory(prefix="edition-validate-") as tmp:
            for_jing: dict[str, Path] = {}  # a file whose includes jing reads written in (with_includes)
            included: dict[str, list[Included]] = {}  # where their contents stand in those copies
            parts: set[Path] = set()  # the files other files include, validated where they are included
            fragments: dict[Path, str] = {}  # the files whose root is no TEI document (surface, taxonomy ...)
            for path, is_context in todo:
                reading.advance()
                name = str(path)
                (result.context if is_context else result.files).append(name)
                tree, problems = load(path)
                record: list = []
                if tree is not None:
                    problems += resolve_includes(path, tree, project_of(path), record=record)
                if not is_context:
                    result.problems.extend(problems)
                    deep = too_deep(name, tree) if tree is not None else None
                    result.problems.extend([deep] if deep else [])
                if tree is not None:
                    index.add(name, tree, [inc.get("href") for inc, content in record if content is not None])
                    parts.update(target.resolve() for inc, content in record if not isinstance(content, (str,
                                 type(None))) and (target := include_target(path, inc.get("href", ""))))
                    if not is_context and etree.QName(tree.getroot()).localname not in ("TEI", "teiCorpus"):
                        fragments[path.resolve()] = name
                    if not is_context:
                        readable.append(name)
                        if (record or tree.docinfo.system_url) and self.jing:
                            # (jing would load the DTD a DOCTYPE names: it reads a copy without it)
                            copy = with_includes(without_external_dtd(path.read_bytes()), tree.docinfo.encoding,
                                                 record, places := [], path)
                            if copy is not None:
                                for_jing[name] = Path(tmp) / f"{len(for_jing)}-{path.name}"
                                for_jing[name].write_bytes(copy)
                                included[name] = places
                del tree
            reading.finish()
            # a part of a document (a surface, a taxonomy, a list of persons another file includes) is no document
            # of its own: it is validated where it is included, never alone against a schema of whole documents
            result.parts = sorted(name for path, name in fragments.items() if path in parts)
            readable = [name for name in readable if name not in set(result.parts)]
            if self.jing:  # all the files in a few runs of jing, then the Schematron of each
                result.problems.extend(jing.problems(self.jing, self.schemas[0], readable, for_jing, included))
        checking = Progress("validating", len(readable), enabled=progress)
        # (Saxon, which runs an XSLT 2.0/3.0 Schematron, is not to be forked: those schemas run in this process)
        if jobs > 1 and len(readable) >= 2 * MIN_PER_JOB and not isinstance(self.schematron, SaxonSchematron):
            result.problems.extend(self._parallel(readable, index, jobs, checking))
        else:
            for name in readable:
                result.problems.extend(self.check_files([name], index))
                checking.advance()
        checking.finish()
        result.problems.sort()
        return result

    def check_files(self, names: list[str], index: Index) -> list[Problem]:
        """The second pass for some files: RELAX NG and Schematron with the corpus's parameters."""
        found: list[Problem] = []
        for name in names:
            tree, problems = load(Path(name))
            if tree is None:  # changed between the passes
                found.extend(problems)
                continue
            resolve_includes(Path(name), tree, project_of(Path(name)))  # (its problems: said in the first pass)
            found.extend(self._check(name, tree, Locator(Path(name), tree.docinfo.encoding), index.params(tree)))
        return found

    def _parallel(self, names: list[str], index: Index, jobs: int, progress: Progress) -> list[Problem]:
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
        if self.rng is not None:
            yield from self.rng.problems(name, tree, locator)
        if self.xsd is not None:
            yield from self.xsd.problems(name, tree, locator)
        for schematron in (self.schematron, self.corpus):
            if schematron is not None:
                yield from svrl_problems(name, schematron(tree, locator, params))


MIN_PER_JOB = 25  # fewer files than this per process cost more to hand out than to check


def project_of(path: Path) -> Path:
    """The folder an XInclude of ``path`` may read from: the current folder (the project being validated) where
    the file lies in it, else the file's own folder."""
    here, real = Path.cwd().resolve(), path.resolve()
    return here if real.is_relative_to(here) else real.parent

_WORKER: tuple[Validator, Index] | None = None


def _start_worker(schemas: tuple[Path | None, Path | None, bool, Path | None], index: Index) -> None:
    global _WORKER
    signals.quiet_worker()
    _WORKER = (Validator(*schemas), index)


def _worker_check(names: list[str]) -> list[Problem]:
    validator, index = _WORKER
    return validator.check_files(names, index)


def default_jobs() -> int:
    """The processors this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
