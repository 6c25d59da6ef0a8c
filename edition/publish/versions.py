"""What changed in each record from one version of the edition to the next.

The edition's version is its description's (``editionStmt/edition/@n`` in ``edition.xml``). Each web build records,
in the site's ``versions.json``, the content hash of every record under the version it builds, after those of the
earlier versions it finds in the site it replaces; the page ``changes.html`` (html.xsl) lists, for each version,
the records added, changed and removed since the one before, so that a citation of an older version can be
checked. The history travels with the published site: a site built afresh into an empty folder begins it again."""

from __future__ import annotations

import json
from pathlib import Path

from lxml import etree

from ..conventions import TEI_NS, XML_ID, record_name
from ..xmlfiles import pull_parser
from .sources import Sources

T = f"{{{TEI_NS}}}"
VERSIONS = "versions.json"


def edition_version(found: Sources) -> tuple[str, str] | None:
    """The edition's version and its date, where its description gives a version."""
    if found.edition is None:
        return None
    root = etree.parse(str(found.edition), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    edition = root.find(f".//{T}editionStmt/{T}edition")
    if edition is None or not edition.get("n"):
        return None
    date = edition.find(f".//{T}date")
    if date is None:
        return edition.get("n"), ""
    return edition.get("n"), date.get("when") or " ".join("".join(date.itertext()).split())


def ids_of_files(records: list[Path], known: dict[Path, str] | None = None) -> dict[str, Path]:
    """Each record's id (its root's xml:id without "rec-", else its file name), read from its start tag alone;
    ``known``: the ids of files unchanged since a build that read them (the manifest's), not read again."""
    ids = {}
    for path in records:
        if known and path in known:
            ids[known[path]] = path
            continue
        # the file fed a little at a time, until its root's start tag is read (iterparse would read more)
        parser = pull_parser(events=("start",))
        root = None
        with open(path, "rb") as f:
            while root is None and (chunk := f.read(4096)):
                parser.feed(chunk)
                root = next((element for _event, element in parser.read_events()), None)
        ids[record_name(root.get(XML_ID) if root is not None else None, path.stem)] = path
    return ids


def record_versions(found: Sources, old_site: Path, fresh: Path, digests: dict[Path, str],
                    ids: dict[str, Path]) -> Path | None:
    """Write ``fresh/versions.json``: the versions recorded in ``old_site`` and this one (replacing an entry of
    the same version: a version still being made). ``digests``: each record file's content hash, as the build's
    manifest has it; ``ids``: each record's id (:func:`ids_of_files`). None when the edition has no version."""
    version = edition_version(found)
    if version is None:
        return None
    try:
        history = json.loads((old_site / VERSIONS).read_text(encoding="utf-8"))["versions"]
    except (OSError, ValueError, KeyError, TypeError):
        history = []  # no site before, or not one of ours: the history begins here
    hashes = {rid: digests[path] for rid, path in sorted(ids.items())}
    entry = {"version": version[0], "date": version[1], "records": hashes}
    history = [h for h in history if isinstance(h, dict) and h.get("version") != version[0]] + [entry]
    path = fresh / VERSIONS
    path.write_text(json.dumps({"versions": history}, indent=1, sort_keys=True), encoding="utf-8")
    return path
