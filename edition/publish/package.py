"""The whole edition as one package for download (edition-data.zip, linked from data.html): every TEI file of the
site (the records, records/ID.xml, and the personography and description where the sources have them), each
record's plain text, the records' metadata (records.json), and a README naming the edition, its version and its
licence. Made from what the web build wrote, so the package and the site agree.

A rebuild takes each member whose bytes are unchanged from the package it replaces as it was compressed there (the
same bytes that compressing it again would give), so that one changed record does not cost compressing them all,
nor reading them all (:class:`_Previous`)."""

from __future__ import annotations

import os
import struct
import zipfile
import zlib
from pathlib import Path
from typing import NamedTuple

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
        # a record's file: its folder and inode
        files = {name: (old.folder, inode) for name, inode in old.records.items()} if carrying else {}
        here = str(out / "records")
        with os.scandir(here) as entries:
            files.update({e.name: (here, e.inode()) for e in entries})
        # (name, content or file, the file's inode where it is a record's)
        members: list[tuple[str, str | bytes, int | None]] = [("README.txt", readme(found).encode("utf-8"), None)]
        for suffix in (".xml", ".txt"):
            members += [(f"records/{name}", os.path.join(files[name][0], name), files[name][1])
                        for name in sorted(files) if name.endswith(suffix)]
        for name, path in (("persons.xml", found.persons), ("edition.xml", found.edition)):
            if path is not None:
                members.append((name, str(path), None))
        sites = (out, previous.parent) if carrying and previous else (out,)
        listing = next((site / "records.json" for site in sites if (site / "records.json").is_file()), None)
        if listing is not None:
            members.append(("records.json", str(listing), None))
        run: list[_Member] = []  # members taken from the package before, one after the other there
        for name, source, inode in members:
            if old.same_file(name, inode):  # the very file it was made from
                member = old.members[name]
                if run and old.after(run[-1]) is not member:
                    old.copy(z, run)
                    run = []
                run.append(member)
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


class _Member(NamedTuple):
    """A member of a package, as its central directory lists it."""

    name: str
    offset: int  # of its local header
    crc: int
    compressed: int  # its size compressed
    size: int
    reusable: bool  # deflated, its sizes in its local header (no data descriptor, no ZIP64 field)


_END = struct.Struct("<IHHHHIIH")  # the end of the central directory
_END64 = struct.Struct("<IQHHIIQQQQ")  # ZIP64's (more than 65,535 members)
_LOCATOR64 = struct.Struct("<IIQI")
_ENTRY = struct.Struct("<IHHHHHHIIIHHHHHII")  # a member's entry in the central directory


def _directory(f) -> tuple[dict[str, _Member], int] | None:
    """The members of a package as its central directory lists them, and where the directory starts; None where
    the file is not as zipfile writes one (one part, no comment), so that nothing of it is taken.

    A package of 20,000 members is read in a twentieth of the time zipfile takes to read it (it makes an object of
    each member, with all its fields)."""
    size = f.seek(0, os.SEEK_END)
    if size < _END.size:
        return None
    f.seek(size - _END.size)
    sig, disk, disk_dir, here, count, dir_size, dir_start, comment = _END.unpack(f.read(_END.size))
    if sig != 0x06054B50 or comment or disk or disk_dir or here != count:
        return None
    end = size - _END.size
    if end >= _LOCATOR64.size + _END64.size:  # ZIP64's records before it (more than 65,535 members)
        f.seek(end - _LOCATOR64.size)
        sig, _, at, _ = _LOCATOR64.unpack(f.read(_LOCATOR64.size))
        if sig == 0x07064B50:
            f.seek(at)
            sig, _, _, _, disk, disk_dir, here, count, dir_size, dir_start = _END64.unpack(f.read(_END64.size))
            if sig != 0x06064B50 or disk or disk_dir or here != count:
                return None
            end = at
    if dir_start + dir_size != end:
        return None
    f.seek(dir_start)
    data = f.read(dir_size)
    members: dict[str, _Member] = {}
    pos = 0
    try:
        for _ in range(count):
            (sig, _, _, flags, method, _, _, crc, compressed, size, name_size, extra, comment, _, _, _,
             offset) = _ENTRY.unpack_from(data, pos)
            if sig != 0x02014B50:
                return None
            start = pos + _ENTRY.size
            name = data[start:start + name_size].decode("utf-8" if flags & 0x800 else "cp437")
            members[name] = _Member(name, offset, crc, compressed, size,
                                    method == zipfile.ZIP_DEFLATED and not flags & 0x08 and not extra)
            pos = start + name_size + extra + comment
    except (struct.error, UnicodeDecodeError):
        return None
    return members, dir_start


