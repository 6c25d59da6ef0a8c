"""A transcript typed in Markdown: its ATX headings (``# Title``, ``## Section``, ``### Speaker:``) are headings of
their level, the marks formatting as a word processor's heading style is, not words. Everything else stays the
text the reader of transcripts reads (it knows Markdown's bold, lists and rules, and a front matter:
:mod:`..front_matter`), each block as typed (its line breaks kept), so that a transcript saved as Markdown reads as
the same transcript saved as text, with its headings' levels said; an inline link is its words, linked."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .model import Document, Para, Piece

#: An ATX heading: one to six number signs, a space, its words (the closing number signs CommonMark allows too).
HEADING = re.compile(r"^ {0,3}(?P<marks>#{1,6})[ \t]+(?P<text>.*?\S)(?:[ \t]+#+)?[ \t]*$")
#: The line that opens or closes a fenced block of code (its lines are text, whatever they open with).
FENCE = re.compile(r"^ {0,3}(?:```|~~~)")


#: A backslash escape: a backslash before a character of ASCII's punctuation, which it makes that character as typed
#: (``\[16:39\]``: brackets, not a link's; ``\*``: an asterisk, not emphasis). The backslash is Markdown's, no word.
ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
#: Where an escaped character stands while the rest is read (a character of Unicode's private use area, which no
#: pattern of Markdown's marks matches), until :func:`_restore` puts it back.
_PROTECTED = re.compile("[\ue021-\ue07e]")


def _protect(line: str) -> str:
    return line if _PROTECTED.search(line) else ESCAPE.sub(lambda m: chr(0xE000 + ord(m.group(1))), line)


def _restore(text: str) -> str:
    return _PROTECTED.sub(lambda m: chr(ord(m.group()) - 0xE000), text)


def _read(text: str) -> Iterator[tuple[str, re.Match | None]]:
    """Each line of a text, with its heading's parts where it is an ATX heading with a letter in its words (not "#
    5" nor "#####", and not inside a fenced block of code); outside such a block each backslash escape is held
    apart (:func:`_protect`: an escaped number sign opens no heading), its character put back by :func:`_restore`
    once the marks are read. (A line that already holds a character of the private use area in question is read as
    typed.)"""
    fenced = False
    for line in re.split(r"\r\n|[\n\r\x0b\x0c]", text):  # (a line ended as on Windows too: CR LF)
        if FENCE.match(line):
            fenced = not fenced
        line = line if fenced else _protect(line)
        m = None if fenced else HEADING.match(line)
        yield line, m if m and re.search(r"[^\W\d_]", m["text"]) else None


def typed_in_markdown(text: str) -> bool:
    """Whether a text has a Markdown heading (the one test of what :func:`read_markdown` reads as one)."""
    return any(m for _, m in _read(text))


def unmarked(text: str, markdown: bool | None = None) -> str:
    """The text as :func:`read_markdown` reads it: each heading's words without their marks, each inline link its
    words, each image its description or address, each backslash escape its character (in a text with Markdown's
    headings, or ``markdown`` true: a plain text's brackets before a parenthesis, and its backslashes, stay as
    typed)."""
    if not (typed_in_markdown(text) if markdown is None else markdown):
        return text
    text = "\n".join(m["text"] if m else line for line, m in _read(text))
    return _restore(LINK.sub(r"\g<words>", IMAGE.sub(_image_words, text)))


#: An inline link: its words in brackets, its address in parentheses right after them (``[the report](https://...)``,
#: a page's own ``[Conclusion](#conclusion)``); not an image (``![...]``), nor brackets a space parts from their
#: parenthesis.
LINK = re.compile(r"(?<!!)\[(?P<words>[^\[\]\n]+(?:\n[^\[\]\n]+)?)\]\((?P<href>[^()\s]+)\)")
#: An image: its description in brackets (a line wrapped in it at most), its address in parentheses.
IMAGE = re.compile(r"!\[(?P<alt>[^\[\]\n]*(?:\n[^\[\]\n]+)?)\]\((?P<src>[^()\s]+)\)")


#: An image that is a link's words (``[![Screenshot of the page](shot.png)](https://example.org)``): its description,
#: linked where the link leads.
LINKED_IMAGE = re.compile(r"\[!\[(?P<lalt>[^\[\]\n]*)\]\((?P<lsrc>[^()\s]+)\)\]\((?P<lhref>[^()\s]+)\)")
#: Any of them, in the order they stand.
INLINE = re.compile(f"{LINKED_IMAGE.pattern}|{IMAGE.pattern}|{LINK.pattern}")


def _image_words(m: re.Match, alt: str = "alt", src: str = "src") -> str:
    """An image as the text reads it: its description, else its address (the match's groups ``alt`` and ``src``)."""
    return m[alt] if m[alt].strip() else m[src]


def _link(href: str) -> tuple:
    """The marks of words linked to ``href``: none for a link within the page (``#conclusion``)."""
    return () if href.startswith("#") else (("ref", (("target", _restore(href)),)),)


def _pieces(text: str, doc: Document) -> list[Piece]:
    """A block's words, each inline link its words with the link to its address (the marks Markdown writes around
    them are no words of the transcript, as a web page's tags are not); a link within the page (``#conclusion``) is
    its words alone, as the web page reader has it; an image its description (else its address), linked to the
    image (never fetched)."""
    out: list[Piece] = []
    pos = 0
    for m in INLINE.finditer(text):
        out.append((text[pos:m.start()], ()))
        if m["lhref"] is not None:  # (a linked image: its description, or its address, where the link leads)
            out.append((_image_words(m, "lalt", "lsrc"), _link(m["lhref"])))
            doc.count("images")
        elif m["src"] is not None:  # (its words where they stand: a figure set apart would be put where a rule's or a
            # front matter's marks, read as other characters, move it)
            out.append((_image_words(m), (("ref", (("target", _restore(m["src"])),)),)))
            doc.count("images")
        else:
            out.append((m["words"], _link(m["href"])))
        pos = m.end()
    out.append((text[pos:], ()))
    return [(_restore(words) if isinstance(words, str) else words, marks) for words, marks in out
            if not isinstance(words, str) or words]


#: A heading's line this long or longer may have been wrapped (a web page converted to Markdown at 80 columns).
WRAPPED_HEADING = 60


def _wrapped_heading(read: list[tuple[str, re.Match | None]], k: int) -> bool:
    """Whether the heading on line ``k`` goes on to the next line, as a page converted to Markdown wraps a long
    heading (``#  Versión estenográfica. Conferencia de prensa del presidente Andrés Manuel`` over ``López Obrador
    del 7 de octubre de 2022``): a long heading, then one line alone (a blank line or the end after it) that opens
    no list, quotation or other heading."""
    return len(read[k][0]) >= WRAPPED_HEADING and k + 1 < len(read) and read[k + 1][1] is None and \
        bool(read[k + 1][0].strip()) and not re.match(r"\s*(?:[-*+>|]|\d+[.)])\s", read[k + 1][0]) and \
        (k + 2 == len(read) or not read[k + 2][0].strip())


def read_markdown(text: str) -> Document:
    """The document a Markdown transcript is: a heading a paragraph of its level, the lines between headings and
    blank lines a paragraph each block (line breaks kept, as the text reader reads them)."""
    doc = Document(format="Markdown text", paras=[])
    lines: list[str] = []
    read = list(_read(text))
    wrapped = False
    for k, (line, m) in enumerate(read):
        if wrapped:  # (the line a wrapped heading goes on to: read with it)
            wrapped = False
            continue
        if (m or not line.strip()) and lines:
            doc.paras.append(Para("p", _pieces("\n".join(lines), doc)))
            lines.clear()
        if m:
            wrapped = _wrapped_heading(read, k)
            words = m["text"] + ("\n" + read[k + 1][0].strip() if wrapped else "")
            doc.paras.append(Para("head", _pieces(words, doc), level=len(m["marks"])))
            doc.count("headings")
        elif line.strip():
            lines.append(line)
    if lines:
        doc.paras.append(Para("p", _pieces("\n".join(lines), doc)))
    return doc
