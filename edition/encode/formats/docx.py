"""Word documents (.docx, Office Open XML) read as the TEI Stylesheets' docxtotei reads them: the package's XML with
lxml, styles resolved through their ``basedOn`` chains.

What the formatting says: a heading style (an outline level, or a heading style's name in Word's languages) is a
heading; Title the document's title; a numbered or bulleted paragraph an item of a list; bold, italic, underline,
small capitals, superscript, subscript and strike-through runs ``hi/@rend``, a run in the character style Emphasis
``emph`` (its look as ``@rend``); a run in another language than the
document's ``foreign/@xml:lang``; a hyperlink ``ref/@target``; footnotes and endnotes ``note`` with ``@place`` at
their marks, comments ``note type="comment"``, tracked insertions ``add`` and deletions ``del`` (with who and when);
tables ``table/row/cell`` (merged cells as ``@cols`` and ``@rows``); page breaks ``pb``, section breaks
``milestone``; images ``figure/graphic``, their files copied beside the TEI. A field's code (``PAGE``,
``HYPERLINK "..."``) is no text of the document; its result is. Nothing the package points to outside itself is
fetched."""

from __future__ import annotations

import posixpath
import re
from collections import Counter

from lxml import etree

from ...conventions import FORMATTING
from .archive import Package
from .model import EMPHASIS, Document, Mark, Para, Piece, emphasised, tei, write_cell, write_inline, write_note

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
V = "urn:schemas-microsoft-com:vml"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
CORE = {"dc": "http://purl.org/dc/elements/1.1/", "dcterms": "http://purl.org/dc/terms/",
        "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"}


def w(name: str) -> str:
    return f"{{{W}}}{name}"


#: Heading styles by name, in the languages Word is used in (Word writes built-in names in English; other producers
#: and older files the user's language).
HEADING_NAME = re.compile(r"^(?:heading|überschrift|titre|título|titolo|nagłówek|kop|заголовок|rubrik|otsikko)"
                          r"\s*(\d)$", re.I)
TITLE_NAME = re.compile(r"^(?:title|titel|titre|título|titolo|tytuł|название|otsikko)$", re.I)
#: The formatting of a run, as ``hi/@rend`` tokens.
TOGGLES = {"b": "bold", "i": "italic", "strike": "strikethrough", "dstrike": "strikethrough",
           "smallCaps": "smallcaps", "caps": "allcaps"}
#: The Symbol font (``w:sym w:font="Symbol" w:char="F0DE"``) as Unicode, after Adobe's table of its encoding.
SYMBOL = dict(zip(range(0x20, 0x7F), " !∀#∃%&∋()∗+,−./0123456789:;<=>?≅ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ[∴]⊥_‾"
                  "αβχδεφγηιϕκλμνοπθρστυϖωξψζ{|}∼", strict=True)) | dict(
    zip(range(0xA0, 0xFF), "€ϒ′≤⁄∞ƒ♣♦♥♠↔←↑→↓°±″≥×∝∂•÷≠≡≈…⏐⎯↵ℵℑℜ℘⊗⊕∅∩∪⊃⊇⊄⊂⊆∈∉∠∇®©™∏√⋅¬∧∨⇔⇐⇑⇒⇓◊〈®©™∑⎛⎜⎝⎡⎢⎣⎧⎨⎩⎪"
                              "\uf8ff〉∫⌠⎮⌡⎞⎟⎠⎤⎥⎦⎫⎬⎭", strict=True))


def _on(e: etree._Element | None) -> bool | None:
    """A Word on/off property: ``<w:b/>`` on, ``w:val="0"``/``"false"``/``"none"`` off, absent None."""
    if e is None:
        return None
    return e.get(w("val"), "true").lower() not in ("0", "false", "off", "none")


