"""The PDF layout: WeasyPrint lays out the paged HTML that the print stylesheet writes.

An index that lists every page where a person speaks or is named (print.xsl: ``data-refs``, the places) needs the
pages first: the book is laid out once to find on which page each place falls, and again with the index's page
numbers, each page once and in order, each a link to the first place on it. The index follows every record, so
the second layout moves no page the index points to."""

from __future__ import annotations

import html
import re
from pathlib import Path

from ..resources import xslt_dir

_FONTS = None

#: An index entry as print.xsl writes it: its places, and where their pages go.
INDEX_ENTRY = re.compile(r'(<p class="index-entry" data-refs="([^"]*)">.*?)<span class="pages"></span>', re.S)
#: Spaces at the end of a line of the HTML: where white space collapses they are one space with the line's end, and
#: WeasyPrint (70) stops with an AssertionError on a footnote whose text holds one (a note wrapped by hand).
TRAILING_SPACE = re.compile(r"[ \t]+\n")


def lay_out(paged: str, pdf: Path) -> int:
    """WeasyPrint lays out a paged HTML document (print.css, from the stylesheets' folder) as ``pdf``; its pages.

    The fonts are set up once per process and shared by its documents: a font configuration per document costs
    time, and memory that is not all given back."""
    paged = TRAILING_SPACE.sub("\n", paged)
    document = _render(paged)
    if INDEX_ENTRY.search(paged):
        document = _render(with_index_pages(paged, page_of_anchors(document)))
    document.write_pdf(pdf, pdf_variant="pdf/ua-1", uncompressed_pdf=False)
    return len(document.pages)


def _render(paged: str):
    global _FONTS
    from weasyprint import HTML  # imported here: it loads Pango, which only the print edition needs
    from weasyprint.text.fonts import FontConfiguration

    _FONTS = _FONTS or FontConfiguration()
    return HTML(string=paged, base_url=str(xslt_dir()) + "/").render(font_config=_FONTS)


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
