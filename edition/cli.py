"""The ``edition`` command: a thin click layer over the library (each command calls one library function)."""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import click
from lxml import etree

from . import __version__, publish, signals
from .conventions import TRACKED_CHANGES
from .validate import FORMATS, SchemaError, Validator, collect, default_jobs, summary


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="edition")
def main() -> None:
    """Encode, validate and publish TEI P5 digital editions."""


@main.command()
@click.argument("transcripts", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path),
              help="Directory for the TEI files (one per conversation, plus persons.xml). Created if missing.")
@click.option("--force", is_flag=True, help="Overwrite files that already exist in the output directory.")
@click.option("--persons", "persons_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A registry of persons (TSV, as edition/data/persons.tsv) to resolve names against.")
@click.option("--edition", "edition_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The edition's description (TEI); its publicationStmt is copied into every record.")
@click.option("--quiet", "-q", is_flag=True, help="Print only warnings, not the files written.")
@click.option("--report", "report_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Write what was recognised in each transcript, and on what evidence, with line numbers, here "
                   "(FILE.html: the transcript and the findings side by side).")
@click.option("--profile", "profile_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The corpus's own conventions (TOML: heading words, speaker labels, bracket meanings, roles).")
@click.option("--changes", type=click.Choice(TRACKED_CHANGES), default="keep", show_default=True,
              help="A Word or OpenDocument file's tracked changes: kept as add and del, or all accepted or "
                   "rejected (said in the header).")
def encode(transcripts: tuple[Path, ...], out_dir: Path, force: bool, persons_file: Path | None,
           edition_file: Path | None, quiet: bool, report_file: Path | None, profile_file: Path | None,
           changes: str) -> None:
    """Encode TRANSCRIPTS as TEI P5, one document per record: plain text, Word (.docx), OpenDocument (.odt) or
    saved web pages (.html), recognised by their content.

    Example: edition encode tei/source/memcons-1991-02-23.txt --out /tmp/tei
    """
    # (imported here, not at the top: the other commands, an edition's rebuild above all, start without it)
    from .encode import (
        Registry,
        TranscriptError,
        combine,
        encode_file,
        encoding_report,
        encoding_report_page,
        load_profile,
        write,
    )

    failed = False
    try:
        profile = load_profile(profile_file) if profile_file else None
    except TranscriptError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(2)
    registry = Registry.load(persons_file)
    taken: list[str] = []
    results = []
    for path in transcripts:
        try:
            result = encode_file(path, registry, edition=edition_file, taken=taken, profile=profile,
                                 changes=changes)
        except (TranscriptError, OSError, ValueError, etree.XMLSyntaxError) as e:
            click.echo(f"error: {e}", err=True)
            failed = True
            continue
        except Exception as e:  # noqa: BLE001 - the user gets a message, never a traceback
            click.echo(f"error: {path}: could not be encoded ({type(e).__name__}: {e})", err=True)
            failed = True
            continue
        results.append(result)
        for message in result.report.messages:  # what was found goes to --report only
            if message.severity in ("warning", "error") or (message.severity == "info" and not quiet):
                click.echo(str(message), err=True)
        n = len(result.documents)
        click.echo(f"{path}: {n} record{'s' if n != 1 else ''}, "
                   f"{sum(len(d.record.turns) for d in result.documents)} speaker turns, "
                   f"{len(result.report.of('warning'))} warnings", err=True)
    if results:
        try:
            written = write(combine(results, registry), out_dir, force=force)
        except OSError as e:  # a file in the way (FileExistsError), or a folder we may not write to
            click.echo(f"error: {e}", err=True)
            sys.exit(1)
        if not quiet:
            for p in written:
                click.echo(str(p))
    if report_file and results:
        try:
            page = report_file.suffix.lower() in (".html", ".htm")  # the side-by-side view
            report_file.write_text((encoding_report_page if page else encoding_report)(results), encoding="utf-8")
        except OSError as e:
            click.echo(f"error: {report_file}: the report cannot be written ({e.strerror or e})", err=True)
            sys.exit(1)
    sys.exit(1 if failed else 0)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="text", show_default=True,
              help="text: path:line:column: severity: [rule] message; json; junit (JUnit XML for CI test "
                   "reports); github (annotations for GitHub Actions).")
