"""Saved web pages (.html, .htm) read as an editor reads an archive's page: its main content (``main``, ``[role=main]``,
an ``article``, else the body), without the page's chrome (its navigation, header, footer, asides, scripts, forms),
which is left out and said so in the report.

Headings (``h1``-``h6``) are headings, ``p`` and the blocks that hold text paragraphs, ``ul``/``ol`` lists, ``table``
tables (``colspan``/``rowspan`` as ``@cols``/``@rows``), ``em``/``i``/``cite``, ``strong``/``b``, ``u``, ``s``/``del``,
``sup``, ``sub`` ``hi/@rend``, ``a href`` links, ``lang`` ``foreign/@xml:lang`` where it is not the page's, ``img`` a
figure (its address kept; nothing is fetched). A footnote is a link to a note of the page (``<sup><a
href="#fn1">1</a></sup>``): the note, with its own formatting, is a ``note`` at its mark and leaves its place at the
foot of the page. The page's title, date and canonical address are the document's properties."""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from ..records import TranscriptError
from .model import Document, Mark, Para, Piece, tei, write_cell, write_inline, write_note

#: The largest page read (bytes).
MAX_PAGE = 50 * 2**20
#: A page's chrome: never its content.
CHROME = {"nav", "header", "footer", "aside", "script", "style", "noscript", "template", "form", "button", "select",
          "input", "textarea", "iframe", "object", "embed", "svg", "canvas", "menu", "dialog", "head", "link",
          "meta"}
