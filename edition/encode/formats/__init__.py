"""The files editors have besides plain text: Word (.docx), OpenDocument (.odt), saved web pages (.html) and text
typed in Markdown (its headings), recognised by their content, read into a :class:`~.model.Document` (:mod:`.docx`,
:mod:`.odt`, :mod:`.html`, :mod:`.markdown`), read
as a transcript in the text of :mod:`.flow`, and enriched in the TEI with what that text cannot say
(:mod:`.enrich`)."""

from __future__ import annotations

import re
from pathlib import Path

from ..records import TranscriptError
from .archive import Package
from .changes import MODES, settle
from .enrich import verify
from .markdown import typed_in_markdown
from .model import Document

__all__ = ["MODES", "Document", "kind_of", "read_document", "verify"]

#: Beginnings of files that are no transcript and no format read here, and what to do with them.
REFUSED = [
    (b"\xd0\xcf\x11\xe0", "an OLE compound file: a Word 97-2003 .doc, or a document protected by a password; save "
                          "it as .docx without a password"),
    (b"{\\rtf", "a Rich Text Format file: save it as .docx or .odt"),
    (b"%PDF", "a PDF: extract its text first (pdftotext -layout) or save it as .docx"),
]
HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]",
                        re.I | re.S)

def kind_of(path: Path, data: bytes) -> str:
    """What a file is, by its content: "docx", "odt", "html", "markdown" (a text with Markdown's headings, as
    :mod:`.markdown` reads them) or "text". Raises TranscriptError for a file that is none of them and no
    transcript."""
    for magic, what in REFUSED:
        if data.startswith(magic):
            raise TranscriptError(f"{path}: {what}")
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        pkg = Package(str(path), data, "ZIP archive")
        if "word/document.xml" in pkg or any(n.endswith("document.xml") and n.startswith("word/")
                                             for n in pkg.names()):
            return "docx"
        mimetype = pkg.bytes("mimetype").strip() if "mimetype" in pkg else b""
        if mimetype == b"application/vnd.oasis.opendocument.text" and "content.xml" in pkg:
            return "odt"
        raise TranscriptError(f"{path}: a ZIP archive that is neither a Word document (.docx) nor an OpenDocument "
                              "text (.odt)")
    head = data[:4096].removeprefix(b"\xef\xbb\xbf")
    if HTML_START.match(head):
        return "html"
    if path.suffix.lower() in (".md", ".markdown") or typed_in_markdown(data.decode("utf-8-sig", "replace")):
        return "markdown"
    return "text"


def read_document(path: Path, data: bytes, kind: str, changes: str = "keep") -> Document:
    """The document a .docx, .odt or .html file holds, its tracked changes kept, accepted or rejected
    (``changes``: :mod:`.changes`). Raises TranscriptError."""
    if kind == "docx":
        from .docx import read_docx
        doc = read_docx(Package(str(path), data, "Word document"))
    elif kind == "odt":
        from .odt import read_odt
        doc = read_odt(Package(str(path), data, "OpenDocument text"))
    elif kind == "markdown":
        from ..layout import read_text
        from .markdown import read_markdown
        doc = read_markdown(read_text(path, data))
    else:
        from .html import read_html
        doc = read_html(str(path), data)
    return settle(doc, changes)