@click.option("--rng", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Validate against this RELAX NG schema instead of the edition's (and the Schematron it carries, "
                   "if it carries any and --schematron is not given).")
@click.option("--xsd", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Validate against this W3C XML Schema (1.0, or 1.1 where it says so) instead of the edition's "
                   "(and the Schematron it carries, if it carries any and --schematron is not given).")
@click.option("--schematron", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Validate against this ISO Schematron schema instead of the edition's (query binding XPath 1.0, "
                   "EXSLT, XSLT 2.0 or 3.0).")
@click.option("--corpus", is_flag=True,
              help="With --rng, --xsd or --schematron: also apply the edition's rules across documents (unique ids, "
                   "pointers to the personography), as to one corpus.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the report to this file instead of standard output.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Processes to validate with (default: the processors available).")
def validate(paths: tuple[Path, ...], fmt: str, rng: Path | None, xsd: Path | None, schematron: Path | None,
             corpus: bool, output: Path | None, jobs: int | None) -> None:
    """Validate TEI files or directories (default: tei/) with RELAX NG, Schematron and the rules across documents.

    Exit status: 0 valid (warnings allowed), 1 a file is invalid or unreadable, 2 usage error.

    Example: edition validate tei/ --format github
    """
    paths = paths or (Path("tei"),)
    if not all(p.exists() for p in paths):
        raise click.UsageError(f"no such directory: {paths[0]} (name the files or directories to validate)")
    if output and not output.resolve().parent.is_dir():
        click.echo(f"error: {output}: the report cannot be written (no such folder: {output.parent})", err=True)
        sys.exit(2)
    files, context = collect(paths)
    if not files:
        raise click.UsageError(f"no .xml files in {', '.join(map(str, paths))}")
    try:
        validator = Validator(rng=rng, schematron=schematron, corpus=corpus, xsd=xsd)
    except SchemaError as e:
        raise click.UsageError(str(e)) from None
    try:
        with signals.terminate_as_interrupt():
            result = validator.run(files, context, jobs=jobs or default_jobs(), progress=True)
    except KeyboardInterrupt:
        click.echo("error: validation was interrupted", err=True)
        sys.exit(130)
    except SchemaError as e:  # (a schema jing cannot read shows when it runs)
        raise click.UsageError(str(e)) from None
    except Exception as e:  # noqa: BLE001 - the user gets a message, never a traceback
        click.echo(f"error: validation stopped ({type(e).__name__}: {e})", err=True)
        sys.exit(1)
    report = FORMATS[fmt](result)
    if output:
        try:
            output.write_text(report, encoding="utf-8")
        except OSError as e:
            click.echo(f"error: {output}: the report cannot be written ({e.strerror or e})", err=True)
            sys.exit(2)
    else:
        click.echo(report, nl=False)
    click.echo(summary(result), err=True)
    sys.exit(0 if result.ok else 1)


def _base_url(value: str | None) -> str | None:
    """An http(s) address with a host, ending in a slash; anything else is a usage error."""
    if value is None:
        return None
    if not re.fullmatch(r"https?://[^/\s?#]+(/[^\s?#]*)?", value):
        raise click.BadParameter(f"{value!r} is not an http(s) address such as https://example.org/edition/")
    return value if value.endswith("/") else value + "/"


def _source(source: Path | None) -> Path:
    source = source or Path("tei")
    if not source.exists():
        raise click.UsageError(f"no such directory: {source} (name the folder of TEI files to publish)")
    return source


