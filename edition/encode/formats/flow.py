"""A formatted document as the plain text the reader of transcripts reads, and what that text cannot say.

Each paragraph is a block of the text (paragraphs apart by a blank line, as a transcript typed in a text editor
sets them; a line break inside a paragraph is a line of its block), so that a transcript typed in Word is read as
the same transcript saved as text: the same records, turns, dates and credits. A table's rows are lines of one
block (cells apart by a tab), a list's items blocks of their own. What the text cannot say is kept beside it, at
the offsets of its characters: the marks on words (:class:`Span`), the elements that stand at a point (a note, a
deletion, an image: :class:`Insert`), and the paragraphs that are a heading, a list or a table
(:class:`Structure`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from .model import Document, Mark, Para, tei, write_inline


@dataclass
class Span:
    start: int
    end: int
    mark: Mark


@dataclass
class Insert:
    at: int
    element: etree._Element


@dataclass
class Structure:
    """Paragraphs that are one heading, list or table: ``kind``, the offsets of their text, and the element that
    stands for them (for a heading, its ``level``)."""

    kind: str
    start: int
    end: int
    element: etree._Element | None = None
    level: int = 0


@dataclass
class Flow:
    text: str
    spans: list[Span] = field(default_factory=list)
    inserts: list[Insert] = field(default_factory=list)
    structures: list[Structure] = field(default_factory=list)

    def lines(self, kind: str, level: int = 0) -> frozenset[int]:
        """The numbers of the lines of the text on which a structure of that kind (and heading level) begins."""
        return frozenset(self.text.count("\n", 0, s.start) + 1 for s in self.structures
                         if s.kind == kind and (not level or s.level == level))


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.flow = Flow("")

    def add(self, pieces, inserts: bool = True) -> None:
        for piece, marks in pieces:
            if not isinstance(piece, str):
                if inserts:
                    self.flow.inserts.append(Insert(self.length, piece))
                continue
            start = self.write(piece)
            for mark in marks:  # a mark that goes on from the piece before is one span
                prev = next((s for s in reversed(self.flow.spans[-8:]) if s.end == start and s.mark == mark), None)
                if prev is not None:
                    prev.end = self.length
                else:
                    self.flow.spans.append(Span(start, self.length, mark))

    def write(self, text: str) -> int:
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return start

    def end_block(self) -> None:
        self.write("\n\n")


def flow_of(doc: Document) -> Flow:
    """The document's text and what stands beside it."""
    b = _Builder()
    paras = doc.paras
    k = 0
    while k < len(paras):
        para = paras[k]
        if para.kind == "break" or (para.kind == "table" and not para.text.strip()):  # at its point
            b.flow.inserts.append(Insert(b.length, para.element))
        elif para.kind == "table":
            start = b.write(para.text.strip("\n"))
            b.flow.structures.append(Structure("table", start, b.length, para.element))
            b.end_block()
        elif para.kind == "item":
            items = [para]
            while k + 1 < len(paras) and paras[k + 1].kind == "item" and paras[k + 1].group == para.group:
                k += 1
                items.append(paras[k])
            start = b.length
            element = _list(items)
            for item in items:
                b.add(item.pieces, inserts=False)  # the notes of an item are in the list's own element
                b.end_block()
            b.flow.structures.append(Structure("list", start, b.length - 2, element))
        elif para.text.strip():
            start = b.length
            b.add(para.pieces)
            if para.kind == "head":
                b.flow.structures.append(Structure("head", start, b.length, level=para.level))
            b.end_block()
        else:  # an empty paragraph may still hold a note, an image, a deletion
            for piece, _ in para.pieces:
                if not isinstance(piece, str):
                    b.flow.inserts.append(Insert(b.length, piece))
        k += 1
    b.flow.text = "".join(b.parts).rstrip("\n") + "\n"
    return b.flow


def _list(items: list[Para]) -> etree._Element:
    """The TEI list of consecutive items, nested by their levels."""
    top = tei("list", type="ordered" if items[0].ordered else "bulleted")
    stack = [(items[0].level, top)]
    for item in items:
        while item.level < stack[-1][0] and len(stack) > 1:
            stack.pop()
        if item.level > stack[-1][0] and len(stack[-1][1]):
            inner = tei("list", type="ordered" if item.ordered else "bulleted")
            stack[-1][1][-1].append(inner)
            stack.append((item.level, inner))
        e = tei("item")
        stack[-1][1].append(e)
        write_inline(e, item.pieces)
    return top
