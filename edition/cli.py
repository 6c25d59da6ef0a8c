"""The ``edition`` command: a thin click layer over the library (each command calls one library function)."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from lxml import etree

from . import __version__
from .encode import TranscriptError, combine, encode_file, write
from .persons import Registry


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
def encode(transcripts: tuple[Path, ...], out_dir: Path, force: bool, persons_file: Path | None,
           edition_file: Path | None, quiet: bool) -> None:
    """Encode plain-text TRANSCRIPTS as TEI P5, one document per conversation.

    Example: edition encode tei/source/memcons-1991-02-23.txt --out /tmp/tei
    """
    failed = False
    registry = Registry.load(persons_file)
    taken: list[str] = []
    results = []
    for path in transcripts:
        try:
            result = encode_file(path, registry, edition=edition_file, taken=taken)
        except (TranscriptError, OSError, ValueError, etree.XMLSyntaxError) as e:
            click.echo(f"error: {e}", err=True)
            failed = True
            continue
        except Exception as e:  # noqa: BLE001 - the user gets a message, never a traceback
            click.echo(f"error: {path}: could not be encoded ({type(e).__name__}: {e})", err=True)
            failed = True
            continue
        results.append(result)
        for message in result.report.messages:
            if message.severity != "info" or not quiet:
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
    sys.exit(1 if failed else 0)
