"""The PDF layout: WeasyPrint lays out the paged HTML that the print stylesheet writes."""

from __future__ import annotations

from pathlib import Path

from ..resources import xslt_dir

_FONTS = None


def lay_out(paged: str, pdf: Path) -> int:
    """WeasyPrint lays out a paged HTML document (print.css, from the stylesheets' folder) as ``pdf``; its pages.

    The fonts are set up once per process and shared by its documents: a font configuration per document costs
    time, and memory that is not all given back."""
    global _FONTS
    from weasyprint import HTML  # imported here: it loads Pango, which only the print edition needs
    from weasyprint.text.fonts import FontConfiguration

    _FONTS = _FONTS or FontConfiguration()
    document = HTML(string=paged, base_url=str(xslt_dir()) + "/").render(font_config=_FONTS)
    document.write_pdf(pdf, pdf_variant="pdf/ua-1", uncompressed_pdf=False)
    return len(document.pages)