CHROME_ROLE = {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog"}
BLOCK = {"p", "div", "section", "article", "main", "blockquote", "pre", "address", "li", "dd", "dt", "dl", "ul",
         "ol", "table", "figure", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "center", "details",
         "summary", "body", "html", "fieldset", "caption", "tbody", "thead", "tfoot", "tr", "td", "th"}
REND = {"em": "italic", "i": "italic", "cite": "italic", "dfn": "italic", "var": "italic", "strong": "bold",
        "b": "bold", "u": "underline", "s": "strikethrough", "strike": "strikethrough", "del": "strikethrough",
        "sup": "superscript", "sub": "subscript"}
#: A footnote's mark as a page prints it: a number, a letter or a sign, perhaps in brackets.
NOTE_MARK = re.compile(r"^\s*[\[(]?(?:\d{1,3}|[a-z]|[ivx]{1,5}|[*\u2020\u2021\u00a7])[\])]?\s*$", re.I)
BACKLINK = re.compile(r"^\s*(?:\u21a9\ufe0e?|\u2191|\^|back|return|zur\u00fcck|retour)\s*$", re.I)
CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w\-]+)""", re.I)


def _decode(name: str, data: bytes) -> tuple[str, list[tuple[str, str]]]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace"), []
    m = CHARSET.search(data[:4096])
    charset = m.group(1).decode("ascii", "replace").lower() if m else "utf-8"
    try:
        return data.decode(charset), []
    except (LookupError, UnicodeDecodeError):
        try:
            return data.decode("utf-8"), []
        except UnicodeDecodeError:
            return data.decode("cp1252", "replace"), [("warning", f"{name}: not UTF-8 and no charset it keeps to: "
                                                                 "read as Windows-1252")]


class _Reader:
    def __init__(self, name: str, root: etree._Element):
        self.name = name
        self.root = root
        self.doc = Document("web page (.html)", [])
        self.language = (root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang") or "").lower()
        self.notes: dict[str, etree._Element] = {}
        self.used: set[int] = set()  # the ids of elements read as notes
        self.n_note = 0

    def read(self) -> Document:
        self._properties()
        body = self.root.find(".//body")
        if body is None:
            body = self.root
        main = self._main(body)
        dropped = len(" ".join(body.itertext()).split()) - len(" ".join(main.itertext()).split())
        chrome = sum(len(" ".join(e.itertext()).split()) for e in main.iter() if self._is_chrome(e))
        if dropped + chrome > 0:
            self.doc.messages.append(("info", f"the page's chrome (navigation, header, footer, asides, scripts: "
                                              f"{dropped + chrome} words) is left out; its content is "
                                              f"<{main.tag}{' id=' + repr(main.get('id')) if main.get('id') else ''}>"))
        for e in main.iter():
            if isinstance(e.tag, str) and e.get("id"):
                self.notes.setdefault(e.get("id"), e)
            if e.tag == "a" and e.get("name"):
                self.notes.setdefault(e.get("name"), e)
        self._find_notes(main)
        self.doc.paras = self.blocks(main)
        return self.doc

    def _properties(self) -> None:
        title = self.root.findtext(".//head/title")
        if title and title.strip():
            self.doc.properties["title"] = " ".join(title.split())
        for meta in self.root.iter("meta"):
            key = (meta.get("name") or meta.get("property") or "").lower()
            if key in ("dc.date", "date", "article:published_time", "dcterms.date", "citation_date") and \
                    meta.get("content"):
                self.doc.properties.setdefault("created", meta.get("content").strip())
            if key in ("author", "dc.creator", "citation_author") and meta.get("content"):
                self.doc.properties.setdefault("author", meta.get("content").strip())
        for link in self.root.iter("link"):
            if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
                self.doc.properties["url"] = link.get("href").strip()

    def _is_chrome(self, e) -> bool:
        return isinstance(e.tag, str) and (e.tag in CHROME or (e.get("role") or "").lower() in CHROME_ROLE or
                                           e.get("hidden") is not None or e.get("aria-hidden") == "true")

    def _main(self, body: etree._Element) -> etree._Element:
        for path in (".//main", ".//*[@role='main']", ".//article"):
            found = [e for e in body.findall(path) if not any(self._is_chrome(a) for a in e.iterancestors())]
            if found:
                return max(found, key=lambda e: len(" ".join(e.itertext())))
        return body

    def _find_notes(self, main: etree._Element) -> None:
        """The page's footnotes: links to an element of the page whose words are a note's mark."""
        self.marks: dict[int, etree._Element] = {}
        for a in main.iter("a"):
            href = a.get("href") or ""
            if not href.startswith("#") or len(href) < 2:
                continue
            words = "".join(a.itertext())
            in_sup = a.getparent() is not None and a.getparent().tag == "sup" or a.find("sup") is not None
            hint = re.search(r"note|fn|foot", " ".join((a.get("class") or "", a.get("id") or "", href)), re.I)
            target = self.notes.get(href[1:])
            if target is None or not NOTE_MARK.match(words) or not (in_sup or hint):
                continue
            block = target
            while block.tag in ("a", "span", "sup", "b", "strong", "i", "em") and block.getparent() is not None:
                block = block.getparent()
            if any(x is a for x in block.iter("a")):
                continue  # the mark is inside what it points to: a link back, not a note
            self.marks[id(a)] = block
            self.used.add(id(block))

    # --- blocks --------------------------------------------------------------------------------------------------

    def blocks(self, container: etree._Element) -> list[Para]:
        out: list[Para] = []
        pending: list[Piece] = []

        def flush() -> None:
            if any(isinstance(p, str) and p.strip() or not isinstance(p, str) for p, _ in pending):
                out.append(Para("p", _trim(pending)))
            pending.clear()

        self._inline_text(container.text, (), pending)
        for child in container:
            if not isinstance(child.tag, str) or self._is_chrome(child) or id(child) in self.used:
                self._inline_text(child.tail, (), pending)
                continue
            tag = child.tag
            if tag in BLOCK:
                flush()
                out += self.block(child)
            else:
                self.inline(child, (), pending)
            self._inline_text(child.tail, (), pending)
        flush()
        return out

    def block(self, e: etree._Element) -> list[Para]:
        tag = e.tag
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            pieces: list[Piece] = []
            self.inline_children(e, (), pieces)
            self.doc.count("headings")
            return [Para("head", _trim(pieces), level=int(tag[1]))]
        if tag in ("ul", "ol"):
            return self.list(e, 0, f"list-{id(e)}", tag == "ol")
        if tag == "table":
            return [self.table(e)]
        if tag == "hr":
            return []
        if tag == "pre":
            pieces = []
            self.inline_children(e, (), pieces, pre=True)
            return [Para("p", pieces)]
        if tag == "figure" or tag == "img":
            figure = self.figure(e)
            return [Para("p", [(figure, ())])] if figure is not None else []
        if tag == "p":
            pieces = []
            self.inline_children(e, (), pieces)
            return [Para("p", _trim(pieces))] if pieces else []
        return self.blocks(e)

    def list(self, e: etree._Element, level: int, group: str, ordered: bool) -> list[Para]:
        out: list[Para] = []
        for li in e:
            if not isinstance(li.tag, str) or li.tag != "li" or id(li) in self.used:
                continue
            pieces: list[Piece] = []
            nested: list[Para] = []
            self._inline_text(li.text, (), pieces)
            for c in li:
                if isinstance(c.tag, str) and c.tag in ("ul", "ol"):
                    nested += self.list(c, level + 1, group, c.tag == "ol")
                elif isinstance(c.tag, str) and c.tag in BLOCK and c.tag not in ("ul", "ol"):
                    for para in self.block(c):
                        if pieces:
                            pieces.append(("\n", ()))
                        pieces.extend(para.pieces)
                elif isinstance(c.tag, str) and not self._is_chrome(c):
                    self.inline(c, (), pieces)
                self._inline_text(c.tail, (), pieces)
            self.doc.count("list items")
            out.append(Para("item", _trim(pieces), level=level, group=group, ordered=ordered))
            out += nested
        return out

    def table(self, t: etree._Element) -> Para:
        table = tei("table")
        rows_text = []
        for tr in t.iter("tr"):
            if next(tr.iterancestors("table")) is not t:
                continue
            row = tei("row")
            texts = []
            for td in tr:
                if not isinstance(td.tag, str) or td.tag not in ("td", "th"):
                    continue
                cell = tei("cell", role="label" if td.tag == "th" else "")
                for att, name in (("colspan", "cols"), ("rowspan", "rows")):
                    v = (td.get(att) or "").strip()
                    if v.isdigit() and v not in ("0", "1"):
                        cell.set(name, v)
                paras = self.blocks(td)
                write_cell(cell, paras)
                row.append(cell)
                texts.append(" ".join(p.text for p in paras).strip())
            if len(row):
                table.append(row)
                rows_text.append("\t".join(texts))
        caption = t.find("caption")
        if caption is not None:
            head = tei("head")
            pieces: list[Piece] = []
            self.inline_children(caption, (), pieces)
            write_inline(head, _trim(pieces))
            table.insert(0, head)
            rows_text.insert(0, "".join(p for p, _ in pieces if isinstance(p, str)).strip())
        self.doc.count("tables")
        return Para("table", [("\n".join(rows_text), ())], element=table)

    def figure(self, e: etree._Element) -> etree._Element | None:
        imgs = [e] if e.tag == "img" else list(e.iter("img"))
        if not imgs:
            return None
        figure = tei("figure")
        for img in imgs:
            src = img.get("src") or ""
            if src and not src.startswith("data:"):
                figure.append(tei("graphic", url=src))
        caption = e.find("figcaption") if e.tag == "figure" else None
        desc = " ".join("".join(caption.itertext()).split()) if caption is not None else (imgs[0].get("alt") or "")
        if desc.strip():
            figure.append(tei("figDesc", desc.strip()))
        if not len(figure):
            return None
        self.doc.count("images")
        return figure

    # --- inline --------------------------------------------------------------------------------------------------

    def _inline_text(self, text: str | None, marks: tuple[Mark, ...], out: list[Piece], pre: bool = False) -> None:
        if text:
            out.append((text if pre else re.sub(r"[ \t\r\n\f]+", " ", text), marks))

    def inline_children(self, e: etree._Element, marks: tuple[Mark, ...], out: list[Piece], pre: bool = False):
        self._inline_text(e.text, marks, out, pre)
        for c in e:
            if isinstance(c.tag, str) and not self._is_chrome(c) and id(c) not in self.used:
                self.inline(c, marks, out, pre)
            self._inline_text(c.tail, marks, out, pre)

    def inline(self, e: etree._Element, marks: tuple[Mark, ...], out: list[Piece], pre: bool = False) -> None:
        tag = e.tag
        if id(e) in self.marks:
            self.n_note += 1
            note = tei("note", place="foot", n="".join(e.itertext()).strip(" []()") or str(self.n_note))
            body = self.marks[id(e)]
            for back in [a for a in body.iter("a") if BACKLINK.match("".join(a.itertext()) or "") or
                         (a.get("href") or "").startswith("#fnref")]:
                back.drop_tree()  # the link back to the mark: the page's navigation, not the note's words
            paras = self.blocks(body) if body.tag not in ("a", "span") else []
            if paras and paras[0].pieces and isinstance(paras[0].pieces[0][0], str):  # the note's own number
                first = paras[0].pieces[0][0]
                number = re.match(r"^\s*[\[(]?" + re.escape(note.get("n")) + r"[\])]?[.:]?\s*", first)
                if number and number.end() < len(first):
                    paras[0].pieces[0] = (first[number.end():], paras[0].pieces[0][1])
                    note.set("n", first[:number.end()].strip())
            write_note(note, paras)
            self.doc.count("footnotes")
            out.append((note, ()))
            return
        if tag == "br":
            out.append(("\n", marks))
            return
        if tag == "img":
            figure = self.figure(e)
            if figure is not None:
                out.append((figure, ()))
            return
        if tag == "sup" and len(e) == 1 and id(e[0]) in self.marks and not (e.text or "").strip():
            self.inline(e[0], marks, out, pre)
            return
        extra: list[Mark] = []
        if tag in REND:
            extra.append(("hi", (("rend", REND[tag]),)))
        if tag == "a" and e.get("href") and not e.get("href", "").lower().startswith(("javascript:", "#")):
            extra.append(("ref", (("target", e.get("href").strip()),)))
        lang = (e.get("lang") or "").lower()
        if lang and self.language and lang.split("-")[0] != self.language.split("-")[0]:
            extra.append(("foreign", (("xml:lang", e.get("lang")),)))
        self.inline_children(e, _merge(marks, extra), out, pre or tag == "pre")


def _merge(marks: tuple[Mark, ...], extra: list[Mark]) -> tuple[Mark, ...]:
    """Marks with more: ``hi`` tokens join one ``hi`` (bold inside italic: ``rend="bold italic"``)."""
    out = list(marks)
    for mark in extra:
        if mark[0] == "hi":
            old = next((m for m in out if m[0] == "hi"), None)
            if old is not None:
                tokens = dict(old[1])["rend"].split()
                new = dict(mark[1])["rend"]
                out[out.index(old)] = ("hi", (("rend", " ".join(tokens + ([new] if new not in tokens else []))),))
                continue
        out.append(mark)
    return tuple(out)


def _trim(pieces: list[Piece]) -> list[Piece]:
    """A paragraph's pieces without the spaces the page's source put around it."""
    out = list(pieces)
    while out and isinstance(out[0][0], str) and not out[0][0].strip():
        out.pop(0)
    while out and isinstance(out[-1][0], str) and not out[-1][0].strip():
        out.pop()
    if out and isinstance(out[0][0], str):
        out[0] = (out[0][0].lstrip(), out[0][1])
    if out and isinstance(out[-1][0], str):
        out[-1] = (out[-1][0].rstrip(), out[-1][1])
    return out


def read_html(name: str, data: bytes) -> Document:
    if len(data) > MAX_PAGE:
        raise TranscriptError(f"{name}: a page of {len(data):,} bytes; more than {MAX_PAGE:,} are not read")
    text, messages = _decode(name, data)
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as e:
        raise TranscriptError(f"{name}: not a readable web page ({e})") from None
    reader = _Reader(name, root)
    doc = reader.read()
    doc.messages[:0] = messages
    return doc
