"""What a formatted document (Word, OpenDocument, a web page) says, as its readers give it to the encoder: paragraphs
of pieces, each piece some words with their marks (bold, a link, an insertion tracked) or an element that stands at
its point (a footnote, a deletion tracked, an image, a page break).

The reader of each format gives a :class:`Document`; :mod:`.flow` makes of it the plain text that the reader of
transcripts reads, and :mod:`.enrich` puts back into the TEI what that text cannot say."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from ...conventions import T

#: A mark on words: the TEI element it becomes and its attributes, as ``("hi", (("rend", "bold"),))``.
Mark = tuple[str, tuple[tuple[str, str], ...]]
#: Some words and their marks, or an element standing at its point (with no marks).
Piece = tuple["str | etree._Element", tuple[Mark, ...]]

#: The order in which marks nest, outermost first: a link or an insertion holds the formatting of its words.
NESTING = ("add", "ref", "foreign", "emph", "hi")
#: Marks of words set apart by their look (what a label in bold is).
STYLED = ("hi", "emph")
#: Character styles that say their words are emphasised (Word's and LibreOffice's built-in names, which both write
#: in English whatever the user's language): ``emph``, its look kept as ``@rend``.
EMPHASIS = re.compile(r"^(?:subtle |intense )?emphasis$", re.I)


def emphasised(marks: tuple[Mark, ...]) -> tuple[Mark, ...]:
    """The marks of words a character style emphasises: their ``hi`` an ``emph`` of the same look."""
    looks = [m[1] for m in marks if m[0] == "hi"]
    return tuple(m for m in marks if m[0] != "hi") + (("emph", looks[0] if looks else ()),)


@dataclass
class Para:
    """A paragraph: ``kind`` p, head (``level`` 1 for the top), item (of the list ``group``, ``ordered`` or
    not, at ``level``), table (``element`` the TEI table, ``pieces`` its words as rows and cells of text), or
    break (``element`` a ``pb`` or a ``milestone`` between paragraphs)."""

    kind: str
    pieces: list[Piece] = field(default_factory=list)
    level: int = 0
    group: str = ""
    ordered: bool = False
    element: etree._Element | None = None

    @property
    def text(self) -> str:
        return "".join(p for p, _ in self.pieces if isinstance(p, str))


@dataclass
class Document:
    """A formatted document as read: its paragraphs, its notes and properties, the files it embeds, what the reader
    says about it (``messages``: (severity, text))."""

    format: str  # "Word (.docx)", "OpenDocument (.odt)", "web page (.html)"
    paras: list[Para]
    properties: dict[str, str] = field(default_factory=dict)  # title, author, created, url
    media: dict[str, bytes] = field(default_factory=dict)  # file name (as graphic/@url gives it) -> bytes
    messages: list[tuple[str, str]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)  # notes, comments, tables, ... as read
    people: dict[str, str] = field(default_factory=dict)  # who changed or commented on it -> id (resp="#id")
    fonts: dict[str, str] = field(default_factory=dict)  # a private-use character -> the symbol font it is of
    settled: str = "keep"  # its tracked changes kept as add and del, or "accept"ed or "reject"ed (:mod:`.changes`)

    def count(self, what: str, n: int = 1) -> None:
        self.counts[what] = self.counts.get(what, 0) + n

    def styled_openings(self) -> frozenset[str]:
        """The words of the styled runs (bold, italic, small caps: any ``hi`` or ``emph``) that paragraphs open with:
        where a transcript typed in a word processor sets its speakers' labels."""
        out = set()
        for para in self.paras:
            if para.kind != "p":
                continue
            words = ""
            for piece, marks in strip_leading(para.pieces):
                if not isinstance(piece, str) or not any(m[0] in STYLED for m in marks):
                    break
                words += piece
            if words.strip():
                out.add(words)
        return frozenset(out)


def tei(name: str, text: str | None = None, **attrs: str) -> etree._Element:
    """A TEI element; attribute names as Python allows them (``xml__lang`` for ``xml:lang``)."""
    e = etree.Element(T + name)
    for k, v in attrs.items():
        if v:
            e.set("{http://www.w3.org/XML/1998/namespace}lang" if k == "xml__lang" else k.rstrip("_"), v)
    if text:
        e.text = text
    return e


def mark_element(mark: Mark) -> etree._Element:
    name, attrs = mark
    e = etree.Element(T + name)
    for k, v in attrs:
        e.set("{http://www.w3.org/XML/1998/namespace}lang" if k == "xml:lang" else k, v)
    return e


def ordered(marks) -> list[Mark]:
    """Marks outermost first."""
    return sorted(marks, key=lambda m: (NESTING.index(m[0]) if m[0] in NESTING else len(NESTING), m))


def append_text(parent: etree._Element, text: str) -> None:
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def write_inline(parent: etree._Element, pieces: list[Piece]) -> etree._Element:
    """Append ``pieces`` to ``parent`` as TEI: words in the elements of their marks (nested in :data:`NESTING`
    order, one element for a run of words that share a mark), elements at their points, line breaks as ``lb``."""
    open_: list[tuple[Mark, etree._Element]] = []  # the marks open, outermost first, and their elements
    for piece, marks in pieces:
        want = ordered(marks) if isinstance(piece, str) else []
        keep = 0
        while keep < len(open_) and keep < len(want) and open_[keep][0] == want[keep]:
            keep += 1
        del open_[keep:]
        for mark in want[keep:]:
            e = mark_element(mark)
            (open_[-1][1] if open_ else parent).append(e)
            open_.append((mark, e))
        here = open_[-1][1] if open_ else parent
        if isinstance(piece, str):
            lines = piece.split("\n")
            for k, line in enumerate(lines):
                if k:
                    here.append(etree.Element(T + "lb"))
                append_text(here, line)
        else:
            here.append(piece)
    return parent


def strip_leading(pieces: list[Piece]) -> list[Piece]:
    """Pieces without the spaces they open with (a note's words after its number)."""
    out = list(pieces)
    while out and isinstance(out[0][0], str) and not out[0][0].strip():
        out.pop(0)
    if out and isinstance(out[0][0], str):
        out[0] = (out[0][0].lstrip(), out[0][1])
    return out


def write_note(note: etree._Element, paras: list[Para]) -> etree._Element:
    """A note's (or a comment's) paragraphs into it: one paragraph as its words, several as ``p``."""
    paras = [p for p in paras if p.kind != "break" and (p.text.strip() or p.kind == "table" or any(
        not isinstance(x, str) for x, _ in p.pieces))]
    if len(paras) == 1 and paras[0].kind != "table":
        return write_inline(note, strip_leading(paras[0].pieces))
    for para in paras:
        if para.kind == "table":
            note.append(para.element)
        else:
            write_inline(etree.SubElement(note, T + "p"), strip_leading(para.pieces))
    return note


def write_cell(cell: etree._Element, paras: list[Para]) -> etree._Element:
    """A table cell's paragraphs into it, apart by line breaks (a table in it as a table)."""
    first = True
    for para in paras:
        if para.kind == "table":
            cell.append(para.element)
        elif para.kind != "break":
            if not first:
                cell.append(etree.Element(T + "lb"))
            write_inline(cell, para.pieces)
            first = False
    return cell
