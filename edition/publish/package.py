"""The whole edition as one package for download (edition-data.zip, linked from data.html): every TEI file of the
site (the records, records/ID.xml, and the personography and description where the sources have them), each
record's plain text, the records' metadata (records.json), and a README naming the edition, its version and its
licence. Made from what the web build wrote, so the package and the site agree.

A rebuild takes each member whose bytes are unchanged from the package it replaces as it was compressed there (the
same bytes that compressing it again would give), so that one changed record does not cost compressing them all,
nor reading them all (:class:`_Previous`)."""

from __future__ import annotations

import os
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from ..conventions import TEI_NS
from .sources import Sources

T = f"{{{TEI_NS}}}"
PACKAGE = "edition-data.zip"
#: Fixed timestamps, so that the same edition gives the same package.
STAMP = (2000, 1, 1, 0, 0, 0)


def write_package(found: Sources, out: Path, previous: Path | None = None, carrying: bool = False) -> None:
    """Write the package into ``out``; ``previous``: the package of the site this build replaces, if any.
    ``carrying``: that site's files that this build keeps as they are are being linked into ``out`` meanwhile: a
    file ``out`` does not have yet is taken from there."""
    with _Previous(previous) as old, zipfile.ZipFile(out / PACKAGE, "w", compression=zipfile.ZIP_DEFLATED) as z:
        files = dict(old.records) if carrying else {}  # a record's file: its path and inode
        with os.scandir(out / "records") as entries:
            files.update({e.name: (e.path, e.inode()) for e in entries})
        # (name, content or file, the file's inode where it is a record's)
        members: list[tuple[str, str | bytes, int | None]] = [("README.txt", readme(found).encode("utf-8"), None)]
        for suffix in (".xml", ".txt"):
            members += [(f"records/{name}", *files[name]) for name in sorted(files) if name.endswith(suffix)]
        for name, path in (("persons.xml", found.persons), ("edition.xml", found.edition)):
            if path is not None:
                members.append((name, str(path), None))
        sites = (out, previous.parent) if carrying and previous else (out,)
        listing = next((site / "records.json" for site in sites if (site / "records.json").is_file()), None)
        if listing is not None:
            members.append(("records.json", str(listing), None))
        run: list[zipfile.ZipInfo] = []  # members taken from the package before, one after the other there
        for name, source, inode in members:
            if old.same_file(name, inode):  # the very file it was made from
                if run and old.after(run[-1]) is not old.zip.NameToInfo[name]:
                    old.copy(z, run)
                    run = []
                run.append(old.zip.NameToInfo[name])
                continue
            if run:
                old.copy(z, run)
                run = []
            info = _info(name)
            data = source if isinstance(source, bytes) else Path(source).read_bytes()
            raw = old.compressed(name, data)
            if raw is None:
                z.writestr(info, data)
            else:
                _write_compressed(z, info, raw, zlib.crc32(data), len(data))
        if run:
            old.copy(z, run)


def _info(name: str) -> zipfile.ZipInfo:
    """A member's entry: deflated, readable by all, at a fixed time (so that the same edition gives the same
    package)."""
    info = zipfile.ZipInfo(name, STAMP)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


