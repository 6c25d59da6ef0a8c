"""Reading a transcript's layout: its text, its blocks of lines, its headings, and the records they start.

A transcript is read as blocks of lines separated by blank lines. A heading (``Memorandum of [Telephone]
Conversation between/with ...``, plain or in ``**``) starts a record; the blocks after it that say only when and
where, or ``[excerpts]``, belong to it. The rest are the record's body (:mod:`.turns`)."""

from __future__ import annotations

import re
from pathlib import Path

from .dates import is_dateline
from .records import Block, Heading, Record, TranscriptError, unwrap
from .registry import Registry
from .report import Report
from .turns import label_counts, read_body

HEADING_RE = re.compile(
    r"^(?:(?:Memorandum|Record|Transcript|Minutes|Notes?|Summary|Memcon|Excerpts?)\s+(?:of|from)\s+(?:the\s+)?)?"
    r"(?:(?:Telephone|Phone)\s+)?(?:Conversation|Talks?|Meeting|Discussion)s?\s+(?:between|with)\b",
    re.I,
)

EXCERPT_RE = re.compile(r"^\[(excerpts?|extracts?|fragments?)\]$", re.I)


def read_text(path: Path) -> str:
    """The transcript's text: UTF-8 (with or without BOM), newlines unified. Raises TranscriptError."""
    if not path.exists():
        raise TranscriptError(f"{path}: no such file")
    if path.is_dir():
        raise TranscriptError(f"{path}: is a directory, not a transcript")
    data = path.read_bytes()
    if not data.strip():
        raise TranscriptError(f"{path}: empty file")
    if b"\0" in data[:8192]:
        raise TranscriptError(f"{path}: binary file (NUL bytes), not a text transcript")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise TranscriptError(
            f"{path}:{line}: not UTF-8 text (byte 0x{data[e.start]:02x} at offset {e.start})") from None
    return prepare(text, str(path))

#: Characters XML 1.0 cannot hold; a form feed or vertical tab (a page break) is read as a line break instead.
_NOT_XML = re.compile("[\x00-\x08\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def prepare(text: str, name: str) -> str:
    """Unify line breaks, read page-break controls as line breaks, refuse what XML cannot hold (with its line)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n").replace("\x0b", "\n")
    bad = _NOT_XML.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise TranscriptError(f"{name}:{line}: control character U+{ord(bad.group()):04X} cannot be written to XML")
    return text


def blocks(text: str) -> list[Block]:
    out: list[Block] = []
    current: list[str] = []
    start = 0
    for i, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip()
        if line.strip():
            if not current:
                start = i
            current.append(line.strip())
        elif current:
            out.append(Block("\n".join(current), start, i - 1))
            current = []
    if current:
        out.append(Block("\n".join(current), start, start + len(current) - 1))
    return out


def is_heading(block: Block) -> bool:
    first = block.text.split("\n", 1)[0].lstrip("*").strip()
    return bool(HEADING_RE.match(first))


def parse(text: str, registry: Registry, report: Report) -> list[Record]:
    """Split a transcript into records and read each one."""
    bs = blocks(prepare(text, report.path))
    if not bs:
        raise TranscriptError(f"{report.path}: no text (only white space)")
    starts = [i for i, b in enumerate(bs) if is_heading(b)]
    if not starts:
        report.warn(1, "no heading found (such as 'Memorandum of Conversation between ...'): "
                       "the whole file is encoded as one record")
        starts = [0]
        chunks = [(None, bs)]
    else:
        chunks = []
        if starts[0] > 0:
            # Text before the first heading: kept, as a record of its own, never dropped.
            report.warn(bs[0].line, "text before the first heading is encoded as a record without heading")
            chunks.append((None, bs[: starts[0]]))
        for k, i in enumerate(starts):
            end = starts[k + 1] if k + 1 < len(starts) else len(bs)
            chunks.append((bs[i], bs[i + 1 : end]))
    candidates = label_counts(bs)
    records = []
    for head_block, rest in chunks:
        heading = None
        if head_block is not None:
            heading, rest = _read_heading(head_block, rest)
        body = read_body(rest, registry, report, candidates)
        first = head_block or (rest[0] if rest else bs[0])
        last = (rest[-1] if rest else first).last
        record = Record(heading, body, first.line, last)
        records.append(record)
    return records


def _read_heading(block: Block, rest: list[Block]) -> tuple[Heading, list[Block]]:
    text, bold = unwrap(block.text)
    lines = text.split("\n")
    title_lines: list[str] = []
    heading = Heading("", block.line, bold)
    for k, line in enumerate(lines):
        number = block.line + k
        if EXCERPT_RE.match(line):
            heading.parts.append(("excerpt", line[1:-1], number, bold))
        elif (title_lines and is_dateline(line)) or heading.parts:
            heading.parts.append(("dateline", line, number, bold))  # (or more of the date block: kept there)
        else:
            title_lines.append(line)
    heading.title = "\n".join(title_lines)
    while rest:
        inner, b = unwrap(rest[0].text)
        if EXCERPT_RE.match(inner):
            heading.parts.append(("excerpt", inner[1:-1], rest[0].line, b))
        elif is_dateline(inner) and "\n" not in inner:
            heading.parts.append(("dateline", inner, rest[0].line, b))
        else:
            break
        rest = rest[1:]
    return heading, rest
