"""Tracked changes of a formatted document, kept as ``add`` and ``del`` (the default) or settled as the editor says:
accepted (the insertions as plain words, the deletions gone) or rejected (the insertions gone, the deleted words
back as plain words), as a word processor accepts or rejects them all. The header says which (:func:`statement`)."""

from __future__ import annotations

from lxml import etree

from ...conventions import TRACKED_CHANGES as MODES
from ...conventions import T
from .model import Document, Mark, Para, Piece

#: Elements whose words are pieces with a mark (the rest stand at their points, as a note does).
MARKS = {T + "hi", T + "emph", T + "ref", T + "foreign", T + "add"}


def settle(doc: Document, mode: str) -> Document:
    """The document with its tracked changes accepted or rejected (``mode`` "accept" or "reject"); as it is for
    "keep"."""
    if mode not in MODES:
        raise ValueError(f"tracked changes are kept, accepted or rejected, not {mode!r}")
    if mode == "keep" or not _has_changes(doc):
        return doc
    doc.paras = [_para(p, mode) for p in doc.paras]
    doc.messages.append(("info", f"the changes tracked in the document are {mode}ed (--changes {mode}), as the "
                                 "header's editorialDecl says"))
    doc.settled = mode
    return doc


def _has_changes(doc: Document) -> bool:
    for para in doc.paras:
        trees = [para.element] if para.element is not None else []
        for piece, marks in para.pieces:
            if isinstance(piece, str):
                if any(m[0] == "add" for m in marks):
                    return True
            else:
                trees.append(piece)
        if any(next(t.iter(T + "add", T + "del"), None) is not None for t in trees):
            return True
    return False


def statement(mode: str) -> str:
    """What the header says of the tracked changes settled by ``mode``."""
    if mode == "accept":
        return ("The changes tracked in the source document were accepted: its insertions are encoded as plain "
                "text and its deletions are left out.")
    return ("The changes tracked in the source document were rejected: its insertions are left out and its "
            "deletions are encoded as plain text.")


def _para(para: Para, mode: str) -> Para:
    if para.element is not None:
        _settle_tree(para.element, mode)
    if para.kind == "table" and para.element is not None:
        para.pieces = [(_table_text(para.element), ())]
        return para
    para.pieces = _pieces(para.pieces, mode)
    return para


def _pieces(pieces: list[Piece], mode: str) -> list[Piece]:
    out: list[Piece] = []
    for piece, marks in pieces:
        if isinstance(piece, str):
            inserted = any(m[0] == "add" for m in marks)
            if inserted and mode == "reject":
                continue
            out.append((piece, tuple(m for m in marks if m[0] != "add")))
        elif piece.tag == T + "del":
            if mode == "reject":
                out += _pieces(pieces_of(piece), mode)
        else:
            _settle_tree(piece, mode)
            out.append((piece, marks))
    return out


def pieces_of(element: etree._Element, marks: tuple[Mark, ...] = ()) -> list[Piece]:
    """The content of an element written by :func:`.model.write_inline` as the pieces it was written from."""
    out: list[Piece] = []
    if element.text:
        out.append((element.text, marks))
    for child in element:
        if child.tag == T + "lb":
            out.append(("\n", marks))
        elif child.tag in MARKS:
            mark = (etree.QName(child).localname, tuple(
                ("xml:lang" if k.endswith("}lang") else k, v) for k, v in child.attrib.items()))
            out += pieces_of(child, marks + (mark,))
        elif isinstance(child.tag, str):
            out.append((_detached(child), ()))
        if child.tail:
            out.append((child.tail, marks))
    return out


def _detached(e: etree._Element) -> etree._Element:
    tail, e.tail = e.tail, None
    copy = etree.fromstring(etree.tostring(e))
    e.tail = tail
    return copy


def _settle_tree(tree: etree._Element, mode: str) -> None:
    """Accept or reject the changes inside an element (a note, a table, a list) in place."""
    drop, unwrap = (T + "del", T + "add") if mode == "accept" else (T + "add", T + "del")
    for e in list(tree.iter(drop, unwrap)):
        if e is tree:
            continue
        parent = e.getparent()
        if parent is None:
            continue
        at = parent.index(e)
        if e.tag == unwrap:
            _text_before(parent, at, e.text or "")
            for k, child in enumerate(list(e)):
                parent.insert(at + k, child)
        _text_before(parent, parent.index(e), e.tail or "")
        parent.remove(e)


def _text_before(parent: etree._Element, at: int, text: str) -> None:
    """Put ``text`` where the child at index ``at`` of ``parent`` begins."""
    if not text:
        return
    if at == 0:
        parent.text = (parent.text or "") + text
    else:
        prev = parent[at - 1]
        prev.tail = (prev.tail or "") + text


def _table_text(table: etree._Element) -> str:
    """A table's words as the flow reads them: a row a line, cells apart by a tab, no note's words."""
    rows = []
    for row in table.iter(T + "row"):
        cells = []
        for cell in row.iter(T + "cell"):
            if cell.getparent() is not row:
                continue
            cells.append(" ".join("".join(_words(cell)).split()))
        rows.append("\t".join(cells))
    return "\n".join(rows)


def _words(e: etree._Element):
    if e.text:
        yield e.text
    for child in e:
        if child.tag == T + "lb":
            yield " "
        elif child.tag in MARKS:
            yield from _words(child)
        elif child.tag == T + "table":
            yield " " + _table_text(child).replace("\t", " ").replace("\n", " ") + " "
        if child.tail:
            yield child.tail