class _Previous:
    """The package of the site a build replaces: its members, as compressed there, are taken again where their
    content is the same (the same bytes that compressing it again would give).

    A record's file that the rebuild carried over from that site (incremental.carry_over: a hard link to the same
    file) is the very file the package was made from, and its member is taken without reading it; any other is
    compared whole, not by checksum."""

    def __init__(self, path: Path | None) -> None:
        self.path, self.zip = path, None
        #: its site's record files, by name: their paths and inodes (read from the folder's entries, no call for
        #: each file)
        self.records: dict[str, tuple[str, int]] = {}
        self._order: list[zipfile.ZipInfo] | None = None
        self._next: dict[int, zipfile.ZipInfo] = {}
        if path is not None and (path.parent / "records").is_dir():
            with os.scandir(path.parent / "records") as entries:
                self.records = {e.name: (e.path, e.inode()) for e in entries}
        try:
            if path is not None and path.is_file():
                self.zip = zipfile.ZipFile(path)
        except (OSError, zipfile.BadZipFile):
            self.zip = None  # a damaged package is written anew

    def __enter__(self) -> _Previous:
        return self

    def __exit__(self, *exc) -> None:
        if self.zip is not None:
            self.zip.close()

    def _info(self, name: str) -> zipfile.ZipInfo | None:
        info = self.zip.NameToInfo.get(name) if self.zip is not None else None
        ok = info is not None and info.compress_type == zipfile.ZIP_DEFLATED and not info.flag_bits & 0x08
        return info if ok else None

    def same_file(self, name: str, inode: int | None) -> bool:
        """Whether the member ``name`` of the new package is a record's file of inode ``inode`` that is the very
        file of the site before that it was made from (the sites are side by side, on one file system)."""
        record = self.records.get(name.removeprefix("records/")) if name.startswith("records/") else None
        return inode is not None and record is not None and record[1] == inode and self._info(name) is not None

    def after(self, info: zipfile.ZipInfo) -> zipfile.ZipInfo | None:
        """The member that follows ``info`` in the package before."""
        if self._order is None:
            self._order = sorted(self.zip.infolist(), key=lambda i: i.header_offset)
            self._next = {id(a): b for a, b in zip(self._order, self._order[1:], strict=False)}
        return self._next.get(id(info))

    def copy(self, z: zipfile.ZipFile, run: list[zipfile.ZipInfo]) -> None:
        """Add to ``z`` the members ``run`` of the package before (one after the other there): their local headers
        and bytes in one piece, as they are, and their entries for the new package's directory."""
        start = run[0].header_offset
        follower = self.after(run[-1])
        end = follower.header_offset if follower is not None else self.zip.start_dir
        f = self.zip.fp
        f.seek(start)
        z.fp.seek(z.start_dir)
        shift = z.start_dir - start
        remaining = end - start
        while remaining:
            chunk = f.read(min(remaining, 1 << 20))
            if not chunk:
                raise OSError("the package before is shorter than its directory says")
            z.fp.write(chunk)
            remaining -= len(chunk)
        for was in run:
            info = _info(was.filename)
            info.CRC, info.file_size, info.compress_size, info.flag_bits = was.CRC, was.file_size, \
                was.compress_size, 0
            info.header_offset = was.header_offset + shift
            z.filelist.append(info)
            z.NameToInfo[info.filename] = info
        z.start_dir = z.fp.tell()
        z._didModify = True

    def _raw(self, info: zipfile.ZipInfo) -> bytes:
        """A member's bytes as compressed there."""
        f = self.zip.fp  # the package's own file, read here directly
        f.seek(info.header_offset)  # the member's bytes follow its local header
        header = f.read(zipfile.sizeFileHeader)
        f.seek(int.from_bytes(header[26:28], "little") + int.from_bytes(header[28:30], "little"), 1)
        return f.read(info.compress_size)

    def compressed(self, name: str, data: bytes) -> bytes | None:
        """A member's compressed bytes when its content is exactly ``data``, else None."""
        info = self._info(name)
        if info is None or info.file_size != len(data) or zlib.crc32(data) != info.CRC:
            return None
        raw = self._raw(info)
        try:
            return raw if zlib.decompress(raw, -15) == data else None
        except zlib.error:
            return None


def _write_compressed(z: zipfile.ZipFile, info: zipfile.ZipInfo, raw: bytes, crc: int, size: int) -> None:
    """Add a member already compressed (``raw``: the deflated content, of checksum ``crc`` and ``size`` bytes), as
    :meth:`ZipFile.writestr` would write it (a local header with the sizes and checksum, then the bytes; no data
    descriptor on a seekable file)."""
    info.CRC, info.file_size, info.compress_size, info.flag_bits = crc, size, len(raw), 0
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
