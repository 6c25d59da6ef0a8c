"""The whole edition as one package for download (edition-data.zip, linked from data.html): every TEI file of the
site (the records, records/ID.xml, and the personography and description where the sources have them), each
record's plain text, the records' metadata (records.json), and a README naming the edition, its version and its
licence. Made from what the web build wrote, so the package and the site agree."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from ..conventions import TEI_NS
from .sources import Sources

T = f"{{{TEI_NS}}}"
PACKAGE = "edition-data.zip"
#: Fixed timestamps, so that the same edition gives the same package.
STAMP = (2000, 1, 1, 0, 0, 0)


def write_package(found: Sources, out: Path) -> None:
    members: list[tuple[str, bytes]] = []
    for path in sorted((out / "records").glob("*.xml")) + sorted((out / "records").glob("*.txt")):
        members.append((f"records/{path.name}", path.read_bytes()))
    for name, path in (("persons.xml", found.persons), ("edition.xml", found.edition)):
        if path is not None:
            members.append((name, path.read_bytes()))
    if (out / "records.json").is_file():
        members.append(("records.json", (out / "records.json").read_bytes()))
    members.insert(0, ("README.txt", readme(found).encode("utf-8")))
    with zipfile.ZipFile(out / PACKAGE, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)


def readme(found: Sources) -> str:
    """What the package holds, and on what terms (the edition's description, where there is one)."""
    title, version, licence = "The edition", "", ""
    if found.edition is not None:
        root = etree.parse(str(found.edition), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
        title = " ".join(root.findtext(f".//{T}titleStmt/{T}title", default=title).split())
        edition = root.find(f".//{T}editionStmt/{T}edition")
        if edition is not None:
            version = " ".join("".join(edition.itertext()).split())
        node = root.find(f".//{T}publicationStmt//{T}licence")
        if node is not None:
            licence = " ".join(" ".join(node.itertext()).split()) + (f" ({node.get('target')})" if node.get("target")
                                                                     else "")
    lines = [title, version, "",
             "records/ID.xml   each record's TEI P5 source, as the edition publishes it",
             "records/ID.txt   each record's reading text",
             "records.json     each record's id, title, date, kind, translators and addresses",
             "persons.xml      the personography (where the edition has one)",
             "edition.xml      the edition's description (where it has one)", "",
             "Licence: " + (licence or "see each record's TEI header (publicationStmt/availability)."), ""]
    return "\n".join(line for k, line in enumerate(lines) if line or k > 1)
