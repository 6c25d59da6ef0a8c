"""Formatted documents of our own for the tests: Word (.docx) and OpenDocument (.odt) packages written from a short
description, with the quirks the word processors write (a word split over runs, proofing marks, bookmarks, a field's
code, revision ids).

A paragraph is a list of runs and a style; a run is words (``"text"``), formatted words (``("b", "text")``,
``("i", ...)``, ``("u", ...)``, ``("sup", ...)``, ``("sc", ...)``), a footnote (``("fn", "note")``), a comment
(``("comment", "words commented", "comment")``), a tracked insertion or deletion (``("ins", ...)``, ``("del",
...)``), a link (``("link", "words", "https://...")``), a line break (``("br",)``), a page break (``("page",)``), an
image (``("img", "name.png")``), words in another language (``("lang", "fr-FR", "words")``), words in the
character style Emphasis (``("em", "words")``), a symbol font's
character (``("sym", "Wingdings", "F0FC")``, Word only). A paragraph's style is ``"Heading1"``, ``"Heading2"``,
``"Title"``, ``"List"``, ``"Numbered"``, ``"NewPage"`` (a page break before it) or ``"Überschrift1"`` (a heading
style named in German with no outline level, as older or localised files have it; OpenDocument writes a heading). A
table is ``{"table": [[cell, ...], ...]}``, a cell its words or ``("span", n, words)``."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


@dataclass
class Para:
    runs: list
    style: str = ""  # see the module's description
    level: int = 0


@dataclass
class Doc:
    body: list = field(default_factory=list)  # Para or {"table": rows}
    title: str = ""
    author: str = "Anna Weber"


# --- Word ------------------------------------------------------------------------------------------------------------

W_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"')
FORMATS = {"b": "<w:b/>", "i": "<w:i/>", "u": '<w:u w:val="single"/>', "sup": '<w:vertAlign w:val="superscript"/>',
           "sc": "<w:smallCaps/>", "s": "<w:strike/>"}


class _Word:
    def __init__(self) -> None:
        self.footnotes: list[str] = []
        self.comments: list[str] = []
        self.rels: list[tuple[str, str, str]] = []  # id, type, target
        self.media: dict[str, bytes] = {}
        self.n = 0

    def rel(self, typ: str, target: str, external: bool = False) -> str:
        rid = f"rId{len(self.rels) + 10}"
        self.rels.append((rid, typ, target + ('" TargetMode="External' if external else "")))
        return rid

    def t(self, text: str, props: str = "") -> str:
        rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
        return f'<w:r w:rsidR="00A1B2C3">{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'

    def run(self, run) -> str:
        if isinstance(run, str):
            if len(run) > 6 and " " not in run[:6]:  # Word splits a word over runs (a revision, a spell check)
                return '<w:proofErr w:type="spellStart"/>' + self.t(run[:3]) + self.t(run[3:]) + \
                    '<w:proofErr w:type="spellEnd"/>'
            return self.t(run)
        kind = run[0]
        if kind in FORMATS:
            return self.t(run[1], FORMATS[kind])
        if kind == "fn":
            self.footnotes.append(run[1])
            return (f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                    f'<w:footnoteReference w:id="{len(self.footnotes)}"/></w:r>')
        if kind == "comment":
            self.comments.append(run[2])
            cid = len(self.comments) - 1
            return (f'<w:commentRangeStart w:id="{cid}"/>{self.t(run[1])}<w:commentRangeEnd w:id="{cid}"/>'
                    f'<w:r><w:commentReference w:id="{cid}"/></w:r>')
        if kind == "ins":
            return (f'<w:ins w:id="{self.next()}" w:author="Anna Weber" w:date="2024-05-02T10:00:00Z">'
                    f'{self.t(run[1])}</w:ins>')
        if kind == "del":
            return (f'<w:del w:id="{self.next()}" w:author="Anna Weber" w:date="2024-05-02T10:01:00Z">'
                    f'<w:r><w:delText xml:space="preserve">{escape(run[1])}</w:delText></w:r></w:del>')
        if kind == "link":
            rid = self.rel("hyperlink", run[2], external=True)
            return f'<w:hyperlink r:id="{rid}">{self.t(run[1], FORMATS["u"])}</w:hyperlink>'
        if kind == "lang":
            return self.t(run[2], f'<w:lang w:val="{run[1]}"/>')
        if kind == "em":
            return self.t(run[1], '<w:rStyle w:val="Hervorhebung"/>')  # a style's id is in the user's language
        if kind == "sym":  # a character of a symbol font: ("sym", "Wingdings", "F0FC")
            return f'<w:r><w:sym w:font="{run[1]}" w:char="{run[2]}"/></w:r>'
        if kind == "br":
            return "<w:r><w:br/></w:r>"
        if kind == "page":
            return '<w:r><w:br w:type="page"/></w:r>'
        if kind == "field":  # a page number: the field's code is no text, its result is
            return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE '
                    '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' + self.t(run[1]) +
                    '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
        if kind == "img":
            self.media[run[1]] = PNG
            external = run[1].startswith("http")
            rid = self.rel("image", run[1] if external else f"media/{run[1]}", external=external)
            return (f'<w:r><w:drawing><wp:inline><wp:docPr id="1" name="Picture" descr="{escape(run[2])}"/>'
                    f'<a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:embed="{rid}"/></pic:blipFill>'
                    f'</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>')
        raise ValueError(kind)

    def next(self) -> int:
        self.n += 1
        return self.n

    def para(self, p: Para) -> str:
        ppr = ""
        if p.style in ("Heading1", "Heading2", "Title"):
            ppr = f'<w:pPr><w:pStyle w:val="{p.style}"/></w:pPr>'
        elif p.style == "Überschrift1":
            ppr = '<w:pPr><w:pStyle w:val="berschrift1"/></w:pPr>'
        elif p.style == "NewPage":
            ppr = "<w:pPr><w:pageBreakBefore/></w:pPr>"
        elif p.style in ("List", "Numbered"):
            ppr = (f'<w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="{p.level}"/>'
                   f'<w:numId w:val="{1 if p.style == "List" else 2}"/></w:numPr></w:pPr>')
        return (f'<w:p w:rsidR="00A1B2C3">{ppr}<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>'
                + "".join(self.run(r) for r in p.runs) + "</w:p>")

    def table(self, rows) -> str:
        out = ["<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/></w:tblPr>"]
        for row in rows:
            out.append("<w:tr>")
            for cell in row:
                span, words = (cell[1], cell[2]) if isinstance(cell, tuple) else (1, cell)
                pr = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span > 1 else ""
                out.append(f"<w:tc>{pr}<w:p>{self.t(words)}</w:p></w:tc>")
            out.append("</w:tr>")
        return "".join(out) + "</w:tbl>"


STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="en-US"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
<w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>
<w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="Überschrift 1"/><w:basedOn w:val="Normal"/>
</w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/></w:style>
<w:style w:type="character" w:styleId="Hervorhebung"><w:name w:val="Emphasis"/><w:rPr><w:i/></w:rPr></w:style>
<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>
<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
</w:styles>"""
NUMBERING = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
<w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"""


def docx(doc: Doc, document_xml: str | None = None, extra: dict[str, bytes] | None = None) -> bytes:
    """The bytes of a Word package; ``document_xml`` replaces the body written from ``doc`` (for hostile parts),
    ``extra`` adds parts."""
    wd = _Word()
    body = "".join(wd.table(b["table"]) if isinstance(b, dict) else wd.para(b) for b in doc.body)
    document = document_xml or (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W_NS}>'
                                f'<w:body>{body}<w:sectPr/></w:body></w:document>')
    footnotes = "".join(f'<w:footnote w:id="{k}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r>'
                        f'<w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
                        f'{wd.t(" " + text)}</w:p></w:footnote>' for k, text in enumerate(wd.footnotes, 1))
    comments = "".join(f'<w:comment w:id="{k}" w:author="Peter Lang" w:date="2024-05-03T09:00:00Z" w:initials="PL">'
                       f'<w:p><w:r><w:annotationRef/></w:r>{wd.t(text)}</w:p></w:comment>'
                       for k, text in enumerate(wd.comments))
    rels = "".join(f'<Relationship Id="{rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                   f'relationships/{typ}" Target="{target}"/>' for rid, typ, target in wd.rels)
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                               'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                       'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                       'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                       '</Relationships>',
        "word/document.xml": document,
        "word/styles.xml": STYLES,
        "word/numbering.xml": NUMBERING,
        "word/footnotes.xml": f'<?xml version="1.0"?><w:footnotes {W_NS}><w:footnote w:type="separator" w:id="-1">'
                              f'<w:p><w:r><w:separator/></w:r></w:p></w:footnote>{footnotes}</w:footnotes>',
        "word/comments.xml": f'<?xml version="1.0"?><w:comments {W_NS}>{comments}</w:comments>',
        "word/_rels/document.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.'
        'org/package/2006/relationships">' + "".join(
            f'<Relationship Id="rId{k}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            f'{t}" Target="{t}.xml"/>' for k, t in enumerate(("styles", "numbering", "footnotes", "comments"), 1))
        + rels + "</Relationships>",
        "docProps/core.xml": '<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/'
                             'package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
                             f'<dc:title>{escape(doc.title)}</dc:title><dc:creator>{escape(doc.author)}'
                             '</dc:creator></cp:coreProperties>',
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text)
        for name, data in wd.media.items():
            if not name.startswith("http"):
                z.writestr(f"word/media/{name}", data)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return out.getvalue()


# --- OpenDocument ----------------------------------------------------------------------------------------------------

ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
          'xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/" '
          'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
          'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3"')
ODF_STYLES = {"b": "T1", "i": "T2", "u": "T3", "sup": "T4", "sc": "T5", "s": "T6"}
ODF_AUTOMATIC = """<office:automatic-styles>
<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="T2" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="T3" style:family="text"><style:text-properties style:text-underline-style="solid"/>
</style:style>
<style:style style:name="T4" style:family="text"><style:text-properties style:text-position="super 58%"/>
</style:style>
<style:style style:name="T5" style:family="text"><style:text-properties fo:font-variant="small-caps"/></style:style>
<style:style style:name="T6" style:family="text"><style:text-properties style:text-line-through-style="solid"/>
</style:style>
<style:style style:name="T7" style:family="text"><style:text-properties fo:language="fr" fo:country="FR"/>
</style:style>
<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Standard"/>
<style:style style:name="P2" style:family="paragraph" style:parent-style-name="Standard">
<style:paragraph-properties fo:break-before="page"/></style:style>
<text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-format="1"/>
</text:list-style>
<text:list-style style:name="L2"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/>
</text:list-style>
</office:automatic-styles>"""


class _Odf:
    def __init__(self) -> None:
        self.changes: list[str] = []
        self.notes = 0
        self.media: dict[str, bytes] = {}

    def run(self, run) -> str:
        if isinstance(run, str):
            return escape(run).replace("  ", ' <text:s/>')
        kind = run[0]
        if kind in ODF_STYLES:
            return f'<text:span text:style-name="{ODF_STYLES[kind]}">{escape(run[1])}</text:span>'
        if kind == "lang":
            return f'<text:span text:style-name="T7">{escape(run[2])}</text:span>'
        if kind == "em":
            return f'<text:span text:style-name="Emphasis">{escape(run[1])}</text:span>'
        if kind == "fn":
            self.notes += 1
            return (f'<text:note text:id="ftn{self.notes}" text:note-class="footnote"><text:note-citation>'
                    f'{self.notes}</text:note-citation><text:note-body><text:p text:style-name="Footnote">'
                    f'{escape(run[1])}</text:p></text:note-body></text:note>')
        if kind == "comment":
            return (f'<office:annotation office:name="c{len(self.changes)}"><dc:creator>Peter Lang</dc:creator>'
                    f'<dc:date>2024-05-03T09:00:00</dc:date><text:p>{escape(run[2])}</text:p></office:annotation>'
                    f'{escape(run[1])}<office:annotation-end office:name="c{len(self.changes)}"/>')
        if kind == "ins":
            cid = f"ct{len(self.changes) + 1}"
            self.changes.append(f'<text:changed-region text:id="{cid}"><text:insertion><office:change-info>'
                                f'<dc:creator>Anna Weber</dc:creator><dc:date>2024-05-02T10:00:00</dc:date>'
                                f'</office:change-info></text:insertion></text:changed-region>')
            return (f'<text:change-start text:change-id="{cid}"/>{escape(run[1])}'
                    f'<text:change-end text:change-id="{cid}"/>')
        if kind == "del":
            cid = f"ct{len(self.changes) + 1}"
            self.changes.append(f'<text:changed-region text:id="{cid}"><text:deletion><office:change-info>'
                                f'<dc:creator>Anna Weber</dc:creator><dc:date>2024-05-02T10:01:00</dc:date>'
                                f'</office:change-info><text:p>{escape(run[1])}</text:p></text:deletion>'
                                f'</text:changed-region>')
            return f'<text:change text:change-id="{cid}"/>'
        if kind == "link":
            return f'<text:a xlink:type="simple" xlink:href="{escape(run[2])}">{escape(run[1])}</text:a>'
        if kind == "br":
            return "<text:line-break/>"
        if kind == "page":
            return "<text:soft-page-break/>"
        if kind == "field":
            return f'<text:page-number text:select-page="current">{escape(run[1])}</text:page-number>'
        if kind == "img":
            self.media[run[1]] = PNG
            return (f'<draw:frame draw:name="Image1" svg:width="1cm" svg:height="1cm"><draw:image '
                    f'xlink:href="Pictures/{run[1]}"/><svg:desc>{escape(run[2])}</svg:desc></draw:frame>')
        raise ValueError(kind)

    def body(self, blocks) -> str:
        out, k = [], 0
        while k < len(blocks):
            b = blocks[k]
            if isinstance(b, dict):
                out.append('<table:table table:name="T1">')
                for row in b["table"]:
                    out.append("<table:table-row>")
                    for cell in row:
                        span, words = (cell[1], cell[2]) if isinstance(cell, tuple) else (1, cell)
                        attr = f' table:number-columns-spanned="{span}"' if span > 1 else ""
                        out.append(f"<table:table-cell{attr}><text:p>{escape(words)}</text:p></table:table-cell>")
                        out.extend(["<table:covered-table-cell/>"] * (span - 1))
                    out.append("</table:table-row>")
                out.append("</table:table>")
            elif b.style in ("List", "Numbered"):
                items = []
                while k < len(blocks) and not isinstance(blocks[k], dict) and blocks[k].style == b.style:
                    items.append(blocks[k])
                    k += 1
                k -= 1
                out.append(f'<text:list text:style-name="{"L1" if b.style == "Numbered" else "L2"}">' + "".join(
                    f"<text:list-item><text:p>{''.join(self.run(r) for r in i.runs)}</text:p></text:list-item>"
                    for i in items) + "</text:list>")
            elif b.style in ("Heading1", "Heading2", "Title", "Überschrift1"):
                level = 2 if b.style == "Heading2" else 1
                out.append(f'<text:h text:style-name="Heading_20_{level}" text:outline-level="{level}">'
                           + "".join(self.run(r) for r in b.runs) + "</text:h>")
            else:
                style = "P2" if b.style == "NewPage" else "P1"
                out.append(f'<text:p text:style-name="{style}">' + "".join(self.run(r) for r in b.runs) + "</text:p>")
            k += 1
        return "".join(out)


def odt(doc: Doc, content_xml: str | None = None) -> bytes:
    """The bytes of an OpenDocument text package (its ``mimetype`` first and stored, as the format wants)."""
    od = _Odf()
    body = od.body(doc.body)
    tracked = f"<text:tracked-changes>{''.join(od.changes)}</text:tracked-changes>" if od.changes else ""
    content = content_xml or (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {ODF_NS}>'
                              f"{ODF_AUTOMATIC}<office:body><office:text>{tracked}{body}</office:text></office:body>"
                              "</office:document-content>")
    styles = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {ODF_NS}><office:styles>'
              '<style:default-style style:family="paragraph"><style:text-properties fo:language="en" '
              'fo:country="US"/></style:default-style><style:style style:name="Standard" style:family="paragraph"/>'
              '<style:style style:name="Emphasis" style:family="text"><style:text-properties fo:font-style="italic"/>'
              "</style:style></office:styles></office:document-styles>")
    meta = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {ODF_NS}><office:meta>'
            f"<dc:title>{escape(doc.title)}</dc:title><meta:initial-creator>{escape(doc.author)}"
            "</meta:initial-creator></office:meta></office:document-meta>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", content)
        z.writestr("styles.xml", styles)
        z.writestr("meta.xml", meta)
        z.writestr("META-INF/manifest.xml", '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:'
                                            'names:tc:opendocument:xmlns:manifest:1.0"/>')
        for name, data in od.media.items():
            z.writestr(f"Pictures/{name}", data)
    return out.getvalue()
