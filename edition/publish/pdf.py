"""The PDF layout: WeasyPrint lays out the paged HTML that the print stylesheet writes.

A book is laid out in parts (print.xsl marks where its records and its back matter begin) and its pages put
together in order:

- the front matter and the records, once;
- the back matter (index, term indexes, colophon) alone, after a blank page whose folio is the last record's, so
  that its pages are numbered on from the records'. An index lists every page where a person speaks or is named
  (print.xsl: ``data-refs``, the places): their pages are known from the first part, each page once and in order,
  each a link to the first place on it. The back matter of a record's own book is the edition's colophon, the same
  in every record's book: it is laid out once per process and per folio it starts on;
- the front matter again where its contents name a page of the back matter, with the page numbers written in.

WeasyPrint links, bookmarks and tags the pages of several layouts as one document. A book without the marks (a
theme's own print.xsl) is laid out whole, and again with the index's pages."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname

from ..resources import xslt_dir

_FONTS = None
_SHEETS: dict[str, object] = {}
#: The back matter of records' books, laid out: (its HTML, its first folio) -> its pages (after the blank one).
_BACKS: dict[tuple[str, int], list] = {}

#: An index entry as print.xsl writes it: its places, and where their pages go.
INDEX_ENTRY = re.compile(r'(<p class="index-entry" data-refs="([^"]*)">.*?)<span class="pages"></span>', re.S)
#: Spaces at the end of a line of the HTML: where white space collapses they are one space with the line's end, and
#: WeasyPrint (70) stops with an AssertionError on a footnote whose text holds one (a note wrapped by hand).
TRAILING_SPACE = re.compile(r"[ \t]+\n")
#: print.xsl's marks: where the records begin, and where the back matter begins.
RECORDS, BACK = "<!--records-->", "<!--back-->"
#: The document up to its body, and the stylesheets it links.
OPENING = re.compile(r"^.*?<body[^>]*>", re.S)
LINK = re.compile(r'<link rel="stylesheet" href="([^"]*)">')
#: The contents (print.xsl: ed:contents) and its links, whose page numbers print.css writes after them.
CONTENTS = re.compile(r'<nav class="contents".*?</nav>', re.S)
CONTENTS_LINK = re.compile(r'<a href="#([^"]*)"')
CLOSE = "</body></html>"


def lay_out(paged: str, pdf: Path) -> int:
    """WeasyPrint lays out a paged HTML document (print.css, from the stylesheets' folder) as ``pdf``; its pages.

    The fonts are set up once per process and shared by its documents, and the stylesheets parsed once: a font
    configuration per document costs time, and memory that is not all given back."""
    paged = TRAILING_SPACE.sub("\n", paged)
    document = _in_parts(paged) or _whole(paged)
    document.write_pdf(pdf, pdf_variant="pdf/ua-1", uncompressed_pdf=False)
    return len(document.pages)


def _whole(paged: str):
    document = _render(paged)
    if INDEX_ENTRY.search(paged):
        document = _render(with_index_pages(paged, page_of_anchors(document)))
    return document


def _in_parts(paged: str):
    """The book laid out in parts (the module's description), or None where it has no marks or the parts do not fit
    together (the front matter laid out again took another number of pages)."""
    opening = OPENING.match(paged)
    main, marked, back = paged.partition(BACK)
    front, records, chapters = main.partition(RECORDS)
    if not (opening and marked and records):
        return None
    first = _render(main + CLOSE)
    pages = page_of_anchors(first)
    if INDEX_ENTRY.search(back):
        tail = _back(opening.group(0), with_index_pages(back, pages), len(first.pages))
    else:  # a record's book: the edition's colophon, as in the book before
        key = (re.sub(r"<title>.*?</title>|<meta [^>]*>", "", opening.group(0), flags=re.S) + back, len(first.pages))
        if key not in _BACKS:
            if len(_BACKS) > 64:
                _BACKS.clear()
            _BACKS[key] = _back(opening.group(0), back, len(first.pages))
        tail = _BACKS[key]
    contents = CONTENTS.search(front)
    laid = first.pages
    if contents and any(a not in pages for a in CONTENTS_LINK.findall(contents.group(0))):
        # the contents name pages of the back matter, unknown to the first part: the front again, with them written
        pages = {**pages, **{a: n for n, page in enumerate(tail, len(first.pages) + 1) for a in page.anchors}}
        again = _render(front[:contents.start()] + CONTENTS_LINK.sub(
            lambda m: f'{m.group(0)} data-page="{pages.get(html.unescape(m.group(1)), "")}"',
            contents.group(0)) + front[contents.end():] + CLOSE, written=True)
        first_record = re.search(r'\bid="([^"]*)"', chapters)
        before = pages.get(html.unescape(first_record.group(1)) if first_record else "", 0) - 1
        if len(again.pages) != before:
            return None
        laid = again.pages + first.pages[before:]
    return first.copy(laid + tail)


def _back(opening: str, back: str, folio: int) -> list:
    """The pages of the back matter: laid out after a blank page numbered ``folio``, which is left out."""
    numbered = opening.replace("</head>", f"<style>@page :first {{ counter-reset: page {folio} }}</style></head>", 1)
    return _render(numbered + '<div class="blank"></div>' + back).pages[1:]


def _render(paged: str, written: bool = False):
    """WeasyPrint's layout of a paged document; ``written``: the contents' page numbers are in it (data-page)."""
    global _FONTS
    from weasyprint import CSS, HTML  # imported here: it loads Pango, which only the print edition needs
    from weasyprint.text.fonts import FontConfiguration

    _FONTS = _FONTS or FontConfiguration()
    base = xslt_dir().as_uri() + "/"
    opening = OPENING.match(paged)
    links = LINK.findall(opening.group(0)) if opening else []
    sheets = []
    for href in links:
        url = html.unescape(href) if ":" in href else base + html.unescape(href)
        key = f"{url} {_version(url)}"  # a theme's print.css edited while `edition serve` runs is read again
        if key not in _SHEETS:
            _SHEETS[key] = CSS(url=url, font_config=_FONTS)
        sheets.append(_SHEETS[key])
    if written:
        sheets.append(_written())
    return HTML(string=LINK.sub("", paged, count=len(links)), base_url=base).render(
        font_config=_FONTS, stylesheets=sheets)


def _version(url: str) -> str:
    """A stylesheet file's time of change and size: where they differ, it is read again."""
    if not url.startswith("file:"):
        return ""
    try:
        found = Path(url2pathname(urlparse(url).path)).stat()
    except OSError:
        return ""
    return f"{found.st_mtime_ns} {found.st_size}"


def _written():
    if "written" not in _SHEETS:
        from weasyprint import CSS
        _SHEETS["written"] = CSS(string='nav.contents a[data-page]::after { content: leader(". ") attr(data-page); }',
                                 font_config=_FONTS)
    return _SHEETS["written"]


def page_of_anchors(document) -> dict[str, int]:
    """Each anchor (element id) of a laid-out document -> the number of the page it is on (the folio: pages are
    counted from the first, as print.css counts them)."""
    pages: dict[str, int] = {}
    for number, page in enumerate(document.pages, 1):
        for name in page.anchors:
            pages.setdefault(name, number)
    return pages


def with_index_pages(paged: str, pages: dict[str, int]) -> str:
    """The paged document with each index entry's pages: each page once, in order, a link to its first place."""
    def entry(m: re.Match) -> str:
        first: dict[int, str] = {}
        for anchor in html.unescape(m.group(2)).split():
            if anchor in pages:
                first.setdefault(pages[anchor], anchor)
        links = ", ".join(f'<a class="page-ref" href="#{html.escape(a, quote=True)}">{n}</a>'
                          for n, a in sorted(first.items()))
        return f'{m.group(1)}<span class="pages">{links}</span>'

    return INDEX_ENTRY.sub(entry, paged)
