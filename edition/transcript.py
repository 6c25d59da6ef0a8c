"""Reading a plain-text transcript into records, headings, turns and blocks (no TEI yet).

A transcript is read as blocks of lines separated by blank lines. A heading (``Memorandum of [Telephone]
Conversation between/with ...``, plain or in ``**``) starts a record; the blocks after it that say only when and
where, or ``[excerpts]``, belong to it. The rest are the record's body: speaker turns, paragraphs, lists, quoted
passages, omissions, footnotes and source notes. Every block keeps its line number for the editor's messages.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .conventions import GAP_RE, LIST_MARKS, strip_emphasis
from .dates import is_dateline
from .persons import Registry
from .report import Report


class TranscriptError(Exception):
    """Input that cannot be read as a transcript at all (not text, empty); the message names the file."""


HEADING_RE = re.compile(
    r"^(?:(?:Memorandum|Record|Transcript|Minutes|Notes?|Summary|Memcon|Excerpts?)\s+(?:of|from)\s+(?:the\s+)?)?"
    r"(?:(?:Telephone|Phone)\s+)?(?:Conversation|Talks?|Meeting|Discussion)s?\s+(?:between|with)\b",
    re.I,
)
EXCERPT_RE = re.compile(r"^\[(excerpts?|extracts?|fragments?)\]$", re.I)
SOURCE_START_RE = re.compile(r"^\[?Sources?:", re.I)
LIST_RE = re.compile(r"^(?P<mark>[-\u2013\u2022]|\*(?=\s))\s+")
NUMBER_RE = re.compile(r"^(?P<n>\d{1,3})\.\s+(?=\S)")
FOOTNOTE_RE = re.compile(r"^\[(?P<n>\d{1,3})\]\s+")
DELIVERY_RE = re.compile(r"^\((?P<remark>[a-z][^()]{0,48})\)\s+(?=\S)")
LABEL_RE = re.compile(
    r"^(?:\[(?P<supp>[A-Z][^\[\]\n]{0,40})\]\s+)?"
    r"(?P<name>(?:(?:Mr|Mrs|Ms|Dr)\.\s+|(?:[A-Z]\.){1,3}\s*)*[A-Z][\w'’\-]*"
    r"(?:\s+(?:[A-Z][\w'’\-]*|of|the|de|von|van|bin|al-[\w'’\-]+)){0,3}?)(?P<punct>[.:])(?=\s|$)"
)
#: Words that open a paragraph as ``First.`` or ``Note:`` without being speakers.
NOT_SPEAKERS = frozenset(
    "first second third fourth fifth sixth seventh eighth ninth tenth firstly secondly thirdly finally "
    "lastly next then yes no well now so also thus therefore however moreover note notes source sources "
    "translator comment remark ps mr mrs ms dr item point question answer summary conclusion"
    .split()
)
TERMINAL = tuple(".!?:;\u2026\"\u201d\u2019)]*")
LIST_REND = {"-": "dash", "\u2013": "endash", "\u2022": "bullet", "*": "asterisk"}
assert set(LIST_REND.values()) <= set(LIST_MARKS)


@dataclass
class Block:
    """Lines between blank lines: ``text`` joined with newlines, ``line`` the first line's number."""

    text: str
    line: int
    last: int


@dataclass
class Heading:
    title: str
    line: int
    bold: bool = False
    #: What follows the title, in printed order: ("dateline" | "excerpt", text, line, bold).
    parts: list[tuple[str, str, int, bool]] = field(default_factory=list)

    @property
    def datelines(self) -> list[tuple[str, int, bool]]:
        return [(t, n, b) for kind, t, n, b in self.parts if kind == "dateline"]

    @property
    def excerpts(self) -> list[tuple[str, int, bool]]:
        return [(t, n, b) for kind, t, n, b in self.parts if kind == "excerpt"]


@dataclass
class Item:
    """A block of a record's body. ``kind``: p, list, quote, gap, footnote or source."""

    kind: str
    text: str
    line: int
    n: str = ""  # a printed paragraph or footnote number
    items: list[tuple[str, int]] = field(default_factory=list)  # a list's items
    rend: str = ""