@contextlib.contextmanager
def _one_line_errors(out_dir: Path) -> Iterator[None]:
    """A build whose failure, or interruption (Ctrl-C, a TERM signal), is one line and a non-zero exit."""
    try:
        with signals.terminate_as_interrupt():
            yield
    except KeyboardInterrupt:
        click.echo(f"error: the build was interrupted; {out_dir} is unchanged", err=True)
        sys.exit(130)
    except publish.BuildError as e:
        click.echo(str(e) if e.located else f"error: {e}", err=True)
        sys.exit(1)
    except Exception as e:  # noqa: BLE001 - the user gets a message, never a traceback
        click.echo(f"error: the build failed ({type(e).__name__}: {e}); {out_dir} is unchanged", err=True)
        sys.exit(1)


def _read_options(source: Path, base_url: str | None, theme: Path | None, per_document: bool, dts: bool) -> dict:
    """The options of a build, those given on the command line over those of ``edition.toml`` (read now: a
    preview reads them again at each rebuild); a bad setting is a :class:`publish.BuildError`."""
    settings, where = publish.config(source)  # edition.toml: the defaults of these options
    try:
        if base_url is None and "base-url" in settings:
            base_url = _base_url(settings["base-url"])
        link_base = _base_url(settings.get("link-base"))  # (an address, as base-url is)
    except click.BadParameter as e:
        raise publish.BuildError(f"{where}: {e.message}") from None
    if theme is None and "theme" in settings:
        theme = where.parent / settings["theme"]
    return dict(base_url=base_url, theme=publish.Theme.read(theme) if theme is not None else None,
                per_document=per_document or bool(settings.get("per-document")),
                dts=dts or bool(settings.get("dts")), conventions=settings.get("conventions"), link_base=link_base)


def _build_options(source: Path, base_url: str | None, theme: Path | None, per_document: bool, dts: bool) -> dict:
    """:func:`_read_options`, a bad setting one line and exit 1."""
    try:
        return _read_options(source, base_url, theme, per_document, dts)
    except publish.BuildError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(1)


@main.command()
@click.argument("source", required=False, type=click.Path(exists=True, path_type=Path), default=None)
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("build"),
              show_default=True, help="The folder of the edition; replaced as a whole when the build succeeds.")
@click.option("--only", type=click.Choice(["web", "print", "per-document"]),
              help="Build one part: the web site, the print edition (edition.pdf), or one PDF per record (print/).")
@click.option("--per-document", is_flag=True,
              help="With the print edition, also write one PDF per record, in DIR/print/.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Processes that share the work (default: the processors available).")
@click.option("--split", metavar="TYPE",
              help="Publish a file of many documents as a page per div of this @type (default: 'document', where a "
                   "file has two or more); 'none' keeps every file one page.")
@click.option("--base-url", metavar="URL", callback=lambda ctx, param, value: _base_url(value),
              help="The address the edition is published at (default: publicationStmt/idno[@type='URL'] of "
                   "tei/edition.xml): citations, meta tags and the PDF's links are absolute.")
@click.option("--theme", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="A folder with the edition's own edition.css, print.css, logo.svg or logo.png, and html.xsl or "
                   "print.xsl overrides (default: 'theme' in edition.toml).")
@click.option("--dts", is_flag=True,
              help="With the web edition, a static DTS API (Distributed Text Services 1.0, Level 0) in DIR/dts/ "
                   "(default: 'dts' in edition.toml).")
@click.option("--max-record-size", type=click.IntRange(min=1), default=publish.MAX_SIZE // 2**20, show_default=True,
              help="The largest source file to build, in MB: memory grows with the largest record.")