class Styles:
    """The document's styles: what a paragraph or character style makes of its runs, resolved through
    ``basedOn``."""

    def __init__(self, root: etree._Element | None):
        self.by_id: dict[str, etree._Element] = {}
        self.default_para = None
        self.defaults = None
        if root is None:
            return
        for s in root.iter(w("style")):
            self.by_id[s.get(w("styleId"), "")] = s
            if s.get(w("type")) == "paragraph" and s.get(w("default")) in ("1", "true"):
                self.default_para = s.get(w("styleId"))
        self.defaults = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")

    def chain(self, sid: str | None) -> list[etree._Element]:
        out, seen = [], set()
        while sid and sid in self.by_id and sid not in seen:
            seen.add(sid)
            out.append(self.by_id[sid])
            based = self.by_id[sid].find(w("basedOn"))
            sid = based.get(w("val")) if based is not None else None
        return out

    def name(self, sid: str | None) -> str:
        style = self.by_id.get(sid or "")
        n = style.find(w("name")) if style is not None else None
        return (n.get(w("val")) if n is not None else sid) or ""

    def heading(self, sid: str | None, ppr: etree._Element | None) -> int:
        """The heading level of a paragraph (1 the top; 0 none): its outline level or its style's name."""
        own = ppr.find(w("outlineLvl")) if ppr is not None else None
        for e in [own] + [s.find(f"{w('pPr')}/{w('outlineLvl')}") for s in self.chain(sid)]:
            if e is not None:
                level = int(e.get(w("val"), "9")) if e.get(w("val"), "9").isdigit() else 9
                return level + 1 if level < 9 else 0
        for s in self.chain(sid):
            name = self.name(s.get(w("styleId")))
            if (m := HEADING_NAME.match(name)) and m.group(1) != "0":
                return int(m.group(1))
            if TITLE_NAME.match(name):
                return 1
        return 0

    def numbering(self, sid: str | None) -> etree._Element | None:
        for s in self.chain(sid):
            num = s.find(f"{w('pPr')}/{w('numPr')}")
            if num is not None:
                return num
        return None

    def rpr(self, *sids: str | None) -> list[etree._Element]:
        """The run properties that apply, weakest first: the defaults, then each style's chain from its root."""
        out = [self.defaults] if self.defaults is not None else []
        for sid in sids:
            out += [r for s in reversed(self.chain(sid)) if (r := s.find(w("rPr"))) is not None]
        return out


