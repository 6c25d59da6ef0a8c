"""Putting back into the encoded TEI what a formatted document's plain text could not say.

The reader of transcripts encodes the document's text (:mod:`.flow`); every character of that text reaches the
TEI, in order. Its characters are found again in the text nodes of the TEI (aligned, the spaces aside: a bracket
the encoder read as markup has no character of its own there), and at their places the formatting is wrapped
around the words (``hi``, ``ref``, ``add``, ``foreign``), the notes, deletions, images and page breaks put at their
points, the paragraphs that were a table or a list replaced by the ``table`` or ``list``, and a heading that the
text gave as a paragraph made the ``head`` of a division."""

from __future__ import annotations

from collections import Counter, defaultdict

from lxml import etree

from ...conventions import T, comparable, reading_text
from .flow import Flow, Structure
from .model import mark_element, ordered

#: A text node: its element and whether it is the element's tail.
Node = tuple[etree._Element, bool]
#: How far the alignment looks ahead to find its way again (characters).
LOOKAHEAD, ANCHOR = 200, 3


def _nodes(element: etree._Element) -> list[Node]:
    out: list[Node] = []

    def walk(e: etree._Element) -> None:
        out.append((e, False))
        for child in e:
            if isinstance(child.tag, str):
                walk(child)
            out.append((child, True))

    walk(element)
    return out


def _string(node: Node) -> str:
    e, tail = node
    return (e.tail if tail else e.text) or ""


def _align(source: str, nodes: list[Node]) -> dict[int, tuple[int, int]]:
    """Source offset -> (node number, index in the node's string) for each character of the text that is not a
    space and is found in the TEI."""
    s = [(k, c) for k, c in enumerate(source) if not c.isspace()]
    t = [(n, i, c) for n, node in enumerate(nodes) for i, c in enumerate(_string(node)) if not c.isspace()]
    sc = "".join(c for _, c in s)
    tc = "".join(c for _, _, c in t)
    out: dict[int, tuple[int, int]] = {}
    i = j = 0
    while i < len(s) and j < len(t):
        if sc[i] == tc[j]:
            out[s[i][0]] = (t[j][0], t[j][1])
            i += 1
            j += 1
            continue
        for k in range(1, LOOKAHEAD):  # the nearest place where both go on alike
            if sc[i + k:i + k + ANCHOR] == tc[j:j + ANCHOR]:
                i += k  # characters of the text that the TEI holds as markup (a bracket, a printed number)
                break
            if tc[j + k:j + k + ANCHOR] == sc[i:i + ANCHOR]:
                j += k
                break
        else:
            i += 1
            j += 1
    return out


def enrich(texts: list[etree._Element], flow: Flow) -> list[str]:
    """Put ``flow``'s marks, inserts and structures into the ``text`` elements of the records (in their order).
    Returns what could not be put in place, for the report."""
    nodes = [n for text in texts for n in _nodes(text)]
    where = _align(flow.text, nodes)
    problems: list[str] = []
    owner = {}  # node number -> source offsets of its characters
    for offset, (n, _) in where.items():
        owner.setdefault(n, []).append(offset)
    replaced: list[tuple[list[etree._Element], etree._Element, Structure]] = []
    excluded: set[int] = set()  # nodes inside what a table or a list replaces
    for st in flow.structures:
        if st.kind not in ("table", "list"):
            continue
        targets = _targets(st, nodes, where, owner, texts)
        if targets is None:
            problems.append(f"the {st.kind} at character {st.start} is kept as text: its words share a paragraph "
                            "with others")
            continue
        replaced.append((targets, st.element, st))
        inside = {id(x) for t in targets for x in t.iter()}
        excluded |= {k for k, (e, tail) in enumerate(nodes) if id(e) in inside and not (tail and id(e) in
                                                                                       {id(t) for t in targets})}
    edits: dict[int, list[tuple[int, int, int, int, object]]] = defaultdict(list)
    seq = 0
    for start, end, marks in _segments(flow):
        groups: dict[int, list[int]] = defaultdict(list)
        for k in range(start, end):
            if k in where and where[k][0] not in excluded:
                groups[where[k][0]].append(where[k][1])
        for n, idx in groups.items():
            seq += 1
            edits[n].append((min(idx), max(idx) + 1, 1, seq, ordered(marks)))
    for ins in flow.inserts:
        point = _point(ins.at, where, flow.text)
        if point is None or point[0] in excluded:
            if point is None:
                problems.append(f"a {etree.QName(ins.element).localname} at character {ins.at} has no place")
            continue
        seq += 1
        edits[point[0]].append((point[1], point[1], 0, seq, ins.element))
    headings = [(h, st.level) for st in flow.structures if st.kind == "head"
                if (h := _heading_block(st, nodes, where, owner)) is not None]
    for n, todo in edits.items():
        for start, end, _, _, what in sorted(todo, key=lambda e: (e[0], e[2], e[3]), reverse=True):
            _edit(nodes[n], start, end, what)
    for targets, element, st in replaced:
        _replace(targets, element, st)
    for block, level in headings:
        _heading(block, level)
    for text in texts:
        for e in text.iter(T + "div"):
            e.attrib.pop("_level", None)
    return problems


