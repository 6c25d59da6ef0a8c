"""Encode plain-text transcripts as TEI P5: one document per conversation, and a personography.

Modules, in the order of the work: :mod:`.layout` (the text, its blocks and headings, the records they start),
:mod:`.turns` (speaker turns and the other items of a body), :mod:`.records` (what a transcript is read into),
:mod:`.header` (the facts of a record and its ``teiHeader``), :mod:`.header_block` (the fields of a
memorandum's header), :mod:`.source_note` (what an editors' source note says), :mod:`.dates`, :mod:`.inline`
(brackets and names within a line), :mod:`.profile` (a corpus's own conventions, ``--profile``),
:mod:`.registry` (persons and organisations), :mod:`.tei` (the text and the personography as TEI), :mod:`.files`
(writing them), :mod:`.report` and :mod:`.report_page` (the editor's messages, and the side-by-side report);
:mod:`.encoder` runs them.
"""

from .encoder import Document, EncodeResult, combine, encode_file, encode_text, encoding_report, verify_lossless
from .files import WriteError, write
from .formats.changes import MODES as CHANGES
from .profile import Profile
from .profile import load as load_profile
from .records import TranscriptError
from .registry import Registry
from .report_page import encoding_report_page

__all__ = ["CHANGES", "Document", "EncodeResult", "Profile", "Registry", "TranscriptError", "WriteError", "combine",
           "encode_file", "encode_text", "encoding_report", "encoding_report_page", "load_profile", "verify_lossless",
           "write"]