def build(source: Path | None, out_dir: Path, only: str | None, per_document: bool, jobs: int | None,
          split: str | None, base_url: str | None, theme: Path | None, dts: bool, max_record_size: int) -> None:
    """Publish the TEI in SOURCE (default: tei/) as a web edition and a print edition (DIR/edition.pdf).

    Example: edition build tei/ --out build/
    """
    source = _source(source)
    parts = (only,) if only else ("web", "print")
    options = _build_options(source, base_url, theme, per_document, dts)
    dts = options["dts"]
    with _one_line_errors(out_dir):
        found, records = publish.build(source, out_dir, parts=parts, jobs=jobs or default_jobs(),
                                       max_size=max_record_size * 2**20, split=split, **options)
    if dts and "web" not in parts:
        click.echo("warning: no DTS API was written: it is part of the web edition, which this build leaves out",
                   err=True)
    for skipped in found.skipped:
        click.echo(f"warning: skipped {skipped}", err=True)
    for note in found.notes:
        click.echo(f"note: {note}", err=True)
    for unresolved in found.unresolved:
        click.echo(f"warning: {unresolved}; the page says where it would include", err=True)
    if found.unknown:
        click.echo(f"warning: {len(found.unknown)} elements have no rendering of their own and are shown only by their "
                   f"text: {', '.join(found.unknown)}", err=True)
    made = [what for what, part in (("web edition", "web"), ("print edition (edition.pdf)", "print"),
                                    ("PDFs of each record (print/)", "per-document")) if part in parts]
    if found.up_to_date:
        click.echo(f"{out_dir}: up to date ({' and '.join(made)} of {records} records, built from these very files)",
                   err=True)
    else:
        click.echo(f"{out_dir}: {' and '.join(made)} of {records} records", err=True)


@main.command()
@click.argument("source", required=False, type=click.Path(exists=True, path_type=Path), default=None)
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("build"),
              show_default=True, help="The folder of the web edition, built and served.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="The address to listen on: this machine alone, unless told otherwise (0.0.0.0: every network).")
@click.option("--port", type=click.IntRange(min=0, max=65535), default=8000, show_default=True,
              help="The port to listen on (0: any free port).")
@click.option("--theme", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="A folder with the edition's own look, as for build (default: 'theme' in edition.toml).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Processes that share the work (default: the processors available).")
def serve(source: Path | None, out_dir: Path, host: str, port: int, theme: Path | None, jobs: int | None) -> None:
    """Build the web edition of SOURCE (default: tei/), serve it at http://localhost:8000/ and build it again
    whenever a source, edition.toml or the theme changes; an open page reloads itself. Ctrl-C stops.

    Example: edition serve tei/ --out build/
    """
    from .serve import Preview, snapshot  # (the server's modules only when they serve)

    source = _source(source)
    options = _build_options(source, None, theme, False, False)

    serving: list = []  # the preview, once it serves: told when a rebuilt site is in place

    def rebuild() -> str:  # (edition.toml and the theme read again: they may have changed too)
        options.update(_read_options(source, None, theme, False, False), per_document=False)
        found, records = publish.build(source, out_dir, parts=("web",), jobs=jobs or default_jobs(),
                                       in_place=lambda: serving and serving[0].in_place(), **options)
        return f"{records} records" + (" (up to date)" if found.up_to_date else "")

    watched = [source] + ([options["theme"].folder] if options["theme"] is not None else [])
    folder = source if source.is_dir() else source.parent
    settings = [folder / "edition.toml", folder.parent / "edition.toml"]
    built_from = snapshot(watched, settings)
    with _one_line_errors(out_dir):
        click.echo(f"{out_dir}: web edition of {rebuild()}", err=True)
    try:
        preview = Preview(out_dir, rebuild, watched, settings, host=host, port=port, built_from=built_from,
                          say=lambda line: click.echo(line, err=True))
    except OSError as e:
        click.echo(f"error: cannot listen on {host}:{port}: {e.strerror}", err=True)
        sys.exit(1)
    serving.append(preview)
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: listening on {host}: other machines can read the edition", err=True)
    click.echo(f"serving {out_dir} at {preview.address} (watching {', '.join(map(str, watched))}; Ctrl-C stops)",
               err=True)
    try:
        with signals.terminate_as_interrupt():
            preview.serve()
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
