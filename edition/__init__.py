"""edition: a toolkit for TEI P5 digital editions (encode transcripts, validate, publish)."""

__version__ = "0.1.0"
