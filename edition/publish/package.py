"""The whole edition as one package for download (edition-data.zip, linked from data.html): every TEI file of the
site (the records, records/ID.xml, and the personography and description where the sources have them), each
record's plain text, the records' metadata (records.json), and a README naming the edition, its version and its
licence. Made from what the web build wrote, so the package and the site agree.

A rebuild takes each member whose bytes are unchanged from the package it replaces as it was compressed there (the
same bytes that compressing it again would give), so that one changed record does not cost compressing them all."""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from lxml import etree

from ..conventions import TEI_NS
from .sources import Sources

T = f"{{{TEI_NS}}}"
PACKAGE = "edition-data.zip"
#: Fixed timestamps, so that the same edition gives the same package.
STAMP = (2000, 1, 1, 0, 0, 0)


def write_package(found: Sources, out: Path, previous: Path | None = None) -> None:
    """Write the package into ``out``; ``previous``: the package of the site this build replaces, if any."""
    members: list[tuple[str, bytes]] = []
    for path in sorted((out / "records").glob("*.xml")) + sorted((out / "records").glob("*.txt")):
        members.append((f"records/{path.name}", path.read_bytes()))
    for name, path in (("persons.xml", found.persons), ("edition.xml", found.edition)):
        if path is not None:
            members.append((name, path.read_bytes()))
    if (out / "records.json").is_file():
        members.append(("records.json", (out / "records.json").read_bytes()))
    members.insert(0, ("README.txt", readme(found).encode("utf-8")))
    with _reused(previous) as compressed, zipfile.ZipFile(out / PACKAGE, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            raw = compressed(name, data)
            if raw is None:
                z.writestr(info, data)
            else:
                _write_compressed(z, info, data, raw)


@contextmanager
def _reused(path: Path | None) -> Iterator[Callable[[str, bytes], bytes | None]]:
    """The members of a previous package, as compressed there: the function given gives a member's compressed
    bytes when its content is exactly ``data`` (compared whole, not by checksum), else None."""
    try:
        old = zipfile.ZipFile(path) if path is not None and path.is_file() else None
    except (OSError, zipfile.BadZipFile):
        old = None  # a damaged package is written anew
    if old is None:
        yield lambda name, data: None
        return
    with old, open(path, "rb") as f:
        def compressed(name: str, data: bytes) -> bytes | None:
            info = old.NameToInfo.get(name)
            if info is None or info.compress_type != zipfile.ZIP_DEFLATED or info.file_size != len(data) \
                    or zlib.crc32(data) != info.CRC or info.flag_bits & 0x08:
                return None
            f.seek(info.header_offset)  # the member's bytes follow its local header
            header = f.read(zipfile.sizeFileHeader)
            f.seek(int.from_bytes(header[26:28], "little") + int.from_bytes(header[28:30], "little"), 1)
            raw = f.read(info.compress_size)
            try:
                return raw if zlib.decompress(raw, -15) == data else None
            except zlib.error:
                return None

        yield compressed


def _write_compressed(z: zipfile.ZipFile, info: zipfile.ZipInfo, data: bytes, raw: bytes) -> None:
    """Add a member already compressed (``raw``: the deflated ``data``), as :meth:`ZipFile.writestr` would write it
    (a local header with the sizes and checksum, then the bytes; no data descriptor on a seekable file)."""
    info.CRC, info.file_size, info.compress_size, info.flag_bits = zlib.crc32(data), len(data), len(raw), 0
    z.fp.seek(z.start_dir)
    info.header_offset = z.start_dir
    z.fp.write(info.FileHeader(zip64=False))
    z.fp.write(raw)
    z.filelist.append(info)
    z.NameToInfo[info.filename] = info
    z.start_dir = z.fp.tell()
    z._didModify = True


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
