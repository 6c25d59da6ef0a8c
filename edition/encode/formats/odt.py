"""OpenDocument texts (.odt: LibreOffice, OpenOffice, Word's "Save as ODT") read as the TEI Stylesheets' odttotei reads
them: the package's ``content.xml`` and ``styles.xml`` with lxml, styles resolved through their parents.

What becomes what is what it becomes for Word (:mod:`.docx`): ``text:h`` and a style's outline level a heading,
``text:list`` a list, ``table:table`` a table (spanned cells ``@cols``/``@rows``), a style's weight, slant,
underline, line-through, small capitals, capitals and position ``hi/@rend`` (``emph`` in the style Emphasis), its
language ``foreign/@xml:lang`` where it is not the document's, ``text:a`` a link, ``text:note`` a footnote or endnote
at its citation, ``office:annotation`` a comment, the tracked insertions and deletions (``text:tracked-changes``)
``add`` and ``del``, ``draw:image`` a figure whose file is copied beside the TEI, ``text:soft-page-break`` nothing
(the layout's, not the author's) and a page break of a style ``pb``."""

from __future__ import annotations

import posixpath
from collections import Counter

from lxml import etree

from ...conventions import FORMATTING
from .archive import Package
from .model import EMPHASIS, Document, Mark, Para, Piece, emphasised, tei, write_cell, write_inline, write_note

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "xlink": "http://www.w3.org/1999/xlink",
    "dc": "http://purl.org/dc/elements/1.1/",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
}


def q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


class Styles:
    """The document's styles by family and name: each one's text properties and its parent."""

    def __init__(self, *roots: etree._Element | None):
        self.by_name: dict[tuple[str, str], etree._Element] = {}
        self.list_styles: dict[str, etree._Element] = {}
        for root in roots:
            if root is None:
                continue
            for s in root.iter(q("style:style")):
                self.by_name[(s.get(q("style:family"), ""), s.get(q("style:name"), ""))] = s
            for s in root.iter(q("text:list-style")):
                self.list_styles[s.get(q("style:name"), "")] = s

    def chain(self, family: str, name: str | None) -> list[etree._Element]:
        out, seen = [], set()
        while name and (family, name) in self.by_name and name not in seen:
            seen.add(name)
            out.append(self.by_name[(family, name)])
            name = self.by_name[(family, name)].get(q("style:parent-style-name"))
        return out

    def text_properties(self, family: str, name: str | None) -> list[etree._Element]:
        """Weakest first."""
        return [p for s in reversed(self.chain(family, name)) if (p := s.find(q("style:text-properties")))
                is not None]

    def emphasis(self, name: str | None) -> bool:
        """Whether a text style is (or derives from) an emphasis style, by its name or the name it is shown by."""
        return any(EMPHASIS.match(s.get(q("style:display-name")) or s.get(q("style:name"), "").replace("_20_", " "))
                   for s in self.chain("text", name))

    def outline(self, name: str | None) -> int:
        for s in self.chain("paragraph", name):
            level = s.get(q("style:default-outline-level"))
            if level and level.isdigit():
                return int(level)
        return 0

    def breaks_before(self, name: str | None) -> bool:
        for s in self.chain("paragraph", name):
            p = s.find(q("style:paragraph-properties"))
            if p is not None and p.get(q("fo:break-before")) == "page":
                return True
        return False

    def ordered(self, list_style: str | None, level: int) -> bool:
        style = self.list_styles.get(list_style or "")
        if style is None:
            return False
        for child in style:
            if child.get(q("text:level")) == str(level + 1):
                return etree.QName(child).localname == "list-level-style-number"
        return False


def _rend(props: list[etree._Element]) -> tuple[dict[str, bool], str | None]:
    rend: dict[str, bool] = {}
    lang = None
    for p in props:
        weight = p.get(q("fo:font-weight"))
        if weight:
            rend["bold"] = weight in ("bold", "600", "700", "800", "900")
        if p.get(q("fo:font-style")):
            rend["italic"] = p.get(q("fo:font-style")) in ("italic", "oblique")
        if p.get(q("style:text-underline-style")):
            rend["underline"] = p.get(q("style:text-underline-style")) != "none"
        if p.get(q("style:text-line-through-style")):
            rend["strikethrough"] = p.get(q("style:text-line-through-style")) != "none"
        if p.get(q("fo:font-variant")):
            rend["smallcaps"] = p.get(q("fo:font-variant")) == "small-caps"
        if p.get(q("fo:text-transform")):
            rend["allcaps"] = p.get(q("fo:text-transform")) == "uppercase"
        position = p.get(q("style:text-position"))
        if position:
            first = position.split()[0]
            rend["superscript"] = first == "super" or (first.endswith("%") and not first.startswith(("-", "0")))
            rend["subscript"] = first == "sub" or first.startswith("-")
        if p.get(q("fo:language")) and p.get(q("fo:language")) != "zxx":
            lang = p.get(q("fo:language"))
    return rend, lang


