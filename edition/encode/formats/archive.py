"""The ZIP packages of Word (.docx) and OpenDocument (.odt) files, read safely: a bounded number of parts and bytes
(a ZIP bomb is refused, not unpacked), no encrypted part, every XML part parsed as every XML file of the edition is
(:mod:`edition.xmlfiles`: no DTD, no network) and with no entity even of its own, and nothing fetched that a part
points to outside the package (a remote image, a linked template)."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from ...xmlfiles import read
from ..records import TranscriptError

#: Bounds of what a package may unpack to: parts, bytes of one part, bytes of all, and how many times a part may
#: be larger than its compressed size (text compresses 5 to 20 times; a bomb thousands).
MAX_PARTS, MAX_PART, MAX_TOTAL, MAX_RATIO = 10_000, 64 * 2**20, 256 * 2**20, 400


class Package:
    """A ZIP package whose parts are read on demand, each within the bounds."""

    def __init__(self, name: str, data: bytes, what: str):
        self.name, self.what = name, what
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, ValueError, EOFError) as e:
            raise TranscriptError(f"{name}: a damaged {what}: its ZIP package cannot be read ({e})") from None
        if len(infos) > MAX_PARTS:
            raise TranscriptError(f"{name}: {len(infos)} parts in its ZIP package; more than {MAX_PARTS} are "
                                  "not read")
        if any(i.flag_bits & 0x1 for i in infos):
            raise TranscriptError(f"{name}: an encrypted {what}: remove its password and save it again")
        total = sum(i.file_size for i in infos)
        if total > MAX_TOTAL:
            raise TranscriptError(f"{name}: its parts would unpack to {total:,} bytes; more than {MAX_TOTAL:,} "
                                  "are not read (a ZIP bomb?)")
        self.infos = {i.filename: i for i in infos}
        self.read_total = 0

    def __contains__(self, part: str) -> bool:
        return part in self.infos

    def names(self) -> list[str]:
        return list(self.infos)

    def bytes(self, part: str) -> bytes:
        info = self.infos.get(part)
        if info is None:
            raise TranscriptError(f"{self.name}: no part {part} in this {self.what}")
        if info.file_size > MAX_PART or (info.file_size > 2**20 and info.file_size > MAX_RATIO * max(
                info.compress_size, 1)):
            raise TranscriptError(f"{self.name}: its part {part} would unpack to {info.file_size:,} bytes from "
                                  f"{info.compress_size:,}; it is not read (a ZIP bomb?)")
        try:
            with self.zip.open(info) as fh:
                data = fh.read(MAX_PART + 1)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as e:
            raise TranscriptError(f"{self.name}: its part {part} cannot be read ({e})") from None
        self.read_total += len(data)
        if len(data) > MAX_PART or self.read_total > MAX_TOTAL:
            raise TranscriptError(f"{self.name}: its part {part} unpacks to more than its package says; it is not "
                                  "read (a ZIP bomb?)")
        return data

    def xml(self, part: str) -> etree._Element:
        """A part parsed safely; a DTD, an entity or XML that is not well-formed is one clear error."""
        tree, problems = read(f"{self.name}!{part}", self.bytes(part), entities=False)
        if tree is None:
            p = problems[0]
            raise TranscriptError(f"{self.name}: its part {part}:{p.line}:{p.column}: {p.message}")
        return tree.getroot()
