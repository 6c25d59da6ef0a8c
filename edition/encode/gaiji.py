"""Characters of Unicode's private use areas, as a source holds them (a symbol font's character in a Word document,
a font's own glyph in a transcript), encoded as TEI's gaiji module says: each a ``g`` that keeps the character and
points to a ``char`` of the header's ``charDecl``, which names it (``localProp``: its name and font, where the
source says it) and maps it (``mapping type="PUA"``). The character is kept as it was: a reader who knows the font
can still read it, and nothing says it is a character it may not be."""

from __future__ import annotations

import re

from lxml import etree

from ..conventions import XML_ID, T
from .tei import sub

#: The private use areas: the Basic Multilingual Plane's and planes 15 and 16.
PRIVATE = re.compile("[\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]")
#: Elements whose content is text only, or that hold no character of the record's text.
NO_G = {T + "lb", T + "pb", T + "milestone", T + "graphic", T + "g"}


def char_id(c: str) -> str:
    return f"char-{ord(c):04X}"


def encode_private_use(tei: etree._Element, fonts: dict[str, str] | None = None) -> int:
    """Wrap each private-use character of a record's text in a ``g`` (``fonts``: the font each came from, where
    known) and declare it in the header; the number of characters wrapped."""
    text = tei.find(T + "text")
    if text is None:
        return 0
    seen: dict[str, int] = {}
    for e in list(text.iter()):
        if not isinstance(e.tag, str) or e.tag in NO_G:
            continue
        if e.text and PRIVATE.search(e.text):
            e.text = _wrap(e, e.text, 0, seen)
        for child in list(e):
            if child.tail and PRIVATE.search(child.tail):
                child.tail = _wrap(e, child.tail, e.index(child) + 1, seen)
    if seen:
        _declare(tei, seen, fonts or {})
    return sum(seen.values())


def _wrap(parent: etree._Element, text: str, at: int, seen: dict[str, int]) -> str:
    """Insert a ``g`` for each private-use character of ``text`` (which stands before the child at ``at``);
    returns the text before the first."""
    parts = PRIVATE.split(text)
    chars = PRIVATE.findall(text)
    for k, c in enumerate(chars):
        g = etree.Element(T + "g", ref="#" + char_id(c))
        g.text = c
        g.tail = parts[k + 1]
        parent.insert(at + k, g)
        seen[c] = seen.get(c, 0) + 1
    return parts[0]


def _declare(tei: etree._Element, seen: dict[str, int], fonts: dict[str, str]) -> None:
    header = tei.find(T + "teiHeader")
    encoding = header.find(T + "encodingDesc") if header is not None else None
    if encoding is None:
        return
    decl = encoding.find(T + "charDecl")
    if decl is None:
        decl = sub(encoding, "charDecl")
    sub(decl, "desc", "Characters of Unicode's private use areas, kept as the source holds them.")
    for c in sorted(seen):
        char = sub(decl, "char")
        char.set(XML_ID, char_id(c))
        font = fonts.get(c)
        name = f"{font.upper()} CHARACTER {ord(c):04X}" if font else f"PRIVATE USE CHARACTER {ord(c):04X}"
        sub(char, "localProp", name_="name", value=name)  # (sub's own first argument is "name")
        if font:
            sub(char, "localProp", name_="font", value=font)
        sub(char, "mapping", c, type="PUA")
        sub(char, "desc", f"A character of the font {font}, which gives it no Unicode character." if font else
            "A character of Unicode's private use area, as the source has it.")