def _segments(flow: Flow) -> list[tuple[int, int, frozenset]]:
    """The stretches of text with the same marks, cut at every point where something is inserted."""
    cuts = {0, len(flow.text)} | {s.start for s in flow.spans} | {s.end for s in flow.spans} | \
        {i.at for i in flow.inserts}
    cuts = sorted(c for c in cuts if 0 <= c <= len(flow.text))
    starts = defaultdict(list)
    for s in flow.spans:
        starts[s.start].append(s)
    active: list = []
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        active = [s for s in active if s.end > a] + starts.get(a, [])
        marks = frozenset(s.mark for s in active if s.start <= a < s.end)
        if marks:
            out.append((a, b, marks))
    return out


def _point(at: int, where: dict[int, tuple[int, int]], text: str) -> tuple[int, int] | None:
    """Where something inserted at a source offset stands in the TEI: after the last character before it, or
    before the first after it."""
    for k in range(at - 1, -1, -1):
        if k in where:
            n, i = where[k]
            return n, i + 1
    for k in range(at, len(text)):
        if k in where:
            return where[k]
    return None


def _edit(node: Node, start: int, end: int, what) -> None:
    e, tail = node
    s = _string(node)
    if isinstance(what, list):  # marks: wrap s[start:end]
        outer = inner = None
        for mark in what:
            m = mark_element(mark)
            if inner is None:
                outer = m
            else:
                inner.append(m)
            inner = m
        inner.text = s[start:end]
        new = outer
    else:
        new = what
    new.tail = s[end:]
    if tail:
        e.tail = s[:start]
        parent = e.getparent()
        parent.insert(parent.index(e) + 1, new)
    else:
        e.text = s[:start]
        e.insert(0, new)


#: Elements that are a block of a record's text: a table or a list takes the place of whole ones.
_BLOCKS = {T + n for n in ("p", "ab", "head", "fw", "stage", "quote", "dateline", "opener", "sp", "note", "list")}
_CONTAINERS = {T + n for n in ("div", "body", "front", "back")}


def _block(e: etree._Element, level: str) -> etree._Element | None:
    """The element's ancestor-or-self that is a child of a division (``level`` "div") or a paragraph (``"p"``)."""
    while e is not None:
        parent = e.getparent()
        if parent is None:
            return None
        if level == "div" and parent.tag in _CONTAINERS:
            return e
        if level == "p" and e.tag in (T + "p", T + "ab"):
            return e
        e = parent
    return None


