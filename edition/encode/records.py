"""What a transcript is read into, before any TEI: records with a heading and a body of speaker turns and items,
each keeping its line for the editor's messages; and the error for input that is not a readable transcript."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..conventions import strip_emphasis


class TranscriptError(Exception):
    """Input that cannot be read as a transcript at all (not text, empty); the message names the file."""


@dataclass
class Block:
    """Lines between blank lines: ``text`` joined with newlines, ``line`` the first line's number; ``fw`` the
    ``fw/@type`` of a block that its place among the others shows to be a page's furniture (a running head or foot),
    else ""."""

    text: str
    line: int
    last: int
    fw: str = ""


@dataclass
class Heading:
    title: str
    line: int
    bold: bool = False
    #: A page's title over a record that has no heading of its own (``Lt. General Brent Scowcroft``): it names no
    #: kind of record.
    page_title: bool = False
    #: Its title is a front matter's field (``title: ...``): the key is printed, it is not the title's.
    keyed: bool = False
    #: What follows the title, in printed order: ("dateline" | "place" | "excerpt", text, line, bold).
    parts: list[tuple[str, str, int, bool]] = field(default_factory=list)

    @property
    def datelines(self) -> list[tuple[str, int, bool]]:
        return [(t, n, b) for kind, t, n, b in self.parts if kind == "dateline"]

    @property
    def place(self) -> str:
        """The place printed in lines of its own under the date (``Great Hall of the People``, ``Peking, China``)."""
        return ", ".join(t.strip(" ,") for kind, t, _, _ in self.parts if kind == "place")

    @property
    def excerpts(self) -> list[tuple[str, int, bool]]:
        return [(t, n, b) for kind, t, n, b in self.parts if kind == "excerpt"]


@dataclass
class Item:
    """A block of a record's body. ``kind``: p, list, quote, gap, footnote, source, fw (a page's furniture), page
    (a page of the source begins) or time (a clock time alone, the time of what follows)."""

    kind: str
    text: str
    line: int
    n: str = ""  # a printed paragraph or footnote number
    items: list[tuple[str, int]] = field(default_factory=list)  # a list's items
    rend: str = ""
    numbers: list[str] = field(default_factory=list)  # a numbered list's numbers, an item's each


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
    glued: bool = False  # the speech follows the label without a space (Hansard's "Mr. BrownI have")
    number_glued: bool = False  # its number is printed right before the label ("2Gorbachev:")
    section: bool = False  # printed after a parliament's section mark and perhaps a number ("\u00a7 Q2. Mr. Brown")
    pages: list[str] = field(default_factory=list)  # pages of the source that begin right before the label
    lines: list[str] = field(default_factory=list)  # numbered lines of the source that begin right before it
    time: str = ""  # a clock time printed before the label ("006:09:17 Duke:")


@dataclass
class Record:
    heading: Heading | None
    body: list[Turn | Item]
    line: int
    last: int
    participants: list[str] = field(default_factory=list)  # ids named in the heading, then speakers
    front: list[Item] = field(default_factory=list)  # what the transcript prints before the heading
    marks: list[str] = field(default_factory=list)  # the footnote marks glued to its words (turns.plain_footnotes)

    @property
    def turns(self) -> list[Turn]:
        return [b for b in self.body if isinstance(b, Turn)]

    @property
    def sources(self) -> list[Item]:
        return [b for b in self.body if isinstance(b, Item) and b.kind == "source"]


def unwrap(text: str) -> tuple[str, bool]:
    """Take off emphasis that wraps the whole block: ``**...**`` (bold) or ``*...*``; say whether it was bold."""
    stripped = strip_emphasis(text)
    if text.startswith("**") and text.endswith("**") and stripped == text[2:-2]:
        return stripped, True
    if text.startswith("*") and text.endswith("*") and stripped == text[1:-1]:
        return stripped, False
    return text, False