class _Reader:
    def __init__(self, pkg: Package):
        self.pkg = pkg
        self.doc = Document("Word (.docx)", [])
        self.main = self._main_part()
        self.rels = self._rels(self.main)
        self.styles = Styles(self._part("styles"))
        self.numbering = self._numbering(self._part("numbering"))
        self.notes: dict[str, dict[str, etree._Element]] = {}
        for kind in ("footnotes", "endnotes"):
            root = self._part(kind)
            self.notes[kind] = {n.get(w("id")): n for n in (root if root is not None else [])
                                if n.get(w("type")) in (None, "normal")}
        comments = self._part("comments")
        self.comments = {c.get(w("id")): c for c in (comments if comments is not None else [])}
        self.people: dict[str, str] = {}
        self.language = None
        self.field: list[str] = []  # the state of each field open: "code" until its separator, then "result"
        self.n_note = {"foot": 0, "end": 0}
        if any(name.lower().endswith("vbaproject.bin") for name in pkg.names()):
            self.doc.messages.append(("info", "the document's macros (vbaProject.bin) are ignored: never run, "
                                              "never encoded"))

    # --- the package ---------------------------------------------------------------------------------------------

    def _main_part(self) -> str:
        if "_rels/.rels" in self.pkg:
            for rel in self.pkg.xml("_rels/.rels").iter(f"{{{PR}}}Relationship"):
                if rel.get("Type", "").endswith("/officeDocument"):
                    target = rel.get("Target", "").lstrip("/")
                    if target in self.pkg:
                        return target
        return "word/document.xml"

    def _rels(self, part: str) -> dict[str, tuple[str, str, bool]]:
        """A part's relationships: id -> (type, target part or URL, external)."""
        folder, name = posixpath.split(part)
        path = posixpath.join(folder, "_rels", name + ".rels")
        out = {}
        if path in self.pkg:
            for rel in self.pkg.xml(path).iter(f"{{{PR}}}Relationship"):
                external = rel.get("TargetMode") == "External"
                target = rel.get("Target", "")
                if not external:
                    target = posixpath.normpath(posixpath.join(folder, target)) if not target.startswith("/") \
                        else target.lstrip("/")
                out[rel.get("Id", "")] = (rel.get("Type", "").rsplit("/", 1)[-1], target, external)
        return out

    def _part(self, kind: str) -> etree._Element | None:
        for typ, target, external in self.rels.values():
            if typ == kind and not external and target in self.pkg:
                return self.pkg.xml(target)
        return None

    def _numbering(self, root: etree._Element | None) -> dict[str, dict[str, bool]]:
        """numId -> level -> ordered (a number, not a bullet)."""
        if root is None:
            return {}
        abstract = {}
        for a in root.iter(w("abstractNum")):
            abstract[a.get(w("abstractNumId"))] = {
                lvl.get(w("ilvl"), "0"): (lvl.find(w("numFmt")) is None or lvl.find(w("numFmt")).get(w("val"))
                                          not in ("bullet", "none"))
                for lvl in a.iter(w("lvl"))}
        out = {}
        for num in root.iter(w("num")):
            ref = num.find(w("abstractNumId"))
            if ref is not None:
                out[num.get(w("numId"))] = abstract.get(ref.get(w("val")), {})
        return out

    # --- the document --------------------------------------------------------------------------------------------

    def read(self) -> Document:
        root = self.pkg.xml(self.main)
        body = root.find(w("body"))
        if body is None:
            raise ValueError("no body")
        self.language = self._language(root)
        self.doc.paras = self.blocks(body)
        self._properties()
        return self.doc

    def _language(self, root: etree._Element) -> str | None:
        """The document's main language: the most text written in one (its runs' or its defaults')."""
        counts: Counter = Counter()
        default = self.styles.defaults.find(w("lang")) if self.styles.defaults is not None else None
        base = default.get(w("val")) if default is not None else None
        for r in root.iter(w("r")):
            lang = r.find(f"{w('rPr')}/{w('lang')}")
            counts[(lang.get(w("val")) if lang is not None else None) or base] += sum(
                len(t.text or "") for t in r.iter(w("t")))
        return counts.most_common(1)[0][0] if counts else base

    def blocks(self, container: etree._Element) -> list[Para]:
        out: list[Para] = []
        for child in container:
            tag = etree.QName(child).localname if isinstance(child.tag, str) else ""
            if tag == "p":
                out += self.paragraph(child)
            elif tag == "tbl":
                table = self.table(child)
                if table is not None:
                    out.append(table)
            elif tag in ("sdt", "customXml"):
                content = child.find(w("sdtContent")) if tag == "sdt" else child
                if content is not None:
                    out += self.blocks(content)
        return out

    def paragraph(self, p: etree._Element) -> list[Para]:
        ppr = p.find(w("pPr"))
        style = ppr.find(w("pStyle")).get(w("val")) if ppr is not None and ppr.find(w("pStyle")) is not None \
            else self.styles.default_para
        out = []
        if ppr is not None and _on(ppr.find(w("pageBreakBefore"))):
            out.append(Para("break", element=tei("pb")))
        level = self.styles.heading(style, ppr)
        pieces: list[Piece] = []
        self.inline(p, (), pieces, None if level else style)  # a heading's style is the look of a head, no hi
        num = ppr.find(w("numPr")) if ppr is not None else None
        num = num if num is not None else self.styles.numbering(style)
        para = Para("p", pieces)
        if level:
            para = Para("head", pieces, level=level)
            self.doc.count("headings")
        elif num is not None and num.find(w("numId")) is not None and num.find(w("numId")).get(w("val")) != "0":
            num_id = num.find(w("numId")).get(w("val"))
            ilvl = num.find(w("ilvl")).get(w("val"), "0") if num.find(w("ilvl")) is not None else "0"
            para = Para("item", pieces, level=int(ilvl) if ilvl.isdigit() else 0, group=num_id,
                        ordered=self.numbering.get(num_id, {}).get(ilvl, True))
            self.doc.count("list items")
        out.append(para)
        if ppr is not None and ppr.find(w("sectPr")) is not None:
            out.append(Para("break", element=tei("milestone", unit="section")))
        return out

    def inline(self, el: etree._Element, marks: tuple[Mark, ...], out: list[Piece], style: str | None,
               deleted: bool = False) -> None:
        for child in el:
            if not isinstance(child.tag, str):
                continue
            tag = etree.QName(child).localname
            if tag == "r":
                self.run(child, marks, out, style, deleted)
            elif tag == "hyperlink":
                rid = child.get(f"{{{R}}}id")
                target = self.rels.get(rid, ("", "", False))[1] if rid else ""
                target = target if (rid and self.rels.get(rid, ("", "", False))[2]) else (
                    "#" + child.get(w("anchor")) if child.get(w("anchor")) else "")
                link = (("ref", (("target", target),)),) if target else ()
                self.inline(child, marks + link, out, style, deleted)
            elif tag in ("ins", "moveTo"):
                self.inline(child, marks + (("add", self._change(child)),), out, style, deleted)
            elif tag in ("del", "moveFrom"):
                removed: list[Piece] = []
                self.inline(child, (), removed, style, deleted=True)
                if removed:
                    out.append((write_inline(tei("del", **dict(self._change(child))), removed), ()))
                    self.doc.count("deletions")
            elif tag in ("smartTag", "customXml", "fldSimple", "bdo", "dir"):
                self.inline(child, marks, out, style, deleted)
            elif tag == "sdt":
                content = child.find(w("sdtContent"))
                if content is not None:
                    self.inline(content, marks, out, style, deleted)
            elif tag in ("oMath", "oMathPara"):
                out.append(("".join(t.text or "" for t in child.iter(f"{{{M}}}t")), marks))

    def _change(self, e: etree._Element) -> tuple[tuple[str, str], ...]:
        attrs = []
        author = e.get(w("author"))
        if author:
            attrs.append(("resp", "#" + self.person(author)))
        when = e.get(w("date"), "")
        if re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:Z|[+-]\d\d:\d\d)?$", when):
            attrs.append(("when", when))
        return tuple(attrs)

    def person(self, name: str) -> str:
        """The id by which the TEI points to someone who changed or commented on the document."""
        if name not in self.people:
            self.people[name] = f"reviser-{len(self.people) + 1}"
        return self.people[name]

    def formatting(self, r: etree._Element, style: str | None) -> tuple[Mark, ...]:
        rpr = r.find(w("rPr"))
        rstyle = rpr.find(w("rStyle")).get(w("val")) if rpr is not None and rpr.find(w("rStyle")) is not None \
            else None
        props = self.styles.rpr(style, rstyle) + ([rpr] if rpr is not None else [])
        rend: dict[str, bool] = {}
        lang = None
        for p in props:
            for name, token in TOGGLES.items():
                v = _on(p.find(w(name)))
                if v is not None:
                    rend[token] = v
            u = p.find(w("u"))
            if u is not None:
                rend["underline"] = u.get(w("val"), "single") != "none"
            va = p.find(w("vertAlign"))
            if va is not None:
                rend["superscript"] = va.get(w("val")) == "superscript"
                rend["subscript"] = va.get(w("val")) == "subscript"
            la = p.find(w("lang"))
            if la is not None and la.get(w("val")):
                lang = la.get(w("val"))
        marks: list[Mark] = []
        tokens = [t for t in FORMATTING if rend.get(t)]
        if tokens:
            marks.append(("hi", (("rend", " ".join(tokens)),)))
        if lang and self.language and lang.split("-")[0].lower() != self.language.split("-")[0].lower():
            marks.append(("foreign", (("xml:lang", lang),)))
        if any(EMPHASIS.match(self.styles.name(s.get(w("styleId")))) for s in self.styles.chain(rstyle)):
            return emphasised(tuple(marks))
        return tuple(marks)

    def run(self, r: etree._Element, marks: tuple[Mark, ...], out: list[Piece], style: str | None,
            deleted: bool) -> None:
        m = marks + self.formatting(r, style)
        for c in r:
            if not isinstance(c.tag, str):
                continue
            tag = etree.QName(c).localname
            if tag == "fldChar":
                kind = c.get(w("fldCharType"))
                if kind == "begin":
                    self.field.append("code")
                elif kind == "separate" and self.field:
                    self.field[-1] = "result"
                elif kind == "end" and self.field:
                    self.field.pop()
                continue
            if self.field and self.field[-1] == "code":
                continue  # a field's code is no text of the document
            if tag in ("t", "delText") and (tag == "t" or deleted):
                out.append((c.text or "", m))
            elif tag in ("tab", "ptab"):
                out.append(("\t", m))
            elif tag in ("br", "cr"):
                if c.get(w("type")) == "page":
                    out.append((tei("pb"), ()))
                elif c.get(w("type")) != "column":
                    out.append(("\n", m))
            elif tag == "noBreakHyphen":
                out.append(("\u2011", m))
            elif tag == "softHyphen":
                out.append(("\u00ad", m))
            elif tag == "sym":
                out.append((self.symbol(c), m))
            elif tag in ("footnoteReference", "endnoteReference"):
                note = self.note(c, "foot" if tag.startswith("foot") else "end")
                if note is not None:
                    out.append((note, ()))
            elif tag == "commentReference":
                note = self.comment(c.get(w("id")))
                if note is not None:
                    out.append((note, ()))
            elif tag in ("drawing", "pict", "object"):
                figure = self.image(c)
                if figure is not None:
                    out.append((figure, ()))

    def symbol(self, c: etree._Element) -> str:
        code = int(c.get(w("char"), "0"), 16) if re.fullmatch(r"[0-9A-Fa-f]{1,4}", c.get(w("char"), "")) else 0
        font = c.get(w("font"), "")
        low = code - 0xF000 if code >= 0xF000 else code
        if font.lower() == "symbol" and low in SYMBOL:
            return SYMBOL[low]
        if 0x20 <= low < 0x7F and font.lower() not in ("wingdings", "webdings", "symbol"):
            return chr(low)
        if not code:
            self.doc.messages.append(("warning", f"a symbol of the font {font} without a character code is "
                                                 "left out"))
            return ""
        char = chr(0xF000 + low if low < 0x100 else code)  # Word's own code point for it, in the private use area
        self.doc.fonts[char] = font
        return char

    def note(self, ref: etree._Element, place: str) -> etree._Element | None:
        kind = "footnotes" if place == "foot" else "endnotes"
        source = self.notes[kind].get(ref.get(w("id")))
        if source is None:
            return None
        self.n_note[place] += 1
        note = tei("note", place=place, n=str(self.n_note[place]))
        self._note_content(note, source)
        self.doc.count("footnotes" if place == "foot" else "endnotes")
        return note

    def _note_content(self, note: etree._Element, source: etree._Element) -> None:
        saved, self.field = self.field, []
        write_note(note, self.blocks(source))
        self.field = saved

    def comment(self, cid: str | None) -> etree._Element | None:
        source = self.comments.get(cid or "")
        if source is None:
            return None
        note = tei("note", type="comment")
        if source.get(w("author")):
            note.set("resp", "#" + self.person(source.get(w("author"))))
        when = source.get(w("date"), "")
        if re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", when):
            note.set("n", when[:10])
        self._note_content(note, source)
        self.doc.count("comments")
        return note

    def image(self, c: etree._Element) -> etree._Element | None:
        rid = None
        for blip in c.iter(f"{{{A}}}blip"):
            rid = blip.get(f"{{{R}}}embed") or blip.get(f"{{{R}}}link")
        for data in c.iter(f"{{{V}}}imagedata"):
            rid = rid or data.get(f"{{{R}}}id")
        if not rid or rid not in self.rels:
            return None
        _, target, external = self.rels[rid]
        figure = tei("figure")
        desc = next((d.get("descr") or d.get("title") for d in c.iter(f"{{{WP}}}docPr")
                     if d.get("descr") or d.get("title")), None)
        if external:  # never fetched: the figure points to where the document points
            figure.append(tei("graphic", url=target))
            self.doc.messages.append(("info", f"an image linked from outside the document ({target}) is not "
                                              "fetched; its address is kept"))
        elif target in self.pkg:
            ext = posixpath.splitext(target)[1].lower()
            if ext not in (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp", ".tif", ".tiff", ".emf", ".wmf"):
                return None
            name = f"image{len(self.doc.media) + 1}{ext}"
            self.doc.media[name] = self.pkg.bytes(target)
            figure.append(tei("graphic", url=name))
        else:
            return None
        if desc:
            figure.append(tei("figDesc", desc))
        self.doc.count("images")
        return figure

    def table(self, tbl: etree._Element) -> Para | None:
        table = tei("table")
        rows_text = []
        above: dict[int, etree._Element] = {}  # grid column -> the cell a vertical merge continues
        for tr in tbl.iter(w("tr")):
            if tr.getparent() is not tbl and tr.getparent().tag != w("sdtContent"):
                continue  # a row of a table inside a cell: read with its cell
            row = tei("row")
            texts = []
            col = 0
            for tc in tr.iter(w("tc")):
                if tc.getparent() is not tr and tc.getparent().tag != w("sdtContent"):
                    continue
                tcpr = tc.find(w("tcPr"))
                span = 1
                if tcpr is not None and tcpr.find(w("gridSpan")) is not None:
                    v = tcpr.find(w("gridSpan")).get(w("val"), "1")
                    span = int(v) if v.isdigit() and int(v) > 0 else 1
                merge = tcpr.find(w("vMerge")) if tcpr is not None else None
                paras = self.blocks(tc)
                words = " ".join(p.text for p in paras if p.kind != "break").strip()
                if merge is not None and merge.get(w("val"), "continue") == "continue" and col in above:
                    start = above[col]
                    start.set("rows", str(int(start.get("rows", "1")) + 1))
                    if words:  # words in a merged cell's continuation still reach the TEI
                        start.append(tei("lb"))
                        write_cell(start, paras)
                        texts.append(words)
                    col += span
                    continue
                cell = tei("cell")
                if span > 1:
                    cell.set("cols", str(span))
                write_cell(cell, paras)
                row.append(cell)
                texts.append(words)
                if merge is not None:
                    above[col] = cell
                else:
                    above.pop(col, None)
                col += span
            if len(row):
                table.append(row)
                rows_text.append("\t".join(texts))
        if not len(table):
            self.doc.messages.append(("info", "a table without rows or cells is left out: it holds nothing"))
            return None
        self.doc.count("tables")
        return Para("table", [("\n".join(rows_text), ())], element=table)

    def _properties(self) -> None:
        if "docProps/core.xml" not in self.pkg:
            return
        root = self.pkg.xml("docProps/core.xml")
        for key, path in (("title", "dc:title"), ("author", "dc:creator"), ("created", "dcterms:created")):
            e = root.find(path, CORE)
            if e is not None and (e.text or "").strip():
                self.doc.properties[key] = e.text.strip()


def read_docx(pkg: Package) -> Document:
    reader = _Reader(pkg)
    doc = reader.read()
    doc.people = reader.people
    return doc