def _targets(st: Structure, nodes, where, owner, texts) -> list[etree._Element] | None:
    """The whole blocks of the TEI that hold the words of a table or a list and nothing else, as consecutive
    siblings: first as children of a division, else as paragraphs (of a turn)."""
    chars = [where[k] for k in range(st.start, st.end) if k in where]
    if not chars:
        return None
    for level in ("div", "p"):
        blocks: list[etree._Element] = []
        for n, _ in chars:
            b = _block(nodes[n][0] if not nodes[n][1] else nodes[n][0].getparent(), level)
            if b is None:
                blocks = []
                break
            if not blocks or blocks[-1] is not b:
                blocks.append(b)
        if not blocks or len({id(b.getparent()) for b in blocks}) != 1:
            continue
        parent = blocks[0].getparent()
        run = list(parent)[parent.index(blocks[0]):parent.index(blocks[-1]) + 1]
        if all(_only(b, st, nodes, owner) for b in run if isinstance(b.tag, str)):
            return run
    return None


def _only(block: etree._Element, st: Structure, nodes, owner) -> bool:
    """Whether every character of the block (its tail aside) is of the structure's text."""
    inside = {id(x) for x in block.iter()}
    for n, (e, tail) in enumerate(nodes):
        if id(e) in inside and not (tail and e is block):
            text = _string(nodes[n])
            offsets = owner.get(n, [])
            if len(offsets) != sum(1 for c in text if not c.isspace()):
                return False
            if any(not st.start <= k < st.end for k in offsets):
                return False
    return True


def _replace(targets: list[etree._Element], element: etree._Element, st: Structure) -> None:
    first = targets[0]
    parent = first.getparent()
    if first.tag in (T + "p", T + "ab") and parent.tag not in _CONTAINERS:
        wrapper = etree.Element(T + "p")  # a table or a list in a turn: in a paragraph of it (sp holds no table)
        wrapper.append(element)
        element = wrapper
    element.tail = targets[-1].tail
    parent.replace(first, element)
    for other in targets[1:]:
        parent.remove(other)


def _heading_block(st: Structure, nodes, where, owner) -> etree._Element | None:
    """The paragraph of a division that holds a heading's words and nothing else, if the text made one of it."""
    chars = [where[k] for k in range(st.start, st.end) if k in where]
    if not chars:
        return None
    e = nodes[chars[0][0]][0] if not nodes[chars[0][0]][1] else nodes[chars[0][0]][0].getparent()
    block = _block(e, "div")
    if block is None or block.tag != T + "p" or block.getparent().tag != T + "div":
        return None
    return block if _only(block, st, nodes, owner) else None


def _heading(block: etree._Element, level: int) -> None:
    """A heading the text gave as a paragraph of a division: the head of a new division (``div type="section"``)
    that holds what follows it, nested by the headings' levels."""
    div = block.getparent()
    block.tag = T + "head"
    before = [c for c in list(div)[:div.index(block)] if isinstance(c.tag, str)]
    if all(c.tag == T + "head" for c in before):
        return  # the first words of the division: its head
    section = etree.Element(T + "div", type="section", _level=str(level))
    following = list(div)[div.index(block):]
    for c in following:
        section.append(c)
    parent = div
    while parent.get("type") == "section" and int(parent.get("_level", "0")) >= level and \
            parent.getparent().tag == T + "div":
        parent = parent.getparent()
    if parent is div:
        div.append(section)
    else:
        child = next(c for c in parent if div in c.iter())
        parent.insert(parent.index(child) + 1, section)
    section.tail = None



def verify(flow: Flow, texts: list[etree._Element]) -> list[str]:
    """Every character of the document reaches the TEI: those of its text, notes, deletions, comments, tables and
    lists, counted (the spaces aside: a note stands against the word it follows), against the characters of the
    records' text as read back (:func:`reading_text`)."""
    expected = Counter(comparable(flow.text).replace(" ", ""))
    for ins in flow.inserts:
        expected.update(comparable(" ".join(ins.element.itertext())).replace(" ", ""))
    got = Counter(comparable(" ".join(reading_text(t) for t in texts)).replace(" ", ""))
    missing = expected - got
    if not missing:
        return []
    chars = "".join(c for c, _ in missing.most_common(10))
    return [f"{sum(missing.values())} characters of the document are not in the TEI (among them {chars!r})"]