class _Previous:
    """The package of the site a build replaces: its members, as compressed there, are taken again where their
    content is the same (the same bytes that compressing it again would give).

    A record's file that the rebuild carried over from that site (incremental.carry_over: a hard link to the same
    file) is the very file the package was made from, and its member is taken without reading it; any other is
    compared whole, not by checksum."""

    def __init__(self, path: Path | None) -> None:
        self.path, self.file = path, None
        self.members: dict[str, _Member] = {}
        self.start_dir = 0
        #: its site's record files, by name: their inodes (read from the folder's entries, no call for each file)
        self.folder = str(path.parent / "records") if path is not None else ""
        self.records: dict[str, int] = {}
        self._next: dict[int, _Member] | None = None
        if path is not None and (path.parent / "records").is_dir():
            with os.scandir(path.parent / "records") as entries:
                self.records = {e.name: e.inode() for e in entries}
        try:
            if path is not None and path.is_file():
                self.file = open(path, "rb")  # noqa: SIM115 - closed on leaving (__exit__)
                listed = _directory(self.file)
                if listed is not None:
                    self.members, self.start_dir = listed
        except OSError:
            self.members = {}  # a damaged package is written anew

    def __enter__(self) -> _Previous:
        return self

    def __exit__(self, *exc) -> None:
        if self.file is not None:
            self.file.close()

    def _member(self, name: str) -> _Member | None:
        member = self.members.get(name)
        return member if member is not None and member.reusable else None

    def same_file(self, name: str, inode: int | None) -> bool:
        """Whether the member ``name`` of the new package is a record's file of inode ``inode`` that is the very
        file of the site before that it was made from (the sites are side by side, on one file system)."""
        record = self.records.get(name.removeprefix("records/")) if name.startswith("records/") else None
        return inode is not None and record == inode and self._member(name) is not None

    def after(self, member: _Member) -> _Member | None:
        """The member that follows ``member`` in the package before."""
        if self._next is None:
            order = sorted(self.members.values(), key=lambda m: m.offset)
            self._next = {a.offset: b for a, b in zip(order, order[1:], strict=False)}
        return self._next.get(member.offset)

    def copy(self, z: zipfile.ZipFile, run: list[_Member]) -> None:
        """Add to ``z`` the members ``run`` of the package before (one after the other there): their local headers
        and bytes in one piece, as they are, and their entries for the new package's directory."""
        start = run[0].offset
        follower = self.after(run[-1])
        end = follower.offset if follower is not None else self.start_dir
        f = self.file
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
            info = _info(was.name)
            info.CRC, info.file_size, info.compress_size, info.flag_bits = was.crc, was.size, was.compressed, 0
            info.header_offset = was.offset + shift
            z.filelist.append(info)
            z.NameToInfo[info.filename] = info
        z.start_dir = z.fp.tell()
        z._didModify = True

    def _raw(self, member: _Member) -> bytes:
        """A member's bytes as compressed there."""
        f = self.file
        f.seek(member.offset)  # the member's bytes follow its local header
        header = f.read(zipfile.sizeFileHeader)
        f.seek(int.from_bytes(header[26:28], "little") + int.from_bytes(header[28:30], "little"), 1)
        return f.read(member.compressed)

    def compressed(self, name: str, data: bytes) -> bytes | None:
        """A member's compressed bytes when its content is exactly ``data``, else None."""
        member = self._member(name)
        if member is None or member.size != len(data) or zlib.crc32(data) != member.crc:
            return None
        raw = self._raw(member)
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