@dataclass
class Turn:
    label: str  # as printed, with its punctuation
    name: str
    supplied: str
    who: str
    line: int
    n: str = ""
    stage: str = ""
    items: list[Item] = field(default_factory=list)


@dataclass
class Record:
    heading: Heading | None
    body: list[Turn | Item]
    line: int
    last: int
    participants: list[str] = field(default_factory=list)  # ids named in the heading, then speakers

    @property
    def turns(self) -> list[Turn]:
        return [b for b in self.body if isinstance(b, Turn)]

    @property
    def sources(self) -> list[Item]:
        return [b for b in self.body if isinstance(b, Item) and b.kind == "source"]


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


def _unwrap(text: str) -> tuple[str, bool]:
    """Take off emphasis that wraps the whole block: ``**...**`` (bold) or ``*...*``; say whether it was bold."""
    stripped = strip_emphasis(text)
    if text.startswith("**") and text.endswith("**") and stripped == text[2:-2]:
        return stripped, True
    if text.startswith("*") and text.endswith("*") and stripped == text[1:-1]:
        return stripped, False
    return text, False


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
    candidates = _label_counts(bs)
    records = []
    for head_block, rest in chunks:
        heading = None
        if head_block is not None:
            heading, rest = _read_heading(head_block, rest)
        body = _read_body(rest, registry, report, candidates)
        first = head_block or (rest[0] if rest else bs[0])
        last = (rest[-1] if rest else first).last
        record = Record(heading, body, first.line, last)
        records.append(record)
    return records


def _read_heading(block: Block, rest: list[Block]) -> tuple[Heading, list[Block]]:
    text, bold = _unwrap(block.text)
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
        inner, b = _unwrap(rest[0].text)
        if EXCERPT_RE.match(inner):
            heading.parts.append(("excerpt", inner[1:-1], rest[0].line, b))
        elif is_dateline(inner) and "\n" not in inner:
            heading.parts.append(("dateline", inner, rest[0].line, b))
        else:
            break
        rest = rest[1:]
    return heading, rest


def _label_counts(bs: list[Block]) -> Counter[str]:
    """How often each possible label opens a block in the whole transcript (a label used once is doubtful)."""
    counts: Counter[str] = Counter()
    for b in bs:
        m = LABEL_RE.match(NUMBER_RE.sub("", b.text, count=1))
        if m:
            counts[m.group("name")] += 1
    return counts


def _join_page_breaks(bs: list[Block], report: Report) -> list[Block]:
    """A paragraph broken by a page break (no closing punctuation, the next block in lower case) is one block."""
    out: list[Block] = []
    for b in bs:
        prev = out[-1] if out else None
        if (
            prev is not None
            and not prev.text.rstrip().endswith(TERMINAL)
            and b.text[:1].islower()
            and not SOURCE_START_RE.match(prev.text.lstrip("*"))
        ):
            report.info(b.line, f"paragraph broken at line {prev.last} continues here: joined")
            out[-1] = Block(prev.text + "\n\n" + b.text, prev.line, b.last)
        else:
            out.append(b)
    return out