class _Reader:
    def __init__(self, pkg: Package):
        self.pkg = pkg
        self.doc = Document("OpenDocument (.odt)", [])
        self.content = pkg.xml("content.xml")
        self.styles = Styles(pkg.xml("styles.xml") if "styles.xml" in pkg else None, self.content)
        self.changes: dict[str, etree._Element] = {}
        self.people: dict[str, str] = {}
        self.n_note = {"foot": 0, "end": 0}
        self.language: str | None = None
        self.open_changes: set[str] = set()
        self.pending: dict[str, etree._Element] = {}  # comments on a stretch of words, until its end

    def read(self) -> Document:
        text = self.content.find(f"{q('office:body')}/{q('office:text')}")
        if text is None:
            raise ValueError("no office:text")
        for region in text.iter(q("text:changed-region")):
            self.changes[region.get(q("text:id")) or region.get("{http://www.w3.org/XML/1998/namespace}id", "")] = \
                region
        self.language = self._language()
        self.doc.paras = self.blocks(text)
        self.doc.people = self.people
        self._properties()
        return self.doc

    def _language(self) -> str | None:
        counts: Counter = Counter()
        default = None
        for root in (self.content,):
            for s in root.iter(q("style:default-style")):
                p = s.find(q("style:text-properties"))
                if p is not None and p.get(q("fo:language")):
                    default = p.get(q("fo:language"))
        if "styles.xml" in self.pkg:
            for s in self.pkg.xml("styles.xml").iter(q("style:default-style")):
                p = s.find(q("style:text-properties"))
                if p is not None and p.get(q("fo:language")):
                    default = default or p.get(q("fo:language"))
        for p in self.content.iter(q("text:p"), q("text:h")):
            _, lang = _rend(self.styles.text_properties("paragraph", p.get(q("text:style-name"))))
            counts[lang or default] += len("".join(p.itertext()))
        return counts.most_common(1)[0][0] if counts else default

    def blocks(self, container: etree._Element, list_info: tuple | None = None) -> list[Para]:
        out: list[Para] = []
        for child in container:
            if not isinstance(child.tag, str):
                continue
            tag = child.tag
            if tag in (q("text:p"), q("text:h")):
                out += self.paragraph(child, list_info)
            elif tag == q("text:list"):
                out += self.list(child, list_info)
            elif tag == q("table:table"):
                out.append(self.table(child))
            elif tag in (q("text:section"), q("text:index-body"), q("table:table-row-group"),
                         q("text:table-of-content"), q("text:alphabetical-index"), q("text:bibliography"),
                         q("text:illustration-index"), q("text:user-index"), q("text:object-index")):
                out += self.blocks(child, list_info)
            elif tag == q("text:soft-page-break"):
                continue  # where the layout happened to break the page: not the author's
        return out

    def list(self, lst: etree._Element, outer: tuple | None) -> list[Para]:
        style = lst.get(q("text:style-name")) or (outer[0] if outer else None)
        level = outer[1] + 1 if outer else 0
        group = outer[2] if outer else f"list-{id(lst)}"
        out = []
        for item in lst:
            if item.tag in (q("text:list-item"), q("text:list-header")):
                out += self.blocks(item, (style, level, group))
        return out

    def paragraph(self, p: etree._Element, list_info: tuple | None) -> list[Para]:
        style = p.get(q("text:style-name"))
        level = int(p.get(q("text:outline-level"), "1") or 1) if p.tag == q("text:h") else self.styles.outline(style)
        out = []
        if self.styles.breaks_before(style):
            out.append(Para("break", element=tei("pb")))
        pieces: list[Piece] = []
        self.inline(p, (), pieces, None if level else style)
        pieces += [(note, ()) for note in self.pending.values()]  # a comment whose stretch ends elsewhere: here
        self.pending.clear()
        if level:
            self.doc.count("headings")
            out.append(Para("head", pieces, level=level))
        elif list_info is not None:
            self.doc.count("list items")
            list_style, depth, group = list_info
            out.append(Para("item", pieces, level=depth, group=group,
                            ordered=self.styles.ordered(list_style, depth)))
        else:
            out.append(Para("p", pieces))
        return out

    def formatting(self, family: str, name: str | None, base: list[etree._Element]) -> tuple[Mark, ...]:
        rend, lang = _rend(base + self.styles.text_properties(family, name))
        marks: list[Mark] = []
        tokens = [t for t in FORMATTING if rend.get(t)]
        if tokens:
            marks.append(("hi", (("rend", " ".join(tokens)),)))
        if lang and self.language and lang.lower() != self.language.lower():
            marks.append(("foreign", (("xml:lang", lang),)))
        return tuple(marks)

    def inline(self, el: etree._Element, marks: tuple[Mark, ...], out: list[Piece], pstyle: str | None,
               props: list[etree._Element] | None = None, emph: bool = False) -> None:
        props = props if props is not None else self.styles.text_properties("paragraph", pstyle)
        here = marks + self.formatting("text", None, props)
        here = emphasised(here) if emph else here

        def text(s: str | None, m: tuple[Mark, ...]) -> None:
            if s:
                out.append((s, m + self._added()))

        text(el.text, here)
        for c in el:
            if not isinstance(c.tag, str):
                text(c.tail, here)
                continue
            tag = c.tag
            if tag == q("text:span"):
                span_props = props + self.styles.text_properties("text", c.get(q("text:style-name")))
                self.inline(c, marks, out, pstyle, span_props,
                            emph or self.styles.emphasis(c.get(q("text:style-name"))))
            elif tag == q("text:a"):
                href = c.get(q("xlink:href"), "")
                self.inline(c, marks + ((("ref", (("target", href),)),) if href else ()), out, pstyle, props, emph)
            elif tag == q("text:s"):
                n = c.get(q("text:c"), "1")
                text(" " * (int(n) if n.isdigit() and int(n) < 1000 else 1), here)
            elif tag == q("text:tab"):
                text("\t", here)
            elif tag == q("text:line-break"):
                text("\n", here)
            elif tag == q("text:note"):
                note = self.note(c)
                if note is not None:
                    out.append((note, ()))
            elif tag == q("office:annotation"):
                if c.get(q("office:name")):  # a comment on a stretch of words: at its end, as Word puts it
                    self.pending[c.get(q("office:name"))] = self.comment(c)
                else:
                    out.append((self.comment(c), ()))
            elif tag == q("office:annotation-end") and c.get(q("office:name")) in self.pending:
                out.append((self.pending.pop(c.get(q("office:name"))), ()))
            elif tag == q("text:change-start"):
                self.open_changes.add(c.get(q("text:change-id"), ""))
            elif tag == q("text:change-end"):
                self.open_changes.discard(c.get(q("text:change-id"), ""))
            elif tag == q("text:change"):
                deleted = self.deletion(c.get(q("text:change-id"), ""))
                if deleted is not None:
                    out.append((deleted, ()))
            elif tag == q("draw:frame") or tag == q("draw:a"):
                for image in c.iter(q("draw:image")):
                    figure = self.image(image, c)
                    if figure is not None:
                        out.append((figure, ()))
                for box in c.iter(q("draw:text-box")):
                    for para in self.blocks(box):
                        out.extend(para.pieces)
            elif tag in (q("text:bookmark"), q("text:bookmark-start"), q("text:bookmark-end"),
                         q("text:reference-mark"), q("text:reference-mark-start"), q("text:reference-mark-end"),
                         q("office:annotation-end"), q("text:soft-page-break"), q("text:alphabetical-index-mark"),
                         q("text:toc-mark"), q("text:user-index-mark")):
                pass
            elif tag == q("text:ruby"):
                self.inline(c, marks, out, pstyle, props, emph)
            else:  # a field (text:date, text:page-number, text:sequence, ...): its text as shown
                self.inline(c, marks, out, pstyle, props, emph)
            text(c.tail, here)

    def _added(self) -> tuple[Mark, ...]:
        for cid in sorted(self.open_changes):
            region = self.changes.get(cid)
            if region is not None and region.find(q("text:insertion")) is not None:
                return (("add", self._info(region.find(q("text:insertion")))),)
        return ()

    def _info(self, change: etree._Element) -> tuple[tuple[str, str], ...]:
        info = change.find(q("office:change-info"))
        attrs = []
        if info is not None:
            who = info.findtext(q("dc:creator"))
            if who and who.strip():
                attrs.append(("resp", "#" + self.person(who.strip())))
            when = (info.findtext(q("dc:date")) or "").strip()
            if len(when) >= 19 and when[4] == "-" and when[10] == "T":
                attrs.append(("when", when[:19]))
        return tuple(attrs)

    def person(self, name: str) -> str:
        if name not in self.people:
            self.people[name] = f"reviser-{len(self.people) + 1}"
        return self.people[name]

    def deletion(self, cid: str) -> etree._Element | None:
        region = self.changes.get(cid)
        deletion = region.find(q("text:deletion")) if region is not None else None
        if deletion is None:
            return None
        removed: list[Piece] = []
        first = True
        for para in self.blocks(deletion):
            if not first:
                removed.append(("\n", ()))
            removed.extend(para.pieces)
            first = False
        self.doc.count("deletions")
        return write_inline(tei("del", **dict(self._info(deletion))), removed)

    def note(self, n: etree._Element) -> etree._Element | None:
        place = "end" if n.get(q("text:note-class")) == "endnote" else "foot"
        body = n.find(q("text:note-body"))
        if body is None:
            return None
        self.n_note[place] += 1
        citation = (n.findtext(q("text:note-citation")) or "").strip() or str(self.n_note[place])
        note = tei("note", place=place, n=citation)
        self._content(note, body)
        self.doc.count("footnotes" if place == "foot" else "endnotes")
        return note

    def comment(self, a: etree._Element) -> etree._Element:
        note = tei("note", type="comment")
        who = (a.findtext(q("dc:creator")) or "").strip()
        if who:
            note.set("resp", "#" + self.person(who))
        when = (a.findtext(q("dc:date")) or "").strip()
        if len(when) >= 10 and when[4] == "-":
            note.set("n", when[:10])
        holder = etree.Element("holder")
        for child in a:
            if child.tag in (q("text:p"), q("text:list")):
                holder.append(child.__copy__())
        self._content(note, holder)
        self.doc.count("comments")
        return note

    def _content(self, note: etree._Element, container: etree._Element) -> None:
        write_note(note, self.blocks(container))

    def image(self, image: etree._Element, frame: etree._Element) -> etree._Element | None:
        href = image.get(q("xlink:href"), "")
        figure = tei("figure")
        desc = (frame.findtext(q("svg:desc")) or frame.findtext(q("svg:title")) or "").strip()
        if href.startswith(("http:", "https:", "ftp:", "file:", "/", "..")):
            figure.append(tei("graphic", url=href))
            self.doc.messages.append(("info", f"an image linked from outside the document ({href}) is not fetched; "
                                              "its address is kept"))
        elif href in self.pkg:
            ext = posixpath.splitext(href)[1].lower()
            if ext not in (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp", ".tif", ".tiff"):
                return None
            name = f"image{len(self.doc.media) + 1}{ext}"
            self.doc.media[name] = self.pkg.bytes(href)
            figure.append(tei("graphic", url=name))
        else:
            return None
        if desc:
            figure.append(tei("figDesc", desc))
        self.doc.count("images")
        return figure

    def table(self, t: etree._Element) -> Para:
        table = tei("table")
        texts_rows = []
        for tr in t.iter(q("table:table-row")):
            if next(tr.iterancestors(q("table:table"))) is not t:
                continue
            row = tei("row")
            texts = []
            for tc in tr:
                if tc.tag != q("table:table-cell"):
                    continue  # a covered cell: the cell that spans it holds its words
                repeat = tc.get(q("table:number-columns-repeated"), "1")
                cell = tei("cell")
                cols, rows = tc.get(q("table:number-columns-spanned")), tc.get(q("table:number-rows-spanned"))
                if cols and cols != "1":
                    cell.set("cols", cols)
                if rows and rows != "1":
                    cell.set("rows", rows)
                paras = self.blocks(tc)
                write_cell(cell, paras)
                words = " ".join(p.text for p in paras if p.kind != "break").strip()
                n = int(repeat) if repeat.isdigit() else 1
                if n > 1 and not words:
                    n = 1  # a run of empty cells a spreadsheet repeats to the edge: one
                for _ in range(min(n, 64)):
                    row.append(cell if _ == 0 else cell.__copy__())
                    texts.append(words)
            if len(row):
                table.append(row)
                texts_rows.append("\t".join(texts))
        self.doc.count("tables")
        return Para("table", [("\n".join(texts_rows), ())], element=table)

    def _properties(self) -> None:
        if "meta.xml" not in self.pkg:
            return
        meta = self.pkg.xml("meta.xml")
        for key, path in (("title", ".//dc:title"), ("author", ".//meta:initial-creator"),
                          ("created", ".//meta:creation-date")):
            value = meta.findtext(path, namespaces=NS)
            if value and value.strip():
                self.doc.properties[key] = value.strip()


def read_odt(pkg: Package) -> Document:
    return _Reader(pkg).read()
