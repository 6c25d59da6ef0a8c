"""Encode plain-text transcripts as TEI P5: one document per conversation, and a personography.

Modules, in the order of the work: :mod:`.layout` (the text, its blocks and headings, the records they start),
:mod:`.turns` (speaker turns and the other items of a body), :mod:`.records` (what a transcript is read into),
:mod:`.header` (the facts of a record and its ``teiHeader``), :mod:`.dates`, :mod:`.inline` (brackets and names
within a line), :mod:`.registry` (persons and organisations), :mod:`.tei` (the text and the personography as
TEI), :mod:`.files` (writing them), :mod:`.report` (the editor's messages); :mod:`.encoder` runs them.
"""

from .encoder import Document, EncodeResult, combine, encode_file, encode_text, encoding_report, verify_lossless
from .files import WriteError, write
from .records import TranscriptError
from .registry import Registry

__all__ = ["Document", "EncodeResult", "Registry", "TranscriptError", "WriteError", "combine", "encode_file",
           "encode_text", "encoding_report", "verify_lossless", "write"]