def _read_body(bs: list[Block], registry: Registry, report: Report, candidates: Counter[str]) -> list[Turn | Item]:
    bs = _join_page_breaks(bs, report)
    body: list[Turn | Item] = []
    turn: Turn | None = None
    marks = {m for b in bs for m in re.findall(r"(?<=\S)\[(\d{1,3})\]", b.text)}
    i = 0
    while i < len(bs):
        b = bs[i]
        text = b.text
        unwrapped, _bold = _unwrap(text)
        # Source notes: [Source: ...] possibly over several blocks, possibly in italics.
        if SOURCE_START_RE.match(text.lstrip("*")):
            j, parts = i, [text]
            while not _closes_source(parts[-1]) and j + 1 < len(bs) and text.lstrip("*").startswith("["):
                j += 1
                parts.append(bs[j].text)
            whole = "\n\n".join(parts)
            if text.lstrip("*").startswith("[") and not _closes_source(whole):
                report.warn(b.line, "source note opened with '[' is never closed: kept as it stands")
            body.append(Item("source", whole, b.line))
            turn = None
            i = j + 1
            continue
        if GAP_RE.fullmatch(unwrapped):
            nxt = bs[i + 1] if i + 1 < len(bs) else None
            ends_turn = nxt is None or _label(nxt.text, registry, candidates) or SOURCE_START_RE.match(
                nxt.text.lstrip("*"))
            item = Item("gap", unwrapped, b.line)
            (body if turn is None or ends_turn else turn.items).append(item)
            if ends_turn:
                turn = None
            i += 1
            continue
        fm = FOOTNOTE_RE.match(text)
        if fm and fm.group("n") in marks:
            body.append(Item("footnote", text[fm.end():], b.line, n=fm.group("n")))
            turn = None
            i += 1
            continue
        n = ""
        nm = NUMBER_RE.match(text)
        if nm:
            n, text = nm.group("n"), text[nm.end():]
        label = _label(text, registry, candidates)
        if label:
            name, supplied, printed, end = label
            who, how = registry.resolve_label(name, supplied)
            if who is None:
                who = registry.provisional(f"{supplied} {name}".strip()).id
                report.warn(b.line, f"speaker label {printed!r} not in the registry ({how}): "
                                    f"provisional person #{who}")
            elif how:
                report.warn(b.line, f"speaker label {printed!r} {how}")
            turn = Turn(printed, name, supplied, who, b.line, n=n)
            body.append(turn)
            text = text[end:].lstrip()
            n = ""
            dm = DELIVERY_RE.match(text)
            if dm:
                turn.stage, text = dm.group("remark"), text[dm.end():]
            if not text:
                i += 1
                continue
        item = _item(text, b.line, n)
        target = turn.items if turn is not None else body
        if item.kind == "list" and target and isinstance(target[-1], Item) and target[-1].kind == "list" \
                and target[-1].rend == item.rend:
            target[-1].items.extend(item.items)
        else:
            target.append(item)
        i += 1
    return body


def _closes_source(text: str) -> bool:
    return text.rstrip().rstrip("*").rstrip().endswith("]")


def _label(text: str, registry: Registry, candidates: Counter[str]) -> tuple[str, str, str, int] | None:
    """``(name, supplied, printed label, end)`` when the block opens with a speaker label, else None."""
    m = LABEL_RE.match(text)
    if not m:
        return None
    name, supplied = m.group("name"), m.group("supp") or ""
    first = name.split()[0].rstrip(".").lower()
    if first in NOT_SPEAKERS and len(name.split()) == 1:
        return None
    who, _how = registry.resolve_label(name, supplied)
    letters = re.sub(r"[^A-Za-z]", "", name)
    accepted = (
        who is not None
        or (letters.isupper() and len(letters) > 1)
        or (m.group("punct") == ":" and len(name.split()) <= 3)
        or candidates[name] >= 2
    )
    if not accepted:
        return None
    return name, supplied, m.group(0), m.end()


def _item(text: str, line: int, n: str) -> Item:
    lm = LIST_RE.match(text)
    if lm:
        # Items on consecutive lines of one block are items each; otherwise the block is one item.
        lines = text.split("\n")
        marks = [LIST_RE.match(x) for x in lines]
        if len(lines) > 1 and all(m and m.group("mark") == lm.group("mark") for m in marks):
            items = [(x[m.end():], line + k) for k, (x, m) in enumerate(zip(lines, marks, strict=True))]
        else:
            items = [(text[lm.end():], line)]
        return Item("list", "", line, n=n, items=items, rend=LIST_REND[lm.group("mark")])
    stripped = text.strip()
    if len(stripped) > 1 and stripped[0] in "\u201c\"" and stripped[-1] in "\u201d\"" and \
            stripped.count(stripped[0]) + stripped.count(stripped[-1]) <= 2:
        return Item("quote", text, line, n=n)
    return Item("p", text, line, n=n)
